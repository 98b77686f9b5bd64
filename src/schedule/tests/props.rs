//! Property tests: the rules hold for any touch history, not only for the
//! hand-picked dates of the unit tests.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use proptest::prelude::*;

use super::{ContactExt, contact, d, today, touch, utc_day};
use crate::model::{Birthday, Channel, Contact, FollowUp, Id, Outcome, Touch};
use crate::schedule::{
    Agenda, ContactFacts, Plan, PlanKind, Relevance, Settings, Status, agenda, checkin, checkins,
    due_date, facts_from_touches,
};

/// `today` shifted by `offset` days (negative = past).
fn day(offset: i64) -> NaiveDate {
    let magnitude = Days::new(offset.unsigned_abs());
    if offset < 0 {
        today() - magnitude
    } else {
        today() + magnitude
    }
}

fn instant(offset: i64, hour: u32) -> DateTime<Utc> {
    day(offset)
        .and_hms_opt(hour, 30, 0)
        .expect("hours are generated below 24")
        .and_utc()
}

fn channel() -> impl Strategy<Value = Channel> {
    prop::sample::select(Channel::ALL.to_vec())
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![3 => Just(Outcome::Done), 1 => Just(Outcome::Missed)]
}

/// A contact with the given id: any cadence (or none), minimum channel,
/// snooze, archive flag, birthday (or none; Feb 29 too).
fn person(id: Id) -> impl Strategy<Value = Contact> {
    (
        prop::option::weighted(0.85, 0u32..60),
        prop::option::of(channel()),
        prop::option::of(-40i64..40),
        prop::bool::weighted(0.15),
        prop::option::weighted(0.4, (prop::option::of(1930i32..2020), 1u32..=12, 1u32..=31)),
    )
        .prop_map(move |(cadence, min, snooze, archived, born)| {
            let mut c = contact(&format!("Person {id}"), cadence).id(id);
            c.min_channel = min;
            c.snoozed_until = snooze.map(day);
            c.archived = archived;
            c.birthday = born.and_then(|(year, month, day)| Birthday::new(year, month, day));
            c
        })
}

/// Touch moments as (day offset, hour, channel, outcome).
type Moment = (i64, u32, Channel, Outcome);

fn history(days: std::ops::Range<i64>) -> impl Strategy<Value = Vec<Moment>> {
    prop::collection::vec((days, 0u32..24, channel(), outcome()), 0..12)
}

fn touches_of(id: Id, moments: &[Moment]) -> Vec<Touch> {
    moments
        .iter()
        .zip(1..)
        .map(|(&(offset, hour, ch, out), n)| {
            touch(id * 1000 + n, instant(offset, hour), ch, out, &[id])
        })
        .collect()
}

/// Facts of `c` from `touches`, added `added` days from today.
fn facts_for(c: &Contact, added: i64, touches: &[Touch]) -> ContactFacts {
    facts_from_touches(c.clone(), day(added), touches, &[], utc_day)
}

/// A whole address book: contacts 1..=n with their histories, follow-ups
/// and Jour fixe plans for any of them.
#[derive(Debug)]
struct World {
    facts: Vec<ContactFacts>,
    followups: Vec<FollowUp>,
    plans: Vec<Plan>,
}

fn world() -> impl Strategy<Value = World> {
    (1i64..10)
        .prop_flat_map(|n| {
            let people: Vec<_> = (1..=n)
                .map(|id| (person(id), -200i64..0, history(-150..5)))
                .collect();
            let followups =
                prop::collection::vec((1..=n, -20i64..30, prop::bool::weighted(0.2)), 0..8);
            let plans = prop::collection::vec((1..=n, -10i64..40), 0..6);
            (people, followups, plans)
        })
        .prop_map(|(people, followups, plans)| World {
            facts: people
                .iter()
                .map(|(c, added, moments)| facts_for(c, *added, &touches_of(c.id, moments)))
                .collect(),
            followups: followups
                .into_iter()
                .zip(1..)
                .map(|((contact_id, offset, done), id)| FollowUp {
                    id,
                    contact_id,
                    due: day(offset),
                    note: String::new(),
                    created_at: instant(-30, 9),
                    done_at: done.then(|| instant(-1, 9)),
                })
                .collect(),
            plans: plans
                .into_iter()
                .zip(1..)
                .map(|((contact_id, offset), id)| Plan {
                    contact_id,
                    date: day(offset),
                    kind: PlanKind::JourFixe(id),
                })
                .collect(),
        })
}

