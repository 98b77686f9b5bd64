//! The address book going out: each active contact with the vCard an
//! export writes for it (its stored card with what draht changed patched
//! in, or the card draht writes), for `export vcard` and `export vdir`.

use crate::error::Result;
use crate::interop::vcard::{VcardVersion, export_card};
use crate::model::Contact;
use crate::store::{Store, cards, contacts};

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
