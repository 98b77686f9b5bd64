//! The seam for the Jour fixe feature: the TUI shows occurrences of standing
//! appointments in the Today agenda, the Contacts table ("next Jour fixe")
//! and the Jour fixe tab's calendar. Everything the TUI needs from that
//! feature goes through [`occurrences`]; until the Jour fixe store lands it
//! reports none, and every view shows its "no Jour fixe yet" state.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use crate::error::Result;
use crate::model::{Channel, Id};

/// Whether an occurrence happened.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OccurrenceState {
    /// Today or later, not yet kept.
    Planned,
    /// A `done` touch with the contact on that day.
    Kept,
    /// Past, neither kept nor skipped.
    Missed,
    /// Skipped on purpose (an EXDATE).
    Skipped,
}

/// One dated occurrence of a Jour fixe, as the TUI shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub jourfixe_id: Id,
    pub contact_id: Id,
    pub name: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub channel: Channel,
    /// The rule in words, e.g. "every 2nd tue 10:00".
    pub rule: String,
    pub state: OccurrenceState,
}

/// Occurrences of every active contact's Jour fixe in `[from, to]`, by date
/// then time. The Jour fixe store is not part of this build yet, so there
/// are none; its loader plugs in here.
pub fn occurrences(
    _conn: &Connection,
    _from: NaiveDate,
    _to: NaiveDate,
) -> Result<Vec<Occurrence>> {
    Ok(Vec::new())
}
