//! Human input: dates, times and durations.
//!
//! Every parser here is pure: "today" and "now" are arguments. Input is
//! case-insensitive and surrounding whitespace is ignored. Only the forms
//! listed below are accepted; anything else is an error that names the
//! accepted forms — never a guess. A hand-written normaliser checks the
//! input against this list and rewrites it into a canonical phrase, which the
//! `interim` crate then turns into a date.
//!
//! ## WHEN (a date, optionally with a time)
//!
//! | form | meaning |
//! |---|---|
//! | `2026-11-20` | that day |
//! | `2026-11-20 15:00`, `2026-11-20T15:00` | that day at 15:00 |
//! | `today`, `yesterday`, `tomorrow` (`heute`, `gestern`, `morgen`) | |
//! | `friday`, `fri` (`freitag`) | a bare weekday, read by the command: see below |
//! | `last friday` (`letzten freitag`) | the latest Friday before today (a week ago on a Friday) |
//! | `next friday` (`nächsten freitag`) | the first Friday after today (in a week on a Friday) |
//! | `3d ago`, `3 days ago`, `2w ago` (`vor 3 tagen`) | that many days/weeks/months/years back |
//! | `in 2 weeks`, `in 3 days`, `in 1 month` | that far ahead |
//! | `+2w`, `+3d`, `-1d` | the same, shorter |
//! | `15:00` | today at 15:00 (WHEN with a time only) |
//! | any of the above + `HH:MM`, e.g. `yesterday 18:30`, `fri 10:00` | that day at that time |
//! | `now` | the current moment (WHEN with a time only) |
//!
//! Weekdays are written in full or as three letters (`mon tue wed thu fri sat
//! sun`; also `tues`, `thur`, `thurs`), German in full or short (below).
//! Amounts in relative forms follow the DURATION rules below (1 up to ten
//! years; `m` is a month).
//!
//! A bare weekday depends on the command ([`Lean`]): for looking back (`log
//! --at fri`) it is the latest Friday, today if today is a Friday; for
//! planning (`remind anna fri`, `snooze anna fri`) it is the next Friday after
//! today, a week ahead if today is a Friday.
//!
//! A WHEN without a time of day gets one: looking back, the current time if
//! the day is today and 12:00 otherwise; planning, 09:00.
//!
//! Rejected, among others: an empty string, impossible days (`2026-02-30`),
//! hours past 23 (`25:00`), a span without direction (`2 weeks`), zero or
//! more than ten years (`0d ago`, `in 11 years`), month names (`april 1`),
//! slashed dates (`1/2/2026`), and anything with extra words.
//!
//! ## German WHEN, whatever the interface language (`german.rs`)
//!
//! | form | meaning |
//! |---|---|
//! | `15.03.1990`, `15.3.1990` | that day (a two-digit year is refused) |
//! | `15.3.`, `15.03.` | looking back the latest 15 March, today included; planning the next, today included |
//! | `5.12.2026 18:30`, `5.12.2026 um 18:30 Uhr` | that day at 18:30 |
//! | `heute`, `gestern`, `vorgestern`, `morgen`, `übermorgen` | |
//! | `Mo`, `Mo.`, `Montag` … `So`, `Sonntag` (`Sonnabend`), `am Freitag` | a bare weekday, as above |
//! | `letzten Freitag`, `vergangenen Freitag` | as `last friday` |
//! | `nächsten Dienstag`, `kommenden Dienstag` | as `next tuesday` |
//! | `vor 3 Tagen`, `vor einer Woche`, `vor zwei Jahren` | that far back |
//! | `in 2 Wochen`, `in einem Monat`, `in zwölf Tagen` | that far ahead |
//! | any day + `18:30`, `um 18:30`, `um 19 Uhr`, `18.30 Uhr` | that day at that time |
//! | `um 15 Uhr`, `15 Uhr` | today at 15:00 |
//! | `jetzt` | now |
//!
//! Number words are `ein`/`eine`/`einer`/`einem`/`eins` … `zwölf`. Umlauts
//! may be written `ae oe ue ss` (`uebermorgen`, `naechsten`).
//!
//! ## DURATION
//!
//! `3d`, `3 days`, `2w`, `2 weeks`, `6mo`, `6 months`, `1m` (one month: draht
//! has no minutes), `1y`, `1 year`; German `3 tage`, `2 wochen`, `6 monate`,
//! `1 jahr`. At least 1 and at most ten years. A duration keeps its unit:
//! `1mo` after 31 January is the last day of February.
//!
//! Cadence words too (`frequency.rs`): `daily`/`täglich` (1d),
//! `weekly`/`wöchentlich` (1w), `fortnightly`/`zweiwöchentlich`/`14-tägig`/
//! `vierzehntägig` (2w), `monthly`/`monatlich` (1mo),
//! `quarterly`/`vierteljährlich` (3mo), `halbjährlich` (6mo),
//! `yearly`/`annually`/`jährlich` (1y); `N-tägig` (N days, whole weeks as
//! weeks), `N-wöchentlich`, `N-monatlich`, `N-jährlich`; `alle 2 Wochen`,
//! `every 3 months`, `alle zwei Wochen`, `jede Woche`, `jeden Monat`, `zwei
//! Wochen`, `eine Woche`.
//!
//! ## BIRTHDAY (`birthday.rs`)
//!
//! `1990-03-15`, `--03-15` (no year), `15.03.1990`, `15.3.1990`, `15.3.` (no
//! year).
//!
//! ## Snooze target (`snooze CONTACT DURATION|DATE`)
//!
//! A DURATION counted from today, or a WHEN date read as planning (no time).
//!
//! ## Errors
//!
//! One line in the interface language (`message.rs`, through `i18n`), with
//! examples that work: German ones when the interface is German or the
//! input looks German.

