//! Jour fixe: a standing, recurring appointment with one contact.
//!
//! The record stores its recurrence as an RFC 5545 RRULE value (without
//! DTSTART: the start date is its own field). This module is PURE: no I/O,
//! no clock. Phrases become rules in [`phrase`], rules become dates in
//! [`occurrence`], and [`describe_rule`] echoes a rule back in words.

pub mod agenda;
pub mod draft;
pub mod occurrence;
pub mod phrase;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Channel, Id};
use crate::t;

pub use draft::{Draft, next_dates};
pub use occurrence::{
    OccurrenceState, Rule, aligned_start, is_occurrence, last_occurrence_before, next_occurrence,
    occurrence_start, occurrence_state, occurrences,
};
pub use phrase::{RuleError, RuleSpec, parse_rule};
/// The time zone occurrences are computed in: `Tz::LOCAL` in the app, a
/// fixed zone such as `Tz::Europe__Berlin` in tests.
pub use rrule::Tz;

/// A recurring appointment with one contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourFixe {
    pub id: Id,
    pub contact_id: Id,
    /// First day the rule may fall on (the RRULE's DTSTART date).
    pub start: NaiveDate,
    /// RFC 5545 RRULE value without `RRULE:` and without DTSTART,
    /// e.g. `FREQ=MONTHLY;BYDAY=2TU`.
    pub rrule: String,
    /// Local time of day; `None` for an all-day arrangement.
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    /// An inactive Jour fixe still computes its dates; callers hide it.
    pub active: bool,
    /// Dates the user skipped (EXDATE).
    pub skipped: Vec<NaiveDate>,
}

impl JourFixe {
    /// Whether `date` is in the skip list.
    pub fn is_skipped(&self, date: NaiveDate) -> bool {
        self.skipped.contains(&date)
    }

    /// The rule in English words, as records and machine output carry it
    /// (`--json`): "the 2nd Tuesday of every month at 10:00".
    pub fn describe(&self) -> String {
        describe_rule_in(Lang::En, &self.rrule, self.time)
    }

    /// The rule in words in `lang`, for the screens: "der 2. Dienstag
    /// jedes Monats um 10:00".
    pub fn describe_in(&self, lang: Lang) -> String {
        describe_rule_in(lang, &self.rrule, self.time)
    }
}

impl RuleSpec {
    /// The rule in English words, e.g. "every other Thursday at 08:30".
    pub fn describe(&self) -> String {
        describe_rule_in(Lang::En, &self.rrule, self.time)
    }

    /// The rule in words in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        describe_rule_in(lang, &self.rrule, self.time)
    }
}

/// The shapes of rule that phrases produce. Raw RRULEs outside these shapes
/// are valid too; they are just described as custom rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pattern {
    Daily {
        interval: u16,
    },
    Weekly {
        interval: u16,
        days: Vec<Weekday>,
    },
    /// The `nth` (1..=5, or -1 for last) `day` of the month.
    MonthlyNth {
        interval: u16,
        nth: i8,
        day: Weekday,
    },
    /// Day `day` (1..=31, or -1 for the last day) of the month.
    MonthlyDay {
        interval: u16,
        day: i8,
    },
}

impl Pattern {
    /// The RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=TH`.
    pub(crate) fn to_rrule(&self) -> String {
        let (freq, interval, by) = match self {
            Pattern::Daily { interval } => ("DAILY", *interval, String::new()),
            Pattern::Weekly { interval, days } => {
                let days: Vec<&str> = days.iter().map(|d| weekday_code(*d)).collect();
                ("WEEKLY", *interval, format!("BYDAY={}", days.join(",")))
            }
            Pattern::MonthlyNth { interval, nth, day } => (
                "MONTHLY",
                *interval,
                format!("BYDAY={nth}{}", weekday_code(*day)),
            ),
            Pattern::MonthlyDay { interval, day } => {
                ("MONTHLY", *interval, format!("BYMONTHDAY={day}"))
            }
        };
        let mut parts = vec![format!("FREQ={freq}")];
        if interval > 1 {
            parts.push(format!("INTERVAL={interval}"));
        }
        if !by.is_empty() {
            parts.push(by);
        }
        parts.join(";")
    }