/// Which bucket of the agenda each contact id appears in, and how often.
fn placements(a: &Agenda) -> HashMap<Id, Vec<Status>> {
    let mut seen: HashMap<Id, Vec<Status>> = HashMap::new();
    let buckets = [
        (Status::Overdue, &a.overdue),
        (Status::Due, &a.due),
        (Status::Planned, &a.planned),
        (Status::Soon, &a.soon),
    ];
    for (status, entries) in buckets {
        for e in entries {
            seen.entry(e.contact_id).or_default().push(status);
        }
    }
    seen
}

proptest! {
    #[test]
    fn logging_a_personal_touch_today_never_leaves_a_contact_overdue(
        c in person(1),
        added in -300i64..0,
        past in history(-150..0),
        ch in channel(),
        hour in 0u32..24,
    ) {
        let mut touches = touches_of(1, &past);
        // The richer of the drawn channel and the contact's minimum.
        let ch = if ch.richness() >= c.min_channel().richness() { ch } else { c.min_channel() };
        touches.push(touch(999_999, instant(0, hour), ch, Outcome::Done, &[1]));
        let f = facts_for(&c, added, &touches);
        if let Some(status) = checkin(&f, &[], today(), &Settings::default()) {
            prop_assert_ne!(status.status, Status::Overdue);
            prop_assert!(status.due >= today());
        }
    }

    #[test]
    fn written_touches_never_move_a_due_date(
        c in person(1),
        added in -300i64..0,
        past in history(-150..10),
        offset in -150i64..10,
        hour in 0u32..24,
        ch in prop::sample::select(vec![Channel::Sms, Channel::Email, Channel::Chat]),
    ) {
        // A written touch below the contact's minimum channel, i.e. not personal.
        prop_assume!(ch.richness() < c.min_channel().richness());
        let mut touches = touches_of(1, &past);
        let before = due_date(&facts_for(&c, added, &touches), &Settings::default());
        touches.push(touch(999_999, instant(offset, hour), ch, Outcome::Done, &[1]));
        let after = due_date(&facts_for(&c, added, &touches), &Settings::default());
        prop_assert_eq!(before, after);
    }

    #[test]
    fn a_missed_attempt_never_makes_a_contact_more_overdue(
        c in person(1),
        added in -300i64..0,
        past in history(-150..10),
        offset in -150i64..10,
        hour in 0u32..24,
        ch in channel(),
        retry_days in 0u32..15,
    ) {
        let settings = Settings { retry_days, ..Settings::default() };
        let mut touches = touches_of(1, &past);
        let before = due_date(&facts_for(&c, added, &touches), &settings);
        touches.push(touch(999_999, instant(offset, hour), ch, Outcome::Missed, &[1]));
        let after = due_date(&facts_for(&c, added, &touches), &settings);
        prop_assert!(after >= before, "due moved from {before:?} to {after:?}");
    }

    #[test]
    fn agenda_buckets_are_disjoint(w in world(), horizon_days in 0u32..30) {
        let s = Settings { horizon_days, ..Settings::default() };
        let a = agenda(&w.facts, &w.followups, &w.plans, today(), &s);
        let seen = placements(&a);
        for f in &w.facts {
            let places = seen.get(&f.contact.id).map_or(0, Vec::len);
            if f.contact.archived || f.contact.cadence_days.is_none() {
                prop_assert_eq!(places, 0, "{} must not be listed", f.contact.name);
            } else {
                prop_assert!(places <= 1, "{} listed {} times", f.contact.name, places);
            }
        }
        for e in a.overdue.iter() {
            prop_assert!(e.due < today() && e.days_overdue > 0);
        }
        for e in a.due.iter() {
            prop_assert!(e.due == today() && e.days_overdue == 0);
        }
        for e in a.planned.iter() {
            prop_assert!(e.plan.as_ref().is_some_and(|p| p.plan.date >= today() && p.plan.contact_id == e.contact_id));
        }
    }

    /// What the store's agenda read relies on (`store::facts::load_where`
    /// asks only about contacts with a cadence, a birthday or an open
    /// follow-up): `Relevance` keeps no one else, and the agenda of the
    /// contacts it keeps is the agenda of everyone.
    #[test]
    fn relevance_keeps_only_what_the_agenda_can_concern(w in world(), horizon_days in 0u32..30) {
        let s = Settings { horizon_days, ..Settings::default() };
        let open: Vec<FollowUp> =
            w.followups.iter().filter(|f| f.done_at.is_none()).cloned().collect();
        let relevance = Relevance::new(&open, &w.plans, today(), &s);
        let kept: Vec<ContactFacts> =
            w.facts.iter().filter(|f| relevance.keeps(f)).cloned().collect();
        for f in &kept {
            let c = &f.contact;
            prop_assert!(
                c.cadence_days.is_some()
                    || c.birthday.is_some()
                    || open.iter().any(|u| u.contact_id == c.id),
                "{} kept without a cadence, birthday or open follow-up", c.name
            );
        }
        prop_assert_eq!(
            agenda(&kept, &open, &w.plans, today(), &s),
            agenda(&w.facts, &open, &w.plans, today(), &s)
        );
    }

    /// What the store's birthday read relies on (it reads only the
    /// birthdays within `Relevance::birthday_days`, by an index on their
    /// month and day): every birthday the agenda can show lies in one of
    /// those ranges, on any day of any year, over any horizon, Feb 29 and
    /// the turn of the year included.
    #[test]
    fn birthday_days_hold_every_birthday_kept(
        start in 0i64..(366 * 8),
        horizon_days in prop_oneof![0u32..40, 300u32..400],
        month in 1u32..=12,
        dom in 1u32..=31,
        year in prop::option::of(1940i32..2030),
    ) {
        let today = d(2023, 1, 1) + Days::new(start as u64);
        let Some(birthday) = Birthday::new(year, month, dom) else {
            return Ok(());
        };
        let s = Settings { horizon_days, ..Settings::default() };
        let relevance = Relevance::new(&[], &[], today, &s);
        let mut c = contact("Geburtstagskind", None);
        c.birthday = Some(birthday);
        let f = facts_from_touches(c, today, &[], &[], utc_day);
        let ranges = relevance.birthday_days();
        prop_assert!(ranges.len() <= 2);
        let within = ranges.iter().any(|&(from, to)| from <= (month, dom) && (month, dom) <= to);
        prop_assert!(
            within || !relevance.keeps(&f),
            "{birthday:?} kept on {today} (+{horizon_days}) outside {ranges:?}"
        );
    }

    #[test]
    fn checkins_and_agenda_agree_on_status(w in world(), horizon_days in 0u32..30) {
        let s = Settings { horizon_days, ..Settings::default() };
        let a = agenda(&w.facts, &w.followups, &w.plans, today(), &s);
        let list = checkins(&w.facts, &w.followups, &w.plans, today(), &s);
        prop_assert_eq!(list.len(), w.facts.len());
        let seen = placements(&a);
        for (f, c) in w.facts.iter().zip(&list) {
            let listed = seen.get(&f.contact.id).cloned().unwrap_or_default();
            match c.as_ref().map(|c| c.status) {
                None | Some(Status::Ok) => prop_assert!(listed.is_empty()),
                Some(status) => prop_assert_eq!(listed, vec![status]),
            }
        }
    }
}

#[test]
fn world_dates_are_anchored_on_today() {
    assert_eq!(day(-1), d(2026, 11, 30));
    assert_eq!(day(31), d(2027, 1, 1));
}
