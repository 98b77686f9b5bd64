//! Words shared by both faces: ages, days, cadences and channel markers
//! as people read them, and [`clean`], through which every piece of user
//! text passes before it reaches a terminal.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use unicode_width::UnicodeWidthStr;

use crate::model::{Captured, Channel, Contact, SourceKind, Sphere};
use crate::schedule::TouchRef;

/// Days as a short age: "today", "12d", "15w", "3y".
pub fn age(days: i64) -> String {
    let mut out = String::new();
    push_age(&mut out, days);
    out
}

/// Appends [`age`] to `out`.
pub fn push_age(out: &mut String, days: i64) {
    if days < 0 {
        out.push_str("in ");
    }
    let n = days.unsigned_abs();
    match n {
        0 => return out.push_str("today"),
        1..=99 => push_num(out, n),
        100..=729 => push_num(out, n / 7),
        _ => push_num(out, n / 365),
    }
    out.push(match n {
        1..=99 => 'd',
        100..=729 => 'w',
        _ => 'y',
    });
}

/// Appends `n` in decimal.
pub fn push_num(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    push_day(&mut out, date, today);
    out
}

/// Appends [`day`] to `out`: chrono's `%a %-d %b` (and ` %Y`) without
/// reading a format string.
pub fn push_day(out: &mut String, date: NaiveDate, today: NaiveDate) {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    out.push_str(WEEKDAYS[date.weekday().num_days_from_monday() as usize % 7]);
    out.push(' ');
    push_num(out, u64::from(date.day()));
    out.push(' ');
    out.push_str(MONTHS[date.month0() as usize % 12]);
    if date.year() != today.year() {
        out.push(' ');
        match u64::try_from(date.year()) {
            Ok(year @ 1000..=9999) => push_num(out, year),
            // zero-padded or signed, as chrono writes it
            _ => {
                let _ = write!(out, "{}", date.format("%Y"));
            }
        }
    }
}

/// A cadence in days as the shortest exact phrase: "2w", "1mo", "10d".
pub fn cadence(days: u32) -> String {
    crate::parse::Span::from_days(days).to_string()
}

/// Appends [`cadence`] to `out`.
pub fn push_cadence(out: &mut String, days: u32) {
    let span = crate::parse::Span::from_days(days);
    push_num(out, u64::from(span.amount()));
    out.push_str(span.unit().suffix());
}

/// "call 21d" for a touch seen from `today`.
pub fn touch_age(touch: &TouchRef, today: NaiveDate) -> String {
    let mut out = String::new();
    push_touch_age(&mut out, touch, today);
    out
}

/// Appends [`touch_age`] to `out`.
pub fn push_touch_age(out: &mut String, touch: &TouchRef, today: NaiveDate) {
    out.push_str(touch.channel.as_str());
    out.push(' ');
    push_age(out, (today - touch.on).num_days());
}

/// Makes user text safe to print on one terminal line, for the CLI and the
/// TUI alike: line breaks and tabs become spaces; other control characters
/// (escape sequences, bell, C1 codes) and the bidi embedding, override and
/// isolate characters (U+202A–U+202E, U+2066–U+2069, which would reorder the
/// rest of the line) become U+FFFD, so the user sees that something was
/// there.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_clean(&mut out, text);
    out
}

/// Appends [`clean`]`(text)` to `out`.
pub fn push_clean(out: &mut String, text: &str) {
    if is_printable_ascii(text) {
        return out.push_str(text);
    }
    out.extend(text.chars().map(|c| match c {
        '\n' | '\r' | '\t' => ' ',
        c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
        c => c,
    }));
}

/// Only the characters from space to `~`: nothing to clean, one column each.
pub(crate) fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Bidi formatting characters that reorder text after them on the line.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The columns `text` takes on a terminal.
pub(crate) fn display_width(text: &str) -> usize {
    if is_printable_ascii(text) {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// A one-cell marker per channel, for timelines and the channel mix.
pub fn channel_glyph(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "✎",
        Channel::Email => "✉",
        Channel::Chat => "❝",
        Channel::Call => "☎",
        Channel::Video => "▣",
        Channel::Meet => "☻",
    }
}

/// "work" / "priv." — the sphere in five cells.
pub fn sphere_short(sphere: Sphere) -> &'static str {
    match sphere {
        Sphere::Work => "work",
        Sphere::Private => "priv.",
    }
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day_short(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%a %-d %b").to_string()
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// "Anna Schmidt · work · Head of Sales, ACME · #client"
pub fn describe(contact: &Contact) -> String {
    let mut parts = vec![clean(&contact.name), contact.sphere.as_str().to_string()];
    let job: Vec<String> = [contact.role.as_deref(), contact.company.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect();
    if !job.is_empty() {
        parts.push(job.join(", "));
    }
    if !contact.tags.is_empty() {
        parts.push(
            contact
                .tags
                .iter()
                .map(|t| format!("#{}", clean(t)))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    parts.join(" · ")
}

/// "3 mails", "1 event", "2 texts": `n` items of a capture source of
/// `kind` that made a touch on `channel` (a phone's export holds calls,
/// texts and chat messages).
pub fn items(kind: SourceKind, channel: Channel, n: u32) -> String {
    let unit = match kind {
        SourceKind::Maildir | SourceKind::Mbox => "mail",
        SourceKind::Calendar => "event",
        SourceKind::SmsBackup | SourceKind::Whatsapp | SourceKind::Telegram => match channel {
            Channel::Call | Channel::Video => "call",
            Channel::Sms => "text",
            _ => "message",
        },
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// Where a captured touch came from: "3 mails · work mail" (sources
/// joined with " · ") of a touch on `channel`; empty for a touch logged by
/// hand.
pub fn captured(sources: &[Captured], channel: Channel) -> String {
    sources
        .iter()
        .map(|c| format!("{} · {}", items(c.kind, channel, c.items), clean(&c.name)))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn channel_glyphs_are_one_cell_wide_and_distinct() {
        let glyphs: Vec<&str> = Channel::ALL.iter().map(|c| channel_glyph(*c)).collect();
        for g in &glyphs {
            assert_eq!(g.width(), 1, "{g}");
        }
        let mut unique = glyphs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), glyphs.len());
    }

    #[test]
    fn escape_sequences_in_names_are_defused() {
        assert_eq!(clean("Eve\u{1b}[2J"), "Eve\u{fffd}[2J");
    }
}
