//! One e-mail's headers, read with `mail-parser` (headers only: the body is
//! never looked at), and the rules that make it a touch or not.
//!
//! - Lists and bulk mail are not people: `List-Id`, `List-Unsubscribe`,
//!   `Precedence: bulk|list|junk`; nor is mail sent by a machine
//!   (`Auto-Submitted` other than `no`, a no-reply sender).
//! - Mail the user sent is a touch with every other person in To, Cc and
//!   Bcc; mail the user received is a touch with its sender only (being
//!   copied on someone else's mail is no exchange with the others).
//! - Mail only between the user's own addresses is not a touch, nor is mail
//!   with more other people in it than `max_recipients`.
//! - Without the user's own addresses (no `[me] emails`) sent mail cannot
//!   be told from received: a message is a touch with each contact in its
//!   From, To and Cc (and the user is taken to be one more of its people
//!   for `max_recipients`).
//! - The date is the `Date` header, else the one the mailbox keeps (the
//!   maildir file name, the mbox `From ` line), else the newest `Received`
//!   header's; a message without any is skipped as undated.
//! - The source key is the Message-ID, else a hash of the header bytes.

use chrono::{DateTime, Utc};
use mail_parser::{Address, HeaderName, HeaderValue, MessageParser};

use super::address::{Book, is_no_reply, looks_like_email};
use super::{Found, Handle, Item, Person, Skip, Window, hash};
use crate::model::{Channel, Outcome};

/// The longest header block read: a message whose headers do not end
/// within it is broken.
pub const MAX_HEADER_BYTES: usize = 1 << 20;

/// What the headers of one message say, as far as capture needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mail {
    /// Without the angle brackets.
    pub message_id: Option<String>,
    pub date: Option<DateTime<Utc>>,
    pub from: Vec<Addr>,
    /// To, Cc and Bcc.
    pub recipients: Vec<Addr>,
    /// A list or bulk header was present.
    pub list: bool,
    /// `Auto-Submitted` says a machine sent it.
    pub automated: bool,
    /// The hash of the header bytes, for a message without an id (its key).
    pub head_hash: u64,
}

/// One address of a message, lower-cased, with its display name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addr {
    pub email: String,
    pub name: Option<String>,
}

/// The `mail-parser` set-up for capture: the headers it needs, parsed;
/// every other header skipped (the `Received` and signature headers are
/// most of a header block, and parsing them is most of the cost).
pub fn parser() -> MessageParser {
    MessageParser::new()
        .header_address(HeaderName::From)
        .header_address(HeaderName::To)
        .header_address(HeaderName::Cc)
        .header_address(HeaderName::Bcc)
        .header_date(HeaderName::Date)
        .header_id(HeaderName::MessageId)
        .header_raw(HeaderName::ListId)
        .header_raw(HeaderName::ListUnsubscribe)
        .header_raw(HeaderName::AutoSubmitted)
        .header_raw(HeaderName::Other("Precedence".into()))
        .default_header_ignore()
}

/// A parser that also keeps the `Received` headers, for the rare message
/// without a `Date`.
pub fn received_parser() -> MessageParser {
    MessageParser::new()
        .header_raw(HeaderName::Received)
        .default_header_ignore()
}

/// Reads the header block `head` (the bytes up to the blank line, or the
/// whole message). `None`: no header in it at all.
pub fn read(parser: &MessageParser, head: &[u8]) -> Option<Mail> {
    if surely_list(head) {
        return Some(Mail {
            list: true,
            ..Mail::default()
        });
    }
    parsed(parser, head)
}

