use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use proptest::prelude::*;

use super::*;
use crate::jourfixe::parse_rule;
use crate::model::Channel;

const BERLIN: Tz = Tz::Europe__Berlin;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn record(rrule: &str, time: Option<NaiveTime>, start: NaiveDate) -> JourFixe {
    JourFixe {
        id: 1,
        contact_id: 7,
        start,
        rrule: rrule.to_string(),
        time,
        duration_minutes: Some(30),
        channel: Channel::Call,
        note: None,
        active: true,
        skipped: Vec::new(),
    }
}

/// A Jour fixe as `jourfixe add` creates it: phrase parsed, start aligned.
fn added(phrase: &str, on: NaiveDate) -> JourFixe {
    let spec = parse_rule(phrase).unwrap();
    let start = aligned_start(&spec.rrule, on, BERLIN).unwrap();
    record(&spec.rrule, spec.time, start)
}

fn first_three(jf: &JourFixe) -> Vec<NaiveDate> {
    let from = d(2026, 11, 29);
    occurrences(jf, from, d(2028, 1, 1), BERLIN)
        .into_iter()
        .take(3)
        .collect()
}

#[test]
fn each_phrase_form_gives_the_expected_next_dates() {
    let sunday = d(2026, 11, 29);
    let cases = [
        (
            "weekly fri",
            [d(2026, 12, 4), d(2026, 12, 11), d(2026, 12, 18)],
        ),
        (
            "every week fri",
            [d(2026, 12, 4), d(2026, 12, 11), d(2026, 12, 18)],
        ),
        (
            "every 2 weeks thu 08:30",
            [d(2026, 12, 3), d(2026, 12, 17), d(2026, 12, 31)],
        ),
        (
            "every other tue",
            [d(2026, 12, 1), d(2026, 12, 15), d(2026, 12, 29)],
        ),
        (
            "fortnightly tue",
            [d(2026, 12, 1), d(2026, 12, 15), d(2026, 12, 29)],
        ),
        (
            "every 2nd tue 10:00",
            [d(2026, 12, 8), d(2027, 1, 12), d(2027, 2, 9)],
        ),
        (
            "jeden 2. di im monat",
            [d(2026, 12, 8), d(2027, 1, 12), d(2027, 2, 9)],
        ),
        (
            "monthly 1st mon",
            [d(2026, 12, 7), d(2027, 1, 4), d(2027, 2, 1)],
        ),
        (
            "monthly last fri 16:30",
            [d(2026, 12, 25), d(2027, 1, 29), d(2027, 2, 26)],
        ),
        (
            "monthly on 15",
            [d(2026, 12, 15), d(2027, 1, 15), d(2027, 2, 15)],
        ),
        (
            "every 3 months last fri",
            [d(2026, 12, 25), d(2027, 3, 26), d(2027, 6, 25)],
        ),
        (
            "every 3 months on 1",
            [d(2026, 12, 1), d(2027, 3, 1), d(2027, 6, 1)],
        ),
        (
            "monthly 5th tue",
            [d(2026, 12, 29), d(2027, 3, 30), d(2027, 6, 29)],
        ),
        (
            "monthly last day",
            [d(2026, 11, 30), d(2026, 12, 31), d(2027, 1, 31)],
        ),
        ("daily", [d(2026, 11, 29), d(2026, 11, 30), d(2026, 12, 1)]),
        (
            "RRULE:FREQ=MONTHLY;BYDAY=2TU 10:00",
            [d(2026, 12, 8), d(2027, 1, 12), d(2027, 2, 9)],
        ),
    ];
    for (phrase, want) in cases {
        assert_eq!(first_three(&added(phrase, sunday)), want, "{phrase}");
    }
}

#[test]
fn fortnightly_rule_added_on_sunday_starts_that_thursday() {
    let spec = parse_rule("every 2 weeks thu").unwrap();
    assert_eq!(
        aligned_start(&spec.rrule, d(2026, 11, 29), BERLIN),
        Some(d(2026, 12, 3))
    );
    // Without alignment RFC 5545 counts weeks from the start's week, and
    // the first Thursday would be a week later.
    let bare = record(&spec.rrule, None, d(2026, 11, 29));
    assert_eq!(first_three(&bare)[0], d(2026, 12, 10));
}

