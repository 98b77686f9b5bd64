use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, Weekday};

use super::*;
use crate::jourfixe::Rule;
use crate::jourfixe::agenda::{Tracked, kept_window};
use crate::model::{Channel, Contact, Outcome, Sphere, Touch};
use crate::store::{Store, contacts, touches};

/// Every active Jour fixe tracked on `today` in `tz`, from the store's
/// pieces as `app::jourfixe::tracked` puts them together.
fn tracked(
    conn: &Connection,
    today: NaiveDate,
    week_start: Weekday,
    horizon_days: u32,
    tz: Tz,
) -> Result<Vec<Tracked>> {
    active_tracking(conn)?
        .into_iter()
        .map(|t| {
            let rule = Rule::of(&t.jf, tz);
            let (from, to) = kept_window(&rule, today, week_start, horizon_days);
            let kept_days = t.kept_days(conn, &rule.occurrences(from, to))?;
            Ok(Tracked {
                jf: t.jf,
                name: t.name,
                kept_days,
                rule,
            })
        })
        .collect()
}

/// [`tracked`] of the one Jour fixe `jf`.
fn track(
    conn: &Connection,
    jf: JourFixe,
    today: NaiveDate,
    week_start: Weekday,
    horizon_days: u32,
    tz: Tz,
) -> Result<Tracked> {
    let all = tracked(conn, today, week_start, horizon_days, tz)?;
    Ok(all
        .into_iter()
        .find(|t| t.jf.id == jf.id)
        .expect("an active Jour fixe"))
}

const BERLIN: Tz = Tz::Europe__Berlin;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap()
}

fn person(store: &mut Store, name: &str) -> Id {
    let contact = Contact {
        sphere: Sphere::Work,
        cadence_days: Some(14),
        ..Contact::new(name, now())
    };
    store
        .write(|tx| contacts::insert(tx, &contact, now()))
        .unwrap()
}

/// "every 2nd tue 10:00" from Tue 10 Nov 2026, 30 minutes, a video call.
fn second_tuesday(contact: Id) -> JourFixe {
    JourFixe {
        id: 0,
        contact_id: contact,
        start: d(2026, 11, 10),
        rrule: "FREQ=MONTHLY;BYDAY=2TU".into(),
        time: NaiveTime::from_hms_opt(10, 0, 0),
        duration_minutes: Some(30),
        channel: Channel::Video,
        note: Some("  roadmap sync ".into()),
        active: true,
        skipped: vec![d(2026, 12, 8)],
    }
}

#[test]
fn a_jourfixe_reads_back_as_written() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let jf = store
        .write(|tx| {
            let id = insert(tx, &second_tuesday(anna), now())?;
            get(tx, id)
        })
        .unwrap();
    assert_eq!(
        jf,
        JourFixe {
            id: jf.id,
            note: Some("roadmap sync".into()),
            ..second_tuesday(anna)
        }
    );
    let all_day = JourFixe {
        time: None,
        duration_minutes: None,
        note: None,
        skipped: Vec::new(),
        ..second_tuesday(anna)
    };
    let back = store
        .write(|tx| {
            let id = insert(tx, &all_day, now())?;
            get(tx, id)
        })
        .unwrap();
    assert_eq!(
        (back.time, back.duration_minutes, back.note),
        (None, None, None)
    );
}

#[test]
fn only_a_real_occurrence_can_be_skipped_and_the_error_names_real_dates() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let id = store
        .write(|tx| insert(tx, &second_tuesday(anna), now()))
        .unwrap();
    let err = store
        .write(|tx| skip(tx, id, d(2026, 12, 9), BERLIN))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "Wed 9 Dec 2026 is not a date of Jour fixe #{id} (the 2nd Tuesday of every month at 10:00); \
             the nearest are Tue 8 Dec 2026, Tue 12 Jan 2027, Tue 9 Feb 2027"
        )
    );
    let jf = store
        .write(|tx| skip(tx, id, d(2027, 1, 12), BERLIN))
        .unwrap();
    assert_eq!(jf.skipped, [d(2026, 12, 8), d(2027, 1, 12)]);
    // twice is fine
    let again = store
        .write(|tx| skip(tx, id, d(2027, 1, 12), BERLIN))
        .unwrap();
    assert_eq!(again.skipped, jf.skipped);
    let undone = store.write(|tx| unskip(tx, id, d(2026, 12, 8))).unwrap();
    assert_eq!(undone.skipped, [d(2027, 1, 12)]);
    assert!(store.write(|tx| unskip(tx, id, d(2026, 12, 8))).is_err());
}

