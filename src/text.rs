//! Words shared by both faces: ages, days, cadences and channel markers
//! as people read them, and [`clean`], through which every piece of user
//! text passes before it reaches a terminal. The same words in the
//! interface language (German dates, numbers, names) are in `localized`.

pub mod merge;
pub mod reminder;

use std::fmt::Write as _;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, current};
use crate::model::{Captured, Channel, Contact, SourceKind, Sphere};
use crate::schedule::{ContactFacts, TouchRef};

mod english;
mod localized;

pub use localized::{
    DateStyle, age_in, cadence_in, channel_name, date, day_in, decimal, describe_in, every_in,
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

/// How long ago something was, `days` before today: "today", "3d ago",
/// "15w ago", "3y ago"; a day ahead reads "in 3d" (never "today ago" or
/// "in 3d ago") — "heute", "vor 21 Tagen", "gestern", "in 3 Tagen".
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

/// How often, in the language chosen at start-up: "every 2w" — "alle 2
/// Wo.", "monatlich" (see [`every_in`]).
pub fn every(days: u32) -> String {
    every_in(current(), days)
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

/// User text as the store keeps it in a one-line field (a name, nickname,
/// company, role, tag, label, hook, UID): in Unicode NFC, with line
/// breaks, tabs and the line and paragraph separators (U+2028, U+2029) as
/// spaces, every run of white space as one space, no white space at either
/// end, and without the characters that are invisible or act on the text
/// around them ([`is_invisible`]). So two names that differ only by such
/// characters are one name, and nothing stored can move a terminal's
/// cursor or reorder a line.
pub fn tidy_line(text: &str) -> String {
    if is_printable_ascii(text) && !text.contains("  ") && text.trim() == text {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in kept(text) {
        let c = if is_line_break(c) || c == '\t' {
            ' '
        } else {
            c
        };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `text` (a whole record as it came, such as a vCard) without control
/// characters other than line breaks and tabs: escape sequences, bell, C1
/// codes and DEL go; every other byte stays as it was (no normalization),
/// so a record that holds none comes back byte for byte.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| c.is_control() && !matches!(c, '\r' | '\n' | '\t');
    if text.chars().any(unwanted) {
        text.chars()
            .filter(|&c| !unwanted(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// User text as the store keeps it in a note (of a contact, touch,
/// follow-up or Jour fixe): like [`tidy_line`], but line breaks stay (as
/// `\n`: a CR LF pair, a lone CR and U+2028/U+2029 become one) and so do
/// tabs and spaces; nothing is trimmed.
pub fn tidy_note(text: &str) -> String {
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\n' || b == b'\t')
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut after_cr = false;
    for c in kept(text) {
        if c == '\n' && after_cr {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        out.push(if is_line_break(c) { '\n' } else { c });
    }
    out
}

/// `text` in NFC without the characters [`is_invisible`] drops and without
/// control characters other than line breaks and tabs; a zero-width
/// joiner stays only between two symbols (as in an emoji sequence like
/// 👩‍👧), never next to a letter or digit.
fn kept(text: &str) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::UnicodeNormalization;
    let mut chars = text.nfc().peekable();
    let mut previous: Option<char> = None;
    std::iter::from_fn(move || {
        loop {
            let c = chars.next()?;
            let keep = match c {
                '\u{200d}' => {
                    let symbol = |c: Option<char>| {
                        c.is_some_and(|c| {
                            !c.is_ascii()
                                && !c.is_alphanumeric()
                                && !c.is_whitespace()
                                && !c.is_control()
                                && !is_line_break(c)
                                && !is_invisible(c)
                        })
                    };
                    symbol(previous) && symbol(chars.peek().copied())
                }
                '\n' | '\r' | '\t' | '\u{85}' => true,
                c => !c.is_control() && !is_invisible(c),
            };
            if keep {
                previous = Some(c);
                return Some(c);
            }
        }
    })
}

/// Characters a one-line field or note never keeps: the bidi embeddings,
/// overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E,
/// U+200F, U+061C), which reorder the text after them; the zero-width
/// characters (U+200B–U+200D, U+2060–U+2064, U+FEFF, U+180E) and the soft
/// hyphen (U+00AD), which make one name look like another.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
                | '\u{180e}'
                | '\u{00ad}'
                | '\u{061c}'
        )
}

/// A line or paragraph break: LF, CR, NEL (U+0085), U+2028, U+2029.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A data format (vCard, CSV, iCalendar) about to be shown on a terminal:
/// every control character but tab, line feed and the CR of a CR LF, and
/// the bidi controls ([`is_bidi_control`]), become U+FFFD, so no text in it
/// can send the terminal an escape sequence (an OSC 52 clipboard write, a
/// title, a cursor move) or reorder what is shown. Written to a file or a
/// pipe, the same export is left exactly as it is.
pub fn data_for_terminal(text: String) -> String {
    if !needs_terminal_care(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' | '\n' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            c if c.is_control() || is_bidi_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// JSON about to be shown on a terminal: the characters
/// [`data_for_terminal`] would replace (serde writes C1 controls, DEL and
/// bidi controls as they are) written as `\uXXXX` escapes instead, so it
/// is still the same JSON.
pub fn json_for_terminal(text: String) -> String {
    if !needs_terminal_care(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || is_bidi_control(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` holds anything [`data_for_terminal`] changes (a quick
/// byte scan: C0 and DEL bytes, C1 controls `C2 80`–`C2 9F` and the bidi
/// controls `E2 80 AA`–`AE`, `E2 81 A6`–`A9` in UTF-8).
fn needs_terminal_care(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' => false,
        b'\r' => bytes.get(i + 1) != Some(&b'\n'),
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)),
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
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

/// [`day`] under the name the TUI knows it by (the same words).
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
    items_of(unit, n)
}

/// `n` items counted in `unit` (`mail`, `text`, `message` or `event`), in
/// the interface language: "3 mails", "1 Termin".
pub fn items_of(unit: &str, n: u32) -> String {
    crate::t!("capture-items", unit = unit, count = n)
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
    fn a_stored_line_holds_no_control_break_or_invisible_character() {
        let cases = [
            ("Anna Schmidt", "Anna Schmidt"),
            ("  Anna \t Schmidt\r\n", "Anna Schmidt"),
            ("Eve\u{1b}]52;c;ZXZpbA==\u{7}", "Eve]52;c;ZXZpbA=="),
            ("C1\u{9b}2J\u{85}next", "C12J next"),
            ("Ev\u{200b}e\u{200c}\u{2060}\u{feff}", "Eve"),
            ("\u{202e}gnp.exe\u{202c} \u{2066}x\u{2069}", "gnp.exe x"),
            ("Soft\u{ad}hyphen", "Softhyphen"),
            ("one\u{2028}two\u{2029}three", "one two three"),
            ("A\u{200d}B \u{200d}x", "AB x"),
            (
                "👩\u{200d}👩\u{200d}👧 family",
                "👩\u{200d}👩\u{200d}👧 family",
            ),
            // NFC: e + combining acute is é
            ("Rene\u{301}e", "Renée"),
            ("\u{200b}\u{202e} ", ""),
        ];
        for (input, stored) in cases {
            assert_eq!(tidy_line(input), stored, "{input:?}");
            assert_eq!(tidy_line(stored), stored, "tidy twice: {stored:?}");
        }
    }

    #[test]
    fn a_stored_note_keeps_line_breaks_and_tabs_only() {
        let cases = [
            ("line one\nline two\tend", "line one\nline two\tend"),
            (
                "crlf\r\nlone cr\rnel\u{85}ls\u{2028}end",
                "crlf\nlone cr\nnel\nls\nend",
            ),
            ("bell\u{7}esc\u{1b}[2J csi\u{9b}1m", "bellesc[2J csi1m"),
            ("  kept  as typed  ", "  kept  as typed  "),
            ("zero\u{200b}width \u{202e}bidi", "zerowidth bidi"),
        ];
        for (input, stored) in cases {
            assert_eq!(tidy_note(input), stored, "{input:?}");
            assert_eq!(tidy_note(stored), stored, "tidy twice: {stored:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tidy_text_has_nothing_left_to_tidy(text in "\\PC{0,12}|[\\x00-\\x7f\u{80}-\u{9f}\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2028}\u{2029}\u{ad} a👩]{0,12}") {
            let line = tidy_line(&text);
            proptest::prop_assert_eq!(tidy_line(&line), line.clone());
            let zwj = '\u{200d}';
            let bad_in_line = |c: char| c.is_control() || is_invisible(c) && c != zwj;
            proptest::prop_assert!(!line.chars().any(bad_in_line), "{:?}", line);
            let note = tidy_note(&text);
            proptest::prop_assert_eq!(tidy_note(&note), note.clone());
            let bad_in_note = |c: char| c.is_control() && c != '\n' && c != '\t';
            proptest::prop_assert!(!note.chars().any(bad_in_note), "{:?}", note);
            proptest::prop_assert_eq!(tidy_line(&note), line);
        }
    }

    #[test]
    fn data_for_a_terminal_keeps_its_lines_and_loses_its_escapes() {
        let evil =
            "BEGIN:VCARD\r\nFN:Eve\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}2J\u{202e}x\rover\n\tok\r\n";
        assert_eq!(
            data_for_terminal(evil.to_string()),
            "BEGIN:VCARD\r\nFN:Eve\u{fffd}]52;c;ZXZpbA==\u{fffd}\u{fffd}2J\u{fffd}x\u{fffd}over\n\tok\r\n"
        );
        let plain = "name,tags\r\nAnna,\"a;b\"\r\nZoë 👩\u{200d}👧\n".to_string();
        assert_eq!(data_for_terminal(plain.clone()), plain);
    }

    #[test]
    fn json_for_a_terminal_is_the_same_json_without_raw_controls() {
        let value = serde_json::json!({ "name": "Eve\u{1b}]52\u{9b}\u{7f}\u{202e}\u{2066} ok" });
        let raw = serde_json::to_string_pretty(&value).unwrap();
        assert!(
            raw.contains('\u{9b}'),
            "serde writes C1 controls as they are"
        );
        let shown = json_for_terminal(raw.clone());
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
        assert!(!shown.contains('\u{202e}'), "{shown:?}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, value);
        let plain = serde_json::to_string_pretty(&serde_json::json!({"a": "Zoë"})).unwrap();
        assert_eq!(json_for_terminal(plain.clone()), plain);
    }

    #[test]
    fn ago_never_says_today_ago_or_in_ago() {
        let cases = [
            (0, "today"),
            (1, "1d ago"),
            (99, "99d ago"),
            (100, "14w ago"),
            (140, "20w ago"),
            (800, "2y ago"),
            (-3, "in 3d"),
            (-2_912_000, "in 7978y"),
        ];
        for (days, words) in cases {
            assert_eq!(ago(days), words, "{days}");
        }
    }

    #[test]
    fn escape_sequences_in_names_are_defused() {
        assert_eq!(clean("Eve\u{1b}[2J"), "Eve\u{fffd}[2J");
    }
}
