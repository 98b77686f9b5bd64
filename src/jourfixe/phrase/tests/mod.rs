use chrono::NaiveTime;
use proptest::prelude::*;

use super::*;

fn rule(phrase: &str) -> (String, Option<String>) {
    let spec = parse_rule(phrase).unwrap_or_else(|e| panic!("{phrase}: {e}"));
    (spec.rrule, spec.time.map(|t| t.format("%H:%M").to_string()))
}

#[test]
fn phrases_become_rrules() {
    let cases = [
        ("weekly fri", "FREQ=WEEKLY;BYDAY=FR", None),
        ("every week fri", "FREQ=WEEKLY;BYDAY=FR", None),
        ("Weekly Friday", "FREQ=WEEKLY;BYDAY=FR", None),
        ("every friday", "FREQ=WEEKLY;BYDAY=FR", None),
        (
            "every 2 weeks thu 08:30",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            Some("08:30"),
        ),
        ("every other tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        (
            "every other week on tuesday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            None,
        ),
        ("fortnightly tue", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        (
            "every 2nd tue 10:00",
            "FREQ=MONTHLY;BYDAY=2TU",
            Some("10:00"),
        ),
        (
            "every second tuesday at 10:00",
            "FREQ=MONTHLY;BYDAY=2TU",
            Some("10:00"),
        ),
        ("the 2nd tue of every month", "FREQ=MONTHLY;BYDAY=2TU", None),
        ("monthly 1st mon", "FREQ=MONTHLY;BYDAY=1MO", None),
        (
            "monthly on the first monday",
            "FREQ=MONTHLY;BYDAY=1MO",
            None,
        ),
        (
            "monthly last fri 16:30",
            "FREQ=MONTHLY;BYDAY=-1FR",
            Some("16:30"),
        ),
        (
            "MONTHLY LAST FRI 4:30pm",
            "FREQ=MONTHLY;BYDAY=-1FR",
            Some("16:30"),
        ),
        ("monthly 5th tue", "FREQ=MONTHLY;BYDAY=5TU", None),
        ("monthly on 15", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        (
            "every month on 15 9am",
            "FREQ=MONTHLY;BYMONTHDAY=15",
            Some("09:00"),
        ),
        ("monthly last day", "FREQ=MONTHLY;BYMONTHDAY=-1", None),
        (
            "every 3 months last fri",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
            None,
        ),
        (
            "every 3 months on 1",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
            None,
        ),
        (
            "every other month on 1",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1",
            None,
        ),
        ("weekly mon, thu", "FREQ=WEEKLY;BYDAY=MO,TH", None),
        ("weekly thu and mon", "FREQ=WEEKLY;BYDAY=MO,TH", None),
        ("daily", "FREQ=DAILY", None),
        ("every 3 days 07:00", "FREQ=DAILY;INTERVAL=3", Some("07:00")),
        ("jeden 2. di im monat", "FREQ=MONTHLY;BYDAY=2TU", None),
        (
            "jeden 2. Dienstag im Monat um 10:00 Uhr",
            "FREQ=MONTHLY;BYDAY=2TU",
            Some("10:00"),
        ),
        ("jeden letzten fr", "FREQ=MONTHLY;BYDAY=-1FR", None),
        ("alle 2 wochen do", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", None),
        ("monatlich am 15.", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("jeden freitag", "FREQ=WEEKLY;BYDAY=FR", None),
    ];
    for (phrase, want, time) in cases {
        let got = rule(phrase);
        assert_eq!(got.0, want, "{phrase}");
        assert_eq!(got.1.as_deref(), time, "{phrase}");
    }
}

#[test]
fn german_phrases_become_rrules() {
    let cases = [
        (
            "jeden Mittwoch um 19 Uhr",
            "FREQ=WEEKLY;BYDAY=WE",
            Some("19:00"),
        ),
        (
            "jeden Sonntag um 20:15 Uhr",
            "FREQ=WEEKLY;BYDAY=SU",
            Some("20:15"),
        ),
        (
            "wöchentlich am Freitag um 16 Uhr",
            "FREQ=WEEKLY;BYDAY=FR",
            Some("16:00"),
        ),
        ("woechentlich fr", "FREQ=WEEKLY;BYDAY=FR", None),
        ("montags und donnerstags", "FREQ=WEEKLY;BYDAY=MO,TH", None),
        ("Di und Do um 9", "FREQ=WEEKLY;BYDAY=TU,TH", Some("09:00")),
        ("sonnabends", "FREQ=WEEKLY;BYDAY=SA", None),
        (
            "alle zwei Wochen Donnerstag",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            None,
        ),
        (
            "alle 2 Wochen am Donnerstag",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            None,
        ),
        (
            "14-tägig dienstags",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            None,
        ),
        ("14taegig di", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", None),
        (
            "vierzehntägig am Donnerstag um 8:30",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            Some("08:30"),
        ),
        (
            "zweiwöchentlich Mi",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            None,
        ),
        (
            "alle 14 Tage dienstags",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            None,
        ),
        (
            "jede zweite Woche am Donnerstag",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            None,
        ),
        (
            "alle drei Wochen Montag",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO",
            None,
        ),
        ("3-wöchentlich Fr", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", None),
        (
            "jeden 2. Dienstag im Monat um 10:00 Uhr",
            "FREQ=MONTHLY;BYDAY=2TU",
            Some("10:00"),
        ),
        (
            "jeden zweiten Dienstag des Monats",
            "FREQ=MONTHLY;BYDAY=2TU",
            None,
        ),
        (
            "jeden ersten Montag im Monat um 18.30 Uhr",
            "FREQ=MONTHLY;BYDAY=1MO",
            Some("18:30"),
        ),
        ("jeden ersten Montag", "FREQ=MONTHLY;BYDAY=1MO", None),
        (
            "am dritten Donnerstag des Monats",
            "FREQ=MONTHLY;BYDAY=3TH",
            None,
        ),
        (
            "monatlich am zweiten Dienstag",
            "FREQ=MONTHLY;BYDAY=2TU",
            None,
        ),
        (
            "monatlich am fünften Freitag",
            "FREQ=MONTHLY;BYDAY=5FR",
            None,
        ),
        (
            "jeden letzten Freitag im Monat",
            "FREQ=MONTHLY;BYDAY=-1FR",
            None,
        ),
        ("monatlich am letzten Fr", "FREQ=MONTHLY;BYDAY=-1FR", None),
        ("monatlich am 15.", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("jeden Monat am 1.", "FREQ=MONTHLY;BYMONTHDAY=1", None),
        (
            "monatlich am letzten Tag",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            None,
        ),
        (
            "alle drei Monate am 1.",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
            None,
        ),
        (
            "vierteljährlich am 1.",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
            None,
        ),
        (
            "halbjährlich am 15.",
            "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15",
            None,
        ),
        (
            "alle zwei Monate am letzten Freitag",
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
            None,
        ),
        (
            "jeden zweiten Monat am 1.",
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1",
            None,
        ),
        (
            "alle zwölf Monate am 1.",
            "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=1",
            None,
        ),
        ("täglich um 7 Uhr", "FREQ=DAILY", Some("07:00")),
        ("jeden Tag", "FREQ=DAILY", None),
        ("alle drei Tage", "FREQ=DAILY;INTERVAL=3", None),
        (
            "quarterly on 1",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
            None,
        ),
    ];
    let mut failures = Vec::new();
    for (phrase, want, time) in cases {
        match parse_rule(phrase) {
            Ok(spec) => {
                let got = (spec.rrule, spec.time.map(|t| t.format("%H:%M").to_string()));
                if got.0 != want || got.1.as_deref() != time {
                    failures.push(format!("{phrase}: {got:?}, want {want} {time:?}"));
                }
            }
            Err(e) => failures.push(format!("{phrase}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn german_phrases_that_cannot_be_read_say_why_in_german() {
    use crate::i18n::Lang;
    let cases = [
        ("jeden 2. Dienstag", "zweifach lesen"),
        ("jeden zweiten Dienstag", "zweifach lesen"),
        ("jeden dritten Freitag um 18 Uhr", "zweifach lesen"),
        ("jeden Mittwoch um 25 Uhr", "\"25:00\" ist keine Uhrzeit"),
        ("alle null Wochen Mo", "zwischen 1 und 99"),
        ("monatlich am 32.", "ist kein Tag im Monat"),
        ("monatlich am sechsten Montag", "höchstens fünfmal"),
        ("wöchentlich am 15.", "keinen Tag im Monat"),
        ("täglich freitags", "keinen Wochentag"),
        ("alle 10 Tage dienstags", "keinen Wochentag"),
        ("monatlich dienstags", "welcher im Monat"),
        ("jeden Freitag um 9 und um 10 Uhr", "nur eine Uhrzeit"),
        ("irgendwann freitags", "\"irgendwann\" in"),
        ("wöchentlich", "braucht einen Wochentag"),
    ];
    for (phrase, what) in cases {
        let e = parse_rule(phrase).expect_err(phrase);
        let german = e.message(Lang::De);
        assert!(german.contains(what), "{phrase}: {german}");
        assert!(
            german.contains("\"jeden Mittwoch um 19 Uhr\""),
            "{phrase}: {german}"
        );
        assert!(
            e.message(Lang::En).contains("\"jeden Mittwoch um 19 Uhr\""),
            "German input, German examples: {}",
            e.message(Lang::En)
        );
    }
}

#[test]
fn raw_rrule_is_accepted_with_an_optional_time() {
    assert_eq!(
        rule("RRULE:FREQ=MONTHLY;BYDAY=2TU"),
        ("FREQ=MONTHLY;BYDAY=2TU".into(), None)
    );
    assert_eq!(
        rule("rrule:freq=weekly;byday=fr 10:00"),
        ("FREQ=WEEKLY;BYDAY=FR".into(), Some("10:00".into()))
    );
    assert_eq!(
        rule("FREQ=YEARLY;BYMONTH=6;BYDAY=1MO").0,
        "FREQ=YEARLY;BYMONTH=6;BYDAY=1MO"
    );
    assert_eq!(
        rule("RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20271231T230000Z").0,
        "FREQ=WEEKLY;BYDAY=FR;UNTIL=20271231T230000Z"
    );
}

#[test]
fn raw_rrule_that_a_jour_fixe_cannot_use_is_rejected_with_a_reason() {
    let cases = [
        ("RRULE:FREQ=HOURLY;BYMINUTE=0", "at most daily"),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=FR;BYHOUR=10",
            "put it after the rule",
        ),
        ("RRULE:DTSTART=20260101;FREQ=WEEKLY", "start date"),
        ("DTSTART:20260101T100000Z\nRRULE:FREQ=WEEKLY", "start date"),
        (
            "RRULE:FREQ=WEEKLY;BYDAY=FR\nEXDATE:20261204T120000Z",
            "single RRULE line",
        ),
        ("RRULE:FREQ=FORTNIGHTLY", "FORTNIGHTLY"),
        (
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "never produces a date",
        ),
        (
            "RRULE:FREQ=WEEKLY;UNTIL=tomorrow",
            "UNTIL=TOMORROW is not a date",
        ),
        ("RRULE:FREQ=WEEKLY;BYDAY=FR please", "only a time"),
    ];
    for (input, reason) in cases {
        let err = parse_rule(input).expect_err(input).to_string();
        assert!(err.contains(reason), "{input}: {err}");
        assert!(
            err.contains("RRULE:FREQ=MONTHLY;BYDAY=2TU"),
            "{input}: {err}"
        );
    }
}

#[test]
fn unreadable_phrases_are_errors_that_show_examples() {
    let cases = [
        ("", "no rule given"),
        ("every", "needs a weekday"),
        ("weekly", "needs a weekday"),
        ("monthly", "needs a day"),
        ("every 2nd", "needs a weekday"),
        ("monthly last", "needs a weekday"),
        ("blah fri", "could not read \"blah\""),
        ("every 2 tue", "could not read \"2\""),
        ("weekly fri sometimes", "could not read \"sometimes\""),
        (
            "monthly on 32",
            "\"32\" in \"monthly on 32\" is not a day of the month",
        ),
        ("monthly on 0", "is not a day of the month"),
        ("every 0 weeks fri", "\"0 weeks\""),
        ("every 100 weeks fri", "must be 1 to 99"),
        ("monthly 6th mon", "at most five of each weekday"),
        ("weekly fri 25:00", "\"25:00\" is not a time of day"),
        ("weekly fri 10:60", "\"10:60\" is not a time of day"),
        ("weekly fri 13pm", "\"13pm\" is not a time of day"),
        ("weekly fri 10:00 11:00", "one time of day"),
        ("weekly 2nd tue", "monthly 2nd tue"),
        ("weekly on 15", "monthly on 15"),
        ("monthly tue", "monthly 1st tue"),
        ("daily fri", "takes no day"),
        ("monthly 1st mon on 15", "one day per rule"),
        ("monthly 1st mon fri", "not both"),
        ("biweekly tue", "could not read \"biweekly\""),
    ];
    for (input, what) in cases {
        let err = parse_rule(input).expect_err(input).to_string();
        assert!(err.contains(what), "{input:?}: {err}");
        assert!(
            err.contains("\"every 2nd tue 10:00\""),
            "{input:?} lacks examples: {err}"
        );
        assert!(!err.contains('\n'), "{input:?}: one line");
    }
}

#[test]
fn the_parsed_rule_is_echoed_back_in_words() {
    let words = |p: &str| parse_rule(p).unwrap().describe();
    assert_eq!(
        words("every 2nd tue 10:00"),
        "the 2nd Tuesday of every month at 10:00"
    );
    assert_eq!(
        words("every other thu 08:30"),
        "every other Thursday at 08:30"
    );
    assert_eq!(words("weekly fri"), "every Friday");
    assert_eq!(words("monthly on 15"), "day 15 of every month");
    assert_eq!(
        words("every 3 months last fri"),
        "the last Friday of every 3rd month"
    );
    assert_eq!(words("RRULE:FREQ=WEEKLY;BYDAY=FR"), "every Friday");
}

#[test]
fn twelve_am_and_pm_are_midnight_and_noon() {
    let time = |p: &str| parse_rule(p).unwrap().time;
    assert_eq!(time("weekly fri 12am"), NaiveTime::from_hms_opt(0, 0, 0));
    assert_eq!(time("weekly fri 12pm"), NaiveTime::from_hms_opt(12, 0, 0));
    assert_eq!(time("weekly fri 8:05"), NaiveTime::from_hms_opt(8, 5, 0));
}

const VOCABULARY: &[&str] = &[
    "every",
    "weekly",
    "monthly",
    "daily",
    "other",
    "2",
    "0",
    "99",
    "100",
    "2nd",
    "5th",
    "6th",
    "last",
    "on",
    "the",
    "of",
    "month",
    "weeks",
    "days",
    "fri",
    "tue",
    "so",
    "di",
    "2.",
    "15",
    "32",
    "10:00",
    "25:00",
    "4pm",
    "at",
    "um",
    "uhr",
    "day",
    "and",
    "RRULE:FREQ=WEEKLY",
    ";",
    "jeden",
    "alle",
    "fortnightly",
    "-1",
    "ü",
    "",
];

proptest! {
    #[test]
    fn parse_rule_never_panics_on_any_text(input in "\\PC{0,40}") {
        let _ = parse_rule(&input);
    }

    #[test]
    fn parse_rule_never_panics_on_word_soup(
        words in prop::collection::vec(prop::sample::select(VOCABULARY), 0..7)
    ) {
        let phrase = words.join(" ");
        if let Ok(spec) = parse_rule(&phrase) {
            // Whatever it accepts describes itself and names a valid rule.
            prop_assert!(!spec.describe().is_empty());
            prop_assert!(super::super::occurrence::check_rule(&spec.rrule).is_ok(), "{}", phrase);
        }
    }
}

mod roundtrip;
