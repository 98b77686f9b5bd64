//! The words of a [`RuleError`] in the interface language (through
//! `i18n`). The examples are German when the interface is German or the
//! phrase looks German; every example and every phrase a hint suggests is a
//! rule that parses (tested below).

use super::{Hint, RawReason, RuleError, words};
use crate::i18n::Lang;
use crate::parse::german::looks_german;
use crate::t;

/// Phrases that work, shown with every error.
const EXAMPLES: &[&str] = &[
    "weekly fri",
    "every 2 weeks thu 08:30",
    "every 2nd tue 10:00",
    "monthly last fri 16:30",
    "monthly on 15",
];

/// The same, for German input or a German interface.
const GERMAN_EXAMPLES: &[&str] = &[
    "jeden Mittwoch um 19 Uhr",
    "alle zwei Wochen Donnerstag um 8:30 Uhr",
    "jeden 2. Dienstag im Monat um 10 Uhr",
    "monatlich am letzten Freitag um 16:30",
    "monatlich am 15.",
];

fn quoted(list: &[&str]) -> String {
    let quoted: Vec<String> = list.iter().map(|p| format!("{p:?}")).collect();
    quoted.join(", ")
}

impl Hint {
    fn text(&self, lang: Lang) -> String {
        match self {
            Hint::OneTime => t!(lang; "rule-hint-one-time"),
            Hint::DailyTakesNoDay => t!(lang; "rule-hint-daily-no-day"),
            Hint::WeeklyTakesNoNth => t!(lang; "rule-hint-weekly-nth"),
            Hint::WeeklyTakesNoMonthDay => t!(lang; "rule-hint-weekly-month-day"),
            Hint::WhichInTheMonth => t!(lang; "rule-hint-which-in-month"),
            Hint::OneDayPerRule => t!(lang; "rule-hint-one-day"),
            Hint::NotBoth => t!(lang; "rule-hint-not-both"),
            Hint::TwoReadings { nth, day } => t!(lang; "rule-hint-two-readings",
                nth = i64::from(*nth),
                day = words::german_weekday(*day)),
        }
    }
}

impl RawReason {
    fn text(&self, lang: Lang) -> String {
        match self {
            RawReason::StartDate => t!(lang; "rule-raw-start-date"),
            RawReason::SingleLine => t!(lang; "rule-raw-single-line"),
            RawReason::OnlyTime(word) => t!(lang; "rule-raw-only-time", word = word.as_str()),
            RawReason::TimeInside => t!(lang; "rule-raw-time-inside"),
            RawReason::SubDaily => t!(lang; "rule-raw-sub-daily"),
            RawReason::Rule(reason) => reason.clone(),
        }
    }
}

impl RuleError {
    /// The phrase as the user gave it, where the error has one.
    fn phrase(&self) -> Option<&str> {
        match self {
            RuleError::Empty | RuleError::Raw { .. } => None,
            RuleError::Unreadable { phrase, .. }
            | RuleError::MissingWeekday { phrase }
            | RuleError::MissingDay { phrase }
            | RuleError::BadTime { phrase, .. }
            | RuleError::BadInterval { phrase, .. }
            | RuleError::BadDayOfMonth { phrase, .. }
            | RuleError::BadOrdinal { phrase, .. }
            | RuleError::Mismatch { phrase, .. } => Some(phrase),
        }
    }