mod birthday;
mod duration;
mod frequency;
pub(crate) mod german;
mod length;
mod message;
mod when;

pub use birthday::parse_birthday;

pub use length::{minutes_text, parse_minutes};

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

pub use duration::{Span, SpanUnit, parse_duration};
use when::{Moment, Refusal, read_when};

/// Which way a bare weekday points.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Looking back (`log --at`): `friday` is the latest Friday, today
    /// included. A date without a time keeps the current time if it is
    /// today, else gets 12:00.
    Past,
    /// Planning (`remind`, `snooze`): `friday` is the next Friday strictly
    /// after today, so on a Friday it is a week ahead. A date without a time
    /// gets 09:00.
    Future,
}

/// What a parser was asked to read; decides the accepted forms in errors.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A day, no time ([`parse_date`]).
    Date,
    /// A day with an optional time ([`parse_when`]).
    DateTime,
    /// A [`Span`] ([`parse_duration`]).
    Duration,
    /// A duration or a day ([`parse_until`]).
    Until,
    /// A birthday ([`parse_birthday`]).
    Birthday,
}

impl Expected {
    /// The accepted forms, as shown after "try".
    pub fn forms(self) -> &'static str {
        match self {
            Expected::Date => {
                r#"2026-11-20, today, yesterday, tomorrow, friday, "last friday", "3d ago", "in 2 weeks", +2w"#
            }
            Expected::DateTime => {
                r#"2026-11-20, "2026-11-20 15:00", today, yesterday, friday, "last friday", "3d ago", "in 2 weeks", +2w"#
            }
            Expected::Duration => r#"3d, 2w, 6mo, 1y, "3 days", "2 weeks", "6 months""#,
            Expected::Until => {
                r#"a duration (3d, 2w, 6mo, 1y) or a date (2026-11-20, tomorrow, friday, "in 2 weeks")"#
            }
            Expected::Birthday => "1990-03-15, or --03-15 without the year",
        }
    }
}

/// Input that is not one of the accepted forms. Displays as one line: the
/// input, why (when known), and the forms to use instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    input: String,
    expected: Expected,
    problem: Option<&'static str>,
}

impl ParseError {
    fn new(input: &str, expected: Expected) -> ParseError {
        ParseError {
            input: input.to_owned(),
            expected,
            problem: None,
        }
    }

    fn because(mut self, problem: &'static str) -> ParseError {
        self.problem = Some(problem);
        self
    }

    fn refused(input: &str, expected: Expected, refusal: Refusal) -> ParseError {
        ParseError {
            problem: refusal,
            ..ParseError::new(input, expected)
        }
    }

    /// The input as given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was asked for.
    pub fn expected(&self) -> Expected {
        self.expected
    }

    /// Why a recognised form was refused (e.g. "there is no such day").
    pub fn problem(&self) -> Option<&'static str> {
        self.problem
    }
}

/// In the interface language: [`ParseError::message`].
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::current()))
    }
}

