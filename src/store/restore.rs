//! Restoring a whole database from its records (the JSON backup), ids
//! included, into an empty database. The caller checks the records first
//! (`interop::json`) and runs this in one write transaction: a damaged
//! backup writes nothing. Text is stored tidied, as by every other write
//! (`text::tidy_line`, `text::tidy_note`).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::{capture, contacts, day_text, facts, jourfixe, to_secs, touches};
use crate::error::Result;
use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp, Hook, SourceKey, SourceRecord, Touch};
use crate::text;

/// Everything a restore writes.
#[derive(Copy, Clone, Debug)]
pub struct Records<'a> {
    pub contacts: &'a [Contact],
    pub touches: &'a [Touch],
    pub hooks: &'a [Hook],
    pub followups: &'a [FollowUp],
    pub jourfixe: &'a [JourFixe],
    /// Capture's sources and keys; the touches' `captured` links go in
    /// with them.
    pub capture_sources: &'a [SourceRecord],
    pub capture_keys: &'a [SourceKey],
}

/// How many contacts and touches the database already holds (a restore
/// goes only into an empty one).
pub fn held(conn: &Connection) -> Result<(i64, i64)> {
    Ok(super::backup::totals(conn)?)
}

/// Writes every record with its own id; `now` is the time of the writes
/// (`updated_at`, and `created_at` of the rows whose records carry none).
pub fn write(conn: &Connection, records: Records, now: DateTime<Utc>) -> Result<()> {
    for contact in records.contacts {
        contacts::insert_restored(conn, contact, now)?;
    }
    let mut hook = conn.prepare_cached(
        "INSERT INTO hooks (id, contact_id, kind, text, created_at, used_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for h in records.hooks {
        hook.execute(params![
            h.id,
            h.contact_id,
            h.kind,
            text::tidy_line(&h.text),
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
    for t in records.touches {
        touch.execute(params![
            t.id,
            to_secs(t.at),
            t.channel,
            touches::stored_note(&t.note),
            t.outcome,
            t.rating,
            t.hook_id,
            to_secs(now),
        ])?;
        for p in &t.participants {
            participant.execute(params![
                t.id,
                p,
                to_secs(t.at),
                t.channel,
                t.outcome,
                t.rating
            ])?;
        }
    }
    let mut followup = conn.prepare_cached(
        "INSERT INTO followups (id, contact_id, due, note, created_at, done_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for f in records.followups {
        followup.execute(params![
            f.id,
            f.contact_id,
            day_text(f.due),
            text::tidy_note(&f.note),
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
    for jf in records.jourfixe {
        jourfixe.execute(params![
            jf.id,
            jf.contact_id,
            day_text(jf.start),
            text::tidy_line(&jf.rrule),
            jf.time.map(jourfixe::time_text),
            jf.duration_minutes,
            jf.channel,
            jourfixe::stored_note(&jf.note),
            jf.active,
            to_secs(now),
        ])?;
        for date in &jf.skipped {
            skip.execute(params![jf.id, day_text(*date)])?;
        }
    }
    capture::restore(
        conn,
        records.capture_sources,
        records.capture_keys,
        records.touches,
    )?;
    // The rows went in by hand: derive every contact's touch summary once.
    facts::rebuild_summary(conn)
}
