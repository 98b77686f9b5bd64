//! Jour fixe: where each standing appointment stands, the plans that keep
//! its contact off the overdue list, its calendar, and the commands that
//! add, skip and remove one.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use super::Who;
use crate::error::Result;
use crate::jourfixe::agenda::{Occurrence, Tracked, hhmm, kept_window};
use crate::jourfixe::{Draft, JourFixe, Rule, Tz, next_dates};
use crate::model::{Channel, Id, Plan};
use crate::schedule::Settings;
use crate::store::jourfixe::{self as store, ToTrack};
use crate::store::{Store, Tx};

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
    track_in(tx, tracking, today, settings, calendar, TZ)
}

/// [`track`] with occurrences in the zone `tz`.
pub(crate) fn track_in(
    tx: &Tx,
    tracking: Vec<ToTrack>,
    today: NaiveDate,
    settings: &Settings,
    calendar: Option<(NaiveDate, NaiveDate)>,
    tz: Tz,
) -> Result<Vec<Tracked>> {
    tracking
        .into_iter()
        .map(|t| {
            let rule = Rule::of(&t.jf, tz);
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
    // The kept days are always looked up: a paused Jour fixe has no
    // summary shortcut to trust, and one contact's are a few seeks.
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

/// One Jour fixe as `jourfixe list --json` and `show --json` print it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub id: Id,
    pub contact_id: Id,
    pub name: String,
    /// The rule in words.
    pub rule: String,
    /// The RFC 5545 RRULE value.
    pub rrule: String,
    pub start: NaiveDate,
    #[serde(serialize_with = "hhmm")]
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    pub active: bool,
    pub skipped: Vec<NaiveDate>,
    /// The next date still to hold.
    pub next: Option<NaiveDate>,
    /// The latest date with an outcome, and the outcome.
    pub last: Option<Occurrence>,
}

impl Listed {
    /// Where `t` stands on `today`, as listed.
    pub fn of(t: &Tracked, today: NaiveDate) -> Listed {
        let s = t.standing(today);
        let jf = &t.jf;
        Listed {
            id: jf.id,
            contact_id: jf.contact_id,
            name: t.name.clone(),
            rule: jf.describe(),
            rrule: jf.rrule.clone(),
            start: jf.start,
            time: jf.time,
            duration_minutes: jf.duration_minutes,
            channel: jf.channel,
            note: jf.note.clone(),
            active: jf.active,
            skipped: jf.skipped.clone(),
            next: s.next,
            last: s.last,
        }
    }
}

/// Up to `n` dates of `t` still to hold, from the next one on.
pub fn upcoming(t: &Tracked, today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    match t.standing(today).next {
        Some(next) => next_dates(&t.jf, next, n, TZ),
        None => Vec::new(),
    }
}

/// Records `draft` as a new Jour fixe with `who`; returns it tracked.
pub fn add(
    s: &mut Store,
    who: Who,
    draft: &Draft,
    today: NaiveDate,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Tracked> {
    s.write(|tx| {
        let contact = who.contact(tx)?;
        let id = store::add(tx, contact.id, draft, now)?;
        one(tx, id, today, settings)
    })
}

/// Every active Jour fixe of an active contact, tracked on `today`.
pub fn list(s: &mut Store, today: NaiveDate, settings: &Settings) -> Result<Vec<Tracked>> {
    s.read(|tx| tracked(tx, today, settings, None))
}

/// Skips the occurrence on `date` (only a date the rule falls on); returns
/// the Jour fixe tracked.
pub fn skip(
    s: &mut Store,
    id: Id,
    date: NaiveDate,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Tracked> {
    s.write(|tx| {
        store::skip(tx, id, date, TZ)?;
        one(tx, id, today, settings)
    })
}

/// Takes `date` off the skip list of Jour fixe `id` again (the TUI's undo
/// of a skip); returns it tracked.
pub fn unskip(
    s: &mut Store,
    id: Id,
    date: NaiveDate,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Tracked> {
    s.write(|tx| {
        store::unskip(tx, id, date)?;
        one(tx, id, today, settings)
    })
}

/// Writes `jf`'s rule, first date, time, channel, length and note back
/// over the stored Jour fixe of its id (the TUI's undo of a change, with
/// the record [`super::jourfixe_edit::edit`] handed back); returns it tracked.
pub fn put_back(
    s: &mut Store,
    jf: &JourFixe,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Tracked> {
    s.write(|tx| {
        store::update(tx, jf)?;
        one(tx, jf.id, today, settings)
    })
}

/// Records a deleted Jour fixe again, as it was with its skipped dates
/// (under a new id); returns it tracked.
pub fn restore(
    s: &mut Store,
    jf: &JourFixe,
    today: NaiveDate,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Tracked> {
    s.write(|tx| {
        let id = store::insert(tx, jf, now)?;
        one(tx, id, today, settings)
    })
}

/// Deletes Jour fixe `id` (its touches stay); returns it as it was, with
/// its contact's name.
pub fn remove(s: &mut Store, id: Id) -> Result<(JourFixe, String)> {
    s.write(|tx| {
        let jf = store::get(tx, id)?;
        let name = crate::store::contacts::get(tx, jf.contact_id)?.name;
        store::delete(tx, id)?;
        Ok((jf, name))
    })
}

/// Jour fixe `id`, tracked on `today`.
pub(crate) fn one(tx: &Tx, id: Id, today: NaiveDate, settings: &Settings) -> Result<Tracked> {
    one_in(tx, store::get(tx, id)?, today, settings, TZ)
}

/// The Jour fixe `jf`, tracked on `today` in the zone `tz`.
pub(crate) fn one_in(
    tx: &Tx,
    jf: JourFixe,
    today: NaiveDate,
    settings: &Settings,
    tz: Tz,
) -> Result<Tracked> {
    let name = crate::store::contacts::get(tx, jf.contact_id)?.name;
    let tracking = ToTrack {
        jf,
        name,
        newest_done: Some(i64::MAX),
    };
    let mut one = track_in(tx, vec![tracking], today, settings, None, tz)?;
    Ok(one.remove(0))
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::jourfixe::parse_rule;
    use crate::model::{Contact, Outcome, Touch};
    use crate::store::{Store, contacts, touches};

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

    /// `plans` asks only for today's kept day; the plans must still be
    /// those of the fully tracked Jour fixe, on every day around kept,
    /// missed, skipped and paused dates.
    #[test]
    fn plans_equal_the_plans_of_the_fully_tracked() {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let from = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let rules = [
            "weekly mon 10:00",
            "weekly sun 23:30",
            "every 2nd tue",
            "every 2 weeks on fri",
            "daily",
        ];
        store
            .write(|tx| {
                for (i, rule) in rules.iter().enumerate() {
                    let id = contacts::insert(tx, &Contact::new(format!("P{i}"), now), now)?;
                    let spec = parse_rule(rule).unwrap();
                    let draft = Draft::new(spec, from, Channel::Call, None, None, TZ).unwrap();
                    let jf = store::add(tx, id, &draft, now)?;
                    // done and missed touches at noon and near midnight
                    for day in (0..40).filter(|d| (d + i as i64) % 3 != 0) {
                        let at = now + Duration::days(day) + Duration::hours((day % 3) * 7);
                        let outcome = match day % 4 {
                            0 => Outcome::Missed,
                            _ => Outcome::Done,
                        };
                        let touch = Touch {
                            id: 0,
                            at,
                            channel: Channel::Call,
                            note: None,
                            outcome,
                            rating: None,
                            hook_id: None,
                            participants: vec![id],
                            captured: Vec::new(),
                        };
                        touches::insert(tx, &touch, now)?;
                    }
                    for date in next_dates(&store::get(tx, jf)?, from, 6, TZ)
                        .iter()
                        .step_by(2)
                    {
                        store::skip(tx, jf, *date, TZ)?;
                    }
                    if i == 3 {
                        store::set_active(tx, jf, false)?;
                    }
                }
                // an archived contact's Jour fixe plans nothing
                let mut gone = Contact::new("Gone", now);
                gone.archived = true;
                let gone = contacts::insert(tx, &gone, now)?;
                let spec = parse_rule("weekly wed").unwrap();
                let draft = Draft::new(spec, from, Channel::Call, None, None, TZ).unwrap();
                store::add(tx, gone, &draft, now)?;
                Ok(())
            })
            .unwrap();
        let mut some = 0;
        for day in 0..50 {
            let today = from + chrono::Days::new(day);
            let (fast, full) = store
                .read(|tx| {
                    let full = tracked(tx, today, &Settings::default(), None)?;
                    Ok((
                        plans(tx, today)?,
                        crate::jourfixe::agenda::plans(&full, today),
                    ))
                })
                .unwrap();
            assert_eq!(fast, full, "on {today}");
            some += fast.len();
        }
        assert!(some > 100, "{some} plans in all");
    }

    /// A change taken back: the record `jourfixe_edit::edit` hands back
    /// as it was goes back whole, start included; a skip taken back is gone.
    #[test]
    fn a_change_and_a_skip_are_put_back_as_they_were() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let today = d(12, 1);
        let settings = Settings::default();
        let mut s = Store::open_in_memory().unwrap();
        let anna = s
            .write(|tx| contacts::insert(tx, &Contact::new("Anna", now), now))
            .unwrap();
        let draft = Draft::new(
            parse_rule("every other sun 18:00").unwrap(),
            today,
            Channel::Call,
            None,
            None,
            TZ,
        )
        .unwrap();
        let t = add(&mut s, Who::Id(anna), &draft, today, &settings, now).unwrap();
        let id = t.jf.id;
        let change = super::super::jourfixe_edit::Change {
            rule: Some(parse_rule("weekly sat 17:00").unwrap()),
            duration_minutes: Some(Some(45)),
            ..Default::default()
        };
        let edited =
            super::super::jourfixe_edit::edit(&mut s, id, &change, d(12, 9), &settings, TZ)
                .unwrap();
        assert_eq!(edited.before, t.jf);
        assert_ne!(edited.tracked.jf.start, t.jf.start);
        let back = put_back(&mut s, &edited.before, today, &settings).unwrap();
        assert_eq!(back.jf, t.jf);
        skip(&mut s, id, t.jf.start, today, &settings).unwrap();
        let t = unskip(&mut s, id, t.jf.start, today, &settings).unwrap();
        assert!(t.jf.skipped.is_empty());
    }
}
