//! draht's own records as iCalendar items of a synced calendar folder, one
//! item per `.ics` file (RFC 5545; the vdir layout):
//!
//! | record     | component  | what carries what                                   |
//! |------------|------------|-----------------------------------------------------|
//! | Jour fixe  | `VEVENT`   | `DTSTART` (floating, or a DATE when all day), `DTEND`, `RRULE`, `EXDATE` for skipped dates, `DESCRIPTION` the note, `STATUS:CANCELLED` when paused, `X-DRAHT-CHANNEL`, `X-DRAHT-MINUTES` (a length set in draht), `X-DRAHT-RRULE` (the rule as draht keeps it) |
//! | follow-up  | `VTODO`    | `DUE` (a DATE), `STATUS`, `COMPLETED`, `CREATED`, `SUMMARY` "Name: note", `X-DRAHT-NOTE` the note |
//! | touch      | `VJOURNAL` | `DTSTART` (UTC), `CATEGORIES` channel and outcome, `DESCRIPTION` the note, `X-DRAHT-RATING`, `X-DRAHT-HOOK` (the hook's text) |
//!
//! Every item names its people with an `ATTENDEE` each: `CN` the name,
//! `X-DRAHT-UID` the UID of their card (RFC 6868 escapes), the value their
//! first e-mail (or a `urn:` of the UID), and carries `X-DRAHT-KIND`. An
//! item without `X-DRAHT-KIND` is not draht's (an event made in khal) and
//! is left alone. Times of day of a Jour fixe are floating (see `ics`).
//!
//! Writing over an item that is already in the folder keeps every line of
//! it draht does not write (a `LOCATION` or an alarm added in khal, other
//! components), so a record changed in draht does not lose what another
//! calendar added to its item.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use icalendar::Property;
use icalendar::parser::{Component, read_calendar, unfold};

use super::ics::{DEFAULT_MINUTES, export_rrule};
use super::sync_card::{escape, stamp, stamp_text, unescape};
use super::vcard_lines::{ContentLine, content_lines, line_end};
use crate::model::{Channel, Outcome};
use crate::sync::Fields;

/// A person an item names: by the UID of their card (draht's items), else
/// by their address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub uid: Option<String>,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalTouch {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub outcome: Outcome,
    pub rating: Option<i8>,
    pub note: Option<String>,
    /// The text of the hook it used.
    pub hook: Option<String>,
    pub with: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalJourFixe {
    pub with: Person,
    pub start: NaiveDate,
    pub rrule: String,
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    pub active: bool,
    pub skipped: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalFollowUp {
    pub with: Person,
    pub due: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalRecord {
    Touch(CalTouch),
    JourFixe(CalJourFixe),
    FollowUp(CalFollowUp),
}

impl CalRecord {
    /// The component it is written as.
    fn component(&self) -> &'static str {
        match self {
            CalRecord::Touch(_) => "VJOURNAL",
            CalRecord::JourFixe(_) => "VEVENT",
            CalRecord::FollowUp(_) => "VTODO",
        }
    }

    /// The value of `X-DRAHT-KIND`.
    pub fn kind(&self) -> &'static str {
        match self {
            CalRecord::Touch(_) => "touch",
            CalRecord::JourFixe(_) => "jourfixe",
            CalRecord::FollowUp(_) => "followup",
        }
    }

    /// The people it names.
    pub fn people(&self) -> Vec<&Person> {
        match self {
            CalRecord::Touch(t) => t.with.iter().collect(),
            CalRecord::JourFixe(j) => vec![&j.with],
            CalRecord::FollowUp(f) => vec![&f.with],
        }
    }
}

/// One of draht's items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalItem {
    pub uid: String,
    pub record: CalRecord,
}

/// What a calendar file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadItem {
    /// One of draht's items, with its `LAST-MODIFIED` (or `DTSTAMP`).
    Draht {
        item: CalItem,
        modified: Option<DateTime<Utc>>,
    },
    /// Someone else's item (no `X-DRAHT-KIND`), by its UID.
    Other { uid: String },
}

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
        .ok_or("it holds no event, task or journal entry")?;
    let uid = prop(main, "UID")
        .map(|p| p.val.as_str().trim().to_string())
        .filter(|u| !u.is_empty())
        .ok_or("its item has no UID")?;
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
    format!("it is not iCalendar text ({})", line.trim())
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
        .ok_or_else(|| "it names no one (no ATTENDEE)".to_string())
}

