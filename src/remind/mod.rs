//! Reminders: which Jour fixe, follow-ups and morning summary are due to be
//! sent at a given moment, and which Jour fixe is about to start. PURE: the
//! agenda, the Jour fixe occurrences, the local "now", the settings and the
//! keys of what was already sent come in; records come out. The words are
//! the faces' (`crate::text::reminder`), the sent log the store's
//! (`store::reminders`), the sending the app's (`app::notify`).
//!
//! The rules:
//! - a timed Jour fixe reminds its lead time before it starts (its own
//!   `--remind`, else `remind_before`); a reminder missed while the machine
//!   slept is still sent up to [`CATCH_UP_MINUTES`] late, never later;
//! - an all-day Jour fixe and a follow-up dated today remind at `remind_at`
//!   (09:00), or on the first run after it that day;
//! - the morning summary of the people to call (overdue and due) goes out
//!   once a day at `morning` (08:30) or on the first run after it;
//! - nothing is sent twice: every reminder has a [`Key`], and a key in the
//!   sent log is never due again.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::jourfixe::OccurrenceState;
use crate::jourfixe::agenda::JourFixeEntry;
use crate::model::{Channel, Id};
use crate::schedule::Agenda;

#[cfg(test)]
mod tests;

/// How late a missed Jour fixe reminder may still be sent, in minutes.
pub const CATCH_UP_MINUTES: i64 = 60;

/// How a Jour fixe reminds: with the configured lead, its own, or not.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "remind", content = "minutes")]
pub enum Remind {
    /// `remind_before` from the config.
    #[default]
    Default,
    /// This many minutes before it starts.
    Before(u32),
    /// No reminder, no calendar alarm.
    Off,
}

impl Remind {
    /// Minutes before the start, given the configured default; `None`: off.
    pub fn lead(self, default_minutes: u32) -> Option<u32> {
        match self {
            Remind::Default => Some(default_minutes),
            Remind::Before(minutes) => Some(minutes),
            Remind::Off => None,
        }
    }
}

/// The reminder settings of the config file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemindSettings {
    /// `remind_before`: a timed Jour fixe's lead, in minutes.
    pub before_minutes: u32,
    /// `morning`: the time of the daily summary.
    pub morning: NaiveTime,
    /// `remind_at`: when follow-ups and all-day Jour fixe remind on their day.
    pub day_at: NaiveTime,
    /// `bell`: the TUI rings the terminal bell for a Jour fixe about to start.
    pub bell: bool,
}

impl Default for RemindSettings {
    fn default() -> RemindSettings {
        RemindSettings {
            before_minutes: 15,
            morning: NaiveTime::from_hms_opt(8, 30, 0).unwrap_or_default(),
            day_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            bell: true,
        }
    }
}

/// What a reminder is about.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    JourFixe,
    FollowUp,
    Morning,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::JourFixe, Kind::FollowUp, Kind::Morning];

    /// The name in the sent log.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::JourFixe => "jourfixe",
            Kind::FollowUp => "followup",
            Kind::Morning => "morning",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A reminder's identity in the sent log: a Jour fixe's occurrence, a
/// follow-up on its date, the summary of a day.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Key {
    pub kind: Kind,
    /// The Jour fixe or follow-up id; 0 for the morning summary.
    pub subject: Id,
    /// The occurrence's date, the follow-up's date, the summary's day.
    #[serde(serialize_with = "crate::fast::json::day")]
    pub day: NaiveDate,
}

/// A Jour fixe occurrence to remind of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JourFixeSoon {
    /// The Jour fixe's id.
    pub id: Id,
    pub contact_id: Id,
    pub name: String,
    #[serde(serialize_with = "crate::fast::json::day")]
    pub date: NaiveDate,
    /// `None` for an all-day Jour fixe.
    #[serde(serialize_with = "crate::fast::json::hhmm")]
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    /// The contact's freshest hook (filled in by the caller, who reads it).
    pub hook: Option<String>,
    /// When the reminder is due, local time.
    pub remind_at: NaiveDateTime,
}

impl JourFixeSoon {
    /// The local start: the time on its date, or its date's midnight.
    pub fn starts(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or_default())
    }
}

/// A follow-up dated today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUpDue {
    pub id: Id,
    pub contact_id: Id,
    pub name: String,
    #[serde(serialize_with = "crate::fast::json::day")]
    pub due: NaiveDate,
    pub note: String,
}

/// One person in the morning summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToCall {
    pub contact_id: Id,
    pub name: String,
    /// 0 when due today.
    pub days_overdue: i64,
}

/// The people to call today (overdue first, in the agenda's order, then due).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    #[serde(serialize_with = "crate::fast::json::day")]
    pub date: NaiveDate,
    pub people: Vec<ToCall>,
}

/// One thing to tell the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Reminder {
    JourFixe(JourFixeSoon),
    FollowUp(FollowUpDue),
    Morning(Summary),
}

impl Reminder {
    /// Its identity in the sent log.
    pub fn key(&self) -> Key {
        match self {
            Reminder::JourFixe(j) => Key {
                kind: Kind::JourFixe,
                subject: j.id,
                day: j.date,
            },
            Reminder::FollowUp(f) => Key {
                kind: Kind::FollowUp,
                subject: f.id,
                day: f.due,
            },
            Reminder::Morning(s) => Key {
                kind: Kind::Morning,
                subject: 0,
                day: s.date,
            },
        }
    }
}

