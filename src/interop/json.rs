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
            return Err(format!("contact #{} appears twice", c.id));
        }
        // as stored: `text::tidy_line`
        let (uid, name) = (tidy_line(&c.uid), tidy_line(&c.name));
        if uid.is_empty() || !uids.insert(uid) {
            return Err(format!("contact #{} has an empty or repeated uid", c.id));
        }
        if name.is_empty() || c.name != c.name.trim() {
            return Err(format!("contact #{} has an empty or untrimmed name", c.id));
        }
        if c.cadence_days == Some(0) {
            return Err(format!("contact #{} has a cadence of 0 days", c.id));
        }
        let mut tags = HashSet::new();
        if c.tags
            .iter()
            .any(|t| t.is_empty() || !tags.insert(tidy_line(t)))
        {
            return Err(format!("contact #{} has an empty or repeated tag", c.id));
        }
        if !c.archived
            && let Some(other) = names.insert(fold(&name), c.id)
        {
            return Err(format!(
                "contacts #{other} and #{} are both active and named \"{name}\"",
                c.id
            ));
        }
    }
    let contact = |id: Id, what: String| -> std::result::Result<(), String> {
        if ids.contains(&id) {
            Ok(())
        } else {
            Err(format!(
                "{what} names contact #{id}, which the file does not hold"
            ))
        }
    };
    let mut hook_ids = HashSet::new();
    for h in &backup.hooks {
        if !hook_ids.insert(h.id) {
            return Err(format!("hook #{} appears twice", h.id));
        }
        contact(h.contact_id, format!("hook #{}", h.id))?;
    }
    let mut touch_ids = HashSet::new();
    for t in &backup.touches {
        if !touch_ids.insert(t.id) {
            return Err(format!("touch #{} appears twice", t.id));
        }
        if t.participants.is_empty() {
            return Err(format!("touch #{} has no participants", t.id));
        }
        if Touch::is_ahead_of(t.at, now) {
            return Err(format!(
                "touch #{} is in the future ({}), and a touch is what already happened",
                t.id,
                t.at.to_rfc3339()
            ));
        }
        let mut seen = HashSet::new();
        for p in &t.participants {
            contact(*p, format!("touch #{}", t.id))?;
            if !seen.insert(p) {
                return Err(format!("touch #{} lists contact #{p} twice", t.id));
            }
        }
        if let Some(hook) = t.hook_id
            && !hook_ids.contains(&hook)
        {
            return Err(format!(
                "touch #{} used hook #{hook}, which the file does not hold",
                t.id
            ));
        }
        if t.rating.is_some_and(|r| !(-1..=1).contains(&r)) {
            return Err(format!("touch #{} has a rating outside -1, 0, 1", t.id));
        }
    }
    let mut jourfixe_ids = HashSet::new();
    for jf in &backup.jourfixe {
        if !jourfixe_ids.insert(jf.id) {
            return Err(format!("Jour fixe #{} appears twice", jf.id));
        }
        contact(jf.contact_id, format!("Jour fixe #{}", jf.id))?;
        if jf.rrule.trim().is_empty() || jf.duration_minutes == Some(0) {
            return Err(format!(
                "Jour fixe #{} has no rule or lasts 0 minutes",
                jf.id
            ));
        }
        let mut dates = HashSet::new();
        if !jf.skipped.iter().all(|d| dates.insert(d)) {
            return Err(format!("Jour fixe #{} skips a date twice", jf.id));
        }
    }
    let mut followup_ids = HashSet::new();
    for f in &backup.followups {
        if !followup_ids.insert(f.id) {
            return Err(format!("follow-up #{} appears twice", f.id));
        }
        contact(f.contact_id, format!("follow-up #{}", f.id))?;
    }
    let mut carded = HashSet::new();
    for card in &backup.cards {
        if !carded.insert(card.contact_id) {
            return Err(format!("contact #{} has two cards", card.contact_id));
        }
        contact(card.contact_id, "a card".to_string())?;
    }
    let mut sources = HashSet::new();
    for source in &backup.sources {
        if source.source.is_empty() || !sources.insert(source.source.as_str()) {
            return Err(format!(
                "the source {:?} is empty or repeated",
                source.source
            ));
        }
        contact(source.contact_id, format!("the source {:?}", source.source))?;
    }
    let mut started = HashSet::new();
    for start in &backup.cadence_starts {
        if !started.insert(start.contact_id) {
            return Err(format!(
                "contact #{} has two cadence starts",
                start.contact_id
            ));
        }
        contact(start.contact_id, "a cadence start".to_string())?;
    }
    let mut led = HashSet::new();
    for lead in &backup.jourfixe_reminders {
        let id = lead.jourfixe_id;
        if !jourfixe_ids.contains(&id) {
            return Err(format!(
                "a reminder names Jour fixe #{id}, which the file does not hold"
            ));
        }
        if !led.insert(id) || lead.minutes.is_some_and(|m| !(1..=1440).contains(&m)) {
            return Err(format!(
                "Jour fixe #{id} has two reminders or one outside 1 to 1440 minutes"
            ));
        }
    }
    let mut sent = HashSet::new();
    for s in &backup.reminders_sent {
        if Kind::from_name(&s.kind).is_none() {
            return Err(format!(
                "a sent reminder has the kind {:?} (jourfixe, followup or morning)",
                s.kind
            ));
        }
        if !sent.insert((s.kind.as_str(), s.subject, s.day)) {
            return Err(format!(
                "the {} reminder for #{} on {} was sent twice",
                s.kind, s.subject, s.day
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
            return Err(format!(
                "capture source #{} appears twice, or its path does",
                s.id
            ));
        }
        if tidy_line(&s.name).is_empty() {
            return Err(format!("capture source #{} has no name", s.id));
        }
    }
    let source = |id: Id, what: String| -> std::result::Result<(), String> {
        if sources.contains(&id) {
            Ok(())
        } else {
            Err(format!(
                "{what} names capture source #{id}, which the file does not hold"
            ))
        }
    };
    let mut keys = HashSet::new();
    for k in &backup.capture_keys {
        source(k.source, format!("capture key {:?}", k.key))?;
        if !contacts.contains(&k.contact) {
            return Err(format!(
                "capture key {:?} names contact #{}, which the file does not hold",
                k.key, k.contact
            ));
        }
        if !keys.insert((k.source, k.key.as_str(), k.contact)) {
            return Err(format!("capture key {:?} appears twice", k.key));
        }
    }
    for t in &backup.touches {
        let mut seen = HashSet::new();
        for c in &t.captured {
            source(c.source, format!("touch #{}", t.id))?;
            if !seen.insert(c.source) {
                return Err(format!(
                    "touch #{} names capture source #{} twice",
                    t.id, c.source
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
