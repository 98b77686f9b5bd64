//! One touch per contact, channel, outcome and local day: twelve mails
//! with Anna on Tuesday are one e-mail touch on Tuesday, holding twelve
//! items. What a day's touch is made of: how many items, and when the
//! first of them was (the touch's time).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Channel, Id, Outcome};

/// What makes two items the same touch.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayKey {
    pub contact: Id,
    pub day: NaiveDate,
    pub channel: Channel,
    pub outcome: Outcome,
}

/// The items of one day's touch.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub items: u32,
    pub first: DateTime<Utc>,
}

/// Items grouped into the day touches they make, in key order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Days {
    groups: BTreeMap<DayKey, Group>,
}

impl Days {
    /// Counts one item at `at` (on local day `day`) for `key`'s touch.
    pub fn add(&mut self, key: DayKey, at: DateTime<Utc>) {
        self.groups
            .entry(key)
            .and_modify(|g| {
                g.items += 1;
                g.first = g.first.min(at);
            })
            .or_insert(Group {
                items: 1,
                first: at,
            });
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// The groups, in key order, leaving this empty.
    pub fn take(&mut self) -> Vec<(DayKey, Group)> {
        std::mem::take(&mut self.groups).into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn twelve_mails_on_a_day_are_one_touch_of_twelve() {
        let mut days = Days::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 10).unwrap();
        let key = DayKey {
            contact: 1,
            day,
            channel: Channel::Email,
            outcome: Outcome::Done,
        };
        for hour in (8..20).rev() {
            days.add(key, Utc.with_ymd_and_hms(2026, 11, 10, hour, 0, 0).unwrap());
        }
        days.add(
            DayKey {
                channel: Channel::Meet,
                ..key
            },
            Utc.with_ymd_and_hms(2026, 11, 10, 12, 0, 0).unwrap(),
        );
        days.add(
            DayKey {
                day: day.succ_opt().unwrap(),
                ..key
            },
            Utc.with_ymd_and_hms(2026, 11, 11, 9, 0, 0).unwrap(),
        );
        let groups = days.take();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].1.items, 12);
        assert_eq!(
            groups[0].1.first,
            Utc.with_ymd_and_hms(2026, 11, 10, 8, 0, 0).unwrap()
        );
        assert!(days.is_empty());
    }
}
