//! Every measure on hand-built histories with known answers. The window is
//! the 90 days ending Tue 1 Dec 2026 (3 Sep – 1 Dec) unless a test says
//! otherwise.

use chrono::NaiveDate;

use super::*;
use crate::model::{Channel, Outcome, Sphere};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn window() -> Window {
    Window::ending(d(12, 1), 90)
}

fn subject(id: i64) -> Subject {
    Subject {
        contact_id: id,
        name: format!("P{id}"),
        sphere: Sphere::Private,
        tags: Vec::new(),
        cadence_days: Some(14),
        min_channel: Channel::Call,
    }
}

fn history(touches: Vec<TouchFact>) -> History {
    History {
        subject: subject(1),
        touches,
    }
}

fn touch(on: NaiveDate, channel: Channel) -> TouchFact {
    TouchFact::done(on, channel)
}

fn missed(on: NaiveDate) -> TouchFact {
    TouchFact {
        outcome: Outcome::Missed,
        ..TouchFact::done(on, Channel::Call)
    }
}

fn rated(on: NaiveDate, channel: Channel, rating: i8) -> TouchFact {
    TouchFact {
        rating: Some(rating),
        ..TouchFact::done(on, channel)
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn window_is_ninety_days_and_the_previous_one_lies_right_before() {
    let w = window();
    assert_eq!((w.from, w.to, w.days()), (d(9, 3), d(12, 1), 90));
    let p = w.previous();
    assert_eq!((p.from, p.to, p.days()), (d(6, 5), d(9, 2), 90));
    assert_eq!(Window::new(d(12, 2), d(12, 1)), None);
    assert_eq!(Window::ending(d(12, 1), 0).days(), 1);
}

#[test]
fn weeks_end_on_the_last_day_and_the_first_week_is_short() {
    let w = window();
    assert_eq!(w.weeks(), 13); // 90 days: 12 full weeks and 6 days
    assert_eq!(w.week_of(d(12, 1)), Some(12));
    assert_eq!(w.week_of(d(11, 25)), Some(12));
    assert_eq!(w.week_of(d(11, 24)), Some(11));
    assert_eq!(w.week_of(d(9, 3)), Some(0));
    assert_eq!(w.week_of(d(9, 2)), None);
}

#[test]
fn empty_history_has_no_touches_gaps_rating_or_warmth() {
    let s = contact_stats(&history(vec![]), window());
    assert_eq!(s.total(), 0);
    assert_eq!(s.personal_share, None);
    assert_eq!(s.longest_gap, None);
    assert_eq!(s.median_gap, None);
    assert_eq!(s.days_since_last, None);
    assert_eq!(s.rating, None);
    assert_eq!((s.on_time, s.late), (0, 0));
    assert_eq!((s.warmth, s.warmth_before), (0.0, 0.0));
    assert_eq!(format!("{:.1}", s.warmth), "0.0", "never -0.0");
    assert_eq!(s.trend, Trend::Steady);
    assert_eq!(s.weekly_totals(), vec![0; 13]);
}

#[test]
fn a_single_touch_has_no_gap_but_a_silence_since() {
    let s = contact_stats(&history(vec![rated(d(11, 21), Channel::Call, 1)]), window());
    assert_eq!(s.touches.get(Channel::Call), 1);
    assert_eq!(s.personal_share, Some(1.0));
    assert_eq!(s.longest_gap, None);
    assert_eq!(s.median_gap, None);
    assert_eq!(s.days_since_last, Some(10));
    assert_eq!(s.rating, Some(1.0));
    assert_eq!(
        (s.on_time, s.late),
        (0, 0),
        "a first check-in is not judged"
    );
    assert!(close(s.warmth, 4.0 * (-10.0f64 / 30.0).exp2()));
}

#[test]
fn touches_outside_the_window_are_not_counted() {
    let s = contact_stats(
        &history(vec![
            touch(d(9, 2), Channel::Email),
            touch(d(9, 3), Channel::Email),
            touch(d(12, 2), Channel::Email),
        ]),
        window(),
    );
    assert_eq!(s.touches.get(Channel::Email), 1);
}

#[test]
fn personal_share_follows_the_contacts_minimum_channel() {
    let touches = vec![
        touch(d(11, 1), Channel::Call),
        touch(d(11, 2), Channel::Meet),
        touch(d(11, 3), Channel::Email),
        touch(d(11, 4), Channel::Chat),
        missed(d(11, 5)),
    ];
    let s = contact_stats(&history(touches.clone()), window());
    assert_eq!((s.personal, s.total(), s.missed), (2, 4, 1));
    assert_eq!(s.personal_share, Some(0.5));
    let mut picky = history(touches);
    picky.subject.min_channel = Channel::Meet;
    assert_eq!(contact_stats(&picky, window()).personal_share, Some(0.25));
}

#[test]
fn gaps_are_between_distinct_touch_days() {
    // Touch days 1, 3 (twice), 10, 11 Nov: gaps 2, 7, 1.
    let s = contact_stats(
        &history(vec![
            touch(d(11, 1), Channel::Email),
            touch(d(11, 3), Channel::Email),
            touch(d(11, 3), Channel::Call),
            touch(d(11, 10), Channel::Chat),
            touch(d(11, 11), Channel::Email),
        ]),
        window(),
    );
    assert_eq!(s.gaps, vec![2, 7, 1]);
    assert_eq!(s.longest_gap, Some(7));
    assert_eq!(s.median_gap, Some(2.0));
    assert_eq!(s.days_since_last, Some(20));
}

#[test]
fn median_of_an_even_number_of_gaps_is_the_mean_of_the_middle_two() {
    // Gaps 2, 4, 10.
    let s = contact_stats(
        &history(vec![
            touch(d(11, 1), Channel::Email),
            touch(d(11, 3), Channel::Email),
            touch(d(11, 7), Channel::Email),
            touch(d(11, 17), Channel::Email),
            touch(d(11, 18), Channel::Email),
        ]),
        window(),
    );
    assert_eq!(s.gaps, vec![2, 4, 10, 1]);
    assert_eq!(s.median_gap, Some(3.0));
}

#[test]
fn missed_attempts_make_no_gap_point() {
    let s = contact_stats(
        &history(vec![
            touch(d(11, 1), Channel::Call),
            missed(d(11, 5)),
            touch(d(11, 11), Channel::Call),
        ]),
        window(),
    );
    assert_eq!(s.gaps, vec![10]);
}

#[test]
fn average_rating_counts_only_rated_touches() {
    let s = contact_stats(
        &history(vec![
            rated(d(11, 1), Channel::Meet, 1),
            rated(d(11, 2), Channel::Call, 1),
            rated(d(11, 3), Channel::Call, -1),
            touch(d(11, 4), Channel::Call),
            rated(d(11, 5), Channel::Email, 0),
        ]),
        window(),
    );
    assert_eq!(s.rated, 4);
    assert_eq!(s.rating, Some(0.25));
}

#[test]
fn checkin_on_or_before_due_is_on_time_and_after_is_late() {
    // Cadence 14: 1 Oct → due 15 Oct (on the day: on time) → due 29 Oct,
    // next on 2 Nov (late) → due 16 Nov, next on 10 Nov (early: on time).
    let s = contact_stats(
        &history(vec![
            touch(d(10, 1), Channel::Call),
            touch(d(10, 15), Channel::Video),
            touch(d(11, 2), Channel::Meet),
            touch(d(11, 10), Channel::Call),
        ]),
        window(),
    );
    assert_eq!((s.on_time, s.late), (2, 1));
}

#[test]
fn written_touches_are_no_checkins_and_do_not_reset_the_clock() {
    // E-mails on 10 and 20 Oct do not move due (15 Oct) — 25 Oct is late.
    let s = contact_stats(
        &history(vec![
            touch(d(10, 1), Channel::Call),
            touch(d(10, 10), Channel::Email),
            touch(d(10, 20), Channel::Email),
            touch(d(10, 25), Channel::Call),
        ]),
        window(),
    );
    assert_eq!((s.on_time, s.late), (0, 1));
}

#[test]
fn a_missed_call_before_due_makes_the_late_checkin_count_as_on_time() {
    // Due 15 Oct; the call on 14 Oct did not connect: you did your part.
    let tried = contact_stats(
        &history(vec![
            touch(d(10, 1), Channel::Call),
            missed(d(10, 14)),
            touch(d(10, 20), Channel::Call),
        ]),
        window(),
    );
    assert_eq!((tried.on_time, tried.late), (1, 0));
    // A missed call after due does not help.
    let too_late = contact_stats(
        &history(vec![
            touch(d(10, 1), Channel::Call),
            missed(d(10, 16)),
            touch(d(10, 20), Channel::Call),
        ]),
        window(),
    );
    assert_eq!((too_late.on_time, too_late.late), (0, 1));
}

#[test]
fn first_checkin_in_the_window_is_judged_against_the_touch_before_it() {
    // The previous personal touch lies months before the window.
    let s = contact_stats(
        &history(vec![
            touch(d(3, 1), Channel::Call),
            touch(d(9, 10), Channel::Call),
        ]),
        window(),
    );
    assert_eq!((s.on_time, s.late), (0, 1));
}

#[test]
fn contacts_without_a_cadence_have_no_checkins() {
    let mut h = history(vec![
        touch(d(10, 1), Channel::Call),
        touch(d(11, 20), Channel::Call),
    ]);
    h.subject.cadence_days = None;
    let s = contact_stats(&h, window());
    assert_eq!((s.on_time, s.late), (0, 0));
}

#[test]
fn weekly_counts_fall_in_the_week_ending_on_the_window_end() {
    let s = contact_stats(
        &history(vec![
            touch(d(12, 1), Channel::Email),
            touch(d(11, 25), Channel::Call),
            touch(d(11, 24), Channel::Call),
            missed(d(11, 30)),
        ]),
        window(),
    );
    let weekly = s.weekly_totals();
    assert_eq!(weekly[12], 2);
    assert_eq!(weekly[11], 1);
    assert_eq!(s.weekly[12].get(Channel::Call), 1);
}

#[test]
fn weekly_counts_keep_only_the_last_year_of_a_long_window() {
    let long = Window::ending(d(12, 1), 3 * 365);
    let s = contact_stats(
        &history(vec![
            touch(d(12, 1), Channel::Call),
            touch(d(1, 1) - chrono::Days::new(400), Channel::Call),
        ]),
        long,
    );
    assert_eq!(s.weekly.len(), MAX_WEEKS);
    assert_eq!(s.weekly_totals().iter().sum::<u32>(), 1);
    assert_eq!(s.total(), 2, "the window itself still counts both");
}

#[test]
fn a_coffee_last_week_outweighs_six_emails_this_week() {
    let coffee = contact_stats(&history(vec![touch(d(11, 24), Channel::Meet)]), window());
    let mails: Vec<TouchFact> = (0..6)
        .map(|i| touch(d(11, 25) + chrono::Days::new(i), Channel::Email))
        .collect();
    let mails = contact_stats(&history(mails), window());
    assert!(
        coffee.warmth > mails.warmth,
        "{} vs {}",
        coffee.warmth,
        mails.warmth
    );
}

#[test]
fn warmth_weights_double_per_rung_of_the_ladder() {
    let weights: Vec<f64> = Channel::ALL.iter().map(|c| channel_weight(*c)).collect();
    assert_eq!(weights, vec![1.0, 1.0, 2.0, 4.0, 8.0, 16.0]);
}

#[test]
fn warmth_halves_every_thirty_days_and_ignores_missed_attempts() {
    let today = contact_stats(&history(vec![touch(d(12, 1), Channel::Call)]), window());
    let month_ago = contact_stats(&history(vec![touch(d(11, 1), Channel::Call)]), window());
    let tried = contact_stats(&history(vec![missed(d(12, 1))]), window());
    assert!(close(today.warmth, 4.0));
    assert!(close(month_ago.warmth, 2.0));
    assert_eq!(tried.warmth, 0.0);
}

#[test]
fn a_weekly_call_stays_steady() {
    let calls: Vec<TouchFact> = (0..40)
        .map(|i| touch(d(12, 1) - chrono::Days::new(7 * i), Channel::Call))
        .collect();
    let s = contact_stats(&history(calls), window());
    assert!(s.warmth > 10.0);
    assert_eq!(s.trend, Trend::Steady);
}

#[test]
fn drifting_into_email_is_cooling_and_a_new_habit_is_warming() {
    // Before: coffee every fortnight. Now: only e-mails.
    let mut drift: Vec<TouchFact> = (0..6)
        .map(|i| touch(d(6, 10) + chrono::Days::new(14 * i), Channel::Meet))
        .collect();
    drift.extend((0..6).map(|i| touch(d(10, 1 + 5 * i), Channel::Email)));
    let s = contact_stats(&history(drift), window());
    assert_eq!(
        s.trend,
        Trend::Cooling,
        "{} vs {}",
        s.warmth,
        s.warmth_before
    );
    let fresh = contact_stats(&history(vec![touch(d(11, 28), Channel::Call)]), window());
    assert_eq!(fresh.trend, Trend::Warming);
}

#[test]
fn trend_needs_both_the_ratio_and_the_floor() {
    assert_eq!(trend(0.5, 0.1), Trend::Steady, "faint: below the floor");
    assert_eq!(trend(11.0, 10.0), Trend::Steady, "10 % is noise");
    assert_eq!(trend(12.5, 10.0), Trend::Warming);
    assert_eq!(trend(8.0, 10.0), Trend::Cooling);
    assert_eq!(trend(8.5, 10.0), Trend::Steady);
    assert_eq!(trend(0.0, 0.0), Trend::Steady);
}

#[test]
fn cooling_lists_the_largest_drop_first() {
    let mk = |id, now, before| {
        let mut s = contact_stats(
            &History {
                subject: subject(id),
                touches: vec![],
            },
            window(),
        );
        s.warmth = now;
        s.warmth_before = before;
        s.trend = trend(now, before);
        s
    };
    let stats = vec![
        mk(1, 2.0, 6.0),
        mk(2, 10.0, 10.0),
        mk(3, 1.0, 20.0),
        mk(4, 9.0, 3.0),
    ];
    assert_eq!(cooling(&stats), vec![(3, 1.0, 20.0), (1, 2.0, 6.0)]);
}

#[test]
fn kept_flags_follow_done_touch_days() {
    let flags = kept_flags(&[d(11, 10), d(11, 24)], &[d(11, 10), d(11, 11)]);
    assert_eq!(flags, vec![(d(11, 10), true), (d(11, 24), false)]);
}

#[test]
fn kept_ratio_judges_past_occurrences_in_the_window() {
    let occurrences = [
        (d(8, 1), true),    // before the window
        (d(10, 13), true),  // kept
        (d(11, 10), false), // missed
        (d(11, 24), true),  // kept
        (d(12, 1), false),  // today, not over yet: not judged
    ];
    let r = kept_ratio(&occurrences, window()).unwrap();
    assert_eq!((r.kept, r.of), (2, 3));
    assert!(close(r.ratio(), 2.0 / 3.0));
    let today_kept = [(d(12, 1), true)];
    assert_eq!(
        kept_ratio(&today_kept, window()),
        Some(KeptRatio { kept: 1, of: 1 })
    );
    assert_eq!(kept_ratio(&[], window()), None);
    assert_eq!(kept_ratio(&[(d(12, 1), false)], window()), None);
}

fn member(id: i64, sphere: Sphere, tags: &[&str], touches: Vec<TouchFact>) -> History {
    let mut s = subject(id);
    s.sphere = sphere;
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    History {
        subject: s,
        touches,
    }
}

#[test]
fn groups_pool_gaps_ratings_and_sum_warmth() {
    let people = [
        member(
            1,
            Sphere::Work,
            &["client"],
            vec![
                rated(d(11, 1), Channel::Call, 1),
                rated(d(11, 3), Channel::Email, 1),
            ],
        ),
        member(
            2,
            Sphere::Work,
            &["client", "partner"],
            vec![
                rated(d(11, 1), Channel::Email, -1),
                touch(d(11, 11), Channel::Email),
                touch(d(11, 30), Channel::Email),
            ],
        ),
        member(
            3,
            Sphere::Private,
            &[],
            vec![touch(d(11, 20), Channel::Meet)],
        ),
    ];
    let stats: Vec<ContactStats> = people.iter().map(|h| contact_stats(h, window())).collect();
    let rows = || people.iter().map(|h| &h.subject).zip(stats.iter());

    let spheres = group_by(rows(), GroupBy::Sphere);
    let keys: Vec<Option<String>> = spheres.iter().map(|g| g.key.clone()).collect();
    assert_eq!(keys, vec![Some("private".into()), Some("work".into())]);
    let work = &spheres[1];
    assert_eq!(
        (work.contacts, work.touches.total(), work.personal),
        (2, 5, 1)
    );
    // Gaps 2 (Anna) and 10, 19 (Ben): longest 19, median 10.
    assert_eq!(work.longest_gap, Some(19));
    assert_eq!(work.median_gap, Some(10.0));
    assert!(close(work.rating.unwrap(), 1.0 / 3.0));
    assert!(close(work.warmth, stats[0].warmth + stats[1].warmth));

    let tags = group_by(rows(), GroupBy::Tag);
    let keys: Vec<Option<String>> = tags.iter().map(|g| g.key.clone()).collect();
    assert_eq!(
        keys,
        vec![Some("client".into()), Some("partner".into()), None],
        "no tag comes last"
    );
    assert_eq!(tags[0].contacts, 2);
    assert_eq!(tags[1].contacts, 1);
    assert_eq!(tags[2].touches.get(Channel::Meet), 1);

    let all = aggregate(None, &stats);
    assert_eq!(all.contacts, 3);
    assert_eq!(all.weekly_totals().iter().sum::<u32>(), 6);
}

#[test]
fn channel_rows_share_all_done_touches_richest_first() {
    let people = [
        history(vec![
            touch(d(11, 1), Channel::Email),
            touch(d(11, 2), Channel::Email),
            touch(d(11, 3), Channel::Call),
        ]),
        member(2, Sphere::Work, &[], vec![touch(d(11, 4), Channel::Email)]),
    ];
    let stats: Vec<ContactStats> = people.iter().map(|h| contact_stats(h, window())).collect();
    let rows = by_channel(&stats);
    assert_eq!(rows[0].channel, Channel::Meet);
    let email = rows.iter().find(|r| r.channel == Channel::Email).unwrap();
    assert_eq!(
        (email.touches, email.contacts, email.share),
        (3, 2, Some(0.75))
    );
    assert_eq!(by_channel(&[])[0].share, None);
}
