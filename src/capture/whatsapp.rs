//! WhatsApp's "Export chat": one chat as a text file (Android's `WhatsApp
//! Chat with Anna Schmidt.txt`, iOS's `_chat.txt`), or the `.zip` the phone
//! shares with it (only the `.txt` inside is read). Read line by line; the
//! lines themselves are [`super::whatsapp_line`]'s.
//!
//! A chat is a touch with its partner on every day it has messages — one
//! `chat` touch a day, however many messages — and every call in it is one
//! more (`call`, or `video`; a call the user made that nobody answered is a
//! `missed` attempt; one the partner made that the user missed is theirs,
//! named in the run as "tried to call you"). The partner is who the file
//! is named for, else the contact a sender's name is, or what `--contact`
//! says. A group chat (more than two senders, or a line only groups have)
//! is a touch with every participant who wrote that day, and only with
//! `--groups`.
//!
//! Source keys: a chat's day (`wa:<chat>:2026-12-07`) and each call
//! (`wa:<chat>:20261207T180311:0`), so a later export of the same chat,
//! which holds the earlier one's lines again, adds only the new days.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read, Seek};

use chrono::{Local, NaiveDate, NaiveDateTime};

use super::address::Book;
use super::daily::Interned;
use super::hash::Stable;
use super::phone::{self, is_invisible};
use super::whatsapp_line::{Said, Sniff, header, may_be_header, said};
use super::{FUTURE_GRACE_SECS, Found, Handle, Item, Person, Skip, Window};
use crate::clock;
use crate::model::{Channel, Id, Outcome};

pub use super::whatsapp_line::DateOrder;

/// What the user said about a chat.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date order, when the file does not tell (`--date-order`).
    pub date_order: Option<DateOrder>,
    /// Group chats are touches (`--groups`).
    pub groups: bool,
    /// The contact the chat is with (`--contact`): id and name.
    pub contact: Option<(Id, String)>,
    /// A group with more other people than this is no touch.
    pub max_recipients: usize,
}

/// The chat's partner as the file name gives it: "WhatsApp Chat with Anna
/// Schmidt.txt", "WhatsApp Chat mit Anna Schmidt.zip" (German), "WhatsApp
/// Chat - Anna Schmidt.zip" (iOS); a copy's " (1)" is dropped.
pub fn title_of(file_name: &str) -> Option<String> {
    let stem = file_name
        .rsplit_once('.')
        .filter(|(_, ext)| ["txt", "zip"].iter().any(|e| ext.eq_ignore_ascii_case(e)))
        .map_or(file_name, |(stem, _)| stem);
    let lower = stem.to_lowercase();
    let prefixes = [
        "whatsapp chat with ",
        "whatsapp chat mit ",
        "whatsapp-chat with ",
        "whatsapp-chat mit ",
        "whatsapp chat - ",
        "whatsapp chat – ",
        "whatsapp-chat - ",
    ];
    let prefix = prefixes.iter().find(|p| lower.starts_with(*p))?;
    // The prefixes are ASCII: the same length in the original.
    let mut name = stem[prefix.len()..].trim();
    if let Some(open) = name.rfind(" (")
        && name.ends_with(')')
        && name[open + 2..name.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        name = name[..open].trim_end();
    }
    let name: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    (!name.is_empty()).then_some(name)
}

