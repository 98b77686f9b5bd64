//! The first frame, drawn before everything is loaded. It shows the Today
//! tab and the card of the contact selected on it, so it needs the agenda
//! and that one contact's whole record, not every contact's row: the
//! agenda is computed from the facts of the contacts it can concern
//! (`schedule::Relevance`, as `draht today` does), with the same Jour fixe
//! plans as the whole snapshot; of the hooks, it reads only those of the
//! contacts on the Today rows it builds. The event loop swaps the whole snapshot in
//! right after drawing this (see `Sync::refresh`), before it reads a key.

use chrono::{DateTime, Utc};

use super::data::{self, Parts, Snapshot};
use super::jourfixe;
use crate::clock;
use crate::error::Result;
use crate::schedule::{self, Relevance, Settings};
use crate::store::{Store, contacts, facts, followups, hooks};

/// The partial snapshot for `now`, in one read transaction: its Today rows
/// are those of [`data::load`], and the contact they select first has its
/// whole record and check-in.
pub fn load(store: &mut Store, now: DateTime<Utc>, settings: &Settings) -> Result<Snapshot> {
    let today = clock::local_day(now);
    store.read(|tx| {
        let open = followups::open(tx)?;
        let (active, archived) = contacts::count(tx)?;
        // Occurrences before today are neither plans nor on Today.
        let occurrences = jourfixe::occurrences(tx, today, data::until(today), today)?;
        let plans = data::plans(&occurrences, today);
        let relevance = Relevance::new(&open, &plans, today, settings);
        // Only the contacts on the rows built show a hook: read theirs below.
        let facts = facts::load_where_without_hooks(tx, |f| relevance.keeps(f))?;
        let agenda = schedule::agenda(&facts, &open, &plans, today, settings);
        let checkins = schedule::checkins(&facts, &open, &plans, today, settings);
        let mut snapshot = Parts {
            facts,
            checkins,
            agenda,
            occurrences,
            active: usize::try_from(active).unwrap_or(0),
            archived,
            today,
        }
        .snapshot(true);
        let mut hooks = Vec::new();
        for id in snapshot.today_contacts() {
            hooks.extend(hooks::freshest(tx, id)?);
        }
        snapshot.put_hooks(hooks);
        // The card beside the rows shows the selected contact in full.
        if let Some(id) = snapshot.today_rows.iter().find_map(|r| r.contact_id()) {
            let whole = facts::for_contact(tx, contacts::get(tx, id)?)?;
            let checkin =
                schedule::checkins(std::slice::from_ref(&whole), &open, &plans, today, settings)
                    .pop()
                    .flatten();
            snapshot.put(whole, checkin);
        }
        Ok(snapshot)
    })
}
