use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::jourfixe::{Pattern, Rule, Tz, WEEK};

const BERLIN: Tz = Tz::Europe__Berlin;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Both ways of reading `rrule` from `start`.
fn both(rrule: &str, start: NaiveDate) -> (Rule, Rule) {
    let fast = Rule::new(rrule, start, BERLIN);
    assert!(fast.is_fast(), "{rrule} should take the fast path");
    (fast, Rule::walked(rrule, start, BERLIN))
}

#[test]
fn only_the_phrase_parsers_exact_spelling_takes_the_fast_path() {
    let start = d(2026, 1, 1);
    for rule in [
        "FREQ=DAILY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYMONTHDAY=15",
        "FREQ=WEEKLY;BYDAY=FR;UNTIL=20271231",
    ] {
        assert!(Rule::new(rule, start, BERLIN).is_fast(), "{rule}");
    }
    for rule in [
        "freq=weekly;byday=fr",
        "FREQ=WEEKLY;INTERVAL=1;BYDAY=FR",
        "FREQ=MONTHLY;BYDAY=+2TU",
        "FREQ=WEEKLY;BYDAY=FR;COUNT=3",
        "FREQ=WEEKLY;BYDAY=FR;WKST=MO",
        "FREQ=YEARLY;BYMONTH=6;BYDAY=1MO",
    ] {
        assert!(!Rule::new(rule, start, BERLIN).is_fast(), "{rule}");
    }
}

#[test]
fn the_phrase_forms_give_their_dates() {
    let start = d(2026, 1, 1); // a Thursday
    let cases: [(&str, [NaiveDate; 3]); 5] = [
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            [d(2026, 1, 1), d(2026, 1, 12), d(2026, 1, 15)],
        ),
        (
            "FREQ=MONTHLY;BYDAY=5FR",
            [d(2026, 1, 30), d(2026, 5, 29), d(2026, 7, 31)],
        ),
        (
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31",
            [d(2026, 1, 31), d(2026, 3, 31), d(2026, 5, 31)],
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            [d(2026, 1, 31), d(2026, 2, 28), d(2026, 3, 31)],
        ),
        (
            "FREQ=DAILY;INTERVAL=10",
            [d(2026, 1, 1), d(2026, 1, 11), d(2026, 1, 21)],
        ),
    ];
    for (rule, dates) in cases {
        let (fast, walked) = both(rule, start);
        let got: Vec<NaiveDate> = fast.dates_from(start).take(3).collect();
        assert_eq!(got, dates, "{rule}");
        assert_eq!(got, walked.dates_from(start).take(3).collect::<Vec<_>>());
        assert_eq!(fast.last_before(dates[2]), Some(dates[1]), "{rule}");
    }
}

#[test]
fn a_rule_with_no_date_ever_answers_none_quickly() {
    // Every 12 months from April: never a 31st.
    let (fast, walked) = both("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31", d(2026, 4, 1));
    assert_eq!(fast.dates_from(d(2026, 4, 1)).next(), None);
    assert_eq!(fast.last_before(d(2400, 1, 1)), None);
    assert_eq!(walked.dates_from(d(2026, 4, 1)).next(), None);
}

#[test]
fn until_ends_the_fast_path_on_its_day() {
    let (fast, walked) = both("FREQ=WEEKLY;BYDAY=FR;UNTIL=20260116", d(2026, 1, 1));
    let all: Vec<NaiveDate> = fast.dates_from(d(2025, 1, 1)).collect();
    assert_eq!(all, [d(2026, 1, 2), d(2026, 1, 9), d(2026, 1, 16)]);
    assert_eq!(walked.dates_from(d(2025, 1, 1)).collect::<Vec<_>>(), all);
    assert_eq!(fast.last_before(d(2027, 1, 1)), Some(d(2026, 1, 16)));
}

/// Any rule the phrase parser can write.
fn pattern_strategy() -> impl Strategy<Value = Pattern> {
    let weekday = prop::sample::select(WEEK.to_vec());
    prop_oneof![
        (1u16..=40).prop_map(|interval| Pattern::Daily { interval }),
        (1u16..=12, prop::sample::subsequence(WEEK.to_vec(), 1..=7))
            .prop_map(|(interval, days)| Pattern::Weekly { interval, days }),
        (
            1u16..=24,
            prop::sample::select(vec![1i8, 2, 3, 4, 5, -1]),
            weekday
        )
            .prop_map(|(interval, nth, day)| Pattern::MonthlyNth { interval, nth, day }),
        (
            1u16..=24,
            prop::sample::select(vec![1i8, 15, 28, 29, 30, 31, -1])
        )
            .prop_map(|(interval, day)| Pattern::MonthlyDay { interval, day }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_fast_path_gives_exactly_the_walks_dates(
        pattern in pattern_strategy(),
        start_offset in 0u64..40_000,
        from_offset in -400i64..3_000,
        until_offset in prop::option::of(0u64..2_000),
        take in 1usize..40,
    ) {
        let start = d(1990, 1, 1) + Days::new(start_offset);
        let mut rrule = pattern.to_rrule();
        if let Some(days) = until_offset {
            let until = start + Days::new(days);
            rrule.push_str(&format!(";UNTIL={}", until.format("%Y%m%d")));
        }
        let (fast, walked) = both(&rrule, start);
        let from = start + chrono::Duration::days(from_offset);
        let got: Vec<NaiveDate> = fast.dates_from(from).take(take).collect();
        let want: Vec<NaiveDate> = walked.dates_from(from).take(take).collect();
        prop_assert_eq!(&got, &want, "{} from {} starting {}", rrule, from, start);
        prop_assert_eq!(fast.last_before(from), walked.last_before(from), "{} before {}", rrule, from);
        prop_assert_eq!(fast.is_occurrence(from), walked.is_occurrence(from));
        if let Some(last) = got.last() {
            let after = last.succ_opt().unwrap();
            prop_assert_eq!(fast.last_before(after), Some(*last));
            prop_assert_eq!(walked.last_before(after), Some(*last));
        }
    }
}
