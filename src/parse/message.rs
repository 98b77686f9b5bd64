//! The words of a [`ParseError`] in the interface language (through
//! `i18n`): what could not be read, why, and inputs that work. The examples
//! are German when the interface is German or the input looks German
//! (`vor 3 tagn`); every example shown is an accepted input (tested below).

use super::{Expected, ParseError, german};
use crate::i18n::Lang;
use crate::t;

/// The refusal reasons the parsers give (in English) and their message ids.
/// A reason missing here is shown as it is.
const PROBLEMS: &[(&str, &str)] = &[
    ("it is empty", "parse-empty"),
    ("there is no such day", "parse-no-such-day"),
    ("there is no such time of day", "parse-no-such-time"),
    ("it is outside the calendar", "parse-off-calendar"),
    ("it must be at least 1", "parse-at-least-one"),
    ("it is longer than 10 years", "parse-too-long"),
    ("a duration cannot be negative", "parse-negative"),
    ("a time of day is not accepted here", "parse-no-time-here"),
    (german::TWO_DIGIT_YEAR, "parse-two-digit-year"),
];

/// German inputs that work, per expected input (joined with ", ").
const GERMAN_DATES: &[&str] = &[
    "15.03.2026",
    "15.3.",
    "heute",
    "gestern",
    "morgen",
    "Freitag",
    "\"letzten Freitag\"",
    "\"vor 3 Tagen\"",
    "\"in 2 Wochen\"",
];
const GERMAN_MOMENTS: &[&str] = &[
    "15.03.2026",
    "\"5.12.2026 18:30\"",
    "heute",
    "\"gestern 18:30\"",
    "Freitag",
    "\"letzten Freitag\"",
    "\"vor 3 Tagen\"",
    "\"in 2 Wochen\"",
    "\"morgen um 9 Uhr\"",
];
const GERMAN_DURATIONS: &[&str] = &[
    "\"3 Tage\"",
    "\"2 Wochen\"",
    "\"6 Monate\"",
    "\"1 Jahr\"",
    "wöchentlich",
    "14-tägig",
    "monatlich",
];
const GERMAN_UNTIL_DURATIONS: &[&str] = &["\"3 Tage\"", "\"2 Wochen\"", "\"6 Monate\""];
const GERMAN_UNTIL_DATES: &[&str] = &["15.03.2026", "morgen", "Freitag", "\"in 2 Wochen\""];
const GERMAN_BIRTHDAY: (&str, &str) = ("15.03.1990", "15.3.");

/// The input as repeated in a message: at most this many characters.
const SHOWN_INPUT_CHARS: usize = 40;

/// The input quoted and escaped (one line whatever it holds), shortened.
fn shown(input: &str) -> String {
    let mut shown: String = input.chars().take(SHOWN_INPUT_CHARS).collect();
    if input.chars().nth(SHOWN_INPUT_CHARS).is_some() {
        shown.push('…');
    }
    format!("{shown:?}")
}

impl Expected {
    /// The selector of the message: which noun the error uses.
    fn key(self) -> &'static str {
        match self {
            Expected::Date | Expected::DateTime => "date",
            Expected::Duration => "duration",
            Expected::Until => "until",
            Expected::Birthday => "birthday",
        }
    }

    /// The German inputs that work, in `lang`'s words where there are any.
    fn german_forms(self, lang: Lang) -> String {
        let list = |items: &[&str]| items.join(", ");
        match self {
            Expected::Date => list(GERMAN_DATES),
            Expected::DateTime => list(GERMAN_MOMENTS),
            Expected::Duration => list(GERMAN_DURATIONS),
            Expected::Until => t!(lang; "parse-forms-until",
                durations = list(GERMAN_UNTIL_DURATIONS),
                dates = list(GERMAN_UNTIL_DATES)),
            Expected::Birthday => t!(lang; "parse-forms-birthday",
                dated = GERMAN_BIRTHDAY.0,
                yearless = GERMAN_BIRTHDAY.1),
        }
    }
}

