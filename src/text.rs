//! Words shared by both faces: ages, days, cadences and channel markers
//! as people read them, and [`clean`], through which every piece of user
//! text passes before it reaches a terminal. The same words in the
//! interface language (German dates, numbers, names) are in `localized`.

pub mod reminder;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, current};
use crate::model::{Channel, Contact, Sphere};
use crate::schedule::{ContactFacts, TouchRef};

mod english;
mod localized;

pub use localized::{
    DateStyle, age_in, cadence_in, channel_name, date, day_in, decimal, describe_in,
    hook_kind_name, number, occurrence_name, outcome_name, overdue, percent, push_why_in, relative,
    span_words, sphere_name, sphere_short_in, status_heading, status_name, time, week_start,
    weekday, weekday_header, weekday_of,
};

/// Days as a short age: "today", "12d", "15w", "3y" — "heute", "12 T.".
pub fn age(days: i64) -> String {
    age_in(current(), days)
}

/// Appends [`age`] to `out`.
pub fn push_age(out: &mut String, days: i64) {
    match current() {
        Lang::En => english::push_age(out, days),
        lang => out.push_str(&age_in(lang, days)),
    }
}

/// How long ago a day `days` back was: "today", "21d ago", "3y ago" (never
/// "today ago") — "heute", "vor 21 Tagen", "gestern".
pub fn ago(days: i64) -> String {
    let mut out = String::new();
    push_ago(&mut out, days);
    out
}

/// Appends [`ago`] to `out`.
pub fn push_ago(out: &mut String, days: i64) {
    match current() {
        Lang::En => english::push_ago(out, days),
        lang => out.push_str(&relative(lang, days)),
    }
}

/// Appends `n` in decimal.
pub fn push_num(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// "Fri 4 Dec" — "Fr., 4. Dez.", with the year when it is not `today`'s.
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    day_in(current(), date, today)
}

/// Appends [`day`] to `out`.
pub fn push_day(out: &mut String, date: NaiveDate, today: NaiveDate) {
    match current() {
        Lang::En => english::push_day(out, date, today),
        lang => out.push_str(&day_in(lang, date, today)),
    }
}

/// A cadence in days as the shortest exact phrase: "2w", "1mo", "10d" —
/// "2 Wo.", "1 Mon.", "10 T.".
pub fn cadence(days: u32) -> String {
    cadence_in(current(), days)
}

/// Appends [`cadence`] to `out`.
pub fn push_cadence(out: &mut String, days: u32) {
    match current() {
        Lang::En => english::push_cadence(out, days),
        lang => out.push_str(&cadence_in(lang, days)),
    }
}

/// "call 21d" — "Anruf 21 T." for a touch seen from `today`.
pub fn touch_age(touch: &TouchRef, today: NaiveDate) -> String {
    let mut out = String::new();
    push_touch_age(&mut out, touch, today);
    out
}

/// Appends [`touch_age`] to `out`.
pub fn push_touch_age(out: &mut String, touch: &TouchRef, today: NaiveDate) {
    match current() {
        Lang::En => english::push_touch_age(out, touch, today),
        lang => {
            out.push_str(channel_name(lang, touch.channel));
            out.push(' ');
            out.push_str(&age_in(lang, (today - touch.on).num_days()));
        }
    }
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

/// "work" / "priv." — the sphere in five cells ("Beruf", "privat").
pub fn sphere_short(sphere: Sphere) -> &'static str {
    match current() {
        Lang::En => english::sphere_short(sphere),
        lang => sphere_short_in(lang, sphere),
    }
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day_short(date: NaiveDate, today: NaiveDate) -> String {
    match current() {
        Lang::En => english::day_short(date, today),
        lang => day_in(lang, date, today),
    }
}

/// "Anna Schmidt · work · Head of Sales, ACME · #client"
pub fn describe(contact: &Contact) -> String {
    match current() {
        Lang::En => english::describe(contact),
        lang => describe_in(lang, contact),
    }
}

/// Why a contact is where it is: "call 21d ago · 5 written since ·
/// missed Mon 30 Nov" (or "call today", "no personal touch yet") —
/// "Anruf vor 21 Tagen · seitdem 5 Nachrichten · nicht erreicht am Mo., 30. Nov.".
pub fn why(facts: &ContactFacts, today: NaiveDate) -> String {
    let mut text = String::new();
    push_why(&mut text, facts, today);
    text
}

/// Appends [`why`] to `out`.
pub fn push_why(out: &mut String, facts: &ContactFacts, today: NaiveDate) {
    match current() {
        Lang::En => english::push_why(out, facts, today),
        lang => push_why_in(lang, out, facts, today),
    }
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
    fn ages_ago_never_say_today_ago() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "1d ago");
        assert_eq!(ago(140), "20w ago");
        assert_eq!(ago(-3), "in 3d");
    }

    #[test]
    fn escape_sequences_in_names_are_defused() {
        assert_eq!(clean("Eve\u{1b}[2J"), "Eve\u{fffd}[2J");
    }
}
