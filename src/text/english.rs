//! The English words of [`super`], written without Fluent: these are the
//! screens' fast paths (a row of `list` or `today` costs no lookup), and
//! `i18n/en/draht.ftl` holds the same words (the tests hold them equal).
//! The dispatchers in `text.rs` call these in English and the localized
//! forms otherwise.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::model::{Contact, Sphere};
use crate::schedule::{ContactFacts, TouchRef};

use super::{clean, push_num};

/// Days as a short age: "today", "12d", "15w", "3y".
pub fn age(days: i64) -> String {
    let mut out = String::new();
    push_age(&mut out, days);
    out
}

/// Appends [`age`] to `out`.
pub fn push_age(out: &mut String, days: i64) {
    if days < 0 {
        out.push_str("in ");
    }
    let n = days.unsigned_abs();
    match n {
        0 => return out.push_str("today"),
        1..=99 => push_num(out, n),
        100..=729 => push_num(out, n / 7),
        _ => push_num(out, n / 365),
    }
    out.push(match n {
        1..=99 => 'd',
        100..=729 => 'w',
        _ => 'y',
    });
}

/// Appends how long ago a day `days` back was: "today", "21d ago".
pub fn push_ago(out: &mut String, days: i64) {
    push_age(out, days);
    if days > 0 {
        out.push_str(" ago");
    }
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    let mut out = String::with_capacity(16);
    push_day(&mut out, date, today);
    out
}

/// Appends [`day`] to `out`: chrono's `%a %-d %b`, and ` %Y` when the
/// year is not `today`'s (chrono's formatter, not a hand-written one: see
/// docs/performance.md).
pub fn push_day(out: &mut String, date: NaiveDate, today: NaiveDate) {
    let format = if date.year() == today.year() {
        "%a %-d %b"
    } else {
        "%a %-d %b %Y"
    };
    let _ = write!(out, "{}", date.format(format));
}

/// A cadence in days as the shortest exact phrase: "2w", "1mo", "10d".
pub fn cadence(days: u32) -> String {
    crate::parse::Span::from_days(days).to_string()
}

/// Appends [`cadence`] to `out`.
pub fn push_cadence(out: &mut String, days: u32) {
    let span = crate::parse::Span::from_days(days);
    push_num(out, u64::from(span.amount()));
    out.push_str(span.unit().suffix());
}

/// Appends "call 21d" for a touch seen from `today`.
pub fn push_touch_age(out: &mut String, touch: &TouchRef, today: NaiveDate) {
    out.push_str(touch.channel.as_str());
    out.push(' ');
    push_age(out, (today - touch.on).num_days());
}

/// "work" / "priv." — the sphere in five cells.
pub fn sphere_short(sphere: Sphere) -> &'static str {
    match sphere {
        Sphere::Work => "work",
        Sphere::Private => "priv.",
    }
}

/// [`day`] under the name the TUI knows it by.
pub fn day_short(date: NaiveDate, today: NaiveDate) -> String {
    day(date, today)
}

/// "Anna Schmidt · work · Head of Sales, ACME · #client"
pub fn describe(contact: &Contact) -> String {
    let mut parts = vec![clean(&contact.name), contact.sphere.as_str().to_string()];
    let job: Vec<String> = [contact.role.as_deref(), contact.company.as_deref()]
        .into_iter()
        .flatten()
        .map(clean)
        .collect();
    if !job.is_empty() {
        parts.push(job.join(", "));
    }
    if !contact.tags.is_empty() {
        parts.push(
            contact
                .tags
                .iter()
                .map(|t| format!("#{}", clean(t)))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    parts.join(" · ")
}

/// Appends why a contact is where it is: "call 21d ago · 5 written since".
pub fn push_why(out: &mut String, facts: &ContactFacts, today: NaiveDate) {
    match &facts.last_personal {
        Some(t) => {
            out.push_str(t.channel.as_str());
            out.push(' ');
            push_ago(out, (today - t.on).num_days());
        }
        None => out.push_str("no personal touch yet"),
    }
    if facts.written_streak > 0 {
        out.push_str(" · ");
        push_num(out, u64::from(facts.written_streak));
        out.push_str(" written since");
    }
    if let Some(missed) = facts.last_missed {
        out.push_str(" · missed ");
        push_day(out, missed, today);
    }
}
