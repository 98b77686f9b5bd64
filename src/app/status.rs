//! `draht status`: the day at a glance for a status bar — who is to be
//! called, today's Jour fixe still to come, the follow-ups of today, and
//! how urgent it all is. Read from the day's agenda in one transaction.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use super::agenda;
use crate::clock;
use crate::config::Config;
use crate::error::Result;
use crate::jourfixe::OccurrenceState;
use crate::jourfixe::agenda::JourFixeEntry;
use crate::remind::ToCall;
use crate::schedule::FollowUpEntry;
use crate::store::Store;

/// How urgent the day is: the status bar's colour.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// Someone is overdue, or a follow-up's date has passed.
    Overdue,
    /// Someone is due today, or a follow-up or Jour fixe is today.
    Due,
    Ok,
}

impl Urgency {
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::Due => "due",
            Urgency::Ok => "ok",
        }
    }
}

/// The day at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Glance {
    #[serde(serialize_with = "crate::fast::json::day")]
    pub date: NaiveDate,
    /// Overdue people (in the agenda's order), then those due today.
    pub to_call: Vec<ToCall>,
    pub overdue: usize,
    /// Today's Jour fixe not over yet, by time (all-day ones first).
    pub jourfixe: Vec<JourFixeEntry>,
    /// Open follow-ups dated today or before.
    pub followups: Vec<FollowUpEntry>,
    pub urgency: Urgency,
}

impl Glance {
    /// The next timed Jour fixe today that has not started, else the first
    /// one not over.
    pub fn next_jourfixe(&self, now: NaiveDateTime) -> Option<&JourFixeEntry> {
        self.jourfixe
            .iter()
            .find(|e| e.time.is_some_and(|t| e.date.and_time(t) >= now))
            .or_else(|| self.jourfixe.first())
    }
}

/// The day at `now`.
pub fn glance(store: &mut Store, now: DateTime<Utc>, config: &Config) -> Result<Glance> {
    let local = clock::local(now).naive_local();
    let today = local.date();
    let day = agenda::day(store, today, &config.settings)?;
    Ok(of_agenda(&day.agenda, local))
}

/// The glance of a day's agenda at local `now`.
pub fn of_agenda(a: &crate::schedule::Agenda, now: NaiveDateTime) -> Glance {
    let today = now.date();
    let to_call = crate::remind::to_call(a);
    let jourfixe: Vec<JourFixeEntry> = a
        .jourfixe
        .iter()
        .filter(|e| e.date == today && e.state == OccurrenceState::Upcoming)
        .filter(|e| match e.time {
            Some(t) => {
                let minutes = e
                    .duration_minutes
                    .unwrap_or(crate::interop::ics::DEFAULT_MINUTES);
                e.date.and_time(t) + Duration::minutes(i64::from(minutes)) > now
            }
            None => true,
        })
        .cloned()
        .collect();
    let followups: Vec<FollowUpEntry> = a
        .followups
        .iter()
        .filter(|f| f.due <= today)
        .cloned()
        .collect();
    let urgency = if !a.overdue.is_empty() || followups.iter().any(|f| f.overdue) {
        Urgency::Overdue
    } else if !a.due.is_empty() || !followups.is_empty() || !jourfixe.is_empty() {
        Urgency::Due
    } else {
        Urgency::Ok
    };
    Glance {
        date: today,
        overdue: a.overdue.len(),
        to_call,
        jourfixe,
        followups,
        urgency,
    }
}