/// Parses a WHEN that names a day: no time of day, no `now`. See the module
/// docs for the forms and [`Lean`] for bare weekdays.
pub fn parse_date(input: &str, today: NaiveDate, lean: Lean) -> Result<NaiveDate, ParseError> {
    let refused = |refusal| ParseError::refused(input, Expected::Date, refusal);
    match read_when(input, today, lean).map_err(refused)? {
        Moment::At {
            date,
            time: None,
            day_named: true,
        } => Ok(date),
        Moment::At { time: Some(_), .. } => {
            Err(refused(Some("a time of day is not accepted here")))
        }
        Moment::At { time: None, .. } | Moment::Now => Err(refused(None)),
    }
}

/// Parses a WHEN: a day with an optional time of day, `now`, or a bare time
/// (today). `now` is the local wall clock. A day without a time gets one by
/// [`Lean`]: looking back, now's time if the day is today, else 12:00;
/// planning, 09:00.
pub fn parse_when(
    input: &str,
    now: NaiveDateTime,
    lean: Lean,
) -> Result<NaiveDateTime, ParseError> {
    let today = now.date();
    let (date, time) = match read_when(input, today, lean)
        .map_err(|refusal| ParseError::refused(input, Expected::DateTime, refusal))?
    {
        Moment::Now => return Ok(now),
        Moment::At { date, time, .. } => (date, time),
    };
    let time = time.unwrap_or_else(|| match lean {
        Lean::Past if date == today => now.time(),
        Lean::Past => NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN),
        Lean::Future => NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
    });
    Ok(date.and_time(time))
}

