use chrono::{NaiveDate, NaiveTime, Utc, Weekday};

use super::*;
use crate::jourfixe::{aligned_start, parse_rule};
use crate::model::{Channel, Contact, Sphere};
use crate::schedule::{ContactFacts, Settings, Status, TouchRef, checkins};

const BERLIN: Tz = Tz::Europe__Berlin;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Jour fixe #`id` with contact #`id`, as `jourfixe add` creates it on `on`.
fn added(id: i64, phrase: &str, on: NaiveDate) -> JourFixe {
    let spec = parse_rule(phrase).unwrap();
    JourFixe {
        id,
        contact_id: id,
        start: aligned_start(&spec.rrule, on, BERLIN).unwrap(),
        rrule: spec.rrule,
        time: spec.time,
        duration_minutes: None,
        channel: Channel::Call,
        note: None,
        active: true,
        skipped: Vec::new(),
    }
}

fn tracked(jf: JourFixe, name: &str, kept: &[NaiveDate]) -> Tracked {
    Tracked::new(jf, name.to_string(), kept.to_vec(), BERLIN)
}

fn listed(entries: &[JourFixeEntry]) -> Vec<(NaiveDate, &str, OccurrenceState)> {
    entries
        .iter()
        .map(|e| (e.date, e.name.as_str(), e.state))
        .collect()
}

// --- standing ---------------------------------------------------------------

#[test]
fn standing_names_the_next_date_and_how_the_last_one_went() {
    // Every Monday since Mon 2 Nov 2026; today is Wed 25 Nov.
    let jf = added(1, "weekly mon 09:00", d(2026, 11, 2));
    let today = d(2026, 11, 25);
    let kept = standing(&jf, today, &[d(2026, 11, 23)], BERLIN);
    assert_eq!(kept.next, Some(d(2026, 11, 30)));
    assert_eq!(
        kept.last,
        Some(Occurrence {
            date: d(2026, 11, 23),
            state: OccurrenceState::Kept
        })
    );
    let missed = standing(&jf, today, &[], BERLIN);
    assert_eq!(missed.last.map(|o| o.state), Some(OccurrenceState::Missed));
}

#[test]
fn keeping_todays_occurrence_moves_next_to_the_one_after() {
    let jf = added(1, "weekly mon 09:00", d(2026, 11, 2));
    let monday = d(2026, 11, 23);
    let before = standing(&jf, monday, &[], BERLIN);
    assert_eq!(before.next, Some(monday), "today's is still to hold");
    assert_eq!(before.last.map(|o| o.date), Some(d(2026, 11, 16)));
    let after = standing(&jf, monday, &[monday], BERLIN);
    assert_eq!(after.next, Some(d(2026, 11, 30)));
    assert_eq!(
        after.last,
        Some(Occurrence {
            date: monday,
            state: OccurrenceState::Kept
        })
    );
}

#[test]
fn a_skipped_date_is_never_next_and_reads_as_skipped() {
    let mut jf = added(1, "weekly fri", d(2026, 11, 2));
    jf.skipped = vec![d(2026, 11, 20), d(2026, 11, 27)];
    let s = standing(&jf, d(2026, 11, 25), &[], BERLIN);
    assert_eq!(s.next, Some(d(2026, 12, 4)));
    assert_eq!(
        s.last,
        Some(Occurrence {
            date: d(2026, 11, 20),
            state: OccurrenceState::Skipped
        })
    );
}

#[test]
fn a_new_jourfixe_has_no_last_occurrence() {
    let jf = added(1, "every 2nd tue 10:00", d(2026, 11, 29));
    let s = standing(&jf, d(2026, 11, 29), &[], BERLIN);
    assert_eq!(s.next, Some(d(2026, 12, 8)));
    assert_eq!(s.last, None);
}

// --- plans --------------------------------------------------------------------