    /// Recognises a stored RRULE value as one of the phrase shapes.
    pub(crate) fn from_rrule(rrule: &str) -> Option<Pattern> {
        let mut freq = None;
        let mut interval: u16 = 1;
        let mut by_day: Option<&str> = None;
        let mut by_month_day: Option<&str> = None;
        for part in rrule.trim().split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=')?;
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => freq = Some(value.trim().to_ascii_uppercase()),
                "INTERVAL" => interval = value.trim().parse().ok().filter(|n| *n >= 1)?,
                "BYDAY" => by_day = Some(value.trim()),
                "BYMONTHDAY" => by_month_day = Some(value.trim()),
                "WKST" if value.trim().eq_ignore_ascii_case("MO") => {}
                _ => return None,
            }
        }
        match (freq?.as_str(), by_day, by_month_day) {
            ("DAILY", None, None) => Some(Pattern::Daily { interval }),
            ("WEEKLY", Some(days), None) => {
                let days = days
                    .split(',')
                    .map(|code| weekday_from_code(code.trim()))
                    .collect::<Option<Vec<Weekday>>>()?;
                Some(Pattern::Weekly { interval, days })
            }
            ("MONTHLY", Some(day), None) => {
                let day = day.trim();
                let split = day.len().checked_sub(2)?;
                let (nth, code) = (day.get(..split)?, day.get(split..)?);
                let nth: i8 = nth.strip_prefix('+').unwrap_or(nth).parse().ok()?;
                ((1..=5).contains(&nth) || nth == -1).then_some(())?;
                Some(Pattern::MonthlyNth {
                    interval,
                    nth,
                    day: weekday_from_code(code)?,
                })
            }
            ("MONTHLY", None, Some(day)) => {
                let day: i8 = day.parse().ok()?;
                ((1..=31).contains(&day) || day == -1).then_some(())?;
                Some(Pattern::MonthlyDay { interval, day })
            }
            _ => None,
        }
    }
}

/// RFC 5545 two-letter weekday code.
pub(crate) fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Monday to Sunday.
pub(crate) const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn weekday_from_code(code: &str) -> Option<Weekday> {
    WEEK.into_iter()
        .find(|d| weekday_code(*d).eq_ignore_ascii_case(code))
}

// ---------------------------------------------------------------------------
// View text: the words come from the .ftl files (rule-words-…), in the
// language asked for.
// ---------------------------------------------------------------------------

/// A rule in English words (see [`describe_rule_in`]).
pub fn describe_rule(rrule: &str, time: Option<NaiveTime>) -> String {
    describe_rule_in(Lang::En, rrule, time)
}

/// A rule in words, for the CLI echo and the TUI: "the 2nd Tuesday of every
/// month at 10:00", "every other Thursday at 08:30", "day 15 of every month"
/// — "der 2. Dienstag jedes Monats um 10:00", "jeden zweiten Donnerstag um
/// 08:30", "der 15. jedes Monats". A rule outside the phrase shapes is
/// shown as the custom RRULE it is.
pub fn describe_rule_in(lang: Lang, rrule: &str, time: Option<NaiveTime>) -> String {
    let words = match Pattern::from_rrule(rrule) {
        Some(pattern) => describe_pattern(lang, &pattern),
        None => t!(lang; "rule-words-custom", rrule = rrule.trim()),
    };
    match time {
        Some(time) => t!(
            lang;
            "rule-words-at",
            rule = words,
            time = time.format("%H:%M").to_string()
        ),
        None => words,
    }
}

fn describe_pattern(lang: Lang, pattern: &Pattern) -> String {
    match pattern {
        Pattern::Daily { interval } => t!(lang; "rule-words-daily", count = *interval),
        Pattern::Weekly { interval, days } => {
            let names: Vec<&str> = days.iter().map(|d| weekday_long(lang, *d)).collect();
            t!(
                lang;
                "rule-words-weekly",
                interval = *interval,
                days = join_words(lang, &names)
            )
        }
        Pattern::MonthlyNth { interval, nth, day } => {
            let which = match nth {
                -1 => t!(lang; "rule-words-last"),
                n => ordinal(lang, i64::from(*n)),
            };
            t!(
                lang;
                "rule-words-monthly-nth",
                which = which,
                nth = *nth,
                day = weekday_long(lang, *day),
                months = every_nth_month(lang, *interval)
            )
        }
        Pattern::MonthlyDay { interval, day } => t!(
            lang;
            "rule-words-monthly-day",
            day = *day,
            months = every_nth_month(lang, *interval)
        ),
    }
}

/// "every month", "every other month", "every 3rd month" — "jedes Monats",
/// "jedes zweiten Monats", "jedes 3. Monats".
fn every_nth_month(lang: Lang, interval: u16) -> String {
    t!(
        lang;
        "rule-words-months",
        interval = interval,
        nth = ordinal(lang, i64::from(interval))
    )
}

/// An ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st — 1., 2., 3.
fn ordinal(lang: Lang, n: i64) -> String {
    t!(lang; "rule-words-ordinal", n = n)
}

/// English weekday names for the parser's own words (see `phrase`).
pub(crate) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A weekday in full in `lang`: "Tuesday" — "Dienstag".
fn weekday_long(lang: Lang, day: Weekday) -> &'static str {
    const DE: [&str; 7] = [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ];
    match lang {
        Lang::En => weekday_name(day),
        Lang::De => DE[day.num_days_from_monday() as usize],
    }
}

