//! draht's own records as iCalendar items of a synced calendar folder, one
//! item per `.ics` file (RFC 5545; the vdir layout):
//!
//! | record     | component  | what carries what                                   |
//! |------------|------------|-----------------------------------------------------|
//! | Jour fixe  | `VEVENT`   | `DTSTART` (floating, or a DATE when all day), `DTEND`, `RRULE`, `EXDATE` for skipped dates, `DESCRIPTION` the note, `STATUS:CANCELLED` when paused, `X-DRAHT-CHANNEL`, `X-DRAHT-MINUTES` (a length set in draht), `X-DRAHT-RRULE` (the rule as draht keeps it) |
//! | follow-up  | `VTODO`    | `DUE` (a DATE), `STATUS`, `COMPLETED`, `CREATED`, `SUMMARY` "Name: note", `X-DRAHT-NOTE` the note |
//! | touch      | `VJOURNAL` | `DTSTART` (UTC), `CATEGORIES` channel and outcome, `DESCRIPTION` the note, `X-DRAHT-RATING`, `X-DRAHT-HOOK` (the hook's text) |
//!
//! Every item names its people with an `ATTENDEE` each: `CN` the name,
//! `X-DRAHT-UID` the UID of their card (RFC 6868 escapes), the value their
//! first e-mail (or a `urn:` of the UID), and carries `X-DRAHT-KIND`. An
//! item without `X-DRAHT-KIND` is not draht's (an event made in khal) and
//! is left alone. Times of day of a Jour fixe are floating (see `ics`).
//!
//! Writing over an item that is already in the folder keeps every line of
//! it draht does not write (a `LOCATION` or an alarm added in khal, other
//! components), so a record changed in draht does not lose what another
//! calendar added to its item.
//!
//! `sync_ics_read` reads an item, `sync_ics_write` writes one; the types
//! and the fields a sync compares are here.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::sync_card::stamp_text;
use crate::model::{Channel, Outcome};
use crate::sync::Fields;

pub use super::sync_ics_read::read_item;
pub use super::sync_ics_write::render_item;

/// A person an item names: by the UID of their card (draht's items), else
/// by their address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub uid: Option<String>,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalTouch {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub outcome: Outcome,
    pub rating: Option<i8>,
    pub note: Option<String>,
    /// The text of the hook it used.
    pub hook: Option<String>,
    pub with: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalJourFixe {
    pub with: Person,
    pub start: NaiveDate,
    pub rrule: String,
    pub time: Option<NaiveTime>,
    pub duration_minutes: Option<u32>,
    pub channel: Channel,
    pub note: Option<String>,
    pub active: bool,
    pub skipped: Vec<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalFollowUp {
    pub with: Person,
    pub due: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalRecord {
    Touch(CalTouch),
    JourFixe(CalJourFixe),
    FollowUp(CalFollowUp),
}

impl CalRecord {
    /// The component it is written as.
    pub(super) fn component(&self) -> &'static str {
        match self {
            CalRecord::Touch(_) => "VJOURNAL",
            CalRecord::JourFixe(_) => "VEVENT",
            CalRecord::FollowUp(_) => "VTODO",
        }
    }

    /// The value of `X-DRAHT-KIND`.
    pub fn kind(&self) -> &'static str {
        match self {
            CalRecord::Touch(_) => "touch",
            CalRecord::JourFixe(_) => "jourfixe",
            CalRecord::FollowUp(_) => "followup",
        }
    }

    /// The people it names.
    pub fn people(&self) -> Vec<&Person> {
        match self {
            CalRecord::Touch(t) => t.with.iter().collect(),
            CalRecord::JourFixe(j) => vec![&j.with],
            CalRecord::FollowUp(f) => vec![&f.with],
        }
    }
}

/// One of draht's items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalItem {
    pub uid: String,
    pub record: CalRecord,
}

/// What a calendar file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadItem {
    /// One of draht's items, with its `LAST-MODIFIED` (or `DTSTAMP`).
    Draht {
        item: CalItem,
        modified: Option<DateTime<Utc>>,
    },
    /// Someone else's item (no `X-DRAHT-KIND`), by its UID.
    Other { uid: String },
}

pub(super) fn followup_summary(name: &str, note: &str) -> String {
    format!("{name}: {note}")
}
/// The fields a sync compares for one item (what draht keeps of it; the
/// lines other calendars added are the file's and always kept).
pub fn item_fields(item: &CalItem) -> Fields {
    let mut f = Fields::new();
    f.set("kind", item.record.kind());
    let uids = |people: &[&Person]| -> Vec<String> {
        people
            .iter()
            .map(|p| {
                p.uid
                    .clone()
                    .or_else(|| {
                        p.email
                            .as_ref()
                            .map(|e| format!("mailto:{}", e.to_lowercase()))
                    })
                    .unwrap_or_default()
            })
            .collect()
    };
    match &item.record {
        CalRecord::Touch(t) => {
            f.set("at", stamp_text(t.at));
            f.set("channel", t.channel.as_str());
            f.set("outcome", t.outcome.as_str());
            f.set(
                "rating",
                t.rating.map(|r| r.to_string()).unwrap_or_default(),
            );
            f.set("note", t.note.clone().unwrap_or_default());
            f.set("hook", t.hook.clone().unwrap_or_default());
            f.set_sorted("with", uids(&t.with.iter().collect::<Vec<_>>()));
        }
        CalRecord::JourFixe(j) => {
            f.set("with", uids(&[&j.with]).join(""));
            f.set("start", j.start.to_string());
            f.set(
                "time",
                j.time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
            );
            f.set(
                "minutes",
                j.duration_minutes
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            );
            f.set("rule", j.rrule.trim());
            f.set("channel", j.channel.as_str());
            f.set("note", j.note.clone().unwrap_or_default());
            f.set("active", if j.active { "yes" } else { "no" });
            f.set_sorted("skipped", j.skipped.iter().map(|d| d.to_string()));
        }
        CalRecord::FollowUp(u) => {
            f.set("with", uids(&[&u.with]).join(""));
            f.set("due", u.due.to_string());
            f.set("note", u.note.trim());
            f.set("created", stamp_text(u.created_at));
            f.set("done", u.done_at.map(stamp_text).unwrap_or_default());
        }
    }
    f
}

#[cfg(test)]
mod tests;
