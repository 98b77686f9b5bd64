//! WHEN: the normaliser that checks a date phrase against the accepted forms
//! (see the module docs of `parse`) and rewrites it into a canonical phrase
//! that `interim` reads, plus an optional time of day.
//!
//! `interim` alone reads more than draht documents (month names, slashed
//! dates, `25:00` as the next day) and reads weekdays against the time of
//! day. So nothing reaches it but these canonical phrases, always read from
//! a midnight: `YYYY-MM-DD`, `today`, `yesterday`, `tomorrow`, `last
//! <weekday>` (the latest such day, that day included), `<weekday>` (the
//! first such day, that day included), `N <unit>` and `N <unit> ago`. Which
//! weekday a phrase means is set by the day it is read from.

use chrono::{Days, NaiveDate, NaiveTime, Utc};
use interim::Dialect;

use super::duration::{SpanError, read_span};
use super::{Lean, Span, SpanUnit};

/// A canonical phrase for `interim` and the day it is read from, as days
/// after today (-1, 0 or 1).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Canonical {
    phrase: String,
    read_from: i8,
}

impl Canonical {
    fn new(phrase: impl Into<String>, read_from: i8) -> Canonical {
        Canonical {
            phrase: phrase.into(),
            read_from,
        }
    }
}

/// The day part of a normalised WHEN.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Day {
    /// `now`: the current moment, no date phrase.
    Now,
    /// A bare time of day: today.
    Today,
    Phrase(Canonical),
}

/// A normalised WHEN: which day, and the time of day if one was given.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Reading {
    day: Day,
    time: Option<NaiveTime>,
}

/// Why the normaliser refused: `None` when the phrase is not one of the
/// forms at all, else the reason a recognised form is wrong.
pub(super) type Refusal = Option<&'static str>;

const NO_SUCH_DAY: &str = "there is no such day";
const NO_SUCH_TIME: &str = "there is no such time of day";
const OFF_CALENDAR: &str = "it is outside the calendar";

/// Weekday words (English full, three-letter and common short forms, German
/// full) and the English name `interim` reads.
const WEEKDAYS: &[(&[&str], &str)] = &[
    (&["monday", "mon", "montag"], "monday"),
    (&["tuesday", "tue", "tues", "dienstag"], "tuesday"),
    (&["wednesday", "wed", "mittwoch"], "wednesday"),
    (
        &["thursday", "thu", "thur", "thurs", "donnerstag"],
        "thursday",
    ),
    (&["friday", "fri", "freitag"], "friday"),
    (&["saturday", "sat", "samstag", "sonnabend"], "saturday"),
    (&["sunday", "sun", "sonntag"], "sunday"),
];

const LAST_WORDS: &[&str] = &["last", "letzten", "letzter", "letztem"];
const NEXT_WORDS: &[&str] = &["next", "nächsten", "naechsten", "nächster", "naechster"];

fn weekday(word: &str) -> Option<&'static str> {
    WEEKDAYS
        .iter()
        .find(|(words, _)| words.contains(&word))
        .map(|&(_, name)| name)
}

/// `N <unit>` as `interim` reads it.
fn span_phrase(span: Span) -> String {
    let unit = match span.unit() {
        SpanUnit::Days => "days",
        SpanUnit::Weeks => "weeks",
        SpanUnit::Months => "months",
        SpanUnit::Years => "years",
    };
    format!("{} {unit}", span.amount())
}

/// `YYYY-MM-DD` (month and day may have one digit), rewritten with two.
/// Whether the day exists is left to `interim`.
fn iso_date(word: &str) -> Option<String> {
    let mut parts = word.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(year, 4..=4) {
        return None;
    }
    if !digits(month, 1..=2) || !digits(day, 1..=2) {
        return None;
    }
    Some(format!("{year}-{month:0>2}-{day:0>2}"))
}

/// `H:MM` or `HH:MM`. `Ok(None)` when the word is no time at all.
fn time_of_day(word: &str) -> Result<Option<NaiveTime>, Refusal> {
    let Some((hour, minute)) = word.split_once(':') else {
        return Ok(None);
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hour) || !digits(minute) || hour.len() > 2 || minute.len() != 2 {
        return Err(None);
    }
    let (hour, minute) = (
        hour.parse().map_err(|_| None)?,
        minute.parse().map_err(|_| None)?,
    );
    NaiveTime::from_hms_opt(hour, minute, 0)
        .map(Some)
        .ok_or(Some(NO_SUCH_TIME))
}

