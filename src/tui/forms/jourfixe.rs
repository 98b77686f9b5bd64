//! The Jour fixe form: a rule phrase read live (the rule in words and its
//! next dates, or why it cannot be read, as you type), the channel by one
//! key as in the log form, an optional length and a note. A new one builds
//! the same [`Draft`] as `draht jourfixe add`; changing one starts with its
//! rule written back as a phrase (`weekly sun 18:00`), and keeps its first
//! date unless the rule itself changes.

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::log::channel_field;
use super::{Ctx, Field, Form, FormKind};
use crate::app::jourfixe_edit::Change;
use crate::i18n::{self, Lang};
use crate::jourfixe::{Draft, JourFixe, Tz, next_dates, parse_rule};
use crate::model::{Channel, Id};
use crate::parse::parse_minutes;
use crate::text::{clean, day_short};
use crate::tui::effects::Effect;
use crate::{t, tr};

pub const RULE: usize = 0;
pub const CHANNEL: usize = 1;
pub const DURATION: usize = 2;
pub const NOTE: usize = 3;

/// How many next dates the live line shows.
const PREVIEW_DATES: usize = 3;

/// The form for a new Jour fixe with `name`, counted from `today`.
pub fn jourfixe_form(contact: Id, name: &str, today: NaiveDate) -> Form {
    Form::new(
        FormKind::JourFixe {
            contact,
            today,
            editing: None,
        },
        t!("tui-jf-title", name = clean(name)),
        fields(None),
    )
}

/// The form for changing `jf` (with `name`), its fields as they are.
pub fn edit_jourfixe_form(jf: &JourFixe, name: &str, today: NaiveDate) -> Form {
    Form::new(
        FormKind::JourFixe {
            contact: jf.contact_id,
            today,
            editing: Some(Box::new(jf.clone())),
        },
        t!("tui-jf-edit-title", name = clean(name)),
        fields(Some(jf)),
    )
}

fn fields(jf: Option<&JourFixe>) -> Vec<Field> {
    let channel = jf.map_or(Channel::Call, |jf| jf.channel);
    let channel = Channel::ALL.iter().position(|c| *c == channel).unwrap_or(3);
    let rule = jf.map(|jf| phrase(&jf.rrule, jf.time)).unwrap_or_default();
    let length = jf
        .and_then(|jf| jf.duration_minutes)
        .map(crate::parse::minutes_text)
        .unwrap_or_default();
    let note = jf.and_then(|jf| jf.note.clone()).unwrap_or_default();
    vec![
        Field::text(tr!("tui-field-rule"), &rule, tr!("tui-hint-rule")),
        channel_field(channel),
        Field::text(tr!("tui-field-length"), &length, tr!("tui-hint-length")),
        Field::text(tr!("tui-field-note"), &note, tr!("tui-hint-jf-note")),
    ]
}

/// A stored rule as a phrase the rule field reads back to the same rule
/// and time, in the interface language ("monthly 2nd tue 10:00" — "jeden
/// 2. Dienstag im Monat um 10 Uhr"); the RRULE itself when no phrase does.
pub fn phrase(rrule: &str, time: Option<NaiveTime>) -> String {
    phrase_in(i18n::current(), rrule, time)
}

/// [`phrase`] in `lang`.
pub fn phrase_in(lang: Lang, rrule: &str, time: Option<NaiveTime>) -> String {
    let written = phrase_of(lang, rrule).map(|rule| match time {
        Some(at) => t!(
            lang;
            "tui-jf-phrase-at",
            rule = rule,
            time = at.format("%H:%M").to_string(),
            hour = at.hour(),
            minute = at.minute()
        ),
        None => rule,
    });
    match written {
        Some(p) if parse_rule(&p).is_ok_and(|s| s.rrule == rrule && s.time == time) => p,
        _ => {
            let at = time
                .map(|t| format!(" {}", t.format("%H:%M")))
                .unwrap_or_default();
            format!("RRULE:{rrule}{at}")
        }
    }
}

