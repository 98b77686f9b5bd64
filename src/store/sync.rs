//! The sync state (migrations/0010_sync.sql): the folders a pass synced,
//! each file as the last pass left it, and the records changed since.
//! Also the writes that put a
//! record exactly as another draht had it (its creation time, its hooks'
//! use, a follow-up or Jour fixe as a whole), which no command needs.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{day_text, to_secs};
use crate::error::Result;
use crate::jourfixe::JourFixe;
use crate::model::{FollowUp, Hook, Id};

/// The two folders a pass keeps.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Folder {
    Contacts,
    Calendar,
}

impl Folder {
    pub const ALL: [Folder; 2] = [Folder::Contacts, Folder::Calendar];

    pub fn as_str(self) -> &'static str {
        match self {
            Folder::Contacts => "contacts",
            Folder::Calendar => "calendar",
        }
    }

    fn from_str(text: &str) -> Folder {
        match text {
            "calendar" => Folder::Calendar,
            _ => Folder::Contacts,
        }
    }
}

/// What a file of a folder is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Contact,
    Touch,
    JourFixe,
    FollowUp,
    /// An item that is not draht's (an event made in khal): left alone.
    Other,
    /// A file that cannot be read: left alone, reported.
    Broken,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Touch => "touch",
            Kind::JourFixe => "jourfixe",
            Kind::FollowUp => "followup",
            Kind::Other => "other",
            Kind::Broken => "broken",
        }
    }

    pub fn from_name(text: &str) -> Option<Kind> {
        Some(match text {
            "contact" => Kind::Contact,
            "touch" => Kind::Touch,
            "jourfixe" => Kind::JourFixe,
            "followup" => Kind::FollowUp,
            "other" => Kind::Other,
            "broken" => Kind::Broken,
            _ => return None,
        })
    }
}

/// A file's stat, as a pass compares it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    pub mtime_ns: i64,
    pub size: i64,
    pub inode: i64,
}

/// One file of a folder as the last pass left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub folder: Folder,
    pub href: String,
    pub uid: String,
    pub kind: Kind,
    pub record_id: Option<Id>,
    pub stat: Stat,
    /// When the stat was taken (ns since the epoch).
    pub seen_ns: i64,
    /// The first 16 bytes of the file's SHA-256.
    pub hash: [u8; 16],
    /// `sync::Digest::encode` of its fields.
    pub digest: String,
}

const ITEM: &str = "SELECT folder, href, uid, kind, record_id, mtime_ns, size, inode, seen_ns, \
                    hash, digest FROM sync_items";

fn item_row(row: &Row) -> rusqlite::Result<Item> {
    let hash: Vec<u8> = row.get(9)?;
    let mut fixed = [0u8; 16];
    for (slot, byte) in fixed.iter_mut().zip(hash) {
        *slot = byte;
    }
    Ok(Item {
        folder: Folder::from_str(row.get_ref(0)?.as_str()?),
        href: row.get(1)?,
        uid: row.get(2)?,
        kind: Kind::from_name(row.get_ref(3)?.as_str()?).unwrap_or(Kind::Broken),
        record_id: row.get(4)?,
        stat: Stat {
            mtime_ns: row.get(5)?,
            size: row.get(6)?,
            inode: row.get(7)?,
        },
        seen_ns: row.get(8)?,
        hash: fixed,
        digest: row.get(10)?,
    })
}

