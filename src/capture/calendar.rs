//! Calendars: `.ics` files and vdir folders of them (khal, vdirsyncer),
//! read with the `icalendar` crate; recurring events expanded with
//! `rrule` up to now.
//!
//! A past event (or occurrence) is a touch with the contacts among its
//! attendees and organiser who did not decline, when the user attended it:
//! the user organised it, or accepted it, or it has no attendees at all
//! (then `--match-names` may find contacts named in its summary).
//! Cancelled and declined events are not touches, nor are yearly all-day
//! events (birthdays, anniversaries), nor events with more other people
//! than `max_recipients`. The channel is `video` when the event has a
//! conference link or names a video service (Zoom, Teams, Meet, Jitsi …),
//! `call` when it says phone or call, otherwise `meet`.
//!
//! The source key of an event is its UID; of an occurrence of a recurring
//! one, its UID and RECURRENCE-ID (the occurrence's original start, in UTC),
//! so a moved occurrence keeps its key.

use std::collections::HashSet;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike,
    Property,
};

use super::address::{Book, normalize};
use super::hash::Stable;
use super::{Found, Handle, Item, Person, Skip, Window};
use crate::model::{Channel, Outcome};

/// What one calendar file gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileRead {
    pub found: Vec<Found>,
    /// Nothing in the file can still become a touch later (no event or
    /// occurrence after now): an unchanged settled file need not be read
    /// again.
    pub settled: bool,
}

/// A calendar file's watermark: its size and mtime (ns) when read, and
/// whether it was settled then.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct FileMark {
    pub size: u64,
    pub mtime: i128,
    pub settled: bool,
}

impl FileMark {
    pub fn encode(&self) -> Vec<u8> {
        format!("v1 {} {} {}", self.size, self.mtime, u8::from(self.settled)).into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Option<FileMark> {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut p = text.split(' ');
        if p.next()? != "v1" {
            return None;
        }
        Some(FileMark {
            size: p.next()?.parse().ok()?,
            mtime: p.next()?.parse().ok()?,
            settled: p.next()? == "1",
        })
    }
}

/// Recurring events are expanded up to this many occurrences each.
const MAX_OCCURRENCES: u16 = u16::MAX;

/// Reads one calendar file's text. `book` tells the user's own addresses.
pub fn read(text: &str, book: &Book, max_recipients: usize, window: &Window) -> FileRead {
    let calendar: Calendar = match text.parse() {
        Ok(c) => c,
        Err(e) => {
            let first = e
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(120)
                .collect::<String>();
            return FileRead {
                found: vec![Found::Broken(crate::t!(
                    "capture-broken-not-calendar",
                    line = first
                ))],
                settled: true,
            };
        }
    };
    let cancelled_all = calendar
        .property_value("METHOD")
        .is_some_and(|m| m.eq_ignore_ascii_case("CANCEL"));
    let calendar_tz = calendar.get_timezone().map(str::to_string);
    let events: Vec<&Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let zone = Zone {
        calendar: calendar_tz.as_deref(),
    };
    // The keys of occurrences that an override of their own stands for.
    let mut overridden: HashSet<String> = HashSet::new();
    for e in &events {
        if let (Some(uid), Some(rid)) = (e.get_uid(), e.properties().get("RECURRENCE-ID"))
            && let Some(when) = zone.instant(rid)
        {
            overridden.insert(occurrence_key(Some(uid), e, when));
        }
    }
    let rules = Rules {
        book,
        max_recipients,
        window,
        cancelled_all,
    };
    let mut out = FileRead {
        found: Vec::new(),
        settled: true,
    };
    for event in events {
        let Some(start) = event
            .properties()
            .get("DTSTART")
            .and_then(|p| zone.instant(p))
        else {
            out.found.push(Found::Broken(crate::t!(
                "capture-broken-no-start",
                summary = event.get_summary().unwrap_or("").to_string()
            )));
            continue;
        };
        let uid = event.get_uid().map(str::to_string);
        if let Some(rid) = event.properties().get("RECURRENCE-ID") {
            // An override: itself one occurrence, keyed by the start it replaces.
            let original = zone.instant(rid).unwrap_or(start);
            let key = occurrence_key(uid.as_deref(), event, original);
            out.push(rules.occurrence(event, start, key));
            continue;
        }
        let recurring = event.property_value("RRULE").is_some()
            || event.multi_properties().contains_key("RDATE");
        if !recurring {
            let key = uid.clone().unwrap_or_else(|| anonymous_key(event));
            out.push(rules.occurrence(event, start, key));
            continue;
        }
        if start.all_day && is_yearly(event) {
            out.found.push(Found::Skip(Skip::Yearly));
            continue;
        }
        match expand(event, &zone, window) {
            Ok((starts, more_later)) => {
                out.settled &= !more_later;
                for at in starts {
                    let when = When {
                        at: if start.all_day { noon_of(at) } else { at },
                        all_day: start.all_day,
                    };
                    let key = occurrence_key(uid.as_deref(), event, when);
                    if overridden.contains(&key) {
                        continue; // its override stands for it
                    }
                    out.push(rules.occurrence(event, when, key));
                }
            }
            Err(why) => out.found.push(Found::Broken(why)),
        }
    }
    out
}

impl FileRead {
    fn push(&mut self, found: Found) {
        if found == Found::Skip(Skip::Future) {
            self.settled = false;
        }
        self.found.push(found);
    }
}

struct Rules<'a> {
    book: &'a Book,
    max_recipients: usize,
    window: &'a Window,
    cancelled_all: bool,
}

