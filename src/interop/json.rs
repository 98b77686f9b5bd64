//! The JSON backup: everything in the database, with a format version,
//! restored exactly (ids included) into an empty database.
//!
//! ```json
//! { "format": "draht-backup", "version": 2, "exported_at": "…",
//!   "contacts": […], "touches": […], "hooks": […], "followups": […],
//!   "jourfixe": […], "cards": […], "sources": […], "cadence_starts": […],
//!   "jourfixe_reminders": […], "reminders_sent": […],
//!   "capture_sources": […], "capture_keys": […] }
//! ```
//!
//! Version 2 added seven sections, each a list of records:
//!
//! - `cards`: `{contact_id, vcard}`, each contact's vCard as it came (or
//!   merged from two), the text an export starts from;
//! - `sources`: `{source, contact_id, vcard}`, the identity of every record
//!   an import read (`uid:…` or `card:…`), its contact and the record as
//!   last read;
//! - `cadence_starts`: `{contact_id, from}`, the day a contact's cadence
//!   started (`YYYY-MM-DD`);
//! - `jourfixe_reminders`: `{jourfixe_id, minutes}`, a Jour fixe's own
//!   reminder lead (`minutes` before it starts, `null` for
//!   `--no-remind`); a Jour fixe without one uses the config's;
//! - `reminders_sent`: `{kind, subject, day, sent_at}`, what `draht
//!   notify` sent (`kind` `jourfixe`, `followup` or `morning`; `subject`
//!   the Jour fixe or follow-up id, 0 for the morning summary), so that a
//!   restored database does not send it again;
//! - `capture_sources` and `capture_keys`: what `draht capture` knows, its
//!   sources and the source keys it counted (so that capturing again after
//!   a restore adds nothing twice); and, on each captured touch,
//!   `captured` — the sources it came from and how many messages or events
//!   of each it holds. The watermarks are not in a backup: they only spare
//!   reading again, and the first capture after a restore reads each
//!   source once.
//!
//! Each array holds the records of `crate::model` as serde writes them.
//! Compatibility: `contacts`, `touches`, `hooks` and `followups` were in
//! every backup from the first and must be there (a file without one is
//! damaged, not empty); `jourfixe` came later in version 1 and is read as
//! "none" when absent, and so are version 2's sections in a version 1
//! file. Adding a section from now on raises [`VERSION`]: an
//! older draht refuses a file with a higher version instead of restoring
//! it without what it adds.
//!
//! A file may start with a UTF-8 byte order mark, as vCard and CSV files
//! may.
//!
//! Restoring refuses a database that already holds contacts or touches:
//! a backup is the whole state, not something to merge. This module only
//! reads, checks and writes the text; `app::backup` reads and restores the
//! database.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::matching::fold;
use crate::model::{Contact, FollowUp, Hook, Id, SourceKey, SourceRecord, Touch};
use crate::remind::Kind;
use crate::t;
use crate::text::tidy_line;

pub use super::json_write::{Exported, Sections, stream_text, to_text};

/// The value of `format`.
pub const FORMAT: &str = "draht-backup";
/// The highest format version this draht writes and reads.
pub const VERSION: u32 = 2;

/// A contact's vCard, as the store keeps it (see `store::cards`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRecord {
    pub contact_id: Id,
    pub vcard: String,
}

/// The identity of a record an import read, its contact and the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSource {
    pub source: String,
    pub contact_id: Id,
    pub vcard: String,
}

/// The day a contact's cadence started (see `store::contacts::set_cadence_from`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceStart {
    pub contact_id: Id,
    pub from: NaiveDate,
}

/// A Jour fixe's own reminder lead (see `store::reminders`): `minutes`
/// before it starts, `None` for no reminder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourFixeReminder {
    pub jourfixe_id: Id,
    pub minutes: Option<u32>,
}

/// A reminder `draht notify` sent (see `store::reminders::record`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReminder {
    /// `jourfixe`, `followup` or `morning`.
    pub kind: String,
    /// The Jour fixe or follow-up id; 0 for the morning summary.
    pub subject: Id,
    pub day: NaiveDate,
    pub sent_at: DateTime<Utc>,
}

