//! The detail pane's data: the `draht show` brief of one contact, loaded
//! when the selection moves to a new contact (a handful of indexed queries),
//! never per frame; with it the contact's touches per day for the heat map.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Result;
use crate::insight::Window;
use crate::model::{Channel, FollowUp, Hook, Id, Touch};
use crate::schedule;
use crate::store::{Store, contacts, followups, hooks, stats, touches};

use super::data::Snapshot;

/// How many recent touches the timeline shows.
pub const TIMELINE: usize = 12;

/// Weeks of the heat map of touches (a year and a day or so).
pub const HEAT_WEEKS: u32 = 53;

/// One contact's brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    pub id: Id,
    /// Hooks in the order they are brought up in (freshest first).
    pub hooks: Vec<Hook>,
    /// Open follow-ups, by date.
    pub followups: Vec<FollowUp>,
    /// Recent touches, newest first.
    pub touches: Vec<Touch>,
    /// `done` touches per channel, richest first.
    pub mix: Vec<(Channel, i64)>,
    /// Names of the other people in the listed touches.
    pub others: HashMap<Id, String>,
    /// Done touches per local day over the last [`HEAT_WEEKS`] weeks.
    pub heat: Vec<(NaiveDate, u32)>,
}

/// Loads the brief of contact `id` (one read transaction).
pub fn load(store: &mut Store, snapshot: &Snapshot, id: Id) -> Result<Brief> {
    let year = Window::ending(snapshot.ov.today, 7 * HEAT_WEEKS);
    let (hooks, followups, touches, mix, others, heat) = store.read(|tx| {
        let hooks = hooks::for_contact(tx, id)?;
        let followups = followups::open_for_contact(tx, id)?;
        let touches = touches::for_contact(tx, id, Some(TIMELINE))?;
        let mix = touches::channel_mix(tx, id)?;
        let mut others = HashMap::new();
        for t in &touches {
            for p in &t.participants {
                if *p != id && !others.contains_key(p) {
                    let name = match snapshot.facts_of(*p) {
                        Some(f) => f.contact.name.clone(),
                        None => contacts::get(tx, *p)?.name,
                    };
                    others.insert(*p, name);
                }
            }
        }
        let heat = stats::day_counts(tx, id, year)?;
        Ok((hooks, followups, touches, mix, others, heat))
    })?;
    let followups = match snapshot.facts_of(id) {
        Some(f) => followups
            .into_iter()
            .filter(|fu| schedule::followup_is_open(fu, f))
            .collect(),
        None => followups,
    };
    Ok(Brief {
        id,
        hooks,
        followups,
        touches,
        mix,
        others,
        heat,
    })
}
