//! Follow-ups and other plans: when they make a contact `planned`, and
//! when a follow-up is open.

use super::*;

// --- follow-ups and plans -----------------------------------------------

/// Anna: cadence 14, last call 1 Nov, so due 15 Nov (overdue on 1 Dec).
fn overdue_anna() -> ContactFacts {
    facts(
        contact("Anna", Some(14)),
        &[done(1, d(2026, 11, 1), Channel::Call)],
    )
}

#[test]
fn follow_up_in_window_makes_planned() {
    let f = overdue_anna();
    let fu = follow_up(7, 1, d(2026, 12, 8));
    let all = [f];
    let a = agenda(&all, &[fu], &[], today(), &Settings::default());
    assert_eq!(names(&a.planned), ["Anna"]);
    assert!(a.overdue.is_empty());
    let plan = a.planned[0].plan.clone().expect("a plan is reported");
    assert_eq!(plan.plan.kind, PlanKind::FollowUp(7));
    assert_eq!(plan.plan.date, d(2026, 12, 8));
    // the agenda says what the plan is: the follow-up's note
    assert_eq!(plan.note, Some(follow_up(7, 1, d(2026, 12, 8)).note));
    assert_eq!(a.followups.len(), 1);
    assert!(!a.followups[0].overdue);
}

#[test]
fn follow_up_beyond_window_does_not_plan() {
    let all = [overdue_anna()];
    let a = agenda(
        &all,
        &[follow_up(7, 1, d(2026, 12, 9))],
        &[],
        today(),
        &Settings::default(),
    );
    assert_eq!(names(&a.overdue), ["Anna"]);
    assert!(a.planned.is_empty());

    // When due lies ahead, the window reaches 7 days past the due date.
    let later = facts(
        contact("Ben", Some(19)),
        &[done(1, d(2026, 12, 1), Channel::Call)],
    );
    let at_edge = Plan {
        contact_id: 1,
        date: d(2026, 12, 27),
        kind: PlanKind::JourFixe(3),
    };
    let past_edge = Plan {
        date: d(2026, 12, 28),
        ..at_edge
    };
    let s = Settings::default();
    let planned = checkin(&later, &[at_edge], today(), &s).expect("cadence");
    assert_eq!(planned.status, Status::Planned);
    let ok = checkin(&later, &[past_edge], today(), &s).expect("cadence");
    assert_eq!(ok.status, Status::Ok);
}

#[test]
fn past_plan_does_not_plan() {
    let past = Plan {
        contact_id: 1,
        date: d(2026, 11, 30),
        kind: PlanKind::JourFixe(3),
    };
    let c = checkin(&overdue_anna(), &[past], today(), &Settings::default()).expect("cadence");
    assert_eq!(c.status, Status::Overdue);
}

#[test]
fn plan_for_another_contact_does_not_plan() {
    let other = Plan {
        contact_id: 2,
        date: d(2026, 12, 2),
        kind: PlanKind::JourFixe(3),
    };
    let c = checkin(&overdue_anna(), &[other], today(), &Settings::default()).expect("cadence");
    assert_eq!(c.status, Status::Overdue);
}

#[test]
fn earliest_plan_is_reported() {
    let jf = Plan {
        contact_id: 1,
        date: d(2026, 12, 3),
        kind: PlanKind::JourFixe(3),
    };
    let all = [overdue_anna()];
    let list = checkins(
        &all,
        &[follow_up(7, 1, d(2026, 12, 5))],
        &[jf],
        today(),
        &Settings::default(),
    );
    let c = list[0].clone().expect("cadence");
    assert_eq!(c.status, Status::Planned);
    assert_eq!(c.plan, Some(jf));
}

#[test]
fn done_follow_up_does_not_plan() {
    let mut fu = follow_up(7, 1, d(2026, 12, 3));
    fu.done_at = Some(at(2026, 11, 30, 8));
    let all = [overdue_anna()];
    let a = agenda(&all, &[fu], &[], today(), &Settings::default());
    assert_eq!(names(&a.overdue), ["Anna"]);
    assert!(a.planned.is_empty());
    assert!(a.followups.is_empty());
}

#[test]
fn personal_touch_after_follow_up_date_closes_it() {
    let fu = follow_up(7, 1, d(2026, 11, 20));
    let before = facts(
        contact("Anna", Some(14)),
        &[done(1, d(2026, 11, 18), Channel::Call)],
    );
    assert!(followup_is_open(&fu, &before));
    let on_the_day = facts(
        contact("Anna", Some(14)),
        &[done(1, d(2026, 11, 20), Channel::Meet)],
    );
    assert!(!followup_is_open(&fu, &on_the_day));
    let email_after = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 11, 18), Channel::Call),
            done(2, d(2026, 11, 25), Channel::Email),
        ],
    );
    assert!(followup_is_open(&fu, &email_after));

    let all = [on_the_day];
    let a = agenda(
        &all,
        std::slice::from_ref(&fu),
        &[],
        today(),
        &Settings::default(),
    );
    assert!(a.followups.is_empty());
    let all = [before];
    let a = agenda(&all, &[fu], &[], today(), &Settings::default());
    assert_eq!(a.followups.len(), 1);
    assert!(a.followups[0].overdue);
}

#[test]
fn follow_ups_sorted_by_date_then_name() {
    let anna = contact("anna", None);
    let bert = contact("Bert", None).id(2);
    let all = [facts(bert, &[]), facts(anna, &[])];
    let fus = [
        follow_up(1, 2, d(2026, 12, 4)),
        follow_up(2, 1, d(2026, 12, 4)),
        follow_up(3, 2, d(2026, 11, 2)),
        follow_up(4, 1, d(2026, 12, 9)),
    ];
    let a = agenda(&all, &fus, &[], today(), &Settings::default());
    let listed: Vec<(Id, bool)> = a.followups.iter().map(|f| (f.id, f.overdue)).collect();
    assert_eq!(listed, [(3, true), (2, false), (1, false)]);
}