/// "a", "a and b", "a, b and c" — "a, b und c".
fn join_words(lang: Lang, words: &[&str]) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => t!(lang; "rule-words-and", init = rest.join(", "), last = *last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn describes_the_phrase_shapes_in_words() {
        let cases = [
            (
                "FREQ=MONTHLY;BYDAY=2TU",
                at(10, 0),
                "the 2nd Tuesday of every month at 10:00",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
                at(8, 30),
                "every other Thursday at 08:30",
            ),
            ("FREQ=WEEKLY;BYDAY=FR", None, "every Friday"),
            ("FREQ=MONTHLY;BYMONTHDAY=15", None, "day 15 of every month"),
            (
                "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
                None,
                "the last Friday of every 3rd month",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH",
                None,
                "every 3 weeks on Monday and Thursday",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=-1",
                None,
                "the last day of every month",
            ),
            (
                "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31",
                None,
                "day 31 of every other month (skipped in shorter months)",
            ),
            (
                "FREQ=MONTHLY;BYDAY=5TU",
                None,
                "the 5th Tuesday of every month (in months that have one)",
            ),
            ("FREQ=DAILY", at(7, 5), "every day at 07:05"),
            ("FREQ=DAILY;INTERVAL=3", None, "every 3 days"),
        ];
        for (rule, time, words) in cases {
            assert_eq!(describe_rule(rule, time), words, "{rule}");
        }
    }

    #[test]
    fn describes_the_phrase_shapes_in_german() {
        let cases = [
            (
                "FREQ=MONTHLY;BYDAY=2TU",
                at(10, 0),
                "der 2. Dienstag jedes Monats um 10:00",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
                at(8, 30),
                "jeden zweiten Donnerstag um 08:30",
            ),
            ("FREQ=WEEKLY;BYDAY=WE", at(19, 0), "jeden Mittwoch um 19:00"),
            ("FREQ=MONTHLY;BYMONTHDAY=15", None, "der 15. jedes Monats"),
            (
                "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
                None,
                "der letzte Freitag jedes 3. Monats",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH",
                None,
                "alle 3 Wochen am Montag und Donnerstag",
            ),
            (
                "FREQ=WEEKLY;BYDAY=MO,WE,FR",
                None,
                "jeden Montag, Mittwoch und Freitag",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=-1",
                None,
                "der letzte Tag jedes Monats",
            ),
            (
                "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31",
                None,
                "der 31. jedes zweiten Monats (entfällt in kürzeren Monaten)",
            ),
            (
                "FREQ=MONTHLY;BYDAY=5TU",
                None,
                "der 5. Dienstag jedes Monats (in Monaten, die einen haben)",
            ),
            ("FREQ=DAILY", at(7, 5), "jeden Tag um 07:05"),
            ("FREQ=DAILY;INTERVAL=3", None, "alle 3 Tage"),
            (
                "FREQ=YEARLY;BYMONTH=6",
                at(9, 0),
                "die eigene Regel RRULE:FREQ=YEARLY;BYMONTH=6 um 09:00",
            ),
        ];
        for (rule, time, words) in cases {
            assert_eq!(describe_rule_in(Lang::De, rule, time), words, "{rule}");
        }
    }

    #[test]
    fn describes_a_custom_rule_as_the_rrule_itself() {
        assert_eq!(
            describe_rule("FREQ=YEARLY;BYMONTH=6;BYDAY=1MO", at(9, 0)),
            "the custom rule RRULE:FREQ=YEARLY;BYMONTH=6;BYDAY=1MO at 09:00"
        );
    }

    #[test]
    fn pattern_round_trips_through_its_rrule() {
        let patterns = [
            Pattern::Daily { interval: 2 },
            Pattern::Weekly {
                interval: 1,
                days: vec![Weekday::Fri],
            },
            Pattern::Weekly {
                interval: 2,
                days: vec![Weekday::Mon, Weekday::Thu],
            },
            Pattern::MonthlyNth {
                interval: 1,
                nth: -1,
                day: Weekday::Fri,
            },
            Pattern::MonthlyNth {
                interval: 3,
                nth: 5,
                day: Weekday::Sun,
            },
            Pattern::MonthlyDay {
                interval: 1,
                day: 15,
            },
            Pattern::MonthlyDay {
                interval: 6,
                day: -1,
            },
        ];
        for pattern in patterns {
            assert_eq!(
                Pattern::from_rrule(&pattern.to_rrule()),
                Some(pattern.clone())
            );
        }
    }

    #[test]
    fn ordinals_follow_english_suffixes() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23]
            .map(|n| ordinal(Lang::En, n))
            .into();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd"
            ]
        );
    }
}