/// Whether a file's first bytes are a WhatsApp export's first line.
pub fn looks_like_chat(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    let line = start.split(|b| *b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    header(&line).is_some_and(|h| {
        h.at(DateOrder::Dmy).is_some()
            || h.at(DateOrder::Mdy).is_some()
            || h.at(DateOrder::Ymd).is_some()
    })
}

/// The chat file in a WhatsApp `.zip`: iOS's `_chat.txt`, Android's
/// `WhatsApp Chat with ….txt`, else the first `.txt` that looks like one.
/// Its index and name.
pub fn chat_in_zip<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Option<(usize, String)> {
    let mut texts: Vec<(usize, String)> = (0..zip.len())
        .filter_map(|i| {
            let file = zip.by_index(i).ok()?;
            let name = file.name().ok()?.to_string();
            (!file.is_dir() && name.to_ascii_lowercase().ends_with(".txt")).then_some((i, name))
        })
        .collect();
    let base = |name: &str| name.rsplit('/').next().unwrap_or(name).to_lowercase();
    texts.sort_by_key(|(i, name)| {
        let b = base(name);
        (!(b == "_chat.txt" || b.starts_with("whatsapp")), *i)
    });
    for (i, name) in texts {
        let Ok(mut file) = zip.by_index(i) else {
            continue;
        };
        let mut start = vec![0u8; 512];
        let mut n = 0;
        while n < start.len() {
            match file.read(&mut start[n..]) {
                Ok(0) | Err(_) => break,
                Ok(got) => n += got,
            }
        }
        if looks_like_chat(&start[..n]) {
            return Some((i, name));
        }
    }
    None
}

/// The date order of a chat: `given`, else what its headers show. `Err`
/// with a sample date when they do not tell (or contradict each other).
pub fn date_order<R: BufRead>(
    input: R,
    given: Option<DateOrder>,
) -> io::Result<Result<DateOrder, String>> {
    if let Some(order) = given {
        return Ok(Ok(order));
    }
    let mut sniff = Sniff::default();
    let mut sample = None;
    let mut lines = Lines::new(input);
    while let Some(line) = lines.next_line()? {
        if !may_be_header(line) {
            continue;
        }
        let text = String::from_utf8_lossy(line);
        if let Some(h) = header(&text) {
            sample.get_or_insert_with(|| h.written.to_string());
            if let Some(order) = sniff.add(&h) {
                return Ok(Ok(order));
            }
        }
    }
    if sniff.contradictory() {
        return Ok(Err(crate::t!("capture-why-dates-mixed")));
    }
    match (sniff.decided(), sample) {
        (Some(order), _) => Ok(Ok(order)),
        (None, Some(sample)) => Ok(Err(crate::t!(
            "capture-why-dates-ambiguous",
            sample = sample
        ))),
        (None, None) => Ok(Err(crate::t!("capture-why-no-chat-line"))),
    }
}

/// A reader of lines that keeps one buffer.
struct Lines<R> {
    input: R,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    fn new(input: R) -> Lines<R> {
        Lines {
            input,
            buf: Vec::with_capacity(512),
        }
    }

    fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        self.buf.clear();
        if self.input.read_until(b'\n', &mut self.buf)? == 0 {
            return Ok(None);
        }
        Ok(Some(&self.buf))
    }
}

/// One day of a chat.
#[derive(Clone, Debug)]
struct DayAcc {
    count: u32,
    first: NaiveDateTime,
    /// Who wrote that day (sender numbers, sorted).
    senders: Vec<u32>,
}

/// A call line.
#[derive(Clone, Debug)]
struct CallAcc {
    at: NaiveDateTime,
    sender: Option<u32>,
    said: Said,
}

/// One chat file to read.
pub struct Chat<'a> {
    /// The partner as the file name gives it.
    pub title: Option<&'a str>,
    pub order: DateOrder,
    pub options: &'a Options,
    pub book: &'a Book,
    pub window: &'a Window,
}

