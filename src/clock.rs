//! "Now" and local days. `DRAHT_NOW` (RFC 3339, a local date-time such as
//! `2026-12-07T09:00:00`, or `YYYY-MM-DD`) fixes now for tests and demos;
//! all day arithmetic is in the local time zone.

use chrono::{
    DateTime, Datelike, Local, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

use crate::error::{Error, Result};

/// The environment variable that fixes "now".
pub const NOW_VAR: &str = "DRAHT_NOW";

/// The local calendar day of an instant.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

/// Seconds in a day without a time-zone change.
pub const DAY_SECS: i64 = 86_400;

/// Days from 1970-01-01 to `date`: the UTC day number of its instants.
pub fn utc_day_number(date: NaiveDate) -> i64 {
    /// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
    const UNIX_EPOCH_CE: i32 = 719_163;
    i64::from(date.num_days_from_ce()) - i64::from(UNIX_EPOCH_CE)
}

/// [`local_day`] for many instants at once, as bulk loads need it: the
/// zone's offset is looked up once per UTC day and remembered, as long as
/// it is the same at both ends of that day (every day without a DST
/// change); on a day with a change every instant is looked up. Keep one
/// only as long as one load: it does not notice a change of time zone.
#[derive(Debug)]
pub struct LocalDays<Z: TimeZone = Local> {
    zone: Z,
    /// Direct-mapped, about eleven years: slot `day mod SLOTS` holds a UTC
    /// day number with what [`LocalDays::of`] needs for it.
    known: Vec<Known>,
}

/// What a [`LocalDays`] remembers of one UTC day.
#[derive(Copy, Clone, Debug)]
struct Known {
    /// The UTC day number (days since 1970).
    day: i64,
    /// The zone's offset in seconds, if one holds all that day.
    offset: Option<i32>,
    /// The calendar date of the UTC day.
    date: NaiveDate,
}

const SLOTS: i64 = 4096;

impl LocalDays<Local> {
    /// For the local time zone.
    pub fn new() -> LocalDays<Local> {
        LocalDays::in_zone(Local)
    }
}

impl Default for LocalDays<Local> {
    fn default() -> Self {
        LocalDays::new()
    }
}

impl<Z: TimeZone> LocalDays<Z> {
    pub fn in_zone(zone: Z) -> LocalDays<Z> {
        LocalDays {
            zone,
            known: Vec::new(),
        }
    }

    /// The calendar day of `at` in the zone (for the local zone: what
    /// [`local_day`] gives). With the offset of a day known, the local
    /// day is the UTC one or a neighbour: integer arithmetic only.
    pub fn of(&mut self, at: DateTime<Utc>) -> NaiveDate {
        let secs = at.timestamp();
        let day = secs.div_euclid(DAY_SECS);
        if self.known.is_empty() {
            let empty = Known {
                day: i64::MIN,
                offset: None,
                date: NaiveDate::MIN,
            };
            self.known = vec![empty; SLOTS as usize];
        }
        let slot = usize::try_from(day.rem_euclid(SLOTS)).unwrap_or(0);
        let known = match self.known[slot] {
            k if k.day == day => k,
            _ => {
                let k = Known {
                    day,
                    offset: self.whole_day_offset(day),
                    date: at.date_naive(),
                };
                self.known[slot] = k;
                k
            }
        };
        let local = known
            .offset
            .map(|offset| (secs + i64::from(offset)).div_euclid(DAY_SECS) - day);
        match local {
            Some(0) => known.date,
            Some(1) => known.date.succ_opt().unwrap_or_else(|| self.exact(at)),
            Some(-1) => known.date.pred_opt().unwrap_or_else(|| self.exact(at)),
            _ => self.exact(at),
        }
    }

    fn exact(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone).date_naive()
    }

    /// The zone's UTC offset on UTC day `day` (days since 1970), when it is
    /// the same at the day's first and last second.
    fn whole_day_offset(&self, day: i64) -> Option<i32> {
        let start = day.checked_mul(86_400)?;
        let first = DateTime::from_timestamp(start, 0)?;
        let last = DateTime::from_timestamp(start.checked_add(86_399)?, 0)?;
        let offset = |t: DateTime<Utc>| {
            self.zone
                .offset_from_utc_datetime(&t.naive_utc())
                .fix()
                .local_minus_utc()
        };
        let at_start = offset(first);
        (at_start == offset(last)).then_some(at_start)
    }
}

/// Reads "now" from `DRAHT_NOW` if set, else the system clock.
pub fn now() -> Result<DateTime<Utc>> {
    match std::env::var(NOW_VAR) {
        Ok(value) if !value.trim().is_empty() => parse_now(&value),
        _ => Ok(Utc::now()),
    }
}

