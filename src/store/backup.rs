//! Consistent copies of a live database (SQLite's online backup API),
//! among them the one `store::open` makes before it upgrades a database,
//! and health checks (integrity and foreign keys).
//!
//! A copy is one snapshot: it is taken in a single backup step, which holds
//! one read transaction on the source. In WAL mode that transaction neither
//! waits for nor blocks other drahts that keep writing, so the copy holds
//! exactly the commits made before it started.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;

use super::schema::Schema;
use crate::error::{Error, Result};

/// How often a backup step that found the source busy is tried again.
const BUSY_RETRIES: u32 = 500;
const BUSY_PAUSE: Duration = Duration::from_millis(20);

/// What a copy holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    /// The size of the copy's file.
    pub bytes: u64,
    pub contacts: i64,
    pub touches: i64,
}

/// How many contacts and touches the database holds.
pub fn totals(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM touches)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

/// Copies the database behind `src` into the new file `target` (mode 0600;
/// an existing file is never overwritten), checks the copy, and says what
/// it holds.
///
/// The copy is written under a temporary name in the same folder, synced,
/// and only then linked to `target`: a kill or a crash at any moment leaves
/// either no file at `target` or the whole checked copy, never a half-made
/// one (at worst a `.NAME.tmp-…` file beside it). On any failure the
/// temporary files are removed.
pub fn copy_to_new_file(src: &Connection, target: &Path) -> Result<Copied> {
    let exists = || Error::Exists {
        path: target.to_path_buf(),
    };
    if std::fs::symlink_metadata(target).is_ok() {
        return Err(exists());
    }
    let temp = crate::fsutil::temp_beside(target, "tmp");
    let copied = super::open::create_owner_only(&temp)
        .and_then(|()| copy_into(src, &temp))
        .and_then(|copied| {
            place(&temp, target).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => exists(),
                _ => io(target, e),
            })?;
            Ok(copied)
        });
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(super::open::beside(&temp, suffix));
    }
    let copied = copied?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fsutil::sync_dir(dir);
    }
    Ok(copied)
}

/// Gives the finished file `temp` the name `target` in one step, unless
/// something is there already: a hard link (which never replaces a file),
/// or where the file system has none, a rename after a last look.
fn place(temp: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if std::fs::symlink_metadata(target).is_ok() => {
            Err(std::io::ErrorKind::AlreadyExists.into())
        }
        Err(_) => std::fs::rename(temp, target),
    }
}

fn copy_into(src: &Connection, target: &Path) -> Result<Copied> {
    let mut dst = Connection::open(target)?;
    dst.busy_timeout(super::open::BUSY_TIMEOUT)?;
    {
        let backup = Backup::new(src, &mut dst)?;
        let mut busy = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked => {
                    busy += 1;
                    if busy > BUSY_RETRIES {
                        return Err(Error::Database(crate::t!("error-backup-busy")));
                    }
                    std::thread::sleep(BUSY_PAUSE);
                }
                // StepResult is non-exhaustive: treat anything new as "step again"
                _ => {}
            }
        }
    }
    let problems = integrity_problems(&dst)?;
    if !problems.is_empty() {
        return Err(Error::Database(crate::t!(
            "error-backup-integrity",
            path = target.display().to_string(),
            problems = problems.join("; ")
        )));
    }
    // the copy carries the source's WAL mode; as a plain rollback-journal
    // file it is one self-contained file, and opening it (even read-only)
    // leaves no -wal and -shm beside it
    dst.pragma_update_and_check(None, "journal_mode", "DELETE", |row| {
        row.get::<_, String>(0)
    })?;
    let (contacts, touches) = totals(&dst)?;
    dst.close().map_err(|(_, e)| e)?;
    let file = std::fs::File::open(target).map_err(|e| io(target, e))?;
    file.sync_all().map_err(|e| io(target, e))?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fsutil::sync_dir(dir);
    }
    Ok(Copied {
        bytes: file.metadata().map_err(|e| io(target, e))?.len(),
        contacts,
        touches,
    })
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The first free name `draht-YYYYMMDD-HHMMSS.db` (then `…-2.db`, `…-3.db`)
/// in the folder of the database at `db`, stamped with local time `at`.
pub fn default_backup_path(db: &Path, at: NaiveDateTime) -> PathBuf {
    let dir = db.parent().unwrap_or(Path::new(""));
    let stamp = at.format("%Y%m%d-%H%M%S");
    let mut candidate = dir.join(format!("draht-{stamp}.db"));
    let mut n = 1;
    while candidate.exists() || std::fs::symlink_metadata(&candidate).is_ok() {
        n += 1;
        candidate = dir.join(format!("draht-{stamp}-{n}.db"));
    }
    candidate
}

