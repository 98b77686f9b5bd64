//! Android "SMS Backup & Restore" (SyncTech) XML: `calls-*.xml` with
//! `<call number duration date type contact_name …/>` and `sms-*.xml` with
//! `<sms address date type contact_name body …/>` and `<mms date msg_box
//! address …><addrs><addr address type/></addrs></mms>`, as the app's
//! published field list has them. Read as a stream of XML events with
//! `quick-xml`: a backup of any size needs the memory of its largest
//! element (an MMS with a photo in it), never the whole file.
//!
//! - A call: type 1 (incoming) or 2 (outgoing) that lasted is a `call`; an
//!   outgoing one of 0 seconds is the user's `missed` attempt; 3 (missed),
//!   4 (voicemail) and an incoming one of 0 seconds are someone else's
//!   attempt ("Anna tried to call you": [`Found::Tried`]); 5 (rejected) and
//!   6 (blocked) are skipped. Each call is keyed `call:<number>:<date>:<type>`,
//!   so a call in two overlapping backups counts once.
//! - A text (type 1 received, 2 sent; drafts, the outbox and failed ones
//!   are not sent) and an MMS (msg_box 1 received from its `137` address,
//!   2 sent to its `151`, `130` and `129` addresses) are `sms`, counted by
//!   number and local day ([`super::daily`]): a day's texts with one number
//!   are one item, keyed `sms:<number>:<day>:<in|out>`.
//!
//! A sender that is no number ("DHL") or a short code is a machine.

use std::io::{self, BufRead};

use chrono::{DateTime, Utc};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::address::Book;
use super::daily::{Daily, DayOf, Interned};
use super::phone::Numbers;
use super::{Found, Handle, Item, Person, Skip, Window};
use crate::clock;
use crate::model::{Channel, Outcome};

/// Whether a file's first bytes are a backup's: an XML root `<smses` or
/// `<calls` (after the prolog and the app's comment).
pub fn looks_like_backup(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let trimmed = start.trim_ascii_start();
    if !trimmed.starts_with(b"<") {
        return false;
    }
    [b"<smses".as_slice(), b"<calls".as_slice()]
        .iter()
        .any(|root| memchr::memmem::find(start, root).is_some())
}

/// What a backup is read with.
pub struct Context<'a> {
    pub book: &'a Book,
    pub window: &'a Window,
    /// An MMS to more other people than this is no touch.
    pub max_recipients: usize,
}

/// The attributes of one element that matter.
#[derive(Default)]
struct Fields {
    number: Option<String>,
    date: Option<i64>,
    kind: Option<i64>,
    duration: Option<i64>,
    msg_box: Option<i64>,
    contact_name: Option<String>,
}

/// An integer attribute (`-1` included).
fn int(raw: &[u8]) -> Option<i64> {
    std::str::from_utf8(raw).ok()?.trim().parse().ok()
}

/// A text attribute, unescaped (`&amp;`) where it can be.
fn text(attr: &quick_xml::events::attributes::Attribute) -> String {
    let raw = String::from_utf8_lossy(&attr.value);
    match quick_xml::escape::unescape(&raw) {
        Ok(value) => value.into_owned(),
        Err(_) => raw.into_owned(),
    }
}

fn fields(e: &BytesStart) -> Result<Fields, String> {
    let mut f = Fields::default();
    for attr in e.attributes().with_checks(false) {
        let attr =
            attr.map_err(|err| crate::t!("capture-broken-attribute", problem = err.to_string()))?;
        match attr.key.as_ref() {
            b"number" | b"address" => f.number = Some(text(&attr)),
            b"date" => f.date = int(&attr.value),
            b"type" => f.kind = int(&attr.value),
            b"duration" => f.duration = int(&attr.value),
            b"msg_box" => f.msg_box = int(&attr.value),
            b"contact_name" => f.contact_name = Some(text(&attr)),
            _ => {}
        }
    }
    Ok(f)
}

/// A name the app gives that is no name.
fn real_name(name: Option<String>) -> Option<String> {
    name.map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && n != "(Unknown)" && n != "null" && !n.contains(", "))
}

/// The instant of a `date`: milliseconds since 1970 (seconds in some
/// MMS of older backups).
fn instant(date: i64) -> Option<DateTime<Utc>> {
    if date.abs() < 100_000_000_000 {
        DateTime::from_timestamp(date, 0)
    } else {
        DateTime::from_timestamp_millis(date)
    }
}

