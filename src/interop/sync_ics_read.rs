//! Reading one `.ics` file of a synced calendar folder into one of
//! draht's items (see `sync_ics` for what carries what).

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::parser::{Component, read_calendar, unfold};

use super::ics::{DEFAULT_MINUTES, export_rrule};
use super::sync_card::{stamp, unescape};
use super::sync_ics::{
    CalFollowUp, CalItem, CalJourFixe, CalRecord, CalTouch, Person, ReadItem, followup_summary,
};
use crate::model::{Channel, Outcome};
use crate::t;

/// Reads one `.ics` file of a synced calendar folder.
pub fn read_item(text: &str) -> Result<ReadItem, String> {
    let unfolded = unfold(text);
    let calendar = read_calendar(&unfolded).map_err(|e| first_line(&e))?;
    let roots: Vec<&Component> = calendar.components.iter().collect();
    let inner: Vec<&Component> = match roots.first() {
        Some(root) if root.name.as_str().eq_ignore_ascii_case("VCALENDAR") => {
            root.components.iter().collect()
        }
        _ => roots,
    };
    let main = inner
        .iter()
        .copied()
        .find(|c| {
            matches!(c.name.as_str(), "VEVENT" | "VTODO" | "VJOURNAL")
                && prop(c, "RECURRENCE-ID").is_none()
        })
        .ok_or_else(|| t!("ics-read-no-item"))?;
    let uid = prop(main, "UID")
        .map(|p| p.val.as_str().trim().to_string())
        .filter(|u| !u.is_empty())
        .ok_or_else(|| t!("ics-read-no-uid"))?;
    let Some(kind) = prop(main, "X-DRAHT-KIND").map(|p| p.val.as_str().trim().to_string()) else {
        return Ok(ReadItem::Other { uid });
    };
    let record = match (kind.as_str(), main.name.as_str()) {
        ("touch", "VJOURNAL") => CalRecord::Touch(read_touch(main)?),
        ("jourfixe", "VEVENT") => CalRecord::JourFixe(read_jourfixe(main)?),
        ("followup", "VTODO") => CalRecord::FollowUp(read_followup(main)?),
        _ => return Ok(ReadItem::Other { uid }),
    };
    let modified = prop(main, "LAST-MODIFIED")
        .or_else(|| prop(main, "DTSTAMP"))
        .and_then(|p| stamp(p.val.as_str()));
    Ok(ReadItem::Draht {
        item: CalItem { uid, record },
        modified,
    })
}

fn first_line(error: &str) -> String {
    let line = error
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(error);
    t!("ics-read-not-icalendar", problem = line.trim())
}

fn prop<'a>(c: &'a Component, name: &str) -> Option<&'a icalendar::parser::Property<'a>> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn props<'a>(
    c: &'a Component,
    name: &'a str,
) -> impl Iterator<Item = &'a icalendar::parser::Property<'a>> + 'a {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn text(c: &Component, name: &str) -> Option<String> {
    prop(c, name)
        .map(|p| p.val.as_str().to_string())
        .filter(|t| !t.trim().is_empty())
}

fn param<'a>(p: &'a icalendar::parser::Property<'a>, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

fn people(c: &Component) -> Vec<Person> {
    props(c, "ATTENDEE")
        .map(|p| {
            let value = p.val.as_str().trim();
            let email = value
                .get(..7)
                .filter(|s| s.eq_ignore_ascii_case("mailto:"))
                .map(|_| value[7..].trim().to_string())
                .filter(|e| !e.is_empty());
            Person {
                uid: param(p, "X-DRAHT-UID").map(rfc6868_decode),
                name: param(p, "CN").map(rfc6868_decode).unwrap_or_default(),
                email,
            }
        })
        .collect()
}

fn the_person(c: &Component) -> Result<Person, String> {
    people(c)
        .into_iter()
        .next()
        .ok_or_else(|| t!("ics-read-no-attendee"))
}

fn read_touch(c: &Component) -> Result<CalTouch, String> {
    let at = prop(c, "DTSTART")
        .and_then(|p| instant(p.val.as_str()))
        .ok_or_else(|| t!("ics-read-start-not-instant"))?;
    let categories: Vec<String> = props(c, "CATEGORIES")
        .flat_map(|p| split_list(p.val.as_str()))
        .collect();
    let channel = categories
        .iter()
        .find_map(|c| Channel::from_name(c))
        .ok_or_else(|| t!("ics-read-no-channel"))?;
    let outcome = match categories
        .iter()
        .any(|c| c.trim().eq_ignore_ascii_case("missed"))
    {
        true => Outcome::Missed,
        false => Outcome::Done,
    };
    Ok(CalTouch {
        at,
        channel,
        outcome,
        rating: text(c, "X-DRAHT-RATING")
            .and_then(|r| r.trim().parse::<i8>().ok())
            .filter(|r| (-1..=1).contains(r)),
        note: text(c, "DESCRIPTION"),
        hook: text(c, "X-DRAHT-HOOK").map(|h| h.trim().to_string()),
        with: people(c),
    })
}

