use chrono::{Days, NaiveDate, NaiveTime, Weekday};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::model::Channel;
use crate::parse::parse_duration;
use crate::schedule::Status;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const STYLES: [DateStyle; 9] = [
    DateStyle::WeekdayDay,
    DateStyle::WeekdayDayMonth,
    DateStyle::WeekdayDayMonthYear,
    DateStyle::DayMonth,
    DateStyle::DayMonthYear,
    DateStyle::PaddedDayMonth,
    DateStyle::MonthYear,
    DateStyle::LongMonthYear,
    DateStyle::Long,
];

#[test]
fn german_dates_in_every_style() {
    let monday = d(2026, 12, 7);
    let want = [
        "Mo. 07",
        "Mo., 7. Dez.",
        "Mo., 7. Dez. 2026",
        "7. Dez.",
        "7. Dez. 2026",
        " 7. Dez.",
        "Dez. 2026",
        "Dezember 2026",
        "Montag, 7. Dezember 2026",
    ];
    for (style, want) in STYLES.into_iter().zip(want) {
        assert_eq!(date(Lang::De, monday, style), want, "{style:?}");
    }
    assert_eq!(
        date(Lang::De, d(2026, 12, 8), DateStyle::Long),
        "Dienstag, 8. Dezember 2026"
    );
    assert_eq!(
        date(Lang::De, d(2027, 3, 3), DateStyle::WeekdayDayMonth),
        "Mi., 3. März"
    );
    assert_eq!(
        date(Lang::De, d(2026, 9, 30), DateStyle::WeekdayDayMonth),
        "Mi., 30. Sept."
    );
    assert_eq!(
        date(Lang::De, d(2026, 6, 14), DateStyle::WeekdayDayMonth),
        "So., 14. Juni"
    );
}

#[test]
fn the_agenda_day_names_the_year_only_when_it_differs() {
    let today = d(2026, 12, 1);
    assert_eq!(day_in(Lang::De, d(2026, 12, 4), today), "Fr., 4. Dez.");
    assert_eq!(day_in(Lang::De, d(2027, 1, 8), today), "Fr., 8. Jan. 2027");
    assert_eq!(day_in(Lang::En, d(2027, 1, 8), today), "Fri 8 Jan 2027");
}

#[test]
fn german_spans_and_ages_with_their_plurals() {
    assert_eq!(relative(Lang::De, 0), "heute");
    assert_eq!(relative(Lang::De, 1), "gestern");
    assert_eq!(relative(Lang::De, 3), "vor 3 Tagen");
    assert_eq!(relative(Lang::De, -1), "morgen");
    assert_eq!(relative(Lang::De, -14), "in 14 Tagen");
    assert_eq!(relative(Lang::De, 105), "vor 15 Wochen");
    assert_eq!(relative(Lang::De, -100), "in 14 Wochen");
    assert_eq!(relative(Lang::De, 1100), "vor 3 Jahren");
    assert_eq!(age_in(Lang::De, 0), "heute");
    assert_eq!(age_in(Lang::De, 12), "12 T.");
    assert_eq!(age_in(Lang::De, 105), "15 Wo.");
    assert_eq!(age_in(Lang::De, 1100), "3 J.");
    assert_eq!(age_in(Lang::De, -12), "in 12 T.");
    assert_eq!(overdue(Lang::De, 1), "1 Tag überfällig");
    assert_eq!(overdue(Lang::De, 12), "12 Tage überfällig");
    let span = |text: &str| parse_duration(text).unwrap();
    assert_eq!(span_words(Lang::De, span("1w")), "1 Woche");
    assert_eq!(span_words(Lang::De, span("2 Wochen")), "2 Wochen");
    assert_eq!(span_words(Lang::De, span("1mo")), "1 Monat");
    assert_eq!(span_words(Lang::De, span("6mo")), "6 Monate");
    assert_eq!(span_words(Lang::De, span("1y")), "1 Jahr");
    assert_eq!(span_words(Lang::De, span("3d")), "3 Tage");
    assert_eq!(span_words(Lang::En, span("1w")), "1 week");
    assert_eq!(span_words(Lang::En, span("6mo")), "6 months");
}

#[test]
fn german_numbers_times_and_weeks() {
    assert_eq!(number(Lang::De, 999), "999");
    assert_eq!(number(Lang::De, 1234), "1.234");
    assert_eq!(number(Lang::De, 1_234_567), "1.234.567");
    assert_eq!(decimal(Lang::De, 2.54), "2,5");
    assert_eq!(percent(Lang::De, 0.42), "42\u{a0}%");
    let evening = NaiveTime::from_hms_opt(18, 30, 0).unwrap();
    assert_eq!(time(Lang::De, evening), "18:30");
    assert_eq!(time(Lang::En, evening), "18:30");
    assert_eq!(week_start(Lang::De), Weekday::Mon);
    assert_eq!(
        weekday_header(Lang::De, Weekday::Mon),
        " Mo Di Mi Do Fr Sa So"
    );
    assert_eq!(
        weekday_header(Lang::De, Weekday::Sun),
        " So Mo Di Mi Do Fr Sa"
    );
}

