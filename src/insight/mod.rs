//! Insight: the shape of each relationship over a window of days. PURE: no
//! I/O and no clock — the window (and so "today") is an argument, touches
//! arrive as local days.
//!
//! * `measures.rs` — per contact ([`contact_stats`]) and per group
//!   ([`aggregate`], [`group_by`]): touches per channel, personal share, gaps,
//!   rating, check-ins on time vs late, weekly counts, Jour fixe kept ratio.
//! * `warmth.rs` — the warmth score, its trend and the cooling list.
//! * `charts.rs` — text charts (bars, sparklines, heat-map cells) shared by
//!   the CLI and the TUI.
//!
//! The formulas are documented in docs/guide.md, section "Insight".

use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer, ser::SerializeMap};

use crate::model::{Channel, Id, Outcome, Sphere};

pub mod charts;
mod measures;
#[cfg(test)]
mod tests;
mod warmth;

pub use measures::{
    ChannelRow, GroupBy, GroupStats, KeptRatio, aggregate, by_channel, contact_stats, group_by,
    kept_flags, kept_ratio,
};
pub use warmth::{
    HALF_LIFE_DAYS, TREND_FLOOR, TREND_RATIO, Trend, channel_weight, cooling, trend, warmth,
};

/// The default window of `draht stats`: the last 90 days, today included.
pub const DEFAULT_WINDOW_DAYS: u32 = 90;

/// Weekly counts cover at most the last 53 weeks of a window (a year), so a
/// window of years stays small in memory and fits a sparkline on screen.
pub const MAX_WEEKS: usize = 53;

/// A span of local days, both ends included.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    /// `[from, to]`; `None` when `from` lies after `to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Window> {
        (from <= to).then_some(Window { from, to })
    }

    /// The `days` days ending on `to` (`days` 0 is read as 1).
    pub fn ending(to: NaiveDate, days: u32) -> Window {
        let back = u64::from(days.max(1) - 1);
        Window {
            from: to
                .checked_sub_days(Days::new(back))
                .unwrap_or(NaiveDate::MIN),
            to,
        }
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }

    /// The window of the same length right before this one.
    pub fn previous(&self) -> Window {
        let end = self.from.pred_opt().unwrap_or(NaiveDate::MIN);
        Window::ending(end, self.days())
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Number of week buckets: the last one ends on `to`, the first may be
    /// shorter than seven days.
    pub fn weeks(&self) -> usize {
        (self.days() as usize).div_ceil(7)
    }

    /// The week bucket of `day` (0 = oldest), `None` outside the window.
    pub fn week_of(&self, day: NaiveDate) -> Option<usize> {
        if !self.contains(day) {
            return None;
        }
        let back = usize::try_from((self.to - day).num_days()).ok()? / 7;
        Some(self.weeks() - 1 - back)
    }
}

/// A touch as insight sees it: its local day and what it was.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TouchFact {
    pub on: NaiveDate,
    pub channel: Channel,
    pub outcome: Outcome,
    pub rating: Option<i8>,
}

impl TouchFact {
    /// A `done` touch without a rating (for tests and benches).
    pub fn done(on: NaiveDate, channel: Channel) -> TouchFact {
        TouchFact {
            on,
            channel,
            outcome: Outcome::Done,
            rating: None,
        }
    }
}

/// Who a history belongs to: what grouping and the rules need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Subject {
    pub contact_id: Id,
    pub name: String,
    pub sphere: Sphere,
    pub tags: Vec<String>,
    pub cadence_days: Option<u32>,
    /// The effective minimum channel for a personal touch.
    pub min_channel: Channel,
}

/// One contact's touches, oldest first. They cover at least the window and
/// the previous window; touches before that may be present (the store adds
/// the ones back to the last personal touch, so the first check-in in the
/// window can be judged).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub subject: Subject,
    pub touches: Vec<TouchFact>,
}

/// A count per channel, in the order of [`Channel::ALL`]. Serialises as a
/// map `{"sms": 0, "email": 3, …}`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct ChannelCounts(pub [u32; 6]);

impl ChannelCounts {
    pub fn get(&self, channel: Channel) -> u32 {
        self.0[index(channel)]
    }

    pub fn add(&mut self, channel: Channel, n: u32) {
        let slot = &mut self.0[index(channel)];
        *slot = slot.saturating_add(n);
    }

    pub fn total(&self) -> u32 {
        self.0.iter().fold(0u32, |a, b| a.saturating_add(*b))
    }

    /// Adds every count of `other`.
    pub fn merge(&mut self, other: &ChannelCounts) {
        for channel in Channel::ALL {
            self.add(channel, other.get(channel));
        }
    }
}

impl Serialize for ChannelCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(Channel::ALL.len()))?;
        for channel in Channel::ALL {
            map.serialize_entry(channel.as_str(), &self.get(channel))?;
        }
        map.end()
    }
}

/// Position of a channel in [`Channel::ALL`].
pub fn index(channel: Channel) -> usize {
    match channel {
        Channel::Sms => 0,
        Channel::Email => 1,
        Channel::Chat => 2,
        Channel::Call => 3,
        Channel::Video => 4,
        Channel::Meet => 5,
    }
}

/// Everything measured for one contact over a window.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContactStats {
    pub contact_id: Id,
    /// `done` touches per channel in the window.
    pub touches: ChannelCounts,
    /// Missed attempts in the window.
    pub missed: u32,
    /// `done` touches at or above the contact's minimum channel.
    pub personal: u32,
    /// `personal / done touches`; `None` without a done touch.
    pub personal_share: Option<f64>,
    /// Days between consecutive touch days in the window (closed gaps).
    #[serde(skip)]
    pub gaps: Vec<u32>,
    pub longest_gap: Option<u32>,
    pub median_gap: Option<f64>,
    /// Days from the last done touch in the window to the window's end.
    pub days_since_last: Option<u32>,
    /// Mean rating of rated done touches; `None` without one.
    pub rating: Option<f64>,
    pub rated: u32,
    /// Check-ins (personal touch days) made on or before their due date.
    pub on_time: u32,
    /// Check-ins made after their due date.
    pub late: u32,
    pub warmth: f64,
    /// Warmth over the previous window of the same length.
    pub warmth_before: f64,
    pub trend: Trend,
    /// `done` touches per week, oldest first ([`Window::week_of`]), of the
    /// window's last [`MAX_WEEKS`] weeks at most.
    #[serde(skip)]
    pub weekly: Vec<ChannelCounts>,
}

impl ContactStats {
    /// All done touches in the window.
    pub fn total(&self) -> u32 {
        self.touches.total()
    }

    /// Done touches per week, all channels, oldest first (for a sparkline).
    pub fn weekly_totals(&self) -> Vec<u32> {
        self.weekly.iter().map(ChannelCounts::total).collect()
    }
}
