//! What makes the next call easier: hooks (talking points) and follow-ups
//! (dated reminders, Wiedervorlage).

use chrono::{DateTime, NaiveDate, Utc};

use super::Who;
use crate::error::Result;
use crate::model::{Contact, FollowUp, Hook, HookKind, Id};
use crate::store::{Store, contacts, followups, hooks};

/// Adds a hook for `who`; returns it with its contact.
pub fn add_hook(
    s: &mut Store,
    who: Who,
    kind: HookKind,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(Hook, Contact)> {
    s.write(|tx| {
        let contact = who.contact(tx)?;
        let id = hooks::insert(tx, contact.id, kind, text, now)?;
        Ok((hooks::get(tx, id)?, contact))
    })
}

/// Adds a follow-up for `who` on `due`; returns it with its contact.
pub fn remind(
    s: &mut Store,
    who: Who,
    due: NaiveDate,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(FollowUp, Contact)> {
    s.write(|tx| {
        let contact = who.contact(tx)?;
        let id = followups::insert(tx, contact.id, due, note, now)?;
        Ok((followups::get(tx, id)?, contact))
    })
}

/// Marks follow-up `id` done; returns it with its contact.
pub fn done(s: &mut Store, id: Id, now: DateTime<Utc>) -> Result<(FollowUp, Contact)> {
    s.write(|tx| {
        let f = followups::mark_done(tx, id, now)?;
        let contact = contacts::get(tx, f.contact_id)?;
        Ok((f, contact))
    })
}
