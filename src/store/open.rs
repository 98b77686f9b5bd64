//! Opening a database file safely: owner-only creation, refusing files that
//! are not draht databases, and migrating with a backup copy first.
//!
//! Nothing here ever writes to a file it refuses: every check that can fail
//! runs before the first pragma that could change the file.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::error::{Error, IoContext, Result};

/// Every migration, in order. Append only: never edit a landed one.
pub const MIGRATIONS_SQL: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_jourfixe.sql"),
    include_str!("../../migrations/0003_contact_summary.sql"),
    include_str!("../../migrations/0004_participant_channel.sql"),
    include_str!("../../migrations/0005_cards.sql"),
    include_str!("../../migrations/0010_sync.sql"),
];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a command waits for another draht to finish writing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema level this build writes.
pub fn latest_version() -> usize {
    MIGRATIONS_SQL.len()
}

/// Opens the database at `path`, creating it (and its folder) owner-only if
/// it does not exist, and migrates it to the latest level.
pub fn open_path(path: &Path) -> Result<Connection> {
    if !exists_as_file(path)? {
        create_database(path)?;
    }
    check_is_sqlite(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_failure(path, &e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(Error::Database(format!(
            "{} is read-only; draht needs to write it (check its permissions, or pass another --db)",
            path.display()
        )));
    }
    let version = check_level(&conn, path)?;
    configure(&conn).map_err(|e| match e {
        Error::Sqlite { source, .. } => open_failure(path, &source),
        other => other,
    })?;
    if wal_len(path) > WAL_FOLD_BYTES {
        // Let this connection's close fold the WAL back and remove it.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            false,
        )?;
    }
    if version != latest_version() as i64 {
        migrate(&mut conn, Some(path))?;
    }
    Ok(conn)
}

/// The WAL size past which the closing connection checkpoints it into the
/// database and removes it (see `configure`).
///
/// Every process opening the database recovers the whole WAL (it re-reads
/// it to rebuild the shared index) and believes none of it is checkpointed
/// yet, so SQLite alone never restarts the WAL of one-command processes: it
/// kept growing, every start re-read all of it, and past 1000 pages every
/// commit ran another checkpoint. Folding it back on close when it passes
/// 1 MiB keeps that start-up read small and costs two extra fsyncs once per
/// roughly fifty `log`s.
pub(crate) const WAL_FOLD_BYTES: u64 = 1024 * 1024;

/// The size of the database's `-wal` file (0 when there is none).
fn wal_len(path: &Path) -> u64 {
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    std::fs::metadata(wal).map_or(0, |meta| meta.len())
}

/// Pragmas every connection runs with.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets the TUI read while another draht writes; FULL makes every
    // committed touch survive a power cut, not only a crash.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(Error::Database(format!(
            "cannot switch the database to WAL mode (got {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // A commit is durable once the WAL is synced; folding the WAL back into
    // the main file on every exit cost a one-touch `log` four more fsyncs.
    // `open_path` folds it back once it passes `WAL_FOLD_BYTES`.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )?;
    conn.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

fn newer_error(path: Option<&Path>, version: i64, latest: i64) -> Error {
    let what = path.map_or_else(|| "this database".to_string(), |p| p.display().to_string());
    Error::Database(format!(
        "{what} was written by a newer draht (schema level {version}, this draht knows up to {latest}); upgrade draht to use it — the file was not changed"
    ))
}

/// Refuses, with reads only, a database from a newer draht and an SQLite
/// file that belongs to another program (level 0 but with tables). Returns
/// the level.
fn check_level(conn: &Connection, path: &Path) -> Result<i64> {
    let version = user_version(conn).map_err(|e| open_failure(path, &e))?;
    let latest = latest_version() as i64;
    if version > latest {
        return Err(newer_error(Some(path), version, latest));
    }
    if version == 0 {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 3")
            .map_err(|e| open_failure(path, &e))?;
        let tables = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| open_failure(path, &e))?;
        if !tables.is_empty() {
            return Err(Error::Database(format!(
                "{} is an SQLite database of another program (it has tables such as {}), not a draht database; it was left untouched — pass another --db",
                path.display(),
                tables.join(", ")
            )));
        }
    }
    Ok(version)
}

/// Migrates to the latest level. An existing database at a lower level is
/// first copied to `<file>.bak-<level>`; one from a newer draht is refused.
pub(crate) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    migrate_with(conn, path, MIGRATIONS_SQL)
}

/// Applies `steps[level..]` in one write transaction keyed on
/// `PRAGMA user_version`. The level is read again under the write lock, so
/// two drahts upgrading at once apply each step exactly once. Migrations run
/// with foreign keys on; a step that leaves a dangling reference is refused.
pub(crate) fn migrate_with(
    conn: &mut Connection,
    path: Option<&Path>,
    steps: &[&str],
) -> Result<()> {
    let latest = steps.len() as i64;
    if user_version(conn)? == latest {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version = user_version(&tx)?;
    if version > latest {
        return Err(newer_error(path, version, latest));
    }
    if version == latest {
        return Ok(());
    }
    if version > 0
        && let Some(path) = path
    {
        backup_before_upgrade(path, version)?;
    }
    let failed = |step: usize, e: &dyn std::fmt::Display| {
        Error::Database(format!(
            "cannot upgrade the database from level {version} to {latest} (step {step}: {e}); the file was left as it was"
        ))
    };
    for (index, sql) in steps.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql).map_err(|e| failed(index + 1, &e))?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    let dangling: i64 =
        tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if dangling > 0 {
        return Err(failed(
            latest as usize,
            &format!("{dangling} rows would point at missing records"),
        ));
    }
    tx.commit()?;
    Ok(())
}