/// Reads a chat, handing what it finds to `out`. `Ok(false)`: some lines
/// were dated in the future (so the file is read again next time).
pub fn read<R: BufRead>(input: R, chat: &Chat, out: &mut dyn FnMut(Found)) -> io::Result<bool> {
    let future = chat.window.now + chrono::Duration::seconds(FUTURE_GRACE_SECS);
    let future = future.with_timezone(&Local).naive_local();
    let since = chat
        .window
        .since
        .map(|s| s.with_timezone(&Local).naive_local());
    let mut senders = Interned::default();
    let mut days: BTreeMap<NaiveDate, DayAcc> = BTreeMap::new();
    let mut calls: Vec<CallAcc> = Vec::new();
    let (mut group_line, mut system, mut settled) = (false, 0u32, true);
    let (mut started, mut number) = (false, 0u64);
    let mut lines = Lines::new(input);
    while let Some(line) = lines.next_line()? {
        number += 1;
        if !may_be_header(line) {
            if !started && !line.iter().all(u8::is_ascii_whitespace) {
                out(Found::Broken(crate::t!(
                    "capture-broken-not-whatsapp",
                    line = number.to_string()
                )));
            }
            continue;
        }
        let text = String::from_utf8_lossy(line);
        let Some(h) = header(&text) else {
            if !started && !text.trim().is_empty() {
                out(Found::Broken(crate::t!(
                    "capture-broken-not-whatsapp",
                    line = number.to_string()
                )));
            }
            continue;
        };
        started = true;
        let Some(at) = h.at(chat.order) else {
            out(Found::Broken(crate::t!(
                "capture-broken-whatsapp-date",
                line = number.to_string(),
                written = format!("{} {}:{:02}", h.written, h.hour, h.minute),
                order = chat.order.as_str()
            )));
            continue;
        };
        if at > future {
            settled = false;
            out(Found::Skipped(Skip::Future, 1));
            continue;
        }
        if since.is_some_and(|s| at < s) {
            out(Found::Skipped(Skip::BeforeSince, 1));
            continue;
        }
        let sender = h.sender.map(|s| senders.id(s));
        match said(h.text, h.marked, h.sender.is_some()) {
            Said::Encryption | Said::System { group: false } => system += 1,
            Said::System { group: true } => {
                group_line = true;
                system += 1;
            }
            Said::Message => {
                let day = days.entry(at.date()).or_insert(DayAcc {
                    count: 0,
                    first: at,
                    senders: Vec::new(),
                });
                day.count += 1;
                day.first = day.first.min(at);
                if let Some(s) = sender
                    && let Err(i) = day.senders.binary_search(&s)
                {
                    day.senders.insert(i, s);
                }
            }
            call @ (Said::Call { .. } | Said::Missed { .. }) => calls.push(CallAcc {
                at,
                sender,
                said: call,
            }),
        }
    }
    if system > 0 {
        out(Found::Skipped(Skip::System, system));
    }
    let done = Done {
        chat,
        senders: &senders,
        key: chat_key(chat.title, &senders),
    };
    let group = chat.options.contact.is_none() && (group_line || senders.len() > 2);
    if group {
        done.group(&days, &calls, out);
    } else {
        done.pair(&days, &calls, out);
    }
    Ok(settled)
}

/// The chat's part of its keys: a hash of its title, else of its senders.
fn chat_key(title: Option<&str>, senders: &Interned) -> String {
    let mut h = Stable::new();
    h.field("whatsapp");
    match title {
        Some(t) => {
            h.field(&t.to_lowercase());
        }
        None => {
            let mut names: Vec<&String> = senders.names().iter().collect();
            names.sort();
            for n in names {
                h.field(n);
            }
        }
    }
    format!("{:016x}", h.finish())
}

/// A name as a person: a phone number when it is one ("+49 170 1234567",
/// as a chat shows someone not in the phone's book), else the name.
fn person(name: &str, chat: bool, book: &Book) -> Person {
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    let visible = visible.trim().to_string();
    let number = visible
        .starts_with(|c: char| c == '+' || c.is_ascii_digit())
        .then(|| phone::normalize(&visible, book.region()))
        .flatten();
    let handle = match number {
        Some(n) => Handle::Phone(n),
        None if chat => Handle::Chat(visible.clone()),
        None => Handle::Name(visible.clone()),
    };
    Person {
        handle,
        name: Some(visible),
    }
}

/// A chat read to its end, turning into items.
struct Done<'a> {
    chat: &'a Chat<'a>,
    senders: &'a Interned,
    key: String,
}

