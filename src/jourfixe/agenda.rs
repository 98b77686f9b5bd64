//! Jour fixe on the agenda: where each one stands (the next date to hold,
//! how the last one went), the plans that keep its contact off the overdue
//! list, and the `jourfixe` list of `today`. PURE: the caller loads the
//! records and the days with a `done` touch; `today` is an argument.

use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use serde::{Serialize, Serializer};

use super::{JourFixe, OccurrenceState, Rule, Tz, occurrence_state};
use crate::model::{Channel, Id, Plan, PlanKind};

/// A Jour fixe with what the agenda needs to know about its contact.
#[derive(Clone, Debug)]
pub struct Tracked {
    pub jf: JourFixe,
    /// The contact's name.
    pub name: String,
    /// Local days with a `done` touch with the contact: at least every
    /// occurrence day in [`kept_window`] that has one (the only days whose
    /// touches decide an occurrence's state).
    pub kept_days: Vec<NaiveDate>,
    /// `jf`'s rule, read once for every question the agenda asks of it.
    pub rule: Rule,
}

/// Two tracked Jour fixe are equal when record, name and kept days are:
/// the rule is read from the record.
impl PartialEq for Tracked {
    fn eq(&self, other: &Tracked) -> bool {
        (&self.jf, &self.name, &self.kept_days) == (&other.jf, &other.name, &other.kept_days)
    }
}

impl Eq for Tracked {}

impl Tracked {
    /// `jf` with its contact's `name` and `kept_days`, its rule read in `tz`.
    pub fn new(jf: JourFixe, name: String, kept_days: Vec<NaiveDate>, tz: Tz) -> Tracked {
        let rule = Rule::of(&jf, tz);
        Tracked {
            jf,
            name,
            kept_days,
            rule,
        }
    }

    /// Where it stands on `today`; see [`standing`].
    pub fn standing(&self, today: NaiveDate) -> Standing {
        standing_by(&self.rule, &self.jf, today, &self.kept_days)
    }
}

/// A Jour fixe occurrence on the agenda: today's and this week's, and the
/// last missed one until the next comes (`today --json` `jourfixe` entry).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JourFixeEntry {
    /// The Jour fixe's id.
    pub id: Id,
    pub contact_id: Id,
    pub name: String,
    pub date: NaiveDate,
    /// Local wall-clock time as `HH:MM`; `null` for an all-day Jour fixe.
    #[serde(serialize_with = "hhmm")]
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    /// upcoming, kept, skipped or missed.
    pub state: OccurrenceState,
    /// The rule in words: "the 2nd Tuesday of every month at 10:00".
    pub rule: String,
}

/// One occurrence and what became of it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub state: OccurrenceState,
}

/// Where a Jour fixe stands on a given day.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The next occurrence still to hold: on or after today, not skipped,
    /// and not today's once it was kept.
    pub next: Option<NaiveDate>,
    /// The latest occurrence with an outcome: the last one before today, or
    /// today's once it was kept or skipped.
    pub last: Option<Occurrence>,
}

/// Where `jf` stands on `today`, given the days with a `done` touch.
pub fn standing(jf: &JourFixe, today: NaiveDate, kept_days: &[NaiveDate], tz: Tz) -> Standing {
    standing_by(&Rule::of(jf, tz), jf, today, kept_days)
}

/// [`standing`] with `jf`'s rule already read.
fn standing_by(rule: &Rule, jf: &JourFixe, today: NaiveDate, kept_days: &[NaiveDate]) -> Standing {
    let today_state = rule
        .is_occurrence(today)
        .then(|| occurrence_state(jf, today, today, kept_days));
    let last = match today_state {
        Some(state) if state != OccurrenceState::Upcoming => {
            Some(Occurrence { date: today, state })
        }
        _ => rule.last_before(today).map(|date| Occurrence {
            date,
            state: occurrence_state(jf, date, today, kept_days),
        }),
    };
    let next = match today_state {
        Some(OccurrenceState::Kept) => today
            .succ_opt()
            .and_then(|d| rule.next_occurrence(d, &jf.skipped)),
        _ => rule.next_occurrence(today, &jf.skipped),
    };
    Standing { next, last }
}

