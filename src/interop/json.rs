//! The JSON backup: everything in the database, with a format version,
//! restored exactly (ids included) into an empty database.
//!
//! ```json
//! { "format": "draht-backup", "version": 2, "exported_at": "…",
//!   "contacts": […], "touches": […], "hooks": […], "followups": […],
//!   "jourfixe": […], "cards": […], "sources": […], "cadence_starts": […],
//!   "jourfixe_reminders": […], "reminders_sent": […] }
//! ```
//!
//! Version 2 added five sections, each a list of records:
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
//!   restored database does not send it again.
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

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::matching::fold;
use crate::model::{Birthday, Channel, Contact, FollowUp, Hook, Id, Touch};
use crate::remind::{Key, Kind, Remind};
use crate::store::{cards, contacts, day_text, reminders, to_secs};

pub use super::json_write::{Exported, export, export_text, to_text};

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
pub struct SourceRecord {
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
    /// Contacts' vCards (version 2).
    #[serde(default)]
    pub cards: Vec<CardRecord>,
    /// The records imports read (version 2).
    #[serde(default)]
    pub sources: Vec<SourceRecord>,
    /// When cadences started (version 2).
    #[serde(default)]
    pub cadence_starts: Vec<CadenceStart>,
    /// Jour fixe with a reminder lead of their own (version 2).
    #[serde(default)]
    pub jourfixe_reminders: Vec<JourFixeReminder>,
    /// The reminders sent (version 2).
    #[serde(default)]
    pub reminders_sent: Vec<SentReminder>,
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
    for card in &backup.cards {
        cards::put_card(conn, card.contact_id, &card.vcard)?;
    }
    for source in &backup.sources {
        cards::put_source(conn, &source.source, source.contact_id, &source.vcard)?;
    }
    for start in &backup.cadence_starts {
        contacts::set_cadence_from(conn, start.contact_id, start.from)?;
    }
    for lead in &backup.jourfixe_reminders {
        let setting = lead.minutes.map_or(Remind::Off, Remind::Before);
        reminders::set(conn, lead.jourfixe_id, setting)?;
    }
    for sent in &backup.reminders_sent {
        let kind = Kind::from_name(&sent.kind)
            .ok_or_else(|| Error::input(format!("{source}: unknown reminder kind")))?;
        let key = Key {
            kind,
            subject: sent.subject,
            day: sent.day,
        };
        reminders::record(conn, &key, sent.sent_at)?;
    }
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
    Ok(())
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
