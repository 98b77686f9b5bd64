//! The mixes give the agendas they promise, on small databases (`cargo
//! test` runs these: the example has `test = true` in Cargo.toml). The
//! benches include the generator too, without the tests, so each test
//! names what only it uses.

use std::collections::HashSet;

use draht::app::agenda::Day;
use draht::store::Store;

use super::*;

fn now() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

/// A fresh database of the mix, with its store.
fn made(
    mix: Mix,
    contacts: usize,
    touches: usize,
    jourfixe: usize,
    seed: u64,
) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synth.db");
    let options = Options {
        mix,
        contacts,
        touches,
        jourfixe,
        seed,
        now: now(),
        vdir: None,
    };
    let counts = generate(&db, &options).unwrap();
    assert_eq!(counts.contacts, contacts);
    let store = Store::open(&db).unwrap();
    (dir, store)
}

/// Lines of the day's agenda that name a contact: check-ins, follow-ups,
/// birthdays and the week's Jour fixe (a contact planned by a Jour fixe
/// date of that list is named there, not again under planned), and how
/// many different people they name.
fn contact_lines(day: &Day) -> (usize, usize) {
    let a = &day.agenda;
    let checkins = [&a.overdue, &a.due, &a.planned, &a.soon];
    let mut people: HashSet<i64> = checkins
        .iter()
        .flat_map(|bucket| bucket.iter().map(|e| e.contact_id))
        .collect();
    people.extend(a.followups.iter().map(|f| f.contact_id));
    people.extend(a.birthdays.iter().map(|b| b.contact_id));
    people.extend(a.jourfixe.iter().map(|o| o.contact_id));
    let lines = checkins.iter().map(|b| b.len()).sum::<usize>()
        + a.followups.len()
        + a.birthdays.len()
        + a.jourfixe.len();
    (lines, people.len())
}

#[test]
fn a_realistic_agenda_of_two_thousand_people_has_five_to_forty_lines() {
    use draht::{app::agenda::day, schedule::Settings};
    for seed in [1, 2] {
        let (_dir, mut store) = made(Mix::Realistic, 2_000, 20_000, 8, seed);
        let day = day(&mut store, now(), &Settings::default()).unwrap();
        let (lines, _) = contact_lines(&day);
        assert!(
            (5..=40).contains(&lines),
            "seed {seed}: {lines} contact lines on the agenda"
        );
        assert!(
            !day.agenda.jourfixe.is_empty(),
            "seed {seed}: eight Jour fixe and none this week"
        );
    }
}

#[test]
fn most_people_with_a_cadence_are_in_touch_within_it() {
    use draht::schedule::{Settings, Status, checkins};
    use draht::store::{contacts::Detail, facts, followups};
    let (_dir, mut store) = made(Mix::Realistic, 2_000, 20_000, 8, 3);
    let (all, open) = store
        .read(|tx| Ok((facts::load(tx, false, Detail::Brief)?, followups::open(tx)?)))
        .unwrap();
    let states: Vec<Status> = checkins(&all, &open, &[], now(), &Settings::default())
        .into_iter()
        .flatten()
        .map(|c| c.status)
        .collect();
    let overdue = states.iter().filter(|s| **s == Status::Overdue).count();
    assert!(states.len() >= 50, "{} people with a cadence", states.len());
    assert!(
        overdue * 10 <= states.len(),
        "{overdue} of {} people with a cadence are overdue",
        states.len()
    );
    // Everyone with a cadence had a personal touch (a new contact would not).
    let without = all
        .iter()
        .filter(|f| f.contact.cadence_days.is_some() && f.last_personal.is_none())
        .count();
    assert_eq!(without, 0, "people with a cadence and no personal touch");
}

/// The stress mix as bench/compare.sh sizes it (a hundred touches and a
/// tenth of a Jour fixe per contact) has about 0.4 agenda lines per
/// contact at every size from 500 to 10,000 contacts.
#[test]
fn the_stress_mix_puts_two_in_five_people_on_the_agenda() {
    use draht::{app::agenda::day, schedule::Settings};
    let (_dir, mut store) = made(Mix::Stress, 500, 50_000, 50, 1);
    let day = day(&mut store, now(), &Settings::default()).unwrap();
    let (lines, people) = contact_lines(&day);
    assert!(
        (175..=275).contains(&lines),
        "{lines} lines ({people} of 500 people) on the agenda"
    );
}
