//! Dates, numbers, spans and names in the interface language, for the
//! screens to switch to (issue 21 part 3). Each function takes the
//! [`Lang`]; in English it gives exactly the words the screens print today
//! (the tests hold that byte for byte), so a screen can move to it without
//! changing its English.
//!
//! German follows CLDR's `de`: `Mo., 7. Dez.`, `Dienstag, 8. Dezember
//! 2026`, abbreviated months `Jan.`, `März`, `Juni`, `Sept.`, 24-hour
//! times, weeks from Monday, `1.234`, `2,5`, `42 %`. Weekday and month names
//! are tables here (as chrono's English ones are); the phrases with a
//! number and a plural (`vor 3 Tagen`, `1 Tag überfällig`) come from the
//! `.ftl` files through [`crate::i18n`], and so do channel and status names.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::i18n::{self, Lang};
use crate::jourfixe::OccurrenceState;
use crate::model::{Channel, Contact, HookKind, Outcome, Sphere};
use crate::parse::{Span, SpanUnit};
use crate::schedule::{ContactFacts, Status};
use crate::t;

/// CLDR `de` weekdays, Monday first: abbreviated (with the dot) and in full.
const DE_WEEKDAYS: [(&str, &str); 7] = [
    ("Mo.", "Montag"),
    ("Di.", "Dienstag"),
    ("Mi.", "Mittwoch"),
    ("Do.", "Donnerstag"),
    ("Fr.", "Freitag"),
    ("Sa.", "Samstag"),
    ("So.", "Sonntag"),
];

/// CLDR `de` months: abbreviated and in full.
const DE_MONTHS: [(&str, &str); 12] = [
    ("Jan.", "Januar"),
    ("Feb.", "Februar"),
    ("März", "März"),
    ("Apr.", "April"),
    ("Mai", "Mai"),
    ("Juni", "Juni"),
    ("Juli", "Juli"),
    ("Aug.", "August"),
    ("Sept.", "September"),
    ("Okt.", "Oktober"),
    ("Nov.", "November"),
    ("Dez.", "Dezember"),
];

/// The ways the screens write a date. English is chrono's pattern, named
/// beside each style; German is the CLDR `de` form.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// `%a %d`: "Fri 04" — "Fr. 04"
    WeekdayDay,
    /// `%a %-d %b`: "Fri 4 Dec" — "Fr., 4. Dez."
    WeekdayDayMonth,
    /// `%a %-d %b %Y`: "Fri 4 Dec 2026" — "Fr., 4. Dez. 2026"
    WeekdayDayMonthYear,
    /// `%-d %b`: "4 Dec" — "4. Dez."
    DayMonth,
    /// `%-d %b %Y`: "4 Dec 2026" — "4. Dez. 2026"
    DayMonthYear,
    /// `%e %b`: " 4 Dec" — " 4. Dez." (the day padded to two columns)
    PaddedDayMonth,
    /// `%b %Y`: "Dec 2026" — "Dez. 2026"
    MonthYear,
    /// `%B %Y`: "December 2026" — "Dezember 2026"
    LongMonthYear,
    /// `%A %-d %B %Y`: "Tuesday 1 December 2026" — "Dienstag, 1. Dezember 2026"
    Long,
}

impl DateStyle {
    /// The chrono pattern the English screens use for this style.
    pub fn english_pattern(self) -> &'static str {
        match self {
            DateStyle::WeekdayDay => "%a %d",
            DateStyle::WeekdayDayMonth => "%a %-d %b",
            DateStyle::WeekdayDayMonthYear => "%a %-d %b %Y",
            DateStyle::DayMonth => "%-d %b",
            DateStyle::DayMonthYear => "%-d %b %Y",
            DateStyle::PaddedDayMonth => "%e %b",
            DateStyle::MonthYear => "%b %Y",
            DateStyle::LongMonthYear => "%B %Y",
            DateStyle::Long => "%A %-d %B %Y",
        }
    }
}

