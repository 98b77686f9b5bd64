//! Fuzz targets for everything that reads untrusted text.
//!
//! Each target takes arbitrary bytes, must never panic or hang, and asserts
//! what a user relies on (a parsed value is in range and prints back to
//! itself; a refusal is one line that lists the accepted forms). The same
//! functions run in two places:
//!
//! - `cargo fuzz run NAME tests/fuzz_corpus/NAME` (the `fuzz/` crate, one
//!   three-line file per target), and
//! - `cargo test` (src/fuzz/tests.rs): every file in
//!   `tests/fuzz_corpus/NAME/` as a regression test, plus proptest input
//!   built from random bytes and from the target's dictionary.
//!
//! Adding a target: write one `fn(&[u8])` below (or in `interop` for a
//! file `draht import` reads), add it to [`TARGETS`] with
//! a few words of its input language, and add `fuzz/fuzz_targets/NAME.rs`.
//! Save every crashing input found into `tests/fuzz_corpus/NAME/`.

mod interop;
mod open;

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};

use interop::{CSV_WORDS, JSON_WORDS, VCARD_WORDS, VDIR_WORDS};
pub use interop::{csv_import, json_import, vcard, vdir_name};
use open::OPEN_WORDS;
pub use open::open_database;

use crate::jourfixe::{JourFixe, Tz, next_occurrence, occurrences, parse_rule};
use crate::model::Channel;
use crate::parse::{Lean, Span, parse_date, parse_duration, parse_until, parse_when};

/// One fuzz target: its name (also its corpus folder), the function, and
/// words of its input language that generated input is built from.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub words: &'static [&'static str],
}

/// Words of the WHEN / DURATION language, with near misses and odd text.
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "heute",
    "gestern",
    "morgen",
    "now",
    "last",
    "next",
    "letzten",
    "nächsten",
    "in",
    "ago",
    "vor",
    "fri",
    "friday",
    "freitag",
    "mon",
    "tues",
    "thurs",
    "sonntag",
    "d",
    "w",
    "mo",
    "m",
    "y",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "tage",
    "tagen",
    "wochen",
    "monate",
    "jahr",
    "+",
    "-",
    "2026-11-20",
    "2024-02-29",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "15:00",
    "25:00",
    "23:59",
    "24:00",
    "T",
    "0",
    "1",
    "3",
    "10",
    "11",
    "3652",
    "3653",
    "521",
    "120",
    "99999999999999999999",
    "ä",
    "ß",
    "İ",
    "\u{202e}",
    "\u{0}",
    "\t",
    " ",
    ":",
    ".",
    "/",
];

/// Words of Jour fixe rule phrases and raw RRULEs.
const RULE_WORDS: &[&str] = &[
    "every",
    "other",
    "weekly",
    "monthly",
    "daily",
    "on",
    "the",
    "last",
    "day",
    "1st",
    "2nd",
    "5th",
    "6th",
    "tue",
    "fri",
    "sun",
    "thursday",
    "weeks",
    "week",
    "months",
    "2",
    "15",
    "31",
    "32",
    "99",
    "100",
    "10:00",
    "24:00",
    "8:30",
    "jeden",
    "2.",
    "di",
    "alle",
    "wochen",
    "RRULE:",
    "FREQ=WEEKLY",
    "FREQ=MONTHLY",
    "FREQ=YEARLY",
    "FREQ=SECONDLY",
    ";",
    "BYDAY=2TU",
    "BYDAY=-1FR",
    "BYMONTHDAY=31",
    "BYMONTH=2",
    "BYMONTHDAY=30",
    "COUNT=0",
    "INTERVAL=0",
    "INTERVAL=9999",
    "UNTIL=19700101",
    "UNTIL=20261231T000000Z",
    "DTSTART:20260101",
    ",",
    "\u{202e}",
    " ",
];

/// Every target, by name.
pub const TARGETS: &[Target] = &[
    Target {
        name: "duration",
        run: duration,
        words: TIME_WORDS,
    },
    Target {
        name: "when",
        run: when,
        words: TIME_WORDS,
    },
    Target {
        name: "date",
        run: date,
        words: TIME_WORDS,
    },
    Target {
        name: "until",
        run: until,
        words: TIME_WORDS,
    },
    Target {
        name: "rule",
        run: rule,
        words: RULE_WORDS,
    },
    Target {
        name: "vcard",
        run: vcard,
        words: VCARD_WORDS,
    },
    Target {
        name: "csv_import",
        run: csv_import,
        words: CSV_WORDS,
    },
    Target {
        name: "json_import",
        run: json_import,
        words: JSON_WORDS,
    },
    Target {
        name: "vdir_name",
        run: vdir_name,
        words: VDIR_WORDS,
    },
    Target {
        name: "open_database",
        run: open_database,
        words: OPEN_WORDS,
    },
];

/// How far from today any parsed date may land: the longest span, plus a
/// week for weekday phrases.
const REACH_DAYS: i64 = Span::MAX_DAYS as i64 + 7;

