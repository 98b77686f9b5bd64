//! The overview behind the TUI: every active contact with its check-in,
//! the day's agenda (the same as `draht today`'s), the tracked Jour fixe
//! and their calendar from the start of last month on. Loaded in one read
//! transaction; after a write of our own only the contacts it changed are
//! read again ([`reload`]); and for the first frame only what it shows
//! ([`first`]).

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::Result;
use crate::jourfixe::agenda::{self as jf_agenda, Dated, Tracked};
use crate::matching;
use crate::model::{Hook, Id};
use crate::schedule::{self, Agenda, Checkin, ContactFacts, Relevance, Settings};
use crate::store::jourfixe::{self as store_jf, ToTrack};
use crate::store::{Store, Tx, contacts, facts, followups, hooks};

/// Everything the interface shows, at one data version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    pub today: NaiveDate,
    /// The day's agenda, Jour fixe list included: what `draht today` says.
    pub agenda: Agenda,
    /// Active contacts, by name (a partial overview: the ones the agenda
    /// can concern, without their freshest hooks).
    pub facts: Vec<ContactFacts>,
    /// Parallel to `facts`.
    pub checkins: Vec<Option<Checkin>>,
    /// Parallel to `facts`: each name folded (`matching::fold`), the order
    /// of `facts`.
    pub name_keys: Vec<String>,
    /// Every active Jour fixe of an active contact, by id.
    pub tracked: Vec<Tracked>,
    /// Their occurrences from the start of last month (from today when
    /// partial) to [`until`], and each one's next date to hold when it
    /// comes later.
    pub calendar: Vec<Dated>,
    /// Active and archived contacts.
    pub active: usize,
    pub archived: i64,
    /// Only what a first frame shows (see [`first`]).
    pub partial: bool,
}

/// The last day up to which the calendar holds every occurrence.
pub fn until(today: NaiveDate) -> NaiveDate {
    today + Duration::days(62)
}

/// The days of the calendar: from the start of last month (shown beside
/// this one) to [`until`].
pub fn window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let month_start = today.with_day(1).unwrap_or(today);
    let month_start = (month_start - Duration::days(1))
        .with_day(1)
        .unwrap_or(month_start);
    (month_start, until(today))
}

/// The whole overview of `today`, in one read transaction.
pub fn load(store: &mut Store, today: NaiveDate, settings: &Settings) -> Result<Overview> {
    store.read(|tx| {
        let all = facts::load_active(tx)?;
        let open = followups::open(tx)?;
        let (_, archived) = contacts::count(tx)?;
        let tracked = super::jourfixe::tracked(tx, today, settings, Some(window(today)))?;
        Ok(of_records(all, &open, archived, tracked, today, settings))
    })
}

/// The overview a first frame shows, sooner than [`load`]: the agenda is
/// computed from the contacts it can concern (`schedule::Relevance`, as
/// `draht today` does), without their freshest hooks (the caller asks for
/// those of the rows it shows, [`freshest_hooks`]), and with the calendar
/// from today on only. Complete it with [`load`] before anything but drawing.
pub fn first(store: &mut Store, today: NaiveDate, settings: &Settings) -> Result<Overview> {
    store.read(|tx| {
        let open = followups::open(tx)?;
        let (active, archived) = contacts::count(tx)?;
        let tracked = super::jourfixe::tracked(tx, today, settings, None)?;
        let plans = jf_agenda::plans(&tracked, today);
        let relevance = Relevance::new(&open, &plans, today, settings);
        let facts = facts::load_where_without_hooks(tx, &relevance.birthday_days(), |f| {
            relevance.keeps(f)
        })?;
        let agenda = schedule::day(&facts, &open, &tracked, &plans, today, settings);
        let checkins = schedule::checkins(&facts, &open, &plans, today, settings);
        let name_keys = facts
            .iter()
            .map(|f| matching::fold(&f.contact.name))
            .collect();
        // From today on the tracked kept days are enough: only a past date
        // can have been kept.
        let calendar = jf_agenda::calendar(&tracked, today, until(today), today);
        Ok(Overview {
            today,
            agenda,
            facts,
            checkins,
            name_keys,
            tracked,
            calendar,
            active: usize::try_from(active).unwrap_or(0),
            archived,
            partial: true,
        })
    })
}

