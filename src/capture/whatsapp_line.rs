//! The lines of a WhatsApp "Export chat" file: the header that starts each
//! message, in both shapes —
//!
//! - iOS: `[07.12.26, 18:03:11] Anna Schmidt: text`
//! - Android: `07.12.26, 18:03 - Anna Schmidt: text` (a system line has
//!   no `Name:`)
//!
//! — with the phone's locale in the date (`07.12.26`, `12/7/26`,
//! `2026-12-07`) and the clock (`18:03`, `6:03 PM`, `6:03 p. m.`), and the
//! invisible marks WhatsApp puts in (U+200E before iOS system and media
//! lines, U+202A…U+202C around numbers, U+202F before AM/PM). A line that
//! is no header continues the message before it.
//!
//! Which field is the day is not in a line: [`Sniff`] decides it from the
//! whole file (a field above 12 is a day; dots are a day-first locale).
//! What a message's text says — a call, a missed call, a system line — is
//! [`said`], in English and German.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::phone::is_invisible;

/// The order of day, month and year in a locale's short date.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// 07.12.26, 07/12/2026 (most of Europe).
    Dmy,
    /// 12/7/26 (the United States).
    Mdy,
    /// 2026-12-07, 2026/12/07.
    Ymd,
}

impl DateOrder {
    pub fn from_name(name: &str) -> Option<DateOrder> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dmy" => Some(DateOrder::Dmy),
            "mdy" => Some(DateOrder::Mdy),
            "ymd" => Some(DateOrder::Ymd),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
            DateOrder::Ymd => "ymd",
        }
    }
}

/// A message's header, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header<'a> {
    /// The three numbers of the date, in the order written.
    pub fields: [u32; 3],
    /// How many digits each had (a year has four, or is the last of two).
    pub digits: [u8; 3],
    /// The date's separator: `.`, `/` or `-`.
    pub separator: u8,
    /// The date as written ("07.12.26").
    pub written: &'a str,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM, `None` on a 24-hour clock.
    pub pm: Option<bool>,
    /// The iOS shape (`[date, time] …`).
    pub ios: bool,
    /// The sender, when the line has one (`Anna Schmidt:`), marks removed.
    pub sender: Option<&'a str>,
    /// The text after it.
    pub text: &'a str,
    /// The text began with U+200E: iOS marks system and media lines so.
    pub marked: bool,
}

impl Header<'_> {
    /// The date in `order`, if there is such a day.
    pub fn date(&self, order: DateOrder) -> Option<NaiveDate> {
        let [a, b, c] = self.fields;
        let (year, month, day) = match order {
            DateOrder::Dmy => (c, b, a),
            DateOrder::Mdy => (c, a, b),
            DateOrder::Ymd => (a, b, c),
        };
        let year = if year < 100 { year + 2000 } else { year };
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }

    /// The time of day, on either clock.
    pub fn time(&self) -> Option<NaiveTime> {
        let hour = match self.pm {
            None => self.hour,
            Some(_) if self.hour == 0 || self.hour > 12 => return None,
            Some(true) if self.hour == 12 => 12,
            Some(true) => self.hour + 12,
            Some(false) if self.hour == 12 => 0,
            Some(false) => self.hour,
        };
        NaiveTime::from_hms_opt(hour, self.minute, self.second)
    }

    /// The local date and time in `order`.
    pub fn at(&self, order: DateOrder) -> Option<NaiveDateTime> {
        Some(self.date(order)?.and_time(self.time()?))
    }
}

/// A cursor over a line's bytes.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// A number of `min..=max` digits.
    fn number(&mut self, min: usize, max: usize) -> Option<(u32, u8)> {
        let start = self.at;
        let mut value = 0u32;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.at - start == max {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
            self.at += 1;
        }
        let n = self.at - start;
        (n >= min).then_some((value, n as u8))
    }

    /// Spaces, no-break spaces and invisible marks.
    fn blanks(&mut self) -> usize {
        let rest = &self.text[self.at..];
        let skipped = rest
            .char_indices()
            .find(|(_, c)| !(*c == ' ' || *c == '\u{a0}' || *c == '\u{202f}' || is_invisible(*c)))
            .map_or(rest.len(), |(i, _)| i);
        self.at += skipped;
        skipped
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }
}