/// `date` in `style` and `lang`.
pub fn date(lang: Lang, date: NaiveDate, style: DateStyle) -> String {
    if lang == Lang::En {
        return date.format(style.english_pattern()).to_string();
    }
    let (wd_short, wd_long) = DE_WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let (mo_short, mo_long) = DE_MONTHS[date.month0() as usize];
    let (d, y) = (date.day(), date.format("%Y"));
    match style {
        DateStyle::WeekdayDay => format!("{wd_short} {d:02}"),
        DateStyle::WeekdayDayMonth => format!("{wd_short}, {d}. {mo_short}"),
        DateStyle::WeekdayDayMonthYear => format!("{wd_short}, {d}. {mo_short} {y}"),
        DateStyle::DayMonth => format!("{d}. {mo_short}"),
        DateStyle::DayMonthYear => format!("{d}. {mo_short} {y}"),
        DateStyle::PaddedDayMonth => format!("{d:>2}. {mo_short}"),
        DateStyle::MonthYear => format!("{mo_short} {y}"),
        DateStyle::LongMonthYear => format!("{mo_long} {y}"),
        DateStyle::Long => format!("{wd_long}, {d}. {mo_long} {y}"),
    }
}

/// A day as the agenda names it: [`super::day`] in English ("Fri 4 Dec",
/// the year only when it is not `today`'s), "Fr., 4. Dez." in German.
pub fn day_in(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    match lang {
        Lang::En => super::english::day(day, today),
        Lang::De if day.year() == today.year() => date(lang, day, DateStyle::WeekdayDayMonth),
        Lang::De => date(lang, day, DateStyle::WeekdayDayMonthYear),
    }
}

/// The weekday of a day, short: "Tue" — "Di.".
pub fn weekday(lang: Lang, day: NaiveDate) -> &'static str {
    weekday_of(lang, day.weekday())
}

/// A weekday, short: "Tue" — "Di." (English as chrono writes it).
pub fn weekday_of(lang: Lang, day: Weekday) -> &'static str {
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::En => EN[i],
        Lang::De => DE_WEEKDAYS[i].0,
    }
}

/// A cadence in days as the shortest exact phrase: "2w", "1mo", "10d" —
/// "2 Wo.", "1 Mon.", "10 T.".
pub fn cadence_in(lang: Lang, days: u32) -> String {
    if lang == Lang::En {
        return super::english::cadence(days);
    }
    let span = Span::from_days(days);
    let id = match span.unit() {
        SpanUnit::Days => "cadence-days",
        SpanUnit::Weeks => "cadence-weeks",
        SpanUnit::Months => "cadence-months",
        SpanUnit::Years => "cadence-years",
    };
    i18n::counted(lang, id, i64::from(span.amount())).to_owned()
}

/// A cadence as "how often": "every 2w" — "alle 2 Wo.", and in German
/// "täglich", "wöchentlich", "monatlich", "jährlich" for one unit ("alle 1
/// Mon." read oddly). The `every` message chooses; messages that say how
/// often take this whole phrase as `$every`.
pub fn every_in(lang: Lang, days: u32) -> String {
    let span = Span::from_days(days);
    let unit = match span.unit() {
        SpanUnit::Days => "days",
        SpanUnit::Weeks => "weeks",
        SpanUnit::Months => "months",
        SpanUnit::Years => "years",
    };
    t!(
        lang;
        "every",
        cadence = cadence_in(lang, days),
        count = i64::from(span.amount()),
        unit = unit
    )
}

/// Why a contact is where it is, in `lang` (English: [`super::why`]).
pub fn push_why_in(lang: Lang, out: &mut String, facts: &ContactFacts, today: NaiveDate) {
    if lang == Lang::En {
        return super::english::push_why(out, facts, today);
    }
    match &facts.last_personal {
        Some(touch) => out.push_str(&t!(
            lang;
            "why-last-personal",
            channel = channel_name(lang, touch.channel),
            when = relative(lang, (today - touch.on).num_days())
        )),
        None => out.push_str(i18n::kept(lang, "why-no-personal")),
    }
    if facts.written_streak > 0 {
        out.push_str(" · ");
        out.push_str(i18n::counted(
            lang,
            "why-written-since",
            i64::from(facts.written_streak),
        ));
    }
    if let Some(missed) = facts.last_missed {
        out.push_str(" · ");
        out.push_str(&t!(lang; "why-missed", day = day_in(lang, missed, today)));
    }
}

/// "Anna Schmidt · work · Head of Sales, ACME · #client" in `lang`.
pub fn describe_in(lang: Lang, contact: &Contact) -> String {
    if lang == Lang::En {
        return super::english::describe(contact);
    }
    let mut parts = vec![
        super::clean(&contact.name),
        sphere_name(lang, contact.sphere).to_owned(),
    ];
    let job: Vec<String> = [contact.role.as_deref(), contact.company.as_deref()]
        .into_iter()
        .flatten()
        .map(super::clean)
        .collect();
    if !job.is_empty() {
        parts.push(job.join(", "));
    }
    if !contact.tags.is_empty() {
        let tags: Vec<String> = contact
            .tags
            .iter()
            .map(|t| format!("#{}", super::clean(t)))
            .collect();
        parts.push(tags.join(" "));
    }
    parts.join(" · ")
}

