//! Triage answers: a cadence, skip or archive for each contact without a
//! cadence, one key each — the quick way from an imported address book to
//! a working agenda. `draht triage` and the TUI's triage both answer
//! through here.
//!
//! First check-ins are spread like an import's: the `i`-th (from 0) of the
//! `n` contacts walked, given a cadence of `C` days, starts its cadence on
//! `today + floor(i · C / n)` (`schedule::rules::spread_day`), so a triage of
//! 300 people does not make them all due tomorrow, and the first of them
//! is due today — never overdue, however long ago it was added.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;
use crate::model::{Contact, Id};
use crate::schedule::rules::spread_day;
use crate::store::{Store, Tx, contacts};

/// What one key asks for.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Every(u32),
    Skip,
    Archive,
    Stop,
}

/// The choice a key stands for; `None` for a key that means nothing here.
pub fn choice(key: char) -> Option<Choice> {
    match key.to_ascii_lowercase() {
        'w' => Some(Choice::Every(14)),
        'm' => Some(Choice::Every(30)),
        'q' => Some(Choice::Every(90)),
        'y' => Some(Choice::Every(365)),
        's' => Some(Choice::Skip),
        'a' => Some(Choice::Archive),
        'x' => Some(Choice::Stop),
        _ => None,
    }
}

/// Gives contact `id`, the `i`-th (from 0) of the `n` contacts walked, a
/// cadence of `days` that starts on its spread date (see the module docs;
/// a snooze stays as it is). Returns the first check-in day.
pub fn set_cadence(
    conn: &Tx,
    id: Id,
    days: u32,
    (i, n): (usize, usize),
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<NaiveDate> {
    let first = spread_day(today, i, n, days);
    let mut contact = contacts::get(conn, id)?;
    contact.cadence_days = Some(days);
    contacts::update(conn, &contact, now)?;
    contacts::set_cadence_from(conn, id, first)?;
    Ok(first)
}

/// Archives contact `id`: triage's `a`.
pub fn archive(conn: &Tx, id: Id, now: DateTime<Utc>) -> Result<()> {
    let mut contact = contacts::get(conn, id)?;
    contact.archived = true;
    contacts::update(conn, &contact, now)
}

/// The active contacts without a cadence, by name: whom a triage walks.
pub fn pending(s: &mut Store) -> Result<Vec<Contact>> {
    s.read(|tx| {
        Ok(contacts::all(tx, false)?
            .into_iter()
            .filter(|c| c.cadence_days.is_none())
            .collect())
    })
}

/// What a triage answer did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub contact: Contact,
    /// For a cadence: the first check-in day.
    pub first: Option<NaiveDate>,
}

/// Saves the answer `choice` for contact `id`, the `place` = (index from
/// 0, number walked) of the triage, in one transaction. Skip and stop
/// change nothing.
pub fn answer(
    s: &mut Store,
    id: Id,
    choice: Choice,
    place: (usize, usize),
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Answered> {
    s.write(|tx| {
        let first = match choice {
            Choice::Every(days) => Some(set_cadence(tx, id, days, place, today, now)?),
            Choice::Archive => {
                archive(tx, id, now)?;
                None
            }
            Choice::Skip | Choice::Stop => None,
        };
        Ok(Answered {
            contact: contacts::get(tx, id)?,
            first,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_cadences_and_actions() {
        assert_eq!(choice('w'), Some(Choice::Every(14)));
        assert_eq!(choice('M'), Some(Choice::Every(30)));
        assert_eq!(
            choice('q'),
            Some(Choice::Every(90)),
            "q is quarterly, not quit"
        );
        assert_eq!(choice('y'), Some(Choice::Every(365)));
        assert_eq!(choice('s'), Some(Choice::Skip));
        assert_eq!(choice('a'), Some(Choice::Archive));
        assert_eq!(choice('x'), Some(Choice::Stop));
        assert_eq!(choice('z'), None);
        assert_eq!(choice('\n'), None);
    }
}