/// Whether a line could start a message at all (a quick test before
/// [`header`]): it starts with `[` or a digit, after invisible marks.
pub fn may_be_header(line: &[u8]) -> bool {
    match line.first() {
        Some(b'[' | b'0'..=b'9') => true,
        // U+200E and friends are three bytes from 0xE2; a BOM from 0xEF.
        Some(0xe2 | 0xef) => true,
        _ => false,
    }
}

/// The header of a line, or `None` when the line continues a message.
pub fn header(line: &str) -> Option<Header<'_>> {
    let line = line.trim_end_matches(['\r', '\n']);
    let line = line.trim_start_matches(|c: char| is_invisible(c));
    let mut c = Cursor { text: line, at: 0 };
    let ios = c.eat(b'[');
    let date_start = c.at;
    let (a, da) = c.number(1, 4)?;
    let separator = c.peek().filter(|b| matches!(b, b'.' | b'/' | b'-'))?;
    c.at += 1;
    let (b, db) = c.number(1, 2)?;
    if !c.eat(separator) {
        return None;
    }
    let (year_or_day, dc) = c.number(1, 4)?;
    let written = &line[date_start..c.at];
    // "07.12.26." in a few locales.
    c.eat(b'.');
    c.eat(b',');
    if c.blanks() == 0 && !matches!(c.peek(), Some(b'0'..=b'9')) {
        return None;
    }
    let (hour, _) = c.number(1, 2)?;
    let time_separator = c.peek().filter(|b| matches!(b, b':' | b'.'))?;
    c.at += 1;
    let (minute, _) = c.number(2, 2)?;
    let second = if c.eat(time_separator) {
        c.number(2, 2)?.0
    } else {
        0
    };
    let pm = meridiem(&mut c);
    let rest = if ios {
        c.blanks();
        if !c.eat(b']') {
            return None;
        }
        c.blanks();
        c.rest()
    } else {
        c.blanks();
        let rest = c.rest();
        rest.strip_prefix("- ")
            .or_else(|| rest.strip_prefix("– "))
            .or_else(|| (rest == "-").then_some(""))?
    };
    let (sender, text) = split_sender(rest, ios);
    let marked = text.starts_with('\u{200e}');
    let text = text.trim_start_matches(|c: char| is_invisible(c));
    Some(Header {
        fields: [a, b, year_or_day],
        digits: [da, db, dc],
        separator,
        written,
        hour,
        minute,
        second,
        pm,
        ios,
        sender,
        text,
        marked,
    })
}

/// AM or PM after the time (`PM`, `pm`, `p.m.`, `p. m.`), if any.
fn meridiem(c: &mut Cursor) -> Option<bool> {
    let start = c.at;
    c.blanks();
    let pm = match c.peek().map(|b| b.to_ascii_lowercase()) {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => {
            c.at = start;
            return None;
        }
    };
    c.at += 1;
    c.eat(b'.');
    c.blanks();
    if c.peek().map(|b| b.to_ascii_lowercase()) != Some(b'm') {
        c.at = start;
        return None;
    }
    c.at += 1;
    c.eat(b'.');
    Some(pm)
}

/// The longest a sender's name is taken to be; a longer "name" is a
/// system line's text that happens to hold ": ".
const MAX_SENDER: usize = 80;

/// `Anna Schmidt: text` → the sender (marks trimmed) and the text.
fn split_sender(rest: &str, ios: bool) -> (Option<&str>, &str) {
    // An iOS system line begins with U+200E right after the bracket.
    if !ios && rest.starts_with('\u{200e}') {
        return (None, rest);
    }
    match rest.find(": ") {
        Some(i) if i > 0 && i <= MAX_SENDER => {
            let sender = rest[..i].trim_matches(|c: char| is_invisible(c) || c.is_whitespace());
            if sender.is_empty() {
                (None, rest)
            } else {
                (Some(sender), &rest[i + 2..])
            }
        }
        _ => match rest.strip_suffix(':') {
            // An empty message ("Anna:"), as WhatsApp writes a deleted one.
            Some(name) if !name.is_empty() && name.len() <= MAX_SENDER && !name.contains(": ") => {
                (Some(name.trim()), "")
            }
            _ => (None, rest),
        },
    }
}

/// Decides the date order from the headers of a file.
#[derive(Clone, Debug, Default)]
pub struct Sniff {
    day_first: bool,
    month_first: bool,
    year_first: bool,
    dots: bool,
    headers: u64,
}