/// A whole database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub contacts: Vec<Contact>,
    pub touches: Vec<Touch>,
    pub hooks: Vec<Hook>,
    pub followups: Vec<FollowUp>,
    /// Jour fixe with their skipped dates (absent in files written before
    /// Jour fixe existed).
    #[serde(default)]
    pub jourfixe: Vec<JourFixe>,
    /// Contacts' vCards (version 2).
    #[serde(default)]
    pub cards: Vec<CardRecord>,
    /// The records imports read (version 2).
    #[serde(default)]
    pub sources: Vec<CardSource>,
    /// When cadences started (version 2).
    #[serde(default)]
    pub cadence_starts: Vec<CadenceStart>,
    /// Jour fixe with a reminder lead of their own (version 2).
    #[serde(default)]
    pub jourfixe_reminders: Vec<JourFixeReminder>,
    /// The reminders sent (version 2).
    #[serde(default)]
    pub reminders_sent: Vec<SentReminder>,
    /// The sources `draht capture` read (absent before version 2).
    #[serde(default)]
    pub capture_sources: Vec<SourceRecord>,
    /// The source keys capture counted, per contact (absent before version 2).
    #[serde(default)]
    pub capture_keys: Vec<SourceKey>,
}

/// How many records a restore wrote (or, in a dry run, would write).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Restored {
    pub dry_run: bool,
    pub contacts: usize,
    pub touches: usize,
    pub hooks: usize,
    pub followups: usize,
    pub jourfixe: usize,
    pub capture_sources: usize,
    pub capture_keys: usize,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

/// Reads a backup file's text; `source` names it in messages.
pub fn parse(source: &str, text: &str) -> Result<Backup> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header: Header = serde_json::from_str(text).map_err(|e| {
        Error::input(t!(
            "error-json-unreadable",
            source = source,
            problem = e.to_string()
        ))
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Error::input(t!(
            "error-json-not-backup",
            source = source,
            format = FORMAT
        )));
    }
    match header.version {
        Some(v) if (1..=VERSION).contains(&v) => {}
        Some(v) if v > VERSION => {
            return Err(Error::input(t!(
                "error-json-newer",
                source = source,
                version = v,
                latest = VERSION
            )));
        }
        _ => {
            return Err(Error::input(t!(
                "error-json-no-version",
                source = source,
                latest = VERSION
            )));
        }
    }
    serde_json::from_str(text).map_err(|e| {
        Error::input(t!(
            "error-json-damaged",
            source = source,
            problem = e.to_string()
        ))
    })
}

/// The refusal for a restore into a database that already holds
/// `contacts` contacts and `touches` touches.
pub fn not_empty(contacts: i64, touches: i64) -> Error {
    Error::input(t!(
        "error-restore-not-empty",
        contacts = contacts,
        touches = touches
    ))
}

/// What restoring `backup` (read from `source`) writes, or why the file is
/// damaged (in words, instead of a constraint failure of the database). A
/// touch further ahead of `now` than a `log` may be is damage too.
pub fn check(source: &str, backup: &Backup, dry_run: bool, now: DateTime<Utc>) -> Result<Restored> {
    validate(backup, now).map_err(|why| {
        Error::input(t!(
            "error-json-damaged-nothing",
            source = source,
            problem = why
        ))
    })?;
    Ok(Restored {
        dry_run,
        contacts: backup.contacts.len(),
        touches: backup.touches.len(),
        hooks: backup.hooks.len(),
        followups: backup.followups.len(),
        jourfixe: backup.jourfixe.len(),
        capture_sources: backup.capture_sources.len(),
        capture_keys: backup.capture_keys.len(),
    })
}

