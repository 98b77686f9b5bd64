//! Writing one of draht's items as the text of its `.ics` file (see
//! `sync_ics` for what carries what), over the file as it is when there
//! is one.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use icalendar::Property;

use super::ics::{DEFAULT_MINUTES, export_rrule};
use super::sync_card::{escape, stamp_text};
use super::sync_ics::{CalItem, CalRecord, Person, followup_summary};
use super::vcard_lines::{ContentLine, content_lines, line_end};

pub(super) fn rfc6868_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("^'"),
            '\n' => out.push_str("^n"),
            '\r' => {}
            '^' => out.push_str("^^"),
            c => out.push(c),
        }
    }
    out
}

/// Properties draht writes in every item; writing an item replaces them.
const OWNED_ALL: [&str; 7] = [
    "UID",
    "DTSTAMP",
    "LAST-MODIFIED",
    "SUMMARY",
    "DESCRIPTION",
    "ATTENDEE",
    "STATUS",
];

fn owned(record: &CalRecord, name: &str) -> bool {
    if OWNED_ALL.contains(&name) || name.starts_with("X-DRAHT-") {
        return true;
    }
    let own: &[&str] = match record {
        CalRecord::Touch(_) => &["DTSTART", "CATEGORIES"],
        CalRecord::JourFixe(_) => &["DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE"],
        CalRecord::FollowUp(_) => &["DUE", "COMPLETED", "CREATED"],
    };
    own.contains(&name)
}

/// The text of `item`, changed at `stamp` (its `DTSTAMP` and
/// `LAST-MODIFIED`). Over `previous` (the file as it is) every line draht
/// does not write is kept where it was; without it, a new calendar.
pub fn render_item(item: &CalItem, previous: Option<&str>, stamp: DateTime<Utc>) -> String {
    let lines = owned_lines(item, stamp);
    if let Some(previous) = previous
        && let Some(text) = over(previous, item, &lines)
    {
        return text;
    }
    let component = item.record.component();
    let mut out = String::with_capacity(512);
    out.push_str("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//draht//draht//EN\r\n");
    out.push_str(&format!("BEGIN:{component}\r\n"));
    lines.iter().for_each(|l| out.push_str(l));
    out.push_str(&format!("END:{component}\r\nEND:VCALENDAR\r\n"));
    out
}