/// The words of the common rules in `lang`; `None` for the rest.
fn phrase_of(lang: Lang, rrule: &str) -> Option<String> {
    let mut freq = None;
    let mut interval = 1u32;
    let mut byday = None;
    let mut monthday = None;
    for part in rrule.split(';') {
        let (key, value) = part.split_once('=')?;
        match key {
            "FREQ" => freq = Some(value),
            "INTERVAL" => interval = value.parse().ok()?,
            "BYDAY" => byday = Some(value),
            "BYMONTHDAY" => monthday = Some(value),
            _ => return None,
        }
    }
    match (freq?, byday, monthday) {
        ("DAILY", None, None) => Some(t!(lang; "tui-jf-phrase-daily", count = interval)),
        ("WEEKLY", Some(days), None) => {
            let names: Option<Vec<String>> = days.split(',').map(|d| weekday(lang, d)).collect();
            let days = join_days(lang, &names?);
            Some(t!(lang; "tui-jf-phrase-weekly", count = interval, days = days))
        }
        ("MONTHLY", Some(day), None) => {
            let (nth, name) = day.split_at(day.len().checked_sub(2)?);
            let nth: i32 = nth
                .parse()
                .ok()
                .filter(|n| (1..=5).contains(n) || *n == -1)?;
            Some(t!(
                lang;
                "tui-jf-phrase-monthly-nth",
                count = interval,
                nth = t!(lang; "tui-jf-phrase-nth", n = nth),
                day = weekday(lang, name)?
            ))
        }
        ("MONTHLY", None, Some("-1")) => {
            Some(t!(lang; "tui-jf-phrase-monthly-last-day", count = interval))
        }
        ("MONTHLY", None, Some(day)) => Some(t!(
            lang;
            "tui-jf-phrase-monthly-day",
            count = interval,
            day = day.parse::<u32>().ok()?
        )),
        _ => None,
    }
}

/// A weekday of a BYDAY list (`TU`) as the phrase writes it: "tue" — "Dienstag".
fn weekday(lang: Lang, code: &str) -> Option<String> {
    matches!(code, "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU")
        .then(|| t!(lang; "tui-jf-phrase-weekday", day = code))
}

/// "mon, thu" — "Montag und Donnerstag".
fn join_days(lang: Lang, names: &[String]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(
            "{}{}{last}",
            rest.join(tr!(lang; "tui-jf-phrase-days-sep")),
            tr!(lang; "tui-jf-phrase-days-last-sep")
        ),
        _ => names.concat(),
    }
}

/// The draft the form describes from `from` on, or why not.
fn draft(form: &Form, from: NaiveDate) -> Result<Draft, String> {
    let text = form.fields[RULE].text_value();
    let spec = parse_rule(text).map_err(|e| e.to_string())?;
    let channel = Channel::ALL[form.fields[CHANNEL]
        .choice_index()
        .min(Channel::ALL.len() - 1)];
    let length = form.fields[DURATION].text_value();
    let duration = match length {
        "" => None,
        text => Some(parse_minutes(text).map_err(|e| e.to_string())?),
    };
    let note = form.fields[NOTE].text_value();
    let words = spec.describe_in(i18n::current());
    Draft::new(spec, from, channel, duration, Some(note), Tz::LOCAL)
        .ok_or_else(|| t!("tui-error-jf-no-date", rule = text, words = words.as_str()))
}

/// The live line: "the 2nd Tuesday of every month at 10:00 — next: Tue 8
/// Dec, Tue 12 Jan, Tue 9 Feb", or the reason the rule cannot be read.
/// Nothing while the rule field is empty.
pub fn preview(form: &Form, today: NaiveDate) -> Option<Result<String, String>> {
    if form.fields[RULE].text_value().is_empty() {
        return None;
    }
    let text = form.fields[RULE].text_value();
    Some(match parse_rule(text) {
        Err(e) => Err(e.to_string()),
        Ok(spec) => match Draft::new(spec.clone(), today, Channel::Call, None, None, Tz::LOCAL) {
            None => Err(t!(
                "tui-jf-preview-none",
                words = spec.describe_in(i18n::current())
            )),
            Some(d) => {
                let dates: Vec<String> =
                    next_dates(&d.for_contact(0), d.start, PREVIEW_DATES, Tz::LOCAL)
                        .into_iter()
                        .map(|date| day_short(date, today))
                        .collect();
                Ok(t!(
                    "tui-jf-preview",
                    words = spec.describe_in(i18n::current()),
                    dates = dates.join(", ")
                ))
            }
        },
    })
}