/// A sphere as shown on screen: "work", "private" — "beruflich", "privat".
pub fn sphere_name(lang: Lang, sphere: Sphere) -> &'static str {
    match sphere {
        Sphere::Work => i18n::kept(lang, "sphere-work"),
        Sphere::Private => i18n::kept(lang, "sphere-private"),
    }
}

/// The sphere in five or six cells: "work", "priv." — "Beruf", "privat".
pub fn sphere_short_in(lang: Lang, sphere: Sphere) -> &'static str {
    match sphere {
        Sphere::Work => i18n::kept(lang, "sphere-work-short"),
        Sphere::Private => i18n::kept(lang, "sphere-private-short"),
    }
}

/// A hook's kind on screen: "project" — "Projekt".
pub fn hook_kind_name(lang: Lang, kind: HookKind) -> &'static str {
    i18n::kept(
        lang,
        match kind {
            HookKind::Project => "hook-kind-project",
            HookKind::Offer => "hook-kind-offer",
            HookKind::Common => "hook-kind-common",
            HookKind::Hobby => "hook-kind-hobby",
            HookKind::Personal => "hook-kind-personal",
        },
    )
}

/// A touch's outcome on screen: "done", "missed" — "erledigt", "nicht erreicht".
pub fn outcome_name(lang: Lang, outcome: Outcome) -> &'static str {
    i18n::kept(
        lang,
        match outcome {
            Outcome::Done => "outcome-done",
            Outcome::Missed => "outcome-missed",
        },
    )
}

/// How a Jour fixe's date went: "kept", "missed" — "gehalten", "verpasst".
/// `--json` keeps [`OccurrenceState::as_str`].
pub fn occurrence_name(lang: Lang, state: OccurrenceState) -> &'static str {
    i18n::kept(
        lang,
        match state {
            OccurrenceState::Upcoming => "occurrence-upcoming",
            OccurrenceState::Kept => "occurrence-kept",
            OccurrenceState::Skipped => "occurrence-skipped",
            OccurrenceState::Missed => "occurrence-missed",
        },
    )
}

