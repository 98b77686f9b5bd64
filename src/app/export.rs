//! What the exports are made of, read in one transaction each: the
//! calendar (Jour fixe, open follow-ups, due check-ins), and the address
//! book going out — each active contact with the vCard an export writes
//! for it (its stored card with what draht changed patched in, or the card
//! draht writes), for `export vcard` and `export vdir`.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Result;
use crate::interop::vcard::{VcardVersion, export_card};
use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp, Id};
use crate::remind::Remind;
use crate::schedule::{Agenda, ContactFacts, Settings};
use crate::store::{Store, cards, contacts, followups, jourfixe, reminders};

/// Everything `export ics` writes.
pub struct Calendar {
    /// The agenda of the day (its due check-ins are exported).
    pub agenda: Agenda,
    /// Every active contact, whole.
    pub facts: Vec<ContactFacts>,
    /// Active Jour fixe of active contacts.
    pub jourfixes: Vec<JourFixe>,
    /// Follow-ups not marked done (the exporter drops those a touch closed).
    pub followups: Vec<FollowUp>,
    /// Each Jour fixe's own reminder, for the calendar alarms.
    pub reminders: HashMap<Id, Remind>,
}

/// The [`Calendar`] of `today`.
pub fn calendar(s: &mut Store, today: NaiveDate, settings: &Settings) -> Result<Calendar> {
    s.read(|tx| {
        let day = super::agenda::day_full(tx, today, settings)?;
        Ok(Calendar {
            agenda: day.agenda,
            facts: day.facts,
            jourfixes: jourfixe::active(tx)?,
            followups: followups::open(tx)?,
            reminders: reminders::settings(tx)?,
        })
    })
}

/// Every active contact, ordered by name, with its card. `version` forces
/// one vCard version; without it each stored card keeps its own (2.1
/// becomes 3.0) and contacts without one are written as 4.0.
pub fn address_book(
    store: &mut Store,
    version: Option<VcardVersion>,
) -> Result<Vec<(Contact, String)>> {
    let (people, mut stored) =
        store.read(|tx| Ok((contacts::all(tx, false)?, cards::all_cards(tx)?)))?;
    Ok(people
        .into_iter()
        .map(|contact| {
            let card = export_card(stored.remove(&contact.id).as_deref(), &contact, version);
            (contact, card)
        })
        .collect())
}