/// Every item of `folder`.
pub fn items(conn: &Connection, folder: Folder) -> Result<Vec<Item>> {
    Ok(conn
        .prepare_cached(&format!("{ITEM} WHERE folder = ?1"))?
        .query_map([folder.as_str()], item_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// The item of `folder` with `uid` (the first by file name, should a
/// folder hold one UID twice).
pub fn by_uid(conn: &Connection, folder: Folder, uid: &str) -> Result<Option<Item>> {
    Ok(conn
        .prepare_cached(&format!(
            "{ITEM} WHERE folder = ?1 AND uid = ?2 ORDER BY href LIMIT 1"
        ))?
        .query_row(params![folder.as_str(), uid], item_row)
        .optional()?)
}

/// Records `item` (replacing the item of its file).
pub fn put(conn: &Connection, item: &Item) -> Result<()> {
    // a record has one file: a renamed file takes its record along
    if let Some(id) = item.record_id {
        conn.prepare_cached(
            "DELETE FROM sync_items WHERE kind = ?1 AND record_id = ?2 AND NOT (folder = ?3 AND href = ?4)",
        )?
        .execute(params![item.kind.as_str(), id, item.folder.as_str(), item.href])?;
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_items (folder, href, uid, kind, record_id, mtime_ns, size,
             inode, seen_ns, hash, digest)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        item.folder.as_str(),
        item.href,
        item.uid,
        item.kind.as_str(),
        item.record_id,
        item.stat.mtime_ns,
        item.stat.size,
        item.stat.inode,
        item.seen_ns,
        &item.hash[..],
        item.digest,
    ])?;
    Ok(())
}

/// Updates the stat of a file whose content did not change.
pub fn restat(
    conn: &Connection,
    folder: Folder,
    href: &str,
    stat: Stat,
    seen_ns: i64,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_items SET mtime_ns = ?3, size = ?4, inode = ?5, seen_ns = ?6
         WHERE folder = ?1 AND href = ?2",
    )?
    .execute(params![
        folder.as_str(),
        href,
        stat.mtime_ns,
        stat.size,
        stat.inode,
        seen_ns
    ])?;
    Ok(())
}

/// Forgets the item of one file.
pub fn remove(conn: &Connection, folder: Folder, href: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_items WHERE folder = ?1 AND href = ?2")?
        .execute(params![folder.as_str(), href])?;
    Ok(())
}

/// Records that `folder` is synced with `path`, as of `now` (the last full
/// look), with the `mark` that look leaves (`None`: the next pass looks at
/// every file). From the first folder on, the triggers record every change
/// to a record.
pub fn set_folder(
    conn: &Connection,
    folder: Folder,
    path: &str,
    now: DateTime<Utc>,
    mark: Option<Mark>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO sync_folders (folder, path, synced_at, mark_ns, marked_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        folder.as_str(),
        path,
        to_secs(now),
        mark.map(|m| m.mtime_ns),
        mark.map(|m| m.at)
    ])?;
    Ok(())
}

/// What the last full look at a folder found of its time: see
/// migration 0012 and [`set_folder`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The folder's mtime (ns) before that look.
    pub mtime_ns: i64,
    /// When that look was (real unix seconds).
    pub at: i64,
}

/// The path the state of `folder` is kept for, and its mark; `None` when
/// it was never synced.
pub fn folder(conn: &Connection, folder: Folder) -> Result<Option<(String, Option<Mark>)>> {
    Ok(conn
        .prepare_cached("SELECT path, mark_ns, marked_at FROM sync_folders WHERE folder = ?1")?
        .query_row([folder.as_str()], |row| {
            let mark = match (row.get(1)?, row.get(2)?) {
                (Some(mtime_ns), Some(at)) => Some(Mark { mtime_ns, at }),
                _ => None,
            };
            Ok((row.get(0)?, mark))
        })
        .optional()?)
}

/// Whether a record of one of `kinds` changed since the last pass.
pub fn any_dirty_of(conn: &Connection, kinds: &[Kind]) -> Result<bool> {
    for kind in kinds {
        let dirty: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = ?1)")?
            .query_row([kind.as_str()], |row| row.get(0))?;
        if dirty {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Forgets the state of `folder` (a pass against another path starts afresh).
pub fn forget_folder(conn: &Connection, folder: Folder) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_items WHERE folder = ?1")?
        .execute([folder.as_str()])?;
    conn.prepare_cached("DELETE FROM sync_folders WHERE folder = ?1")?
        .execute([folder.as_str()])?;
    Ok(())
}

/// The records changed since the last pass, with when (unix ms).
pub fn dirty(conn: &Connection) -> Result<Vec<(Kind, Id, i64)>> {
    let rows: Vec<(String, Id, i64)> = conn
        .prepare_cached("SELECT kind, record_id, at_ms FROM sync_dirty ORDER BY kind, record_id")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(kind, id, at)| Some((Kind::from_name(&kind)?, id, at)))
        .collect())
}

/// Forgets the changes a pass took care of.
pub fn clear_dirty(conn: &Connection) -> Result<()> {
    conn.prepare_cached("DELETE FROM sync_dirty")?.execute([])?;
    Ok(())
}

/// Forgets the changes of `kinds` a pass took care of.
pub fn clear_dirty_of(conn: &Connection, kinds: &[Kind]) -> Result<()> {
    for kind in kinds {
        conn.prepare_cached("DELETE FROM sync_dirty WHERE kind = ?1")?
            .execute([kind.as_str()])?;
    }
    Ok(())
}

/// Sets when contact `id` was added (as the draht that added it has it).
pub fn set_contact_created(conn: &Connection, id: Id, at: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("UPDATE contacts SET created_at = ?2 WHERE id = ?1")?
        .execute(params![id, to_secs(at)])?;
    Ok(())
}

