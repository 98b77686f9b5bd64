//! DURATION: a span of days, weeks, months or years, as the user gave it.
//!
//! The span keeps its unit, so `6mo` added to 31 January lands on 31 July
//! (calendar months), and a cadence of 21 days prints back as `3w`.

use std::fmt;

use chrono::{Days, Months, NaiveDate};

use super::{Expected, ParseError};

/// The unit a [`Span`] was given in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum SpanUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl SpanUnit {
    /// Short suffix used by `Display`: `d`, `w`, `mo`, `y`.
    pub fn suffix(self) -> &'static str {
        match self {
            SpanUnit::Days => "d",
            SpanUnit::Weeks => "w",
            SpanUnit::Months => "mo",
            SpanUnit::Years => "y",
        }
    }

    /// The longest accepted amount in this unit: ten years.
    fn max_amount(self) -> u32 {
        match self {
            SpanUnit::Days => Span::MAX_DAYS,
            SpanUnit::Weeks => Span::MAX_DAYS / 7,
            SpanUnit::Months => 120,
            SpanUnit::Years => 10,
        }
    }

    /// Approximate length in days (month = 30, year = 365).
    fn approx_days(self) -> u32 {
        match self {
            SpanUnit::Days => 1,
            SpanUnit::Weeks => 7,
            SpanUnit::Months => 30,
            SpanUnit::Years => 365,
        }
    }
}

/// Unit words, English and German. `m` is a month (draht has no minutes).
/// `t.`, `wo.`, `mon.` and `j.` are the German screens' abbreviations
/// ("2 Wo.", `cadence-*` in i18n/de), so what `list` shows can be typed back.
const UNIT_WORDS: &[(&str, SpanUnit)] = &[
    ("t.", SpanUnit::Days),
    ("wo.", SpanUnit::Weeks),
    ("mon.", SpanUnit::Months),
    ("j.", SpanUnit::Years),
    ("d", SpanUnit::Days),
    ("day", SpanUnit::Days),
    ("days", SpanUnit::Days),
    ("tag", SpanUnit::Days),
    ("tage", SpanUnit::Days),
    ("tagen", SpanUnit::Days),
    ("w", SpanUnit::Weeks),
    ("wk", SpanUnit::Weeks),
    ("wks", SpanUnit::Weeks),
    ("week", SpanUnit::Weeks),
    ("weeks", SpanUnit::Weeks),
    ("woche", SpanUnit::Weeks),
    ("wochen", SpanUnit::Weeks),
    ("m", SpanUnit::Months),
    ("mo", SpanUnit::Months),
    ("month", SpanUnit::Months),
    ("months", SpanUnit::Months),
    ("monat", SpanUnit::Months),
    ("monate", SpanUnit::Months),
    ("monaten", SpanUnit::Months),
    ("y", SpanUnit::Years),
    ("yr", SpanUnit::Years),
    ("yrs", SpanUnit::Years),
    ("year", SpanUnit::Years),
    ("years", SpanUnit::Years),
    ("jahr", SpanUnit::Years),
    ("jahre", SpanUnit::Years),
    ("jahren", SpanUnit::Years),
];

fn unit_word(word: &str) -> Option<SpanUnit> {
    UNIT_WORDS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, unit)| unit)
}

/// A positive duration of at most ten years, in the unit it was given in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    amount: u32,
    unit: SpanUnit,
}

/// Why words that look like a span were still refused.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum SpanError {
    /// Not of the shape `N unit` at all.
    NotASpan,
    Zero,
    TooLong,
}

impl SpanError {
    /// The problem to show the user, if the shape was recognised.
    pub(super) fn problem(self) -> Option<&'static str> {
        match self {
            SpanError::NotASpan => None,
            SpanError::Zero => Some("it must be at least 1"),
            SpanError::TooLong => Some("it is longer than 10 years"),
        }
    }
}

impl Span {
    /// Ten years in days (with leap days): the longest accepted span.
    pub const MAX_DAYS: u32 = 3652;

    /// The amount, in [`Span::unit`]s.
    pub fn amount(&self) -> u32 {
        self.amount
    }

    /// The unit the span was given in.
    pub fn unit(&self) -> SpanUnit {
        self.unit
    }

    /// Length in days, a month counted as 30 and a year as 365 days. Used for
    /// cadences, which are stored in days.
    pub fn approx_days(&self) -> u32 {
        self.amount.saturating_mul(self.unit.approx_days())
    }