#[test]
fn next_occurrence_becomes_the_contacts_plan() {
    let all = [
        tracked(added(1, "weekly fri", d(2026, 11, 2)), "Anna", &[]),
        tracked(added(2, "every 2nd tue 10:00", d(2026, 11, 2)), "Ben", &[]),
    ];
    assert_eq!(
        plans(&all, d(2026, 11, 23)),
        [
            Plan {
                contact_id: 1,
                date: d(2026, 11, 27),
                kind: PlanKind::JourFixe(1)
            },
            Plan {
                contact_id: 2,
                date: d(2026, 12, 8),
                kind: PlanKind::JourFixe(2)
            },
        ]
    );
}

#[test]
fn a_kept_occurrence_today_plans_the_next_one() {
    let monday = d(2026, 11, 23);
    let all = [tracked(
        added(1, "weekly mon", d(2026, 11, 2)),
        "Anna",
        &[monday],
    )];
    assert_eq!(plans(&all, monday)[0].date, d(2026, 11, 30));
}

#[test]
fn an_inactive_jourfixe_plans_nothing_and_is_not_listed() {
    let mut jf = added(1, "weekly mon", d(2026, 11, 2));
    jf.active = false;
    let all = [tracked(jf, "Anna", &[])];
    assert!(plans(&all, d(2026, 11, 23)).is_empty());
    assert!(agenda_list(&all, d(2026, 11, 23), Weekday::Mon, 0).is_empty());
}

fn overdue_contact() -> ContactFacts {
    // Weekly cadence, last call on Sun 15 Nov: due Sun 22 Nov.
    let at = d(2026, 11, 15)
        .and_hms_opt(18, 0, 0)
        .unwrap()
        .and_utc()
        .with_timezone(&Utc);
    ContactFacts {
        contact: Contact {
            id: 1,
            uid: "uid-mama".into(),
            name: "Mama".into(),
            nickname: None,
            sphere: Sphere::Private,
            tags: Vec::new(),
            company: None,
            role: None,
            emails: Vec::new(),
            phones: Vec::new(),
            birthday: None,
            notes: None,
            cadence_days: Some(7),
            min_channel: None,
            snoozed_until: None,
            archived: false,
            created_at: at,
        },
        cadence_from: d(2026, 1, 1),
        last_touch: None,
        last_personal: Some(TouchRef {
            channel: Channel::Call,
            at,
            on: d(2026, 11, 15),
        }),
        last_missed: None,
        written_streak: 0,
        freshest_hook: None,
    }
}

#[test]
fn jourfixe_within_a_week_of_due_makes_an_overdue_contact_planned() {
    let today = d(2026, 11, 25);
    let facts = [overdue_contact()];
    let weekly = [tracked(
        added(1, "weekly sun 18:00", d(2026, 11, 1)),
        "Mama",
        &[],
    )];
    let with = checkins(
        &facts,
        &[],
        &plans(&weekly, today),
        today,
        &Settings::default(),
    );
    let with = with[0].as_ref().unwrap();
    assert_eq!(with.status, Status::Planned);
    assert_eq!(with.plan.map(|p| p.date), Some(d(2026, 11, 29)));
    // The 2nd Tuesday is 8 Dec: past max(due, today) + 7 = 2 Dec.
    let monthly = [tracked(
        added(1, "every 2nd tue", d(2026, 11, 1)),
        "Mama",
        &[],
    )];
    let without = checkins(
        &facts,
        &[],
        &plans(&monthly, today),
        today,
        &Settings::default(),
    );
    assert_eq!(without[0].as_ref().unwrap().status, Status::Overdue);
}

