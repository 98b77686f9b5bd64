//! Rule phrases: `"every 2nd tue 10:00"` → `FREQ=MONTHLY;BYDAY=2TU` at 10:00.
//!
//! English and German phrases, case-insensitive, plus raw `RRULE:…` values
//! checked with the rrule crate. `every 2nd tue` is the second Tuesday of
//! every month ("jeden 2. Dienstag im Monat"); fortnightly is `every other
//! tue`, `every 2 weeks tue`, `alle zwei Wochen Dienstag` or `14-tägig
//! dienstags`.
//!
//! German (`phrase_words.rs`): `jeden Mittwoch um 19 Uhr`, `jeden 2.
//! Dienstag im Monat um 10:00 Uhr`, `alle zwei Wochen Donnerstag`, `14-tägig
//! dienstags`, `monatlich am 15.`, `jeden letzten Freitag im Monat`,
//! `vierteljährlich am 1.`, `alle 14 Tage dienstags`, weekdays short (`Di`,
//! `Di.`), in full or plural (`dienstags`), number words `eins` … `zwölf`
//! and `erste` … `zwölfte`, times `um 19 Uhr`, `19.30 Uhr`, `um 8`, umlauts
//! as `ae oe ue` too. `jeden 2. Dienstag` without a word for the month is
//! refused with both readings (once a month, or every other week), since
//! German speakers read it either way.
//!
//! Errors are one line in the interface language with phrases that work
//! (`phrase_message.rs`), German ones for German input.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::{Pattern, WEEK, weekday_name};

/// What a phrase means: the RRULE value and the time of day, if given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSpec {
    /// RRULE value without `RRULE:`, e.g. `FREQ=MONTHLY;BYDAY=2TU`.
    pub rrule: String,
    pub time: Option<NaiveTime>,
}

/// A rule phrase that could not be read. Each message is one line that
/// says what was wrong and shows phrases that work (`phrase_message.rs`),
/// in the interface language; German ones for German input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(crate::i18n::current()))]
pub enum RuleError {
    Empty,
    Unreadable { phrase: String, word: String },
    MissingWeekday { phrase: String },
    MissingDay { phrase: String },
    BadTime { phrase: String, text: String },
    BadInterval { phrase: String, text: String },
    BadDayOfMonth { phrase: String, text: String },
    BadOrdinal { phrase: String, text: String },
    Mismatch { phrase: String, hint: Hint },
    Raw { rule: String, reason: RawReason },
}

/// Why the parts of a phrase do not go together, and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    OneTime,
    DailyTakesNoDay,
    WeeklyTakesNoNth,
    WeeklyTakesNoMonthDay,
    WhichInTheMonth,
    OneDayPerRule,
    NotBoth,
    /// `jeden 2. Dienstag`: once a month or every other week?
    TwoReadings {
        nth: i8,
        day: Weekday,
    },
}

/// Why a raw `RRULE:` cannot be a Jour fixe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawReason {
    StartDate,
    SingleLine,
    /// Something other than a time after the rule.
    OnlyTime(String),
    TimeInside,
    SubDaily,
    /// What the rrule crate found wrong (in English).
    Rule(String),
}

/// Reads a rule phrase or a raw `RRULE:` value.
pub fn parse_rule(input: &str) -> Result<RuleSpec, RuleError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(RuleError::Empty);
    }
    let upper = input.to_uppercase();
    if ["RRULE:", "FREQ=", "DTSTART"]
        .iter()
        .any(|prefix| upper.starts_with(prefix))
    {
        return parse_raw(input);
    }
    let lower = input.to_lowercase().replace(',', " ");
    let lower = words::rewrite(&lower);
    let mut tokens: Vec<&str> = lower.split_whitespace().collect();
    let time = take_time(&mut tokens, input)?;
    let pattern = parse_pattern(&tokens, input)?;
    Ok(RuleSpec {
        rrule: pattern.to_rrule(),
        time,
    })
}