#[test]
fn removing_the_contact_removes_its_jourfixe() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let id = store
        .write(|tx| insert(tx, &second_tuesday(anna), now()))
        .unwrap();
    store.write(|tx| contacts::delete(tx, anna)).unwrap();
    let err = store.read(|tx| get(tx, id)).unwrap_err().to_string();
    assert!(err.contains("no Jour fixe"), "{err}");
    let skips: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM jourfixe_skips", [], |r| r.get(0))
        .unwrap();
    assert_eq!(skips, 0);
}

#[test]
fn tracking_leaves_out_paused_and_archived_and_finds_kept_days() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let ben = person(&mut store, "Ben Okafor");
    let (kept, paused) = store
        .write(|tx| {
            let kept = insert(tx, &second_tuesday(anna), now())?;
            let paused = insert(tx, &second_tuesday(anna), now())?;
            set_active(tx, paused, false)?;
            insert(tx, &second_tuesday(ben), now())?;
            let mut ben_c = contacts::get(tx, ben)?;
            ben_c.archived = true;
            contacts::update(tx, &ben_c, now())?;
            // a call with Anna on the November occurrence
            let touch = Touch::new(
                Utc.with_ymd_and_hms(2026, 11, 10, 9, 5, 0).unwrap(),
                Channel::Call,
                Outcome::Done,
                vec![anna],
            );
            touches::insert(tx, &touch, now())?;
            Ok((kept, paused))
        })
        .unwrap();
    let all = store
        .read(|tx| tracked(tx, d(2026, 11, 25), Weekday::Mon, 0, BERLIN))
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].jf.id, kept);
    assert_eq!(all[0].name, "Anna Schmidt");
    assert_eq!(all[0].kept_days, [d(2026, 11, 10)]);
    assert!(!store.read(|tx| get(tx, paused)).unwrap().active);
    store.write(|tx| delete(tx, paused)).unwrap();
    assert!(store.write(|tx| delete(tx, paused)).is_err());
}

/// Any `done` touch keeps an occurrence, a written one too, and a newer
/// touch does not hide an older kept day; a missed call keeps nothing.
#[test]
fn kept_days_count_every_done_touch_whatever_came_after() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let ben = person(&mut store, "Ben Okafor");
    let cara = person(&mut store, "Cara Diaz");
    let at = |day: u32, hour: u32| Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap();
    let touch = |who: Id, when, channel, outcome| Touch::new(when, channel, outcome, vec![who]);
    store
        .write(|tx| {
            for who in [anna, ben, cara] {
                insert(tx, &second_tuesday(who), now())?;
            }
            let log = [
                // Anna: the video call on the day, an e-mail ten days later
                touch(anna, at(10, 9), Channel::Video, Outcome::Done),
                touch(anna, at(20, 12), Channel::Email, Outcome::Done),
                // Ben: only an e-mail, on the day
                touch(ben, at(10, 15), Channel::Email, Outcome::Done),
                // Cara: a call the week before, a missed one on the day
                touch(cara, at(3, 9), Channel::Call, Outcome::Done),
                touch(cara, at(10, 9), Channel::Call, Outcome::Missed),
            ];
            for t in &log {
                touches::insert(tx, t, now())?;
            }
            Ok(())
        })
        .unwrap();
    let all = store
        .read(|tx| tracked(tx, d(2026, 11, 25), Weekday::Mon, 0, BERLIN))
        .unwrap();
    let kept: Vec<(&str, &[NaiveDate])> = all
        .iter()
        .map(|t| (t.name.as_str(), t.kept_days.as_slice()))
        .collect();
    let nov_10 = [d(2026, 11, 10)];
    assert_eq!(
        kept,
        [
            ("Anna Schmidt", &nov_10[..]),
            ("Ben Okafor", &nov_10[..]),
            ("Cara Diaz", &[][..])
        ]
    );
    // One Jour fixe tracked alone agrees.
    let jf = all[1].jf.clone();
    let alone = store
        .read(|tx| track(tx, jf, d(2026, 11, 25), Weekday::Mon, 0, BERLIN))
        .unwrap();
    assert_eq!(alone.kept_days, nov_10);
}

