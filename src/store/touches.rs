//! Touches and their participants.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{facts, from_secs, to_secs};
use crate::error::{Error, Result};
use crate::model::{Channel, Id, Touch};
use crate::t;

/// Records a touch (its `id` is ignored) and marks its hook used.
pub fn insert(conn: &Connection, touch: &Touch, now: DateTime<Utc>) -> Result<Id> {
    let id = insert_unrefreshed(conn, touch, now)?;
    facts::refresh_all_of(conn, &touch.participants)?;
    Ok(id)
}

/// [`insert`] without refreshing the participants' summaries: for bulk
/// writers (capture), which refresh each contact once when done.
pub(crate) fn insert_unrefreshed(
    conn: &Connection,
    touch: &Touch,
    now: DateTime<Utc>,
) -> Result<Id> {
    validate(touch)?;
    conn.prepare_cached(
        "INSERT INTO touches (at, channel, note, outcome, rating, hook_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        to_secs(touch.at),
        touch.channel,
        stored_note(&touch.note),
        touch.outcome,
        touch.rating,
        touch.hook_id,
        to_secs(now),
    ])?;
    let id = conn.last_insert_rowid();
    write_participants(conn, id, touch)?;
    mark_hook(conn, touch)?;
    Ok(id)
}

/// Rewrites a touch (matched by id): time, channel, note, outcome, rating,
/// hook and participants.
pub fn update(conn: &Connection, touch: &Touch) -> Result<()> {
    validate(touch)?;
    let changed = conn
        .prepare_cached(
            "UPDATE touches SET at = ?2, channel = ?3, note = ?4, outcome = ?5, rating = ?6,
                 hook_id = ?7 WHERE id = ?1",
        )?
        .execute(params![
            touch.id,
            to_secs(touch.at),
            touch.channel,
            stored_note(&touch.note),
            touch.outcome,
            touch.rating,
            touch.hook_id,
        ])?;
    if changed == 0 {
        return Err(missing(touch.id));
    }
    let mut concerned = participants(conn, touch.id)?;
    conn.prepare_cached("DELETE FROM touch_participants WHERE touch_id = ?1")?
        .execute([touch.id])?;
    write_participants(conn, touch.id, touch)?;
    mark_hook(conn, touch)?;
    concerned.extend(&touch.participants);
    facts::refresh_all_of(conn, &concerned)
}

/// The contacts a stored touch is with.
fn participants(conn: &Connection, touch: Id) -> Result<Vec<Id>> {
    Ok(conn
        .prepare_cached("SELECT contact_id FROM touch_participants WHERE touch_id = ?1")?
        .query_map([touch], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Deletes a touch.
pub fn delete(conn: &Connection, id: Id) -> Result<()> {
    let concerned = participants(conn, id)?;
    let removed = conn
        .prepare_cached("DELETE FROM touches WHERE id = ?1")?
        .execute([id])?;
    if removed == 0 {
        return Err(missing(id));
    }
    facts::refresh_all_of(conn, &concerned)
}

/// A touch's note as stored (`text::tidy_note`).
pub(crate) fn stored_note(note: &Option<String>) -> Option<String> {
    note.as_deref().map(crate::text::tidy_note)
}

fn missing(id: Id) -> Error {
    Error::input(t!("error-no-touch", id = id))
}

fn validate(touch: &Touch) -> Result<()> {
    if touch.participants.is_empty() {
        return Err(Error::input(t!("error-touch-nobody")));
    }
    if let Some(r) = touch.rating
        && !(-1..=1).contains(&r)
    {
        return Err(Error::input(t!("error-rating-range", rating = r)));
    }
    Ok(())
}

/// One row per participant, with the copies of the touch's time, channel,
/// outcome and rating that a contact's history is read from (migration 0004).
/// `update` rewrites the rows, so the copies follow every edit.
fn write_participants(conn: &Connection, id: Id, touch: &Touch) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO touch_participants (touch_id, contact_id, at, channel, outcome, rating)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for contact in &touch.participants {
        stmt.execute(params![
            id,
            contact,
            to_secs(touch.at),
            touch.channel,
            touch.outcome,
            touch.rating,
        ])?;
    }
    Ok(())
}

/// A hook used by a touch moves to the back of its contact's list.
fn mark_hook(conn: &Connection, touch: &Touch) -> Result<()> {
    if let Some(hook) = touch.hook_id {
        let changed = conn
            .prepare_cached(
                "UPDATE hooks SET used_at = max(coalesce(used_at, 0), ?2) WHERE id = ?1",
            )?
            .execute(params![hook, to_secs(touch.at)])?;
        if changed == 0 {
            return Err(Error::input(t!("error-no-hook", id = hook)));
        }
    }
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Touch> {
    let participants: String = row.get(7)?;
    Ok(Touch {
        id: row.get(0)?,
        at: from_secs(row.get(1)?),
        channel: row.get(2)?,
        note: row.get(3)?,
        outcome: row.get(4)?,
        rating: row.get(5)?,
        hook_id: row.get(6)?,
        participants: participants
            .split(',')
            .filter_map(|p| p.parse().ok())
            .collect(),
        captured: Vec::new(),
    })
}

const SELECT: &str = "SELECT t.id, t.at, t.channel, t.note, t.outcome, t.rating, t.hook_id,
        (SELECT group_concat(contact_id) FROM touch_participants WHERE touch_id = t.id)
     FROM touches t";

/// One touch by id.
pub fn get(conn: &Connection, id: Id) -> Result<Touch> {
    let mut touch = conn
        .prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| missing(id))?;
    super::capture::attach(conn, std::slice::from_mut(&mut touch))?;
    Ok(touch)
}

/// A contact's touches, newest first, at most `limit`.
pub fn for_contact(conn: &Connection, contact: Id, limit: Option<usize>) -> Result<Vec<Touch>> {
    let limit = limit.map_or(-1, |l| l as i64);
    let mut touches: Vec<Touch> = conn
        .prepare_cached(&format!(
            "{SELECT} JOIN touch_participants p ON p.touch_id = t.id
             WHERE p.contact_id = ?1 ORDER BY p.at DESC, t.id DESC LIMIT ?2"
        ))?
        .query_map(params![contact, limit], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    super::capture::attach(conn, &mut touches)?;
    Ok(touches)
}

/// Every touch, oldest first (for export).
pub fn all(conn: &Connection) -> Result<Vec<Touch>> {
    let mut touches: Vec<Touch> = conn
        .prepare_cached(&format!("{SELECT} ORDER BY t.at, t.id"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    super::capture::attach(conn, &mut touches)?;
    Ok(touches)
}

/// How many `done` touches a contact had per channel, richest first.
pub fn channel_mix(conn: &Connection, contact: Id) -> Result<Vec<(Channel, i64)>> {
    let mut mix: Vec<(Channel, i64)> = conn
        .prepare_cached(
            "SELECT channel, count(*) FROM touch_participants
             WHERE contact_id = ?1 AND outcome = 'done' GROUP BY channel",
        )?
        .query_map([contact], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    mix.sort_by_key(|m| std::cmp::Reverse(m.0));
    Ok(mix)
}
