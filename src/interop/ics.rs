//! iCalendar export (RFC 5545), built with the icalendar crate: every active
//! Jour fixe as a recurring event (RRULE, EXDATE for skipped dates), open
//! follow-ups as all-day events on their date, and the contacts overdue or
//! due today as all-day check-ins today. PURE: records and "now" in, text out.
//!
//! Times are **floating** (local wall-clock time, no `Z`, no `TZID`): a
//! Jour fixe at 10:00 is at 10:00 in summer and in winter, in whatever zone
//! the calendar shows it, which is what "every 2nd Tuesday at 10:00" means.
//! A `TZID` would need a VTIMEZONE block with the zone's rules and the
//! zone's IANA name, neither of which draht has; floating times need
//! neither and every client listed in the README shows them in local time.
//!
//! UIDs are stable (`jourfixe-<id>-<contact uid>@draht`,
//! `followup-<id>-<contact uid>@draht`, `checkin-<contact uid>@draht`), so a
//! subscribed or re-imported file updates events instead of adding copies.

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, Property};

use super::ics_alarm::{Alarms, followup_alarm, jourfixe_alarm};
use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp};
use crate::schedule::AgendaEntry;

/// How long a timed Jour fixe lasts in the calendar when it has no duration.
pub const DEFAULT_MINUTES: u32 = 30;

/// What goes into the calendar.
pub struct CalendarData<'a> {
    /// Active Jour fixe with their contacts.
    pub jourfixes: Vec<(&'a JourFixe, &'a Contact)>,
    /// Open follow-ups with their contacts.
    pub followups: Vec<(&'a FollowUp, &'a Contact)>,
    /// Contacts overdue or due today, with their agenda entries.
    pub checkins: Vec<(&'a AgendaEntry, &'a Contact)>,
    /// The day check-ins are placed on.
    pub today: NaiveDate,
    /// The export's time stamp (DTSTAMP).
    pub now: DateTime<Utc>,
}

/// The calendar text and how many events of each kind it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    pub jourfixe: usize,
    pub followups: usize,
    pub checkins: usize,
    /// Jour fixe left out because their stored rule cannot be read.
    pub left_out: usize,
}

/// Builds the calendar, without alarms.
pub fn calendar(data: &CalendarData) -> Exported {
    build(data, None)
}

/// Builds the calendar with an alarm on every Jour fixe and follow-up
/// (see [`super::ics_alarm`]).
pub fn calendar_with_alarms(data: &CalendarData, alarms: &Alarms) -> Exported {
    build(data, Some(alarms))
}

fn build(data: &CalendarData, alarms: Option<&Alarms>) -> Exported {
    let mut cal = Calendar::new();
    cal.properties.retain(|p| p.key() != "PRODID");
    cal.append_property(Property::new("PRODID", "-//draht//draht//EN"));
    cal.name("draht");
    let mut counts = (0, 0, 0, 0);
    for (jf, contact) in &data.jourfixes {
        match jourfixe_event(jf, contact, data.now) {
            Some(mut event) => {
                if let Some(alarm) = alarms.and_then(|a| jourfixe_alarm(jf, contact, a)) {
                    event.alarm(alarm);
                }
                cal.push(event);
                counts.0 += 1;
            }
            None => counts.3 += 1,
        }
    }
    for (followup, contact) in &data.followups {
        let mut event = followup_event(followup, contact, data.now);
        if let Some(a) = alarms {
            event.alarm(followup_alarm(followup, contact, a));
        }
        cal.push(event);
        counts.1 += 1;
    }
    for (entry, contact) in &data.checkins {
        cal.push(checkin_event(entry, contact, data.today, data.now));
        counts.2 += 1;
    }
    Exported {
        text: cal.to_string(),
        jourfixe: counts.0,
        followups: counts.1,
        checkins: counts.2,
        left_out: counts.3,
    }
}