    /// The one-line message in `lang` (`Display` uses the interface
    /// language).
    pub fn message(&self, lang: Lang) -> String {
        let german = lang == Lang::De || self.phrase().is_some_and(looks_german);
        let examples = quoted(if german { GERMAN_EXAMPLES } else { EXAMPLES });
        let q = |text: &str| format!("{text:?}");
        match self {
            RuleError::Empty => t!(lang; "rule-empty", examples = examples),
            RuleError::Unreadable { phrase, word } => t!(lang; "rule-unreadable",
                word = q(word), phrase = q(phrase), examples = examples),
            RuleError::MissingWeekday { phrase } => {
                t!(lang; "rule-missing-weekday", phrase = q(phrase), examples = examples)
            }
            RuleError::MissingDay { phrase } => {
                t!(lang; "rule-missing-day", phrase = q(phrase), examples = examples)
            }
            RuleError::BadTime { text, .. } => {
                t!(lang; "rule-bad-time", text = q(text), examples = examples)
            }
            RuleError::BadInterval { phrase, text } => t!(lang; "rule-bad-interval",
                text = q(text), phrase = q(phrase), examples = examples),
            RuleError::BadDayOfMonth { phrase, text } => t!(lang; "rule-bad-day-of-month",
                text = q(text), phrase = q(phrase), examples = examples),
            RuleError::BadOrdinal { phrase, text } => t!(lang; "rule-bad-ordinal",
                text = q(text), phrase = q(phrase), examples = examples),
            RuleError::Mismatch { phrase, hint } => t!(lang; "rule-mismatch",
                phrase = q(phrase), hint = hint.text(lang), examples = examples),
            RuleError::Raw { rule, reason } => {
                t!(lang; "rule-raw", rule = q(rule), reason = reason.text(lang))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::super::parse_rule;
    use super::*;

    /// The phrases in double quotes in `text`.
    fn quoted_phrases(text: &str) -> Vec<String> {
        text.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_example_shown_parses() {
        for phrase in EXAMPLES.iter().chain(GERMAN_EXAMPLES) {
            assert!(parse_rule(phrase).is_ok(), "{phrase}");
        }
    }

    #[test]
    fn every_phrase_a_hint_suggests_parses() {
        let hints = [
            Hint::OneTime,
            Hint::DailyTakesNoDay,
            Hint::WeeklyTakesNoNth,
            Hint::WeeklyTakesNoMonthDay,
            Hint::WhichInTheMonth,
            Hint::OneDayPerRule,
            Hint::NotBoth,
            Hint::TwoReadings {
                nth: 2,
                day: Weekday::Tue,
            },
        ];
        for lang in Lang::ALL {
            for hint in &hints {
                for phrase in quoted_phrases(&hint.text(lang)) {
                    assert!(parse_rule(&phrase).is_ok(), "{lang:?} {hint:?}: {phrase}");
                }
            }
        }
    }

    #[test]
    fn a_german_phrase_in_an_english_interface_gets_german_examples() {
        let e = parse_rule("jeden Mittwoch um 25 Uhr").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            r#""25:00" is not a time of day; use HH:MM from 00:00 to 23:59, like 08:30 — try "jeden Mittwoch um 19 Uhr", "alle zwei Wochen Donnerstag um 8:30 Uhr", "jeden 2. Dienstag im Monat um 10 Uhr", "monatlich am letzten Freitag um 16:30", "monatlich am 15.""#
        );
    }

    #[test]
    fn the_german_interface_speaks_german() {
        let e = parse_rule("jeden Mittwoch um 25 Uhr").unwrap_err();
        assert_eq!(
            e.message(Lang::De),
            r#""25:00" ist keine Uhrzeit; möglich ist HH:MM von 00:00 bis 23:59, etwa 08:30 oder 19 Uhr — zum Beispiel "jeden Mittwoch um 19 Uhr", "alle zwei Wochen Donnerstag um 8:30 Uhr", "jeden 2. Dienstag im Monat um 10 Uhr", "monatlich am letzten Freitag um 16:30", "monatlich am 15.""#
        );
        let e = parse_rule("jeden 2. Dienstag").unwrap_err();
        assert_eq!(
            e.message(Lang::De),
            r#""jeden 2. Dienstag": das lässt sich zweifach lesen; einmal im Monat: "jeden 2. Dienstag im Monat", alle 2 Wochen: "alle 2 Wochen Dienstag" — zum Beispiel "jeden Mittwoch um 19 Uhr", "alle zwei Wochen Donnerstag um 8:30 Uhr", "jeden 2. Dienstag im Monat um 10 Uhr", "monatlich am letzten Freitag um 16:30", "monatlich am 15.""#
        );
        let e = parse_rule("RRULE:FREQ=HOURLY").unwrap_err();
        assert!(
            e.message(Lang::De).starts_with(
                r#"die Regel "RRULE:FREQ=HOURLY" geht nicht: ein Jour fixe wiederholt sich höchstens täglich"#
            ),
            "{}",
            e.message(Lang::De)
        );
    }

    #[test]
    fn english_phrases_in_english_read_as_before() {
        let e = parse_rule("blah fri").unwrap_err();
        assert_eq!(e.message(Lang::En), e.to_string());
        assert_eq!(
            e.to_string(),
            r#"could not read "blah" in "blah fri" — try "weekly fri", "every 2 weeks thu 08:30", "every 2nd tue 10:00", "monthly last fri 16:30", "monthly on 15""#
        );
        assert_eq!(
            parse_rule("RRULE:FREQ=WEEKLY;BYDAY=FR please")
                .unwrap_err()
                .to_string(),
            r#"the rule "RRULE:FREQ=WEEKLY;BYDAY=FR" cannot be used: only a time (HH:MM) may follow the rule, not "please" — e.g. "RRULE:FREQ=MONTHLY;BYDAY=2TU" (a time may follow: "RRULE:FREQ=WEEKLY;BYDAY=FR 10:00")"#
        );
    }
}
