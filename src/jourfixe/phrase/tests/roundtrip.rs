//! Property: a rule written as a phrase, in any of the ways German or
//! English says it (short or full weekdays, number words, `um 19 Uhr`,
//! `14-tägig`, umlauts or not, any case), reads back as that very rule.
//! The phrases are generated from the rule, so every accepted form is
//! checked against the rule it names.

use chrono::{NaiveTime, Timelike, Weekday};
use proptest::prelude::*;

use super::super::{RuleSpec, parse_rule};
use crate::jourfixe::{Pattern, WEEK};
use crate::parse::german::WEEKDAYS;

fn pattern() -> impl Strategy<Value = Pattern> {
    let day = (0usize..7).prop_map(|i| WEEK[i]);
    let days = prop::collection::btree_set(0usize..7, 1..=3)
        .prop_map(|set| set.into_iter().map(|i| WEEK[i]).collect::<Vec<Weekday>>());
    let nth = prop_oneof![1i8..=5, Just(-1i8)];
    let month_day = prop_oneof![1i8..=31, Just(-1i8)];
    // Once and every other week or month are what people have most.
    let interval = || prop_oneof![3 => Just(1u16), 2 => Just(2u16), 3 => 3u16..=12];
    prop_oneof![
        prop_oneof![interval(), 13u16..=14].prop_map(|interval| Pattern::Daily { interval }),
        (interval(), days).prop_map(|(interval, days)| Pattern::Weekly { interval, days }),
        (interval(), nth, day).prop_map(|(interval, nth, day)| Pattern::MonthlyNth {
            interval,
            nth,
            day
        }),
        (interval(), month_day).prop_map(|(interval, day)| Pattern::MonthlyDay { interval, day }),
    ]
}

fn time() -> impl Strategy<Value = Option<NaiveTime>> {
    prop::option::of(
        (0u32..24, prop_oneof![Just(0u32), Just(30u32), 0u32..60])
            .prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)),
    )
}

/// Picks the way each part is written.
struct Writer(fastrand::Rng);

impl Writer {
    fn pick<T: Clone>(&mut self, options: &[T]) -> T {
        options[self.0.usize(..options.len())].clone()
    }

    fn coin(&mut self) -> bool {
        self.0.bool()
    }
}

fn capitalised(word: &str) -> String {
    let mut out = word[..1].to_uppercase();
    out.push_str(&word[1..]);
    out
}

const DE_NUMBERS: [&str; 13] = [
    "", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwölf",
];
const DE_ORDINAL_STEMS: [&str; 13] = [
    "", "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwölft",
];

fn de_day(w: &mut Writer, day: Weekday) -> String {
    let (short, full) = WEEKDAYS[day.num_days_from_monday() as usize];
    match w.0.usize(..4) {
        0 => capitalised(full),
        1 => capitalised(short),
        2 => format!("{}.", capitalised(short)),
        _ => full.to_owned(),
    }
}

fn de_days(w: &mut Writer, days: &[Weekday], plural: bool) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| {
            if plural {
                format!("{}s", WEEKDAYS[d.num_days_from_monday() as usize].1)
            } else {
                de_day(w, *d)
            }
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let sep = w.pick(&[", ", " "]);
            format!("{} und {last}", rest.join(sep))
        }
        _ => names.join(""),
    }
}

/// 2 as `2` or `zwei`.
fn de_count(w: &mut Writer, n: u16) -> String {
    match DE_NUMBERS.get(usize::from(n)) {
        Some(word) if n >= 2 && w.coin() => (*word).to_owned(),
        _ => n.to_string(),
    }
}

/// The `nth` of a month: `2.`, `zweiten`, `letzten`.
fn de_nth(w: &mut Writer, nth: i8) -> String {
    match usize::try_from(nth) {
        Ok(n) if w.coin() => format!("{}en", DE_ORDINAL_STEMS[n]),
        Ok(n) => format!("{n}."),
        Err(_) => "letzten".to_owned(),
    }
}

fn de_month_day(day: i8) -> String {
    if day == -1 {
        "letzten Tag".to_owned()
    } else {
        format!("{day}.")
    }
}

