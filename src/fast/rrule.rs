//! Dates of the rules the phrase parser writes, by date arithmetic, beside
//! the rrule crate.
//!
//! Why it is here: at 10,000 contacts with 1,000 Jour fixe (the stress mix
//! of `bench/compare.sh`), walking every rule with rrule made `draht today`
//! 41 % slower (22.8 → 32.2 ms, interleaved medians of 30; 65 % more
//! instructions), 0.98 × the sqlite3 floor against the budget of 0.75;
//! `list` 21.1 → 25.2 ms, `today --json` 23.4 → 32.5 ms. On the realistic
//! mix (40 Jour fixe) `today` 8.9 → 9.5 ms. Method: docs/performance.md.
//!
//! `FREQ=DAILY`, `FREQ=WEEKLY;BYDAY=…`, `FREQ=MONTHLY;BYDAY=nXX` and
//! `FREQ=MONTHLY;BYMONTHDAY=n` (each with an optional INTERVAL, and UNTIL
//! taken off beforehand) are answered here in a few steps, where a walk with
//! the rrule crate first builds its year tables. Only the exact text
//! [`Pattern::to_rrule`] writes takes this path; any other spelling, and
//! every other rule, goes to rrule, which stays the reference: the tests
//! check that both give the same dates.
//!
//! A rule's dates are counted from its start: weeks from the Monday of the
//! start's week (WKST=MO), months from the start's month, days from the
//! start day. No date lies before the start or after UNTIL. Like rrule,
//! no date lies after the year 10000.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::jourfixe::Pattern;

/// The last year rrule produces dates in.
const LAST_YEAR: i32 = 10_000;

/// How many periods a monthly search looks at before it gives up. Which
/// months a monthly rule visits, and their weekdays, repeat every 400 years
/// (4,800 months), so a rule with no date in 4,800 periods has none at all.
const MONTH_STEPS: u32 = 4_800;

/// A phrase-shaped rule, ready for date arithmetic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Fast {
    shape: Shape,
    start: NaiveDate,
    until: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Shape {
    Daily {
        every: u32,
    },
    /// `days`: bit `n` set for the weekday `n` days from Monday.
    Weekly {
        every: u32,
        days: u8,
    },
    MonthlyNth {
        every: u32,
        nth: i8,
        day: Weekday,
    },
    MonthlyDay {
        every: u32,
        day: i8,
    },
}

impl Fast {
    /// The fast form of `body` (an RRULE value without UNTIL), if it is
    /// written exactly as the phrase parser writes it.
    pub(crate) fn new(body: &str, start: NaiveDate, until: Option<NaiveDate>) -> Option<Fast> {
        if !(-LAST_YEAR..=LAST_YEAR).contains(&start.year()) {
            return None;
        }
        let pattern = Pattern::from_rrule(body).filter(|p| p.to_rrule() == body)?;
        let shape = match pattern {
            Pattern::Daily { interval } => Shape::Daily {
                every: interval.into(),
            },
            Pattern::Weekly { interval, days } => Shape::Weekly {
                every: interval.into(),
                days: days
                    .iter()
                    .fold(0, |bits, d| bits | 1 << d.num_days_from_monday()),
            },
            Pattern::MonthlyNth { interval, nth, day } => Shape::MonthlyNth {
                every: interval.into(),
                nth,
                day,
            },
            Pattern::MonthlyDay { interval, day } => Shape::MonthlyDay {
                every: interval.into(),
                day,
            },
        };
        Some(Fast {
            shape,
            start,
            until,
        })
    }

