//! Follow-ups (Wiedervorlage): dated reminders per contact.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{day_text, from_secs, parse_day, to_secs};
use crate::error::{Error, Result};
use crate::model::{FollowUp, Id};
use crate::t;

pub fn insert(
    conn: &Connection,
    contact: Id,
    due: NaiveDate,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Id> {
    let note = crate::text::tidy_note(note.trim());
    if note.trim().is_empty() {
        return Err(Error::input(t!("error-followup-no-note")));
    }
    conn.prepare_cached(
        "INSERT INTO followups (contact_id, due, note, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![contact, day_text(due), note, to_secs(now)])?;
    Ok(conn.last_insert_rowid())
}

fn from_row(row: &Row) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        due: parse_day(&row.get::<_, String>(2)?)?,
        note: row.get(3)?,
        created_at: from_secs(row.get(4)?),
        done_at: row.get::<_, Option<i64>>(5)?.map(from_secs),
    })
}

const SELECT: &str = "SELECT id, contact_id, due, note, created_at, done_at FROM followups";

pub fn get(conn: &Connection, id: Id) -> Result<FollowUp> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::input(t!("error-no-followup", id = id)))
}

/// Follow-ups not marked done, of active contacts, by date.
pub fn open(conn: &Connection) -> Result<Vec<FollowUp>> {
    // Driven by the few open follow-ups, not by every active contact.
    Ok(conn
        .prepare_cached(
            "SELECT f.id, f.contact_id, f.due, f.note, f.created_at, f.done_at
             FROM followups f CROSS JOIN contacts c ON c.id = f.contact_id
             WHERE f.done_at IS NULL AND c.archived = 0
             ORDER BY f.due, f.id",
        )?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// A contact's follow-ups not marked done, by date.
pub fn open_for_contact(conn: &Connection, contact: Id) -> Result<Vec<FollowUp>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE contact_id = ?1 AND done_at IS NULL ORDER BY due, id"
        ))?
        .query_map([contact], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every follow-up (for export).
pub fn all(conn: &Connection) -> Result<Vec<FollowUp>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} ORDER BY id"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Marks a follow-up done. Marking it twice keeps the first time.
pub fn mark_done(conn: &Connection, id: Id, now: DateTime<Utc>) -> Result<FollowUp> {
    let followup = get(conn, id)?;
    conn.prepare_cached("UPDATE followups SET done_at = coalesce(done_at, ?2) WHERE id = ?1")?
        .execute(params![id, to_secs(now)])?;
    Ok(FollowUp {
        done_at: followup.done_at.or(Some(now)),
        ..followup
    })
}

/// Deletes a follow-up (the TUI's undo of adding one).
pub fn delete(conn: &Connection, id: Id) -> Result<()> {
    let removed = conn
        .prepare_cached("DELETE FROM followups WHERE id = ?1")?
        .execute([id])?;
    if removed == 0 {
        return Err(Error::input(t!("error-no-followup-short", id = id)));
    }
    Ok(())
}