fn german(w: &mut Writer, pattern: &Pattern) -> String {
    match pattern {
        Pattern::Daily { interval: 1 } => w.pick(&["täglich", "jeden Tag", "Täglich"]).to_owned(),
        Pattern::Daily { interval } if !interval.is_multiple_of(7) && w.coin() => {
            format!("{interval}-tägig")
        }
        Pattern::Daily { interval } => format!("alle {} Tage", de_count(w, *interval)),
        Pattern::Weekly { interval, days } => {
            let (plain, plural) = (de_days(w, days, false), de_days(w, days, true));
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("jeden {plain}"),
                    format!("wöchentlich {plain}"),
                    format!("wöchentlich am {plain}"),
                    format!("jede Woche am {plain}"),
                    plural.clone(),
                ]);
            } else {
                options.extend([
                    format!("alle {} Wochen {plain}", de_count(w, n)),
                    format!("alle {} Wochen am {plain}", de_count(w, n)),
                    format!("{n}-wöchentlich {plain}"),
                    format!(
                        "jede {}e Woche am {plain}",
                        DE_ORDINAL_STEMS[usize::from(n)]
                    ),
                    format!("alle {} Tage {plural}", n * 7),
                ]);
            }
            if n == 2 {
                options.extend([
                    format!("14-tägig {plural}"),
                    format!("vierzehntägig {plain}"),
                    format!("zweiwöchentlich {plain}"),
                ]);
            }
            w.pick(&options)
        }
        Pattern::MonthlyNth { interval, nth, day } => {
            let (nth_text, day_text) = (de_nth(w, *nth), de_day(w, *day));
            let what = format!("{nth_text} {day_text}");
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("jeden {what} im Monat"),
                    format!("monatlich am {what}"),
                    format!("am {what} des Monats"),
                    format!("jeden Monat am {what}"),
                ]);
                if matches!(nth, 1 | -1) {
                    options.push(format!("jeden {what}"));
                }
            } else {
                options.extend([
                    format!("alle {} Monate am {what}", de_count(w, n)),
                    format!(
                        "jeden {}en Monat am {what}",
                        DE_ORDINAL_STEMS[usize::from(n)]
                    ),
                    format!("{n}-monatlich am {what}"),
                ]);
            }
            if n == 3 {
                options.push(format!("vierteljährlich am {what}"));
            }
            if n == 6 {
                options.push(format!("halbjährlich am {what}"));
            }
            w.pick(&options)
        }
        Pattern::MonthlyDay { interval, day } => {
            let what = de_month_day(*day);
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("monatlich am {what}"),
                    format!("jeden Monat am {what}"),
                    format!("am {what} des Monats"),
                ]);
            } else {
                options.extend([
                    format!("alle {} Monate am {what}", de_count(w, n)),
                    format!(
                        "jeden {}en Monat am {what}",
                        DE_ORDINAL_STEMS[usize::from(n)]
                    ),
                    format!("{n}-monatlich am {what}"),
                ]);
            }
            if n == 3 {
                options.push(format!("vierteljährlich am {what}"));
            }
            w.pick(&options)
        }
    }
}

fn german_time(w: &mut Writer, time: NaiveTime) -> String {
    let (h, m) = (time.hour(), time.minute());
    let mut options = vec![
        format!("um {h}:{m:02} Uhr"),
        format!("um {h:02}:{m:02}"),
        format!("{h:02}:{m:02}"),
        format!("{h}.{m:02} Uhr"),
        format!("um {h}.{m:02}"),
    ];
    if m == 0 {
        options.extend([format!("um {h} Uhr"), format!("{h} Uhr"), format!("um {h}")]);
    }
    w.pick(&options)
}

/// Umlauts as `ae oe ue`, and the case, as a person might type them.
fn typed(w: &mut Writer, phrase: String) -> String {
    let phrase = if w.coin() {
        phrase
            .replace('ä', "ae")
            .replace('ö', "oe")
            .replace('ü', "ue")
    } else {
        phrase
    };
    match w.0.usize(..4) {
        0 => phrase.to_lowercase(),
        1 => phrase.to_uppercase(),
        _ => phrase,
    }
}

fn with_time(w: &mut Writer, phrase: String, time: Option<String>) -> String {
    match time {
        None => phrase,
        Some(time) if w.0.usize(..4) == 0 => format!("{time} {phrase}"),
        Some(time) => format!("{phrase} {time}"),
    }
}

const EN_NTH: [&str; 6] = ["", "1st", "2nd", "3rd", "4th", "5th"];
const EN_NTH_WORDS: [&str; 6] = ["", "first", "second", "third", "fourth", "fifth"];

fn en_day(w: &mut Writer, day: Weekday) -> String {
    let full = super::super::weekday_name(day);
    match w.0.usize(..3) {
        0 => full.to_owned(),
        1 => full[..3].to_lowercase(),
        _ => full.to_lowercase(),
    }
}

fn en_days(w: &mut Writer, days: &[Weekday], plural: bool) -> String {
    let names: Vec<String> = days
        .iter()
        .map(|d| {
            if plural {
                format!("{}s", super::super::weekday_name(*d).to_lowercase())
            } else {
                en_day(w, *d)
            }
        })
        .collect();
    let sep = w.pick(&[", ", " and "]);
    names.join(sep)
}

