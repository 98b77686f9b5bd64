//! Telegram Desktop's JSON export (`result.json`): one chat (`{"name",
//! "type", "id", "messages": […]}`) or the full export (`personal_information`,
//! `contacts.list`, `chats.list`, `left_chats.list`). Read as a stream with
//! serde: each message is taken and dropped as it is read, so only the
//! tallies of the chat being read are in memory, never the file.
//!
//! - A `personal_chat` is a `chat` touch with its partner on every day with
//!   messages (keyed `tg:<chat>:<day>`).
//! - A service message with `action: "phone_call"` is a `call` when it has a
//!   `duration_seconds`; with `discard_reason` "missed" or "busy" (or none
//!   and no duration) it is the user's `missed` attempt when the user
//!   called, and the partner's ("tried to call you") when they did. Each
//!   call is keyed by its message id (`tg:<chat>:<id>`).
//! - Groups are touches with the participants who wrote that day, only
//!   with `--groups`; channels, bots and Saved Messages are not people.
//!
//! The partner matches by the chat's name, or by the number the full
//! export's contact list gives that name. A value of an unexpected type is
//! ignored, and broken JSON ends the read with what came before it counted.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Read};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::DeserializeSeed;

use super::address::Book;
use super::daily::Interned;
use super::hash::Stable;
use super::phone::Numbers;
use super::{Found, Handle, Item, Person, Skip, Window};
use crate::clock;
use crate::matching::fold;
use crate::model::{Channel, Id, Outcome};

/// Whether a file's first bytes are a Telegram export's: a JSON object with
/// the keys of one chat or of the full export.
pub fn looks_like_export(start: &[u8]) -> bool {
    let start = start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start);
    if !start.trim_ascii_start().starts_with(b"{") {
        return false;
    }
    let has = |needle: &[u8]| memchr::memmem::find(start, needle).is_some();
    has(b"\"personal_information\"")
        || has(b"\"messages\"") && has(b"\"type\"")
        || has(b"\"chats\"") && has(b"Telegram")
        || has(b"\"personal_chat\"")
}

/// What the user said about the export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub groups: bool,
    /// The contact a single chat is with (`--contact`).
    pub contact: Option<(Id, String)>,
    pub max_recipients: usize,
}

pub struct Context<'a> {
    pub book: &'a Book,
    pub window: &'a Window,
    pub options: &'a Options,
}