#[test]
fn monthly_ten_oclock_stays_ten_oclock_across_the_october_dst_change() {
    let jf = record(
        "FREQ=MONTHLY;BYDAY=2TU",
        NaiveTime::from_hms_opt(10, 0, 0),
        d(2026, 9, 1),
    );
    let dates = occurrences(&jf, d(2026, 10, 1), d(2026, 11, 30), BERLIN);
    assert_eq!(dates, [d(2026, 10, 13), d(2026, 11, 10)]);
    let starts: Vec<_> = dates
        .iter()
        .map(|date| occurrence_start(&jf, *date, BERLIN).unwrap())
        .collect();
    // Summer time (UTC+2) before 25 Oct 2026, winter time (UTC+1) after.
    assert_eq!(starts[0].to_rfc3339(), "2026-10-13T08:00:00+00:00");
    assert_eq!(starts[1].to_rfc3339(), "2026-11-10T09:00:00+00:00");
    for start in starts {
        assert_eq!(start.with_timezone(&BERLIN).hour(), 10);
    }
}

#[test]
fn time_inside_the_spring_forward_gap_keeps_its_date_and_moves_an_hour() {
    let jf = record(
        "FREQ=WEEKLY;BYDAY=SU",
        NaiveTime::from_hms_opt(2, 30, 0),
        d(2027, 3, 1),
    );
    let dates = occurrences(&jf, d(2027, 3, 20), d(2027, 4, 5), BERLIN);
    assert_eq!(dates, [d(2027, 3, 21), d(2027, 3, 28), d(2027, 4, 4)]);
    let at = |date| occurrence_start(&jf, date, BERLIN).unwrap().to_rfc3339();
    assert_eq!(at(d(2027, 3, 21)), "2027-03-21T01:30:00+00:00");
    assert_eq!(at(d(2027, 3, 28)), "2027-03-28T01:30:00+00:00"); // 03:30 CEST
    assert_eq!(at(d(2027, 4, 4)), "2027-04-04T00:30:00+00:00");
}

#[test]
fn no_start_instant_without_a_time() {
    let jf = record("FREQ=WEEKLY;BYDAY=FR", None, d(2026, 11, 29));
    assert_eq!(occurrence_start(&jf, d(2026, 12, 4), BERLIN), None);
}

#[test]
fn dates_are_the_same_local_days_in_any_zone() {
    let jf = record("FREQ=MONTHLY;BYDAY=-1FR", None, d(2026, 1, 1));
    let berlin = occurrences(&jf, d(2026, 1, 1), d(2026, 12, 31), BERLIN);
    for tz in [Tz::UTC, Tz::Pacific__Auckland, Tz::America__Los_Angeles] {
        assert_eq!(occurrences(&jf, d(2026, 1, 1), d(2026, 12, 31), tz), berlin);
    }
    assert_eq!(berlin.len(), 12);
}

#[test]
fn skipped_date_is_listed_but_next_occurrence_passes_it() {
    let mut jf = added("weekly fri", d(2026, 11, 29));
    jf.skipped.push(d(2026, 12, 4));
    let listed = occurrences(&jf, d(2026, 11, 29), d(2026, 12, 12), BERLIN);
    assert_eq!(listed, [d(2026, 12, 4), d(2026, 12, 11)]);
    assert_eq!(
        next_occurrence(&jf, d(2026, 11, 29), BERLIN),
        Some(d(2026, 12, 11))
    );
    assert!(is_occurrence(&jf, d(2026, 12, 4), BERLIN));
    assert!(!is_occurrence(&jf, d(2026, 12, 5), BERLIN));
}

#[test]
fn next_occurrence_counts_the_given_day_itself() {
    let jf = added("weekly fri", d(2026, 11, 29));
    assert_eq!(
        next_occurrence(&jf, d(2026, 12, 11), BERLIN),
        Some(d(2026, 12, 11))
    );
    assert_eq!(
        next_occurrence(&jf, d(2026, 12, 12), BERLIN),
        Some(d(2026, 12, 18))
    );
}

#[test]
fn inactive_jour_fixe_still_computes() {
    let mut jf = added("monthly on 15", d(2026, 11, 29));
    jf.active = false;
    assert_eq!(
        next_occurrence(&jf, d(2026, 12, 1), BERLIN),
        Some(d(2026, 12, 15))
    );
}

#[test]
fn occurrence_states_kept_skipped_missed_upcoming() {
    let mut jf = added("weekly fri", d(2026, 11, 29));
    jf.skipped.push(d(2026, 12, 11));
    let today = d(2026, 12, 18);
    let kept = [d(2026, 12, 4), d(2026, 12, 11)];
    let state = |date| occurrence_state(&jf, date, today, &kept);
    assert_eq!(state(d(2026, 12, 4)), OccurrenceState::Kept);
    // A touch on a skipped day still counts as kept.
    assert_eq!(state(d(2026, 12, 11)), OccurrenceState::Kept);
    assert_eq!(
        occurrence_state(&jf, d(2026, 12, 11), today, &[]),
        OccurrenceState::Skipped
    );
    assert_eq!(
        occurrence_state(&jf, d(2026, 11, 27), today, &[]),
        OccurrenceState::Missed
    );
    assert_eq!(
        state(d(2026, 12, 18)),
        OccurrenceState::Upcoming,
        "today until a touch"
    );
    assert_eq!(
        occurrence_state(&jf, today, today, &[today]),
        OccurrenceState::Kept
    );
    assert_eq!(state(d(2026, 12, 25)), OccurrenceState::Upcoming);
}