/// Parses a `DRAHT_NOW` value: RFC 3339; a local date-time without an
/// offset, as people type it (`2026-12-07T09:00:00`, `2026-12-07 09:00`;
/// the earlier instant in a DST fold, the hour after a DST gap); or a bare
/// date, which means noon local time that day.
pub fn parse_now(value: &str) -> Result<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(value) {
        return Ok(at.with_timezone(&Utc));
    }
    const LOCAL: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ];
    if let Some(naive) = LOCAL
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
    {
        return Ok(from_local(naive));
    }
    if let Ok(day) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
        if let Some(at) = Local.from_local_datetime(&noon).earliest() {
            return Ok(at.with_timezone(&Utc));
        }
    }
    Err(Error::input(crate::t!(
        "error-now",
        var = NOW_VAR,
        value = format!("{value:?}")
    )))
}

/// Local wall-clock time of an instant.
pub fn local(at: DateTime<Utc>) -> DateTime<Local> {
    at.with_timezone(&Local)
}

/// The instant of a local wall-clock time (the earlier one in a DST fold,
/// the hour after a DST gap).
pub fn from_local(naive: chrono::NaiveDateTime) -> DateTime<Utc> {
    match Local.from_local_datetime(&naive) {
        chrono::LocalResult::Single(at) => at.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
        chrono::LocalResult::None => {
            let later = naive + chrono::Duration::hours(1);
            Local
                .from_local_datetime(&later)
                .earliest()
                .map(|at| at.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&naive))
        }
    }
}

#[cfg(test)]
mod now_tests {
    use chrono::{DateTime, Utc};

    use super::{from_local, parse_now};

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_local_date_time_means_that_wall_clock_time_here() {
        let nine = chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        for typed in [
            "2026-12-07T09:00:00",
            "2026-12-07T09:00",
            "2026-12-07 09:00:00",
            " 2026-12-07 09:00 ",
        ] {
            assert_eq!(parse_now(typed).unwrap(), from_local(nine), "{typed:?}");
        }
        assert_eq!(
            parse_now("2026-12-07T09:00:00+01:00").unwrap(),
            utc("2026-12-07T08:00:00Z")
        );
        assert_eq!(
            parse_now("2026-12-07T09:00:00Z").unwrap(),
            utc("2026-12-07T09:00:00Z")
        );
    }

    #[test]
    fn what_is_no_time_says_which_forms_are() {
        for bad in [
            "2026-12-07T25:00:00",
            "monday",
            "2026-13-01",
            "07.12.2026 09:00",
        ] {
            let err = parse_now(bad).unwrap_err().to_string();
            assert!(err.contains("2026-11-20T09:00:00"), "{bad}: {err}");
            assert!(err.contains(bad.trim()), "{bad}: {err}");
        }
    }
}

#[cfg(test)]
mod local_days_tests {
    use chrono::{DateTime, TimeZone, Utc};
    use proptest::prelude::*;
    use rrule::Tz;

    use super::LocalDays;

    #[test]
    fn instants_around_a_dst_change_keep_their_local_day() {
        // Berlin springs forward at 01:00 UTC on 29 March 2026 and falls
        // back at 01:00 UTC on 25 October 2026.
        let mut days = LocalDays::in_zone(Tz::Europe__Berlin);
        for (utc, local) in [
            ("2026-03-28T22:59:59Z", "2026-03-28"),
            ("2026-03-28T23:00:00Z", "2026-03-29"),
            ("2026-03-29T22:00:00Z", "2026-03-30"),
            ("2026-03-29T21:59:59Z", "2026-03-29"),
            ("2026-10-24T22:00:00Z", "2026-10-25"),
            ("2026-10-25T22:59:59Z", "2026-10-25"),
            ("2026-10-25T23:00:00Z", "2026-10-26"),
        ] {
            let at = DateTime::parse_from_rfc3339(utc)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(days.of(at).to_string(), local, "{utc}");
        }
    }

    proptest! {
        #[test]
        fn cached_days_equal_a_fresh_lookup(secs in proptest::collection::vec(-4_000_000_000i64..8_000_000_000, 1..200)) {
            for zone in [Tz::Europe__Berlin, Tz::Pacific__Auckland, Tz::America__Los_Angeles, Tz::UTC] {
                let mut days = LocalDays::in_zone(zone);
                for &s in &secs {
                    let at = Utc.timestamp_opt(s, 0).unwrap();
                    prop_assert_eq!(days.of(at), at.with_timezone(&zone).date_naive());
                }
            }
        }
    }
}
