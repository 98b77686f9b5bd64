//! The seam for the Jour fixe feature: the TUI shows occurrences of standing
//! appointments in the Today agenda, the Contacts table ("next Jour fixe")
//! and the Jour fixe tab's calendar. Everything the TUI needs from that
//! feature goes through [`occurrences`]; with none, every view shows its
//! "no Jour fixe yet" state.

use std::sync::Arc;

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
    pub name: Arc<str>,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub channel: Channel,
    /// The rule in words, e.g. "every 2nd tue 10:00".
    pub rule: Arc<str>,
    pub state: OccurrenceState,
}

/// Occurrences of every active Jour fixe of an active contact in
/// `[from, to]` (`to` not before `today`), by date, time, name and Jour fixe
/// id, each with its state as seen on `today` (kept when a `done` touch
/// with the contact falls on that day). A Jour fixe with no date still to
/// hold in the window gets its next one after `to`, so that every active
/// Jour fixe has its next date.
pub fn occurrences(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<Occurrence>> {
    let tracking = store::jourfixe::active_tracking(conn)?;
    occurrences_of(conn, tracking, from, to, today)
}

/// [`occurrences`] of the Jour fixe in `tracking` (by id) alone.
pub fn occurrences_of(
    conn: &Connection,
    tracking: Vec<store::jourfixe::ToTrack>,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<Occurrence>> {
    let ranks = name_ranks(&tracking);
    let mut out = Vec::new();
    for (active, rank) in tracking.into_iter().zip(ranks) {
        let rule = crate::jourfixe::Rule::of(&active.jf, Tz::LOCAL);
        let dates = rule.occurrences(from, to);
        let kept = active.kept_days(conn, &dates)?;
        let store::jourfixe::ToTrack { jf, name, .. } = active;
        let mut dated: Vec<(NaiveDate, OccurrenceState)> = dates
            .into_iter()
            .map(|date| (date, state_on(&jf, date, today, &kept)))
            .collect();
        let planned = |(date, state): &(NaiveDate, OccurrenceState)| {
            *date >= today && *state == OccurrenceState::Planned
        };
        if !dated.iter().any(planned) {
            // The next date to hold lies beyond the window (a Jour fixe that
            // starts later, or a rare rule): it is still the contact's plan
            // and the Jour fixe tab's entry, as for `today` and `list`.
            let after = to.succ_opt().map(|d| d.max(today));
            if let Some(next) = after.and_then(|d| rule.next_occurrence(d, &jf.skipped)) {
                dated.push((next, state_on(&jf, next, today, &[])));
            }
        }
        // One copy of the name and the rule in words for all its dates.
        let name: Arc<str> = name.into();
        let words: Arc<str> = jf.describe().into();
        for (date, state) in dated {
            let occurrence = Occurrence {
                jourfixe_id: jf.id,
                contact_id: jf.contact_id,
                name: Arc::clone(&name),
                date,
                time: jf.time,
                channel: jf.channel,
                rule: Arc::clone(&words),
                state,
            };
            out.push((rank, occurrence));
        }
    }
    // By date, time, name, then Jour fixe id: the rank stands for the last two.
    out.sort_unstable_by_key(|(rank, o)| (o.date, o.time, *rank));
    Ok(out.into_iter().map(|(_, o)| o).collect())
}

/// The order of [`occurrences`]: by date, time (all-day first), name,
/// then Jour fixe id. (`occurrences_of` sorts by a rank that stands for
/// the last two, without comparing strings.)
pub fn order(a: &Occurrence, b: &Occurrence) -> std::cmp::Ordering {
    (a.date, a.time, &a.name, a.jourfixe_id).cmp(&(b.date, b.time, &b.name, b.jourfixe_id))
}

/// The state of `jf`'s occurrence on `date` as the TUI shows it.
fn state_on(
    jf: &crate::jourfixe::JourFixe,
    date: NaiveDate,
    today: NaiveDate,
    kept: &[NaiveDate],
) -> OccurrenceState {
    match crate::jourfixe::occurrence_state(jf, date, today, kept) {
        crate::jourfixe::OccurrenceState::Upcoming => OccurrenceState::Planned,
        crate::jourfixe::OccurrenceState::Kept => OccurrenceState::Kept,
        crate::jourfixe::OccurrenceState::Skipped => OccurrenceState::Skipped,
        crate::jourfixe::OccurrenceState::Missed => OccurrenceState::Missed,
    }
}

/// Each Jour fixe's place (given in id order) when sorted by contact name,
/// equal names by id.
fn name_ranks(tracking: &[store::jourfixe::ToTrack]) -> Vec<usize> {
    let mut by_name: Vec<usize> = (0..tracking.len()).collect();
    // Stable: equal names stay in id order.
    by_name.sort_by(|&a, &b| tracking[a].name.cmp(&tracking[b].name));
    let mut ranks = vec![0; tracking.len()];
    for (rank, i) in by_name.into_iter().enumerate() {
        ranks[i] = rank;
    }
    ranks
}
