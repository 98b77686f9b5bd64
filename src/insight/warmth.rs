//! Warmth: how present a relationship is, as one number.
//!
//! `warmth(T) = Σ weight(channel) · 2^(−age / 30)` over the `done` touches of
//! the window ending on day `T`, with `age = T − day of the touch` in days.
//! The weight doubles on each rung of DESIGN.md's richness ladder —
//! `2^(richness − 1)`: sms and e-mail 1, chat 2, call 4, video 8, meeting 16 —
//! so that a coffee last week (16 · 0.85 ≈ 13.6) outweighs six e-mails this
//! week (≤ 6). Missed attempts weigh nothing. The half-life of 30 days halves
//! a touch's weight every month: a call today counts 4, a month ago 2.
//!
//! The trend compares the warmth at the end of the window with the warmth at
//! the end of the previous window of the same length (same formula, same
//! decay): `warming` when it rose by at least 25 % and at least 1 point,
//! `cooling` when it fell to 80 % or less and by at least 1 point, otherwise
//! `steady`. The floor of one point (one e-mail today) keeps faint
//! relationships from flickering between trends.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ContactStats, TouchFact, Window};
use crate::model::{Channel, Id, Outcome};

/// Days after which a touch counts half.
pub const HALF_LIFE_DAYS: f64 = 30.0;

/// Relative change needed for a trend: up by this factor, or down to its inverse.
pub const TREND_RATIO: f64 = 1.25;

/// Absolute change (in warmth points) needed for a trend.
pub const TREND_FLOOR: f64 = 1.0;

/// Which way warmth moved against the previous window.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Warming,
    Steady,
    Cooling,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Warming => "warming",
            Trend::Steady => "steady",
            Trend::Cooling => "cooling",
        }
    }
}

/// The weight of one `done` touch on `channel` at age 0: `2^(richness − 1)`.
pub fn channel_weight(channel: Channel) -> f64 {
    f64::from(1u32 << (channel.richness().saturating_sub(1)))
}

/// The warmth at the end of `window` from the touches inside it (see the
/// module docs). Touches outside the window are ignored.
pub fn warmth(touches: &[TouchFact], window: Window) -> f64 {
    touches
        .iter()
        .filter(|t| t.outcome == Outcome::Done && window.contains(t.on))
        .map(|t| channel_weight(t.channel) * decay(window.to, t.on))
        // fold from +0.0: an empty f64 sum is -0.0, which prints as "-0.0"
        .fold(0.0, |sum, w| sum + w)
}

/// `2^(−age / half-life)` for a touch on `on` seen from `end` (age ≥ 0).
fn decay(end: NaiveDate, on: NaiveDate) -> f64 {
    let age = (end - on).num_days().max(0) as f64;
    (-age / HALF_LIFE_DAYS).exp2()
}

/// The trend from `before` to `now` (see the module docs).
pub fn trend(now: f64, before: f64) -> Trend {
    if now - before >= TREND_FLOOR && now >= before * TREND_RATIO {
        Trend::Warming
    } else if before - now >= TREND_FLOOR && now <= before / TREND_RATIO {
        Trend::Cooling
    } else {
        Trend::Steady
    }
}

/// The cooling relationships, largest drop in warmth first (ties by contact
/// id): `(contact_id, warmth_now, warmth_before)`. Feeds the TUI's cooling
/// list and the Today tab's marker.
pub fn cooling(stats: &[ContactStats]) -> Vec<(Id, f64, f64)> {
    let mut out: Vec<(Id, f64, f64)> = stats
        .iter()
        .filter(|s| s.trend == Trend::Cooling)
        .map(|s| (s.contact_id, s.warmth, s.warmth_before))
        .collect();
    out.sort_by(|a, b| (b.2 - b.1).total_cmp(&(a.2 - a.1)).then(a.0.cmp(&b.0)));
    out
}