/// Reads an export, handing what it finds to `out`. `Ok(false)`: some
/// messages were dated in the future.
pub fn read<R: Read>(input: R, cx: &Context, out: &mut dyn FnMut(Found)) -> io::Result<bool> {
    let mut state = State {
        cx,
        out,
        me: None,
        phones: HashMap::new(),
        numbers: Numbers::new(cx.book.region()),
        settled: true,
        full: false,
        told_contact: false,
        current: None,
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    let result = Top(&mut state).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = result {
        if e.is_io() {
            return Err(io::Error::other(e.to_string()));
        }
        (state.out)(Found::Broken(crate::t!(
            "capture-broken-json",
            line = e.line().to_string(),
            column = e.column().to_string(),
            reason = json_reason(&e)
        )));
    }
    if let Some(chat) = state.current.take() {
        state.finish(chat);
    }
    Ok(state.settled)
}

/// serde_json's reason without its "at line …" (given apart).
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A message's fields that matter.
#[derive(Default)]
struct Msg {
    id: Option<String>,
    kind: Option<String>,
    date: Option<String>,
    unixtime: Option<String>,
    from: Option<String>,
    from_id: Option<String>,
    actor: Option<String>,
    actor_id: Option<String>,
    action: Option<String>,
    duration: Option<String>,
    discard: Option<String>,
}

/// A call message of a chat.
struct CallAcc {
    key: String,
    at: DateTime<Utc>,
    actor: Option<String>,
    actor_name: Option<String>,
    lasted: bool,
}

/// A day of a chat.
struct DayAcc {
    count: u32,
    first: DateTime<Utc>,
    /// The senders of that day (numbers of [`ChatAcc::senders`], sorted).
    senders: Vec<u32>,
}

/// A chat being read.
#[derive(Default)]
struct ChatAcc {
    name: Option<String>,
    kind: Option<String>,
    id: Option<String>,
    days: BTreeMap<NaiveDate, DayAcc>,
    calls: Vec<CallAcc>,
    /// Senders by `from_id` (or name), with the name they wrote under.
    senders: Interned,
    sender_names: Vec<String>,
    system: u32,
}

struct State<'a, 'o> {
    cx: &'a Context<'a>,
    out: &'o mut dyn FnMut(Found),
    /// The user's `from_id` ("user123"), from `personal_information`.
    me: Option<String>,
    /// A contact list's numbers by name (folded).
    phones: HashMap<String, String>,
    numbers: Numbers,
    settled: bool,
    /// The full export (so `--contact` cannot say which chat).
    full: bool,
    told_contact: bool,
    current: Option<ChatAcc>,
}

impl State<'_, '_> {
    /// The instant of a message, or why it is not counted.
    fn when(&mut self, m: &Msg) -> Result<DateTime<Utc>, Found> {
        let at = m
            .unixtime
            .as_deref()
            .and_then(|t| t.parse::<i64>().ok())
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .or_else(|| {
                let date = m.date.as_deref()?;
                let naive = NaiveDateTime::parse_from_str(date, "%Y-%m-%dT%H:%M:%S").ok()?;
                Some(clock::from_local(naive))
            });
        let Some(at) = at else {
            return Err(Found::Broken(crate::t!(
                "capture-broken-message-no-date",
                id = m.id.as_deref().unwrap_or("?").to_string()
            )));
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

    fn message(&mut self, chat: &mut ChatAcc, m: Msg) {
        let at = match self.when(&m) {
            Ok(at) => at,
            Err(found) => return (self.out)(found),
        };
        match m.kind.as_deref() {
            Some("service") if m.action.as_deref() == Some("phone_call") => {
                let lasted = m
                    .duration
                    .as_deref()
                    .and_then(|d| d.parse::<f64>().ok())
                    .is_some_and(|d| d > 0.0)
                    && !matches!(m.discard.as_deref(), Some("missed" | "busy"));
                let chat_key = chat_key(chat);
                let key = match &m.id {
                    Some(id) => format!("tg:{chat_key}:{id}"),
                    None => format!("tg:{chat_key}:t{}", at.timestamp()),
                };
                chat.calls.push(CallAcc {
                    key,
                    at,
                    actor: m.actor_id.or_else(|| m.actor.clone()),
                    actor_name: m.actor,
                    lasted,
                });
            }
            Some("service") => chat.system += 1,
            _ => {
                let sender = m.from_id.clone().or_else(|| m.from.clone()).map(|s| {
                    let id = chat.senders.id(&s);
                    if chat.sender_names.len() <= id as usize {
                        chat.sender_names.push(m.from.clone().unwrap_or(s));
                    }
                    id
                });
                let day = clock::local_day(at);
                let acc = chat.days.entry(day).or_insert(DayAcc {
                    count: 0,
                    first: at,
                    senders: Vec::new(),
                });
                acc.count += 1;
                acc.first = acc.first.min(at);
                if let Some(s) = sender
                    && let Err(i) = acc.senders.binary_search(&s)
                {
                    acc.senders.insert(i, s);
                }
            }
        }
    }

    /// A person by the name Telegram shows (as a chat's title, or as a
    /// sender's name), with the number the contact list gives that name.
    fn people(&self, name: &str, title: bool) -> Vec<Person> {
        let handle = if title {
            Handle::Chat(name.to_string())
        } else {
            Handle::Name(name.to_string())
        };
        let mut people = vec![Person {
            handle,
            name: Some(name.to_string()),
        }];
        if let Some(number) = self.phones.get(&fold(name)) {
            people.push(Person {
                handle: Handle::Phone(number.clone()),
                name: Some(name.to_string()),
            });
        }
        people
    }

    /// A chat read to its end: its items.
    fn finish(&mut self, chat: ChatAcc) {
        if chat.system > 0 {
            (self.out)(Found::Skipped(Skip::System, chat.system));
        }
        let total = chat.days.values().map(|d| d.count).sum::<u32>() + chat.calls.len() as u32;
        if total == 0 {
            return;
        }
        let skip = match chat.kind.as_deref() {
            Some("bot_chat") => Some(Skip::Automated),
            Some("saved_messages") => Some(Skip::Own),
            Some("private_channel" | "public_channel") => Some(Skip::List),
            Some("private_group" | "private_supergroup" | "public_supergroup") => {
                return self.group(chat, total);
            }
            _ => None,
        };
        if let Some(skip) = skip {
            return (self.out)(Found::Skipped(skip, total));
        }
        let contact = if self.full {
            if self.cx.options.contact.is_some() && !self.told_contact {
                self.told_contact = true;
                (self.out)(Found::Broken(crate::t!(
                    "capture-broken-contact-full-export"
                )));
            }
            None
        } else {
            self.cx.options.contact.clone()
        };
        let partner: Vec<Person> = match (&contact, &chat.name) {
            (Some((id, name)), _) => vec![Person {
                handle: Handle::Contact(*id, name.clone()),
                name: Some(name.clone()),
            }],
            (None, Some(name)) => self.people(name, true),
            (None, None) => Vec::new(),
        };
        let partner_id = chat.id.as_ref().map(|id| format!("user{id}"));
        let me = self.me.clone();
        let by_user = |sender: Option<&str>| -> Option<bool> {
            let sender = sender?;
            if let Some(p) = &partner_id {
                return Some(sender != p);
            }
            me.as_ref().map(|me| sender == me)
        };
        let key = chat_key(&chat);
        for (day, acc) in &chat.days {
            let sent = acc
                .senders
                .iter()
                .any(|s| by_user(Some(chat.senders.name(*s))) == Some(true));
            let item = Item {
                key: format!("tg:{key}:{day}"),
                at: acc.first,
                channel: Channel::Chat,
                outcome: Outcome::Done,
                people: partner.clone(),
                sent,
                text: None,
            };
            (self.out)(Found::Items(item, acc.count));
        }
        for call in chat.calls {
            let user = by_user(call.actor.as_deref());
            let mut item = Item {
                key: call.key,
                at: call.at,
                channel: Channel::Call,
                outcome: Outcome::Done,
                people: partner.clone(),
                sent: user == Some(true),
                text: None,
            };
            let found = match (call.lasted, user) {
                (true, _) => Found::Item(item),
                (false, Some(true)) => {
                    item.outcome = Outcome::Missed;
                    Found::Item(item)
                }
                (false, _) => {
                    item.outcome = Outcome::Missed;
                    Found::Tried(item)
                }
            };
            (self.out)(found);
        }
    }

    /// A group: with `--groups`, each day a touch with who wrote that day.
    fn group(&mut self, chat: ChatAcc, total: u32) {
        if !self.cx.options.groups {
            return (self.out)(Found::Skipped(Skip::Group, total));
        }
        if chat.senders.len() > self.cx.options.max_recipients + 1 {
            return (self.out)(Found::Skipped(Skip::TooMany, total));
        }
        let key = chat_key(&chat);
        for (day, acc) in &chat.days {
            let people: Vec<Person> = acc
                .senders
                .iter()
                .filter(|s| self.me.as_deref() != Some(chat.senders.name(**s)))
                .flat_map(|s| self.people(&chat.sender_names[*s as usize], false))
                .collect();
            let item = Item {
                key: format!("tg:{key}:{day}"),
                at: acc.first,
                channel: Channel::Chat,
                outcome: Outcome::Done,
                people,
                sent: false,
                text: None,
            };
            (self.out)(Found::Items(item, acc.count));
        }
        for call in chat.calls {
            match (call.lasted, call.actor_name) {
                (true, Some(name)) => {
                    let people = self.people(&name, false);
                    (self.out)(Found::Item(Item {
                        key: call.key,
                        at: call.at,
                        channel: Channel::Call,
                        outcome: Outcome::Done,
                        people,
                        sent: false,
                        text: None,
                    }));
                }
                _ => (self.out)(Found::Skipped(Skip::Tried, 1)),
            }
        }
    }

    /// A contact of the list: its number by its name.
    fn contact(&mut self, f: Vec<Option<String>>) {
        let mut f = f.into_iter();
        let (first, last, number) = (f.next().flatten(), f.next().flatten(), f.next().flatten());
        let name = [first, last]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let Some(number) = number.filter(|n| !name.is_empty() && !n.trim().is_empty()) else {
            return;
        };
        // Telegram keeps numbers international, sometimes without the +.
        let number = match number.trim() {
            n if n.starts_with('+') || n.starts_with('0') => n.to_string(),
            n => format!("+{n}"),
        };
        if let Some(e164) = self.numbers.get(&number) {
            self.phones.insert(fold(&name), e164.to_string());
        }
    }
}

/// The chat's part of its keys: its id, else a hash of its name.
fn chat_key(chat: &ChatAcc) -> String {
    match &chat.id {
        Some(id) => id.clone(),
        None => format!(
            "{:016x}",
            Stable::new()
                .field("telegram")
                .field(chat.name.as_deref().unwrap_or(""))
                .finish()
        ),
    }
}

#[path = "telegram_stream.rs"]
mod stream;

use stream::Top;

#[cfg(test)]
mod tests;
