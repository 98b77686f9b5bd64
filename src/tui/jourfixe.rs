//! The seam for the Jour fixe feature: the TUI shows occurrences of standing
//! appointments in the Today agenda, the Contacts table ("next Jour fixe")
//! and the Jour fixe tab's calendar. Everything the TUI needs from that
//! feature goes through [`occurrences`]; with none, every view shows its
//! "no Jour fixe yet" state.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::Connection;

use crate::error::Result;
use crate::jourfixe::Tz;
use crate::model::{Channel, Id};
use crate::store;

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

/// Occurrences of every active Jour fixe of an active contact in
/// `[from, to]`, by date then time, each with its state as seen on `today`
/// (kept when a `done` touch with the contact falls on that day).
pub fn occurrences(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<Occurrence>> {
    let mut out = Vec::new();
    for active in store::jourfixe::active_tracking(conn)? {
        let dates = crate::jourfixe::Rule::of(&active.jf, Tz::LOCAL).occurrences(from, to);
        let kept = active.kept_days(conn, &dates)?;
        let store::jourfixe::ToTrack { jf, name, .. } = active;
        let rule = jf.describe();
        for date in dates {
            let state = match crate::jourfixe::occurrence_state(&jf, date, today, &kept) {
                crate::jourfixe::OccurrenceState::Upcoming => OccurrenceState::Planned,
                crate::jourfixe::OccurrenceState::Kept => OccurrenceState::Kept,
                crate::jourfixe::OccurrenceState::Skipped => OccurrenceState::Skipped,
                crate::jourfixe::OccurrenceState::Missed => OccurrenceState::Missed,
            };
            out.push(Occurrence {
                jourfixe_id: jf.id,
                contact_id: jf.contact_id,
                name: name.clone(),
                date,
                time: jf.time,
                channel: jf.channel,
                rule: rule.clone(),
                state,
            });
        }
    }
    out.sort_by(|a, b| (a.date, a.time, &a.name).cmp(&(b.date, b.time, &b.name)));
    Ok(out)
}