fn read_touch(c: &Component) -> Result<CalTouch, String> {
    let at = prop(c, "DTSTART")
        .and_then(|p| instant(p.val.as_str()))
        .ok_or("its DTSTART is not a date and time")?;
    let categories: Vec<String> = props(c, "CATEGORIES")
        .flat_map(|p| split_list(p.val.as_str()))
        .collect();
    let channel = categories
        .iter()
        .find_map(|c| Channel::from_name(c))
        .ok_or("its CATEGORIES name no channel (sms, email, chat, call, video, meet)")?;
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
    let start_prop = prop(c, "DTSTART").ok_or("it has no DTSTART")?;
    let start_value = start_prop.val.as_str().trim();
    let all_day = start_value.len() == 8
        || param(start_prop, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    let start_at = wall_clock(start_value).ok_or("its DTSTART is not a date")?;
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
    let written = text(c, "RRULE").ok_or("it has no RRULE")?;
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
        .ok_or("its DUE is not a date")?;
    let summary = text(c, "SUMMARY").unwrap_or_default();
    let note = match text(c, "X-DRAHT-NOTE") {
        Some(kept) if summary == followup_summary(&with.name, &kept) => kept,
        _ => summary
            .strip_prefix(&format!("{}: ", with.name))
            .unwrap_or(&summary)
            .to_string(),
    };
    if note.trim().is_empty() {
        return Err("its SUMMARY is empty".to_string());
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

fn followup_summary(name: &str, note: &str) -> String {
    format!("{name}: {note}")
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
fn duration(value: &str) -> Option<Duration> {
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
fn split_list(raw: &str) -> Vec<String> {
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
fn rfc6868_decode(text: &str) -> String {
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

fn rfc6868_encode(text: &str) -> String {
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

/// The fields a sync compares for one item (what draht keeps of it; the
/// lines other calendars added are the file's and always kept).
pub fn item_fields(item: &CalItem) -> Fields {
    let mut f = Fields::new();
    f.set("kind", item.record.kind());
    let uids = |people: &[&Person]| -> Vec<String> {
        people
            .iter()
            .map(|p| {
                p.uid
                    .clone()
                    .or_else(|| {
                        p.email
                            .as_ref()
                            .map(|e| format!("mailto:{}", e.to_lowercase()))
                    })
                    .unwrap_or_default()
            })
            .collect()
    };
    match &item.record {
        CalRecord::Touch(t) => {
            f.set("at", stamp_text(t.at));
            f.set("channel", t.channel.as_str());
            f.set("outcome", t.outcome.as_str());
            f.set(
                "rating",
                t.rating.map(|r| r.to_string()).unwrap_or_default(),
            );
            f.set("note", t.note.clone().unwrap_or_default());
            f.set("hook", t.hook.clone().unwrap_or_default());
            f.set_sorted("with", uids(&t.with.iter().collect::<Vec<_>>()));
        }
        CalRecord::JourFixe(j) => {
            f.set("with", uids(&[&j.with]).join(""));
            f.set("start", j.start.to_string());
            f.set(
                "time",
                j.time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
            );
            f.set(
                "minutes",
                j.duration_minutes
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            );
            f.set("rule", j.rrule.trim());
            f.set("channel", j.channel.as_str());
            f.set("note", j.note.clone().unwrap_or_default());
            f.set("active", if j.active { "yes" } else { "no" });
            f.set_sorted("skipped", j.skipped.iter().map(|d| d.to_string()));
        }
        CalRecord::FollowUp(u) => {
            f.set("with", uids(&[&u.with]).join(""));
            f.set("due", u.due.to_string());
            f.set("note", u.note.trim());
            f.set("created", stamp_text(u.created_at));
            f.set("done", u.done_at.map(stamp_text).unwrap_or_default());
        }
    }
    f
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

#[cfg(test)]
mod tests;