/// One plan per active Jour fixe: its next occurrence still to hold. The
/// scheduler counts a plan only within `[today, max(due, today) + 7]`, and
/// the next occurrence is the earliest one there could be, so no later
/// occurrence is needed. Each [`Tracked`] carries its rule, read in the
/// zone it was tracked in.
pub fn plans(tracked: &[Tracked], today: NaiveDate) -> Vec<Plan> {
    tracked
        .iter()
        .filter(|t| t.jf.active)
        .filter_map(|t| {
            let date = t.standing(today).next?;
            Some(Plan {
                contact_id: t.jf.contact_id,
                date,
                kind: PlanKind::JourFixe(t.jf.id),
            })
        })
        .collect()
}

/// The first and last day of the week that holds `today`.
pub fn week_of(today: NaiveDate, week_start: Weekday) -> (NaiveDate, NaiveDate) {
    let back = (today.weekday().num_days_from_monday() + 7 - week_start.num_days_from_monday()) % 7;
    let first = today
        .checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(NaiveDate::MIN);
    let last = first
        .checked_add_days(Days::new(6))
        .unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// The days the agenda lists Jour fixe for: the week that holds `today`,
/// stretched to `today + horizon_days` when that reaches further — so on a
/// Sunday the coming week's appointments are already in view.
pub fn listing_window(
    today: NaiveDate,
    week_start: Weekday,
    horizon_days: u32,
) -> (NaiveDate, NaiveDate) {
    let (first, last) = week_of(today, week_start);
    let ahead = today
        .checked_add_days(Days::new(u64::from(horizon_days)))
        .unwrap_or(NaiveDate::MAX);
    (first, last.max(ahead))
}

/// The days whose `done` touches decide [`standing`] and [`agenda_list`]:
/// from the last occurrence before today (or the week's start, if earlier)
/// to the end of the [`listing_window`].
pub fn kept_window(
    rule: &Rule,
    today: NaiveDate,
    week_start: Weekday,
    horizon_days: u32,
) -> (NaiveDate, NaiveDate) {
    let (first, last) = listing_window(today, week_start, horizon_days);
    let from = rule.last_before(today).map_or(first, |d| d.min(first));
    (from, last.max(today))
}

/// The agenda's Jour fixe list: every occurrence of an active Jour fixe in
/// the [`listing_window`] (kept, skipped, missed or upcoming), plus the
/// last occurrence before the week when it was missed — shown until the
/// next occurrence comes. Ordered by date, time (all-day first), name, id.
pub fn agenda_list(
    tracked: &[Tracked],
    today: NaiveDate,
    week_start: Weekday,
    horizon_days: u32,
) -> Vec<JourFixeEntry> {
    let (first, last) = listing_window(today, week_start, horizon_days);
    let mut entries = Vec::new();
    for t in tracked.iter().filter(|t| t.jf.active) {
        let mut dates = t.rule.occurrences(first, last);
        if let Some(before) = t.rule.last_before(today)
            && before < first
            && occurrence_state(&t.jf, before, today, &t.kept_days) == OccurrenceState::Missed
            && !t.rule.is_occurrence(today)
        {
            dates.insert(0, before);
        }
        if dates.is_empty() {
            continue;
        }
        let rule = t.jf.describe();
        entries.extend(dates.into_iter().map(|date| entry(t, date, today, &rule)));
    }
    // Stable: entries with equal keys keep their order.
    entries.sort_by_cached_key(|e| (e.date, e.time, e.name.to_lowercase(), e.id));
    entries
}

fn entry(t: &Tracked, date: NaiveDate, today: NaiveDate, rule: &str) -> JourFixeEntry {
    JourFixeEntry {
        id: t.jf.id,
        contact_id: t.jf.contact_id,
        name: t.name.clone(),
        date,
        time: t.jf.time,
        duration_minutes: t.jf.duration_minutes,
        channel: t.jf.channel,
        note: t.jf.note.clone(),
        state: occurrence_state(&t.jf, date, today, &t.kept_days),
        rule: rule.to_string(),
    }
}

/// One dated occurrence of a Jour fixe, as a calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub jourfixe_id: Id,
    pub contact_id: Id,
    /// The contact's name (one copy for all dates of a Jour fixe).
    pub name: Arc<str>,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub channel: Channel,
    /// The rule in words, e.g. "the 2nd Tuesday of every month at 10:00".
    pub rule: Arc<str>,
    pub state: OccurrenceState,
}