fn span(words: &[&str]) -> Result<Span, Refusal> {
    read_span(words).map_err(SpanError::problem)
}

/// The day words of a WHEN (the time already split off) as a canonical phrase.
fn day_phrase(words: &[&str], lean: Lean) -> Result<Canonical, Refusal> {
    if let [word] = words
        && let Some(date) = iso_date(word)
    {
        return Ok(Canonical::new(date, 0));
    }
    if let [word] = words
        && let Some(name) = weekday(word)
    {
        return Ok(match lean {
            Lean::Past => Canonical::new(format!("last {name}"), 0),
            Lean::Future => Canonical::new(name, 1),
        });
    }
    match words {
        ["today" | "heute"] => Ok(Canonical::new("today", 0)),
        ["yesterday" | "gestern"] => Ok(Canonical::new("yesterday", 0)),
        ["tomorrow" | "morgen"] => Ok(Canonical::new("tomorrow", 0)),
        [direction, word] if LAST_WORDS.contains(direction) => weekday(word)
            .map(|name| Canonical::new(format!("last {name}"), -1))
            .ok_or(None),
        [direction, word] if NEXT_WORDS.contains(direction) => weekday(word)
            .map(|name| Canonical::new(name, 1))
            .ok_or(None),
        [amount @ .., "ago"] | ["vor", amount @ ..] => Ok(Canonical::new(
            format!("{} ago", span_phrase(span(amount)?)),
            0,
        )),
        ["in", amount @ ..] => Ok(Canonical::new(span_phrase(span(amount)?), 0)),
        [first, rest @ ..] if first.starts_with(['+', '-']) => {
            let backwards = first.starts_with('-');
            let mut amount: Vec<&str> = Vec::with_capacity(rest.len() + 1);
            if first.len() > 1 {
                amount.push(&first[1..]);
            }
            amount.extend_from_slice(rest);
            let phrase = span_phrase(span(&amount)?);
            Ok(Canonical::new(
                if backwards {
                    format!("{phrase} ago")
                } else {
                    phrase
                },
                0,
            ))
        }
        _ => Err(None),
    }
}

/// Checks `input` against the WHEN forms and normalises it.
fn normalise(input: &str, lean: Lean) -> Result<Reading, Refusal> {
    let lower = input.trim().to_lowercase();
    if lower.is_empty() {
        return Err(Some("it is empty"));
    }
    // `2026-11-20T15:00`: the ISO separator becomes a space.
    let lower = match lower.split_once('t') {
        Some((date, time))
            if iso_date(date).is_some() && !matches!(time_of_day(time), Ok(None) | Err(None)) =>
        {
            format!("{date} {time}")
        }
        _ => lower,
    };
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let ["now" | "jetzt"] = words.as_slice() {
        return Ok(Reading {
            day: Day::Now,
            time: None,
        });
    }
    let (day_words, time) = match words.split_last() {
        Some((last, rest)) => match time_of_day(last)? {
            Some(time) => (rest, Some(time)),
            None => (words.as_slice(), None),
        },
        None => return Err(None),
    };
    let day = if day_words.is_empty() {
        Day::Today
    } else {
        Day::Phrase(day_phrase(day_words, lean)?)
    };
    Ok(Reading { day, time })
}

/// Lets `interim` read a canonical phrase. `Err` carries the reason.
fn resolve(canonical: &Canonical, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let from = match canonical.read_from {
        -1 => today.checked_sub_days(Days::new(1)),
        1 => today.checked_add_days(Days::new(1)),
        _ => Some(today),
    };
    let from = from.ok_or(OFF_CALENDAR)?.and_time(NaiveTime::MIN).and_utc();
    match interim::parse_date_string(&canonical.phrase, from, Dialect::Us) {
        Ok(at) => Ok(at.with_timezone(&Utc).date_naive()),
        Err(_) if iso_date(&canonical.phrase).is_some() => Err(NO_SUCH_DAY),
        Err(_) => Err(OFF_CALENDAR),
    }
}