/// `previous` with the owned lines of its main component replaced by
/// `lines` (right after its `BEGIN`); `None` when it has no such component.
fn over(previous: &str, item: &CalItem, lines: &[String]) -> Option<String> {
    let content: Vec<ContentLine> = content_lines(previous);
    let component = item.record.component();
    let mut depth = 0usize;
    let mut main: Option<(usize, usize)> = None;
    let mut begin_at = None;
    for (i, line) in content.iter().enumerate() {
        let value = line.unfolded(previous);
        let value = value.split_once(':').map_or("", |(_, v)| v.trim());
        match line.name.as_str() {
            "BEGIN" => {
                depth += 1;
                if depth == 2 && main.is_none() && value.eq_ignore_ascii_case(component) {
                    begin_at = Some(i);
                }
            }
            "END" => {
                if depth == 2
                    && let Some(b) = begin_at.take()
                {
                    let recurrence = content[b..i].iter().any(|l| l.name == "RECURRENCE-ID");
                    if !recurrence {
                        main = Some((b, i));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    let (begin, end) = main?;
    let eol = line_end(previous);
    let mut out = String::with_capacity(previous.len() + 256);
    let mut depth = 0usize;
    for (i, line) in content.iter().enumerate() {
        let raw = line.raw(previous);
        if i > begin && i < end {
            match line.name.as_str() {
                "BEGIN" => depth += 1,
                "END" => depth = depth.saturating_sub(1),
                _ => {}
            }
            let nested = depth > 0 || line.name == "END";
            if !nested && owned(&item.record, &line.name) {
                continue;
            }
        }
        out.push_str(raw);
        if i == begin {
            for l in lines {
                match eol {
                    "\n" => out.push_str(&l.replace("\r\n", "\n")),
                    _ => out.push_str(l),
                }
            }
        }
    }
    Some(out)
}

/// The lines draht writes for `item`, folded, in CRLF.
fn owned_lines(item: &CalItem, at: DateTime<Utc>) -> Vec<String> {
    let mut lines = Vec::with_capacity(16);
    let mut push = |p: Property| {
        let line: Result<String, _> = p.try_into();
        if let Ok(line) = line {
            lines.push(line);
        }
    };
    push(Property::new("UID", item.uid.as_str()));
    push(Property::new("DTSTAMP", stamp_text(at)));
    push(Property::new("LAST-MODIFIED", stamp_text(at)));
    let names = |people: &[&Person]| -> String {
        people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &item.record {
        CalRecord::Touch(t) => {
            push(Property::new("DTSTART", stamp_text(t.at)));
            push(Property::new(
                "SUMMARY",
                format!(
                    "{} with {}",
                    t.channel.as_str(),
                    names(&t.with.iter().collect::<Vec<_>>())
                ),
            ));
            if let Some(note) = &t.note {
                push(Property::new("DESCRIPTION", note.as_str()));
            }
            push(Property::new(
                "CATEGORIES",
                format!(
                    "{},{}",
                    escape(t.channel.as_str()),
                    escape(t.outcome.as_str())
                ),
            ));
            push(Property::new("STATUS", "FINAL"));
        }
        CalRecord::JourFixe(j) => {
            let timed = j.time.is_some();
            match j.time {
                Some(time) => {
                    let start = j.start.and_time(time);
                    let minutes = j.duration_minutes.unwrap_or(DEFAULT_MINUTES);
                    let end = start + Duration::minutes(i64::from(minutes));
                    push(Property::new("DTSTART", floating(start)));
                    push(Property::new("DTEND", floating(end)));
                }
                None => {
                    let mut start = Property::new("DTSTART", day(j.start));
                    start.add_parameter("VALUE", "DATE");
                    push(start);
                    let next = j.start.succ_opt().unwrap_or(j.start);
                    let mut end = Property::new("DTEND", day(next));
                    end.add_parameter("VALUE", "DATE");
                    push(end);
                }
            }
            push(Property::new("RRULE", export_rrule(&j.rrule, timed)));
            for skipped in &j.skipped {
                let mut p = match j.time {
                    Some(time) => Property::new("EXDATE", floating(skipped.and_time(time))),
                    None => Property::new("EXDATE", day(*skipped)),
                };
                if !timed {
                    p.add_parameter("VALUE", "DATE");
                }
                push(p);
            }
            push(Property::new(
                "SUMMARY",
                format!("Jour fixe: {} with {}", j.channel.as_str(), j.with.name),
            ));
            if let Some(note) = &j.note {
                push(Property::new("DESCRIPTION", note.as_str()));
            }
            push(Property::new(
                "STATUS",
                if j.active { "CONFIRMED" } else { "CANCELLED" },
            ));
            push(Property::new("X-DRAHT-CHANNEL", j.channel.as_str()));
            if let Some(minutes) = j.duration_minutes {
                push(Property::new("X-DRAHT-MINUTES", minutes.to_string()));
            }
            push(Property::new("X-DRAHT-RRULE", j.rrule.trim()));
        }
        CalRecord::FollowUp(u) => {
            push(Property::new("CREATED", stamp_text(u.created_at)));
            let mut due = Property::new("DUE", day(u.due));
            due.add_parameter("VALUE", "DATE");
            push(due);
            push(Property::new(
                "SUMMARY",
                followup_summary(&u.with.name, u.note.trim()),
            ));
            push(Property::new("X-DRAHT-NOTE", u.note.trim()));
            match u.done_at {
                Some(done) => {
                    push(Property::new("STATUS", "COMPLETED"));
                    push(Property::new("COMPLETED", stamp_text(done)));
                }
                None => push(Property::new("STATUS", "NEEDS-ACTION")),
            }
        }
    }
    for person in item.record.people() {
        let value = match (&person.email, &person.uid) {
            (Some(email), _) => format!("mailto:{email}"),
            (None, Some(uid)) if uuid::Uuid::parse_str(uid).is_ok() => format!("urn:uuid:{uid}"),
            (None, Some(uid)) => format!("urn:x-draht-uid:{}", percent(uid)),
            (None, None) => "urn:x-draht-uid:unknown".to_string(),
        };
        let mut p = Property::new("ATTENDEE", value);
        p.add_parameter("CN", &rfc6868_encode(&person.name));
        if let Some(uid) = &person.uid {
            p.add_parameter("X-DRAHT-UID", &rfc6868_encode(uid));
        }
        push(p);
    }
    if let CalRecord::Touch(t) = &item.record {
        if let Some(r) = t.rating {
            push(Property::new("X-DRAHT-RATING", r.to_string()));
        }
        if let Some(hook) = &t.hook {
            push(Property::new("X-DRAHT-HOOK", hook.as_str()));
        }
    }
    push(Property::new("X-DRAHT-KIND", item.record.kind()));
    lines
}

fn floating(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

fn day(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// A UID as the path of a `urn:`: unreserved characters as they are, the
/// rest percent-encoded.
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
