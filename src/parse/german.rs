//! German input, read whatever the interface language: the words and the
//! rewrite that turns German WHEN phrases into forms the normaliser in
//! `when` reads (`übermorgen` → `in 2 tagen`, `15.3.` → `2027-03-15`,
//! `um 19 Uhr` → `19:00`).
//!
//! Every table holds umlaut-free spellings: a word is looked up after
//! [`fold`], so `übermorgen` and `uebermorgen`, `nächsten` and `naechsten`,
//! `zwölf` and `zwoelf` are the same word.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::Lean;

/// Why a recognised German form was refused (English; shown through
/// `parse::message`).
pub(super) const TWO_DIGIT_YEAR: &str = "write the year with four digits";
const NO_SUCH_DAY: &str = "there is no such day";
const OFF_CALENDAR: &str = "it is outside the calendar";

/// `ä ö ü ß` as `ae oe ue ss`; borrowed when there is none.
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Number words one to twelve, with the forms of "ein" (`vor einer Woche`,
/// `in einem Monat`).
const NUMBERS: &[(&str, u32)] = &[
    ("ein", 1),
    ("eine", 1),
    ("einen", 1),
    ("einem", 1),
    ("einer", 1),
    ("eins", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fuenf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwoelf", 12),
];

/// `zwei` → 2, `zwölf` → 12, `einer` → 1 (lower case).
pub(crate) fn number_word(word: &str) -> Option<u32> {
    let word = fold(word);
    NUMBERS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| n)
}

/// The stems of the ordinals first to twelfth; any ending follows.
const ORDINAL_STEMS: [&str; 12] = [
    "erst", "zweit", "dritt", "viert", "fuenft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwoelft",
];

/// `erste`, `zweiten`, `dritter`, `fünftes`, `zwölften` → 1 … 12.
pub(crate) fn ordinal_word(word: &str) -> Option<u32> {
    let word = fold(word);
    let stem = ["e", "en", "er", "es", "em"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))?;
    ORDINAL_STEMS
        .iter()
        .position(|s| *s == stem)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// German weekdays, Monday first: the short form and the full name.
pub(crate) const WEEKDAYS: [(&str, &str); 7] = [
    ("mo", "montag"),
    ("di", "dienstag"),
    ("mi", "mittwoch"),
    ("do", "donnerstag"),
    ("fr", "freitag"),
    ("sa", "samstag"),
    ("so", "sonntag"),
];

/// The full name of a German weekday given short (`Mo`, `Mo.`) or in full.
fn weekday_name(word: &str) -> Option<&'static str> {
    let word = word.strip_suffix('.').unwrap_or(word);
    WEEKDAYS
        .iter()
        .find(|(short, full)| *short == word || *full == word)
        .map(|&(_, full)| full)
        .or_else(|| (word == "sonnabend").then_some("samstag"))
}

/// Words that only German input uses; one of them makes an error list the
/// German examples.
const GERMAN_WORDS: &[&str] = &[
    "heute",
    "gestern",
    "vorgestern",
    "morgen",
    "uebermorgen",
    "jetzt",
    "vor",
    "tag",
    "tage",
    "tagen",
    "woche",
    "wochen",
    "monat",
    "monate",
    "monaten",
    "jahr",
    "jahre",
    "jahren",
    "letzten",
    "letzter",
    "naechsten",
    "naechster",
    "kommenden",
    "vergangenen",
    "am",
    "um",
    "uhr",
    "jeden",
    "jede",
    "alle",
    "im",
    "sonnabend",
    "woechentlich",
    "monatlich",
    "jaehrlich",
    "vierteljaehrlich",
    "taeglich",
];

/// Whether `input` reads as German: a German word, an umlaut, a weekday
/// name or a dotted date (`15.3.`).
pub(crate) fn looks_german(input: &str) -> bool {
    let lower = input.to_lowercase();
    if lower.contains(['ä', 'ö', 'ü', 'ß']) {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        let bare = word.trim_end_matches('.');
        // `6 mo` is six months
        let after_number = i > 0 && words[i - 1].bytes().any(|b| b.is_ascii_digit());
        GERMAN_WORDS.contains(&bare)
            || (weekday_name(word).is_some() && !after_number)
            || bare
                .strip_suffix('s')
                .is_some_and(|day| day.len() > 2 && weekday_name(day).is_some())
            || number_word(bare).is_some()
            || ordinal_word(bare).is_some()
            || bare.ends_with("taegig")
            || bare.ends_with("woechentlich")
            || dotted_date(word).is_some()
    })
}

/// The year if given, the month and the day of a dotted date.
type Dotted = (Option<i32>, u32, u32);

/// A dotted German date: day, month and the year if given. `Err` for a
/// dotted date with a two-digit year.
fn dotted_date(word: &str) -> Option<Result<Dotted, &'static str>> {
    let mut parts = word.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(day, 1..=2) || !digits(month, 1..=2) {
        return None;
    }
    let (day, month) = (day.parse().ok()?, month.parse().ok()?);
    match year.len() {
        0 => Some(Ok((None, month, day))),
        4 if digits(year, 4..=4) => Some(Ok((Some(year.parse().ok()?), month, day))),
        2 if digits(year, 2..=2) => Some(Err(TWO_DIGIT_YEAR)),
        _ => None,
    }
}

