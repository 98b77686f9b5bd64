//! The measures of one contact over a window, and their roll-up per sphere,
//! tag and channel. Definitions (also in docs/guide.md "Insight"):
//!
//! * **touches per channel**, **missed**: `done` touches / missed attempts
//!   whose local day lies in the window.
//! * **personal share**: done touches at or above the contact's minimum
//!   channel, divided by all done touches.
//! * **gaps**: days between consecutive distinct days with a done touch in
//!   the window; the longest and the median (mean of the middle two for an
//!   even count). Fewer than two touch days: no gap. The silence since the
//!   last touch is reported apart (`days_since_last`).
//! * **rating**: the mean of the ratings of rated done touches.
//! * **check-ins on time vs late** (contacts with a cadence C): every day in
//!   the window with a personal touch is a check-in, judged against the
//!   previous personal day Q (looked up before the window too):
//!   due = Q + C. It is on time when it falls on or before due, or when a
//!   missed attempt lies in (Q, due] — a missed call counts as having done
//!   your part. The very first personal touch (no Q) is not judged. Snoozes
//!   are not in the history and do not move due here.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::warmth::{trend, warmth};
use super::{ChannelCounts, ContactStats, History, MAX_WEEKS, Subject, Trend, Window};
use crate::model::{Channel, Outcome};
use crate::schedule::rules::is_personal_for;

