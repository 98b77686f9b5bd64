//! "Now" and local days. `DRAHT_NOW` (RFC 3339, a local date-time such as
//! `2026-12-07T09:00:00`, or `YYYY-MM-DD`) fixes now for tests and demos;
//! all day arithmetic is in the local time zone.

use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

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