/// "alle 1 Mon." read oddly: one of a unit is its own word in German, and
/// every cadence still reads back as the days it names; English keeps
/// "every" and the short cadence.
#[test]
fn how_often_in_words() {
    let cases = [
        (1, "täglich", "every 1d"),
        (7, "wöchentlich", "every 1w"),
        (14, "alle 2 Wo.", "every 2w"),
        (30, "monatlich", "every 1mo"),
        (90, "alle 3 Mon.", "every 3mo"),
        (365, "jährlich", "every 1y"),
        (10, "alle 10 T.", "every 10d"),
    ];
    for (days, de, en) in cases {
        assert_eq!(every_in(Lang::De, days), de, "{days}");
        assert_eq!(every_in(Lang::En, days), en, "{days}");
        assert_eq!(
            parse_duration(&every_in(Lang::De, days)).ok(),
            Some(Span::from_days(days)),
            "{de}"
        );
    }
    // what `list` shows in its cadence column is accepted back
    for days in 1..=800 {
        let shown = cadence_in(Lang::De, days);
        assert_eq!(
            parse_duration(&shown).ok(),
            Some(Span::from_days(days)),
            "{shown}"
        );
        let every = every_in(Lang::De, days);
        assert_eq!(
            parse_duration(&every).ok(),
            Some(Span::from_days(days)),
            "{every}"
        );
    }
}

#[test]
fn german_names_of_channels_and_states() {
    let channels: Vec<&str> = Channel::ALL
        .iter()
        .map(|c| channel_name(Lang::De, *c))
        .collect();
    assert_eq!(
        channels,
        ["SMS", "E-Mail", "Chat", "Anruf", "Video", "Treffen"]
    );
    assert_eq!(status_name(Lang::De, Status::Overdue), "überfällig");
    assert_eq!(status_name(Lang::De, Status::Due), "heute fällig");
    assert_eq!(status_name(Lang::De, Status::Planned), "geplant");
    assert_eq!(status_name(Lang::De, Status::Soon), "bald");
    let headings: Vec<Option<&str>> = [
        Status::Overdue,
        Status::Due,
        Status::Planned,
        Status::Soon,
        Status::Ok,
    ]
    .into_iter()
    .map(|s| status_heading(Lang::De, s))
    .collect();
    assert_eq!(
        headings,
        [
            Some("ÜBERFÄLLIG"),
            Some("HEUTE FÄLLIG"),
            Some("GEPLANT"),
            Some("BALD"),
            None
        ]
    );
}

#[test]
fn english_names_are_the_ones_on_screen_today() {
    for channel in Channel::ALL {
        assert_eq!(channel_name(Lang::En, channel), channel.as_str());
    }
    for status in [
        Status::Planned,
        Status::Overdue,
        Status::Due,
        Status::Soon,
        Status::Ok,
    ] {
        assert_eq!(status_name(Lang::En, status), status.as_str());
    }
    let headings: Vec<Option<&str>> = [Status::Overdue, Status::Due, Status::Planned, Status::Soon]
        .into_iter()
        .map(|s| status_heading(Lang::En, s))
        .collect();
    assert_eq!(
        headings,
        [
            Some("OVERDUE"),
            Some("DUE TODAY"),
            Some("PLANNED"),
            Some("SOON")
        ]
    );
    assert_eq!(
        weekday_header(Lang::En, Weekday::Mon),
        " Mo Tu We Th Fr Sa Su"
    );
    assert_eq!(overdue(Lang::En, 5), "5d overdue");
    assert_eq!(number(Lang::En, 1234), "1234");
    assert_eq!(decimal(Lang::En, 2.54), "2.5");
    assert_eq!(percent(Lang::En, 0.42), "42%");
}

/// The "why" line's words for a touch `days` ago, as `text::push_why`
/// writes them.
fn why_words(days: i64) -> String {
    if days == 0 {
        return "today".to_owned();
    }
    let mut out = String::new();
    crate::text::push_age(&mut out, days);
    if days > 0 {
        out.push_str(" ago");
    }
    out
}

proptest! {
    #[test]
    fn english_dates_are_chronos_byte_for_byte(n in 0u64..80_000, today in 0u64..80_000) {
        let base = d(1900, 1, 1);
        let (day, today) = (base + Days::new(n), base + Days::new(today));
        for style in STYLES {
            prop_assert_eq!(date(Lang::En, day, style), day.format(style.english_pattern()).to_string());
        }
        prop_assert_eq!(day_in(Lang::En, day, today), crate::text::day(day, today));
    }

    #[test]
    fn english_ages_are_the_screens_byte_for_byte(days in -5000i64..5000) {
        prop_assert_eq!(age_in(Lang::En, days), crate::text::age(days));
        // The Fluent messages say the same as the fast path English uses.
        let (unit, count) = super::age_unit(days.unsigned_abs());
        let fluent = match days {
            0 => t!(Lang::En; "age-today"),
            d if d > 0 => t!(Lang::En; "age-short", unit = unit, count = count),
            _ => t!(Lang::En; "age-short-ahead", unit = unit, count = count),
        };
        prop_assert_eq!(fluent, crate::text::age(days));
        prop_assert_eq!(relative(Lang::En, days), why_words(days));
    }

    #[test]
    fn german_dates_fit_their_columns(n in 0u64..80_000) {
        let day = d(1900, 1, 1) + Days::new(n);
        // The widest German forms, for the screens that switch to them.
        let widths = [
            (DateStyle::WeekdayDay, 6),
            (DateStyle::WeekdayDayMonth, 14),
            (DateStyle::DayMonth, 9),
            (DateStyle::PaddedDayMonth, 9),
        ];
        for (style, most) in widths {
            let text = date(Lang::De, day, style);
            prop_assert!(text.width() <= most, "{:?} {}", style, text);
        }
    }

    #[test]
    fn german_numbers_read_back(n in any::<u64>()) {
        prop_assert_eq!(number(Lang::De, n).replace('.', ""), n.to_string());
    }
}