impl ParseError {
    /// The one-line message in `lang` ([`Display`](std::fmt::Display) uses
    /// the interface language).
    pub fn message(&self, lang: Lang) -> String {
        let forms = if lang == Lang::De || german::looks_german(&self.input) {
            self.expected.german_forms(lang)
        } else {
            self.expected.forms().to_owned()
        };
        let (input, expected) = (shown(&self.input), self.expected.key());
        match self.problem {
            None => {
                t!(lang; "parse-cannot-read", input = input, expected = expected, forms = forms)
            }
            Some(problem) => {
                let problem = match PROBLEMS.iter().find(|(text, _)| *text == problem) {
                    Some(&(_, id)) => t!(lang; id),
                    None => problem.to_owned(),
                };
                t!(lang; "parse-cannot-read-because",
                    input = input, expected = expected, problem = problem, forms = forms)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::{Lean, parse_birthday, parse_date, parse_duration, parse_until, parse_when};
    use super::*;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter()
            .map(|item| item.trim_matches('"').to_owned())
            .collect()
    }

    fn tuesday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn every_german_example_shown_is_accepted() {
        let now = tuesday().and_hms_opt(14, 25, 0).unwrap();
        for input in items(GERMAN_DATES) {
            assert!(parse_date(&input, tuesday(), Lean::Past).is_ok(), "{input}");
        }
        for input in items(GERMAN_MOMENTS) {
            assert!(parse_when(&input, now, Lean::Past).is_ok(), "{input}");
        }
        for input in items(GERMAN_DURATIONS) {
            assert!(parse_duration(&input).is_ok(), "{input}");
        }
        for input in items(GERMAN_UNTIL_DURATIONS)
            .into_iter()
            .chain(items(GERMAN_UNTIL_DATES))
        {
            assert!(parse_until(&input, tuesday()).is_ok(), "{input}");
        }
        for input in [GERMAN_BIRTHDAY.0, GERMAN_BIRTHDAY.1] {
            assert!(parse_birthday(input).is_ok(), "{input}");
        }
    }

    #[test]
    fn every_english_example_shown_is_accepted() {
        let now = tuesday().and_hms_opt(14, 25, 0).unwrap();
        let list = |expected: Expected| -> Vec<String> {
            let forms = expected.forms();
            let inner: Vec<&str> = forms
                .split(['(', ')'])
                .filter(|part| part.contains(", "))
                .collect();
            let parts = if inner.is_empty() { vec![forms] } else { inner };
            parts
                .iter()
                .flat_map(|part| part.split(", "))
                .filter(|item| !item.is_empty() && !item.starts_with(" or"))
                .map(|item| item.split(", or ").next().unwrap_or(item))
                .map(|item| item.trim().trim_matches('"').to_owned())
                .collect()
        };
        for input in list(Expected::Date) {
            assert!(parse_date(&input, tuesday(), Lean::Past).is_ok(), "{input}");
        }
        for input in list(Expected::DateTime) {
            assert!(parse_when(&input, now, Lean::Past).is_ok(), "{input}");
        }
        for input in list(Expected::Duration) {
            assert!(parse_duration(&input).is_ok(), "{input}");
        }
        for input in list(Expected::Until) {
            assert!(parse_until(&input, tuesday()).is_ok(), "{input}");
        }
        for input in ["1990-03-15", "--03-15"] {
            assert!(parse_birthday(input).is_ok(), "{input}");
        }
    }

    #[test]
    fn every_refusal_reason_has_a_message_in_both_languages() {
        for (english, id) in PROBLEMS {
            assert_eq!(
                t!(Lang::En; id),
                *english,
                "{id}: English as the parser says it"
            );
            assert_ne!(t!(Lang::De; id), *english, "{id} is translated");
        }
    }

    #[test]
    fn german_interface_gives_german_words_and_examples() {
        let e = parse_date("frday", tuesday(), Lean::Past).unwrap_err();
        assert_eq!(
            e.message(Lang::De),
            r#""frday" kann draht nicht als Datum lesen; möglich sind 15.03.2026, 15.3., heute, gestern, morgen, Freitag, "letzten Freitag", "vor 3 Tagen", "in 2 Wochen""#
        );
        let e = parse_date("2026-02-30", tuesday(), Lean::Past).unwrap_err();
        assert!(
            e.message(Lang::De).contains("(diesen Tag gibt es nicht)"),
            "{}",
            e.message(Lang::De)
        );
        let e = parse_until("irgendwann", tuesday()).unwrap_err();
        assert_eq!(
            e.message(Lang::De),
            r#""irgendwann" kann draht weder als Dauer noch als Datum lesen; möglich sind eine Dauer ("3 Tage", "2 Wochen", "6 Monate") oder ein Datum (15.03.2026, morgen, Freitag, "in 2 Wochen")"#
        );
    }

    #[test]
    fn german_input_in_an_english_interface_gets_german_examples() {
        let e = parse_date("vor 3 tagn", tuesday(), Lean::Past).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            r#"cannot read "vor 3 tagn" as a date; try 15.03.2026, 15.3., heute, gestern, morgen, Freitag, "letzten Freitag", "vor 3 Tagen", "in 2 Wochen""#
        );
        let e = parse_duration("zwei wochn").unwrap_err();
        assert!(
            e.message(Lang::En)
                .ends_with(r#"wöchentlich, 14-tägig, monatlich"#)
        );
        let e = parse_until("übermorgn", tuesday()).unwrap_err();
        assert!(
            e.message(Lang::En)
                .ends_with(r#"try a duration ("3 Tage", "2 Wochen", "6 Monate") or a date (15.03.2026, morgen, Freitag, "in 2 Wochen")"#),
            "{}",
            e.message(Lang::En)
        );
    }

    #[test]
    fn english_input_in_an_english_interface_is_unchanged() {
        let e = parse_duration("3 fortnights").unwrap_err();
        assert_eq!(e.message(Lang::En), e.to_string());
        assert_eq!(
            e.message(Lang::En),
            r#"cannot read "3 fortnights" as a duration; try 3d, 2w, 6mo, 1y, "3 days", "2 weeks", "6 months""#
        );
    }
}