impl Rules<'_> {
    /// One event or occurrence starting at `start`, with `key`.
    fn occurrence(&self, event: &Event, start: When, key: String) -> Found {
        if (start.at - self.window.now).num_seconds() > 0 {
            return Found::Skip(Skip::Future);
        }
        if let Some(skip) = self.window.check(start.at) {
            return Found::Skip(skip);
        }
        let cancelled = event
            .property_value("STATUS")
            .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
        if cancelled || self.cancelled_all {
            return Found::Skip(Skip::Cancelled);
        }
        let organizer = event.properties().get("ORGANIZER").map(|p| Attendee {
            email: address_of(p.value(), p),
            name: p.params().get("CN").map(|c| c.value().trim().to_string()),
            declined: false,
            accepted: true,
        });
        let attendees: Vec<Attendee> = event
            .multi_properties()
            .get("ATTENDEE")
            .map(|ps| ps.iter().map(Attendee::of).collect())
            .unwrap_or_default();
        let organised = organizer
            .as_ref()
            .is_some_and(|o| self.book.is_own(&o.email));
        if !attendees.is_empty() {
            match attendees.iter().find(|a| self.book.is_own(&a.email)) {
                Some(me) if me.declined => return Found::Skip(Skip::Declined),
                Some(me) if !me.accepted && !organised => {
                    return Found::Skip(Skip::NotAttended);
                }
                None if !organised && self.book.knows_me() => {
                    return Found::Skip(Skip::NotAttended);
                }
                _ => {}
            }
        }
        let mut people: Vec<Person> = Vec::new();
        for a in organizer.iter().chain(&attendees) {
            if a.declined || a.email.is_empty() || self.book.is_own(&a.email) {
                continue;
            }
            if !people.iter().any(|p| p.handle.as_str() == a.email) {
                people.push(Person {
                    handle: Handle::Email(a.email.clone()),
                    name: a.name.clone().filter(|n| !n.is_empty()),
                });
            }
        }
        if people.len() > self.max_recipients {
            return Found::Skip(Skip::TooMany);
        }
        Found::Item(Item {
            key,
            at: start.at,
            channel: channel_of(event),
            outcome: Outcome::Done,
            people,
            sent: organised,
            text: event.get_summary().map(str::to_string),
        })
    }
}

/// An attendee or organiser as the rules need it.
struct Attendee {
    email: String,
    name: Option<String>,
    declined: bool,
    accepted: bool,
}

impl Attendee {
    fn of(p: &Property) -> Attendee {
        let partstat = p
            .params()
            .get("PARTSTAT")
            .map(|s| s.value().to_ascii_uppercase());
        Attendee {
            email: address_of(p.value(), p),
            name: p.params().get("CN").map(|c| c.value().trim().to_string()),
            declined: partstat.as_deref() == Some("DECLINED"),
            // RFC 5545: a missing PARTSTAT means NEEDS-ACTION.
            accepted: partstat.as_deref() == Some("ACCEPTED"),
        }
    }
}

/// The e-mail of a CAL-ADDRESS (`mailto:…`), else of its EMAIL parameter.
fn address_of(value: &str, p: &Property) -> String {
    let v = normalize(value, false);
    if v.contains('@') {
        return v;
    }
    p.params()
        .get("EMAIL")
        .map(|e| normalize(e.value().trim_matches('"'), false))
        .filter(|e| e.contains('@'))
        .unwrap_or_default()
}