/// Checks what the database would refuse, so a damaged file is reported
/// in words instead of as a constraint failure.
fn validate(backup: &Backup, now: DateTime<Utc>) -> std::result::Result<(), String> {
    let mut ids = HashSet::new();
    let mut uids = HashSet::new();
    let mut names: HashMap<String, Id> = HashMap::new();
    for c in &backup.contacts {
        if !ids.insert(c.id) {
            return Err(t!("restore-contact-twice", id = c.id.to_string()));
        }
        // as stored: `text::tidy_line`
        let (uid, name) = (tidy_line(&c.uid), tidy_line(&c.name));
        if uid.is_empty() || !uids.insert(uid) {
            return Err(t!("restore-contact-uid", id = c.id.to_string()));
        }
        if name.is_empty() || c.name != c.name.trim() {
            return Err(t!("restore-contact-name", id = c.id.to_string()));
        }
        if c.cadence_days == Some(0) {
            return Err(t!("restore-contact-cadence", id = c.id.to_string()));
        }
        let mut tags = HashSet::new();
        if c.tags
            .iter()
            .any(|t| t.is_empty() || !tags.insert(tidy_line(t)))
        {
            return Err(t!("restore-contact-tag", id = c.id.to_string()));
        }
        if !c.archived
            && let Some(other) = names.insert(fold(&name), c.id)
        {
            return Err(t!(
                "restore-contact-same-name",
                other = other.to_string(),
                id = c.id.to_string(),
                name = name.as_str()
            ));
        }
    }
    let contact = |id: Id, what: &dyn Fn() -> String| -> std::result::Result<(), String> {
        if ids.contains(&id) {
            Ok(())
        } else {
            Err(t!(
                "restore-names-contact",
                what = what(),
                id = id.to_string()
            ))
        }
    };
    let mut hook_ids = HashSet::new();
    for h in &backup.hooks {
        if !hook_ids.insert(h.id) {
            return Err(t!("restore-hook-twice", id = h.id.to_string()));
        }
        contact(h.contact_id, &|| what("hook", h.id, ""))?;
    }
    let mut touch_ids = HashSet::new();
    for t in &backup.touches {
        if !touch_ids.insert(t.id) {
            return Err(t!("restore-touch-twice", id = t.id.to_string()));
        }
        if t.participants.is_empty() {
            return Err(t!("restore-touch-nobody", id = t.id.to_string()));
        }
        if Touch::is_ahead_of(t.at, now) {
            return Err(t!(
                "restore-touch-future",
                id = t.id.to_string(),
                at = t.at.to_rfc3339()
            ));
        }
        let mut seen = HashSet::new();
        for p in &t.participants {
            contact(*p, &|| what("touch", t.id, ""))?;
            if !seen.insert(p) {
                return Err(t!(
                    "restore-touch-twice-contact",
                    id = t.id.to_string(),
                    contact = p.to_string()
                ));
            }
        }
        if let Some(hook) = t.hook_id
            && !hook_ids.contains(&hook)
        {
            return Err(t!(
                "restore-touch-hook",
                id = t.id.to_string(),
                hook = hook.to_string()
            ));
        }
        if t.rating.is_some_and(|r| !(-1..=1).contains(&r)) {
            return Err(t!("restore-touch-rating", id = t.id.to_string()));
        }
    }
    let mut jourfixe_ids = HashSet::new();
    for jf in &backup.jourfixe {
        if !jourfixe_ids.insert(jf.id) {
            return Err(t!("restore-jf-twice", id = jf.id.to_string()));
        }
        contact(jf.contact_id, &|| what("jourfixe", jf.id, ""))?;
        if jf.rrule.trim().is_empty() || jf.duration_minutes == Some(0) {
            return Err(t!("restore-jf-rule", id = jf.id.to_string()));
        }
        let mut dates = HashSet::new();
        if !jf.skipped.iter().all(|d| dates.insert(d)) {
            return Err(t!("restore-jf-skips", id = jf.id.to_string()));
        }
    }
    let mut followup_ids = HashSet::new();
    for f in &backup.followups {
        if !followup_ids.insert(f.id) {
            return Err(t!("restore-followup-twice", id = f.id.to_string()));
        }
        contact(f.contact_id, &|| what("followup", f.id, ""))?;
    }
    let mut carded = HashSet::new();
    for card in &backup.cards {
        if !carded.insert(card.contact_id) {
            return Err(t!(
                "restore-contact-cards",
                id = card.contact_id.to_string()
            ));
        }
        contact(card.contact_id, &|| what("card", 0, ""))?;
    }
    let mut sources = HashSet::new();
    for source in &backup.sources {
        if source.source.is_empty() || !sources.insert(source.source.as_str()) {
            return Err(t!(
                "restore-source-repeated",
                name = format!("{:?}", source.source)
            ));
        }
        contact(source.contact_id, &|| {
            what("source", 0, &format!("{:?}", source.source))
        })?;
    }
    let mut started = HashSet::new();
    for start in &backup.cadence_starts {
        if !started.insert(start.contact_id) {
            return Err(t!(
                "restore-contact-starts",
                id = start.contact_id.to_string()
            ));
        }
        contact(start.contact_id, &|| what("cadence-start", 0, ""))?;
    }
    let mut led = HashSet::new();
    for lead in &backup.jourfixe_reminders {
        let id = lead.jourfixe_id;
        if !jourfixe_ids.contains(&id) {
            return Err(t!("restore-reminder-jf", id = id.to_string()));
        }
        if !led.insert(id) || lead.minutes.is_some_and(|m| !(1..=1440).contains(&m)) {
            return Err(t!("restore-reminder-lead", id = id.to_string()));
        }
    }
    let mut sent = HashSet::new();
    for s in &backup.reminders_sent {
        if Kind::from_name(&s.kind).is_none() {
            return Err(t!("restore-sent-kind", kind = format!("{:?}", s.kind)));
        }
        if !sent.insert((s.kind.as_str(), s.subject, s.day)) {
            return Err(t!(
                "restore-sent-twice",
                kind = s.kind.as_str(),
                id = s.subject.to_string(),
                day = s.day.to_string()
            ));
        }
    }
    validate_capture(backup, &ids)
}