impl Sniff {
    /// Counts a header; `Some` once the order is certain.
    pub fn add(&mut self, h: &Header) -> Option<DateOrder> {
        self.headers += 1;
        let [a, b, _] = h.fields;
        if h.digits[0] == 4 {
            self.year_first = true;
        } else {
            if a > 12 {
                self.day_first = true;
            }
            if b > 12 {
                self.month_first = true;
            }
        }
        if h.separator == b'.' {
            self.dots = true;
        }
        self.decided()
    }

    /// The order when the headers leave no doubt.
    pub fn decided(&self) -> Option<DateOrder> {
        match (self.year_first, self.day_first, self.month_first) {
            (true, _, _) => Some(DateOrder::Ymd),
            (false, true, false) => Some(DateOrder::Dmy),
            (false, false, true) => Some(DateOrder::Mdy),
            // No locale writes month-first dates with dots.
            (false, false, false) if self.dots => Some(DateOrder::Dmy),
            _ => None,
        }
    }

    /// Both a day-first and a month-first date: no one order reads the file.
    pub fn contradictory(&self) -> bool {
        !self.year_first && self.day_first && self.month_first
    }

    pub fn headers(&self) -> u64 {
        self.headers
    }
}

/// What a message's text is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// Something someone wrote (or sent: a photo, a voice message).
    Message,
    /// A call its sender made: `done` when it connected ("Voice call, 12
    /// min"), else unanswered ("Voice call, No answer").
    Call { video: bool, done: bool },
    /// A call its sender made that the other side missed ("Missed voice
    /// call, Tap to call back" on the side that missed it).
    Missed { video: bool },
    /// The encryption notice.
    Encryption,
    /// Any other line WhatsApp wrote itself; `group` when it is one only a
    /// group chat has ("Anna added Ben").
    System { group: bool },
}

/// What `text` is. `marked`: it began with U+200E (iOS's mark of system and
/// media lines); `sender`: the line named one (Android's system lines do not).
pub fn said(text: &str, marked: bool, sender: bool) -> Said {
    // Most lines are someone's message, and for a line with a sender and
    // no mark only its start can say otherwise (a call, the encryption
    // notice): its first letter rules most of them out before the whole
    // text is copied and lowercased twice.
    if sender && !marked && !head_may_be_said(text) {
        return Said::Message;
    }
    said_whole(text, marked, sender)
}

/// [`said`] from the whole line, lowercased.
fn said_whole(text: &str, marked: bool, sender: bool) -> Said {
    let lower: String = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .trim()
        .to_lowercase();
    let notice = lower.contains("end-to-end encrypted")
        || lower.contains("ende-zu-ende-verschlüsselt")
        || lower.contains("end-to-end-encrypted");
    if notice
        && (marked
            || !sender
            || lower.starts_with("messages and calls are")
            || lower.starts_with("nachrichten und anrufe sind"))
    {
        return Said::Encryption;
    }
    if let Some(call) = call_line(&lower) {
        return call;
    }
    if !sender {
        return Said::System {
            group: is_group_line(&lower),
        };
    }
    if marked {
        if is_group_line(&lower) {
            return Said::System { group: true };
        }
        if SYSTEM_PHRASES.iter().any(|p| lower.contains(p)) {
            return Said::System { group: false };
        }
    }
    Said::Message
}

/// The first letters (lowercased) of everything but a message that a line
/// with a sender and no mark can be: the calls and missed calls ("voice
/// call", "group video call", "missed …", "silenced …", "Sprachanruf",
/// "Gruppenanruf", "Verpasster …", "Stummgeschalteter …") and the
/// encryption notice ("Messages and calls are …", "Nachrichten und …").
/// `tests::every_start_said_looks_for_begins_with_one_of_these` holds it
/// to the lists below.
const SAID_FIRST: [char; 5] = ['g', 'm', 'n', 's', 'v'];

/// Whether the first visible character of `text` could begin what
/// `said_whole` looks for (one of [`SAID_FIRST`], or `☎`); when not, the
/// line is a message.
fn head_may_be_said(text: &str) -> bool {
    let first = text
        .chars()
        .find(|c| !c.is_whitespace() && !is_invisible(*c));
    match first {
        None => false,
        Some('☎') => true,
        Some(c) => c.is_ascii() && SAID_FIRST.contains(&c.to_ascii_lowercase()),
    }
}

/// Lines only a group has, in English and German.
const GROUP_PHRASES: &[&str] = &[
    "created group",
    "created this group",
    "you were added",
    " added ",
    " removed ",
    " left",
    "changed the subject",
    "changed this group",
    "changed the group",
    "group description",
    "group's icon",
    "invite link",
    "now an admin",
    "no longer an admin",
    "joined using",
    "die gruppe",
    "gruppe erstellt",
    "hinzugefügt",
    "entfernt",
    "verlassen",
    "betreff",
    "gruppenbild",
    "gruppenbeschreibung",
    "einladungslink",
    "ist jetzt admin",
    "beigetreten",
];