/// [`read`] by `mail-parser` alone.
fn parsed(parser: &MessageParser, head: &[u8]) -> Option<Mail> {
    let message = parser.parse_headers(head)?;
    let mut mail = Mail::default();
    // Lists and machines first: a third of all mail, and nothing else of
    // them is needed (so no copies of their addresses are made).
    for header in message.headers() {
        match (&header.name, &header.value) {
            (HeaderName::ListId | HeaderName::ListUnsubscribe, value) => {
                mail.list |= !is_blank(value);
            }
            (HeaderName::AutoSubmitted, HeaderValue::Text(text)) => {
                let text = text.trim();
                mail.automated |= !text.is_empty() && !text.eq_ignore_ascii_case("no");
            }
            (HeaderName::Other(name), HeaderValue::Text(text))
                if name.eq_ignore_ascii_case("precedence") =>
            {
                let text = text.trim().to_ascii_lowercase();
                mail.list |= matches!(text.as_str(), "bulk" | "list" | "junk");
            }
            _ => {}
        }
    }
    if mail.list || mail.automated {
        return Some(mail);
    }
    for header in message.headers() {
        match (&header.name, &header.value) {
            (HeaderName::From, HeaderValue::Address(a)) => push_addresses(&mut mail.from, a),
            (HeaderName::To | HeaderName::Cc | HeaderName::Bcc, HeaderValue::Address(a)) => {
                push_addresses(&mut mail.recipients, a)
            }
            (HeaderName::Date, HeaderValue::DateTime(d)) if mail.date.is_none() && d.is_valid() => {
                mail.date = DateTime::from_timestamp(d.to_timestamp(), 0);
            }
            (HeaderName::MessageId, value) if mail.message_id.is_none() => {
                mail.message_id = match value {
                    HeaderValue::Text(id) => Some(id.trim().to_string()),
                    HeaderValue::TextList(ids) => ids.first().map(|id| id.trim().to_string()),
                    _ => None,
                }
                .filter(|id| !id.is_empty());
            }
            _ => {}
        }
    }
    if mail.message_id.is_none() {
        // Only then: hashing every header block cost a tenth of a capture.
        mail.head_hash = hash::of(head);
    }
    Some(mail)
}

/// Whether the header block says list or bulk mail in a way the parsed
/// headers could not contradict: a `List-Id` or `List-Unsubscribe` line
/// with a value on it, or a one-line `Precedence: bulk`, `list` or `junk`.
/// Lists are a third of all mail and need nothing else of their headers,
/// so they skip `mail-parser` (most of reading a mailbox). `false` when in
/// doubt — a first line that is indented, a line with no header name
/// (where `mail-parser` may take the headers to end) — and the headers are
/// parsed.
fn surely_list(head: &[u8]) -> bool {
    let mut rest = head;
    let mut first = true;
    while let Some(&start) = rest.first() {
        let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        rest = &rest[end..];
        match start {
            // A folded line goes with its header; the block's blank line ends it.
            b' ' | b'\t' if !first => continue,
            b' ' | b'\t' | b'\r' | b'\n' => return false,
            _ => first = false,
        }
        let Some(colon) = memchr::memchr(b':', line) else {
            return false;
        };
        let name = &line[..colon];
        if name.iter().all(u8::is_ascii_whitespace) {
            return false;
        }
        let value = line[colon + 1..].trim_ascii();
        if name.eq_ignore_ascii_case(b"list-id") || name.eq_ignore_ascii_case(b"list-unsubscribe") {
            // A value only on the folded lines: left to the parser.
            return !value.is_empty();
        }
        if name.eq_ignore_ascii_case(b"precedence")
            && !matches!(rest.first(), Some(b' ' | b'\t'))
            && [&b"bulk"[..], b"list", b"junk"]
                .iter()
                .any(|v| value.eq_ignore_ascii_case(v))
        {
            return true;
        }
    }
    false
}

fn is_blank(value: &HeaderValue) -> bool {
    match value {
        HeaderValue::Text(t) => t.trim().is_empty(),
        HeaderValue::Empty => true,
        _ => false,
    }
}

fn push_addresses(out: &mut Vec<Addr>, address: &Address) {
    for a in address.iter() {
        let Some(email) = a.address() else { continue };
        let email = email.trim().to_lowercase();
        if !looks_like_email(&email) || out.iter().any(|o| o.email == email) {
            continue;
        }
        let name = a
            .name()
            .map(|n| n.trim().trim_matches(['"', '\'']).trim().to_string())
            .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(&email));
        out.push(Addr { email, name });
    }
}