#[test]
fn missed_occurrence_is_the_last_one_until_the_next_comes() {
    let jf = added("every 2nd tue 10:00", d(2026, 11, 29));
    // 8 Dec was not kept; from 9 Dec until 12 Jan it is the last one, missed.
    for today in [d(2026, 12, 9), d(2027, 1, 12)] {
        let last = last_occurrence_before(&jf, today, BERLIN);
        assert_eq!(last, Some(d(2026, 12, 8)));
        assert_eq!(
            occurrence_state(&jf, d(2026, 12, 8), today, &[]),
            OccurrenceState::Missed
        );
    }
    assert_eq!(
        last_occurrence_before(&jf, d(2027, 1, 13), BERLIN),
        Some(d(2027, 1, 12))
    );
}

#[test]
fn last_occurrence_before_start_or_on_first_day_is_none() {
    let jf = added("weekly fri", d(2026, 11, 29));
    assert_eq!(last_occurrence_before(&jf, d(2026, 11, 29), BERLIN), None);
    assert_eq!(last_occurrence_before(&jf, d(2026, 12, 4), BERLIN), None);
    assert_eq!(
        last_occurrence_before(&jf, d(2026, 12, 5), BERLIN),
        Some(d(2026, 12, 4))
    );
}

#[test]
fn last_occurrence_of_a_rare_rule_looks_back_far_enough() {
    let jf = added("monthly 5th tue", d(2026, 11, 29));
    assert_eq!(
        last_occurrence_before(&jf, d(2027, 6, 1), BERLIN),
        Some(d(2027, 3, 30))
    );
    let leap = record("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", None, d(2000, 1, 1));
    assert_eq!(
        last_occurrence_before(&leap, d(2027, 1, 1), BERLIN),
        Some(d(2024, 2, 29))
    );
}

#[test]
fn until_ends_the_rule_on_its_day() {
    let spec = parse_rule("RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20261218").unwrap();
    let jf = record(&spec.rrule, None, d(2026, 11, 29));
    let dates = occurrences(&jf, d(2026, 11, 1), d(2027, 12, 31), BERLIN);
    assert_eq!(dates, [d(2026, 12, 4), d(2026, 12, 11), d(2026, 12, 18)]);
    assert_eq!(next_occurrence(&jf, d(2026, 12, 19), BERLIN), None);
}

#[test]
fn count_is_counted_from_the_start_also_for_a_later_window() {
    let jf = record("FREQ=WEEKLY;BYDAY=FR;COUNT=3", None, d(2026, 11, 29));
    let later = occurrences(&jf, d(2026, 12, 10), d(2027, 12, 31), BERLIN);
    assert_eq!(later, [d(2026, 12, 11), d(2026, 12, 18)]);
}

#[test]
fn a_rule_that_never_happens_or_cannot_be_read_yields_nothing() {
    for rule in [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "nonsense",
        "",
        "FREQ=WEEKLY;BYDAY=XX",
    ] {
        let jf = record(rule, None, d(2026, 1, 1));
        assert!(
            occurrences(&jf, d(2026, 1, 1), d(2026, 12, 31), BERLIN).is_empty(),
            "{rule}"
        );
        assert_eq!(next_occurrence(&jf, d(2026, 1, 1), BERLIN), None, "{rule}");
        assert_eq!(
            last_occurrence_before(&jf, d(2026, 12, 1), BERLIN),
            None,
            "{rule}"
        );
    }
}

#[test]
fn reversed_window_is_empty() {
    let jf = added("daily", d(2026, 11, 29));
    assert!(occurrences(&jf, d(2026, 12, 5), d(2026, 12, 1), BERLIN).is_empty());
}

#[test]
fn a_daily_rule_over_a_century_stops_at_the_cap() {
    let jf = record("FREQ=DAILY", None, d(2000, 1, 1));
    let dates = occurrences(&jf, d(2000, 1, 1), d(2099, 12, 31), BERLIN);
    assert_eq!(dates.len(), MAX_DATES);
}