fn en_nth(w: &mut Writer, nth: i8) -> String {
    match usize::try_from(nth) {
        Ok(n) if w.coin() => EN_NTH_WORDS[n].to_owned(),
        Ok(n) => EN_NTH[n].to_owned(),
        Err(_) => "last".to_owned(),
    }
}

fn en_month_day(w: &mut Writer, day: i8) -> String {
    if day == -1 {
        return "last day".to_owned();
    }
    let suffix = match day % 10 {
        1 if day != 11 => "st",
        2 if day != 12 => "nd",
        3 if day != 13 => "rd",
        _ => "th",
    };
    if w.coin() {
        format!("{day}{suffix}")
    } else {
        day.to_string()
    }
}

fn english(w: &mut Writer, pattern: &Pattern) -> String {
    match pattern {
        Pattern::Daily { interval: 1 } => w.pick(&["daily", "every day", "Daily"]).to_owned(),
        Pattern::Daily { interval } => format!("every {interval} days"),
        Pattern::Weekly { interval, days } => {
            let (plain, plural) = (en_days(w, days, false), en_days(w, days, true));
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("weekly {plain}"),
                    format!("every {plain}"),
                    format!("every week on {plain}"),
                    format!("every week {plain}"),
                    plural,
                ]);
            } else {
                options.extend([
                    format!("every {n} weeks {plain}"),
                    format!("every {n} weeks on {plain}"),
                ]);
            }
            if n == 2 {
                options.extend([
                    format!("every other {plain}"),
                    format!("fortnightly {plain}"),
                    format!("every other week on {plain}"),
                ]);
            }
            w.pick(&options)
        }
        Pattern::MonthlyNth { interval, nth, day } => {
            let what = format!("{} {}", en_nth(w, *nth), en_day(w, *day));
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("monthly {what}"),
                    format!("monthly on the {what}"),
                    format!("the {what} of every month"),
                    format!("every {what}"),
                ]);
            } else {
                options.extend([
                    format!("every {n} months {what}"),
                    format!("every {n} months on the {what}"),
                ]);
            }
            if n == 2 {
                options.push(format!("every other month {what}"));
            }
            w.pick(&options)
        }
        Pattern::MonthlyDay { interval, day } => {
            let what = en_month_day(w, *day);
            let n = *interval;
            let mut options = vec![];
            if n == 1 {
                options.extend([
                    format!("monthly on {what}"),
                    format!("monthly on the {what}"),
                    format!("every month on {what}"),
                ]);
            } else {
                options.push(format!("every {n} months on {what}"));
            }
            if n == 2 {
                options.push(format!("every other month on {what}"));
            }
            if n == 3 {
                options.push(format!("quarterly on {what}"));
            }
            w.pick(&options)
        }
    }
}

fn english_time(w: &mut Writer, time: NaiveTime) -> String {
    let (h, m) = (time.hour(), time.minute());
    let mut options = vec![
        format!("{h:02}:{m:02}"),
        format!("at {h:02}:{m:02}"),
        format!("{h}:{m:02}"),
    ];
    if m == 0 {
        let (twelve, half) = match h {
            0 => (12, "am"),
            1..=11 => (h, "am"),
            12 => (12, "pm"),
            _ => (h - 12, "pm"),
        };
        options.push(format!("{twelve}{half}"));
        options.push(format!("at {twelve}{half}"));
    }
    w.pick(&options)
}

fn expected(pattern: &Pattern, time: Option<NaiveTime>) -> RuleSpec {
    RuleSpec {
        rrule: pattern.to_rrule(),
        time,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_german_phrase_reads_back_as_the_rule_it_names(
        pattern in pattern(),
        time in time(),
        seed in any::<u64>(),
    ) {
        let mut w = Writer(fastrand::Rng::with_seed(seed));
        let phrase = german(&mut w, &pattern);
        let clock = time.map(|t| german_time(&mut w, t));
        let phrase = with_time(&mut w, phrase, clock);
        let phrase = typed(&mut w, phrase);
        prop_assert_eq!(parse_rule(&phrase), Ok(expected(&pattern, time)), "{}", phrase);
    }

    #[test]
    fn an_english_phrase_reads_back_as_the_rule_it_names(
        pattern in pattern(),
        time in time(),
        seed in any::<u64>(),
    ) {
        let mut w = Writer(fastrand::Rng::with_seed(seed));
        let phrase = english(&mut w, &pattern);
        let clock = time.map(|t| english_time(&mut w, t));
        let phrase = with_time(&mut w, phrase, clock);
        let phrase = if w.coin() { phrase.to_uppercase() } else { phrase };
        prop_assert_eq!(parse_rule(&phrase), Ok(expected(&pattern, time)), "{}", phrase);
    }
}
