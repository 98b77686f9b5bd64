//! Opening a database file safely: owner-only creation, refusing files that
//! are not draht databases, and migrating with a backup copy first.

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, IoContext, Result};

/// Every migration, in order. Append only: never edit a landed one.
pub const MIGRATIONS_SQL: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_jourfixe.sql"),
];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS_SQL.iter().map(|sql| M::up(sql)).collect())
}

/// The schema level this build writes.
pub fn latest_version() -> usize {
    MIGRATIONS_SQL.len()
}

/// Opens the database at `path`, creating it (and its folder) owner-only if
/// it does not exist, and migrates it to the latest level.
pub fn open_path(path: &Path) -> Result<Connection> {
    let created = create_if_missing(path)?;
    if !created {
        check_is_sqlite(path)?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_a_database(path, &e.to_string()))?;
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(Error::Database(format!(
            "{} is read-only; draht needs to write it (check its permissions, or pass another --db)",
            path.display()
        )));
    }
    configure(&conn).map_err(|e| not_a_database(path, &e.to_string()))?;
    migrate(&mut conn, Some(path))?;
    Ok(conn)
}

/// Pragmas every connection runs with.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
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
    Ok(())
}

/// Migrates to the latest level. An existing database at a lower level is
/// first copied to `<file>.bak-<level>`; one from a newer draht is refused.
pub(crate) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let latest = latest_version() as i64;
    if version > latest {
        return Err(Error::Database(format!(
            "this database was written by a newer draht (schema level {version}, this draht knows {latest}); upgrade draht — the file was not changed"
        )));
    }
    if version == latest {
        return Ok(());
    }
    if version > 0
        && let Some(path) = path
    {
        backup_before_upgrade(conn, path, version)?;
    }
    migrations().to_latest(conn).map_err(|e| {
        Error::Database(format!(
            "cannot upgrade the database from level {version} to {latest}: {e}; the file was left as it was"
        ))
    })
}

/// The backup copy written before upgrading from `version`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bak-{version}"));
    path.with_file_name(name)
}

fn backup_before_upgrade(conn: &Connection, path: &Path, version: i64) -> Result<()> {
    let target = backup_path(path, version);
    if target.exists() {
        return Ok(());
    }
    create_owner_only(&target)?;
    let mut dst = Connection::open(&target)?;
    let backup = rusqlite::backup::Backup::new(conn, &mut dst)?;
    backup.run_to_completion(256, Duration::from_millis(0), None)?;
    Ok(())
}

/// Creates `path` (mode 0600) and its folder (0700) if missing.
/// Returns whether the file was created now.
fn create_if_missing(path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::Database(format!(
            "{} is a directory; pass the path of a database file with --db",
            path.display()
        ))),
        Ok(_) => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                && !dir.exists()
            {
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(dir)
                    .at_path(dir)?;
            }
            create_owner_only(path)?;
            Ok(true)
        }
        Err(e) => Err(Error::Database(format!(
            "cannot read {}: {e}; check the path and its permissions",
            path.display()
        ))),
    }
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
        "{} is not a usable draht database ({why}); it was left untouched — pass another --db",
        path.display()
    ))
}