/// The date of the newest `Received` header of `head` (the one the
/// user's own server added), for a message without a `Date`.
pub fn received_date(parser: &MessageParser, head: &[u8]) -> Option<DateTime<Utc>> {
    let message = parser.parse_headers(head)?;
    message
        .headers()
        .iter()
        .find_map(|h| match (&h.name, &h.value) {
            (HeaderName::Received, HeaderValue::Text(text)) => {
                let (_, date) = text.rsplit_once(';')?;
                rfc2822(date)
            }
            _ => None,
        })
}

/// An RFC 2822 date with a trailing comment such as "(CET)" allowed.
fn rfc2822(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let text = match text.find('(') {
        Some(i) => text[..i].trim(),
        None => text,
    };
    DateTime::parse_from_rfc2822(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// The rules of the module docs for one message: a touch candidate, or why
/// not. `fallback` is the date the mailbox keeps for it (file name, `From `
/// line); `received` is asked for a date only when both are missing.
pub fn classify(
    mail: &Mail,
    fallback: Option<DateTime<Utc>>,
    received: impl FnOnce() -> Option<DateTime<Utc>>,
    book: &Book,
    max_recipients: usize,
    window: &Window,
) -> Found {
    // `read` keeps no addresses of these: decided on their headers alone.
    if mail.list {
        return Found::Skip(Skip::List);
    }
    if mail.automated {
        return Found::Skip(Skip::Automated);
    }
    if mail.from.is_empty() && mail.recipients.is_empty() {
        return Found::Broken(crate::t!("capture-broken-no-people"));
    }
    let sender = mail.from.first();
    if sender.is_some_and(|s| is_no_reply(&s.email)) {
        return Found::Skip(Skip::Automated);
    }
    let Some(at) = mail.date.or(fallback).or_else(received) else {
        return Found::Skip(Skip::Undated);
    };
    if let Some(skip) = window.check(at) {
        return Found::Skip(skip);
    }
    let sent = sender.is_some_and(|s| book.is_own(&s.email));
    let mut others: Vec<&Addr> = Vec::new();
    for a in mail.from.iter().chain(&mail.recipients) {
        if !book.is_own(&a.email) && !others.iter().any(|o| o.email == a.email) {
            others.push(a);
        }
    }
    if others.is_empty() {
        return Found::Skip(Skip::Own);
    }
    // Without own addresses the user is one of `others`.
    let knows_me = book.knows_me();
    if others.len() > max_recipients + usize::from(!knows_me) {
        return Found::Skip(Skip::TooMany);
    }
    let people: Vec<Person> = if sent {
        others.iter().map(|a| person(a)).collect()
    } else if !knows_me {
        // Sent cannot be told from received: the sender (for the report,
        // as with received mail) and every contact in From, To and Cc.
        others
            .iter()
            .filter(|a| {
                sender.is_some_and(|s| s.email == a.email) || !book.by_email(&a.email).is_empty()
            })
            .map(|a| person(a))
            .collect()
    } else {
        sender
            .filter(|s| !book.is_own(&s.email))
            .map(person)
            .into_iter()
            .collect()
    };
    if people.is_empty() {
        return Found::Skip(Skip::Own);
    }
    Found::Item(Item {
        key: match &mail.message_id {
            Some(id) => id.clone(),
            None => format!("head:{:016x}", mail.head_hash),
        },
        at,
        channel: Channel::Email,
        outcome: Outcome::Done,
        people,
        sent,
        text: None,
    })
}

fn person(a: &Addr) -> Person {
    Person {
        handle: Handle::Email(a.email.clone()),
        name: a.name.clone(),
    }
}

/// The length of the header block at the start of `bytes`: up to and
/// including the blank line that ends it, or `None` when it does not end
/// within `bytes`.
pub fn header_end(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b"\n") {
        return Some(1);
    }
    if bytes.starts_with(b"\r\n") {
        return Some(2);
    }
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\n', &bytes[from..]) {
        let nl = from + i;
        let rest = &bytes[nl + 1..];
        if rest.starts_with(b"\n") {
            return Some(nl + 2);
        }
        if rest.starts_with(b"\r\n") {
            return Some(nl + 3);
        }
        from = nl + 1;
    }
    None
}

#[cfg(test)]
mod tests;
