//! The detail pane's data: the `draht show` brief of one contact
//! (`app::brief`), loaded when the selection moves to a new contact (a
//! handful of indexed queries), never per frame; with it the contact's
//! touches per day for the heat map.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::app::{Who, brief};
use crate::error::Result;
use crate::insight::Window;
use crate::model::{Channel, FollowUp, Hook, Id, Touch};
use crate::schedule::Settings;
use crate::store::Store;

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

/// Loads the brief of contact `id` (one read transaction, in the app layer).
pub fn load(store: &mut Store, snapshot: &Snapshot, id: Id, settings: &Settings) -> Result<Brief> {
    let depth = brief::Depth {
        touches: TIMELINE,
        heat: Some(Window::ending(snapshot.ov.today, 7 * HEAT_WEEKS)),
    };
    let b = brief::of(store, Who::Id(id), snapshot.ov.today, settings, depth)?;
    Ok(Brief {
        id,
        hooks: b.hooks,
        followups: b.followups,
        touches: b.touches,
        mix: b.mix,
        others: b.others,
        heat: b.heat,
    })
}
