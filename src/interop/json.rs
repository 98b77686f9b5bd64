//! The JSON backup: everything in the database, with a format version,
//! restored exactly (ids included) into an empty database.
//!
//! ```json
//! { "format": "draht-backup", "version": 2, "exported_at": "…",
//!   "contacts": […], "touches": […], "hooks": […], "followups": […],
//!   "jourfixe": […], "capture_sources": […], "capture_keys": […] }
//! ```
//!
//! Version 2 adds what `draht capture` knows: its sources, the source keys
//! it counted (so that capturing again after a restore adds nothing twice),
//! and, on each captured touch, `captured` — the sources it came from and
//! how many messages or events of each it holds. The watermarks are not in
//! a backup: they only spare reading again, and the first capture after a
//! restore reads each source once.
//!
//! Each array holds the records of `crate::model` as serde writes them.
//! Compatibility: every array is optional when reading (`serde(default)`),
//! so a file written before a section existed (say, before Jour fixe)
//! reads it as "none". Adding a section from now on raises [`VERSION`]: an
//! older draht refuses a file with a higher version instead of restoring
//! it without what it adds.
//!
//! Restoring refuses a database that already holds contacts or touches:
//! a backup is the whole state, not something to merge.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::matching::fold;
use crate::model::{Birthday, Channel, Contact, FollowUp, Hook, Id, Touch};
use crate::store::{capture, day_text, to_secs};

pub use super::json_write::{Exported, export, export_text, to_text};

/// The value of `format`.
pub const FORMAT: &str = "draht-backup";
/// The highest format version this draht writes and reads.
pub const VERSION: u32 = 2;

/// A whole database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub touches: Vec<Touch>,
    #[serde(default)]
    pub hooks: Vec<Hook>,
    #[serde(default)]
    pub followups: Vec<FollowUp>,
    /// Jour fixe with their skipped dates (absent in files written before
    /// Jour fixe existed).
    #[serde(default)]
    pub jourfixe: Vec<JourFixe>,
    /// The sources `draht capture` read (absent before version 2).
    #[serde(default)]
    pub capture_sources: Vec<capture::Source>,
    /// The source keys capture counted, per contact (absent before version 2).
    #[serde(default)]
    pub capture_keys: Vec<capture::Key>,
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
        Some(v) if (1..=VERSION).contains(&v) => {}
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

/// Refuses a database that already holds contacts or touches.
pub fn check_empty(conn: &Connection) -> Result<()> {
    let (contacts, touches): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM touches)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if contacts > 0 || touches > 0 {
        return Err(Error::input(format!(
            "this database already holds {contacts} contact{} and {touches} touch{}; a JSON backup is restored only into an empty database — \
             restore into a new file with `draht --db NEW.db import BACKUP.json`, or import people with vCard or CSV instead",
            if contacts == 1 { "" } else { "s" },
            if touches == 1 { "" } else { "es" },
        )));
    }
    Ok(())
}