/// `RRULE:FREQ=…[ HH:MM]`: checked by the rrule crate and for the parts a
/// Jour fixe cannot use (a start date, times inside the rule, sub-daily).
fn parse_raw(input: &str) -> Result<RuleSpec, RuleError> {
    let mut words: Vec<&str> = input.split_whitespace().collect();
    let rule_text = words.remove(0);
    let raw_error = |reason: RawReason| RuleError::Raw {
        rule: rule_text.to_string(),
        reason,
    };
    let upper = rule_text.to_uppercase();
    let body = upper.strip_prefix("RRULE:").unwrap_or(&upper);
    if input.to_uppercase().contains("DTSTART") {
        return Err(raw_error(RawReason::StartDate));
    }
    if input.contains('\n') || body.contains(':') {
        return Err(raw_error(RawReason::SingleLine));
    }
    let mut rest: Vec<&str> = words;
    let time = take_time(&mut rest, input)?;
    if let Some(word) = rest.first() {
        return Err(raw_error(RawReason::OnlyTime(format!("{word:?}"))));
    }
    for part in body.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let reason = match key {
            "BYHOUR" | "BYMINUTE" | "BYSECOND" => RawReason::TimeInside,
            "FREQ" if matches!(value, "HOURLY" | "MINUTELY" | "SECONDLY") => RawReason::SubDaily,
            _ => continue,
        };
        return Err(raw_error(reason));
    }
    super::occurrence::check_rule(body).map_err(|reason| raw_error(RawReason::Rule(reason)))?;
    Ok(RuleSpec {
        rrule: body.to_string(),
        time,
    })
}

/// Removes the time of day (with an optional `at`/`um` before it and `uhr`
/// after it) from the tokens and returns it.
fn take_time(tokens: &mut Vec<&str>, phrase: &str) -> Result<Option<NaiveTime>, RuleError> {
    let mut found = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some(time) = parse_time(tokens[i], phrase) else {
            i += 1;
            continue;
        };
        let time = time?;
        if found.replace(time).is_some() {
            return Err(RuleError::Mismatch {
                phrase: phrase.to_string(),
                hint: Hint::OneTime,
            });
        }
        tokens.remove(i);
        if tokens.get(i).is_some_and(|t| *t == "uhr") {
            tokens.remove(i);
        }
        if i > 0 && matches!(tokens[i - 1], "at" | "um") {
            tokens.remove(i - 1);
            i -= 1;
        }
    }
    Ok(found)
}

/// `None` when the token does not look like a time; `Some(Err)` when it
/// looks like one but is not a valid time of day (`25:00`).
fn parse_time(token: &str, phrase: &str) -> Option<Result<NaiveTime, RuleError>> {
    let (body, meridiem) = match token.strip_suffix("am") {
        Some(body) => (body, Some(false)),
        None => match token.strip_suffix("pm") {
            Some(body) => (body, Some(true)),
            None => (token, None),
        },
    };
    let starts_with_digit = body.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !starts_with_digit || (meridiem.is_none() && !body.contains(':')) {
        return None;
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == ':') {
        return None;
    }
    let bad = || RuleError::BadTime {
        phrase: phrase.to_string(),
        text: token.to_string(),
    };
    let (hour, minute) = match body.split_once(':') {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        None if meridiem.is_some() && body.len() <= 2 => (body, "00"),
        _ => return Some(Err(bad())),
    };
    let (Ok(mut hour), Ok(minute)) = (hour.parse::<u32>(), minute.parse::<u32>()) else {
        return Some(Err(bad()));
    };
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return Some(Err(bad()));
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    Some(NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(bad))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
}

/// What a phrase says about the day.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Selector {
    None,
    Weekdays(Vec<Weekday>),
    Nth(i8, Weekday),
    MonthDay(i8),
}

fn parse_pattern(tokens: &[&str], phrase: &str) -> Result<Pattern, RuleError> {
    let mismatch = |hint| RuleError::Mismatch {
        phrase: phrase.to_string(),
        hint,
    };
    let (unit, interval, rest) = parse_head(tokens, phrase)?;
    let selector = parse_selector(rest, phrase, unit == Some(Unit::Month))?;
    match (unit, selector) {
        (Some(Unit::Day), Selector::None) => Ok(Pattern::Daily { interval }),
        // `alle 14 Tage dienstags`: every other Tuesday
        (Some(Unit::Day), Selector::Weekdays(days)) if interval.is_multiple_of(7) => {
            Ok(Pattern::Weekly {
                interval: interval / 7,
                days,
            })
        }
        (Some(Unit::Day), _) => Err(mismatch(Hint::DailyTakesNoDay)),
        (Some(Unit::Week) | None, Selector::Weekdays(days)) => {
            Ok(Pattern::Weekly { interval, days })
        }
        (Some(Unit::Week), Selector::None) => Err(RuleError::MissingWeekday {
            phrase: phrase.to_string(),
        }),
        (Some(Unit::Week), Selector::Nth(..)) => Err(mismatch(Hint::WeeklyTakesNoNth)),
        (Some(Unit::Week), Selector::MonthDay(_)) => Err(mismatch(Hint::WeeklyTakesNoMonthDay)),
        (None, Selector::Nth(nth, day)) if words::open_to_two_readings(tokens, nth) => {
            Err(mismatch(Hint::TwoReadings { nth, day }))
        }
        (Some(Unit::Month) | None, Selector::Nth(nth, day)) => {
            Ok(Pattern::MonthlyNth { interval, nth, day })
        }
        (Some(Unit::Month) | None, Selector::MonthDay(day)) => {
            Ok(Pattern::MonthlyDay { interval, day })
        }
        (Some(Unit::Month), Selector::Weekdays(_)) => Err(mismatch(Hint::WhichInTheMonth)),
        (Some(Unit::Month), Selector::None) => Err(RuleError::MissingDay {
            phrase: phrase.to_string(),
        }),
        (None, Selector::None) => Err(match tokens.first() {
            Some(word) if !is_every(word) => RuleError::Unreadable {
                phrase: phrase.to_string(),
                word: (*word).to_string(),
            },
            _ => RuleError::MissingWeekday {
                phrase: phrase.to_string(),
            },
        }),
    }
}