/// Every occurrence of an active Jour fixe in `[from, to]` (`to` not
/// before `today`), each with its state as seen on `today`, ordered as
/// [`order`] says. A Jour fixe with no date still to hold in the window
/// gets its next one after `to`, so that every active Jour fixe shows its
/// next date. The [`Tracked`] must know the kept days of `[from, to]`.
pub fn calendar(
    tracked: &[Tracked],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<Dated> {
    let ranks = name_ranks(tracked);
    let mut out = Vec::new();
    for (t, rank) in tracked.iter().zip(ranks).filter(|(t, _)| t.jf.active) {
        let mut dated: Vec<(NaiveDate, OccurrenceState)> = t
            .rule
            .occurrences(from, to)
            .into_iter()
            .map(|date| (date, occurrence_state(&t.jf, date, today, &t.kept_days)))
            .collect();
        let upcoming = |(date, state): &(NaiveDate, OccurrenceState)| {
            *date >= today && *state == OccurrenceState::Upcoming
        };
        if !dated.iter().any(upcoming) {
            // The next date to hold lies beyond the window (a Jour fixe that
            // starts later, or a rare rule): it is still the contact's plan.
            let after = to.succ_opt().map(|d| d.max(today));
            if let Some(next) = after.and_then(|d| t.rule.next_occurrence(d, &t.jf.skipped)) {
                dated.push((next, occurrence_state(&t.jf, next, today, &[])));
            }
        }
        let name: Arc<str> = t.name.as_str().into();
        // the words are for the screens: in the interface language
        let words: Arc<str> = t.jf.describe_in(crate::i18n::current()).into();
        out.extend(dated.into_iter().map(|(date, state)| {
            let dated = Dated {
                jourfixe_id: t.jf.id,
                contact_id: t.jf.contact_id,
                name: Arc::clone(&name),
                date,
                time: t.jf.time,
                channel: t.jf.channel,
                rule: Arc::clone(&words),
                state,
            };
            (rank, dated)
        }));
    }
    // By date, time, name, then Jour fixe id: the rank stands for the last two.
    out.sort_unstable_by_key(|(rank, o)| (o.date, o.time, *rank));
    out.into_iter().map(|(_, o)| o).collect()
}

/// The order of [`calendar`]: by date, time (all-day first), name, then
/// Jour fixe id. (`calendar` sorts by a rank that stands for the last two,
/// without comparing strings.)
pub fn order(a: &Dated, b: &Dated) -> std::cmp::Ordering {
    (a.date, a.time, &a.name, a.jourfixe_id).cmp(&(b.date, b.time, &b.name, b.jourfixe_id))
}

/// Each Jour fixe's place when sorted by contact name, equal names by id.
fn name_ranks(tracked: &[Tracked]) -> Vec<usize> {
    let mut by_name: Vec<usize> = (0..tracked.len()).collect();
    by_name.sort_by(|&a, &b| {
        (&tracked[a].name, tracked[a].jf.id).cmp(&(&tracked[b].name, tracked[b].jf.id))
    });
    let mut ranks = vec![0; tracked.len()];
    for (rank, i) in by_name.into_iter().enumerate() {
        ranks[i] = rank;
    }
    ranks
}

/// Serialises a time of day as `"HH:MM"` (or `null`), the way people write it.
pub fn hhmm<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => s.collect_str(&t.format("%H:%M")),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests;
