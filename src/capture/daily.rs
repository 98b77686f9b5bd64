//! Texts and chat messages counted by who and local day before they become
//! items: a backup of a million texts holds a few thousand (number, day)
//! pairs, and one touch per contact, channel and day is all they make. So a
//! reader keys a day's texts with one number as one item (`sms:+49…:2026-
//! 12-07:in`), which keeps capture quick and the database small; calls,
//! being few and rich, keep a key each.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

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

/// Records counted by [`DayOf`].
#[derive(Clone, Debug, Default)]
pub struct Daily {
    groups: HashMap<DayOf, Counted>,
}

impl Daily {
    pub fn add(&mut self, key: DayOf, at: DateTime<Utc>) {
        self.groups
            .entry(key)
            .and_modify(|c| {
                c.count += 1;
                c.first = c.first.min(at);
            })
            .or_insert(Counted {
                count: 1,
                first: at,
            });
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The groups by day, then who, leaving this empty.
    pub fn take(&mut self) -> Vec<(DayOf, Counted)> {
        let mut all: Vec<(DayOf, Counted)> = std::mem::take(&mut self.groups).into_iter().collect();
        all.sort_unstable_by_key(|(k, _)| *k);
        all
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
        let groups = daily.take();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].1.count, 3);
        assert_eq!(
            groups[0].1.first,
            Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
        );
        assert!(daily.is_empty());
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
