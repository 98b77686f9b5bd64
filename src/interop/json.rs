//! The JSON backup: everything in the database, with a format version,
//! restored exactly (ids included) into an empty database.
//!
//! ```json
//! { "format": "draht-backup", "version": 1, "exported_at": "…",
//!   "contacts": […], "touches": […], "hooks": […], "followups": […],
//!   "jourfixe": […] }
//! ```
//!
//! Each array holds the records of `crate::model` as serde writes them.
//! Compatibility: `contacts`, `touches`, `hooks` and `followups` were in
//! every backup from the first and must be there (a file without one is
//! damaged, not empty); `jourfixe` came later in version 1 and is read as
//! "none" when absent. Adding a section from now on raises [`VERSION`]: an
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

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::matching::fold;
use crate::model::{Contact, FollowUp, Hook, Id, Touch};
use crate::text::tidy_line;

pub use super::json_write::{Exported, Sections, stream_text, to_text};

/// The value of `format`.
pub const FORMAT: &str = "draht-backup";
/// The highest format version this draht writes and reads.
pub const VERSION: u32 = 1;

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
        Error::input(format!(
            "{source}: not a JSON file draht can read ({e}); give a file written by `draht export json`"
        ))
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Error::input(format!(
            "{source}: not a draht backup (it has no \"format\": \"{FORMAT}\"); give a file written by `draht export json`"
        )));
    }
    match header.version {
        Some(v) if v >= 1 && v <= VERSION => {}
        Some(v) if v > VERSION => {
            return Err(Error::input(format!(
                "{source} was written by a newer draht (backup format {v}, this draht reads up to {VERSION}); upgrade draht to restore it"
            )));
        }
        _ => {
            return Err(Error::input(format!(
                "{source}: the backup has no valid \"version\" (this draht reads 1 to {VERSION})"
            )));
        }
    }
    serde_json::from_str(text)
        .map_err(|e| Error::input(format!("{source}: the backup is damaged: {e}")))
}

/// The refusal for a restore into a database that already holds
/// `contacts` contacts and `touches` touches.
pub fn not_empty(contacts: i64, touches: i64) -> Error {
    Error::input(format!(
        "this database already holds {contacts} contact{} and {touches} touch{}; a JSON backup is restored only into an empty database — \
         restore into a new file with `draht --db NEW.db import BACKUP.json`, or import people with vCard or CSV instead",
        if contacts == 1 { "" } else { "s" },
        if touches == 1 { "" } else { "es" },
    ))
}

/// What restoring `backup` (read from `source`) writes, or why the file is
/// damaged (in words, instead of a constraint failure of the database). A
/// touch further ahead of `now` than a `log` may be is damage too.
pub fn check(source: &str, backup: &Backup, dry_run: bool, now: DateTime<Utc>) -> Result<Restored> {
    validate(backup, now).map_err(|why| {
        Error::input(format!(
            "{source}: the backup is damaged: {why}; nothing was restored"
        ))
    })?;
    Ok(Restored {
        dry_run,
        contacts: backup.contacts.len(),
        touches: backup.touches.len(),
        hooks: backup.hooks.len(),
        followups: backup.followups.len(),
        jourfixe: backup.jourfixe.len(),
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
    Ok(())
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
