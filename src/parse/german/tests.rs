use super::*;

#[test]
fn umlauts_fold_to_their_two_letter_spellings() {
    assert_eq!(fold("übermorgen"), "uebermorgen");
    assert_eq!(fold("nächsten"), "naechsten");
    assert_eq!(fold("Straße"), "Strasse");
    assert!(matches!(fold("heute"), Cow::Borrowed(_)));
}

#[test]
fn number_and_ordinal_words() {
    let numbers = [
        ("eins", 1),
        ("einer", 1),
        ("zwei", 2),
        ("drei", 3),
        ("vier", 4),
        ("fünf", 5),
        ("fuenf", 5),
        ("sechs", 6),
        ("sieben", 7),
        ("acht", 8),
        ("neun", 9),
        ("zehn", 10),
        ("elf", 11),
        ("zwölf", 12),
    ];
    for (word, n) in numbers {
        assert_eq!(number_word(word), Some(n), "{word}");
    }
    let ordinals = [
        ("erste", 1),
        ("ersten", 1),
        ("zweiten", 2),
        ("dritter", 3),
        ("vierte", 4),
        ("fünften", 5),
        ("fuenftes", 5),
        ("zwölften", 12),
    ];
    for (word, n) in ordinals {
        assert_eq!(ordinal_word(word), Some(n), "{word}");
    }
    for word in ["dreizehn", "erst", "letzten", "zweitens", ""] {
        assert_eq!(number_word(word).or(ordinal_word(word)), None, "{word}");
    }
}

#[test]
fn german_times_around_a_clock() {
    let time = |words: &[&str]| german_time(words);
    assert_eq!(time(&["um", "19", "uhr"]), Some(("19:00".into(), 3)));
    assert_eq!(time(&["19", "uhr", "x"]), Some(("19:00".into(), 2)));
    assert_eq!(time(&["um", "18.30"]), Some(("18:30".into(), 2)));
    assert_eq!(time(&["18:30", "uhr"]), Some(("18:30".into(), 2)));
    assert_eq!(time(&["um", "8"]), Some(("8:00".into(), 2)));
    assert_eq!(time(&["18:30"]), None, "a bare clock is left alone");
    assert_eq!(time(&["19"]), None);
    assert_eq!(time(&["um", "freitag"]), None);
}

#[test]
fn german_input_is_recognised_for_the_examples() {
    for input in [
        "übermorgen",
        "vor 3 Tagen",
        "15.3.",
        "Mo",
        "jeden Mittwoch um 19 Uhr",
        "14-tägig",
        "alle zwei Wochen",
    ] {
        assert!(looks_german(input), "{input}");
    }
    for input in [
        "friday",
        "in 2 weeks",
        "3d ago",
        "2026-11-20",
        "weekly fri",
        "9.30",
    ] {
        assert!(!looks_german(input), "{input}");
    }
}

mod forms {
    use chrono::{NaiveDate, NaiveDateTime};

    use crate::i18n::Lang;
    use crate::parse::{Lean, parse_date, parse_until, parse_when};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    /// Tuesday 1 December 2026, 14:25.
    fn now() -> NaiveDateTime {
        at(2026, 12, 1, 14, 25)
    }

    use Lean::{Future as F, Past as P};