/// The capture sections: sources once each, and every key and captured
/// touch naming a source (and contact) the file holds.
fn validate_capture(backup: &Backup, contacts: &HashSet<Id>) -> std::result::Result<(), String> {
    let mut sources = HashSet::new();
    let mut paths = HashSet::new();
    for s in &backup.capture_sources {
        if !sources.insert(s.id) || !paths.insert(s.path.as_str()) {
            return Err(t!("restore-capture-source-twice", id = s.id.to_string()));
        }
        if tidy_line(&s.name).is_empty() {
            return Err(t!("restore-capture-source-name", id = s.id.to_string()));
        }
    }
    let source = |id: Id, what: &dyn Fn() -> String| -> std::result::Result<(), String> {
        if sources.contains(&id) {
            Ok(())
        } else {
            Err(t!(
                "restore-names-source",
                what = what(),
                id = id.to_string()
            ))
        }
    };
    let mut keys = HashSet::new();
    for k in &backup.capture_keys {
        source(k.source, &|| {
            what("capture-key", 0, &format!("{:?}", k.key))
        })?;
        if !contacts.contains(&k.contact) {
            return Err(t!(
                "restore-key-contact",
                key = format!("{:?}", k.key),
                id = k.contact.to_string()
            ));
        }
        if !keys.insert((k.source, k.key.as_str(), k.contact)) {
            return Err(t!("restore-key-twice", key = format!("{:?}", k.key)));
        }
    }
    for t in &backup.touches {
        let mut seen = HashSet::new();
        for c in &t.captured {
            source(c.source, &|| what("touch", t.id, ""))?;
            if !seen.insert(c.source) {
                return Err(t!(
                    "restore-touch-source-twice",
                    id = t.id.to_string(),
                    source = c.source.to_string()
                ));
            }
        }
    }
    Ok(())
}

/// A record a reason names: "hook #3", "a card", "the source \"x\"" —
/// worded only when a reason needs it (a restore checks every record);
/// `kind` is hook, touch, jourfixe, followup, card, source, cadence-start
/// or capture-key; `id` and `name` are used by the kinds that have them.
fn what(kind: &str, id: Id, name: &str) -> String {
    t!(
        "restore-record",
        kind = kind,
        id = id.to_string(),
        name = name
    )
}

#[cfg(test)]
mod tests;
