//! People: add, edit, archive and delete them, set a cadence or a snooze,
//! and list everyone with their check-in.

use chrono::{DateTime, NaiveDate, Utc};

use super::Who;
use crate::error::Result;
use crate::model::Contact;
use crate::schedule::{self, Checkin, ContactFacts, Settings};
use crate::store::contacts as store;
pub use crate::store::contacts::Detail;
use crate::store::{Store, facts, followups};

/// The contact `who` means, as stored.
pub fn get(s: &mut Store, who: Who) -> Result<Contact> {
    s.read(|tx| who.contact(tx))
}

/// Every contact by name (archived ones when asked), with their lists.
pub fn all(s: &mut Store, include_archived: bool) -> Result<Vec<Contact>> {
    s.read(|tx| store::all(tx, include_archived))
}

/// How many contacts there are: (active, archived).
pub fn count(s: &mut Store) -> Result<(i64, i64)> {
    s.read(|tx| store::count(tx))
}

/// Adds `contact` (its id and UID are given by the store) and returns it
/// as stored.
pub fn add(s: &mut Store, contact: &Contact, now: DateTime<Utc>) -> Result<Contact> {
    s.write(|tx| {
        let id = store::insert(tx, contact, now)?;
        store::get(tx, id)
    })
}

/// Changes the contact `who` means by `change`, in one transaction, and
/// returns it as stored. An error from `change` changes nothing.
pub fn edit(
    s: &mut Store,
    who: Who,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut Contact) -> Result<()>,
) -> Result<Contact> {
    Ok(change_contact(s, who, now, change)?.1)
}

/// [`edit`], returning the contact as it was before the change too (what
/// an undo puts back), both read in the write's transaction.
pub fn change_contact(
    s: &mut Store,
    who: Who,
    now: DateTime<Utc>,
    change: impl FnOnce(&mut Contact) -> Result<()>,
) -> Result<(Contact, Contact)> {
    s.write(|tx| {
        let before = who.contact(tx)?;
        let mut contact = before.clone();
        change(&mut contact)?;
        store::update(tx, &contact, now)?;
        Ok((before, store::get(tx, contact.id)?))
    })
}

/// Sets (or, with `None`, clears) the check-in cadence in days.
pub fn set_cadence(
    s: &mut Store,
    who: Who,
    days: Option<u32>,
    now: DateTime<Utc>,
) -> Result<Contact> {
    edit(s, who, now, |c| {
        c.cadence_days = days;
        Ok(())
    })
}

/// Puts the check-in off until `until`.
pub fn snooze(s: &mut Store, who: Who, until: NaiveDate, now: DateTime<Utc>) -> Result<Contact> {
    edit(s, who, now, |c| {
        c.snoozed_until = Some(until);
        Ok(())
    })
}

/// Takes the contact off the agenda, keeping the history (`archived`), or
/// puts an archived one back.
pub fn archive(s: &mut Store, who: Who, archived: bool, now: DateTime<Utc>) -> Result<Contact> {
    edit(s, who, now, |c| {
        c.archived = archived;
        Ok(())
    })
}

/// Deletes the contact and everything that is only theirs (touches with
/// nobody else, hooks, follow-ups, Jour fixe); returns it as it was.
pub fn delete(s: &mut Store, who: Who) -> Result<Contact> {
    s.write(|tx| {
        let contact = who.contact(tx)?;
        store::delete(tx, contact.id)?;
        Ok(contact)
    })
}

/// Every contact (archived ones when asked) by name, with its check-in
/// on `today` (`None` without a cadence and when archived).
pub struct Listing {
    pub facts: Vec<ContactFacts>,
    /// Parallel to `facts`.
    pub checkins: Vec<Option<Checkin>>,
}

/// The [`Listing`] of `today`, each record read in as much `detail` as
/// asked. The file is read through a memory map: a whole-table read in
/// order (see `Store::read_mapped`).
pub fn listing(
    s: &mut Store,
    today: NaiveDate,
    settings: &Settings,
    include_archived: bool,
    detail: Detail,
) -> Result<Listing> {
    let (facts, open, plans) = s.read_mapped(|tx| {
        let plans = super::jourfixe::plans(tx, today)?;
        Ok((
            facts::load(tx, include_archived, detail)?,
            followups::open(tx)?,
            plans,
        ))
    })?;
    let checkins = schedule::checkins(&facts, &open, &plans, today, settings);
    Ok(Listing { facts, checkins })
}
