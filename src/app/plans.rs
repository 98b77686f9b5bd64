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

/// The open follow-ups of active contacts, by date, each with its
/// contact's name.
pub fn open_followups(s: &mut Store) -> Result<Vec<(FollowUp, String)>> {
    s.read(|tx| {
        let people = contacts::all(tx, false)?;
        let names: std::collections::HashMap<Id, &str> =
            people.iter().map(|c| (c.id, c.name.as_str())).collect();
        let mut open: Vec<(FollowUp, String)> = followups::open(tx)?
            .into_iter()
            .filter_map(|f| {
                let name = names.get(&f.contact_id)?.to_string();
                Some((f, name))
            })
            .collect();
        open.sort_by(|a, b| a.0.due.cmp(&b.0.due).then(a.0.id.cmp(&b.0.id)));
        Ok(open)
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

/// Deletes hook `id` (the TUI's undo of adding it); returns it as it was,
/// with its contact.
pub fn remove_hook(s: &mut Store, id: Id) -> Result<(Hook, Contact)> {
    s.write(|tx| {
        let hook = hooks::get(tx, id)?;
        hooks::delete(tx, id)?;
        Ok((hook.clone(), contacts::get(tx, hook.contact_id)?))
    })
}

/// Deletes follow-up `id` (the TUI's undo of adding it); returns it as it
/// was, with its contact.
pub fn remove_followup(s: &mut Store, id: Id) -> Result<(FollowUp, Contact)> {
    s.write(|tx| {
        let f = followups::get(tx, id)?;
        followups::delete(tx, id)?;
        Ok((f.clone(), contacts::get(tx, f.contact_id)?))
    })
}
