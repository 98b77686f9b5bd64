//! Texts and chat messages counted by who and local day before they become
//! items: a backup of a million texts holds a few thousand (number, day)
//! pairs, and one touch per contact, channel and day is all they make. So a
//! reader keys a day's texts with one number as one item (`sms:+49…:2026-
//! 12-07:in`), which keeps capture quick and the database small; calls,
//! being few and rich, keep a key each.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// One group: who (an index the reader gives out), the local day, and
/// whether the user wrote.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayOf {
    pub day: NaiveDate,
    pub who: u32,
    pub sent: bool,
}

/// How many records a group holds and when its first was.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Counted {
    pub count: u32,
    pub first: DateTime<Utc>,
}

/// Records counted by [`DayOf`], packed: a big backup has hundreds of
/// thousands of groups (bench/phone.sh: 600,000 for a million texts), and
/// a `HashMap<DayOf, Counted>` — its doubling, with old and new table alive
/// at once, and the sorted copy `take` made — was 46 MB of a 66 MB peak.
/// A B-tree of 16-byte entries (the group as one `u64` in [`DayOf`]'s
/// order; the first record as milliseconds from the day's midnight, and
/// the count) grows a node at a time, is sorted already and frees its
/// nodes as it is taken.
#[derive(Clone, Debug, Default)]
pub struct Daily {
    groups: BTreeMap<u64, (i32, u32)>,
}

/// Days are kept from this bias, so that any `NaiveDate` packs.
const DAY_BIAS: i64 = 1 << 31;

fn pack(key: DayOf) -> u64 {
    let day = (i64::from(key.day.num_days_from_ce()) + DAY_BIAS) as u64;
    // An interned index: fewer than 2^31 numbers are ever in memory.
    let who = u64::from(key.who & 0x7fff_ffff);
    (day << 32) | (who << 1) | u64::from(key.sent)
}

fn unpack(key: u64) -> DayOf {
    let day = ((key >> 32) as i64 - DAY_BIAS) as i32;
    DayOf {
        day: NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default(),
        who: ((key >> 1) & 0x7fff_ffff) as u32,
        sent: key & 1 == 1,
    }
}

/// Midnight (UTC) of a day, in milliseconds: a local day's records lie
/// within a day or so of it, so their offset from it fits an `i32`.
fn midnight_ms(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp_millis()
}

impl Daily {
    pub fn add(&mut self, key: DayOf, at: DateTime<Utc>) {
        let offset = at.timestamp_millis() - midnight_ms(key.day);
        let offset = offset.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        self.groups
            .entry(pack(key))
            .and_modify(|(first, count)| {
                *count = count.saturating_add(1);
                *first = (*first).min(offset);
            })
            .or_insert((offset, 1));
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The groups by day, then who, leaving this empty.
    pub fn take(&mut self) -> impl Iterator<Item = (DayOf, Counted)> + use<> {
        std::mem::take(&mut self.groups)
            .into_iter()
            .map(|(key, (first, count))| {
                let key = unpack(key);
                let at = midnight_ms(key.day) + i64::from(first);
                let first = DateTime::from_timestamp_millis(at).unwrap_or_default();
                (key, Counted { count, first })
            })
    }
}

/// Names handed out as small numbers, in the order first seen.
#[derive(Clone, Debug, Default)]
pub struct Interned {
    index: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interned {
    pub fn id(&mut self, name: &str) -> u32 {
        if let Some(id) = self.index.get(name) {
            return *id;
        }
        let id = self.names.len() as u32;
        self.index.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }

    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_days_texts_are_one_group() {
        let mut daily = Daily::default();
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let key = DayOf {
            day,
            who: 0,
            sent: false,
        };
        for hour in [18, 9, 12] {
            daily.add(key, Utc.with_ymd_and_hms(2026, 12, 7, hour, 0, 0).unwrap());
        }
        daily.add(
            DayOf { sent: true, ..key },
            Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap(),
        );
        let groups: Vec<_> = daily.take().collect();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].1.count, 3);
        assert_eq!(
            groups[0].1.first,
            Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
        );
        assert!(daily.is_empty());
    }

    #[test]
    fn groups_come_out_as_they_went_in_sorted_by_day_who_and_side() {
        let mut daily = Daily::default();
        let mut added = Vec::new();
        for (y, m, d, who, sent) in [
            (2026, 12, 7, 3, true),
            (1969, 12, 31, 0, false),
            (-5, 1, 1, 1, true),
            (2026, 12, 7, 2_000_000_000, false),
            (2026, 12, 6, 7, false),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let key = DayOf { day, who, sent };
            // The first record late in the local day, east of UTC.
            let at = day.and_hms_milli_opt(22, 59, 59, 123).unwrap().and_utc()
                + chrono::Duration::hours(1);
            daily.add(key, at);
            daily.add(key, at + chrono::Duration::hours(1));
            added.push((
                key,
                Counted {
                    count: 2,
                    first: at,
                },
            ));
        }
        added.sort_by_key(|(k, _)| *k);
        assert_eq!(daily.take().collect::<Vec<_>>(), added);
    }

    #[test]
    fn names_are_numbered_once() {
        let mut names = Interned::default();
        assert_eq!(names.id("+49170"), 0);
        assert_eq!(names.id("+43664"), 1);
        assert_eq!(names.id("+49170"), 0);
        assert_eq!(names.name(1), "+43664");
        assert_eq!(names.len(), 2);
    }
}
