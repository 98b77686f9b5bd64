//! One named test per scheduler rule, with fixed dates (`clock`, `plans`,
//! `listing`), and property tests (`props`). The shared builders live here.

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};

use super::*;
use crate::model::{Birthday, Channel, Contact, FollowUp, Hook, HookKind, Id, Outcome, Touch};

mod clock;
mod listing;
mod plans;
mod props;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid test date")
}

pub(super) fn at(y: i32, m: u32, day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, hour, 0, 0)
        .single()
        .expect("a valid test instant")
}

/// The day every test runs on: Tue 1 Dec 2026.
pub(super) fn today() -> NaiveDate {
    d(2026, 12, 1)
}

/// A contact with id 1, added at the start of 2026, minimum channel `call`.
pub(super) fn contact(name: &str, cadence: Option<u32>) -> Contact {
    Contact {
        id: 1,
        uid: format!("uid-{name}"),
        name: name.to_owned(),
        nickname: None,
        sphere: Sphere::Private,
        tags: Vec::new(),
        company: None,
        role: None,
        emails: Vec::new(),
        phones: Vec::new(),
        birthday: None,
        notes: None,
        cadence_days: cadence,
        min_channel: None,
        snoozed_until: None,
        archived: false,
        created_at: at(2026, 1, 1, 9),
    }
}

/// Builder steps for test contacts.
pub(super) trait ContactExt {
    fn id(self, id: Id) -> Self;
    fn min(self, channel: Channel) -> Self;
    fn snoozed(self, until: NaiveDate) -> Self;
    fn archived(self) -> Self;
    fn born(self, year: Option<i32>, month: u32, day: u32) -> Self;
}

impl ContactExt for Contact {
    fn id(mut self, id: Id) -> Self {
        self.id = id;
        self
    }
    fn min(mut self, channel: Channel) -> Self {
        self.min_channel = Some(channel);
        self
    }
    fn snoozed(mut self, until: NaiveDate) -> Self {
        self.snoozed_until = Some(until);
        self
    }
    fn archived(mut self) -> Self {
        self.archived = true;
        self
    }
    fn born(mut self, year: Option<i32>, month: u32, day: u32) -> Self {
        self.birthday = Some(Birthday::new(year, month, day).expect("a valid test birthday"));
        self
    }
}

pub(super) fn touch(
    id: Id,
    when: DateTime<Utc>,
    channel: Channel,
    outcome: Outcome,
    with: &[Id],
) -> Touch {
    Touch {
        id,
        ..Touch::new(when, channel, outcome, with.to_vec())
    }
}

/// A `done` touch with contact 1 at noon UTC on the given day.
fn done(id: Id, day: NaiveDate, channel: Channel) -> Touch {
    touch(id, noon(day), channel, Outcome::Done, &[1])
}

/// A `missed` attempt with contact 1 at noon UTC on the given day.
fn missed(id: Id, day: NaiveDate, channel: Channel) -> Touch {
    touch(id, noon(day), channel, Outcome::Missed, &[1])
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(12, 0, 0).expect("noon exists").and_utc()
}

/// Local day = UTC day, so tests need no time zone.
pub(super) fn utc_day(instant: DateTime<Utc>) -> NaiveDate {
    instant.date_naive()
}

/// Facts of `c`, added on 1 Jan 2026, from `touches`.
pub(super) fn facts(c: Contact, touches: &[Touch]) -> ContactFacts {
    facts_from_touches(c, d(2026, 1, 1), touches, &[], utc_day)
}

fn follow_up(id: Id, contact_id: Id, due: NaiveDate) -> FollowUp {
    FollowUp {
        id,
        contact_id,
        due,
        note: format!("follow-up {id}"),
        created_at: at(2026, 1, 1, 9),
        done_at: None,
    }
}

fn hook(id: Id, text: &str, created: DateTime<Utc>, used: Option<DateTime<Utc>>) -> Hook {
    Hook {
        id,
        contact_id: 1,
        kind: HookKind::Common,
        text: text.to_owned(),
        created_at: created,
        used_at: used,
    }
}

/// The check-in on [`today`] with default settings and no plans.
fn status_today(f: &ContactFacts) -> Checkin {
    checkin(f, &[], today(), &Settings::default()).expect("a contact with a cadence")
}

fn names(entries: &[AgendaEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.name.as_str()).collect()
}
