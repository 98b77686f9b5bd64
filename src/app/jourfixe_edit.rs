//! `draht jourfixe edit`: changing a standing appointment — its rule, time
//! of day, length, channel, note and reminder — in one write transaction,
//! and the reminder `jourfixe add --remind` / `--no-remind` gives a new one.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::Who;

use crate::error::{Error, Result};
use crate::jourfixe::agenda::Tracked;
use crate::jourfixe::{Draft, RuleSpec, Tz, aligned_start};
use crate::model::{Channel, Id};
use crate::remind::Remind;
use crate::schedule::Settings;
use crate::store::{Store, jourfixe, reminders};

/// What to change; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// A new rule. Without a time of its own it keeps the old time.
    pub rule: Option<RuleSpec>,
    /// A new time of day; `Some(None)`: all day.
    pub time: Option<Option<NaiveTime>>,
    pub channel: Option<Channel>,
    /// A new length; `Some(None)`: none (the calendar's default).
    pub duration_minutes: Option<Option<u32>>,
    /// A new note; `Some(None)` or a blank one removes it.
    pub note: Option<Option<String>>,
    pub remind: Option<Remind>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

/// The Jour fixe after the change, tracked on `today`, with its reminder.
#[derive(Clone, Debug)]
pub struct Edited {
    pub tracked: Tracked,
    pub remind: Remind,
    /// The Jour fixe as it was before the change (what an undo puts back).
    pub before: crate::jourfixe::JourFixe,
}

/// Applies `change` to Jour fixe `id`. A new rule starts on its first date
/// from today (or from the old start, when that is later); a rule with no
/// date left is an input error and nothing changes.
pub fn edit(
    store: &mut Store,
    id: Id,
    change: &Change,
    today: NaiveDate,
    settings: &Settings,
    tz: Tz,
) -> Result<Edited> {
    if change.is_empty() {
        return Err(Error::input(crate::tr!("error-jf-nothing-to-change")));
    }
    store.write(|tx| {
        let mut jf = jourfixe::get(tx, id)?;
        let before = jf.clone();
        if let Some(spec) = &change.rule {
            let from = today.max(jf.start);
            jf.start = aligned_start(&spec.rrule, from, tz).ok_or_else(|| {
                Error::input(crate::t!(
                    "error-jf-new-rule-no-date",
                    rule = spec.describe_in(crate::i18n::current()),
                    from = from.to_string()
                ))
            })?;
            jf.rrule = spec.rrule.clone();
            if spec.time.is_some() {
                jf.time = spec.time;
            }
        }
        if let Some(time) = change.time {
            jf.time = time;
        }
        if let Some(channel) = change.channel {
            jf.channel = channel;
        }
        if let Some(minutes) = change.duration_minutes {
            jf.duration_minutes = minutes;
        }
        if let Some(note) = &change.note {
            jf.note = note.clone();
        }
        let jf = jourfixe::update(tx, &jf)?;
        if let Some(remind) = change.remind {
            reminders::set(tx, id, remind)?;
        }
        let remind = reminders::get(tx, id)?;
        let tracked = super::jourfixe::one_in(tx, jf, today, settings, tz)?;
        Ok(Edited {
            tracked,
            remind,
            before,
        })
    })
}

/// Records `draft` as a new Jour fixe with `who` and its own reminder, in
/// one transaction (`jourfixe add --remind 1h` / `--no-remind`); returns
/// it tracked on `today`.
pub fn add(
    s: &mut Store,
    who: Who,
    draft: &Draft,
    remind: Remind,
    today: NaiveDate,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Tracked> {
    s.write(|tx| {
        let contact = who.contact(tx)?;
        let id = jourfixe::add(tx, contact.id, draft, now)?;
        reminders::set(tx, id, remind)?;
        super::jourfixe::one(tx, id, today, settings)
    })
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::jourfixe::{Draft, parse_rule};
    use crate::model::Contact;
    use crate::store::contacts;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn an_edit_changes_what_it_names_and_keeps_the_rest() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .write(|tx| {
                let anna = contacts::insert(tx, &Contact::new("Anna", now), now)?;
                let spec = parse_rule("weekly tue 10:00").unwrap();
                let draft =
                    Draft::new(spec, d(12, 1), Channel::Call, Some(30), Some("q3"), Tz::UTC)
                        .unwrap();
                let id = jourfixe::add(tx, anna, &draft, now)?;
                jourfixe::skip(tx, id, d(12, 15), Tz::UTC)?;
                Ok(id)
            })
            .unwrap();
        let settings = Settings::default();
        let change = Change {
            rule: Some(parse_rule("weekly thu").unwrap()),
            duration_minutes: Some(Some(45)),
            remind: Some(Remind::Before(60)),
            ..Change::default()
        };
        let edited = edit(&mut store, id, &change, d(12, 8), &settings, Tz::UTC).unwrap();
        let jf = &edited.tracked.jf;
        assert_eq!(jf.rrule, "FREQ=WEEKLY;BYDAY=TH");
        assert_eq!(jf.start, d(12, 10), "the first Thursday from today");
        assert_eq!(jf.time, NaiveTime::from_hms_opt(10, 0, 0), "kept");
        assert_eq!(jf.duration_minutes, Some(45));
        assert_eq!(jf.note.as_deref(), Some("q3"), "kept");
        assert_eq!(jf.skipped, [d(12, 15)], "kept");
        assert_eq!(edited.remind, Remind::Before(60));

        let change = Change {
            time: Some(None),
            channel: Some(Channel::Video),
            note: Some(None),
            remind: Some(Remind::Off),
            ..Change::default()
        };
        let edited = edit(&mut store, id, &change, d(12, 8), &settings, Tz::UTC).unwrap();
        assert_eq!(edited.tracked.jf.time, None);
        assert_eq!(edited.tracked.jf.channel, Channel::Video);
        assert_eq!(edited.tracked.jf.note, None);
        assert_eq!(edited.remind, Remind::Off);

        let err = edit(
            &mut store,
            id,
            &Change::default(),
            d(12, 8),
            &settings,
            Tz::UTC,
        );
        assert!(err.is_err());
        let err = edit(&mut store, 99, &change, d(12, 8), &settings, Tz::UTC).unwrap_err();
        assert!(err.to_string().contains("no Jour fixe #99"), "{err}");
    }
}