fn is_every(word: &str) -> bool {
    matches!(word, "every" | "each" | "jeden" | "jede" | "jeder" | "alle")
}

/// The frequency part: `weekly`, `fortnightly`, `every 3 months`, `every
/// other`, … Returns the unit (`None` when the day part decides it), the
/// interval and the remaining tokens.
fn parse_head<'a>(
    tokens: &'a [&'a str],
    phrase: &str,
) -> Result<(Option<Unit>, u16, &'a [&'a str]), RuleError> {
    let Some((first, rest)) = tokens.split_first() else {
        return Ok((None, 1, tokens));
    };
    let fixed = match *first {
        "daily" | "täglich" | "taeglich" => Some((Unit::Day, 1)),
        "weekly" | "wöchentlich" | "woechentlich" => Some((Unit::Week, 1)),
        "fortnightly" => Some((Unit::Week, 2)),
        "monthly" | "monatlich" => Some((Unit::Month, 1)),
        word => words::head(word),
    };
    if let Some((unit, interval)) = fixed {
        return Ok((Some(unit), interval, rest));
    }
    if !is_every(first) {
        return Ok((None, 1, tokens));
    }
    match rest {
        ["other", unit, after @ ..] if parse_unit(unit).is_some() => {
            Ok((parse_unit(unit), 2, after))
        }
        ["other", after @ ..] => Ok((Some(Unit::Week), 2, after)),
        [unit, after @ ..] if parse_unit(unit).is_some() => Ok((parse_unit(unit), 1, after)),
        [count, unit, after @ ..] if parse_unit(unit).is_some() => {
            let n = parse_count(count).or_else(|| parse_ordinal(count).filter(|n| *n > 0));
            match n {
                Some(n) if (1..=99).contains(&n) => {
                    Ok((parse_unit(unit), u16::try_from(n).unwrap_or(1), after))
                }
                _ => Err(RuleError::BadInterval {
                    phrase: phrase.to_string(),
                    text: format!("{count} {unit}"),
                }),
            }
        }
        [count, ..] if parse_count(count).is_some() => Err(RuleError::Unreadable {
            phrase: phrase.to_string(),
            word: (*count).to_string(),
        }),
        _ => Ok((None, 1, rest)),
    }
}

/// The day part: weekdays, `2nd tue`, `last fri`, `on 15`, `last day`.
fn parse_selector(tokens: &[&str], phrase: &str, bare_day_ok: bool) -> Result<Selector, RuleError> {
    let unreadable = |word: &str| RuleError::Unreadable {
        phrase: phrase.to_string(),
        word: word.to_string(),
    };
    let words: Vec<&str> = tokens.iter().copied().filter(|t| !is_filler(t)).collect();
    let mut days: Vec<Weekday> = Vec::new();
    let mut other: Option<Selector> = None;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if let Some(day) = parse_weekday(word) {
            if !days.contains(&day) {
                days.push(day);
            }
            i += 1;
            continue;
        }
        let on = matches!(word, "on" | "am");
        if on
            && words
                .get(i + 1)
                .is_some_and(|next| parse_weekday(next).is_some())
        {
            i += 1; // "every other week on tuesday"
            continue;
        }
        let (spec, next) = if on {
            let spec = words.get(i + 1).ok_or_else(|| RuleError::MissingDay {
                phrase: phrase.to_string(),
            })?;
            (*spec, words.get(i + 2).copied())
        } else {
            (word, words.get(i + 1).copied())
        };
        let number = parse_ordinal(spec).or_else(|| parse_count(spec));
        let Some(number) = number else {
            return Err(unreadable(spec));
        };
        let consumed = usize::from(on) + 1;
        let next_day = next.and_then(parse_weekday);
        let selected = if let Some(day) = next_day {
            i += consumed + 1;
            if number == -1 || (1..=5).contains(&number) {
                Selector::Nth(i8::try_from(number).unwrap_or(-1), day)
            } else {
                return Err(RuleError::BadOrdinal {
                    phrase: phrase.to_string(),
                    text: format!("{spec} {}", next.unwrap_or_default()),
                });
            }
        } else if matches!(next, Some("day" | "tag")) {
            i += consumed + 1;
            month_day(number, spec, phrase)?
        } else if on || (bare_day_ok && number != -1) {
            i += consumed;
            month_day(number, spec, phrase)?
        } else {
            return Err(RuleError::MissingWeekday {
                phrase: phrase.to_string(),
            });
        };
        if other.replace(selected).is_some() {
            return Err(RuleError::Mismatch {
                phrase: phrase.to_string(),
                hint: Hint::OneDayPerRule,
            });
        }
    }
    match (days.is_empty(), other) {
        (true, None) => Ok(Selector::None),
        (false, None) => {
            days.sort_by_key(|d| d.num_days_from_monday());
            Ok(Selector::Weekdays(days))
        }
        (true, Some(selected)) => Ok(selected),
        (false, Some(_)) => Err(RuleError::Mismatch {
            phrase: phrase.to_string(),
            hint: Hint::NotBoth,
        }),
    }
}

