//! Calendar alarms for the iCalendar export: a `VALARM` (`ACTION:DISPLAY`,
//! a `DESCRIPTION` with the person and the freshest hook) on every Jour
//! fixe and follow-up, so that a phone or desktop calendar subscribed to the
//! `.ics` reminds without draht running. PURE, and kept apart from the
//! event text of `ics.rs`.
//!
//! Triggers are relative to the event's start, so each occurrence of a
//! recurring Jour fixe carries its alarm: a timed one `remind_before` (or
//! its own `--remind`) before it starts, an all-day one and a follow-up at
//! `remind_at` (09:00) on their day (`TRIGGER:PT9H` after the day's start).
//! A Jour fixe with `--no-remind` has none.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};
use icalendar::{Alarm, Component, Trigger};

use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp, Id};
use crate::remind::{Remind, RemindSettings};

/// What the alarms need besides the records.
pub struct Alarms<'a> {
    /// The export's time stamp (the alarm's DTSTAMP).
    pub now: DateTime<Utc>,
    /// Each Jour fixe's own reminder; one not in the map uses the default.
    pub remind: &'a HashMap<Id, Remind>,
    pub settings: &'a RemindSettings,
    /// The text of each contact's freshest hook, by contact id.
    pub hooks: &'a HashMap<Id, String>,
}

/// The alarm of a Jour fixe, or `None` with `--no-remind`.
pub fn jourfixe_alarm(jf: &JourFixe, contact: &Contact, alarms: &Alarms) -> Option<Alarm> {
    let setting = alarms.remind.get(&jf.id).copied().unwrap_or_default();
    let lead = setting.lead(alarms.settings.before_minutes)?;
    let trigger = match jf.time {
        Some(_) => Trigger::before_start(Duration::minutes(i64::from(lead))),
        None => into_the_day(alarms.settings.day_at),
    };
    let mut about = vec![jf.channel.as_str().to_string()];
    about.extend(jf.note.iter().map(|n| n.trim().to_string()));
    about.extend(alarms.hooks.get(&contact.id).cloned());
    about.retain(|s| !s.is_empty());
    let description = format!("Jour fixe with {} — {}", contact.name, about.join(" · "));
    let uid = format!("alarm-jourfixe-{}-{}@draht", jf.id, contact.uid);
    Some(stable(Alarm::display(&description, trigger), &uid, alarms))
}

/// The alarm of a follow-up: at `remind_at` on its day.
pub fn followup_alarm(followup: &FollowUp, contact: &Contact, alarms: &Alarms) -> Alarm {
    let mut description = format!("Follow-up with {}: {}", contact.name, followup.note);
    if let Some(hook) = alarms.hooks.get(&contact.id) {
        description.push_str(&format!(" · {hook}"));
    }
    let uid = format!("alarm-followup-{}-{}@draht", followup.id, contact.uid);
    stable(
        Alarm::display(&description, into_the_day(alarms.settings.day_at)),
        &uid,
        alarms,
    )
}

/// The crate writes a DTSTAMP and a UID into every component that lacks
/// them, from the clock and at random: these make the same data give the
/// same file, so that a subscribed calendar sees no change where there is
/// none (RFC 9074 gives alarms a UID for that).
fn stable(mut alarm: Alarm, uid: &str, alarms: &Alarms) -> Alarm {
    alarm.timestamp(alarms.now).uid(uid);
    alarm.done()
}

/// A trigger `time` after the start of an all-day event's day.
fn into_the_day(time: NaiveTime) -> Trigger {
    let seconds = i64::from(time.num_seconds_from_midnight());
    Trigger::after_start(Duration::seconds(seconds))
}