    /// `date` plus this span, calendar-correct: months and years keep the
    /// day of the month, clamped to the month's end (31 Jan + 1mo = 28/29 Feb).
    /// Saturates at chrono's last representable date instead of panicking.
    pub fn add_to(&self, date: NaiveDate) -> NaiveDate {
        let moved = match self.unit {
            SpanUnit::Days => date.checked_add_days(Days::new(u64::from(self.amount))),
            SpanUnit::Weeks => date.checked_add_days(Days::new(u64::from(self.amount) * 7)),
            SpanUnit::Months => date.checked_add_months(Months::new(self.amount)),
            SpanUnit::Years => self
                .amount
                .checked_mul(12)
                .and_then(|months| date.checked_add_months(Months::new(months))),
        };
        moved.unwrap_or(NaiveDate::MAX)
    }

    /// The span a cadence of `days` days reads as: the largest of year (365),
    /// month (30) and week (7) that divides it exactly, else days. So 21
    /// prints `3w`, 30 `1mo`, 365 `1y`, 10 `10d`. Every result for
    /// 1..=[`Span::MAX_DAYS`] parses back to itself; 0 gives `0d`, which does
    /// not (a parsed span is never zero).
    pub fn from_days(days: u32) -> Span {
        if days == 0 {
            return Span {
                amount: 0,
                unit: SpanUnit::Days,
            };
        }
        for unit in [SpanUnit::Years, SpanUnit::Months, SpanUnit::Weeks] {
            let per = unit.approx_days();
            if days.is_multiple_of(per) && days / per <= unit.max_amount() {
                return Span {
                    amount: days / per,
                    unit,
                };
            }
        }
        Span {
            amount: days,
            unit: SpanUnit::Days,
        }
    }

    /// Checks the limits of a span read from the user.
    fn checked(amount: u64, unit: SpanUnit) -> Result<Span, SpanError> {
        if amount == 0 {
            return Err(SpanError::Zero);
        }
        match u32::try_from(amount) {
            Ok(amount) if amount <= unit.max_amount() => Ok(Span { amount, unit }),
            _ => Err(SpanError::TooLong),
        }
    }
}

