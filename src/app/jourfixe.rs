//! Jour fixe: where each standing appointment stands, the plans that keep
//! its contact off the overdue list, its calendar, and the commands that
//! add, skip and remove one.

use chrono::NaiveDate;

use crate::error::Result;
use crate::jourfixe::agenda::{Tracked, kept_window};
use crate::jourfixe::{Rule, Tz};
use crate::model::{Id, Plan};
use crate::schedule::Settings;
use crate::store::Tx;
use crate::store::jourfixe::{self as store, ToTrack};

/// The zone occurrences are computed in.
pub const TZ: Tz = Tz::LOCAL;

/// Every active Jour fixe of an active contact, tracked on `today`: its
/// kept days cover what the agenda asks ([`kept_window`]) and, when given,
/// the `calendar` days too — read by one index seek per Jour fixe over
/// both, and only where its contact has a `done` touch that recent.
pub fn tracked(
    tx: &Tx,
    today: NaiveDate,
    settings: &Settings,
    calendar: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<Tracked>> {
    track(tx, store::active_tracking(tx)?, today, settings, calendar)
}

/// [`tracked`] of the Jour fixe in `tracking` alone.
pub fn track(
    tx: &Tx,
    tracking: Vec<ToTrack>,
    today: NaiveDate,
    settings: &Settings,
    calendar: Option<(NaiveDate, NaiveDate)>,
) -> Result<Vec<Tracked>> {
    tracking
        .into_iter()
        .map(|t| {
            let rule = Rule::of(&t.jf, TZ);
            let (mut from, mut to) =
                kept_window(&rule, today, settings.week_start, settings.horizon_days);
            if let Some((first, last)) = calendar {
                from = from.min(first);
                to = to.max(last);
            }
            let kept_days = t.kept_days(tx, &rule.occurrences(from, to))?;
            Ok(Tracked {
                jf: t.jf,
                name: t.name,
                kept_days,
                rule,
            })
        })
        .collect()
}

/// The plans of every active Jour fixe (their next dates to hold), for
/// the check-ins of `list`, `export csv` and the Contacts tab. A plan is
/// the next occurrence still to hold, and the only `done` touch that moves
/// it is one on today's occurrence; so each Jour fixe asks for today's
/// kept day alone, and only when today is one of its dates. The same as
/// the plans of [`tracked`], which a test holds.
pub fn plans(tx: &Tx, today: NaiveDate) -> Result<Vec<Plan>> {
    let mut tracked = Vec::new();
    for active in store::active_tracking(tx)? {
        let rule = Rule::of(&active.jf, TZ);
        let kept_days = if rule.is_occurrence(today) {
            active.kept_days(tx, &[today])?
        } else {
            Vec::new()
        };
        tracked.push(Tracked {
            jf: active.jf,
            name: active.name,
            kept_days,
            rule,
        });
    }
    Ok(crate::jourfixe::agenda::plans(&tracked, today))
}

/// Every Jour fixe of one contact, active or not, tracked on `today`.
pub fn of_contact(
    tx: &Tx,
    contact: Id,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Vec<Tracked>> {
    let name = crate::store::contacts::get(tx, contact)?.name;
    let tracking = store::for_contact(tx, contact)?
        .into_iter()
        .map(|jf| ToTrack {
            jf,
            name: name.clone(),
            newest_done: Some(i64::MAX),
        })
        .collect();
    track(tx, tracking, today, settings, None)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::Channel;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// Occurrences come by date, then time (all-day first), then contact name,
    /// then Jour fixe id — whatever order the Jour fixe and contacts were made in.
    #[test]
    fn occurrences_sort_by_date_time_name_then_id() {
        use crate::jourfixe::agenda::{calendar, order};
        use crate::jourfixe::{Draft, parse_rule};
        use crate::model::Contact;
        use crate::schedule::Settings;
        use crate::store::{Store, contacts};
        use chrono::{TimeZone, Utc};

        let now = Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap();
        let mut db = Store::open_in_memory().expect("store");
        let jf = |tx: &Tx, who, rule: &str| {
            let spec = parse_rule(rule).expect("rule");
            let draft =
                Draft::new(spec, d(11, 2), Channel::Call, None, None, Tz::LOCAL).expect("draft");
            crate::store::jourfixe::add(tx, who, &draft, now).expect("add")
        };
        let ids = db
            .write(|tx| {
                let zora = contacts::insert(tx, &Contact::new("Zora", now), now)?;
                let anna = contacts::insert(tx, &Contact::new("Anna", now), now)?;
                let bo = contacts::insert(tx, &Contact::new("Bo", now), now)?;
                Ok([
                    jf(tx, zora, "weekly mon 10:00"),
                    jf(tx, anna, "weekly mon 10:00"),
                    jf(tx, zora, "weekly mon 09:00"),
                    jf(tx, bo, "weekly mon"),
                    jf(tx, anna, "weekly mon 10:00"),
                    jf(tx, bo, "weekly tue 08:00"),
                ])
            })
            .expect("write");
        let (from, to) = (d(11, 2), d(11, 10));
        let settings = Settings::default();
        let tracked = db
            .read(|tx| tracked(tx, from, &settings, Some((from, to))))
            .expect("tracked");
        let listed = calendar(&tracked, from, to, from);
        let got: Vec<(NaiveDate, &str, i64)> = listed
            .iter()
            .map(|o| (o.date, &*o.name, o.jourfixe_id))
            .collect();
        let week = |mon, tue| {
            [
                (mon, "Bo", ids[3]),
                (mon, "Zora", ids[2]),
                (mon, "Anna", ids[1]),
                (mon, "Anna", ids[4]),
                (mon, "Zora", ids[0]),
                (tue, "Bo", ids[5]),
            ]
        };
        let expected: Vec<_> = week(d(11, 2), d(11, 3))
            .into_iter()
            .chain(week(d(11, 9), d(11, 10)))
            .collect();
        assert_eq!(got, expected);
        // the comparator a reload sorts merged occurrences with agrees
        let mut resorted = listed.clone();
        resorted.reverse();
        resorted.sort_by(order);
        assert_eq!(resorted, listed);
    }
}
