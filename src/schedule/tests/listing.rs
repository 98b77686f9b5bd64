//! What the agenda lists and in which order: statuses, birthdays, hooks,
//! touches with several participants.

use super::*;

// --- status -------------------------------------------------------------

#[test]
fn status_due_today() {
    let f = facts(
        contact("Mama", Some(14)),
        &[done(1, d(2026, 11, 17), Channel::Call)],
    );
    let c = status_today(&f);
    assert_eq!(c.status, Status::Due);
    assert_eq!(c.days_overdue, 0);
    let all = [f];
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    assert_eq!(names(&a.due), ["Mama"]);
}

#[test]
fn soon_within_horizon() {
    // A call on 30 Nov with a cadence of `day` days: due on `day` Dec.
    let due_on = |day: u32| {
        facts(
            contact("Ben", Some(day)),
            &[done(1, d(2026, 11, 30), Channel::Call)],
        )
    };
    assert_eq!(status_today(&due_on(8)).status, Status::Soon);
    assert_eq!(status_today(&due_on(9)).status, Status::Ok);
    let wide = Settings {
        horizon_days: 10,
        week_start: Weekday::Sun,
        ..Settings::default()
    };
    let c = checkin(&due_on(9), &[], today(), &wide).expect("cadence");
    assert_eq!(c.status, Status::Soon);
}

#[test]
fn overdue_ordered_by_relative_lateness() {
    // (name, id, cadence, days overdue on 1 Dec)
    let people = [
        ("Bert", 1, 28, 14), // 0.5 cadences late
        ("Cleo", 2, 7, 7),   // 1.0, 7 days
        ("Dora", 3, 14, 14), // 1.0, 14 days
        ("anna", 4, 21, 7),  // 1/3
        ("Axel", 5, 42, 14), // 1/3, but 14 days beat anna's 7
        ("bob", 6, 42, 14),  // ties Axel: by name, case-insensitive
    ];
    let all: Vec<ContactFacts> = people
        .iter()
        .map(|&(name, id, cadence, late)| {
            let last = today() - chrono::Days::new(u64::from(cadence) + late);
            facts_from_touches(
                contact(name, Some(cadence)).id(id),
                d(2026, 1, 1),
                &[touch(id, noon(last), Channel::Call, Outcome::Done, &[id])],
                &[],
                utc_day,
            )
        })
        .collect();
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    assert_eq!(
        names(&a.overdue),
        ["Dora", "Cleo", "Bert", "Axel", "bob", "anna"]
    );
}

#[test]
fn soon_sorted_by_due_then_name() {
    let soon = |name: &str, id: Id, last: u32| {
        facts_from_touches(
            contact(name, Some(7)).id(id),
            d(2026, 1, 1),
            &[touch(
                id,
                at(2026, 11, last, 9),
                Channel::Call,
                Outcome::Done,
                &[id],
            )],
            &[],
            utc_day,
        )
    };
    let all = [soon("zoe", 1, 28), soon("Max", 2, 26), soon("adam", 3, 28)];
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    assert_eq!(names(&a.soon), ["Max", "adam", "zoe"]);
}

#[test]
fn no_cadence_never_due() {
    let f = facts_from_touches(contact("Ida", None), d(2020, 1, 1), &[], &[], utc_day);
    assert_eq!(due_date(&f, &Settings::default()), None);
    assert_eq!(checkin(&f, &[], today(), &Settings::default()), None);
    let all = [f];
    let a = agenda(
        &all,
        &[follow_up(1, 1, d(2026, 12, 2))],
        &[],
        today(),
        &Settings::default(),
    );
    assert!(a.overdue.is_empty() && a.due.is_empty() && a.planned.is_empty());
    assert!(a.soon.is_empty());
    // A follow-up is still a reminder, cadence or not.
    assert_eq!(a.followups.len(), 1);
    assert_eq!(
        checkins(&all, &[], &[], today(), &Settings::default()),
        [None]
    );
}

#[test]
fn archived_never_listed() {
    let c = contact("Old Friend", Some(7)).archived().born(None, 12, 1);
    let f = facts(c, &[done(1, d(2026, 1, 5), Channel::Call)]);
    let all = [f];
    let fu = follow_up(1, 1, d(2026, 12, 1));
    let a = agenda(
        &all,
        std::slice::from_ref(&fu),
        &[],
        today(),
        &Settings::default(),
    );
    assert_eq!(
        a,
        Agenda {
            date: today(),
            ..Agenda::default()
        }
    );
    assert_eq!(
        checkins(&all, &[fu], &[], today(), &Settings::default()),
        [None]
    );
}

// --- birthdays ------------------------------------------------------------

#[test]
fn birthday_in_horizon_with_age() {
    let all = [
        facts(contact("Lea", None).born(Some(1992), 12, 5), &[]),
        facts(contact("Tom", Some(30)).id(2).born(Some(1980), 12, 1), &[]),
        facts(contact("Out", None).id(3).born(Some(1990), 12, 9), &[]),
        facts(contact("Gone", None).id(4).born(Some(1990), 11, 30), &[]),
    ];
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    let got: Vec<(&str, NaiveDate, Option<i32>)> = a
        .birthdays
        .iter()
        .map(|b| (b.name.as_str(), b.date, b.age))
        .collect();
    assert_eq!(
        got,
        [
            ("Tom", d(2026, 12, 1), Some(46)),
            ("Lea", d(2026, 12, 5), Some(34)),
        ]
    );
}