impl Done<'_> {
    fn item(&self, key: String, at: NaiveDateTime, channel: Channel, people: Vec<Person>) -> Item {
        Item {
            key,
            at: clock::from_local(at),
            channel,
            outcome: Outcome::Done,
            people,
            sent: false,
            text: None,
        }
    }

    fn day_key(&self, day: NaiveDate) -> String {
        format!("wa:{}:{day}", self.key)
    }

    /// The key of each call: its time and how many calls before it had
    /// the same time.
    fn call_keys(&self, calls: &[CallAcc]) -> Vec<String> {
        let mut seen: BTreeMap<NaiveDateTime, u32> = BTreeMap::new();
        calls
            .iter()
            .map(|c| {
                let n = seen.entry(c.at).or_default();
                let key = format!("wa:{}:{}:{n}", self.key, c.at.format("%Y%m%dT%H%M%S"));
                *n += 1;
                key
            })
            .collect()
    }

    /// A chat of two: every day and call is a touch with the partner.
    fn pair(
        &self,
        days: &BTreeMap<NaiveDate, DayAcc>,
        calls: &[CallAcc],
        out: &mut dyn FnMut(Found),
    ) {
        let book = self.chat.book;
        let partner: Vec<Person> = match (&self.chat.options.contact, self.chat.title) {
            (Some((id, name)), _) => vec![Person {
                handle: Handle::Contact(*id, name.clone()),
                name: Some(name.clone()),
            }],
            (None, Some(title)) => vec![person(title, true, book)],
            (None, None) => self
                .senders
                .names()
                .iter()
                .map(|s| person(s, false, book))
                .collect(),
        };
        // Which sender is the partner: the one the file is named for, else
        // the one who is a contact (the contact `--contact` names, or any).
        let wanted: Option<Id> = self.chat.options.contact.as_ref().map(|(id, _)| *id);
        let partner_sender: Option<u32> = (0..self.senders.len() as u32).find(|&s| {
            let name = self.senders.name(s);
            match self.chat.title {
                Some(title) => same_name(name, title),
                None => {
                    let ids = book.person(&person(name, false, book)).to_vec();
                    match wanted {
                        Some(id) => ids.contains(&id),
                        None => !ids.is_empty(),
                    }
                }
            }
        });
        // With two senders and the partner known, the other is the user.
        let known =
            partner_sender.is_some() || self.senders.len() == 1 && self.chat.title.is_some();
        let by_user = |sender: Option<u32>| -> Option<bool> {
            match (sender, partner_sender) {
                (Some(s), Some(p)) => Some(s != p),
                (Some(_), None) if known => Some(true),
                _ => None,
            }
        };
        for (day, acc) in days {
            let mut item = self.item(
                self.day_key(*day),
                acc.first,
                Channel::Chat,
                partner.clone(),
            );
            item.sent = acc.senders.iter().any(|s| by_user(Some(*s)) == Some(true));
            out(Found::Items(item, acc.count));
        }
        for (call, key) in calls.iter().zip(self.call_keys(calls)) {
            let video = matches!(
                call.said,
                Said::Call { video: true, .. } | Said::Missed { video: true }
            );
            let channel = if video { Channel::Video } else { Channel::Call };
            let mut item = self.item(key, call.at, channel, partner.clone());
            let user = by_user(call.sender);
            item.sent = user == Some(true);
            match (call.said, user) {
                (Said::Call { done: true, .. }, _) => out(Found::Item(item)),
                // The user called and nobody answered: their attempt.
                (Said::Call { done: false, .. } | Said::Missed { .. }, Some(true)) => {
                    item.outcome = Outcome::Missed;
                    out(Found::Item(item));
                }
                // The partner called and the user did not take it.
                _ => {
                    item.outcome = Outcome::Missed;
                    out(Found::Tried(item));
                }
            }
        }
    }

    /// A group chat: with `--groups`, a day is a touch with everyone who
    /// wrote that day, a call one with its caller.
    fn group(
        &self,
        days: &BTreeMap<NaiveDate, DayAcc>,
        calls: &[CallAcc],
        out: &mut dyn FnMut(Found),
    ) {
        let total: u32 = days.values().map(|d| d.count).sum::<u32>() + calls.len() as u32;
        if total == 0 {
            return;
        }
        if !self.chat.options.groups {
            out(Found::Skipped(Skip::Group, total));
            return;
        }
        // The user is one of the senders.
        if self.senders.len() > self.chat.options.max_recipients + 1 {
            out(Found::Skipped(Skip::TooMany, total));
            return;
        }
        let book = self.chat.book;
        for (day, acc) in days {
            let people = acc
                .senders
                .iter()
                .map(|s| person(self.senders.name(*s), false, book))
                .collect();
            let item = self.item(self.day_key(*day), acc.first, Channel::Chat, people);
            out(Found::Items(item, acc.count));
        }
        for (call, key) in calls.iter().zip(self.call_keys(calls)) {
            let people: Vec<Person> = call
                .sender
                .map(|s| person(self.senders.name(s), false, book))
                .into_iter()
                .collect();
            match call.said {
                Said::Call { done: true, video } if !people.is_empty() => {
                    let channel = if video { Channel::Video } else { Channel::Call };
                    out(Found::Item(self.item(key, call.at, channel, people)));
                }
                _ => out(Found::Skipped(Skip::Tried, 1)),
            }
        }
    }
}

/// Whether two chat names are the same person's (case, accents and marks
/// aside).
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        let visible: String = s.chars().filter(|c| !is_invisible(*c)).collect();
        crate::matching::fold(visible.trim())
    };
    key(a) == key(b)
}

#[cfg(test)]
mod tests;