/// The freshest hook of each of `ids` that has one.
pub fn freshest_hooks(store: &mut Store, ids: &[Id]) -> Result<Vec<Hook>> {
    store.read(|tx| {
        let mut found = Vec::with_capacity(ids.len());
        for &id in ids {
            found.extend(hooks::freshest(tx, id)?);
        }
        Ok(found)
    })
}

/// One contact's whole facts and check-in on the overview's day (for the
/// card beside a partial overview's rows).
pub fn whole(
    store: &mut Store,
    ov: &Overview,
    id: Id,
    settings: &Settings,
) -> Result<(ContactFacts, Option<Checkin>)> {
    let (whole, open) = store.read(|tx| {
        let whole = facts::for_contact(tx, contacts::get(tx, id)?)?;
        Ok((whole, followups::open(tx)?))
    })?;
    let plans = jf_agenda::plans(&ov.tracked, ov.today);
    let checkin = schedule::checkins(
        std::slice::from_ref(&whole),
        &open,
        &plans,
        ov.today,
        settings,
    )
    .pop()
    .flatten();
    Ok((whole, checkin))
}

/// The overview of every active contact's facts (by name), the open
/// follow-ups, the number of archived contacts and the tracked Jour fixe
/// (pure; the kept days must cover the calendar's [`window`]).
pub fn of_records(
    all: Vec<ContactFacts>,
    open: &[crate::model::FollowUp],
    archived: i64,
    tracked: Vec<Tracked>,
    today: NaiveDate,
    settings: &Settings,
) -> Overview {
    let keys = all
        .iter()
        .map(|f| matching::fold(&f.contact.name))
        .collect();
    assemble(all, keys, open, archived, tracked, today, settings)
}

/// [`of_records`] with the folded names known.
fn assemble(
    all: Vec<ContactFacts>,
    name_keys: Vec<String>,
    open: &[crate::model::FollowUp],
    archived: i64,
    tracked: Vec<Tracked>,
    today: NaiveDate,
    settings: &Settings,
) -> Overview {
    let plans = jf_agenda::plans(&tracked, today);
    let agenda = schedule::day(&all, open, &tracked, &plans, today, settings);
    let checkins = schedule::checkins(&all, open, &plans, today, settings);
    let (from, to) = window(today);
    let calendar = jf_agenda::calendar(&tracked, from, to, today);
    Overview {
        today,
        agenda,
        active: all.len(),
        facts: all,
        checkins,
        name_keys,
        tracked,
        calendar,
        archived,
        partial: false,
    }
}