/// Measures one contact over `window` (and its warmth over the previous one).
pub fn contact_stats(history: &History, window: Window) -> ContactStats {
    let subject = &history.subject;
    let is_personal =
        |t: &super::TouchFact| is_personal_for(subject.min_channel, t.channel, t.outcome);

    let mut touches = ChannelCounts::default();
    let weeks = window.weeks().min(MAX_WEEKS);
    let skipped_weeks = window.weeks() - weeks;
    let mut weekly = vec![ChannelCounts::default(); weeks];
    let mut missed = 0u32;
    let mut personal = 0u32;
    let mut rating_sum = 0i64;
    let mut rated = 0u32;
    let mut days: Vec<NaiveDate> = Vec::new();
    for t in history.touches.iter().filter(|t| window.contains(t.on)) {
        match t.outcome {
            Outcome::Missed => missed += 1,
            Outcome::Done => {
                touches.add(t.channel, 1);
                if let Some(week) = window
                    .week_of(t.on)
                    .and_then(|w| w.checked_sub(skipped_weeks))
                {
                    weekly[week].add(t.channel, 1);
                }
                if is_personal(t) {
                    personal += 1;
                }
                if let Some(r) = t.rating {
                    rating_sum += i64::from(r);
                    rated += 1;
                }
                days.push(t.on);
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    let gaps: Vec<u32> = days.windows(2).map(|w| day_count(w[1], w[0])).collect();

    let total = touches.total();
    let (on_time, late) = checkins(history, window);
    let now = warmth(&history.touches, window);
    let before = warmth(&history.touches, window.previous());
    ContactStats {
        contact_id: subject.contact_id,
        touches,
        missed,
        personal,
        personal_share: (total > 0).then(|| f64::from(personal) / f64::from(total)),
        longest_gap: gaps.iter().copied().max(),
        median_gap: median(&gaps),
        days_since_last: days.last().map(|last| day_count(window.to, *last)),
        rating: (rated > 0).then(|| rating_sum as f64 / f64::from(rated)),
        rated,
        on_time,
        late,
        warmth: now,
        warmth_before: before,
        trend: trend(now, before),
        gaps,
        weekly,
    }
}

/// Whole days from `earlier` to `later` (0 when reversed).
fn day_count(later: NaiveDate, earlier: NaiveDate) -> u32 {
    u32::try_from((later - earlier).num_days()).unwrap_or(0)
}

/// The median of `values`, the mean of the middle two for an even count.
fn median(values: &[u32]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// (on time, late) check-ins in the window; see the module docs.
fn checkins(history: &History, window: Window) -> (u32, u32) {
    let Some(cadence) = history.subject.cadence_days else {
        return (0, 0);
    };
    let min = history.subject.min_channel;
    let mut personal_days: Vec<NaiveDate> = Vec::new();
    let mut missed_days: Vec<NaiveDate> = Vec::new();
    for t in history.touches.iter().filter(|t| t.on <= window.to) {
        match t.outcome {
            _ if is_personal_for(min, t.channel, t.outcome) => personal_days.push(t.on),
            Outcome::Missed => missed_days.push(t.on),
            Outcome::Done => {}
        }
    }
    personal_days.sort_unstable();
    personal_days.dedup();
    missed_days.sort_unstable();
    let (mut on_time, mut late) = (0, 0);
    for pair in personal_days.windows(2) {
        let (previous, day) = (pair[0], pair[1]);
        if !window.contains(day) {
            continue;
        }
        let due = previous
            .checked_add_days(Days::new(u64::from(cadence)))
            .unwrap_or(NaiveDate::MAX);
        let tried_in_time = missed_days.iter().any(|m| previous < *m && *m <= due);
        if day <= due || tried_in_time {
            on_time += 1;
        } else {
            late += 1;
        }
    }
    (on_time, late)
}

/// How many Jour fixe occurrences in a window were kept.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeptRatio {
    pub kept: u32,
    /// Occurrences judged.
    pub of: u32,
}

impl KeptRatio {
    /// `kept / of` (never called with `of` 0: [`kept_ratio`] returns `None`).
    pub fn ratio(&self) -> f64 {
        f64::from(self.kept) / f64::from(self.of.max(1))
    }
}

/// DESIGN.md's rule, from plain inputs: an occurrence is kept when a `done`
/// touch with its contact falls on that day. `occurrences` exclude skipped
/// dates; `done_days` are the contact's local days with a done touch.
pub fn kept_flags(occurrences: &[NaiveDate], done_days: &[NaiveDate]) -> Vec<(NaiveDate, bool)> {
    occurrences
        .iter()
        .map(|day| (*day, done_days.contains(day)))
        .collect()
}

/// The kept ratio of the occurrences `(date, kept)` in `window`. An
/// occurrence on the window's last day that is not kept yet is not judged
/// (the day is not over); `None` when nothing is judged.
pub fn kept_ratio(occurrences: &[(NaiveDate, bool)], window: Window) -> Option<KeptRatio> {
    let judged = occurrences
        .iter()
        .filter(|(day, kept)| window.contains(*day) && (*kept || *day < window.to));
    let (kept, of) = judged.fold((0u32, 0u32), |(k, n), (_, kept)| {
        (k + u32::from(*kept), n + 1)
    });
    (of > 0).then_some(KeptRatio { kept, of })
}

/// How to group contacts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Sphere,
    /// One group per tag; a contact with two tags is in both, one without
    /// tags in the group with key `None`.
    Tag,
}

/// The measures of several contacts rolled up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupStats {
    /// Sphere or tag name; `None` for contacts without a tag.
    pub key: Option<String>,
    pub contacts: u32,
    pub touches: ChannelCounts,
    pub missed: u32,
    pub personal: u32,
    pub personal_share: Option<f64>,
    /// The longest gap of any member.
    pub longest_gap: Option<u32>,
    /// The median of all members' gaps together.
    pub median_gap: Option<f64>,
    /// The mean of all members' ratings together.
    pub rating: Option<f64>,
    pub rated: u32,
    pub on_time: u32,
    pub late: u32,
    /// Sum of the members' warmth.
    pub warmth: f64,
    pub warmth_before: f64,
    pub trend: Trend,
    /// Done touches per week, oldest first.
    #[serde(skip)]
    pub weekly: Vec<ChannelCounts>,
}

impl GroupStats {
    pub fn weekly_totals(&self) -> Vec<u32> {
        self.weekly.iter().map(ChannelCounts::total).collect()
    }
}

/// Rolls `members` up into one group. A touch with two people counts for
/// each of them.
pub fn aggregate<'a>(
    key: Option<String>,
    members: impl IntoIterator<Item = &'a ContactStats>,
) -> GroupStats {
    let mut g = GroupStats {
        key,
        contacts: 0,
        touches: ChannelCounts::default(),
        missed: 0,
        personal: 0,
        personal_share: None,
        longest_gap: None,
        median_gap: None,
        rating: None,
        rated: 0,
        on_time: 0,
        late: 0,
        warmth: 0.0,
        warmth_before: 0.0,
        trend: Trend::Steady,
        weekly: Vec::new(),
    };
    let mut gaps: Vec<u32> = Vec::new();
    let mut rating_sum = 0.0;
    for s in members {
        g.contacts += 1;
        g.touches.merge(&s.touches);
        g.missed += s.missed;
        g.personal += s.personal;
        gaps.extend_from_slice(&s.gaps);
        if let Some(r) = s.rating {
            rating_sum += r * f64::from(s.rated);
            g.rated += s.rated;
        }
        g.on_time += s.on_time;
        g.late += s.late;
        g.warmth += s.warmth;
        g.warmth_before += s.warmth_before;
        if g.weekly.len() < s.weekly.len() {
            g.weekly.resize(s.weekly.len(), ChannelCounts::default());
        }
        for (sum, week) in g.weekly.iter_mut().zip(&s.weekly) {
            sum.merge(week);
        }
    }
    let total = g.touches.total();
    g.personal_share = (total > 0).then(|| f64::from(g.personal) / f64::from(total));
    g.longest_gap = gaps.iter().copied().max();
    g.median_gap = median(&gaps);
    g.rating = (g.rated > 0).then(|| rating_sum / f64::from(g.rated));
    g.trend = trend(g.warmth, g.warmth_before);
    g
}

