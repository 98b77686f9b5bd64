//! Instants as `YYYY-MM-DDTHH:MM:SSZ`, written digit by digit for the JSON
//! export's touch writer (`interop::json_write`), exactly as chrono's own
//! `Serialize` writes them. Whether that writer, and with it this helper,
//! earns its place is measured with the export (issue 15, branch
//! `store-sql`); the agenda's JSON (`today --json`, `list --json`) uses
//! chrono's serde since issue 15, at a cost within the budget (interleaved
//! medians at 10,000 contacts, stress mix: `today --json` 23.4 → 23.9 ms,
//! `export json` CPU 456 → 462 ms; see docs/performance.md).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

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
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Whatever it writes is what chrono's serde writes; it leaves to
        /// chrono only fractions of a second and years past 0–9999.
        #[test]
        fn instants_are_written_as_chrono_writes_them(
            secs in -70_000_000_000i64..300_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
        ) {
            let at = Utc.timestamp_opt(secs, nanos).unwrap();
            let chrono = serde_json::to_string(&at).unwrap();
            let mut buf = [0u8; 20];
            match instant_text(&at, &mut buf) {
                Some(text) => prop_assert_eq!(format!("\"{text}\""), chrono),
                None => prop_assert!(nanos != 0 || !(0..=9999).contains(&at.year())),
            }
        }
    }
}