/// A contact planned by a Jour fixe date that the week's list shows is
/// listed once, under JOUR FIXE; one planned by a later date stays under
/// PLANNED, its plan with the Jour fixe's time and note.
#[test]
fn a_jourfixe_listed_this_week_is_not_planned_again() {
    let today = d(2026, 11, 25);
    let mama = overdue_contact();
    // Due Mon 30 Nov: a plan covers it up to 7 Dec.
    let mut anna = overdue_contact();
    anna.contact.id = 2;
    anna.contact.name = "Anna".into();
    if let Some(p) = anna.last_personal.as_mut() {
        p.on = d(2026, 11, 23);
    }
    let mut monthly = added(2, "monthly on 6 10:00", d(2026, 11, 1));
    monthly.note = Some("roadmap".into());
    let all = [
        tracked(added(1, "weekly sun 18:00", d(2026, 11, 1)), "Mama", &[]),
        tracked(monthly, "Anna", &[]),
    ];
    let facts = [mama, anna];
    let agenda = crate::schedule::day(
        &facts,
        &[],
        &all,
        &plans(&all, today),
        today,
        &Settings::default(),
    );
    // Mama's Sunday call is in the week's list, not under PLANNED
    assert!(
        agenda
            .jourfixe
            .iter()
            .any(|e| e.name == "Mama" && e.date == d(2026, 11, 29))
    );
    let planned: Vec<&str> = agenda.planned.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(planned, ["Anna"]);
    let plan = agenda.planned[0].plan.as_ref().unwrap();
    assert_eq!(plan.plan.date, d(2026, 12, 6));
    assert_eq!(plan.time, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(plan.note.as_deref(), Some("roadmap"));
    // Mama still counts as planned: her status is not overdue
    let status = checkins(
        &facts,
        &[],
        &plans(&all, today),
        today,
        &Settings::default(),
    );
    assert_eq!(status[0].as_ref().unwrap().status, Status::Planned);
}

// --- weeks and windows ----------------------------------------------------------

#[test]
fn the_week_follows_the_configured_first_day() {
    let sunday = d(2026, 11, 29);
    assert_eq!(
        week_of(sunday, Weekday::Mon),
        (d(2026, 11, 23), sunday),
        "Monday weeks end on Sunday"
    );
    assert_eq!(week_of(sunday, Weekday::Sun), (sunday, d(2026, 12, 5)));
    assert_eq!(
        week_of(d(2026, 11, 25), Weekday::Sat),
        (d(2026, 11, 21), d(2026, 11, 27))
    );
}

#[test]
fn the_kept_window_reaches_back_to_the_last_occurrence() {
    let jf = added(1, "every 2nd tue 10:00", d(2026, 9, 1));
    assert_eq!(
        kept_window(&Rule::of(&jf, BERLIN), d(2026, 11, 25), Weekday::Mon, 0),
        (d(2026, 11, 10), d(2026, 11, 29))
    );
    let weekly = added(1, "weekly wed", d(2026, 9, 1));
    assert_eq!(
        kept_window(&Rule::of(&weekly, BERLIN), d(2026, 11, 25), Weekday::Mon, 0),
        (d(2026, 11, 18), d(2026, 11, 29))
    );
}

// --- the agenda list --------------------------------------------------------------

#[test]
fn agenda_lists_this_weeks_occurrences_with_their_state() {
    // Wed 25 Nov: Monday's call was kept, Tuesday's coffee missed,
    // Thursday's call still to come (last Thursday's was kept).
    let all = [
        tracked(
            added(1, "weekly mon 09:00", d(2026, 11, 2)),
            "Anna",
            &[d(2026, 11, 23)],
        ),
        tracked(added(2, "weekly tue", d(2026, 11, 2)), "Ben", &[]),
        tracked(
            added(3, "weekly thu 18:00", d(2026, 11, 2)),
            "Clara",
            &[d(2026, 11, 19)],
        ),
    ];
    let list = agenda_list(&all, d(2026, 11, 25), Weekday::Mon, 0);
    assert_eq!(
        listed(&list),
        [
            (d(2026, 11, 23), "Anna", OccurrenceState::Kept),
            (d(2026, 11, 24), "Ben", OccurrenceState::Missed),
            (d(2026, 11, 26), "Clara", OccurrenceState::Upcoming),
        ]
    );
    assert_eq!(list[0].rule, "every Monday at 09:00");
    assert_eq!(list[2].time, NaiveTime::from_hms_opt(18, 0, 0));
}

#[test]
fn a_missed_occurrence_stays_listed_until_the_next_one() {
    // The 2nd Tuesday of November (10 Nov) was missed.
    let jf = added(1, "every 2nd tue 10:00", d(2026, 9, 1));
    let all = [tracked(jf.clone(), "Anna", &[])];
    let monday = agenda_list(&all, d(2026, 11, 30), Weekday::Mon, 0);
    assert_eq!(
        listed(&monday),
        [(d(2026, 11, 10), "Anna", OccurrenceState::Missed)]
    );
    // On the day of the next one, that one replaces the miss.
    let tuesday = agenda_list(&all, d(2026, 12, 8), Weekday::Mon, 0);
    assert_eq!(
        listed(&tuesday),
        [(d(2026, 12, 8), "Anna", OccurrenceState::Upcoming)]
    );
    // A kept one is not carried over.
    let kept = [tracked(jf, "Anna", &[d(2026, 11, 10)])];
    assert!(agenda_list(&kept, d(2026, 11, 30), Weekday::Mon, 0).is_empty());
}

#[test]
fn a_skipped_occurrence_is_listed_as_skipped_not_missed() {
    let mut jf = added(1, "weekly tue", d(2026, 11, 2));
    jf.skipped = vec![d(2026, 11, 24)];
    let all = [tracked(jf, "Ben", &[])];
    assert_eq!(
        listed(&agenda_list(&all, d(2026, 11, 25), Weekday::Mon, 0)),
        [(d(2026, 11, 24), "Ben", OccurrenceState::Skipped)]
    );
}

#[test]
fn agenda_orders_by_date_then_time_then_name() {
    let all = [
        tracked(added(1, "weekly thu 18:00", d(2026, 11, 2)), "Zoe", &[]),
        tracked(added(2, "weekly thu 08:30", d(2026, 11, 2)), "Yann", &[]),
        tracked(added(3, "weekly thu", d(2026, 11, 2)), "Xaver", &[]),
        tracked(added(4, "weekly thu 08:30", d(2026, 11, 2)), "anton", &[]),
    ];
    let names: Vec<String> = agenda_list(&all, d(2026, 11, 26), Weekday::Mon, 0)
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["Xaver", "anton", "Yann", "Zoe"]);
}