fn read_jourfixe(c: &Component) -> Result<CalJourFixe, String> {
    let start_prop = prop(c, "DTSTART").ok_or_else(|| t!("ics-read-no-start"))?;
    let start_value = start_prop.val.as_str().trim();
    let all_day = start_value.len() == 8
        || param(start_prop, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    let start_at = wall_clock(start_value).ok_or_else(|| t!("ics-read-start-not-date"))?;
    let time = (!all_day).then(|| start_at.time());
    let lasting = prop(c, "DTEND")
        .and_then(|p| wall_clock(p.val.as_str()))
        .map(|end| end - start_at)
        .or_else(|| prop(c, "DURATION").and_then(|p| duration(p.val.as_str())))
        .map(|d| d.num_minutes())
        .filter(|m| *m > 0)
        .and_then(|m| u32::try_from(m).ok());
    let said: Option<u32> = text(c, "X-DRAHT-MINUTES").and_then(|m| m.trim().parse().ok());
    let duration_minutes = match (all_day, lasting, said) {
        (true, _, said) => said,
        (false, Some(m), Some(s)) if m == s => Some(s),
        (false, Some(m), None) if m == DEFAULT_MINUTES => None,
        (false, Some(m), _) => Some(m),
        (false, None, said) => said,
    };
    let written = text(c, "RRULE").ok_or_else(|| t!("ics-read-no-rrule"))?;
    let rrule = match text(c, "X-DRAHT-RRULE") {
        Some(kept) if export_rrule(&kept, !all_day) == written.trim() => kept,
        _ => written.trim().to_string(),
    };
    let mut skipped: Vec<NaiveDate> = props(c, "EXDATE")
        .flat_map(|p| {
            p.val
                .as_str()
                .split(',')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter_map(|v| wall_clock(&v).map(|at| at.date()))
        .collect();
    skipped.sort();
    skipped.dedup();
    Ok(CalJourFixe {
        with: the_person(c)?,
        start: start_at.date(),
        rrule,
        time,
        duration_minutes,
        channel: text(c, "X-DRAHT-CHANNEL")
            .and_then(|ch| Channel::from_name(&ch))
            .unwrap_or(Channel::Call),
        note: text(c, "DESCRIPTION"),
        active: !text(c, "STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("CANCELLED")),
        skipped,
    })
}

fn read_followup(c: &Component) -> Result<CalFollowUp, String> {
    let with = the_person(c)?;
    let due = prop(c, "DUE")
        .and_then(|p| wall_clock(p.val.as_str()))
        .map(|at| at.date())
        .ok_or_else(|| t!("ics-read-due-not-date"))?;
    let summary = text(c, "SUMMARY").unwrap_or_default();
    let note = match text(c, "X-DRAHT-NOTE") {
        Some(kept) if summary == followup_summary(&with.name, &kept) => kept,
        _ => summary
            .strip_prefix(&format!("{}: ", with.name))
            .unwrap_or(&summary)
            .to_string(),
    };
    if note.trim().is_empty() {
        return Err(t!("ics-read-empty-summary"));
    }
    let modified = prop(c, "LAST-MODIFIED")
        .or_else(|| prop(c, "DTSTAMP"))
        .and_then(|p| stamp(p.val.as_str()));
    let completed = text(c, "STATUS").is_some_and(|s| s.trim().eq_ignore_ascii_case("COMPLETED"));
    let done_at = prop(c, "COMPLETED")
        .and_then(|p| stamp(p.val.as_str()))
        .or_else(|| completed.then_some(modified).flatten());
    Ok(CalFollowUp {
        with,
        due,
        note: note.trim().to_string(),
        created_at: prop(c, "CREATED")
            .and_then(|p| stamp(p.val.as_str()))
            .or(modified)
            .unwrap_or(DateTime::UNIX_EPOCH),
        done_at,
    })
}

/// A date or date-time value as wall-clock time (a DATE at midnight; a
/// UTC time as it is; a TZID is not looked up: a Jour fixe is wall-clock).
fn wall_clock(value: &str) -> Option<NaiveDateTime> {
    let v = value.trim().trim_end_matches(['Z', 'z']);
    if v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .ok()
            .map(|d| d.and_time(NaiveTime::MIN));
    }
    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok()
}

/// A touch's instant: UTC as written, else the local time of this machine.
fn instant(value: &str) -> Option<DateTime<Utc>> {
    let v = value.trim();
    if v.ends_with(['Z', 'z']) {
        return stamp(v);
    }
    wall_clock(v).map(crate::clock::from_local)
}

/// `PT45M`, `PT1H30M`, `P1D` as a duration.
pub(super) fn duration(value: &str) -> Option<Duration> {
    let v = value.trim().trim_start_matches('+');
    let v = v.strip_prefix('P')?;
    let (days, time) = match v.split_once('T') {
        Some((d, t)) => (d, t),
        None => (v, ""),
    };
    let mut total = Duration::zero();
    let mut number = String::new();
    for c in days.chars().chain(std::iter::once('|')).chain(time.chars()) {
        match c {
            '0'..='9' => number.push(c),
            'W' => total += Duration::weeks(number.parse().ok()?),
            'D' => total += Duration::days(number.parse().ok()?),
            'H' => total += Duration::hours(number.parse().ok()?),
            'M' => total += Duration::minutes(number.parse().ok()?),
            'S' => total += Duration::seconds(number.parse().ok()?),
            _ => {}
        }
        if !c.is_ascii_digit() {
            number.clear();
        }
    }
    Some(total)
}

/// A TEXT list (`CATEGORIES`), still escaped, split on its unescaped commas.
pub(super) fn split_list(raw: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in raw.chars() {
        match c {
            _ if escaped => {
                current.push('\\');
                current.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            ',' => items.push(unescape(&std::mem::take(&mut current))),
            c => current.push(c),
        }
    }
    items.push(unescape(&current));
    items.retain(|i| !i.trim().is_empty());
    items
}

/// RFC 6868: `^'` is `"`, `^n` a line break, `^^` a caret.
pub(super) fn rfc6868_decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('^', Some('\'')) => {
                out.push('"');
                chars.next();
            }
            ('^', Some('n')) => {
                out.push('\n');
                chars.next();
            }
            ('^', Some('^')) => {
                out.push('^');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}