    #[test]
    fn german_days_are_read() {
        let cases = [
            ("15.03.1990", P, date(1990, 3, 15)),
            ("15.3.1990", F, date(1990, 3, 15)),
            ("5.12.2026", F, date(2026, 12, 5)),
            ("15.3.", P, date(2026, 3, 15)),
            ("15.3.", F, date(2027, 3, 15)),
            ("15.03.", F, date(2027, 3, 15)),
            ("1.12.", P, date(2026, 12, 1)),
            ("1.12.", F, date(2026, 12, 1)),
            ("24.12.", F, date(2026, 12, 24)),
            ("24.12.", P, date(2025, 12, 24)),
            ("29.2.", F, date(2028, 2, 29)),
            ("29.2.", P, date(2024, 2, 29)),
            ("am 24.12.", F, date(2026, 12, 24)),
            ("heute", P, date(2026, 12, 1)),
            ("gestern", P, date(2026, 11, 30)),
            ("vorgestern", P, date(2026, 11, 29)),
            ("Vorgestern", F, date(2026, 11, 29)),
            ("morgen", F, date(2026, 12, 2)),
            ("übermorgen", F, date(2026, 12, 3)),
            ("uebermorgen", F, date(2026, 12, 3)),
            ("Übermorgen", P, date(2026, 12, 3)),
            ("Mo", P, date(2026, 11, 30)),
            ("Mo.", F, date(2026, 12, 7)),
            ("Montag", P, date(2026, 11, 30)),
            ("Di", P, date(2026, 12, 1)),
            ("Di", F, date(2026, 12, 8)),
            ("Dienstag", F, date(2026, 12, 8)),
            ("Mi", F, date(2026, 12, 2)),
            ("Mittwoch", P, date(2026, 11, 25)),
            ("Do.", F, date(2026, 12, 3)),
            ("Donnerstag", F, date(2026, 12, 3)),
            ("Fr", P, date(2026, 11, 27)),
            ("Freitag", F, date(2026, 12, 4)),
            ("Sa", F, date(2026, 12, 5)),
            ("Samstag", P, date(2026, 11, 28)),
            ("Sonnabend", F, date(2026, 12, 5)),
            ("So", F, date(2026, 12, 6)),
            ("Sonntag", P, date(2026, 11, 29)),
            ("am Freitag", F, date(2026, 12, 4)),
            ("letzten Freitag", P, date(2026, 11, 27)),
            ("letzten Dienstag", F, date(2026, 11, 24)),
            ("letzten Di", P, date(2026, 11, 24)),
            ("vergangenen Montag", P, date(2026, 11, 30)),
            ("am letzten Freitag", P, date(2026, 11, 27)),
            ("nächsten Dienstag", P, date(2026, 12, 8)),
            ("naechsten Di", P, date(2026, 12, 8)),
            ("kommenden Freitag", P, date(2026, 12, 4)),
            ("am nächsten Mittwoch", F, date(2026, 12, 2)),
            ("vor 3 Tagen", P, date(2026, 11, 28)),
            ("vor drei Tagen", P, date(2026, 11, 28)),
            ("vor einem Tag", P, date(2026, 11, 30)),
            ("vor einer Woche", P, date(2026, 11, 24)),
            ("vor 2 Wochen", P, date(2026, 11, 17)),
            ("vor einem Monat", P, date(2026, 11, 1)),
            ("vor 6 Monaten", P, date(2026, 6, 1)),
            ("vor zwei Jahren", P, date(2024, 12, 1)),
            ("in 2 Wochen", F, date(2026, 12, 15)),
            ("in zwei Wochen", F, date(2026, 12, 15)),
            ("in 3 Tagen", F, date(2026, 12, 4)),
            ("in zwölf Tagen", F, date(2026, 12, 13)),
            ("in einem Monat", F, date(2027, 1, 1)),
            ("in einem Jahr", F, date(2027, 12, 1)),
            ("vor 6 mo", P, date(2026, 6, 1)),
        ];
        let mut failures = Vec::new();
        for (input, lean, want) in cases {
            match parse_date(input, now().date(), lean) {
                Ok(got) if got == want => {}
                other => failures.push(format!("{input:?} ({lean:?}): {other:?}, want {want}")),
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn german_days_with_a_time_are_read() {
        let cases = [
            ("5.12.2026 18:30", P, at(2026, 12, 5, 18, 30)),
            ("5.12.2026 um 18:30 Uhr", P, at(2026, 12, 5, 18, 30)),
            ("05.12.2026 18 Uhr", F, at(2026, 12, 5, 18, 0)),
            ("24.12. 18:00", F, at(2026, 12, 24, 18, 0)),
            ("gestern 18:30", P, at(2026, 11, 30, 18, 30)),
            ("gestern um 18:30", P, at(2026, 11, 30, 18, 30)),
            ("vorgestern um 20 Uhr", P, at(2026, 11, 29, 20, 0)),
            ("heute um 9 Uhr", F, at(2026, 12, 1, 9, 0)),
            ("morgen um 18.30 Uhr", F, at(2026, 12, 2, 18, 30)),
            ("übermorgen 8:15", F, at(2026, 12, 3, 8, 15)),
            ("Fr 10:00", F, at(2026, 12, 4, 10, 0)),
            ("am Freitag um 10 Uhr", F, at(2026, 12, 4, 10, 0)),
            ("letzten Freitag um 19 Uhr", P, at(2026, 11, 27, 19, 0)),
            ("vor 3 Tagen um 12:30", P, at(2026, 11, 28, 12, 30)),
            ("in 2 Wochen um 10 Uhr", F, at(2026, 12, 15, 10, 0)),
            ("um 15 Uhr", P, at(2026, 12, 1, 15, 0)),
            ("15 Uhr", P, at(2026, 12, 1, 15, 0)),
            ("um 8", F, at(2026, 12, 1, 8, 0)),
            ("jetzt", P, now()),
            ("heute", P, now()),
            ("morgen", F, at(2026, 12, 2, 9, 0)),
            ("vorgestern", P, at(2026, 11, 29, 12, 0)),
        ];
        let mut failures = Vec::new();
        for (input, lean, want) in cases {
            match parse_when(input, now(), lean) {
                Ok(got) if got == want => {}
                other => failures.push(format!("{input:?} ({lean:?}): {other:?}, want {want}")),
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn snooze_targets_in_german() {
        let today = now().date();
        assert_eq!(parse_until("übermorgen", today), Ok(date(2026, 12, 3)));
        assert_eq!(parse_until("zwei Wochen", today), Ok(date(2026, 12, 15)));
        assert_eq!(parse_until("3 Tage", today), Ok(date(2026, 12, 4)));
        assert_eq!(parse_until("24.12.", today), Ok(date(2026, 12, 24)));
        assert_eq!(parse_until("Fr", today), Ok(date(2026, 12, 4)));
        assert_eq!(parse_until("in einem Monat", today), Ok(date(2027, 1, 1)));
    }

    #[test]
    fn german_forms_that_are_wrong_are_refused_with_a_reason() {
        let cases = [
            ("31.4.", Some("diesen Tag gibt es nicht")),
            ("31.02.2026", Some("diesen Tag gibt es nicht")),
            ("32.1.", Some("diesen Tag gibt es nicht")),
            ("15.3.26", Some("das Jahr bitte vierstellig schreiben")),
            ("um 25 Uhr", Some("diese Uhrzeit gibt es nicht")),
            ("morgen 18:60 Uhr", Some("diese Uhrzeit gibt es nicht")),
            ("vor 0 Tagen", Some("es muss mindestens 1 sein")),
            ("in elf Jahren", Some("das sind mehr als 10 Jahre")),
            ("15. März", None),
            ("nächsten Monat", None),
            ("nächste Woche", None),
            ("vor null Tagen", None),
            ("am", None),
            ("um", None),
            ("Uhr", None),
            ("heute heute", None),
            ("morgen früh", None),
            ("vor Tagen", None),
            ("in zwei", None),
            ("vor dreizehn Tagen", None),
        ];
        for (input, problem) in cases {
            let e = match parse_when(input, now(), Lean::Past) {
                Ok(read) => panic!("{input:?} must be refused, was read as {read}"),
                Err(e) => e,
            };
            let german = e.message(Lang::De);
            if let Some(problem) = problem {
                assert!(
                    german.contains(&format!("({problem})")),
                    "{input:?}: {german}"
                );
            }
            assert!(
                german.contains("\"letzten Freitag\""),
                "{input:?}: {german}"
            );
            assert!(
                e.message(Lang::En).contains("\"letzten Freitag\""),
                "German input lists German examples in English too: {}",
                e.message(Lang::En)
            );
        }
    }

    #[test]
    fn dotted_forms_that_are_no_date_are_refused() {
        for input in [
            "15.3",
            "9.30",
            "1.2.3.4",
            "15.3.1990.",
            "15..",
            ".3.",
            "15.3.199",
        ] {
            assert!(parse_when(input, now(), Lean::Past).is_err(), "{input}");
        }
    }

    #[test]
    fn a_year_less_date_is_refused_at_the_calendar_end() {
        let e = parse_date("31.12.", NaiveDate::MAX, Lean::Future).unwrap_err();
        assert!(e.message(Lang::En).contains("outside the calendar"), "{e}");
        assert!(parse_date("1.1.", NaiveDate::MIN, Lean::Past).is_err());
    }
}

mod roundtrip {
    use chrono::{Datelike, Days, NaiveDate};
    use proptest::prelude::*;

    use crate::parse::{Lean, SpanUnit, parse_date, parse_duration};

    const NUMBERS: [&str; 13] = [
        "", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf",
    ];

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        (0u64..73_000).prop_map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(n))
    }

    /// `n` as digits, or as a number word when there is one.
    fn amount(n: u32, word: bool) -> String {
        match NUMBERS.get(n as usize) {
            Some(w) if word && n >= 2 => (*w).to_owned(),
            _ => n.to_string(),
        }
    }

    /// The German unit after `vor`/`in` (dative) and after a count
    /// (nominative), one or many.
    fn unit_words(unit: SpanUnit, n: u32) -> (&'static str, &'static str, &'static str) {
        match (unit, n == 1) {
            (SpanUnit::Days, true) => ("einem", "Tag", "Tag"),
            (SpanUnit::Days, false) => ("", "Tagen", "Tage"),
            (SpanUnit::Weeks, true) => ("einer", "Woche", "Woche"),
            (SpanUnit::Weeks, false) => ("", "Wochen", "Wochen"),
            (SpanUnit::Months, true) => ("einem", "Monat", "Monat"),
            (SpanUnit::Months, false) => ("", "Monaten", "Monate"),
            (SpanUnit::Years, true) => ("einem", "Jahr", "Jahr"),
            (SpanUnit::Years, false) => ("", "Jahren", "Jahre"),
        }
    }

    fn span() -> impl Strategy<Value = (u32, SpanUnit)> {
        prop_oneof![
            (1u32..=99).prop_map(|n| (n, SpanUnit::Days)),
            (1u32..=52).prop_map(|n| (n, SpanUnit::Weeks)),
            (1u32..=24).prop_map(|n| (n, SpanUnit::Months)),
            (1u32..=10).prop_map(|n| (n, SpanUnit::Years)),
        ]
    }

    fn english_unit(unit: SpanUnit) -> &'static str {
        match unit {
            SpanUnit::Days => "days",
            SpanUnit::Weeks => "weeks",
            SpanUnit::Months => "months",
            SpanUnit::Years => "years",
        }
    }

    proptest! {
        #[test]
        fn a_dotted_date_reads_back_as_that_day(day in any_day(), padded in any::<bool>(), today in any_day()) {
            let text = if padded {
                day.format("%d.%m.%Y").to_string()
            } else {
                format!("{}.{}.{}", day.day(), day.month(), day.year())
            };
            for lean in [Lean::Past, Lean::Future] {
                prop_assert_eq!(parse_date(&text, today, lean), Ok(day), "{}", text);
            }
        }

        #[test]
        fn a_year_less_date_is_the_nearest_such_day_in_the_leaning_direction(
            day in any_day(), today in any_day(),
        ) {
            let text = format!("{}.{}.", day.day(), day.month());
            let same = |d: NaiveDate| (d.month(), d.day()) == (day.month(), day.day());
            let back = (0..=3000u64).map(|n| today - Days::new(n)).find(|d| same(*d));
            let ahead = (0..=3000u64).map(|n| today + Days::new(n)).find(|d| same(*d));
            prop_assert_eq!(parse_date(&text, today, Lean::Past).ok(), back, "{}", text);
            prop_assert_eq!(parse_date(&text, today, Lean::Future).ok(), ahead, "{}", text);
        }

        #[test]
        fn vor_and_in_read_as_ago_and_in(
            (n, unit) in span(), word in any::<bool>(), today in any_day(),
        ) {
            let (article, dative, _) = unit_words(unit, n);
            let count = if n == 1 && word { article.to_owned() } else { amount(n, word) };
            let english = format!("{n} {}", english_unit(unit));
            let back = parse_date(&format!("{english} ago"), today, Lean::Past);
            let ahead = parse_date(&format!("in {english}"), today, Lean::Future);
            prop_assert!(back.is_ok() && ahead.is_ok());
            let vor = format!("vor {count} {dative}");
            let ins = format!("in {count} {dative}");
            prop_assert_eq!(parse_date(&vor, today, Lean::Past), back, "{}", vor);
            prop_assert_eq!(parse_date(&ins, today, Lean::Future), ahead, "{}", ins);
        }

        #[test]
        fn a_german_duration_reads_back_as_its_span((n, unit) in span(), word in any::<bool>(), every in any::<bool>()) {
            let (article, _, nominative) = unit_words(unit, n);
            let count = if n == 1 && word {
                // ein Tag, eine Woche: the nominative of einem, einer
                article.replace("einem", "ein").replace("einer", "eine")
            } else {
                amount(n, word)
            };
            let text = if every && n > 1 {
                format!("alle {count} {nominative}")
            } else {
                format!("{count} {nominative}")
            };
            let want = parse_duration(&format!("{n} {}", english_unit(unit)));
            prop_assert!(want.is_ok());
            prop_assert_eq!(parse_duration(&text), want, "{}", text);
        }
    }
}