#[test]
fn agenda_entry_serialises_time_as_hours_and_minutes() {
    let all = [
        tracked(added(1, "weekly thu 08:30", d(2026, 11, 2)), "Anna", &[]),
        tracked(added(2, "weekly thu", d(2026, 11, 2)), "Ben", &[]),
    ];
    let list = agenda_list(&all, d(2026, 11, 26), Weekday::Mon, 0);
    let json = serde_json::to_value(&list).unwrap();
    assert_eq!(json[0]["name"], "Ben");
    assert_eq!(json[0]["time"], serde_json::Value::Null);
    assert_eq!(json[1]["time"], "08:30");
    assert_eq!(json[1]["state"], "upcoming");
    assert_eq!(json[1]["channel"], "call");
    assert_eq!(json[1]["date"], "2026-11-26");
    assert_eq!(json[1]["rule"], "every Thursday at 08:30");
}

#[test]
fn the_horizon_brings_next_weeks_appointments_into_view() {
    let tuesday = d(2026, 12, 1);
    let all = [tracked(
        added(1, "every 2nd tue 10:00", d(2026, 11, 2)),
        "Anna",
        &[d(2026, 11, 10)],
    )];
    // The week alone (Mon 30 Nov – Sun 6 Dec) holds no occurrence …
    assert!(agenda_list(&all, tuesday, Weekday::Mon, 0).is_empty());
    // … a 7-day horizon reaches Tue 8 Dec, as on the DESIGN sketch.
    let list = agenda_list(&all, tuesday, Weekday::Mon, 7);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].date, d(2026, 12, 8));
    assert_eq!(
        listing_window(tuesday, Weekday::Mon, 7),
        (d(2026, 11, 30), d(2026, 12, 8))
    );
    // On a Sunday the coming week is in view too.
    assert_eq!(
        listing_window(d(2026, 11, 29), Weekday::Mon, 7),
        (d(2026, 11, 23), d(2026, 12, 6))
    );
}