/// Other lines WhatsApp writes into a chat itself.
const SYSTEM_PHRASES: &[&str] = &[
    "security code",
    "blocked this contact",
    "unblocked this contact",
    "disappearing messages",
    "changed their phone number",
    "changed to a new number",
    "business account",
    "sicherheitsnummer",
    "kontakt blockiert",
    "blockierung",
    "selbstlöschende nachrichten",
    "verschwindende nachrichten",
    "telefonnummer geändert",
    "neue nummer",
    "geschäftskonto",
    "unternehmenskonto",
];

fn is_group_line(lower: &str) -> bool {
    GROUP_PHRASES.iter().any(|p| lower.contains(p))
}

/// Calls the other side missed: (prefix, video).
const MISSED_CALLS: &[(&str, bool)] = &[
    ("missed voice call", false),
    ("missed video call", true),
    ("missed group voice call", false),
    ("missed group video call", true),
    ("silenced voice call", false),
    ("silenced video call", true),
    ("verpasster sprachanruf", false),
    ("verpasster videoanruf", true),
    ("verpasster gruppen-sprachanruf", false),
    ("verpasster gruppen-videoanruf", true),
    ("verpasster gruppenanruf", false),
    ("stummgeschalteter sprachanruf", false),
    ("stummgeschalteter videoanruf", true),
];

/// Calls: (prefix, video).
const CALLS: &[(&str, bool)] = &[
    ("voice call", false),
    ("video call", true),
    ("group voice call", false),
    ("group video call", true),
    ("sprachanruf", false),
    ("videoanruf", true),
    ("gruppen-sprachanruf", false),
    ("gruppen-videoanruf", true),
    ("gruppenanruf", false),
];

/// What follows "Voice call," when nobody answered.
const UNANSWERED: &[&str] = &[
    "no answer",
    "tap to call back",
    "click to call back",
    "declined",
    "busy",
    "unanswered",
    "keine antwort",
    "zum zurückrufen tippen",
    "zum zurückrufen klicken",
    "abgelehnt",
    "besetzt",
    "nicht angenommen",
    "unbeantwortet",
];

/// Units a call's length is written with ("12 min", "1 Std. 5 Min.").
const UNITS: &[&str] = &[
    "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
    "hrs", "hour", "hours", "sek", "sekunde", "sekunden", "minuten", "std", "stunde", "stunden",
];

/// A call line: a known call phrase alone, or followed by a length or an
/// "unanswered" phrase — and nothing else ("Video call tomorrow?" is a
/// message).
fn call_line(lower: &str) -> Option<Said> {
    let lower = lower.strip_prefix('☎').unwrap_or(lower).trim_start();
    for (prefix, video) in MISSED_CALLS {
        if let Some(rest) = lower.strip_prefix(prefix)
            && tail(rest).is_some()
        {
            return Some(Said::Missed { video: *video });
        }
    }
    for (prefix, video) in CALLS {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return match tail(rest)? {
                Tail::Nothing | Tail::Length => Some(Said::Call {
                    video: *video,
                    done: true,
                }),
                Tail::Unanswered => Some(Said::Call {
                    video: *video,
                    done: false,
                }),
            };
        }
    }
    None
}

enum Tail {
    Nothing,
    Length,
    Unanswered,
}

/// What follows a call phrase, or `None` when it is not a call line.
fn tail(rest: &str) -> Option<Tail> {
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = rest.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '·' | '-' | '–' | ':' | '•')
    });
    if rest.is_empty() {
        return Some(Tail::Nothing);
    }
    if UNANSWERED.iter().any(|p| rest.starts_with(p)) {
        return Some(Tail::Unanswered);
    }
    let mut numbers = 0;
    for token in rest.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        if token.chars().all(|c| c.is_ascii_digit() || c == ':') {
            numbers += 1;
        } else if let Some(split) = token.find(|c: char| !c.is_ascii_digit())
            && split > 0
            && UNITS.contains(&&token[split..])
        {
            numbers += 1;
        } else if !UNITS.contains(&token) {
            return None;
        }
    }
    (numbers > 0).then_some(Tail::Length)
}

#[cfg(test)]
mod tests;