/// What a WHEN names, after normalising and reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Moment {
    /// `now`.
    Now,
    /// A day, with the time of day if one was given. `day_named` is false
    /// for a bare time, which means today.
    At {
        date: NaiveDate,
        time: Option<NaiveTime>,
        day_named: bool,
    },
}

/// Reads a WHEN against `today`: the normaliser, then `interim`.
pub(super) fn read_when(input: &str, today: NaiveDate, lean: Lean) -> Result<Moment, Refusal> {
    let german = super::german::rewrite(&input.trim().to_lowercase(), today, lean).map_err(Some)?;
    let reading = normalise(german.as_deref().unwrap_or(input), lean)?;
    Ok(match reading.day {
        Day::Now => Moment::Now,
        Day::Today => Moment::At {
            date: today,
            time: reading.time,
            day_named: false,
        },
        Day::Phrase(canonical) => Moment::At {
            date: resolve(&canonical, today).map_err(Some)?,
            time: reading.time,
            day_named: true,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_date, parse_when};
    use chrono::NaiveDateTime;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    /// Tuesday 1 December 2026.
    fn tuesday() -> NaiveDate {
        date(2026, 12, 1)
    }

    /// Friday 4 December 2026.
    fn friday() -> NaiveDate {
        date(2026, 12, 4)
    }

    /// Tuesday 1 December 2026, 14:25: the clock when logging.
    fn tuesday_afternoon() -> NaiveDateTime {
        at(2026, 12, 1, 14, 25)
    }

    fn day(input: &str, today: NaiveDate, lean: Lean) -> NaiveDate {
        parse_date(input, today, lean).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn past(input: &str) -> NaiveDate {
        day(input, tuesday(), Lean::Past)
    }

    fn future(input: &str) -> NaiveDate {
        day(input, tuesday(), Lean::Future)
    }

    fn when(input: &str, lean: Lean) -> NaiveDateTime {
        parse_when(input, tuesday_afternoon(), lean).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn refusal(input: &str) -> String {
        match parse_when(input, tuesday_afternoon(), Lean::Past) {
            Ok(read) => panic!("{input:?} must be refused, was read as {read}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn normaliser_hands_interim_only_canonical_phrases() {
        let phrase = |input: &str, lean| match normalise(input, lean).map(|r| r.day) {
            Ok(Day::Phrase(c)) => (c.phrase, c.read_from),
            other => panic!("{input:?} gave {other:?}"),
        };
        assert_eq!(phrase("2026-1-5", Lean::Past), ("2026-01-05".into(), 0));
        assert_eq!(phrase("Fri", Lean::Past), ("last friday".into(), 0));
        assert_eq!(phrase("fri", Lean::Future), ("friday".into(), 1));
        assert_eq!(phrase("last fri", Lean::Future), ("last friday".into(), -1));
        assert_eq!(phrase("+2w", Lean::Past), ("2 weeks".into(), 0));
        assert_eq!(phrase("-1 mo", Lean::Past), ("1 months ago".into(), 0));
        assert_eq!(phrase("vor 1 jahr", Lean::Past), ("1 years ago".into(), 0));
    }

    #[test]
    fn iso_date_is_that_day() {
        assert_eq!(past("2026-11-20"), date(2026, 11, 20));
        assert_eq!(future("2027-1-5"), date(2027, 1, 5));
    }

    #[test]
    fn iso_date_with_time_is_that_moment() {
        assert_eq!(
            when("2026-11-20 15:00", Lean::Past),
            at(2026, 11, 20, 15, 0)
        );
    }

    #[test]
    fn iso_date_with_t_separator_is_that_moment() {
        assert_eq!(
            when("2026-11-20T15:00", Lean::Past),
            at(2026, 11, 20, 15, 0)
        );
    }

    #[test]
    fn weekday_when_logging_is_the_latest_one() {
        assert_eq!(past("friday"), date(2026, 11, 27));
        assert_eq!(when("friday", Lean::Past), at(2026, 11, 27, 12, 0));
    }

    #[test]
    fn weekday_abbreviation_is_read_like_the_full_name() {
        assert_eq!(past("fri"), date(2026, 11, 27));
        assert_eq!(past("mon"), date(2026, 11, 30));
        assert_eq!(future("thurs"), date(2026, 12, 3));
        assert_eq!(future("sun"), date(2026, 12, 6));
    }

    #[test]
    fn weekday_when_logging_on_that_day_is_today() {
        assert_eq!(day("fri", friday(), Lean::Past), friday());
        let friday_evening = friday().and_hms_opt(19, 5, 0).unwrap();
        assert_eq!(
            parse_when("fri", friday_evening, Lean::Past),
            Ok(friday_evening)
        );
    }

    #[test]
    fn weekday_for_a_reminder_is_the_next_one() {
        assert_eq!(future("friday"), friday());
        assert_eq!(when("friday", Lean::Future), at(2026, 12, 4, 9, 0));
    }

    #[test]
    fn weekday_for_a_reminder_on_that_day_is_a_week_ahead() {
        assert_eq!(day("fri", friday(), Lean::Future), date(2026, 12, 11));
        assert_eq!(future("tuesday"), date(2026, 12, 8));
    }

    #[test]
    fn last_weekday_is_before_today_whatever_the_lean() {
        assert_eq!(past("last friday"), date(2026, 11, 27));
        assert_eq!(future("last friday"), date(2026, 11, 27));
        assert_eq!(past("last monday"), date(2026, 11, 30));
    }

    #[test]
    fn last_weekday_on_that_day_is_a_week_ago() {
        assert_eq!(day("last fri", friday(), Lean::Past), date(2026, 11, 27));
    }

    #[test]
    fn next_weekday_is_the_first_after_today_whatever_the_lean() {
        assert_eq!(past("next friday"), friday());
        assert_eq!(future("next friday"), friday());
        assert_eq!(past("next wednesday"), date(2026, 12, 2));
    }

    #[test]
    fn next_weekday_on_that_day_is_a_week_ahead() {
        assert_eq!(day("next fri", friday(), Lean::Past), date(2026, 12, 11));
    }

    #[test]
    fn days_ago_short_form() {
        assert_eq!(past("3d ago"), date(2026, 11, 28));
    }

    #[test]
    fn days_ago_spelled_out() {
        assert_eq!(past("3 days ago"), date(2026, 11, 28));
        assert_eq!(when("3 days ago", Lean::Past), at(2026, 11, 28, 12, 0));
    }

    #[test]
    fn weeks_ago() {
        assert_eq!(past("2w ago"), date(2026, 11, 17));
    }

    #[test]
    fn months_and_years_ago_are_calendar_months() {
        assert_eq!(
            day("1mo ago", date(2026, 3, 31), Lean::Past),
            date(2026, 2, 28)
        );
        assert_eq!(past("1y ago"), date(2025, 12, 1));
    }

    #[test]
    fn in_two_weeks() {
        assert_eq!(future("in 2 weeks"), date(2026, 12, 15));
    }

    #[test]
    fn in_three_days() {
        assert_eq!(future("in 3 days"), friday());
        assert_eq!(future("in 3d"), friday());
    }

    #[test]
    fn in_one_month_clamps_to_the_month_end() {
        assert_eq!(
            day("in 1 month", date(2026, 1, 31), Lean::Future),
            date(2026, 2, 28)
        );
        assert_eq!(future("in 1 month"), date(2027, 1, 1));
    }

    #[test]
    fn plus_two_weeks() {
        assert_eq!(future("+2w"), date(2026, 12, 15));
        assert_eq!(future("+2 weeks"), date(2026, 12, 15));
    }

    #[test]
    fn plus_three_days() {
        assert_eq!(future("+3d"), friday());
    }

    #[test]
    fn minus_one_day() {
        assert_eq!(past("-1d"), date(2026, 11, 30));
    }

    #[test]
    fn yesterday_with_a_time() {
        assert_eq!(
            when("yesterday 18:30", Lean::Past),
            at(2026, 11, 30, 18, 30)
        );
    }

    #[test]
    fn weekday_and_relative_days_take_a_time_too() {
        assert_eq!(when("fri 10:00", Lean::Future), at(2026, 12, 4, 10, 0));
        assert_eq!(
            when("in 2 weeks 10:00", Lean::Future),
            at(2026, 12, 15, 10, 0)
        );
        assert_eq!(
            when("last friday 08:15", Lean::Past),
            at(2026, 11, 27, 8, 15)
        );
    }

    #[test]
    fn german_words_are_read() {
        assert_eq!(past("heute"), tuesday());
        assert_eq!(past("gestern"), date(2026, 11, 30));
        assert_eq!(future("morgen"), date(2026, 12, 2));
        assert_eq!(future("Freitag"), friday());
        assert_eq!(past("letzten freitag"), date(2026, 11, 27));
        assert_eq!(past("nächsten Freitag"), friday());
        assert_eq!(past("vor 3 tagen"), date(2026, 11, 28));
        assert_eq!(future("in 2 wochen"), date(2026, 12, 15));
    }

    #[test]
    fn case_and_surrounding_space_are_ignored() {
        assert_eq!(past("  Last FRIDAY \t"), date(2026, 11, 27));
        assert_eq!(
            when(" Yesterday  18:30 ", Lean::Past),
            at(2026, 11, 30, 18, 30)
        );
        assert_eq!(
            when("2026-11-20t15:00", Lean::Past),
            at(2026, 11, 20, 15, 0)
        );
    }

    #[test]
    fn misspelt_weekday_names_the_accepted_forms() {
        assert_eq!(
            refusal("frday"),
            r#"cannot read "frday" as a date; try 2026-11-20, "2026-11-20 15:00", today, yesterday, friday, "last friday", "3d ago", "in 2 weeks", +2w"#
        );
    }

    #[test]
    fn empty_input_is_refused() {
        assert!(refusal("").contains("(it is empty)"));
        assert!(refusal("   ").contains("(it is empty)"));
    }

    #[test]
    fn impossible_day_is_refused() {
        assert!(refusal("2026-02-30").contains("(there is no such day)"));
        assert!(refusal("2026-13-01").contains("(there is no such day)"));
        assert!(refusal("2026-02-30 10:00").contains("(there is no such day)"));
    }

    #[test]
    fn impossible_time_is_refused() {
        assert!(refusal("25:00").contains("(there is no such time of day)"));
        assert!(refusal("yesterday 18:60").contains("(there is no such time of day)"));
        assert!(refusal("2026-11-20T24:00").contains("there is no such"));
    }

    #[test]
    fn span_without_direction_is_refused() {
        refusal("2 weeks");
        refusal("3d");
    }

    #[test]
    fn zero_or_too_long_offsets_are_refused_with_a_reason() {
        assert!(refusal("0d ago").contains("(it must be at least 1)"));
        assert!(refusal("+0d").contains("(it must be at least 1)"));
        assert!(refusal("in 11 years").contains("(it is longer than 10 years)"));
        assert!(refusal("99999999999d ago").contains("(it is longer than 10 years)"));
    }

    #[test]
    fn forms_interim_would_guess_at_are_refused() {
        for input in [
            "april 1",
            "1 april 2026",
            "1/2/2026",
            "next month",
            "last week",
            "3pm",
            "9.30",
            "2026",
            "friday 3pm",
            "friday 15",
            "this friday",
            "2 days ago 3 days ago",
        ] {
            refusal(input);
        }
    }

    #[test]
    fn extra_or_misplaced_words_are_refused() {
        for input in [
            "today today",
            "yesterday 18:30 extra",
            "15:00 today",
            "today 15:00 16:00",
            "last",
            "next",
            "in",
            "ago",
            "+",
            "-",
            "3 ago",
            "in two weeks",
            "now 15:00",
            "friday!",
            "2026-11-20 T 15:00",
            "2026-11-20-01",
            "26-11-20",
            "+-2w",
        ] {
            refusal(input);
        }
    }

    #[test]
    fn dates_past_the_calendar_end_are_refused() {
        let e = parse_date("in 10 years", NaiveDate::MAX, Lean::Future).unwrap_err();
        assert!(
            e.to_string().contains("(it is outside the calendar)"),
            "{e}"
        );
        assert!(parse_date("tomorrow", NaiveDate::MAX, Lean::Future).is_err());
        assert!(parse_date("yesterday", NaiveDate::MIN, Lean::Past).is_err());
        assert!(parse_date("fri", NaiveDate::MAX, Lean::Future).is_err());
    }
}
