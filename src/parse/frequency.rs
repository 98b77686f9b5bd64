//! Cadence words a DURATION may also be given in: `weekly`, `wöchentlich`,
//! `14-tägig`, `monatlich`, `vierteljährlich`, `alle 2 Wochen`, `zwei
//! Wochen`, `jeden Monat`. Each names a [`Span`] in the unit it says, read
//! through the same limits as `3 days` (`read_span`).

use super::Span;
use super::duration::{SpanError, read_span};
use super::german::{fold, number_word};

/// One word, one span (folded spellings).
const WORDS: &[(&str, u32, &str)] = &[
    ("daily", 1, "d"),
    ("taeglich", 1, "d"),
    ("weekly", 1, "w"),
    ("woechentlich", 1, "w"),
    ("fortnightly", 2, "w"),
    ("zweiwoechentlich", 2, "w"),
    ("vierzehntaegig", 2, "w"),
    ("monthly", 1, "mo"),
    ("monatlich", 1, "mo"),
    ("quarterly", 3, "mo"),
    ("vierteljaehrlich", 3, "mo"),
    ("halbjaehrlich", 6, "mo"),
    ("yearly", 1, "y"),
    ("annually", 1, "y"),
    ("jaehrlich", 1, "y"),
];

/// `N-tägig`, `N-wöchentlich`, …: the suffix and its unit.
const SUFFIXES: &[(&str, &str)] = &[
    ("taegig", "d"),
    ("woechentlich", "w"),
    ("woechig", "w"),
    ("monatlich", "mo"),
    ("jaehrlich", "y"),
];

/// `every`/`alle` and `jede(n/s)`: "each" before a unit or an amount.
fn is_each(word: &str) -> bool {
    matches!(
        word,
        "every" | "alle" | "jede" | "jeden" | "jedes" | "jeder" | "each"
    )
}

fn span(amount: u32, unit: &str) -> Result<Span, SpanError> {
    read_span(&[&amount.to_string(), unit])
}

/// A cadence word or phrase in lower case; `None` when `lower` is none.
pub(super) fn read(lower: &str) -> Option<Result<Span, SpanError>> {
    let folded = fold(lower);
    let words: Vec<&str> = folded.split_whitespace().collect();
    match words.as_slice() {
        [word] => one_word(word),
        // `alle 2 Wochen`, `every 3 months`, `alle zwei Wochen`
        [each, amount, unit] if is_each(each) => Some(amount_of(amount, unit)),
        // `jede Woche`, `every month`, `alle 2w`
        [each, unit] if is_each(each) => {
            let read = read_span(&[unit]).or_else(|_| read_span(&["1", unit]));
            Some(read)
        }
        // `zwei Wochen`, `eine Woche`
        [amount, unit] => number_word(amount).map(|n| span(n, unit)),
        _ => None,
    }
}

/// An amount in digits or as a number word, and a unit.
fn amount_of(amount: &str, unit: &str) -> Result<Span, SpanError> {
    match number_word(amount) {
        Some(n) => span(n, unit),
        None => read_span(&[amount, unit]),
    }
}

fn one_word(word: &str) -> Option<Result<Span, SpanError>> {
    if let Some(&(_, amount, unit)) = WORDS.iter().find(|(name, ..)| *name == word) {
        return Some(span(amount, unit));
    }
    let (amount, unit) = SUFFIXES.iter().find_map(|&(suffix, unit)| {
        let amount = word.strip_suffix(suffix)?;
        Some((amount.strip_suffix('-').unwrap_or(amount), unit))
    })?;
    if amount.is_empty() || !amount.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let read = read_span(&[amount, unit]);
    // `14-tägig` is every two weeks: a whole number of weeks reads as weeks.
    Some(match read {
        Ok(days) if unit == "d" && days.amount().is_multiple_of(7) => span(days.amount() / 7, "w"),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{SpanUnit, parse_duration};

    fn reads(input: &str) -> (u32, SpanUnit) {
        let span = parse_duration(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        (span.amount(), span.unit())
    }

    #[test]
    fn cadence_words_in_german_and_english() {
        use SpanUnit::*;
        let cases = [
            ("täglich", (1, Days)),
            ("daily", (1, Days)),
            ("wöchentlich", (1, Weeks)),
            ("Woechentlich", (1, Weeks)),
            ("weekly", (1, Weeks)),
            ("14-tägig", (2, Weeks)),
            ("14tägig", (2, Weeks)),
            ("14-taegig", (2, Weeks)),
            ("vierzehntägig", (2, Weeks)),
            ("zweiwöchentlich", (2, Weeks)),
            ("fortnightly", (2, Weeks)),
            ("10-tägig", (10, Days)),
            ("3-wöchentlich", (3, Weeks)),
            ("monatlich", (1, Months)),
            ("monthly", (1, Months)),
            ("2-monatlich", (2, Months)),
            ("vierteljährlich", (3, Months)),
            ("quarterly", (3, Months)),
            ("halbjährlich", (6, Months)),
            ("jährlich", (1, Years)),
            ("yearly", (1, Years)),
            ("annually", (1, Years)),
            ("alle 2 Wochen", (2, Weeks)),
            ("alle zwei Wochen", (2, Weeks)),
            ("alle drei Monate", (3, Months)),
            ("alle 10 Tage", (10, Days)),
            ("every 3 months", (3, Months)),
            ("alle 2w", (2, Weeks)),
            ("jede Woche", (1, Weeks)),
            ("jeden Monat", (1, Months)),
            ("jedes Jahr", (1, Years)),
            ("every week", (1, Weeks)),
            ("zwei Wochen", (2, Weeks)),
            ("eine Woche", (1, Weeks)),
            ("einen Monat", (1, Months)),
            ("zwölf Monate", (12, Months)),
            ("3 Tage", (3, Days)),
        ];
        for (input, want) in cases {
            assert_eq!(reads(input), want, "{input}");
        }
    }

    #[test]
    fn cadence_words_keep_the_limits_and_refuse_the_rest() {
        for (input, problem) in [
            ("0-tägig", "at least 1"),
            ("alle 0 Wochen", "at least 1"),
            ("4000-tägig", "longer than 10 years"),
            ("alle 11 Jahre", "longer than 10 years"),
        ] {
            let e = parse_duration(input).unwrap_err().to_string();
            assert!(e.contains(problem), "{input}: {e}");
        }
        for input in [
            "-tägig",
            "x-tägig",
            "biweekly",
            "alle",
            "alle Wochen Wochen",
            "zwei",
            "dreizehn Wochen",
            "wöchentlich 2",
        ] {
            assert!(parse_duration(input).is_err(), "{input} must be refused");
        }
    }
}
