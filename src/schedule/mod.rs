//! The check-in scheduler: PURE functions from records and `today` to an
//! agenda. No I/O, no clock, no time zone lookups: callers pass local dates.
//!
//! Rules (DESIGN.md "Concepts and rules") live in `rules.rs`, the agenda
//! assembly in `agenda.rs`.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use serde::Serialize;

pub use crate::jourfixe::agenda::JourFixeEntry;
use crate::model::{Channel, Contact, Hook, Id, Sphere};
pub use crate::model::{Plan, PlanKind};

mod agenda;
pub mod rules;
#[cfg(test)]
mod tests;

pub use agenda::{MonthDay, Relevance, agenda, checkins, day};
pub use rules::{
    checkin, due_date, facts_from_touches, followup_is_open, freshest_hook, hook_order, is_personal,
};

/// Tunables of the rules, from the config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Days a missed attempt snoozes the check-in ("then next time").
    pub retry_days: u32,
    /// How far ahead "soon", follow-ups and birthdays look, in days.
    pub horizon_days: u32,
    /// First day of the week ("this week" for Jour fixe listings).
    pub week_start: Weekday,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            retry_days: 3,
            horizon_days: 7,
            week_start: Weekday::Mon,
        }
    }
}

/// A touch as the agenda shows it: channel and instant, plus its local day.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TouchRef {
    pub channel: Channel,
    pub at: DateTime<Utc>,
    /// The local calendar day of `at` (computed by the caller).
    #[serde(skip)]
    pub on: NaiveDate,
}

/// What the scheduler knows about one contact: the record plus the facts
/// derived from its touches. The store keeps these cheap to load; the pure
/// reference derivation is `rules::facts_from_touches`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactFacts {
    pub contact: Contact,
    /// The day the cadence started: the day it was set or changed, or the
    /// day an import or triage spread the first check-in to (the day the
    /// contact was added for cadences set before draht kept this). The
    /// check-in clock starts here without a personal touch, and no check-in
    /// comes due before it.
    pub cadence_from: NaiveDate,
    /// Latest `done` touch of any channel.
    pub last_touch: Option<TouchRef>,
    /// Latest `done` touch at or above the contact's minimum channel.
    pub last_personal: Option<TouchRef>,
    /// Day of the latest `missed` attempt after the last personal touch.
    pub last_missed: Option<NaiveDate>,
    /// `done` written touches (sms/email/chat) since the last personal touch.
    pub written_streak: u32,
    /// The hook to bring up next (never used first, then least recently used).
    pub freshest_hook: Option<Hook>,
}

/// Check-in status, first match wins in this order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Planned,
    Overdue,
    Due,
    Soon,
    Ok,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Overdue => "overdue",
            Status::Due => "due",
            Status::Soon => "soon",
            Status::Ok => "ok",
        }
    }

    pub fn from_name(input: &str) -> Option<Status> {
        match input.trim().to_lowercase().as_str() {
            "planned" => Some(Status::Planned),
            "overdue" => Some(Status::Overdue),
            "due" => Some(Status::Due),
            "soon" => Some(Status::Soon),
            "ok" => Some(Status::Ok),
            _ => None,
        }
    }
}

/// The check-in of one contact with a cadence on day `today`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checkin {
    pub status: Status,
    pub due: NaiveDate,
    /// `today - due` in days; negative when due lies ahead.
    pub days_overdue: i64,
    pub cadence_days: u32,
    /// The plan that makes the status `planned`, if any (earliest one).
    pub plan: Option<Plan>,
}

/// One contact line on the agenda (`today --json` contact entry).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgendaEntry {
    pub contact_id: Id,
    pub name: String,
    pub sphere: Sphere,
    pub status: Status,
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub cadence_days: u32,
    pub last_touch: Option<TouchRef>,
    pub last_personal: Option<TouchRef>,
    pub written_streak: u32,
    /// Text of the freshest hook.
    pub hook: Option<String>,
    /// The plan that makes the contact `planned` (`None` otherwise).
    pub plan: Option<PlanEntry>,
}

/// The plan that makes a contact `planned`, with what the agenda says of
/// it: "JF Tue 10:00", "follow-up Sat: send the offer".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanEntry {
    #[serde(flatten)]
    pub plan: Plan,
    /// A Jour fixe's local time of day as `HH:MM`; `null` for a follow-up
    /// or an all-day Jour fixe.
    #[serde(serialize_with = "crate::jourfixe::agenda::hhmm")]
    pub time: Option<NaiveTime>,
    /// The follow-up's note, or the Jour fixe's.
    pub note: Option<String>,
}

/// An open follow-up on the agenda (date on or before today + horizon).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUpEntry {
    pub id: Id,
    pub contact_id: Id,
    pub name: String,
    pub due: NaiveDate,
    pub note: String,
    /// Its date is before today.
    pub overdue: bool,
}

/// A birthday within the horizon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BirthdayEntry {
    pub contact_id: Id,
    pub name: String,
    pub date: NaiveDate,
    /// Age reached on `date`, when the year of birth is known.
    pub age: Option<i32>,
}

/// The whole agenda for one day. Serialises to the documented
/// `today --json` shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Agenda {
    pub date: NaiveDate,
    pub overdue: Vec<AgendaEntry>,
    pub due: Vec<AgendaEntry>,
    pub planned: Vec<AgendaEntry>,
    pub soon: Vec<AgendaEntry>,
    /// From [`crate::jourfixe::agenda::agenda_list`].
    pub jourfixe: Vec<JourFixeEntry>,
    pub followups: Vec<FollowUpEntry>,
    pub birthdays: Vec<BirthdayEntry>,
}
