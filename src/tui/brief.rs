//! The detail pane's data: the `draht show` brief of one contact, loaded
//! when the selection moves to a new contact (a handful of indexed queries),
//! never per frame.

use std::collections::HashMap;

use crate::error::Result;
use crate::model::{Channel, FollowUp, Hook, Id, Touch};
use crate::schedule;
use crate::store::{Store, contacts, followups, hooks, touches};

use super::data::Snapshot;

/// How many recent touches the timeline shows.
pub const TIMELINE: usize = 12;

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
}

/// Loads the brief of contact `id` (one read transaction).
pub fn load(store: &mut Store, snapshot: &Snapshot, id: Id) -> Result<Brief> {
    let (hooks, followups, touches, mix, others) = store.read(|tx| {
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
        Ok((hooks, followups, touches, mix, others))
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
    })
}