/// A row whose foreign key points at a record that does not exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dangling {
    /// The table holding the row.
    pub table: String,
    /// Its rowid (none for tables without one).
    pub rowid: Option<i64>,
    /// The table it should point into.
    pub parent: String,
}

/// What `check` found. Healthy when all three lists are empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Health {
    /// `PRAGMA integrity_check` findings (empty when it says "ok").
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check` findings.
    pub dangling: Vec<Dangling>,
    /// How the schema differs from what its level requires (tables,
    /// columns, indexes, triggers: `store::schema`), one finding each.
    pub schema: Vec<String>,
    /// Tables and views beside draht's that are not draht's (a user's
    /// own): no problem, and left as they are.
    pub other_tables: Vec<String>,
    /// The database's schema level and the one this draht writes.
    pub schema_level: i64,
    pub latest_level: i64,
    /// Row counts, to show the check looked at the user's data.
    pub contacts: i64,
    pub touches: i64,
}

impl Health {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.dangling.is_empty() && self.schema.is_empty()
    }
}

/// Runs the integrity and foreign-key checks over the whole database and
/// compares its schema with the one its level requires. A database too
/// damaged to finish a check reports the damage as a finding.
pub fn check(conn: &Connection) -> Result<Health> {
    let mut integrity = match integrity_problems(conn) {
        Err(Error::Sqlite { source, .. }) if is_damage(&source) => vec![source.to_string()],
        other => other?,
    };
    let dangling = match dangling_rows(conn) {
        Ok(rows) => rows,
        Err(e) if is_damage(&e) => {
            integrity.push(e.to_string());
            Vec::new()
        }
        Err(e) => return Err(e.into()),
    };
    let (contacts, touches) = totals(conn).unwrap_or((-1, -1));
    let schema_level: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let (schema, other_tables) = match (Schema::of(conn), Schema::of_level(schema_level)) {
        (Ok(found), Some(expected)) => {
            let difference = found.difference(&expected);
            let mut findings = difference.findings();
            // level 0 is an empty file; one with tables is another program's
            if schema_level == 0 && !found.is_empty() {
                findings.push(crate::t!(
                    "check-level-zero-foreign",
                    tables = found.tables().join(", ")
                ));
            }
            (findings, difference.other_tables)
        }
        (Ok(_), None) => (
            vec![crate::t!(
                "check-level-unknown",
                level = schema_level,
                latest = super::open::latest_version()
            )],
            Vec::new(),
        ),
        (Err(e), _) => (
            vec![crate::t!(
                "check-schema-unreadable",
                problem = e.to_string()
            )],
            Vec::new(),
        ),
    };
    Ok(Health {
        integrity,
        dangling,
        schema,
        other_tables,
        schema_level,
        latest_level: super::open::latest_version() as i64,
        contacts,
        touches,
    })
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

fn dangling_rows(conn: &Connection) -> rusqlite::Result<Vec<Dangling>> {
    let mut stmt = conn.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")?;
    stmt.query_map([], |row| {
        Ok(Dangling {
            table: row.get(0)?,
            rowid: row.get(1)?,
            parent: row.get(2)?,
        })
    })?
    .collect()
}

/// `PRAGMA integrity_check`: empty when the database is sound.
fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// The backup copy `store::open` writes before upgrading from `version`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak-{version}"));
    path.with_file_name(name)
}

/// Copies the database to the first free name of `<file>.bak-<level>`,
/// `<file>.bak-<level>.2`, … The caller holds the write lock, so the copy,
/// read through a second connection (SQLite cannot back up from a connection
/// in a write transaction), is exactly the database about to be upgraded.
pub(crate) fn backup_before_upgrade(path: &Path, version: i64) -> Result<()> {
    let first = backup_path(path, version);
    let mut target = first.clone();
    let mut n = 1;
    while target.exists() {
        n += 1;
        let mut name = first.clone().into_os_string();
        name.push(format!(".{n}"));
        target = PathBuf::from(name);
    }
    let reader = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    reader.busy_timeout(super::open::BUSY_TIMEOUT)?;
    copy_to_new_file(&reader, &target).map(|_| ())
}

#[cfg(test)]
mod tests;
