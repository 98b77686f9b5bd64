//! What the exports are made of, read in one transaction each: the
//! calendar (Jour fixe, open follow-ups, due check-ins).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Result;
use crate::jourfixe::JourFixe;
use crate::model::{FollowUp, Id};
use crate::remind::Remind;
use crate::schedule::{Agenda, ContactFacts, Settings};
use crate::store::{Store, followups, jourfixe, reminders};

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