#[test]
fn a_thousand_old_jour_fixes_answer_a_week_quickly_and_correctly() {
    let rules = [
        "FREQ=WEEKLY;BYDAY=FR",
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=DAILY",
    ];
    let today = d(2026, 12, 1);
    let started = std::time::Instant::now();
    for i in 0..1000 {
        let start = d(2010, 1, 1) + chrono::Days::new(i);
        let jf = record(rules[(i % 3) as usize], None, start);
        let next = next_occurrence(&jf, today, BERLIN).unwrap();
        let last = last_occurrence_before(&jf, today, BERLIN).unwrap();
        assert_eq!(occurrences(&jf, today, next, BERLIN), [next]);
        assert_eq!(occurrences(&jf, last, today, BERLIN)[0], last);
        assert!(last < today && next >= today);
    }
    // Generous: a walk from 2010 for each query would take far longer.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// Walks the rule from its real start, with no shortcut.
fn full_walk(jf: &JourFixe, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let rule = Compiled::new(&jf.rrule, jf.start, BERLIN).unwrap();
    let set = RRuleSet::new(noon(jf.start, BERLIN).unwrap()).rrule(rule.rule.clone());
    (&set)
        .into_iter()
        .map(|dt| dt.date_naive())
        .skip_while(|date| *date < from)
        .take_while(|date| *date <= to)
        .collect()
}

fn weekday_strategy() -> impl Strategy<Value = (Weekday, &'static str)> {
    prop::sample::select(vec![
        (Weekday::Mon, "mon"),
        (Weekday::Tue, "tuesday"),
        (Weekday::Wed, "wed"),
        (Weekday::Thu, "Thu"),
        (Weekday::Fri, "FRI"),
        (Weekday::Sat, "sat"),
        (Weekday::Sun, "sunday"),
    ])
}

/// A weekly or monthly phrase and the nth weekday it names (0 = weekly).
fn phrase_strategy() -> impl Strategy<Value = (String, Weekday, i8)> {
    (
        weekday_strategy(),
        1u16..=12,
        prop::sample::select(vec![1i8, 2, 3, 4, 5, -1]),
        0..4u8,
    )
        .prop_map(|((day, name), n, nth, form)| {
            let ord = match nth {
                -1 => "last".to_string(),
                1 => "1st".to_string(),
                2 => "2nd".to_string(),
                3 => "3rd".to_string(),
                k => format!("{k}th"),
            };
            match form {
                0 => (format!("weekly {name}"), day, 0),
                1 => (format!("every {n} weeks {name} 09:15"), day, 0),
                2 => (format!("monthly {ord} {name}"), day, nth),
                _ => (format!("every {n} months {ord} {name} 18:00"), day, nth),
            }
        })
}

fn days_in_month(date: NaiveDate) -> u32 {
    let (y, m) = (date.year(), date.month());
    let next = if m == 12 {
        d(y + 1, 1, 1)
    } else {
        d(y, m + 1, 1)
    };
    (next - d(y, m, 1)).num_days() as u32
}

proptest! {
    #[test]
    fn every_occurrence_falls_on_the_phrased_weekday(
        (phrase, day, nth) in phrase_strategy(),
        start_offset in 0u64..20_000,
        window_offset in 0u64..3_000,
    ) {
        let start = d(2000, 1, 1) + chrono::Days::new(start_offset);
        let jf = added(&phrase, start);
        let from = start + chrono::Days::new(window_offset);
        let dates = occurrences(&jf, from, from + chrono::Days::new(400), BERLIN);
        // A 5th weekday can be absent for over a year with a long interval.
        prop_assert!(nth == 5 || !dates.is_empty(), "{} from {}", phrase, from);
        for date in &dates {
            prop_assert_eq!(date.weekday(), day, "{} on {}", phrase, date);
            match nth {
                0 => {}
                -1 => prop_assert!(date.day() + 7 > days_in_month(*date)),
                n => prop_assert_eq!((date.day() - 1) / 7 + 1, n as u32),
            }
        }
    }

    #[test]
    fn a_shortcut_walk_matches_a_walk_from_the_start(
        (phrase, _day, _nth) in phrase_strategy(),
        start_offset in 0u64..10_000,
        window_offset in 0u64..4_000,
    ) {
        let jf = record(&parse_rule(&phrase).unwrap().rrule, None, d(2000, 1, 1) + chrono::Days::new(start_offset));
        let from = jf.start + chrono::Days::new(window_offset);
        let to = from + chrono::Days::new(200);
        prop_assert_eq!(occurrences(&jf, from, to, BERLIN), full_walk(&jf, from, to));
    }
}
