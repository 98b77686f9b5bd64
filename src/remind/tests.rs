//! The reminder rules, one test per rule, on a hand-made agenda.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::model::Sphere;
use crate::schedule::{AgendaEntry, FollowUpEntry, Status};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Tuesday 8 December 2026 at `h:m`.
fn at(h: u32, m: u32) -> NaiveDateTime {
    d(2026, 12, 8).and_time(t(h, m))
}

fn occurrence(id: Id, name: &str, date: NaiveDate, time: Option<NaiveTime>) -> JourFixeEntry {
    JourFixeEntry {
        id,
        contact_id: id * 10,
        name: name.into(),
        date,
        time,
        duration_minutes: Some(30),
        channel: Channel::Call,
        note: None,
        state: OccurrenceState::Upcoming,
        rule: "every Tuesday".into(),
    }
}

fn person(id: Id, name: &str, days_overdue: i64) -> AgendaEntry {
    AgendaEntry {
        contact_id: id,
        name: name.into(),
        sphere: Sphere::Private,
        status: if days_overdue > 0 {
            Status::Overdue
        } else {
            Status::Due
        },
        due: d(2026, 12, 8),
        days_overdue,
        cadence_days: 14,
        last_touch: None,
        last_personal: None,
        written_streak: 0,
        hook: None,
        plan: None,
    }
}

struct World {
    agenda: Agenda,
    occurrences: Vec<JourFixeEntry>,
    remind: HashMap<Id, Remind>,
    settings: RemindSettings,
}

impl World {
    /// Anna's Jour fixe at 10:00 today; nobody to call, no follow-ups.
    fn new() -> World {
        World {
            agenda: Agenda {
                date: d(2026, 12, 8),
                ..Agenda::default()
            },
            occurrences: vec![occurrence(1, "Anna", d(2026, 12, 8), Some(t(10, 0)))],
            remind: HashMap::new(),
            settings: RemindSettings::default(),
        }
    }

    fn due_at(&self, now: NaiveDateTime, sent: &HashSet<Key>) -> Vec<Reminder> {
        due(&self.inputs(now), sent)
    }

    fn inputs(&self, now: NaiveDateTime) -> Inputs<'_> {
        Inputs {
            agenda: &self.agenda,
            occurrences: &self.occurrences,
            remind: &self.remind,
            now,
            settings: &self.settings,
        }
    }

    /// The keys due at each of `times`, the sent log growing as it goes.
    fn run(&self, times: &[NaiveDateTime]) -> Vec<Vec<Key>> {
        let mut sent = HashSet::new();
        times
            .iter()
            .map(|now| {
                let keys: Vec<Key> = self.due_at(*now, &sent).iter().map(Reminder::key).collect();
                sent.extend(keys.iter().copied());
                keys
            })
            .collect()
    }
}

fn jf_key(id: Id, day: NaiveDate) -> Key {
    Key {
        kind: Kind::JourFixe,
        subject: id,
        day,
    }
}

#[test]
fn a_jour_fixe_reminds_its_lead_time_before_and_only_once() {
    let w = World::new();
    let anna = jf_key(1, d(2026, 12, 8));
    assert_eq!(
        w.run(&[at(9, 40), at(9, 44), at(9, 45), at(9, 50), at(10, 5)]),
        [vec![], vec![], vec![anna], vec![], vec![]]
    );
    let Reminder::JourFixe(j) = &w.due_at(at(9, 45), &HashSet::new())[0] else {
        panic!("a Jour fixe reminder");
    };
    assert_eq!((j.remind_at, j.starts()), (at(9, 45), at(10, 0)));
}

#[test]
fn a_missed_reminder_is_caught_up_less_than_an_hour_late() {
    let w = World::new();
    let anna = jf_key(1, d(2026, 12, 8));
    // asleep from 9:30; woken 59 minutes after the reminder was due
    assert_eq!(w.run(&[at(9, 30), at(10, 44)]), [vec![], vec![anna]]);
    // woken an hour late: too late
    assert_eq!(w.run(&[at(9, 30), at(10, 45)]), [vec![], vec![]]);
}

#[test]
fn own_lead_and_no_remind_win_over_the_default() {
    let mut w = World::new();
    w.occurrences
        .push(occurrence(2, "Jonas", d(2026, 12, 8), Some(t(11, 0))));
    w.remind.insert(1, Remind::Before(60));
    w.remind.insert(2, Remind::Off);
    let anna = jf_key(1, d(2026, 12, 8));
    assert_eq!(
        w.run(&[at(8, 59), at(9, 0), at(10, 45), at(11, 0)]),
        [vec![], vec![anna], vec![], vec![]]
    );
}