/// `old` brought up to date after a write that changed only the contacts
/// `ids` (their records, touches, hooks, follow-ups or Jour fixe; a contact
/// may be new, archived or gone): the overview a full [`load`] would give,
/// with, for each of its contacts, where it stood in `old` — `None` for the
/// changed ones. A partial overview, or one of another day, is loaded in
/// full (and every position is `None`). On an error nothing changes.
///
/// A full load at 10,000 contacts reads every contact again (about 100
/// ms) while a write changes one or two: here only those are read again and
/// put in their place by name; the agenda and the check-ins are recomputed
/// from memory (pure, a few milliseconds).
pub fn reload(
    store: &mut Store,
    old: &Overview,
    ids: &[Id],
    today: NaiveDate,
    settings: &Settings,
) -> Result<(Overview, Vec<Option<usize>>)> {
    if old.partial || old.today != today {
        let fresh = load(store, today, settings)?;
        let none = vec![None; fresh.facts.len()];
        return Ok((fresh, none));
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let changed = |id: Id| ids.binary_search(&id).is_ok();
    let (fresh, open, archived, tracked) = store.read(|tx| {
        let mut fresh = Vec::new();
        let mut tracking = Vec::new();
        for &id in &ids {
            let Some(contact) = contacts::get_if_exists(tx, id)?.filter(|c| !c.archived) else {
                continue;
            };
            let facts = facts::for_contact(tx, contact)?;
            tracking.extend(active_tracking_of(tx, &facts)?);
            fresh.push(facts);
        }
        let open = followups::open(tx)?;
        let (_, archived) = contacts::count(tx)?;
        let tracked = super::jourfixe::track(tx, tracking, today, settings, Some(window(today)))?;
        Ok((fresh, open, archived, tracked))
    })?;

    // The unchanged contacts keep their place; the fresh ones go where a
    // load sorts them: by folded name, then id.
    let mut all: Vec<(String, ContactFacts, Option<usize>)> = old
        .facts
        .iter()
        .zip(&old.name_keys)
        .enumerate()
        .filter(|(_, (f, _))| !changed(f.contact.id))
        .map(|(i, (f, key))| (key.clone(), f.clone(), Some(i)))
        .collect();
    for f in fresh {
        let key = matching::fold(&f.contact.name);
        let at = all
            .partition_point(|(k, g, _)| (k.as_str(), g.contact.id) < (key.as_str(), f.contact.id));
        all.insert(at, (key, f, None));
    }
    let mut was = Vec::with_capacity(all.len());
    let mut keys = Vec::with_capacity(all.len());
    let facts: Vec<ContactFacts> = all
        .into_iter()
        .map(|(key, f, at)| {
            was.push(at);
            keys.push(key);
            f
        })
        .collect();

    let mut all_tracked: Vec<Tracked> = old
        .tracked
        .iter()
        .filter(|t| !changed(t.jf.contact_id))
        .cloned()
        .collect();
    all_tracked.extend(tracked);
    all_tracked.sort_unstable_by_key(|t| t.jf.id);
    Ok((
        assemble(facts, keys, &open, archived, all_tracked, today, settings),
        was,
    ))
}

/// The active Jour fixe of a contact (when it is active), ready to track.
fn active_tracking_of(tx: &Tx, f: &ContactFacts) -> Result<Vec<ToTrack>> {
    Ok(store_jf::for_contact(tx, f.contact.id)?
        .into_iter()
        .filter(|jf| jf.active)
        .map(|jf| ToTrack {
            jf,
            name: f.contact.name.clone(),
            newest_done: f.last_touch.map(|t| t.at.timestamp()),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::model::Contact;

    proptest! {
        /// A reload puts the contacts a write changed where a load sorts
        /// them: by `matching::fold` of the name (the stored `name_key`),
        /// then id — for any names, plain ASCII or not, and a renamed and a
        /// new contact among them.
        #[test]
        fn a_reload_sorts_changed_names_as_a_load_does(
            names in prop::collection::vec("[a-zA-Z ]{1,8}|\\PC{1,8}", 2..12),
            renamed in "[a-zA-Z ]{1,8}|\\PC{1,8}",
            added in "[a-zA-Z ]{1,8}|\\PC{1,8}",
        ) {
            let now = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
            let today = now.date_naive();
            let settings = Settings::default();
            let mut store = Store::open_in_memory().unwrap();
            // A name the store refuses (empty once trimmed, or folding
            // like another active one) is left out.
            let insert = |store: &mut Store, name: &str| {
                store
                    .write(|tx| contacts::insert(tx, &Contact::new(name, now), now))
                    .ok()
            };
            let ids: Vec<Id> = names.iter().filter_map(|n| insert(&mut store, n)).collect();
            prop_assume!(!ids.is_empty());
            let old = load(&mut store, today, &settings).unwrap();

            let mut changed = vec![ids[0]];
            let _ = store.write(|tx| {
                let mut c = contacts::get(tx, ids[0])?;
                c.name = renamed.clone();
                contacts::update(tx, &c, now)
            });
            changed.extend(insert(&mut store, &added));
            let (reloaded, _) = reload(&mut store, &old, &changed, today, &settings).unwrap();
            let full = load(&mut store, today, &settings).unwrap();
            prop_assert_eq!(&reloaded.name_keys, &full.name_keys);
            prop_assert_eq!(reloaded, full);
        }
    }
}