fn month_day(number: i32, text: &str, phrase: &str) -> Result<Selector, RuleError> {
    if number == -1 || (1..=31).contains(&number) {
        Ok(Selector::MonthDay(i8::try_from(number).unwrap_or(-1)))
    } else {
        Err(RuleError::BadDayOfMonth {
            phrase: phrase.to_string(),
            text: text.to_string(),
        })
    }
}

/// Words that carry no meaning here: "the 2nd tue of every month".
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "of"
            | "every"
            | "each"
            | "month"
            | "and"
            | "a"
            | "in"
            | "im"
            | "monat"
            | "des"
            | "monats"
            | "der"
            | "die"
            | "den"
            | "und"
    )
}

fn parse_unit(word: &str) -> Option<Unit> {
    match word {
        "day" | "days" | "tag" | "tage" | "tagen" => Some(Unit::Day),
        "week" | "weeks" | "woche" | "wochen" => Some(Unit::Week),
        "month" | "months" | "monat" | "monate" | "monaten" => Some(Unit::Month),
        _ => None,
    }
}

/// A bare count: `2`, `15`. Up to four digits, so that absurd numbers are
/// reported as out of range rather than unreadable.
fn parse_count(word: &str) -> Option<i32> {
    if word.is_empty() || word.len() > 4 || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// `1st`, `2nd`, `3.`, `second`, `zweiten`, `last` (-1), `letzten` (-1).
fn parse_ordinal(word: &str) -> Option<i32> {
    let named = match word {
        "first" | "erste" | "ersten" | "erster" | "erstes" => Some(1),
        "second" | "zweite" | "zweiten" | "zweiter" | "zweites" => Some(2),
        "third" | "dritte" | "dritten" | "dritter" | "drittes" => Some(3),
        "fourth" | "vierte" | "vierten" | "vierter" | "viertes" => Some(4),
        "fifth" | "fünfte" | "fünften" | "fünfter" | "fuenfte" | "fuenften" => Some(5),
        "last" | "letzte" | "letzten" | "letzter" | "letztes" => Some(-1),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    if let Some(n) = crate::parse::german::ordinal_word(word) {
        return i32::try_from(n).ok();
    }
    ["st", "nd", "rd", "th", "."]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .and_then(parse_count)
}

/// Full or short weekday names in English and German, and RFC codes.
fn parse_weekday(word: &str) -> Option<Weekday> {
    let day = match word.trim_end_matches('.') {
        "monday" | "mon" | "mo" | "montag" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "tu" | "dienstag" | "di" => Weekday::Tue,
        "wednesday" | "wed" | "we" | "mittwoch" | "mi" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" | "th" | "donnerstag" | "do" => Weekday::Thu,
        "friday" | "fri" | "fr" | "freitag" => Weekday::Fri,
        "saturday" | "sat" | "sa" | "samstag" | "sonnabend" => Weekday::Sat,
        "sunday" | "sun" | "su" | "sonntag" | "so" => Weekday::Sun,
        plural => {
            return words::plural_weekday(plural)
                .or_else(|| plural.strip_suffix('s').and_then(parse_weekday_plural));
        }
    };
    Some(day)
}

/// `fridays`, `tuesdays`: plural full English names.
fn parse_weekday_plural(word: &str) -> Option<Weekday> {
    WEEK.into_iter()
        .find(|d| weekday_name(*d).eq_ignore_ascii_case(word))
}

#[path = "phrase_message.rs"]
mod message;
#[path = "phrase_words.rs"]
mod words;

#[cfg(test)]
mod tests;
