//! Hooks: talking points per contact.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{from_secs, to_secs};
use crate::error::{Error, Result};
use crate::model::{Hook, HookKind, Id};
use crate::t;

/// Never-used hooks first (newest first), then used ones, least recently used first.
const ORDER: &str = "ORDER BY used_at IS NOT NULL, CASE WHEN used_at IS NULL THEN -created_at ELSE used_at END, id DESC";

pub fn insert(
    conn: &Connection,
    contact: Id,
    kind: HookKind,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Id> {
    let text = crate::text::tidy_line(text);
    if text.is_empty() {
        return Err(Error::input(t!("error-hook-no-text")));
    }
    conn.prepare_cached(
        "INSERT INTO hooks (contact_id, kind, text, created_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![contact, kind, text, to_secs(now)])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn from_row(row: &Row) -> rusqlite::Result<Hook> {
    Ok(Hook {
        id: row.get(0)?,
        contact_id: row.get(1)?,
        kind: row.get(2)?,
        text: row.get(3)?,
        created_at: from_secs(row.get(4)?),
        used_at: row.get::<_, Option<i64>>(5)?.map(from_secs),
    })
}

const SELECT: &str = "SELECT id, contact_id, kind, text, created_at, used_at FROM hooks";

/// A contact's hooks, freshest first.
pub fn for_contact(conn: &Connection, contact: Id) -> Result<Vec<Hook>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE contact_id = ?1 {ORDER}"))?
        .query_map([contact], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The hook to bring up next for a contact.
pub fn freshest(conn: &Connection, contact: Id) -> Result<Option<Hook>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE contact_id = ?1 {ORDER} LIMIT 1"))?
        .query_row([contact], from_row)
        .optional()?)
}

pub fn get(conn: &Connection, id: Id) -> Result<Hook> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::input(t!("error-no-hook", id = id)))
}

/// Every hook (for export).
pub fn all(conn: &Connection) -> Result<Vec<Hook>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} ORDER BY id"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// Sets when the hook was last used (`None`: never), as it was before a
/// touch that is being taken back marked it.
pub fn set_used(conn: &Connection, id: Id, used_at: Option<DateTime<Utc>>) -> Result<()> {
    let changed = conn
        .prepare_cached("UPDATE hooks SET used_at = ?2 WHERE id = ?1")?
        .execute(params![id, used_at.map(to_secs)])?;
    if changed == 0 {
        return Err(Error::input(t!("error-no-hook-short", id = id)));
    }
    Ok(())
}

pub fn delete(conn: &Connection, id: Id) -> Result<()> {
    let removed = conn
        .prepare_cached("DELETE FROM hooks WHERE id = ?1")?
        .execute([id])?;
    if removed == 0 {
        return Err(Error::input(t!("error-no-hook-short", id = id)));
    }
    Ok(())
}
