//! The German words of rule phrases, read whatever the interface language:
//! `um 19 Uhr`, number words (`alle zwei Wochen`), `14-tägig`,
//! `vierteljährlich`, plural weekdays (`dienstags`), and the one reading
//! German leaves open (`jeden zweiten Dienstag`: once a month, or every
//! other week?), which is refused with both phrasings.

use std::borrow::Cow;

use chrono::Weekday;

use super::Unit;
use crate::jourfixe::WEEK;
use crate::parse::german::{WEEKDAYS, fold, german_time, number_word};

/// Rewrites the German time forms (`um 19 Uhr`, `19.30 Uhr`, `um 8`) to
/// `HH:MM` and the number words `eins` … `zwölf` to digits, so that the
/// phrase reader sees `jeden mittwoch 19:00`, `alle 2 wochen donnerstag`.
/// `ein`/`eine` stay words: `eine Woche` is no count in a rule.
pub(super) fn rewrite(lower: &str) -> Cow<'_, str> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        if let Some((time, used)) = german_time(&words[i..]) {
            out.push(Cow::Owned(time));
            i += used;
            changed = true;
            continue;
        }
        let word = words[i];
        match number_word(word).filter(|_| !word.starts_with("ein") || word == "eins") {
            Some(n) => {
                out.push(Cow::Owned(n.to_string()));
                changed = true;
            }
            None => out.push(Cow::Borrowed(word)),
        }
        i += 1;
    }
    if changed {
        Cow::Owned(out.join(" "))
    } else {
        Cow::Borrowed(lower)
    }
}

/// A frequency word besides `daily`, `weekly`, `fortnightly`, `monthly`:
/// `14-tägig`, `vierzehntägig`, `zweiwöchentlich`, `3-wöchentlich`,
/// `2-monatlich`, `vierteljährlich`, `quarterly`, `halbjährlich`.
pub(super) fn head(word: &str) -> Option<(Unit, u16)> {
    let word = fold(word);
    let fixed = match &*word {
        "vierzehntaegig" | "zweiwoechentlich" | "zweiwoechig" => Some((Unit::Week, 2)),
        "vierteljaehrlich" | "quarterly" => Some((Unit::Month, 3)),
        "halbjaehrlich" => Some((Unit::Month, 6)),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let (count, unit) = [
        ("taegig", Unit::Day),
        ("woechentlich", Unit::Week),
        ("woechig", Unit::Week),
        ("monatlich", Unit::Month),
    ]
    .into_iter()
    .find_map(|(suffix, unit)| {
        let count = word.strip_suffix(suffix)?;
        Some((count.strip_suffix('-').unwrap_or(count), unit))
    })?;
    let count: u16 =
        (!count.is_empty() && count.len() <= 2 && count.bytes().all(|b| b.is_ascii_digit()))
            .then(|| count.parse().ok())
            .flatten()
            .filter(|n| *n >= 1)?;
    // `14-tägig` is every other week.
    Some(match unit {
        Unit::Day if count.is_multiple_of(7) => (Unit::Week, count / 7),
        unit => (unit, count),
    })
}

/// `montags` … `sonntags` (and `sonnabends`): on every such day.
pub(super) fn plural_weekday(word: &str) -> Option<Weekday> {
    let singular = word.strip_suffix('s')?;
    if singular == "sonnabend" {
        return Some(Weekday::Sat);
    }
    WEEKDAYS
        .iter()
        .position(|&(_, full)| full == singular)
        .map(|i| WEEK[i])
}

/// The German name of a weekday: `Dienstag`.
pub(super) fn german_weekday(day: Weekday) -> String {
    let full = WEEKDAYS[day.num_days_from_monday() as usize].1;
    let mut name = full[..1].to_uppercase();
    name.push_str(&full[1..]);
    name
}

/// Whether a phrase that picks the `nth` weekday of a month leaves it open
/// in German: `jeden 2. Dienstag` (or `jeden zweiten`, `dritten` …) without
/// a word for the month reads as "every other Tuesday" to many. The first
/// and the last of a month are clear.
pub(super) fn open_to_two_readings(tokens: &[&str], nth: i8) -> bool {
    let german_each = tokens
        .first()
        .is_some_and(|w| matches!(*w, "jeden" | "jede" | "jeder"));
    let names_the_month = tokens.iter().any(|w| {
        let w = fold(w);
        w.starts_with("monat") || w == "monats" || w.ends_with("monatlich")
    });
    german_each && nth >= 2 && !names_the_month
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_times_and_numbers_are_rewritten() {
        assert_eq!(rewrite("jeden mittwoch um 19 uhr"), "jeden mittwoch 19:00");
        assert_eq!(
            rewrite("alle zwei wochen donnerstag um 8.30 uhr"),
            "alle 2 wochen donnerstag 8:30"
        );
        assert_eq!(rewrite("alle zwölf monate am 1."), "alle 12 monate am 1.");
        assert_eq!(rewrite("jede woche am freitag"), "jede woche am freitag");
        assert!(matches!(rewrite("weekly fri 10:00"), Cow::Borrowed(_)));
    }

    #[test]
    fn frequency_words() {
        assert_eq!(head("14-tägig"), Some((Unit::Week, 2)));
        assert_eq!(head("14taegig"), Some((Unit::Week, 2)));
        assert_eq!(head("vierzehntägig"), Some((Unit::Week, 2)));
        assert_eq!(head("zweiwöchentlich"), Some((Unit::Week, 2)));
        assert_eq!(head("3-wöchentlich"), Some((Unit::Week, 3)));
        assert_eq!(head("10-tägig"), Some((Unit::Day, 10)));
        assert_eq!(head("2-monatlich"), Some((Unit::Month, 2)));
        assert_eq!(head("vierteljährlich"), Some((Unit::Month, 3)));
        assert_eq!(head("quarterly"), Some((Unit::Month, 3)));
        assert_eq!(head("halbjährlich"), Some((Unit::Month, 6)));
        for word in [
            "0-tägig",
            "-tägig",
            "x-tägig",
            "999-tägig",
            "tägig",
            "jährlich",
        ] {
            assert_eq!(head(word), None, "{word}");
        }
    }

    #[test]
    fn plural_weekdays() {
        assert_eq!(plural_weekday("dienstags"), Some(Weekday::Tue));
        assert_eq!(plural_weekday("sonnabends"), Some(Weekday::Sat));
        assert_eq!(plural_weekday("mos"), None);
        assert_eq!(german_weekday(Weekday::Thu), "Donnerstag");
    }
}