/// A time of day, 24-hour in both languages: "18:30".
pub fn time(_lang: Lang, time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The first day of the week: Monday (the default of `week_start`).
pub fn week_start(_lang: Lang) -> Weekday {
    Weekday::Mon
}

/// The English two-letter weekdays of a month grid, Monday first.
const EN_HEADER: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// The two-letter weekday header of a month grid, from `start`:
/// " Mo Tu We Th Fr Sa Su" in English, " Mo Di Mi Do Fr Sa So" in German.
pub fn weekday_header(lang: Lang, start: Weekday) -> String {
    let mut out = String::with_capacity(21);
    let mut day = start;
    for _ in 0..7 {
        out.push(' ');
        match lang {
            Lang::En => out.push_str(EN_HEADER[day.num_days_from_monday() as usize]),
            Lang::De => out.push_str(&DE_WEEKDAYS[day.num_days_from_monday() as usize].0[..2]),
        }
        day = day.succ();
    }
    out
}

/// The unit and count [`super::age`] shows `days` in: days up to 99, weeks
/// up to 729 days, years beyond.
fn age_unit(days: u64) -> (&'static str, u64) {
    match days {
        0..=99 => ("day", days),
        100..=729 => ("week", days / 7),
        _ => ("year", days / 365),
    }
}

/// `days` ago (negative: ahead), short as in a column: [`super::age`] in
/// English ("12d", "15w", "3y", "in 12d", "today"), "12 T.", "15 Wo.",
/// "3 J.", "in 12 T.", "heute" in German.
pub fn age_in(lang: Lang, days: i64) -> String {
    if lang == Lang::En {
        return super::english::age(days);
    }
    let (unit, count) = age_unit(days.unsigned_abs());
    match (days, days < 0) {
        (0, _) => t!(lang; "age-today"),
        (_, false) => t!(lang; "age-short", unit = unit, count = count),
        (_, true) => t!(lang; "age-short-ahead", unit = unit, count = count),
    }
}

/// `days` ago (negative: ahead) in words: "21d ago", "in 12d", "today" in
/// English (as the "why" line says it); "vor 21 Tagen", "in 12 Tagen",
/// "gestern", "morgen", "heute" in German.
pub fn relative(lang: Lang, days: i64) -> String {
    let (unit, count) = age_unit(days.unsigned_abs());
    match days {
        0 => t!(lang; "relative-today"),
        d if d > 0 => t!(lang; "relative-ago", unit = unit, count = count),
        _ => t!(lang; "relative-ahead", unit = unit, count = count),
    }
}

/// A check-in `days` late: "5d overdue" — "5 Tage überfällig".
pub fn overdue(lang: Lang, days: u32) -> String {
    t!(lang; "days-overdue", count = days)
}

/// A span in words: "3 days", "1 week", "6 months" — "3 Tage", "1 Woche".
pub fn span_words(lang: Lang, span: Span) -> String {
    let count = span.amount();
    match span.unit() {
        SpanUnit::Days => t!(lang; "span-days", count = count),
        SpanUnit::Weeks => t!(lang; "span-weeks", count = count),
        SpanUnit::Months => t!(lang; "span-months", count = count),
        SpanUnit::Years => t!(lang; "span-years", count = count),
    }
}

/// A whole number: "1234" in English (as the screens print it), "1.234"
/// in German.
pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    if lang == Lang::En || digits.len() <= 3 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number with one decimal: "2.5" — "2,5".
pub fn decimal(lang: Lang, x: f64) -> String {
    let text = format!("{x:.1}");
    match lang {
        Lang::En => text,
        Lang::De => text.replace('.', ","),
    }
}

/// A share as a percentage: "42%" — "42 %" (a no-break space, as CLDR).
pub fn percent(lang: Lang, share: f64) -> String {
    match lang {
        Lang::En => format!("{:.0}%", share * 100.0),
        Lang::De => format!("{:.0}\u{a0}%", share * 100.0),
    }
}

/// The names looked up once per language and kept.
struct Names {
    channels: [String; 6],
    statuses: [String; 5],
    headings: [String; 4],
}

static NAMES: [OnceLock<Names>; 2] = [OnceLock::new(), OnceLock::new()];

fn names(lang: Lang) -> &'static Names {
    let slot = match lang {
        Lang::En => &NAMES[0],
        Lang::De => &NAMES[1],
    };
    slot.get_or_init(|| Names {
        channels: Channel::ALL.map(|c| t!(lang; channel_id(c))),
        statuses: STATUSES.map(|s| t!(lang; status_id(s))),
        headings: [
            t!(lang; "heading-overdue"),
            t!(lang; "heading-due"),
            t!(lang; "heading-planned"),
            t!(lang; "heading-soon"),
        ],
    })
}

const STATUSES: [Status; 5] = [
    Status::Planned,
    Status::Overdue,
    Status::Due,
    Status::Soon,
    Status::Ok,
];

fn channel_id(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "channel-sms",
        Channel::Email => "channel-email",
        Channel::Chat => "channel-chat",
        Channel::Call => "channel-call",
        Channel::Video => "channel-video",
        Channel::Meet => "channel-meet",
    }
}

fn status_id(status: Status) -> &'static str {
    match status {
        Status::Planned => "status-planned",
        Status::Overdue => "status-overdue",
        Status::Due => "status-due",
        Status::Soon => "status-soon",
        Status::Ok => "status-ok",
    }
}

/// A channel as shown on screen: "call" — "Anruf". What is stored and what
/// `--json` prints stays [`Channel::as_str`].
pub fn channel_name(lang: Lang, channel: Channel) -> &'static str {
    let i = Channel::ALL.iter().position(|c| *c == channel).unwrap_or(0);
    &names(lang).channels[i]
}

/// A check-in status as shown on screen: "overdue", "due" — "überfällig",
/// "heute fällig". `--json` keeps [`Status::as_str`].
pub fn status_name(lang: Lang, status: Status) -> &'static str {
    let i = STATUSES.iter().position(|s| *s == status).unwrap_or(0);
    &names(lang).statuses[i]
}

/// The agenda section of a status: "OVERDUE", "DUE TODAY", "PLANNED",
/// "SOON" — "ÜBERFÄLLIG", "HEUTE FÄLLIG", "GEPLANT", "BALD". `None` for
/// `ok`, which has no section.
pub fn status_heading(lang: Lang, status: Status) -> Option<&'static str> {
    let i = match status {
        Status::Overdue => 0,
        Status::Due => 1,
        Status::Planned => 2,
        Status::Soon => 3,
        Status::Ok => return None,
    };
    Some(&names(lang).headings[i])
}

#[cfg(test)]
mod tests;
