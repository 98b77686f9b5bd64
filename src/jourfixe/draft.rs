//! A new Jour fixe as a person gives it — rule, channel, length, note —
//! aligned to its first date. `draht jourfixe add` and the TUI's Jour fixe
//! form both build a [`Draft`] and store it with `store::jourfixe::add`, so
//! they accept, start and echo a rule alike. PURE: `from` is an argument.

use chrono::{Days, NaiveDate};

use super::{JourFixe, RuleSpec, Tz, aligned_start, occurrences};
use crate::model::{Channel, Id};

/// A Jour fixe before it belongs to anyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub spec: RuleSpec,
    /// The first date the rule falls on, on or after the day asked for.
    pub start: NaiveDate,
    pub channel: Channel,
    pub duration_minutes: Option<u32>,
    /// Trimmed; `None` when blank.
    pub note: Option<String>,
}

impl Draft {
    /// A draft starting on the rule's first date on or after `from`;
    /// `None` when the rule has no date from `from` on (an UNTIL or COUNT
    /// that has run out).
    pub fn new(
        spec: RuleSpec,
        from: NaiveDate,
        channel: Channel,
        duration_minutes: Option<u32>,
        note: Option<&str>,
        tz: Tz,
    ) -> Option<Draft> {
        let start = aligned_start(&spec.rrule, from, tz)?;
        Some(Draft {
            spec,
            start,
            channel,
            duration_minutes,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
        })
    }

    /// The record to store for `contact_id` (its `id` is 0 until stored).
    pub fn for_contact(&self, contact_id: Id) -> JourFixe {
        JourFixe {
            id: 0,
            contact_id,
            start: self.start,
            rrule: self.spec.rrule.clone(),
            time: self.spec.time,
            duration_minutes: self.duration_minutes,
            channel: self.channel,
            note: self.note.clone(),
            active: true,
            skipped: Vec::new(),
        }
    }
}

/// Up to `n` dates of `jf` still to hold from `from` on (skipped ones left
/// out), looking at most three years ahead.
pub fn next_dates(jf: &JourFixe, from: NaiveDate, n: usize, tz: Tz) -> Vec<NaiveDate> {
    let to = from
        .checked_add_days(Days::new(3 * 366))
        .unwrap_or(NaiveDate::MAX);
    occurrences(jf, from, to, tz)
        .into_iter()
        .filter(|d| !jf.is_skipped(*d))
        .take(n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jourfixe::parse_rule;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_draft_starts_on_the_first_date_of_its_rule() {
        // Tue 1 Dec 2026: the 2nd Tuesday is the 8th
        let spec = parse_rule("every 2nd tue 10:00").unwrap();
        let draft = Draft::new(spec, d(2026, 12, 1), Channel::Call, None, None, Tz::UTC).unwrap();
        assert_eq!(draft.start, d(2026, 12, 8));
        let jf = draft.for_contact(7);
        assert_eq!(jf.contact_id, 7);
        assert_eq!(
            next_dates(&jf, draft.start, 3, Tz::UTC),
            [d(2026, 12, 8), d(2027, 1, 12), d(2027, 2, 9)]
        );
    }

    #[test]
    fn a_blank_note_is_no_note_and_a_rule_that_ran_out_has_no_draft() {
        let spec = parse_rule("weekly fri").unwrap();
        let draft = Draft::new(
            spec,
            d(2026, 12, 1),
            Channel::Meet,
            Some(30),
            Some("  "),
            Tz::UTC,
        )
        .unwrap();
        assert_eq!(draft.note, None);
        assert_eq!(draft.duration_minutes, Some(30));
        let ended = parse_rule("RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20250101").unwrap();
        assert_eq!(
            Draft::new(ended, d(2026, 12, 1), Channel::Call, None, None, Tz::UTC),
            None
        );
    }

    #[test]
    fn next_dates_leave_out_skipped_ones() {
        let spec = parse_rule("weekly fri").unwrap();
        let draft = Draft::new(spec, d(2026, 12, 1), Channel::Call, None, None, Tz::UTC).unwrap();
        let mut jf = draft.for_contact(1);
        jf.skipped.push(d(2026, 12, 4));
        assert_eq!(
            next_dates(&jf, d(2026, 12, 1), 2, Tz::UTC),
            [d(2026, 12, 11), d(2026, 12, 18)]
        );
    }
}
