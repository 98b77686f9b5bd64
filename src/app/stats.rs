//! How relationships are going, over a window: each contact's history
//! measured (`insight`), the Jour fixe kept ratio, and what the TUI's Stats
//! tab shows.

use chrono::NaiveDate;

use super::Who;
use crate::error::Result;
use crate::insight::{
    self, ChannelCounts, ContactStats, DEFAULT_WINDOW_DAYS, GroupBy, History, KeptRatio, Window,
};
use crate::jourfixe::{Tz, occurrences};
use crate::model::{Id, Sphere};
use crate::store::{Store, Tx, facts, jourfixe, stats};

/// What `draht stats` measures.
pub struct Measured {
    /// Every active contact's history in the window, or the one asked for.
    pub histories: Vec<History>,
    /// For one contact: its done touches per day over the heat window.
    pub heat: Vec<(NaiveDate, u32)>,
    pub kept: Option<KeptRatio>,
}

/// The histories over `window` of every active contact, or only of `who`
/// (with its heat map over the `heat_days` up to `today`), and the Jour
/// fixe kept ratio, in one read transaction.
pub fn measure(
    s: &mut Store,
    who: Option<Who>,
    window: Window,
    today: NaiveDate,
    heat_days: u32,
) -> Result<Measured> {
    s.read(|tx| match who {
        Some(who) => {
            let id = who.id(tx)?;
            let heat = stats::day_counts(tx, id, Window::ending(today, heat_days))?;
            Ok(Measured {
                histories: stats::history(tx, window, id)?.into_iter().collect(),
                heat,
                kept: jourfixe_kept(tx, Some(id), window)?,
            })
        }
        None => Ok(Measured {
            histories: stats::histories(tx, window)?,
            heat: Vec::new(),
            kept: jourfixe_kept(tx, None, window)?,
        }),
    })
}

/// The Jour fixe kept ratio over `window`: of one contact's active Jour
/// fixe, or of every active one. Skipped dates do not count unless kept.
fn jourfixe_kept(tx: &Tx, contact: Option<Id>, window: Window) -> Result<Option<KeptRatio>> {
    let list = match contact {
        Some(id) => jourfixe::for_contact(tx, id)?,
        None => jourfixe::active(tx)?,
    };
    let mut flags = Vec::new();
    for jf in list.iter().filter(|j| j.active) {
        let done = facts::done_days(tx, jf.contact_id, window.from, window.to)?;
        let dates = occurrences(jf, window.from, window.to, Tz::LOCAL);
        flags.extend(
            insight::kept_flags(&dates, &done)
                .into_iter()
                .filter(|(day, kept)| *kept || !jf.is_skipped(*day)),
        );
    }
    Ok(insight::kept_ratio(&flags, window))
}

/// A relationship whose warmth fell against the window before.
#[derive(Clone, Debug, PartialEq)]
pub struct Cooling {
    pub id: Id,
    pub name: String,
    pub sphere: Sphere,
    pub warmth: f64,
    pub before: f64,
    /// Days since the last done touch in the window.
    pub since_last: Option<u32>,
}

/// A sphere's done touches per channel in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct SphereMix {
    pub sphere: Sphere,
    pub contacts: u32,
    pub touches: ChannelCounts,
    pub personal_share: Option<f64>,
}

/// Everything the Stats tab shows, over the window `draht stats` uses by
/// default (the last 90 days against the 90 before), so both agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    pub today: NaiveDate,
    pub window: Window,
    /// Done touches per week and channel, oldest week first.
    pub weekly: Vec<ChannelCounts>,
    pub spheres: Vec<SphereMix>,
    /// Largest drop in warmth first (`insight::cooling`).
    pub cooling: Vec<Cooling>,
}

impl Insight {
    pub fn is_cooling(&self, id: Id) -> bool {
        self.cooling.iter().any(|c| c.id == id)
    }
}

/// Reads and measures every active contact's history up to `today`.
pub fn insight(s: &mut Store, today: NaiveDate) -> Result<Insight> {
    let window = Window::ending(today, DEFAULT_WINDOW_DAYS);
    let histories = s.read(|tx| stats::histories(tx, window))?;
    let all: Vec<ContactStats> = histories
        .iter()
        .map(|h| insight::contact_stats(h, window))
        .collect();
    let weekly = insight::aggregate(None, &all).weekly;
    let subjects = histories.iter().map(|h| &h.subject).zip(all.iter());
    let spheres = insight::group_by(subjects, GroupBy::Sphere)
        .into_iter()
        .filter_map(|g| {
            Some(SphereMix {
                sphere: Sphere::from_name(g.key.as_deref()?)?,
                contacts: g.contacts,
                touches: g.touches,
                personal_share: g.personal_share,
            })
        })
        .collect();
    let cooling = insight::cooling(&all)
        .into_iter()
        .filter_map(|(id, warmth, before)| {
            let i = histories.iter().position(|h| h.subject.contact_id == id)?;
            Some(Cooling {
                id,
                name: histories[i].subject.name.clone(),
                sphere: histories[i].subject.sphere,
                warmth,
                before,
                since_last: all[i].days_since_last,
            })
        })
        .collect();
    Ok(Insight {
        today,
        window,
        weekly,
        spheres,
        cooling,
    })
}