    /// The first date on or after `from`.
    pub(crate) fn first_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        let from = from.max(self.start);
        let date = match self.shape {
            Shape::Daily { every } => {
                let days = (from - self.start).num_days().unsigned_abs();
                let steps = days.div_ceil(u64::from(every));
                self.start
                    .checked_add_days(Days::new(steps * u64::from(every)))
            }
            Shape::Weekly { every, days } => self.weekly_from(from, every, days),
            Shape::MonthlyNth { every, .. } | Shape::MonthlyDay { every, .. } => {
                let mut month = self.month_at_or_after(from, every)?;
                let mut found = None;
                for _ in 0..MONTH_STEPS {
                    match self.in_month(month) {
                        Some(date) if date >= from => {
                            found = Some(date);
                            break;
                        }
                        _ => month = month.checked_add_months(Months::new(every))?,
                    }
                    if month.year() > LAST_YEAR {
                        return None;
                    }
                }
                found
            }
        }?;
        self.keep(date)
    }

    /// The last date before `end`.
    pub(crate) fn last_before(&self, end: NaiveDate) -> Option<NaiveDate> {
        let end = match self.until {
            Some(until) if until < end => until.succ_opt()?,
            _ => end,
        };
        if end <= self.start {
            return None;
        }
        let last = end.pred_opt()?;
        let date = match self.shape {
            Shape::Daily { every } => {
                let days = (last - self.start).num_days().unsigned_abs();
                let steps = days / u64::from(every);
                self.start
                    .checked_add_days(Days::new(steps * u64::from(every)))
            }
            Shape::Weekly { every, days } => self.weekly_before(last, every, days),
            Shape::MonthlyNth { every, .. } | Shape::MonthlyDay { every, .. } => {
                let first_month = self.start.with_day(1)?;
                let months = month_index(last) - month_index(first_month);
                let back = months - months % i64::from(every);
                let mut month =
                    first_month.checked_add_months(Months::new(u32::try_from(back).ok()?))?;
                let mut found = None;
                for _ in 0..MONTH_STEPS {
                    match self.in_month(month) {
                        Some(date) if date <= last && date >= self.start => {
                            found = Some(date);
                            break;
                        }
                        _ if month <= first_month => break,
                        _ => month = month.checked_sub_months(Months::new(every))?,
                    }
                }
                found
            }
        }?;
        self.keep(date)
    }

    /// `date` if the rule may produce it (within UNTIL and rrule's years).
    fn keep(&self, date: NaiveDate) -> Option<NaiveDate> {
        let in_until = self.until.is_none_or(|u| date <= u);
        (in_until && date.year() <= LAST_YEAR).then_some(date)
    }

    /// The first weekly date on or after `from` (which is on or after the
    /// start).
    fn weekly_from(&self, from: NaiveDate, every: u32, days: u8) -> Option<NaiveDate> {
        let week0 = monday(self.start)?;
        let period = i64::from(every) * 7;
        let offset = (monday(from)? - week0).num_days();
        // The first week of the rule's on or after `from`'s week.
        let mut week = week0.checked_add_days(Days::new(
            u64::try_from(offset.div_euclid(period) * period).ok()?,
        ))?;
        let mut after = from;
        // That week, if it still has a day on or after `from`; else the next.
        for _ in 0..2 {
            for n in 0..7u8 {
                if days & (1 << n) != 0 {
                    let date = week.checked_add_days(Days::new(u64::from(n)))?;
                    if date >= after {
                        return Some(date);
                    }
                }
            }
            week = week.checked_add_days(Days::new(u64::try_from(period).ok()?))?;
            after = week;
        }
        None
    }

    /// The last weekly date on or before `last` (which is on or after the
    /// start), not before the start.
    fn weekly_before(&self, last: NaiveDate, every: u32, days: u8) -> Option<NaiveDate> {
        let week0 = monday(self.start)?;
        let period = i64::from(every) * 7;
        let offset = (monday(last)? - week0).num_days();
        let mut week = week0.checked_add_days(Days::new(
            u64::try_from(offset.div_euclid(period) * period).ok()?,
        ))?;
        let mut before = last;
        for _ in 0..2 {
            for n in (0..7u8).rev() {
                if days & (1 << n) != 0 {
                    let date = week.checked_add_days(Days::new(u64::from(n)))?;
                    if date <= before && date >= self.start {
                        return Some(date);
                    }
                }
            }
            if week <= week0 {
                return None;
            }
            week = week.checked_sub_days(Days::new(u64::try_from(period).ok()?))?;
            before = week.checked_add_days(Days::new(6))?;
        }
        None
    }

    /// The first day of the first month of the rule on or after `from`'s month.
    fn month_at_or_after(&self, from: NaiveDate, every: u32) -> Option<NaiveDate> {
        let first_month = self.start.with_day(1)?;
        let months = month_index(from) - month_index(first_month);
        let every = i64::from(every);
        let ahead = (months + every - 1).div_euclid(every) * every;
        first_month.checked_add_months(Months::new(u32::try_from(ahead).ok()?))
    }

    /// The rule's date in the month that starts on `first` (if that month has one).
    fn in_month(&self, first: NaiveDate) -> Option<NaiveDate> {
        let length = days_in_month(first)?;
        let day = match self.shape {
            Shape::MonthlyNth { nth, day, .. } => {
                let to_first =
                    (7 + day.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
                if nth > 0 {
                    1 + to_first + 7 * (u32::from(nth.unsigned_abs()) - 1)
                } else {
                    // The last such weekday: the first one plus whole weeks.
                    1 + to_first + 7 * ((length - 1 - to_first) / 7)
                }
            }
            Shape::MonthlyDay { day: -1, .. } => length,
            Shape::MonthlyDay { day, .. } => u32::from(day.unsigned_abs()),
            _ => return None,
        };
        (day <= length).then(|| first.with_day(day)).flatten()
    }
}

fn monday(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
}

fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

fn days_in_month(first: NaiveDate) -> Option<u32> {
    let next = first.checked_add_months(Months::new(1))?;
    u32::try_from((next - first).num_days()).ok()
}

#[cfg(test)]
mod tests;