/// Splits fuzz input into a "now" (from the first four bytes: a day within
/// 2024–2028, so leap days and month ends come up, and a time) and the text.
fn now_and_text(data: &[u8]) -> (NaiveDateTime, String) {
    let byte = |i: usize| data.get(i).copied().unwrap_or(0);
    let offset = u16::from_le_bytes([byte(0), byte(1)]) % 1827;
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN);
    let day = base
        .checked_add_days(Days::new(offset.into()))
        .unwrap_or(base);
    let time = NaiveTime::from_hms_opt(u32::from(byte(2) % 24), u32::from(byte(3) % 60), 0)
        .unwrap_or(NaiveTime::MIN);
    let text = String::from_utf8_lossy(data.get(4..).unwrap_or_default()).into_owned();
    (day.and_time(time), text)
}

/// A refusal is one non-empty line that tells the user what to type.
fn assert_good_refusal(input: &str, message: &str) {
    assert!(
        message.contains("try "),
        "refusal of {input:?} lists no forms: {message}"
    );
    assert!(
        !message.chars().any(char::is_control),
        "refusal of {input:?} is not one clean line: {message:?}"
    );
}

/// Whether `input` names a calendar date (`YYYY-MM-DD`): any year is
/// allowed then, so only relative forms must stay within reach.
fn names_a_date(input: &str) -> bool {
    let digits = |w: &[u8]| w.iter().all(u8::is_ascii_digit);
    input.as_bytes().windows(10).any(|w| {
        digits(&w[..4]) && w[4] == b'-' && digits(&w[5..7]) && w[7] == b'-' && digits(&w[8..])
    })
}

fn assert_in_reach(input: &str, today: NaiveDate, got: NaiveDate) {
    if names_a_date(input) {
        return;
    }
    let distance = (got - today).num_days().abs();
    assert!(
        distance <= REACH_DAYS,
        "{input:?} on {today} read as {got}, {distance} days away"
    );
}

/// DURATION: a parsed span is 1 day to 10 years and prints back to itself.
pub fn duration(data: &[u8]) {
    let (now, text) = now_and_text(data);
    match parse_duration(&text) {
        Ok(span) => {
            assert!(span.amount() >= 1, "{text:?} parsed to an empty span");
            assert!(
                span.approx_days() <= Span::MAX_DAYS,
                "{text:?} parsed to {span}, longer than ten years"
            );
            assert_eq!(
                parse_duration(&span.to_string()),
                Ok(span),
                "{text:?} → {span} does not read back"
            );
            assert_in_reach(&text, now.date(), span.add_to(now.date()));
        }
        Err(e) => assert_good_refusal(&text, &e.to_string()),
    }
}

/// WHEN, both leanings: a parsed moment is within reach of now.
pub fn when(data: &[u8]) {
    let (now, text) = now_and_text(data);
    for lean in [Lean::Past, Lean::Future] {
        match parse_when(&text, now, lean) {
            Ok(at) => assert_in_reach(&text, now.date(), at.date()),
            Err(e) => assert_good_refusal(&text, &e.to_string()),
        }
    }
}

/// A WHEN that names a day.
pub fn date(data: &[u8]) {
    let (now, text) = now_and_text(data);
    for lean in [Lean::Past, Lean::Future] {
        match parse_date(&text, now.date(), lean) {
            Ok(day) => assert_in_reach(&text, now.date(), day),
            Err(e) => assert_good_refusal(&text, &e.to_string()),
        }
    }
}

/// A snooze target: a duration or a day.
pub fn until(data: &[u8]) {
    let (now, text) = now_and_text(data);
    match parse_until(&text, now.date()) {
        Ok(day) => assert_in_reach(&text, now.date(), day),
        Err(e) => assert_good_refusal(&text, &e.to_string()),
    }
}

/// A Jour fixe rule: a parsed rule reads back from its RRULE, is echoed in
/// clean words, and its dates can be listed (no endless search).
pub fn rule(data: &[u8]) {
    let (now, text) = now_and_text(data);
    match parse_rule(&text) {
        Ok(spec) => {
            let words = spec.describe();
            assert!(
                !words.is_empty() && !words.chars().any(char::is_control),
                "{text:?} is described as {words:?}"
            );
            let again = parse_rule(&format!("RRULE:{}", spec.rrule));
            assert_eq!(
                again.as_ref().map(|s| s.rrule.as_str()),
                Ok(spec.rrule.as_str()),
                "{text:?} → RRULE:{} does not read back",
                spec.rrule
            );
            let jf = JourFixe {
                id: 1,
                contact_id: 1,
                start: now.date(),
                rrule: spec.rrule,
                time: spec.time,
                duration_minutes: None,
                channel: Channel::Call,
                note: None,
                active: true,
                skipped: Vec::new(),
            };
            let year = now
                .date()
                .checked_add_days(Days::new(366))
                .unwrap_or(now.date());
            let dates = occurrences(&jf, now.date(), year, Tz::UTC);
            assert!(
                dates.windows(2).all(|w| w[0] < w[1]),
                "{text:?}: dates out of order"
            );
            if let Some(next) = next_occurrence(&jf, now.date(), Tz::UTC) {
                assert!(
                    next >= now.date(),
                    "{text:?}: next date {next} is in the past"
                );
            }
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                !message.is_empty() && !message.chars().any(char::is_control),
                "refusal of {text:?} is not one clean line: {message:?}"
            );
        }
    }
}

/// Runs the target called `name` on `data`; false when there is none.
pub fn run(name: &str, data: &[u8]) -> bool {
    match TARGETS.iter().find(|t| t.name == name) {
        Some(target) => {
            (target.run)(data);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
