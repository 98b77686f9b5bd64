//! The reload after a write of our own. A full [`load`] at 10,000 contacts
//! reads and folds every contact again (about 100 ms), while a write
//! changes one or two of them. So only the contacts the write touched are
//! read again and put in their place by name; the agenda, the check-ins and
//! the Today rows are recomputed from memory (pure, a few milliseconds);
//! every other contact keeps its facts and its Contacts row, unless its
//! check-in changed.

use chrono::{DateTime, Utc};

use super::jourfixe::{occurrences_of, order};
use super::{ContactRow, Parts, Snapshot, contact_row, fold_key, load, plans, window};
use crate::clock;
use crate::error::Result;
use crate::model::Id;
use crate::schedule::{self, Settings};
use crate::store::jourfixe::{self as store_jf, ToTrack};
use crate::store::{Store, contacts, facts, followups};

/// Brings `s` up to date after a write that changed only the contacts
/// `ids` (their records, touches, hooks, follow-ups or Jour fixe; a contact
/// may be new, archived or gone): the snapshot a full [`load`] would give.
/// A partial snapshot, or one of another day, is loaded in full. On an
/// error `s` is as it was.
pub fn reload_contacts(
    store: &mut Store,
    s: &mut Snapshot,
    ids: &[Id],
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<()> {
    let today = clock::local_day(now);
    if s.is_partial() || s.today != today {
        *s = load(store, now, settings)?;
        return Ok(());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let (from, to) = window(today);
    // Everything is read before `s` changes, so an error leaves it whole.
    let (fresh, open, archived, occurrences) = store.read(|tx| {
        let mut fresh = Vec::new();
        let mut tracking = Vec::new();
        for &id in &ids {
            let Some(contact) = contacts::get_if_exists(tx, id)?.filter(|c| !c.archived) else {
                continue;
            };
            let facts = facts::for_contact(tx, contact)?;
            for jf in store_jf::for_contact(tx, id)? {
                if jf.active {
                    tracking.push(ToTrack {
                        jf,
                        name: facts.contact.name.clone(),
                        newest_done: facts.last_touch.map(|t| t.at.timestamp()),
                    });
                }
            }
            fresh.push(facts);
        }
        tracking.sort_unstable_by_key(|t| t.jf.id);
        let open = followups::open(tx)?;
        let (_, archived) = contacts::count(tx)?;
        let occurrences = occurrences_of(tx, tracking, from, to, today)?;
        Ok((fresh, open, archived, occurrences))
    })?;

    let changed = |id: Id| ids.binary_search(&id).is_ok();
    let old = std::mem::take(s);
    let (mut all, mut rows, mut old_checkins) = (old.facts, old.contacts, old.checkins);
    // The three run parallel: drop the changed contacts from all of them.
    let mut kept = all.iter().map(|f| !changed(f.contact.id));
    old_checkins.retain(|_| kept.next().unwrap_or(false));
    all.retain(|f| !changed(f.contact.id));
    rows.retain(|r| !changed(r.id));
    // Put the fresh ones back where a load sorts them: by folded name, then id.
    for f in fresh {
        let key = fold_key(&f.contact.name);
        let at =
            rows.partition_point(|r| (r.name_key.as_str(), r.id) < (key.as_str(), f.contact.id));
        rows.insert(
            at,
            ContactRow {
                id: f.contact.id,
                name_key: key,
                ..ContactRow::default()
            },
        );
        old_checkins.insert(at, None);
        all.insert(at, f);
    }
    let mut occ = old.occurrences;
    occ.retain(|o| !changed(o.contact_id));
    occ.extend(occurrences);
    occ.sort_unstable_by(order);

    let plans = plans(&occ, today);
    let agenda = schedule::agenda(&all, &open, &plans, today, settings);
    let checkins = schedule::checkins(&all, &open, &plans, today, settings);
    let active = all.len();
    let mut snapshot = Parts {
        facts: all,
        checkins,
        agenda,
        occurrences: occ,
        active,
        archived,
        today,
    }
    .snapshot(false);
    // A row shows the contact's facts, check-in and next Jour fixe: only
    // the changed contacts' can differ, and a check-in is compared anyway.
    for (i, row) in rows.iter_mut().enumerate() {
        let id = snapshot.facts[i].contact.id;
        if changed(id) || old_checkins[i] != snapshot.checkins[i] {
            *row = contact_row(&snapshot, i);
        }
    }
    snapshot.contacts = rows;
    snapshot.measure_contacts();
    *s = snapshot;
    Ok(())
}