/// An MMS being read: its attributes, then its addresses.
struct Mms {
    fields: Fields,
    from: Vec<String>,
    to: Vec<String>,
}

/// Reads a backup, handing what it finds to `out`. `Ok(false)`: some
/// records were dated in the future (so the file is read again next time).
pub fn read<R: BufRead>(input: R, cx: &Context, out: &mut dyn FnMut(Found)) -> io::Result<bool> {
    let mut reader = Reader::from_reader(input);
    reader.config_mut().check_end_names = false;
    let mut state = State {
        cx,
        numbers: Numbers::new(cx.book.region()),
        who: Interned::default(),
        names: Vec::new(),
        daily: Daily::default(),
        settled: true,
    };
    let mut buf = Vec::with_capacity(64 * 1024);
    let mut mms: Option<Mms> = None;
    loop {
        let event = reader.read_event_into(&mut buf);
        match event {
            Ok(Event::Start(ref e)) | Ok(Event::Empty(ref e)) => {
                let empty = matches!(event, Ok(Event::Empty(_)));
                let parsed = fields(e);
                match (e.local_name().as_ref(), parsed) {
                    (b"call" | b"sms" | b"mms", Err(why)) => out(Found::Broken(crate::t!(
                        "capture-broken-at-byte",
                        byte = reader.buffer_position().to_string(),
                        reason = why
                    ))),
                    (b"call", Ok(f)) => out(state.call(f)),
                    (b"sms", Ok(f)) => {
                        if let Some(found) = state.sms(f) {
                            out(found);
                        }
                    }
                    (b"mms", Ok(f)) => {
                        let started = Mms {
                            fields: f,
                            from: Vec::new(),
                            to: Vec::new(),
                        };
                        if empty {
                            if let Some(found) = state.mms(started) {
                                out(found);
                            }
                        } else {
                            mms = Some(started);
                        }
                    }
                    (b"addr", Ok(f)) => {
                        if let (Some(m), Some(address)) = (mms.as_mut(), f.number) {
                            match f.kind {
                                Some(137) => m.from.push(address),
                                Some(151 | 130 | 129) => m.to.push(address),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::End(ref e)) if e.local_name().as_ref() == b"mms" => {
                if let Some(found) = mms.take().and_then(|m| state.mms(m)) {
                    out(found);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(quick_xml::Error::Io(e)) => return Err(io::Error::new(e.kind(), e.to_string())),
            Err(err) => {
                // What quick-xml cannot read on from is an unclosed tag,
                // comment or value: the file ends inside it (a backup cut
                // short). Everything before it counts.
                out(Found::Broken(crate::t!(
                    "capture-broken-at-byte",
                    byte = reader.error_position().to_string(),
                    reason = err.to_string()
                )));
                break;
            }
        }
        buf.clear();
    }
    if let Some(m) = mms.take()
        && let Some(found) = state.mms(m)
    {
        out(found);
    }
    state.finish(out);
    Ok(state.settled)
}

struct State<'a> {
    cx: &'a Context<'a>,
    numbers: Numbers,
    /// The numbers (or `~`-joined numbers of a group MMS) texts were with.
    who: Interned,
    /// The name the backup gives each of `who`, if any.
    names: Vec<Option<String>>,
    daily: Daily,
    settled: bool,
}

impl State<'_> {
    /// The instant of a record, or why it is not one.
    fn when(&mut self, date: Option<i64>) -> Result<DateTime<Utc>, Found> {
        let Some(at) = date.and_then(instant) else {
            return Err(Found::Broken(crate::t!("capture-broken-no-date")));
        };
        match self.cx.window.check(at) {
            Some(skip) => {
                if skip == Skip::Future {
                    self.settled = false;
                }
                Err(Found::Skip(skip))
            }
            None => Ok(at),
        }
    }

    fn call(&mut self, f: Fields) -> Found {
        let at = match self.when(f.date) {
            Ok(at) => at,
            Err(found) => return found,
        };
        let Some(number) = f.number.as_deref().and_then(|n| self.numbers.get(n)) else {
            // A hidden or unknown number: nobody to match.
            return Found::Skip(Skip::Unknown);
        };
        let kind = f.kind.unwrap_or(0);
        let lasted = f.duration.unwrap_or(0) > 0;
        let item = Item {
            key: format!("call:{number}:{}:{kind}", f.date.unwrap_or_default()),
            at,
            channel: Channel::Call,
            outcome: Outcome::Done,
            people: vec![Person {
                handle: Handle::Phone(number.to_string()),
                name: real_name(f.contact_name),
            }],
            sent: kind == 2,
            text: None,
        };
        match (kind, lasted) {
            (1 | 2 | 7, true) | (7, false) => Found::Item(item),
            (2, false) => Found::Item(Item {
                outcome: Outcome::Missed,
                ..item
            }),
            (1 | 3 | 4, _) => Found::Tried(Item {
                outcome: Outcome::Missed,
                ..item
            }),
            (5 | 6, _) => Found::Skip(Skip::Refused),
            _ => Found::Broken(crate::t!(
                "capture-broken-call-type",
                kind = kind.to_string()
            )),
        }
    }

    /// Counts a text with `who` (one number, or a group's), sent or not.
    fn count(&mut self, who: &str, name: Option<String>, sent: bool, at: DateTime<Utc>) {
        let id = self.who.id(who);
        if self.names.len() <= id as usize {
            self.names.push(name);
        } else if self.names[id as usize].is_none() {
            self.names[id as usize] = name;
        }
        let day = clock::local_day(at);
        self.daily.add(DayOf { day, who: id, sent }, at);
    }

    fn sms(&mut self, f: Fields) -> Option<Found> {
        let sent = match f.kind {
            Some(1) => false,
            Some(2) => true,
            Some(3..=6) => return Some(Found::Skip(Skip::NotSent)),
            Some(other) => {
                return Some(Found::Broken(crate::t!(
                    "capture-broken-text-type",
                    kind = other.to_string()
                )));
            }
            None => return Some(Found::Broken(crate::t!("capture-broken-text-no-type"))),
        };
        let at = match self.when(f.date) {
            Ok(at) => at,
            Err(found) => return Some(found),
        };
        let Some(number) = f.number.as_deref().and_then(|n| self.numbers.get(n)) else {
            return Some(Found::Skip(Skip::Automated));
        };
        let number = number.to_string();
        self.count(&number, real_name(f.contact_name), sent, at);
        None
    }

    fn mms(&mut self, m: Mms) -> Option<Found> {
        let sent = match m.fields.msg_box {
            Some(1) => false,
            Some(2) => true,
            Some(3 | 4) => return Some(Found::Skip(Skip::NotSent)),
            Some(other) => {
                return Some(Found::Broken(crate::t!(
                    "capture-broken-mms-box",
                    kind = other.to_string()
                )));
            }
            None => return Some(Found::Broken(crate::t!("capture-broken-mms-no-box"))),
        };
        let at = match self.when(m.fields.date) {
            Ok(at) => at,
            Err(found) => return Some(found),
        };
        let listed = if sent { &m.to } else { &m.from };
        let fallback: Vec<String> = m
            .fields
            .number
            .as_deref()
            .map(|a| a.split('~').map(String::from).collect())
            .unwrap_or_default();
        let raw = if listed.is_empty() { &fallback } else { listed };
        let mut people: Vec<String> = raw
            .iter()
            .filter(|a| a.as_str() != "insert-address-token")
            .filter_map(|a| self.numbers.get(a).map(String::from))
            .collect();
        if !sent {
            // Received: a touch with its sender only.
            people.truncate(1);
        }
        people.sort();
        people.dedup();
        if people.is_empty() {
            return Some(Found::Skip(Skip::Automated));
        }
        if people.len() > self.cx.max_recipients {
            return Some(Found::Skip(Skip::TooMany));
        }
        let name = if people.len() == 1 {
            real_name(m.fields.contact_name)
        } else {
            None
        };
        self.count(&people.join("~"), name, sent, at);
        None
    }

    /// Hands out the day items the texts make.
    fn finish(&mut self, out: &mut dyn FnMut(Found)) {
        for (group, counted) in self.daily.take() {
            let who = self.who.name(group.who);
            let name = self.names[group.who as usize].clone();
            let people = who
                .split('~')
                .map(|n| Person {
                    handle: Handle::Phone(n.to_string()),
                    name: name.clone(),
                })
                .collect();
            let item = Item {
                key: format!(
                    "sms:{who}:{}:{}",
                    group.day,
                    if group.sent { "out" } else { "in" }
                ),
                at: counted.first,
                channel: Channel::Sms,
                outcome: Outcome::Done,
                people,
                sent: group.sent,
                text: None,
            };
            out(Found::Items(item, counted.count));
        }
    }
}

#[cfg(test)]
mod tests;