impl fmt::Display for Span {
    /// Short form: `10d`, `3w`, `6mo`, `1y`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

/// Reads `N unit` from lower-case words: one word (`3d`, `2weeks`) or two
/// (`3 days`). Digits only; no sign, no fraction.
pub(super) fn read_span(words: &[&str]) -> Result<Span, SpanError> {
    let (digits, unit) = match words {
        [one] => {
            let split = one
                .find(|c: char| !c.is_ascii_digit())
                .ok_or(SpanError::NotASpan)?;
            one.split_at(split)
        }
        [number, unit] => (*number, *unit),
        _ => return Err(SpanError::NotASpan),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(SpanError::NotASpan);
    }
    let unit = unit_word(unit).ok_or(SpanError::NotASpan)?;
    // More digits than u64 holds is certainly longer than ten years.
    let amount = digits.parse::<u64>().unwrap_or(u64::MAX);
    Span::checked(amount, unit)
}

/// Parses a DURATION: `3d`, `3 days`, `2w`, `2 weeks`, `6mo`, `6 months`,
/// `1m` (one month), `1y`, `1 year`; German `3 tage`, `2 wochen`,
/// `6 monate`, `1 jahr`. Case-insensitive. Zero, negative and longer than
/// ten years are errors.
pub fn parse_duration(input: &str) -> Result<Span, ParseError> {
    let error = || ParseError::new(input, Expected::Duration);
    let lower = input.trim().to_lowercase();
    let cadence_word = super::frequency::read(&lower);
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(rest) = lower.strip_prefix('-')
        && read_span(&rest.split_whitespace().collect::<Vec<_>>()).is_ok()
    {
        return Err(error().because("a duration cannot be negative"));
    }
    let read = cadence_word.unwrap_or_else(|| read_span(&words));
    read.map_err(|e| match e.problem() {
        Some(problem) => error().because(problem),
        None => error(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(amount: u32, unit: SpanUnit) -> Span {
        Span { amount, unit }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn reads(input: &str) -> Span {
        parse_duration(input).unwrap_or_else(|e| panic!("{input:?} should parse: {e}"))
    }

    #[test]
    fn three_d_is_three_days() {
        assert_eq!(reads("3d"), span(3, SpanUnit::Days));
    }

    #[test]
    fn three_days_spelled_out() {
        assert_eq!(reads("3 days"), span(3, SpanUnit::Days));
        assert_eq!(reads("1 day"), span(1, SpanUnit::Days));
    }

    #[test]
    fn two_w_is_two_weeks() {
        assert_eq!(reads("2w"), span(2, SpanUnit::Weeks));
    }

    #[test]
    fn two_weeks_spelled_out() {
        assert_eq!(reads("2 weeks"), span(2, SpanUnit::Weeks));
    }

    #[test]
    fn six_mo_is_six_months() {
        assert_eq!(reads("6mo"), span(6, SpanUnit::Months));
    }

    #[test]
    fn six_months_spelled_out() {
        assert_eq!(reads("6 months"), span(6, SpanUnit::Months));
    }

    #[test]
    fn one_m_is_a_month_not_a_minute() {
        assert_eq!(reads("1m"), span(1, SpanUnit::Months));
    }

    #[test]
    fn one_y_is_a_year() {
        assert_eq!(reads("1y"), span(1, SpanUnit::Years));
    }

    #[test]
    fn one_year_spelled_out() {
        assert_eq!(reads("1 year"), span(1, SpanUnit::Years));
    }

    #[test]
    fn german_units_are_read() {
        assert_eq!(reads("2 wochen"), span(2, SpanUnit::Weeks));
        assert_eq!(reads("3 tage"), span(3, SpanUnit::Days));
        assert_eq!(reads("6 monate"), span(6, SpanUnit::Months));
        assert_eq!(reads("1 jahr"), span(1, SpanUnit::Years));
    }

    #[test]
    fn case_and_surrounding_space_are_ignored() {
        assert_eq!(reads("  2W "), span(2, SpanUnit::Weeks));
        assert_eq!(reads("6 Months"), span(6, SpanUnit::Months));
    }

    #[test]
    fn zero_duration_is_refused_with_a_reason() {
        let e = parse_duration("0d").unwrap_err();
        assert!(e.to_string().contains("at least 1"), "{e}");
    }

    #[test]
    fn negative_duration_is_refused_with_a_reason() {
        let e = parse_duration("-2w").unwrap_err();
        assert!(e.to_string().contains("cannot be negative"), "{e}");
    }

    #[test]
    fn more_than_ten_years_is_refused() {
        assert!(parse_duration("10y").is_ok());
        assert!(parse_duration("120mo").is_ok());
        assert!(parse_duration("11y").is_err());
        assert!(parse_duration("121 months").is_err());
        assert!(parse_duration("522w").is_err());
        assert!(parse_duration("3653d").is_err());
        let e = parse_duration("99999999999999999999999d").unwrap_err();
        assert!(e.to_string().contains("longer than 10 years"), "{e}");
    }

    #[test]
    fn malformed_durations_are_refused() {
        for bad in [
            "",
            "   ",
            "d",
            "3",
            "three days",
            "1.5w",
            "3 fortnights",
            "3 d d",
            "+2w",
            "2w ago",
            "3min",
            "٣d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} must not parse");
        }
    }

    #[test]
    fn duration_error_lists_accepted_forms() {
        let e = parse_duration("3 fortnights").unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"cannot read "3 fortnights" as a duration; try 3d, 2w, 6mo, 1y, "3 days", "2 weeks", "6 months""#
        );
    }

    #[test]
    fn cadence_days_print_in_the_largest_exact_unit() {
        assert_eq!(Span::from_days(21).to_string(), "3w");
        assert_eq!(Span::from_days(14).to_string(), "2w");
        assert_eq!(Span::from_days(30).to_string(), "1mo");
        assert_eq!(Span::from_days(365).to_string(), "1y");
        assert_eq!(Span::from_days(10).to_string(), "10d");
        assert_eq!(Span::from_days(180).to_string(), "6mo");
        assert_eq!(Span::from_days(3630).to_string(), "3630d");
    }

    #[test]
    fn approx_days_counts_months_as_thirty() {
        assert_eq!(reads("3w").approx_days(), 21);
        assert_eq!(reads("6mo").approx_days(), 180);
        assert_eq!(reads("1y").approx_days(), 365);
        assert_eq!(reads("10d").approx_days(), 10);
    }

    #[test]
    fn adding_a_month_to_january_31_clamps_to_february_end() {
        assert_eq!(reads("1mo").add_to(date(2026, 1, 31)), date(2026, 2, 28));
        assert_eq!(reads("1mo").add_to(date(2028, 1, 31)), date(2028, 2, 29));
    }

    #[test]
    fn adding_weeks_days_and_years_is_calendar_correct() {
        assert_eq!(reads("2w").add_to(date(2026, 12, 25)), date(2027, 1, 8));
        assert_eq!(reads("3d").add_to(date(2026, 2, 27)), date(2026, 3, 2));
        assert_eq!(reads("1y").add_to(date(2028, 2, 29)), date(2029, 2, 28));
    }

    #[test]
    fn adding_past_the_calendar_end_saturates() {
        assert_eq!(reads("10y").add_to(NaiveDate::MAX), NaiveDate::MAX);
    }
}
