//! When a check-in comes due: personal touches, snoozes, missed attempts
//! and the written-only streak.

use super::*;

// --- personal touches and the clock -------------------------------------

#[test]
fn email_does_not_reset_the_clock() {
    let f = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 11, 1), Channel::Call),
            done(2, d(2026, 11, 20), Channel::Email),
        ],
    );
    let c = status_today(&f);
    assert_eq!(c.due, d(2026, 11, 15));
    assert_eq!(c.status, Status::Overdue);
    assert_eq!(c.days_overdue, 16);
    assert_eq!(f.last_touch.map(|t| t.channel), Some(Channel::Email));
    assert_eq!(f.last_personal.map(|t| t.on), Some(d(2026, 11, 1)));
}

#[test]
fn call_resets_the_clock() {
    let f = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 11, 1), Channel::Call),
            done(2, d(2026, 11, 20), Channel::Call),
        ],
    );
    let c = status_today(&f);
    assert_eq!(c.due, d(2026, 12, 4));
    assert_eq!(c.status, Status::Soon);
    assert_eq!(c.days_overdue, -3);
}

/// Added on 1 Jan, given a cadence today (1 Dec), never called: due
/// today, not eleven months overdue.
#[test]
fn without_a_touch_the_clock_starts_when_the_cadence_was_set() {
    let c = contact("Clara", Some(30));
    let set_today = facts_from_touches(c.clone(), today(), &[], &[], utc_day);
    let checkin = status_today(&set_today);
    assert_eq!(checkin.due, today());
    assert_eq!(checkin.status, Status::Due);
    assert_eq!(checkin.days_overdue, 0);
    // a spread date later on: due then, not before
    let spread = facts_from_touches(c.clone(), d(2026, 12, 16), &[], &[], utc_day);
    assert_eq!(status_today(&spread).due, d(2026, 12, 16));
    // set a week ago and still not called: a week overdue
    let week = facts_from_touches(c, d(2026, 11, 24), &[], &[], utc_day);
    assert_eq!(status_today(&week).days_overdue, 7);
}

/// A personal touch is history: a cadence set today on someone last
/// called two months ago makes them overdue from the call on.
#[test]
fn with_a_touch_the_touch_decides_not_the_cadence_start() {
    let f = facts_from_touches(
        contact("Jonas", Some(30)),
        today(),
        &[done(1, d(2026, 10, 1), Channel::Call)],
        &[],
        utc_day,
    );
    assert_eq!(status_today(&f).due, d(2026, 10, 31));
    assert_eq!(status_today(&f).status, Status::Overdue);
}

#[test]
fn min_channel_meet_ignores_calls() {
    let f = facts(
        contact("Jonas", Some(30)).min(Channel::Meet),
        &[
            done(1, d(2026, 10, 1), Channel::Meet),
            done(2, d(2026, 11, 25), Channel::Call),
            done(3, d(2026, 11, 26), Channel::Video),
        ],
    );
    assert_eq!(f.last_personal.map(|t| t.channel), Some(Channel::Meet));
    assert_eq!(status_today(&f).due, d(2026, 10, 31));
    assert_eq!(status_today(&f).status, Status::Overdue);
}

#[test]
fn min_channel_chat_counts_chats_as_personal() {
    let c = contact("Lea", Some(14)).min(Channel::Chat);
    assert!(is_personal(&c, Channel::Chat, Outcome::Done));
    assert!(!is_personal(&c, Channel::Email, Outcome::Done));
    assert!(!is_personal(&c, Channel::Meet, Outcome::Missed));
    let f = facts(c, &[done(1, d(2026, 11, 25), Channel::Chat)]);
    assert_eq!(status_today(&f).due, d(2026, 12, 9));
    assert_eq!(f.written_streak, 0);
}

#[test]
fn no_personal_touch_counts_from_added_date() {
    let f = facts_from_touches(
        contact("Ben", Some(14)),
        d(2026, 11, 20),
        &[done(1, d(2026, 11, 25), Channel::Email)],
        &[],
        utc_day,
    );
    assert_eq!(f.last_personal, None);
    let c = status_today(&f);
    assert_eq!(c.due, d(2026, 11, 20));
    assert_eq!(c.days_overdue, 11);
    assert_eq!(c.status, Status::Overdue);
}

#[test]
fn snooze_pushes_due() {
    let c = contact("Anna", Some(14)).snoozed(d(2026, 12, 10));
    let f = facts(c, &[done(1, d(2026, 11, 1), Channel::Call)]);
    let c = status_today(&f);
    assert_eq!(c.due, d(2026, 12, 10));
    assert_eq!(c.status, Status::Ok);
}

#[test]
fn past_snooze_is_harmless() {
    let c = contact("Anna", Some(14)).snoozed(d(2026, 10, 1));
    let f = facts(c, &[done(1, d(2026, 11, 1), Channel::Call)]);
    assert_eq!(status_today(&f).due, d(2026, 11, 15));
    assert_eq!(status_today(&f).status, Status::Overdue);
}

// --- missed attempts ----------------------------------------------------

#[test]
fn missed_call_snoozes_three_days() {
    let f = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 11, 1), Channel::Call),
            missed(2, d(2026, 11, 30), Channel::Call),
        ],
    );
    assert_eq!(f.last_missed, Some(d(2026, 11, 30)));
    // The miss is not a touch: the clock still runs from 1 Nov.
    assert_eq!(f.last_personal.map(|t| t.on), Some(d(2026, 11, 1)));
    assert_eq!(f.last_touch.map(|t| t.on), Some(d(2026, 11, 1)));
    let c = status_today(&f);
    assert_eq!(c.due, d(2026, 12, 3));
    assert_eq!(c.status, Status::Soon);
}

#[test]
fn retry_interval_is_configurable() {
    let f = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 11, 1), Channel::Call),
            missed(2, d(2026, 11, 30), Channel::Meet),
        ],
    );
    let settings = Settings {
        retry_days: 10,
        ..Settings::default()
    };
    assert_eq!(due_date(&f, &settings), Some(d(2026, 12, 10)));
    let c = checkin(&f, &[], today(), &settings).expect("has a cadence");
    assert_eq!(c.status, Status::Ok);
}

#[test]
fn miss_before_last_personal_touch_is_ignored() {
    let f = facts(
        contact("Anna", Some(1)),
        &[
            missed(1, d(2026, 11, 25), Channel::Call),
            done(2, d(2026, 11, 26), Channel::Call),
        ],
    );
    assert_eq!(f.last_missed, None);
    assert_eq!(due_date(&f, &Settings::default()), Some(d(2026, 11, 27)));
}

// --- written-only streak ------------------------------------------------

#[test]
fn written_streak_counts_since_last_personal() {
    let f = facts(
        contact("Anna", Some(14)),
        &[
            done(1, d(2026, 10, 1), Channel::Email),
            done(2, d(2026, 10, 2), Channel::Email),
            done(3, d(2026, 10, 10), Channel::Call),
            done(4, d(2026, 10, 20), Channel::Sms),
            done(5, d(2026, 10, 21), Channel::Chat),
            missed(6, d(2026, 10, 22), Channel::Email),
            done(7, d(2026, 10, 23), Channel::Email),
        ],
    );
    assert_eq!(f.written_streak, 3);

    let never_personal = facts(
        contact("Ben", Some(14)),
        &[
            done(1, d(2026, 10, 1), Channel::Email),
            done(2, d(2026, 10, 2), Channel::Chat),
        ],
    );
    assert_eq!(never_personal.written_streak, 2);
}