/// Sets the start of contact `id`'s cadence exactly (`None`: not known).
pub fn set_cadence_from(conn: &Connection, id: Id, day: Option<NaiveDate>) -> Result<()> {
    conn.prepare_cached("UPDATE contacts SET cadence_from = ?2 WHERE id = ?1")?
        .execute(params![id, day.map(day_text)])?;
    Ok(())
}

/// Writes a hook as a whole (matched by id): kind, text, when it was added
/// and last used.
pub fn put_hook(conn: &Connection, hook: &Hook) -> Result<()> {
    conn.prepare_cached(
        "UPDATE hooks SET kind = ?2, text = ?3, created_at = ?4, used_at = ?5 WHERE id = ?1",
    )?
    .execute(params![
        hook.id,
        hook.kind.as_str(),
        hook.text.trim(),
        to_secs(hook.created_at),
        hook.used_at.map(to_secs),
    ])?;
    Ok(())
}

/// Writes a follow-up as a whole (matched by id).
pub fn put_followup(conn: &Connection, followup: &FollowUp) -> Result<()> {
    conn.prepare_cached(
        "UPDATE followups SET contact_id = ?2, due = ?3, note = ?4, created_at = ?5, done_at = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        followup.id,
        followup.contact_id,
        day_text(followup.due),
        followup.note.trim(),
        to_secs(followup.created_at),
        followup.done_at.map(to_secs),
    ])?;
    Ok(())
}

/// Writes a Jour fixe as a whole (matched by id), its skipped dates too.
/// The rule is not checked against the dates: it came from a draht that
/// stored it.
pub fn put_jourfixe(conn: &Connection, jf: &JourFixe) -> Result<()> {
    conn.prepare_cached(
        "UPDATE jourfixes SET contact_id = ?2, start = ?3, rrule = ?4, time = ?5,
             duration_minutes = ?6, channel = ?7, note = ?8, active = ?9
         WHERE id = ?1",
    )?
    .execute(params![
        jf.id,
        jf.contact_id,
        day_text(jf.start),
        jf.rrule.trim(),
        jf.time.map(|t| t.format("%H:%M").to_string()),
        jf.duration_minutes,
        jf.channel.as_str(),
        jf.note.as_deref().map(str::trim).filter(|n| !n.is_empty()),
        jf.active,
    ])?;
    let stored: Vec<String> = conn
        .prepare_cached("SELECT date FROM jourfixe_skips WHERE jourfixe_id = ?1")?
        .query_map([jf.id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let wanted: Vec<String> = jf.skipped.iter().copied().map(day_text).collect();
    for date in stored.iter().filter(|d| !wanted.contains(d)) {
        conn.prepare_cached("DELETE FROM jourfixe_skips WHERE jourfixe_id = ?1 AND date = ?2")?
            .execute(params![jf.id, date])?;
    }
    for date in wanted.iter().filter(|d| !stored.contains(d)) {
        conn.prepare_cached("INSERT INTO jourfixe_skips (jourfixe_id, date) VALUES (?1, ?2)")?
            .execute(params![jf.id, date])?;
    }
    Ok(())
}

/// Every contact's id, UID, name and whether it is archived: how the
/// calendar's items name their people.
pub fn people(conn: &Connection) -> Result<Vec<(Id, String, String, bool)>> {
    Ok(conn
        .prepare_cached("SELECT id, uid, name, archived FROM contacts ORDER BY id")?
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every record of `kind` by id, each with the key a pass takes them in
/// (with the id): a Jour fixe's contact, a touch's time, a follow-up's id.
/// A plain scan of the table, nothing else read.
pub fn record_keys(conn: &Connection, kind: Kind) -> Result<Vec<(Id, i64)>> {
    let sql = match kind {
        Kind::JourFixe => "SELECT id, contact_id FROM jourfixes",
        Kind::FollowUp => "SELECT id, id FROM followups",
        Kind::Touch => "SELECT id, at FROM touches",
        Kind::Contact => "SELECT id, id FROM contacts",
        Kind::Other | Kind::Broken => return Ok(Vec::new()),
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Whether a record of `kind` with `id` exists.
pub fn exists(conn: &Connection, kind: Kind, id: Id) -> Result<bool> {
    let table = match kind {
        Kind::Contact => "contacts",
        Kind::Touch => "touches",
        Kind::JourFixe => "jourfixes",
        Kind::FollowUp => "followups",
        Kind::Other | Kind::Broken => return Ok(false),
    };
    Ok(conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"
        ))?
        .query_row([id], |row| row.get(0))?)
}

#[cfg(test)]
mod tests;