#[test]
fn skipped_and_kept_occurrences_do_not_remind() {
    let mut w = World::new();
    w.occurrences[0].state = OccurrenceState::Skipped;
    assert!(w.due_at(at(9, 50), &HashSet::new()).is_empty());
    w.occurrences[0].state = OccurrenceState::Kept;
    assert!(w.due_at(at(9, 50), &HashSet::new()).is_empty());
}

#[test]
fn a_reminder_before_midnight_is_caught_up_after_it() {
    let mut w = World::new();
    w.occurrences = vec![occurrence(3, "Mama", d(2026, 12, 7), Some(t(23, 50)))];
    let mama = jf_key(3, d(2026, 12, 7));
    // due at 23:35 on Monday, the machine wakes at 00:20 on Tuesday
    assert_eq!(w.run(&[at(0, 20), at(0, 25)]), [vec![mama], vec![]]);
    // a lead of a day reminds the day before
    w.occurrences = vec![occurrence(4, "Ben", d(2026, 12, 9), Some(t(9, 0)))];
    w.remind.insert(4, Remind::Before(24 * 60));
    assert_eq!(w.run(&[at(9, 0)]), [vec![jf_key(4, d(2026, 12, 9))]]);
}

#[test]
fn the_same_occurrence_listed_twice_reminds_once() {
    let mut w = World::new();
    w.occurrences.push(w.occurrences[0].clone());
    assert_eq!(w.due_at(at(9, 50), &HashSet::new()).len(), 1);
}

#[test]
fn all_day_jour_fixe_and_followups_remind_at_nine_until_the_day_ends() {
    let mut w = World::new();
    w.occurrences = vec![
        occurrence(5, "Lea", d(2026, 12, 8), None),
        occurrence(6, "Lea", d(2026, 12, 9), None),
    ];
    w.agenda.followups = vec![
        FollowUpEntry {
            id: 7,
            contact_id: 50,
            name: "Lea".into(),
            due: d(2026, 12, 8),
            note: "send the offer".into(),
            overdue: false,
        },
        FollowUpEntry {
            id: 8,
            contact_id: 50,
            name: "Lea".into(),
            due: d(2026, 12, 7),
            note: "yesterday's".into(),
            overdue: true,
        },
    ];
    let followup = Key {
        kind: Kind::FollowUp,
        subject: 7,
        day: d(2026, 12, 8),
    };
    assert_eq!(
        w.run(&[at(8, 59), at(15, 0), at(23, 59)]),
        [vec![], vec![followup, jf_key(5, d(2026, 12, 8))], vec![]]
    );
    // an earlier remind_at moves both
    w.settings.day_at = t(7, 0);
    assert_eq!(w.run(&[at(7, 0)])[0].len(), 2);
}

#[test]
fn the_morning_summary_lists_the_people_to_call_once_a_day() {
    let mut w = World::new();
    w.occurrences.clear();
    w.agenda.overdue = vec![person(1, "Anna", 7), person(2, "Jonas", 12)];
    w.agenda.due = vec![person(3, "Mama", 0)];
    let morning = Key {
        kind: Kind::Morning,
        subject: 0,
        day: d(2026, 12, 8),
    };
    assert_eq!(
        w.run(&[at(8, 29), at(8, 30), at(8, 35)]),
        [vec![], vec![morning], vec![]]
    );
    // the first run after 08:30 sends it, even in the afternoon
    assert_eq!(w.run(&[at(14, 0)]), [vec![morning]]);
    let Reminder::Morning(summary) = &w.due_at(at(9, 0), &HashSet::new())[0] else {
        panic!("a summary");
    };
    let people: Vec<(&str, i64)> = summary
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.days_overdue))
        .collect();
    assert_eq!(people, [("Anna", 7), ("Jonas", 12), ("Mama", 0)]);
    // nobody to call: no summary
    w.agenda.overdue.clear();
    w.agenda.due.clear();
    assert_eq!(w.run(&[at(9, 0)]), [vec![]]);
}

#[test]
fn the_imminent_jour_fixe_is_the_next_one_whose_reminder_is_due() {
    let mut w = World::new();
    w.occurrences
        .push(occurrence(2, "Jonas", d(2026, 12, 8), Some(t(9, 55))));
    w.occurrences
        .push(occurrence(3, "Lea", d(2026, 12, 8), None));
    let name = |now| imminent(&w.inputs(now)).map(|j| j.name);
    assert_eq!(name(at(9, 39)), None);
    assert_eq!(name(at(9, 40)).as_deref(), Some("Jonas"));
    assert_eq!(name(at(9, 56)).as_deref(), Some("Anna"));
    assert_eq!(name(at(10, 0)), None, "gone once it starts");
}

#[test]
fn keys_name_their_kind_in_the_log() {
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.as_str()), Some(kind));
    }
    assert_eq!(Remind::Before(60).lead(15), Some(60));
    assert_eq!(Remind::Default.lead(15), Some(15));
    assert_eq!(Remind::Off.lead(15), None);
}