#[test]
fn tracking_gives_each_jourfixe_its_own_name_and_skipped_dates() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let ben = person(&mut store, "Ben Okafor");
    let cara = person(&mut store, "Cara Diaz");
    let ids = store
        .write(|tx| {
            let weekly = |contact, skipped: Vec<NaiveDate>| JourFixe {
                rrule: "FREQ=WEEKLY;BYDAY=WE".into(),
                start: d(2026, 11, 4),
                skipped,
                ..second_tuesday(contact)
            };
            let paused = insert(tx, &weekly(ben, vec![d(2026, 11, 18)]), now())?;
            set_active(tx, paused, false)?;
            let a = insert(
                tx,
                &weekly(anna, vec![d(2026, 11, 11), d(2026, 11, 25)]),
                now(),
            )?;
            let b = insert(tx, &weekly(ben, vec![]), now())?;
            let c = insert(tx, &weekly(cara, vec![d(2026, 12, 2)]), now())?;
            Ok([a, b, c])
        })
        .unwrap();
    let all = store
        .read(|tx| tracked(tx, d(2026, 11, 25), Weekday::Mon, 0, BERLIN))
        .unwrap();
    let got: Vec<(Id, &str, &[NaiveDate])> = all
        .iter()
        .map(|t| (t.jf.id, t.name.as_str(), t.jf.skipped.as_slice()))
        .collect();
    assert_eq!(
        got,
        [
            (
                ids[0],
                "Anna Schmidt",
                &[d(2026, 11, 11), d(2026, 11, 25)][..]
            ),
            (ids[1], "Ben Okafor", &[][..]),
            (ids[2], "Cara Diaz", &[d(2026, 12, 2)][..]),
        ]
    );
    // The same records as reading each one by id.
    for t in &all {
        assert_eq!(t.jf, store.read(|tx| get(tx, t.jf.id)).unwrap());
    }
    // Today's occurrence is skipped, so Anna's next is next week.
    assert_eq!(all[0].standing(d(2026, 11, 25)).next, Some(d(2026, 12, 2)));
}

#[test]
fn only_a_done_touch_on_an_occurrence_day_keeps_it() {
    let mut store = Store::open_in_memory().unwrap();
    let anna = person(&mut store, "Anna Schmidt");
    let log = |tx: &Connection, day: NaiveDate, outcome| {
        let touch = Touch {
            id: 0,
            at: Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap()),
            channel: Channel::Call,
            note: None,
            outcome,
            rating: None,
            hook_id: None,
            participants: vec![anna],
            captured: Vec::new(),
        };
        touches::insert(tx, &touch, now())
    };
    store
        .write(|tx| {
            // Weekly on Wednesdays; today is Wed 25 Nov.
            insert(
                tx,
                &JourFixe {
                    rrule: "FREQ=WEEKLY;BYDAY=WE".into(),
                    start: d(2026, 11, 4),
                    skipped: Vec::new(),
                    ..second_tuesday(anna)
                },
                now(),
            )?;
            log(tx, d(2026, 11, 17), Outcome::Done)?; // the day before an occurrence
            log(tx, d(2026, 11, 18), Outcome::Missed)?; // an occurrence, not done
            log(tx, d(2026, 11, 25), Outcome::Done)?; // today's occurrence
            Ok(())
        })
        .unwrap();
    let all = store
        .read(|tx| tracked(tx, d(2026, 11, 25), Weekday::Mon, 0, BERLIN))
        .unwrap();
    assert_eq!(all[0].kept_days, [d(2026, 11, 25)]);
    let s = all[0].standing(d(2026, 11, 25));
    assert_eq!(s.next, Some(d(2026, 12, 2)));
    assert_eq!(
        s.last.map(|o| (o.date, o.state)),
        Some((d(2026, 11, 25), crate::jourfixe::OccurrenceState::Kept))
    );
}