/// A recurring event, or `None` when the stored rule cannot be read.
fn jourfixe_event(jf: &JourFixe, contact: &Contact, now: DateTime<Utc>) -> Option<Event> {
    let rule = export_rrule(&jf.rrule, jf.time.is_some());
    let parsed: icalendar::UnvalidatedRRule = rule.parse().ok()?;
    let mut event = Event::new();
    event
        .uid(&text_value(&format!(
            "jourfixe-{}-{}@draht",
            jf.id, contact.uid
        )))
        .timestamp(now)
        .summary(&text_value(&format!(
            "Jour fixe: {} with {}",
            jf.channel.as_str(),
            contact.name
        )))
        .description(&text_value(&match &jf.note {
            Some(note) => format!("{}\n{note}", jf.describe()),
            None => jf.describe(),
        }));
    match jf.time {
        Some(time) => {
            let start = jf.start.and_time(time);
            let minutes = jf.duration_minutes.unwrap_or(DEFAULT_MINUTES);
            let end = start + Duration::minutes(i64::from(minutes));
            // DTSTART first: `recurrence` validates the rule against it.
            event
                .starts(CalendarDateTime::Floating(start))
                .ends(CalendarDateTime::Floating(end));
            if event.recurrence(parsed).is_err() {
                // The crate reads a floating start in the machine's zone and
                // refuses one inside a DST gap or fold (a 02:30 Jour fixe
                // starting on the night of the change). The rule itself is
                // fine: write it as it is.
                event.add_property("RRULE", &rule);
            }
            for skipped in &jf.skipped {
                event.exdate(CalendarDateTime::Floating(skipped.and_time(time)));
            }
        }
        None => {
            // All day: DATE values. The crate's `recurrence` would add
            // BYHOUR/BYMINUTE/BYSECOND, which RFC 5545 forbids next to a
            // DATE start, so the (already checked) rule is written as is.
            event.starts(jf.start).ends(next_day(jf.start));
            event.add_property("RRULE", &rule);
            for skipped in &jf.skipped {
                event.exdate(*skipped);
            }
        }
    }
    Some(event.done())
}

fn followup_event(followup: &FollowUp, contact: &Contact, now: DateTime<Utc>) -> Event {
    Event::new()
        .uid(&text_value(&format!(
            "followup-{}-{}@draht",
            followup.id, contact.uid
        )))
        .timestamp(now)
        .summary(&text_value(&format!(
            "Follow-up with {}: {}",
            contact.name, followup.note
        )))
        .starts(followup.due)
        .ends(next_day(followup.due))
        .done()
}

fn checkin_event(
    entry: &AgendaEntry,
    contact: &Contact,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Event {
    let when = match entry.days_overdue {
        d if d > 0 => format!("{d} days overdue"),
        _ => "due today".to_string(),
    };
    let mut event = Event::new();
    event
        .uid(&text_value(&format!("checkin-{}@draht", contact.uid)))
        .timestamp(now)
        .summary(&text_value(&format!(
            "Check in with {} ({when})",
            contact.name
        )))
        .starts(today)
        .ends(next_day(today));
    if let Some(hook) = &entry.hook {
        event.description(&text_value(&format!("Talk about: {hook}")));
    }
    event.done()
}

/// Every TEXT value (summary, description, UID) as the calendar may hold
/// it (RFC 5545 §3.3.11 allows no control character but tab): a line break
/// in any form (CR LF, a lone CR, NEL, U+2028, U+2029) becomes one LF,
/// which the icalendar crate writes escaped as `\n` (with `\\`, `\;`
/// and `\,`); every other control character becomes U+FFFD. So no text
/// can end a content line and start a property of its own
/// (`…\rEND:VEVENT\rBEGIN:VEVENT…`), whichever line ends a reader accepts.
pub(crate) fn text_value(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// The stored rule as the calendar needs it. draht reads `UNTIL` as "no
/// date after this local day", whatever its form; RFC 5545 wants it in the
/// start's own form: a floating date-time (end of that day) next to a timed
/// start, a DATE next to an all-day one.
pub(crate) fn export_rrule(rrule: &str, timed: bool) -> String {
    rrule
        .trim()
        .split(';')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                let day = value.trim().get(..8).unwrap_or(value.trim());
                match timed {
                    true => format!("UNTIL={day}T235959"),
                    false => format!("UNTIL={day}"),
                }
            }
            _ => part.trim().to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

#[cfg(test)]
mod tests;