/// Everything the decision looks at.
pub struct Inputs<'a> {
    /// Today's agenda (people to call, follow-ups).
    pub agenda: &'a Agenda,
    /// Jour fixe occurrences around now: at least today's and those whose
    /// reminder can fall within [`CATCH_UP_MINUTES`] of now (today's
    /// agenda's list; shortly after midnight also yesterday's).
    pub occurrences: &'a [JourFixeEntry],
    /// Each Jour fixe's own setting; one not in the map uses the default.
    pub remind: &'a HashMap<Id, Remind>,
    /// Local wall-clock now.
    pub now: NaiveDateTime,
    pub settings: &'a RemindSettings,
}

/// The reminders due at `inputs.now` that are not in `sent`, in the order
/// to send them: the morning summary, follow-ups, then Jour fixe by start.
/// A Jour fixe's hook is left `None` for the caller to fill in.
pub fn due(inputs: &Inputs, sent: &HashSet<Key>) -> Vec<Reminder> {
    let now = inputs.now;
    let today = now.date();
    let mut out = Vec::new();
    if let Some(summary) = morning(inputs)
        && !sent.contains(&Reminder::Morning(summary.clone()).key())
    {
        out.push(Reminder::Morning(summary));
    }
    if now.time() >= inputs.settings.day_at {
        for f in inputs.agenda.followups.iter().filter(|f| f.due == today) {
            out.push(Reminder::FollowUp(FollowUpDue {
                id: f.id,
                contact_id: f.contact_id,
                name: f.name.clone(),
                due: f.due,
                note: f.note.clone(),
            }));
        }
    }
    let mut jf: Vec<JourFixeSoon> = unique(inputs.occurrences)
        .filter_map(|e| soon(e, inputs))
        .filter(|j| catching(j, now, inputs.settings))
        .collect();
    jf.sort_by_key(|j| (j.starts(), j.id));
    out.extend(jf.into_iter().map(Reminder::JourFixe));
    out.retain(|r| !sent.contains(&r.key()));
    out
}

/// The timed Jour fixe whose reminder is due and that has not started yet
/// (the TUI's banner): the one starting first.
pub fn imminent(inputs: &Inputs) -> Option<JourFixeSoon> {
    unique(inputs.occurrences)
        .filter(|e| e.time.is_some())
        .filter_map(|e| soon(e, inputs))
        .filter(|j| j.remind_at <= inputs.now && inputs.now < j.starts())
        .min_by_key(|j| (j.starts(), j.id))
}

/// The morning summary, once `morning` has passed; `None` before it or
/// when nobody is to be called.
fn morning(inputs: &Inputs) -> Option<Summary> {
    if inputs.now.time() < inputs.settings.morning {
        return None;
    }
    let people = to_call(inputs.agenda);
    (!people.is_empty()).then(|| Summary {
        date: inputs.now.date(),
        people,
    })
}

/// The people to call on the agenda's day: the overdue ones in the
/// agenda's order, then those due.
pub fn to_call(agenda: &Agenda) -> Vec<ToCall> {
    agenda
        .overdue
        .iter()
        .chain(&agenda.due)
        .map(|e| ToCall {
            contact_id: e.contact_id,
            name: e.name.clone(),
            days_overdue: e.days_overdue.max(0),
        })
        .collect()
}

/// The occurrences, each (Jour fixe, date) once.
fn unique(entries: &[JourFixeEntry]) -> impl Iterator<Item = &JourFixeEntry> {
    let mut seen = HashSet::new();
    entries.iter().filter(move |e| seen.insert((e.id, e.date)))
}

/// `e` as a reminder, when it reminds at all: not skipped, not already
/// kept, and its Jour fixe not set to `--no-remind`.
fn soon(e: &JourFixeEntry, inputs: &Inputs) -> Option<JourFixeSoon> {
    if matches!(e.state, OccurrenceState::Skipped | OccurrenceState::Kept) {
        return None;
    }
    let setting = inputs.remind.get(&e.id).copied().unwrap_or_default();
    let lead = setting.lead(inputs.settings.before_minutes)?;
    let remind_at = match e.time {
        Some(time) => e.date.and_time(time) - Duration::minutes(i64::from(lead)),
        None => e.date.and_time(inputs.settings.day_at),
    };
    Some(JourFixeSoon {
        id: e.id,
        contact_id: e.contact_id,
        name: e.name.clone(),
        date: e.date,
        time: e.time,
        duration_minutes: e.duration_minutes,
        channel: e.channel,
        note: e.note.clone(),
        hook: None,
        remind_at,
    })
}

/// Whether a reminder is due at `now`: a timed one from its moment for
/// [`CATCH_UP_MINUTES`]; an all-day one from `remind_at` to the day's end.
fn catching(j: &JourFixeSoon, now: NaiveDateTime, settings: &RemindSettings) -> bool {
    match j.time {
        Some(_) => j.remind_at <= now && now < j.remind_at + Duration::minutes(CATCH_UP_MINUTES),
        None => j.date == now.date() && now.time() >= settings.day_at,
    }
}

/// How many days the sent log keeps a key (the store prunes older ones):
/// far more than the day or so in which a key can come due again.
pub const KEEP_DAYS: u64 = 30;