#[test]
fn birthday_without_year_has_no_age() {
    let all = [facts(contact("Lea", None).born(None, 12, 3), &[])];
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    assert_eq!(a.birthdays.len(), 1);
    assert_eq!(a.birthdays[0].date, d(2026, 12, 3));
    assert_eq!(a.birthdays[0].age, None);
}

#[test]
fn leap_day_birthday() {
    let all = [facts(contact("Lea", None).born(Some(2000), 2, 29), &[])];
    let s = Settings::default();
    let common = agenda(&all, &[], &[], d(2027, 2, 25), &s);
    assert_eq!(common.birthdays[0].date, d(2027, 2, 28));
    assert_eq!(common.birthdays[0].age, Some(27));
    let leap = agenda(&all, &[], &[], d(2028, 2, 25), &s);
    assert_eq!(leap.birthdays[0].date, d(2028, 2, 29));
    assert_eq!(leap.birthdays[0].age, Some(28));
}

#[test]
fn birthday_across_new_year() {
    let all = [facts(contact("Neo", None).born(Some(2001), 1, 2), &[])];
    let a = agenda(&all, &[], &[], d(2026, 12, 28), &Settings::default());
    assert_eq!(a.birthdays[0].date, d(2027, 1, 2));
    assert_eq!(a.birthdays[0].age, Some(26));
}

// --- hooks and participants -----------------------------------------------

#[test]
fn hook_used_moves_to_back() {
    let mut hooks = vec![
        hook(1, "old unused", at(2026, 1, 1, 9), None),
        hook(
            2,
            "used in March",
            at(2025, 1, 1, 9),
            Some(at(2026, 3, 1, 9)),
        ),
        hook(3, "new unused", at(2026, 2, 1, 9), None),
        hook(
            4,
            "used in January",
            at(2025, 1, 1, 9),
            Some(at(2026, 1, 1, 9)),
        ),
    ];
    hook_order(&mut hooks);
    let ids: Vec<Id> = hooks.iter().map(|h| h.id).collect();
    assert_eq!(ids, [3, 1, 4, 2]);
    assert_eq!(freshest_hook(&hooks).map(|h| h.id), Some(3));

    // Using the freshest hook today sends it to the back.
    hooks[0].used_at = Some(at(2026, 12, 1, 10));
    assert_eq!(freshest_hook(&hooks).map(|h| h.id), Some(1));
    hook_order(&mut hooks);
    assert_eq!(hooks.last().map(|h| h.id), Some(3));

    let f = facts_from_touches(
        contact("Anna", Some(14)),
        d(2026, 1, 1),
        &[],
        &hooks,
        utc_day,
    );
    let all = [f];
    let a = agenda(&all, &[], &[], today(), &Settings::default());
    assert_eq!(a.overdue[0].hook.as_deref(), Some("old unused"));
}

#[test]
fn multi_participant_touch_counts_for_each() {
    let touches = [
        touch(
            1,
            at(2026, 11, 20, 12),
            Channel::Meet,
            Outcome::Done,
            &[1, 2],
        ),
        touch(2, at(2026, 11, 25, 12), Channel::Call, Outcome::Done, &[3]),
        touch(3, at(2026, 11, 26, 12), Channel::Email, Outcome::Done, &[2]),
    ];
    let per = |id: Id| {
        facts_from_touches(
            contact("x", Some(14)).id(id),
            d(2026, 1, 1),
            &touches,
            &[],
            utc_day,
        )
    };
    let (one, two, three) = (per(1), per(2), per(3));
    assert_eq!(one.last_personal.map(|t| t.channel), Some(Channel::Meet));
    assert_eq!(one.last_touch.map(|t| t.channel), Some(Channel::Meet));
    assert_eq!(two.last_personal.map(|t| t.channel), Some(Channel::Meet));
    assert_eq!(two.last_touch.map(|t| t.channel), Some(Channel::Email));
    assert_eq!(two.written_streak, 1);
    assert_eq!(three.last_personal.map(|t| t.on), Some(d(2026, 11, 25)));
    assert_eq!(status_today(&one).due, d(2026, 12, 4));
}

#[test]
fn hooks_added_in_the_same_second_bring_up_the_later_one_first() {
    // Two hooks typed in one go share a timestamp; the one added last is the
    // newest, as the store orders them (id descending).
    let same = at(2026, 2, 1, 9);
    let mut hooks = vec![hook(7, "first", same, None), hook(8, "second", same, None)];
    hook_order(&mut hooks);
    let ids: Vec<Id> = hooks.iter().map(|h| h.id).collect();
    assert_eq!(ids, [8, 7]);
    assert_eq!(freshest_hook(&hooks).map(|h| h.id), Some(8));
}