/// Services whose links or names make an event a video call.
const VIDEO: &[&str] = &[
    "zoom.us",
    "zoom meeting",
    "zoom-meeting",
    "teams.microsoft",
    "teams.live.com",
    "microsoft teams",
    "meet.google",
    "google meet",
    "hangouts",
    "jitsi",
    "webex",
    "whereby.com",
    "skype",
    "facetime",
    "bigbluebutton",
    "gotomeeting",
    "meet.jit.si",
    "videocall",
    "video call",
    "videokonferenz",
    "video conference",
];

/// Words that make an event a phone call.
const CALL: &[&str] = &[
    "call",
    "phone",
    "telefon",
    "telefonat",
    "anruf",
    "telco",
    "tel",
    "dial",
    "telefonkonferenz",
];

/// `video`, `call` or `meet`, from what the event says about itself.
fn channel_of(event: &Event) -> Channel {
    let mut text = String::new();
    for key in [
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "URL",
        "CONFERENCE",
        "X-GOOGLE-CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    ] {
        if let Some(v) = event.property_value(key) {
            text.push_str(v);
            text.push('\n');
        }
        for p in event.multi_properties().get(key).into_iter().flatten() {
            text.push_str(p.value());
            text.push('\n');
        }
    }
    let has_conference = [
        "CONFERENCE",
        "X-GOOGLE-CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    ]
    .iter()
    .any(|k| event.properties().contains_key(*k) || event.multi_properties().contains_key(*k));
    let lower = text.to_lowercase();
    if has_conference || VIDEO.iter().any(|v| lower.contains(v)) || lower.contains("video") {
        return Channel::Video;
    }
    let is_call = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CALL.contains(&w));
    if is_call {
        Channel::Call
    } else {
        Channel::Meet
    }
}

fn is_yearly(event: &Event) -> bool {
    event
        .property_value("RRULE")
        .is_some_and(|r| r.to_ascii_uppercase().contains("FREQ=YEARLY"))
}

/// The key of one occurrence: UID and original start in UTC (its local
/// date for an all-day one).
fn occurrence_key(uid: Option<&str>, event: &Event, original: When) -> String {
    let base = uid.map_or_else(|| anonymous_key(event), str::to_string);
    if original.all_day {
        let day = crate::clock::local_day(original.at);
        format!("{base}/{}", day.format("%Y%m%d"))
    } else {
        format!("{base}/{}", original.at.format("%Y%m%dT%H%M%SZ"))
    }
}

/// A key for an event without a UID: a hash of its summary and start.
fn anonymous_key(event: &Event) -> String {
    let mut h = Stable::new();
    h.field(event.get_summary().unwrap_or(""));
    h.field(event.property_value("DTSTART").unwrap_or(""));
    format!("event:{:016x}", h.finish())
}

/// When an event starts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct When {
    at: DateTime<Utc>,
    all_day: bool,
}

/// Reading times in the calendar's zones.
struct Zone<'a> {
    /// The calendar's own zone (`X-WR-TIMEZONE`), for all-day events.
    calendar: Option<&'a str>,
}

impl Zone<'_> {
    /// The instant of a DTSTART/RECURRENCE-ID property. An all-day date is
    /// placed at noon, local time: the local day is what counts.
    fn instant(&self, p: &Property) -> Option<When> {
        Some(match DatePerhapsTime::from_property(p)? {
            DatePerhapsTime::Date(day) => When {
                at: local_noon(day)?,
                all_day: true,
            },
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(at)) => When { at, all_day: false },
            DatePerhapsTime::DateTime(CalendarDateTime::Floating(naive)) => When {
                at: crate::clock::from_local(naive),
                all_day: false,
            },
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => When {
                at: in_zone(date_time, &tzid),
                all_day: false,
            },
        })
    }
}

fn local_noon(day: NaiveDate) -> Option<DateTime<Utc>> {
    Some(crate::clock::from_local(day.and_hms_opt(12, 0, 0)?))
}

/// The local noon of the day of an all-day occurrence (computed at the
/// calendar's midnight, which may lie in another zone).
fn noon_of(at: DateTime<Utc>) -> DateTime<Utc> {
    let day = crate::clock::local_day(at + chrono::Duration::hours(12));
    local_noon(day).unwrap_or(at)
}

