//! The pre-call brief of one contact: details, check-in, hooks, open
//! follow-ups, Jour fixe, recent touches and the channel mix — what
//! `draht show` prints and the TUI's card shows.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Who;
use crate::error::Result;
use crate::insight::Window;
use crate::jourfixe::agenda::Tracked;
use crate::model::{Channel, FollowUp, Hook, Id, Touch};
use crate::schedule::{self, Checkin, ContactFacts, Settings};
use crate::store::{Store, contacts, facts, followups, hooks, stats, touches};

/// One contact's brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub facts: ContactFacts,
    pub checkin: Option<Checkin>,
    /// Hooks in the order they are brought up in (freshest first).
    pub hooks: Vec<Hook>,
    /// Open follow-ups, by date.
    pub followups: Vec<FollowUp>,
    /// Every Jour fixe of the contact, active or not.
    pub jourfixe: Vec<Tracked>,
    /// Recent touches, newest first.
    pub touches: Vec<Touch>,
    /// `done` touches per channel, richest first.
    pub mix: Vec<(Channel, i64)>,
    /// Names of the other people in the listed touches.
    pub others: HashMap<Id, String>,
    /// Done touches per local day in the window asked for (the heat map).
    pub heat: Vec<(NaiveDate, u32)>,
}

/// What a brief holds besides the record, its check-in and its plans.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Depth {
    /// At most this many recent touches.
    pub touches: usize,
    /// Touches per day over this window, if wanted.
    pub heat: Option<Window>,
}

/// The brief of the contact `who` means (archived ones too), as of `today`,
/// in one read transaction.
pub fn of(
    s: &mut Store,
    who: Who,
    today: NaiveDate,
    settings: &Settings,
    depth: Depth,
) -> Result<Brief> {
    let (facts, hooks, followups, jourfixe, touches, mix, others, heat) = s.read(|tx| {
        let id = who.id(tx)?;
        let jourfixe = super::jourfixe::of_contact(tx, id, today, settings)?;
        let facts = facts::for_contact(tx, contacts::get(tx, id)?)?;
        let hooks = hooks::for_contact(tx, id)?;
        let followups = followups::open_for_contact(tx, id)?;
        let touches = touches::for_contact(tx, id, Some(depth.touches))?;
        let mix = touches::channel_mix(tx, id)?;
        let mut others = HashMap::new();
        for t in &touches {
            for p in &t.participants {
                if *p != id && !others.contains_key(p) {
                    others.insert(*p, contacts::get(tx, *p)?.name);
                }
            }
        }
        let heat = match depth.heat {
            Some(window) => stats::day_counts(tx, id, window)?,
            None => Vec::new(),
        };
        Ok((
            facts, hooks, followups, jourfixe, touches, mix, others, heat,
        ))
    })?;
    let followups: Vec<FollowUp> = followups
        .into_iter()
        .filter(|f| schedule::followup_is_open(f, &facts))
        .collect();
    let plans = crate::jourfixe::agenda::plans(&jourfixe, today);
    let checkin = schedule::checkins(
        std::slice::from_ref(&facts),
        &followups,
        &plans,
        today,
        settings,
    )
    .pop()
    .flatten();
    Ok(Brief {
        facts,
        checkin,
        hooks,
        followups,
        jourfixe,
        touches,
        mix,
        others,
        heat,
    })
}