/// Restores `backup` into the empty database `conn` with the same ids.
/// Run it in one write transaction: a damaged backup writes nothing.
pub fn restore(
    conn: &Connection,
    source: &str,
    backup: &Backup,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<Restored> {
    check_empty(conn)?;
    validate(backup).map_err(|why| {
        Error::input(format!(
            "{source}: the backup is damaged: {why}; nothing was restored"
        ))
    })?;
    let restored = Restored {
        dry_run,
        contacts: backup.contacts.len(),
        touches: backup.touches.len(),
        hooks: backup.hooks.len(),
        followups: backup.followups.len(),
        jourfixe: backup.jourfixe.len(),
        capture_sources: backup.capture_sources.len(),
        capture_keys: backup.capture_keys.len(),
    };
    if dry_run {
        return Ok(restored);
    }
    for contact in &backup.contacts {
        insert_contact(conn, contact, now)?;
    }
    let mut hook = conn.prepare_cached(
        "INSERT INTO hooks (id, contact_id, kind, text, created_at, used_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for h in &backup.hooks {
        hook.execute(params![
            h.id,
            h.contact_id,
            h.kind.as_str(),
            h.text,
            to_secs(h.created_at),
            h.used_at.map(to_secs),
        ])?;
    }
    let mut touch = conn.prepare_cached(
        "INSERT INTO touches (id, at, channel, note, outcome, rating, hook_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut participant = conn.prepare_cached(
        "INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome, rating)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for t in &backup.touches {
        touch.execute(params![
            t.id,
            to_secs(t.at),
            t.channel.as_str(),
            t.note,
            t.outcome.as_str(),
            t.rating,
            t.hook_id,
            to_secs(now),
        ])?;
        for p in &t.participants {
            participant.execute(params![
                t.id,
                p,
                to_secs(t.at),
                t.channel.as_str(),
                t.outcome.as_str(),
                t.rating,
            ])?;
        }
    }
    let mut followup = conn.prepare_cached(
        "INSERT INTO followups (id, contact_id, due, note, created_at, done_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for f in &backup.followups {
        followup.execute(params![
            f.id,
            f.contact_id,
            day_text(f.due),
            f.note,
            to_secs(f.created_at),
            f.done_at.map(to_secs),
        ])?;
    }
    let mut jourfixe = conn.prepare_cached(
        "INSERT INTO jourfixes (id, contact_id, start, rrule, time, duration_minutes, channel,
             note, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut skip =
        conn.prepare_cached("INSERT INTO jourfixe_skips (jourfixe_id, date) VALUES (?1, ?2)")?;
    for jf in &backup.jourfixe {
        jourfixe.execute(params![
            jf.id,
            jf.contact_id,
            day_text(jf.start),
            jf.rrule,
            jf.time.map(|t| t.format("%H:%M").to_string()),
            jf.duration_minutes,
            jf.channel.as_str(),
            jf.note,
            jf.active,
            to_secs(now),
        ])?;
        for date in &jf.skipped {
            skip.execute(params![jf.id, day_text(*date)])?;
        }
    }
    capture::restore(
        conn,
        &backup.capture_sources,
        &backup.capture_keys,
        &backup.touches,
    )?;
    // The rows went in by hand: derive every contact's touch summary once.
    crate::store::facts::rebuild_summary(conn)?;
    Ok(restored)
}

fn insert_contact(conn: &Connection, c: &Contact, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contacts (id, uid, name, name_key, nickname, sphere, company, role, birthday,
             notes, cadence_days, min_channel, snoozed_until, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        c.id,
        c.uid,
        c.name,
        fold(&c.name),
        c.nickname,
        c.sphere.as_str(),
        c.company,
        c.role,
        c.birthday.map(Birthday::to_iso),
        c.notes,
        c.cadence_days,
        c.min_channel.map(Channel::as_str),
        c.snoozed_until.map(day_text),
        c.archived,
        to_secs(c.created_at),
        to_secs(now),
    ])?;
    let mut tag =
        conn.prepare_cached("INSERT INTO contact_tags (contact_id, tag) VALUES (?1, ?2)")?;
    for t in &c.tags {
        tag.execute(params![c.id, t])?;
    }
    for (table, handles) in [("contact_emails", &c.emails), ("contact_phones", &c.phones)] {
        let mut stmt = conn.prepare_cached(&format!(
            "INSERT INTO {table} (contact_id, position, value, label) VALUES (?1, ?2, ?3, ?4)"
        ))?;
        for (position, h) in handles.iter().enumerate() {
            stmt.execute(params![c.id, position as i64, h.value, h.label])?;
        }
    }
    Ok(())
}

/// Checks what the database would refuse, so a damaged file is reported
/// in words instead of as a constraint failure.
fn validate(backup: &Backup) -> std::result::Result<(), String> {
    let mut ids = HashSet::new();
    let mut uids = HashSet::new();
    let mut names: HashMap<String, Id> = HashMap::new();
    for c in &backup.contacts {
        if !ids.insert(c.id) {
            return Err(format!("contact #{} appears twice", c.id));
        }
        if c.uid.trim().is_empty() || !uids.insert(c.uid.as_str()) {
            return Err(format!("contact #{} has an empty or repeated uid", c.id));
        }
        if c.name.trim().is_empty() || c.name != c.name.trim() {
            return Err(format!("contact #{} has an empty or untrimmed name", c.id));
        }
        if c.cadence_days == Some(0) {
            return Err(format!("contact #{} has a cadence of 0 days", c.id));
        }
        let mut tags = HashSet::new();
        if c.tags.iter().any(|t| t.is_empty() || !tags.insert(t)) {
            return Err(format!("contact #{} has an empty or repeated tag", c.id));
        }
        if !c.archived
            && let Some(other) = names.insert(fold(&c.name), c.id)
        {
            return Err(format!(
                "contacts #{other} and #{} are both active and named \"{}\"",
                c.id, c.name
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
        if s.name.trim().is_empty() {
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
#[path = "json_tests.rs"]
mod tests;