/// One group per sphere or tag, ordered by key (no tag last).
pub fn group_by<'a>(
    rows: impl IntoIterator<Item = (&'a Subject, &'a ContactStats)>,
    by: GroupBy,
) -> Vec<GroupStats> {
    let mut groups: BTreeMap<(bool, String), Vec<&ContactStats>> = BTreeMap::new();
    // a tag is one group whatever its case or accents, shown as first seen
    let mut spelled: BTreeMap<String, String> = BTreeMap::new();
    for (subject, stats) in rows {
        match by {
            GroupBy::Sphere => groups
                .entry((false, subject.sphere.as_str().to_string()))
                .or_default()
                .push(stats),
            GroupBy::Tag if subject.tags.is_empty() => {
                groups.entry((true, String::new())).or_default().push(stats);
            }
            GroupBy::Tag => {
                for tag in &subject.tags {
                    let key = crate::matching::fold(tag);
                    spelled.entry(key.clone()).or_insert_with(|| tag.clone());
                    groups.entry((false, key)).or_default().push(stats);
                }
            }
        }
    }
    groups
        .into_iter()
        .map(|((untagged, key), members)| {
            let shown = spelled.get(&key).cloned().unwrap_or(key);
            aggregate((!untagged).then_some(shown), members)
        })
        .collect()
}

/// One channel's share of all done touches.
#[derive(Copy, Clone, Debug, PartialEq, Serialize)]
pub struct ChannelRow {
    pub channel: Channel,
    pub touches: u32,
    /// Of all done touches; `None` when there are none.
    pub share: Option<f64>,
    /// Contacts with at least one touch on this channel.
    pub contacts: u32,
}

/// Touches per channel over all `stats`, richest channel first.
pub fn by_channel(stats: &[ContactStats]) -> Vec<ChannelRow> {
    let all: u32 = stats.iter().map(ContactStats::total).sum();
    Channel::ALL
        .iter()
        .rev()
        .map(|&channel| {
            let touches = stats.iter().map(|s| s.touches.get(channel)).sum();
            let contacts = stats.iter().filter(|s| s.touches.get(channel) > 0).count();
            ChannelRow {
                channel,
                touches,
                share: (all > 0).then(|| f64::from(touches) / f64::from(all)),
                contacts: u32::try_from(contacts).unwrap_or(u32::MAX),
            }
        })
        .collect()
}