/// The backup copy written before upgrading from `version`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak-{version}"));
    path.with_file_name(name)
}

/// Copies the database to the first free name of `<file>.bak-<level>`,
/// `<file>.bak-<level>.2`, … The caller holds the write lock, so the copy,
/// read through a second connection (SQLite cannot back up from a connection
/// in a write transaction), is exactly the database about to be upgraded.
fn backup_before_upgrade(path: &Path, version: i64) -> Result<()> {
    let first = backup_path(path, version);
    let mut target = first.clone();
    let mut n = 1;
    while target.exists() {
        n += 1;
        let mut name = first.clone().into_os_string();
        name.push(format!(".{n}"));
        target = PathBuf::from(name);
    }
    let reader = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    reader.busy_timeout(BUSY_TIMEOUT)?;
    super::backup::copy_to_new_file(&reader, &target).map(|_| ())
}

/// Whether `path` exists; a folder or an unreachable path is an error.
fn exists_as_file(path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::Database(format!(
            "{} is a directory; pass the path of a database file with --db",
            path.display()
        ))),
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::Database(format!(
            "cannot read {}: {e}; check the path and its permissions",
            path.display()
        ))),
    }
}

/// Creates a new, migrated database at `path` (mode 0600, folder 0700)
/// without ever showing a half-made file there: it is built under a
/// temporary name and linked into place. A draht killed midway leaves no
/// empty file that later runs would refuse; two drahts creating the same
/// file at once both end up using the one that got there first.
fn create_database(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| {
                Error::Database(format!(
                    "cannot create the folder {} for the database: {e}; create it yourself or pass another --db",
                    dir.display()
                ))
            })?;
    }
    let temp = temp_sibling(path);
    let placed = build_new(&temp).and_then(|()| match std::fs::hard_link(&temp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // a file system without hard links: rename, unless someone was first
        Err(_) if !path.exists() => std::fs::rename(&temp, path).at_path(path),
        Err(_) => Ok(()),
    });
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = temp.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    placed?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::fsutil::sync_dir(dir);
    }
    Ok(())
}

fn temp_sibling(path: &Path) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".new-{}-{nanos}", std::process::id()));
    path.with_file_name(name)
}

fn build_new(temp: &Path) -> Result<()> {
    create_owner_only(temp).map_err(|e| {
        Error::Database(format!(
            "cannot create a database next to {}: {e}; check the folder's permissions or pass another --db",
            temp.display()
        ))
    })?;
    let mut conn = Connection::open(temp)?;
    configure(&conn)?;
    migrate(&mut conn, None)?;
    // Fold the WAL into the file before it is linked into place: connections
    // do not checkpoint on close (see `configure`), and a draht opening the
    // linked file must find it complete without the temp name's WAL.
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        return Err(Error::Database(format!(
            "cannot finish the new database {}; try again",
            temp.display()
        )));
    }
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

pub(crate) fn create_owner_only(path: &Path) -> Result<()> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .at_path(path)?;
    Ok(())
}

/// Refuses anything that is not an SQLite file, before SQLite touches it.
fn check_is_sqlite(path: &Path) -> Result<()> {
    let mut file = std::fs::File::open(path).map_err(|e| {
        Error::Database(format!(
            "cannot open {}: {e}; check its permissions, or pass another --db",
            path.display()
        ))
    })?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(not_a_database(path, &e.to_string())),
        }
    }
    if read == 0 {
        return Err(Error::Database(format!(
            "{} is an empty file, not a draht database; remove it or pass another --db",
            path.display()
        )));
    }
    if read < header.len() || &header != SQLITE_MAGIC {
        return Err(not_a_database(
            path,
            "it does not start with the SQLite header",
        ));
    }
    Ok(())
}

fn not_a_database(path: &Path, why: &str) -> Error {
    Error::Database(format!(
        "{} is not a usable draht database ({why}); it was left untouched — pass another --db, or restore a backup",
        path.display()
    ))
}

/// Words for an SQLite error while opening `path`.
fn open_failure(path: &Path, e: &rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            not_a_database(path, &e.to_string())
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            Error::Database(format!(
                "cannot open {} ({e}); draht needs to read and write it and to create its -wal and -shm files beside it: check the permissions of the file and its folder, or pass another --db",
                path.display()
            ))
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Database(format!(
            "{} stayed locked by another program for {}s; close it and try again",
            path.display(),
            BUSY_TIMEOUT.as_secs()
        )),
        _ => Error::Database(format!(
            "cannot open {} ({e}); it was left untouched — pass another --db",
            path.display()
        )),
    }
}

#[cfg(test)]
#[path = "open_tests.rs"]
mod tests;