/// A wall-clock time in the zone a TZID names; in local time when the
/// name is unknown.
fn in_zone(naive: NaiveDateTime, tzid: &str) -> DateTime<Utc> {
    match zone_named(tzid) {
        Some(tz) => match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.with_timezone(&Utc),
            LocalResult::None => crate::clock::from_local(naive),
        },
        None => crate::clock::from_local(naive),
    }
}

/// The zone a TZID names: an IANA name (also inside a path, as old
/// Mozilla calendars write it), or one of the Windows names Outlook and
/// Exchange write.
pub fn zone_named(tzid: &str) -> Option<chrono_tz::Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<chrono_tz::Tz>() {
        return Some(tz);
    }
    let parts: Vec<&str> = tzid.split('/').filter(|p| !p.is_empty()).collect();
    if parts.len() >= 2
        && let Ok(tz) = parts[parts.len() - 2..].join("/").parse::<chrono_tz::Tz>()
    {
        return Some(tz);
    }
    WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
        .and_then(|(_, iana)| iana.parse().ok())
}

/// The Windows zone names most often found in invitations, with the IANA
/// zone of each (from CLDR's windowsZones, territory "001").
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("Romance Standard Time", "Europe/Paris"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("India Standard Time", "Asia/Calcutta"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Eastern Standard Time", "America/New_York"),
    ("Central Standard Time", "America/Chicago"),
    ("Mountain Standard Time", "America/Denver"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("UTC", "Etc/UTC"),
];

/// The starts of a recurring event's occurrences within the window, and
/// whether more are still to come after now.
fn expand(
    event: &Event,
    zone: &Zone,
    window: &Window,
) -> Result<(Vec<DateTime<Utc>>, bool), String> {
    let set = recurrence(event, zone)?;
    let tz = set.get_dt_start().timezone();
    let now = window.now.with_timezone(&tz);
    let more_later = !set.clone().after(now).all(1).dates.is_empty();
    let mut limited = set.before(now);
    if let Some(since) = window.since {
        limited = limited.after(since.with_timezone(&tz));
    }
    let result = limited.all(MAX_OCCURRENCES);
    let starts = result
        .dates
        .into_iter()
        .map(|d| d.with_timezone(&Utc))
        .collect();
    Ok((starts, more_later))
}

/// The event's recurrence set; TZIDs that `rrule` does not know (Windows
/// names) are put in the IANA zone they stand for, or taken as local time.
fn recurrence(event: &Event, zone: &Zone) -> Result<rrule::RRuleSet, String> {
    let direct = match zone.calendar {
        Some(tz) if zone_named(tz).is_some() => {
            let mut cal = Calendar::new();
            cal.timezone(tz);
            cal.push(event.clone());
            cal.calendar_events()
                .next()
                .map(|e| e.get_recurrence())
                .ok_or_else(|| "no event".to_string())?
        }
        _ => event.get_recurrence(),
    };
    match direct {
        Ok(set) => Ok(set),
        // Most often a zone `rrule` does not know; try again with the zones
        // put right, and say what was wrong the first time if that fails.
        Err(e) => fixed_zones(event)
            .get_recurrence()
            .map_err(|_| recurrence_error(event, &e)),
    }
}

fn recurrence_error(event: &Event, e: &icalendar::RecurrenceError) -> String {
    crate::t!(
        "capture-broken-recurrence",
        summary = event.get_summary().unwrap_or("").to_string(),
        reason = e.to_string()
    )
}

/// A copy of `event` whose date properties name zones `rrule` knows.
fn fixed_zones(event: &Event) -> Event {
    let fix = |p: &Property| -> Property {
        let mut q = Property::new(p.key(), p.value());
        for (key, param) in p.params() {
            if key == "TZID" {
                if let Some(tz) = zone_named(param.value()) {
                    q.add_parameter("TZID", tz.name());
                }
            } else {
                q.add_parameter(key, param.value());
            }
        }
        q.done()
    };
    let mut e = event.clone();
    for key in ["DTSTART", "DTEND", "RECURRENCE-ID"] {
        if let Some(p) = event.properties().get(key) {
            e.append_property(fix(p));
        }
    }
    for key in ["EXDATE", "RDATE"] {
        if let Some(ps) = event.multi_properties().get(key) {
            e.remove_multi_property(key);
            for p in ps {
                e.append_multi_property(fix(p));
            }
        }
    }
    e
}

#[cfg(test)]
mod tests;