/// Parses a snooze target: a DURATION counted from `today` (`2w`), or a
/// date read with [`Lean::Future`] (`friday`, `2026-11-20`, `in 2 weeks`).
pub fn parse_until(input: &str, today: NaiveDate) -> Result<NaiveDate, ParseError> {
    let as_duration = match parse_duration(input) {
        Ok(span) => return Ok(span.add_to(today)),
        Err(e) => e,
    };
    let as_date = match parse_date(input, today, Lean::Future) {
        Ok(date) => return Ok(date),
        Err(e) => e,
    };
    let error = ParseError::new(input, Expected::Until);
    match as_duration.problem.or(as_date.problem) {
        Some(problem) => Err(error.because(problem)),
        None => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Tuesday 1 December 2026, the day of DESIGN.md's sketch.
    const TUESDAY: (i32, u32, u32) = (2026, 12, 1);

    fn tuesday() -> NaiveDate {
        date(TUESDAY.0, TUESDAY.1, TUESDAY.2)
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    /// Tuesday 1 December 2026, 14:25: the clock when logging.
    fn tuesday_afternoon() -> NaiveDateTime {
        at(2026, 12, 1, 14, 25)
    }

    fn past(input: &str) -> NaiveDate {
        parse_date(input, tuesday(), Lean::Past).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn future(input: &str) -> NaiveDate {
        parse_date(input, tuesday(), Lean::Future).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    fn when(input: &str, lean: Lean) -> NaiveDateTime {
        parse_when(input, tuesday_afternoon(), lean).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    #[test]
    fn two_o_clock_today_when_logging_keeps_the_given_time() {
        assert_eq!(when("today 14:00", Lean::Past), at(2026, 12, 1, 14, 0));
    }

    #[test]
    fn today_for_a_reminder_is_nine_in_the_morning() {
        assert_eq!(when("today", Lean::Future), at(2026, 12, 1, 9, 0));
    }

    #[test]
    fn today_when_logging_keeps_the_current_time() {
        assert_eq!(past("today"), tuesday());
        assert_eq!(when("today", Lean::Past), tuesday_afternoon());
    }

    #[test]
    fn yesterday_when_logging_is_noon_the_day_before() {
        assert_eq!(past("yesterday"), date(2026, 11, 30));
        assert_eq!(when("yesterday", Lean::Past), at(2026, 11, 30, 12, 0));
    }

    #[test]
    fn tomorrow_for_a_reminder_is_nine_in_the_morning() {
        assert_eq!(future("tomorrow"), date(2026, 12, 2));
        assert_eq!(when("tomorrow", Lean::Future), at(2026, 12, 2, 9, 0));
    }

    #[test]
    fn bare_time_is_today_at_that_time() {
        assert_eq!(when("15:00", Lean::Past), at(2026, 12, 1, 15, 0));
        assert_eq!(when("9:05", Lean::Future), at(2026, 12, 1, 9, 5));
    }

    #[test]
    fn now_is_the_current_moment() {
        assert_eq!(when("now", Lean::Past), tuesday_afternoon());
    }

    #[test]
    fn date_only_refuses_a_time_of_day() {
        let e = parse_date("2026-11-20 15:00", tuesday(), Lean::Past).unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"cannot read "2026-11-20 15:00" as a date (a time of day is not accepted here); try 2026-11-20, today, yesterday, tomorrow, friday, "last friday", "3d ago", "in 2 weeks", +2w"#
        );
        assert!(parse_date("15:00", tuesday(), Lean::Past).is_err());
        assert!(parse_date("now", tuesday(), Lean::Past).is_err());
    }

    #[test]
    fn snooze_for_two_weeks_counts_from_today() {
        assert_eq!(parse_until("2w", tuesday()), Ok(date(2026, 12, 15)));
    }

    #[test]
    fn snooze_for_a_month_is_a_calendar_month() {
        assert_eq!(parse_until("1mo", date(2026, 1, 31)), Ok(date(2026, 2, 28)));
    }

    #[test]
    fn snooze_until_a_weekday_looks_ahead() {
        assert_eq!(parse_until("fri", tuesday()), Ok(date(2026, 12, 4)));
        assert_eq!(parse_until("tue", tuesday()), Ok(date(2026, 12, 8)));
    }

    #[test]
    fn snooze_until_a_date_or_relative_date() {
        assert_eq!(parse_until("2027-01-10", tuesday()), Ok(date(2027, 1, 10)));
        assert_eq!(parse_until("in 3 days", tuesday()), Ok(date(2026, 12, 4)));
        assert_eq!(parse_until("+1w", tuesday()), Ok(date(2026, 12, 8)));
    }

    #[test]
    fn snooze_error_lists_both_forms() {
        let e = parse_until("someday", tuesday()).unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"cannot read "someday" as a duration or a date; try a duration (3d, 2w, 6mo, 1y) or a date (2026-11-20, tomorrow, friday, "in 2 weeks")"#
        );
    }

    #[test]
    fn snooze_error_keeps_the_reason_of_a_recognised_form() {
        let e = parse_until("20y", tuesday()).unwrap_err();
        assert!(e.to_string().contains("longer than 10 years"), "{e}");
        let e = parse_until("2026-02-30", tuesday()).unwrap_err();
        assert!(e.to_string().contains("no such day"), "{e}");
    }

    #[test]
    fn error_message_is_one_line_and_shortens_long_input() {
        let e = parse_duration(&format!("{}\nmore", "x".repeat(100))).unwrap_err();
        let text = e.to_string();
        assert!(!text.contains('\n'), "{text}");
        assert!(text.starts_with(&format!("cannot read \"{}…\"", "x".repeat(40))));
    }

    fn noon_on_tuesday() -> NaiveDateTime {
        tuesday().and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap())
    }

    proptest! {
        #[test]
        fn parsers_never_panic_on_any_text(input in "\\PC{0,40}") {
            let _ = parse_date(&input, tuesday(), Lean::Past);
            let _ = parse_date(&input, NaiveDate::MAX, Lean::Future);
            let _ = parse_when(&input, noon_on_tuesday(), Lean::Future);
            let _ = parse_duration(&input);
            let _ = parse_until(&input, NaiveDate::MIN);
        }

        #[test]
        fn parsers_never_panic_on_near_miss_phrases(
            sign in prop::sample::select(vec!["", "+", "-", "in ", "vor ", "last ", "next "]),
            number in prop::sample::select(vec![
                "0", "1", "7", "3652", "99999999999", "18446744073709551616", "",
            ]),
            unit in prop::sample::select(vec![
                "d", " days", "w", " weeks", "mo", "m", " months", "y", " years", "x", "",
            ]),
            tail in prop::sample::select(vec!["", " ago", " 15:00", " 25:61", " ago ago"]),
        ) {
            let input = format!("{sign}{number}{unit}{tail}");
            for today in [tuesday(), NaiveDate::MIN, NaiveDate::MAX] {
                let _ = parse_date(&input, today, Lean::Past);
                let _ = parse_until(&input, today);
            }
            let _ = parse_when(&input, noon_on_tuesday(), Lean::Past);
            let _ = parse_duration(&input);
        }

        #[test]
        fn cadence_in_days_prints_back_to_the_same_span(days in 1u32..=Span::MAX_DAYS) {
            let span = Span::from_days(days);
            prop_assert_eq!(span.approx_days(), days);
            prop_assert_eq!(parse_duration(&span.to_string()), Ok(span));
        }
    }
}
