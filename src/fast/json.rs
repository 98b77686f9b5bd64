//! Serde helpers for the agenda's JSON: days and instants written exactly as
//! chrono's own `Serialize` writes them, but without its formatter, which
//! goes a character at a time and was a large part of `today --json` with
//! thousands of dates. Years outside 0–9999 and instants with fractions of
//! a second go through chrono.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Serialize, Serializer};

/// A day as `"YYYY-MM-DD"`.
pub fn day<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 10];
    match day_text(*day, &mut buf) {
        Some(text) => s.serialize_str(text),
        None => day.serialize(s),
    }
}

/// An instant as `"YYYY-MM-DDTHH:MM:SSZ"`.
pub fn instant<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 20];
    match instant_text(at, &mut buf) {
        Some(text) => s.serialize_str(text),
        None => at.serialize(s),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` into `buf`, as chrono's `Serialize` writes `at`
/// (without the quotes); `None` for years outside 0–9999 and instants with
/// a fraction of a second, which only chrono writes.
pub(crate) fn instant_text<'a>(at: &DateTime<Utc>, buf: &'a mut [u8; 20]) -> Option<&'a str> {
    let utc = at.naive_utc();
    if utc.time().nanosecond() != 0 {
        return None;
    }
    day_text(utc.date(), &mut buf[..])?;
    buf[10] = b'T';
    let time = utc.time();
    two(&mut buf[11..13], time.hour());
    buf[13] = b':';
    two(&mut buf[14..16], time.minute());
    buf[16] = b':';
    two(&mut buf[17..19], time.second());
    buf[19] = b'Z';
    std::str::from_utf8(&buf[..]).ok()
}

/// A time of day as `"HH:MM"`, or `null`.
pub fn hhmm<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        Some(t) => {
            let mut buf = [0u8; 5];
            two(&mut buf[0..2], t.hour());
            buf[2] = b':';
            two(&mut buf[3..5], t.minute());
            match std::str::from_utf8(&buf) {
                Ok(text) => s.serialize_str(text),
                Err(_) => s.serialize_str(&t.format("%H:%M").to_string()),
            }
        }
        None => s.serialize_none(),
    }
}

/// `YYYY-MM-DD` into `buf` for years 0–9999.
fn day_text(day: NaiveDate, buf: &mut [u8]) -> Option<&str> {
    let year = u32::try_from(day.year()).ok().filter(|y| *y <= 9999)?;
    two(&mut buf[0..2], year / 100);
    two(&mut buf[2..4], year % 100);
    buf[4] = b'-';
    two(&mut buf[5..7], day.month());
    buf[7] = b'-';
    two(&mut buf[8..10], day.day());
    std::str::from_utf8(&buf[..10]).ok()
}

fn two(out: &mut [u8], n: u32) {
    out[0] = b'0' + (n / 10 % 10) as u8;
    out[1] = b'0' + (n % 10) as u8;
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};
    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    struct Fast {
        #[serde(serialize_with = "day")]
        day: NaiveDate,
        #[serde(serialize_with = "instant")]
        at: DateTime<Utc>,
        #[serde(serialize_with = "hhmm")]
        time: Option<NaiveTime>,
    }

    #[derive(Serialize)]
    struct Chrono {
        day: NaiveDate,
        at: DateTime<Utc>,
        time: Option<String>,
    }

    proptest! {
        #[test]
        fn dates_and_instants_are_written_as_chrono_writes_them(
            secs in -70_000_000_000i64..300_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
            minutes in proptest::option::of(0u32..1440),
        ) {
            let at = Utc.timestamp_opt(secs, nanos).unwrap();
            let time = minutes.and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0));
            let fast = serde_json::to_string(&Fast { day: at.date_naive(), at, time }).unwrap();
            let chrono = serde_json::to_string(&Chrono {
                day: at.date_naive(),
                at,
                time: time.map(|t| t.format("%H:%M").to_string()),
            })
            .unwrap();
            prop_assert_eq!(fast, chrono);
        }
    }
}