/// The day a year-less date names: looking back, the latest such day on or
/// before today; planning, the first on or after today. 29 February goes to
/// the nearest leap year in that direction.
fn without_year(
    month: u32,
    day: u32,
    today: NaiveDate,
    lean: Lean,
) -> Result<NaiveDate, &'static str> {
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(NO_SUCH_DAY);
    }
    let step = match lean {
        Lean::Past => -1,
        Lean::Future => 1,
    };
    let mut year = today.year();
    // Eight years is the longest gap between two leap days (2096 → 2104).
    for _ in 0..=8 {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            let fits = match lean {
                Lean::Past => date <= today,
                Lean::Future => date >= today,
            };
            if fits {
                return Ok(date);
            }
        }
        year += step;
    }
    Err(OFF_CALENDAR)
}

/// A dotted date as the ISO day the normaliser reads. A year given is kept
/// as written, so an impossible day (`31.2.2026`) is refused downstream as
/// "no such day".
fn iso_of_dotted(word: &str, today: NaiveDate, lean: Lean) -> Option<Result<String, &'static str>> {
    let parsed = match dotted_date(word)? {
        Ok(parsed) => parsed,
        Err(problem) => return Some(Err(problem)),
    };
    Some(match parsed {
        (Some(year), month, day) => Ok(format!("{year:04}-{month:02}-{day:02}")),
        (None, month, day) => without_year(month, day, today, lean).and_then(|d| {
            if (0..=9999).contains(&d.year()) {
                Ok(d.format("%Y-%m-%d").to_string())
            } else {
                Err(OFF_CALENDAR)
            }
        }),
    })
}

/// `18:30`-like (digits and a colon): left for the normaliser to check.
fn is_clock(word: &str) -> bool {
    word.contains(':') && word.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// One or two digits: an hour before `Uhr` or after `um`.
fn is_hour(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// `18.30` before `Uhr`: a time written the German way.
fn dotted_clock(word: &str) -> Option<String> {
    let (hour, minute) = word.split_once('.')?;
    (is_hour(hour) && minute.len() == 2 && minute.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{hour}:{minute}"))
}

/// The time of day German writes around a clock: `um 19 Uhr`, `um 18.30`,
/// `19 Uhr`, `18:30 Uhr`. Returns the `HH:MM` word and how many words it
/// took, when `words` starts with one.
pub(crate) fn german_time(words: &[&str]) -> Option<(String, usize)> {
    let (at, rest) = match words {
        ["um", rest @ ..] => (1, rest),
        rest => (0, rest),
    };
    let (clock, uhr) = match rest {
        [clock, "uhr", ..] => (*clock, true),
        [clock, ..] if at == 1 => (*clock, false),
        _ => return None,
    };
    let time = if is_hour(clock) {
        format!("{clock}:00")
    } else if let Some(time) = dotted_clock(clock) {
        time
    } else if is_clock(clock) && (uhr || at == 1) {
        clock.to_owned()
    } else {
        return None;
    };
    Some((time, at + 1 + usize::from(uhr)))
}

/// German words that mean an English-normalised phrase.
fn replacement(word: &str) -> Option<&'static str> {
    Some(match word {
        "vorgestern" => "vor 2 tagen",
        "uebermorgen" => "in 2 tagen",
        "vergangenen" | "vergangener" | "letzte" => "letzten",
        "kommenden" | "kommender" | "naechste" => "naechsten",
        _ => return None,
    })
}

/// Rewrites the German parts of a lower-case WHEN into what the normaliser
/// reads; `Ok(None)` when there is nothing German to rewrite. `Err` carries
/// why a German form was refused (a two-digit year, a 31 April).
pub(super) fn rewrite(
    lower: &str,
    today: NaiveDate,
    lean: Lean,
) -> Result<Option<String>, &'static str> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        let word = fold(words[i]);
        let after_direction = i > 0 && matches!(words[i - 1], "vor" | "in");
        // `6 mo` is six months, not Monday.
        let after_number = i > 0 && words[i - 1].bytes().any(|b| b.is_ascii_digit());
        if let Some((time, used)) = german_time(&words[i..]) {
            out.push(Cow::Owned(time));
            i += used;
            changed = true;
            continue;
        }
        let next_is_day = words.get(i + 1).is_some_and(|next| {
            let next = fold(next);
            weekday_name(&next).is_some()
                || dotted_date(&next).is_some()
                || matches!(
                    &*next,
                    "letzten" | "naechsten" | "kommenden" | "vergangenen"
                )
        });
        let rewritten: Option<Cow<'_, str>> = if word == "am" && next_is_day {
            Some(Cow::Borrowed(""))
        } else if let Some(iso) = iso_of_dotted(&word, today, lean) {
            Some(Cow::Owned(iso?))
        } else if let Some(text) = replacement(&word) {
            Some(Cow::Borrowed(text))
        } else if let Some(full) = weekday_name(&word).filter(|full| *full != word && !after_number)
        {
            Some(Cow::Borrowed(full))
        } else if after_direction && let Some(n) = number_word(&word) {
            Some(Cow::Owned(n.to_string()))
        } else if matches!(word, Cow::Owned(_)) {
            Some(Cow::Owned(word.clone().into_owned()))
        } else {
            None
        };
        match rewritten {
            Some(text) => {
                changed = true;
                if !text.is_empty() {
                    out.push(text);
                }
            }
            None => out.push(Cow::Borrowed(words[i])),
        }
        i += 1;
    }
    Ok(changed.then(|| out.join(" ")))
}

#[cfg(test)]
mod tests;