pub fn submit(
    form: &Form,
    ctx: &Ctx,
    contact: Id,
    editing: Option<&JourFixe>,
) -> Result<Effect, String> {
    let draft = draft(form, ctx.today)?;
    let Some(old) = editing else {
        return Ok(Effect::AddJourFixe { contact, draft });
    };
    // The same rule keeps its first date (an "every other week" stays on
    // its weeks): only a new one is given; the time as typed, always.
    let change = Change {
        rule: (draft.spec.rrule != old.rrule).then(|| draft.spec.clone()),
        time: Some(draft.spec.time),
        channel: Some(draft.channel),
        duration_minutes: Some(draft.duration_minutes),
        note: Some(draft.note.clone()),
        remind: None,
    };
    Ok(Effect::EditJourFixe {
        jourfixe: old.id,
        change: Box::new(change),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every phrase of the README's table that has words comes back as
    /// words that read to the same rule; the rest as its RRULE.
    #[test]
    fn a_stored_rule_is_written_back_as_a_phrase_that_reads_the_same() {
        for (typed, written) in [
            ("weekly sun 18:00", "weekly sun 18:00"),
            ("weekly mon, thu", "weekly mon, thu"),
            ("every other tue", "every 2 weeks tue"),
            ("every 2nd tue 10:00", "monthly 2nd tue 10:00"),
            ("monthly last fri 16:30", "monthly last fri 16:30"),
            ("monthly on the 15th", "monthly on 15"),
            ("monthly last day", "monthly last day"),
            ("every 3 months on 1", "every 3 months on 1"),
            ("daily", "daily"),
            ("every 3 days 07:00", "every 3 days 07:00"),
            (
                "jeden 2. Dienstag im Monat um 10:00 Uhr",
                "monthly 2nd tue 10:00",
            ),
        ] {
            let spec = parse_rule(typed).unwrap();
            assert_eq!(phrase(&spec.rrule, spec.time), written, "{typed}");
        }
        let odd = parse_rule("RRULE:FREQ=YEARLY;BYMONTH=6;BYDAY=1MO 09:00").unwrap();
        assert_eq!(
            phrase(&odd.rrule, odd.time),
            "RRULE:FREQ=YEARLY;BYMONTH=6;BYDAY=1MO 09:00"
        );
    }

    /// In German the form starts with a German phrase for every rule shape
    /// it can write (each interval, weekday list, nth and day of the
    /// month, with and without a time), and that phrase reads back to the
    /// same rule and time: never the RRULE fallback.
    #[test]
    fn a_stored_rule_is_written_back_in_german_and_reads_the_same() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        let spec = parse_rule("every 2nd tue 10:00").unwrap();
        assert_eq!(
            phrase_in(Lang::De, &spec.rrule, spec.time),
            "jeden 2. Dienstag im Monat um 10 Uhr"
        );
        let mut rules = Vec::new();
        for n in [1, 2, 3, 6] {
            let every = |freq: &str| match n {
                1 => format!("FREQ={freq}"),
                n => format!("FREQ={freq};INTERVAL={n}"),
            };
            rules.push(every("DAILY"));
            for days in ["MO", "SU", "MO,TH", "MO,WE,FR", "MO,TU,WE,TH,FR,SA,SU"] {
                rules.push(format!("{};BYDAY={days}", every("WEEKLY")));
            }
            for nth in ["1", "2", "3", "4", "5", "-1"] {
                for day in ["MO", "TU", "FR", "SU"] {
                    rules.push(format!("{};BYDAY={nth}{day}", every("MONTHLY")));
                }
            }
            for day in ["1", "15", "28", "31", "-1"] {
                rules.push(format!("{};BYMONTHDAY={day}", every("MONTHLY")));
            }
        }
        let times = [None, ten, NaiveTime::from_hms_opt(8, 30, 0)];
        let mut checked = 0;
        for rrule in &rules {
            // only the rules the parser itself writes this way
            let Ok(spec) = parse_rule(&format!("RRULE:{rrule}")) else {
                continue;
            };
            if spec.rrule != *rrule {
                continue;
            }
            for time in times {
                let german = phrase_in(Lang::De, rrule, time);
                assert!(!german.starts_with("RRULE:"), "{rrule} {time:?}: {german}");
                let back = parse_rule(&german).unwrap();
                assert_eq!((back.rrule.as_str(), back.time), (rrule.as_str(), time));
                checked += 1;
            }
        }
        assert!(checked > 150, "{checked}");
        // the live line under it reads in German too
        let spec = parse_rule("jeden Montag und Donnerstag um 8:30 Uhr").unwrap();
        assert_eq!(
            phrase_in(Lang::De, &spec.rrule, spec.time),
            "jeden Montag und Donnerstag um 08:30 Uhr"
        );
    }

    /// The rule field's hint gives examples ("e.g. …", "etwa …") that the
    /// field reads, in both languages.
    #[test]
    fn the_examples_under_the_rule_field_read() {
        for lang in Lang::ALL {
            let hint = tr!(lang; "tui-hint-rule");
            // the first example follows a word that says it is one
            let examples = hint.split_once(' ').map_or(hint, |(_, rest)| rest);
            for example in examples.split(" · ") {
                assert!(parse_rule(example).is_ok(), "{lang:?}: {example}");
            }
        }
    }

    /// The length field starts with the length in words, which it reads back.
    #[test]
    fn lengths_are_written_as_the_field_reads_them() {
        for minutes in [1, 45, 60, 90, 125, 24 * 60] {
            let text = crate::parse::minutes_text(minutes);
            assert_eq!(
                crate::parse::parse_minutes(&text).unwrap(),
                minutes,
                "{text}"
            );
        }
    }
}
