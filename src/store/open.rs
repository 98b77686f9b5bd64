//! Opening a database file safely: owner-only creation, refusing files that
//! are not draht databases, and migrating with a backup copy first.
//!
//! Nothing here ever writes to a file it refuses: a file is recognised as a
//! draht database by its schema (`store::schema`: the tables, columns,
//! indexes and triggers of its level) through a read-only look that leaves
//! no file beside it, before the connection that may switch it to WAL,
//! back it up or migrate it is used for anything but reading. (A file that
//! says it is of the latest level and lies alone is recognised by the
//! read-write connection itself, before it writes: one schema parse per
//! run.)

use std::fs::OpenOptions;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::backup::backup_before_upgrade;
pub use super::backup::backup_path;
use super::schema::{self, Schema};
use crate::error::{Error, FileKind, IoContext, Result};
use crate::t;

/// Every migration, in order. Append only: never edit a landed one.
pub const MIGRATIONS_SQL: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_jourfixe.sql"),
    include_str!("../../migrations/0003_contact_summary.sql"),
    include_str!("../../migrations/0004_participant_channel.sql"),
    include_str!("../../migrations/0005_cards.sql"),
    include_str!("../../migrations/0006_reminders.sql"),
    include_str!("../../migrations/0007_capture.sql"),
    include_str!("../../migrations/0008_touch_ids.sql"),
    include_str!("../../migrations/0009_capture_phone.sql"),
    include_str!("../../migrations/0010_sync.sql"),
    include_str!("../../migrations/0011_agenda_indexes.sql"),
    include_str!("../../migrations/0012_sync_marks.sql"),
];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a command waits for another draht to finish writing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema level this build writes.
pub fn latest_version() -> usize {
    MIGRATIONS_SQL.len()
}

/// What opening does when there is no file at the path.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IfMissing {
    /// Create a new, empty database there.
    Create,
    /// Refuse: the path was meant to name an existing database.
    Refuse,
}

/// Opens the database at `path`, creating it (and its folder) owner-only if
/// it does not exist, and migrates it to the latest level.
pub fn open_path(path: &Path) -> Result<Connection> {
    open_with(path, IfMissing::Create).map(|(conn, _)| conn)
}

/// [`open_path`], told what to do when there is no file at `path`; also
/// says whether it created one.
pub fn open_with(path: &Path, missing: IfMissing) -> Result<(Connection, bool)> {
    let created = !exists_as_file(path)?;
    if created {
        match missing {
            IfMissing::Create => create_database(path)?,
            IfMissing::Refuse => return Err(no_database(path)),
        }
    }
    check_is_sqlite(path)?;
    let (version, mut conn) = match latest_at_rest(path)? {
        // Most opens: the file says it is of this draht's level and
        // nothing lies beside it. Its statements are compared on the
        // connection that goes on to use them, before anything is written:
        // SQLite then parses the schema once per run, not once for a look
        // and again for the work (2.3 of `draht today`'s 34 million
        // instructions at 10,000 contacts, bench/compare.sh's realistic
        // mix). Reading it this way writes nothing either; the connection
        // of a WAL-mode file makes a `-wal` and `-shm` that it removes
        // again when it closes.
        Some(left) => match writer(path)? {
            conn if schema::digest(&conn).is_ok_and(|d| d == schema::LATEST_DIGEST) => {
                (latest_version() as i64, conn)
            }
            conn => {
                // The empty `-wal` and `-shm` another reader left stay as
                // they were: a reading connection held over the close
                // keeps SQLite from removing them.
                let keep = match left {
                    true => Some(reading(path)?),
                    false => None,
                };
                drop(conn);
                let version = recognise(path);
                drop(keep);
                (version?, writer(path)?)
            }
        },
        None => (recognise(path)?, writer(path)?),
    };
    configure(&conn).map_err(|e| match e {
        Error::Sqlite { source, .. } => open_failure(path, &source),
        other => other,
    })?;
    if version != latest_version() as i64 {
        migrate(&mut conn, Some(path))?;
    }
    Ok((conn, created))
}

/// The read-write connection to the recognised draht database at `path`.
fn writer(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_failure(path, &e))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        return Err(Error::Database(t!(
            "error-db-read-only",
            path = path.display().to_string()
        )));
    }
    Ok(conn)
}

/// Whether the SQLite file at `path` says it is of the latest level (its
/// `user_version`, read without parsing its schema) and is at rest: no
/// `-journal` or `-wal` beside it, so that a read-write connection which
/// only reads finds nothing to roll back or fold in, or an empty `-wal`
/// with its `-shm` (`Some(true)`), as a read-only reader leaves them (the
/// `sqlite3 -readonly` shell, bench/compare.sh's floor, cannot remove
/// them). Refusing those made each `draht today` after such a reader parse
/// the schema twice: 2.7 of its 20 million instructions at 10,000
/// realistic contacts.
fn latest_at_rest(path: &Path) -> Result<Option<bool>> {
    let wal = match std::fs::metadata(beside(path, "-wal")) {
        Ok(meta) if meta.len() > 0 || !beside(path, "-shm").exists() => return Ok(None),
        Ok(_) => true,
        Err(_) => false,
    };
    if beside(path, "-journal").exists() {
        return Ok(None);
    }
    let probe = look(path).map_err(|e| open_failure(path, &e))?;
    let version = user_version(&probe).map_err(|e| open_failure(path, &e))?;
    Ok((version == latest_version() as i64).then_some(wal))
}

/// A read-only connection to `path` that has read from it, so that it
/// holds the file open in SQLite's sense (the last connection to close a
/// WAL-mode file removes its `-wal` and `-shm`; a reading one never does).
fn reading(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_failure(path, &e))?;
    user_version(&conn).map_err(|e| open_failure(path, &e))?;
    Ok(conn)
}

/// A read-only connection to the existing SQLite file at `path` that
/// changes nothing on disk (see [`look`]), whatever its schema.
pub(crate) fn open_as_it_is(path: &Path) -> Result<Connection> {
    if !exists_as_file(path)? {
        return Err(no_database(path));
    }
    check_is_sqlite(path)?;
    let conn = look(path).map_err(|e| open_failure(path, &e))?;
    let version = user_version(&conn).map_err(|e| open_failure(path, &e))?;
    if version > latest_version() as i64 {
        // a newer draht's: nothing here can judge it
        let schema = Schema::of(&conn).map_err(|e| open_failure(path, &e))?;
        judge(path, version, &schema)?;
    }
    Ok(conn)
}

/// The refusal for a path with no database where one was expected.
fn no_database(path: &Path) -> Error {
    Error::NoDatabase {
        path: path.to_path_buf(),
    }
}

/// The file `path` with `suffix` after its name (`-wal`, `-shm`, …).
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Reads the schema level and schema of the SQLite file at `path` without
/// writing to it or creating anything beside it, and returns the level if
/// the file is a draht database of that level (or an empty SQLite file);
/// anything else is refused with what the file looks like.
fn recognise(path: &Path) -> Result<i64> {
    let probe = look(path).map_err(|e| open_failure(path, &e))?;
    let version = user_version(&probe).map_err(|e| open_failure(path, &e))?;
    // The common case, a database of this draht's level: its statements'
    // digest is the migrations' (see `schema::LATEST_DIGEST`), with no
    // migration applied to compare.
    if version == latest_version() as i64
        && schema::digest(&probe).map_err(|e| open_failure(path, &e))? == schema::LATEST_DIGEST
    {
        return Ok(version);
    }
    let schema = Schema::of(&probe).map_err(|e| open_failure(path, &e))?;
    drop(probe);
    judge(path, version, &schema)
}

/// A read-only connection that changes nothing on disk: while a `-wal`
/// (with its `-shm`) or a `-journal` lies beside the file, a plain
/// read-only one, which reads the committed state through them (and
/// refuses a hot journal it may not roll back); otherwise the main file is
/// the whole database and is read as immutable, which takes no lock and
/// creates no `-wal` or `-shm` (a read-only connection to a WAL-mode file
/// would leave both behind).
pub(crate) fn look(path: &Path) -> rusqlite::Result<Connection> {
    let live = beside(path, "-wal").exists() && beside(path, "-shm").exists()
        || beside(path, "-journal").exists();
    let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if live {
        Connection::open_with_flags(path, read_only)?
    } else {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, read_only | OpenFlags::SQLITE_OPEN_URI)?
    };
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// `path` for a `file:` URI: every byte but letters, digits and `/._-~`
/// percent-encoded (and a leading `//`, which would read as a host).
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for (i, &b) in path.as_os_str().as_bytes().iter().enumerate() {
        let plain = b.is_ascii_alphanumeric() || b"/._-~".contains(&b);
        if plain && !(i == 0 && b == b'/' && path.as_os_str().as_bytes().get(1) == Some(&b'/')) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The verdict on a file with schema level `version` and `schema`: its
/// level when it is a draht database of that level (or an empty SQLite
/// file, level 0), else a refusal that says what the file looks like.
fn judge(path: &Path, version: i64, schema: &Schema) -> Result<i64> {
    let latest = latest_version() as i64;
    let tables = || {
        let tables = schema.tables();
        let shown: Vec<&str> = tables.iter().copied().take(3).collect();
        t!("db-tables", count = tables.len(), names = shown.join(", "))
    };
    let foreign = |why: String| {
        Error::Database(t!(
            "error-db-foreign",
            path = path.display().to_string(),
            why = why
        ))
    };
    if version > latest {
        let ours = Schema::of_level(latest)
            .is_some_and(|s| s.tables().iter().all(|t| schema.tables().contains(t)));
        if ours {
            return Err(newer_error(Some(path), version, latest));
        }
        return Err(foreign(t!(
            "db-foreign-level",
            version = version.to_string(),
            tables = tables()
        )));
    }
    if version < 0 {
        return Err(foreign(t!(
            "db-foreign-negative",
            version = version.to_string(),
            tables = tables()
        )));
    }
    if version == 0 {
        if schema.is_empty() {
            return Ok(0);
        }
        return Err(foreign(t!("db-foreign-tables", tables = tables())));
    }
    let expected = Schema::of_level(version).unwrap_or_default();
    let findings = schema.difference(&expected).findings();
    if findings.is_empty() {
        return Ok(version);
    }
    let shown: Vec<&str> = findings.iter().map(String::as_str).take(3).collect();
    Err(Error::Database(t!(
        "error-db-wrong-schema",
        path = path.display().to_string(),
        version = version.to_string(),
        findings = format!(
            "{}{}",
            shown.join("; "),
            if findings.len() > 3 { "; …" } else { "" }
        )
    )))
}

/// Pragmas every connection runs with.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets the TUI read while another draht writes; FULL makes every
    // committed touch survive a power cut, not only a crash.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(Error::Database(t!("error-db-wal", mode = mode)));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // The last connection to close folds the WAL back into the main file
    // and removes it (SQLite's default, kept on purpose): once no draht
    // runs, `draht.db` alone holds every commit, so a plain copy of it is
    // a whole database, and the next start has no WAL to recover.
    conn.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

fn newer_error(path: Option<&Path>, version: i64, latest: i64) -> Error {
    Error::Database(match path {
        Some(path) => t!(
            "error-db-newer",
            what = path.display().to_string(),
            version = version,
            latest = latest
        ),
        None => t!("error-db-newer-this", version = version, latest = latest),
    })
}

/// Migrates to the latest level. An existing database at a lower level is
/// first copied to `<file>.bak-<level>`; one from a newer draht is refused.
pub(crate) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    migrate_with(conn, path, MIGRATIONS_SQL)
}

/// Applies `steps[level..]` in one write transaction keyed on
/// `PRAGMA user_version`. The level is read again under the write lock, so
/// two drahts upgrading at once apply each step exactly once.
///
/// The steps run with foreign keys off, as SQLite's procedure for
/// rebuilding a table asks (migrations/0008_touch_ids.sql): with them on,
/// dropping a table that others reference would first delete its rows and
/// cascade into theirs. Every reference is checked before the commit; a
/// step that leaves a dangling one is refused and changes nothing.
pub(crate) fn migrate_with(
    conn: &mut Connection,
    path: Option<&Path>,
    steps: &[&str],
) -> Result<()> {
    let latest = steps.len() as i64;
    if user_version(conn)? == latest {
        return Ok(());
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let migrated = apply_steps(conn, path, steps);
    let restored = conn.pragma_update(None, "foreign_keys", enforced);
    migrated?;
    Ok(restored?)
}

/// [`migrate_with`] once foreign keys are off.
fn apply_steps(conn: &mut Connection, path: Option<&Path>, steps: &[&str]) -> Result<()> {
    let latest = steps.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version = user_version(&tx)?;
    if version > latest {
        return Err(newer_error(path, version, latest));
    }
    if version < 0 {
        return Err(Error::Database(t!(
            "error-db-negative-level",
            version = version.to_string()
        )));
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
        Error::Database(t!(
            "error-db-upgrade",
            version = version.to_string(),
            latest = latest.to_string(),
            step = step.to_string(),
            problem = e.to_string()
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

/// Whether `path` exists as a regular file (or a link to one); a folder,
/// a named pipe, a socket, a device or an unreachable path is an error,
/// found without opening it (reading a pipe would wait forever).
fn exists_as_file(path: &Path) -> Result<bool> {
    use std::os::unix::fs::FileTypeExt;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(true),
        Ok(meta) => {
            let kind = meta.file_type();
            let kind = if kind.is_dir() {
                FileKind::Directory
            } else if kind.is_fifo() {
                FileKind::Fifo
            } else if kind.is_socket() {
                FileKind::Socket
            } else if kind.is_char_device() || kind.is_block_device() {
                FileKind::Device
            } else {
                FileKind::Other
            };
            Err(Error::NotAFile {
                path: path.to_path_buf(),
                kind,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::Database(t!(
            "error-db-cannot-read",
            path = path.display().to_string(),
            problem = e.to_string()
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
                Error::Database(t!(
                    "error-db-create-folder",
                    path = dir.display().to_string(),
                    problem = e.to_string()
                ))
            })?;
    }
    let temp = crate::fsutil::temp_beside(path, "new");
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

fn build_new(temp: &Path) -> Result<()> {
    create_owner_only(temp).map_err(|e| {
        Error::Database(t!(
            "error-db-create-beside",
            path = temp.display().to_string(),
            problem = e.to_string()
        ))
    })?;
    let mut conn = Connection::open(temp)?;
    configure(&conn)?;
    migrate(&mut conn, None)?;
    // Fold the WAL into the file before it is linked into place (closing
    // would too; this says when it could not): a draht opening the linked
    // file must find it complete without the temp name's WAL.
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        return Err(Error::Database(t!(
            "error-db-unfinished",
            path = temp.display().to_string()
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
        Error::Database(t!(
            "error-db-open-file",
            path = path.display().to_string(),
            problem = e.to_string()
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
        return Err(Error::Database(t!(
            "error-db-empty-file",
            path = path.display().to_string()
        )));
    }
    if read < header.len() || &header != SQLITE_MAGIC {
        return Err(not_a_database(path, "no-header"));
    }
    Ok(())
}

fn not_a_database(path: &Path, why: &str) -> Error {
    Error::Database(t!(
        "error-db-not-usable",
        path = path.display().to_string(),
        why = crate::text::tidy_line(why)
    ))
}

/// Words for an SQLite error while opening `path`.
fn open_failure(path: &Path, error: &rusqlite::Error) -> Error {
    // SQLite's words may quote a schema across lines: one line here
    let e = crate::text::tidy_line(&error.to_string());
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => not_a_database(path, &e),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            Error::Database(t!(
                "error-db-permissions",
                path = path.display().to_string(),
                problem = e
            ))
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Database(t!(
            "error-db-locked",
            path = path.display().to_string(),
            seconds = BUSY_TIMEOUT.as_secs()
        )),
        _ => Error::Database(t!(
            "error-db-cannot-open",
            path = path.display().to_string(),
            problem = e
        )),
    }
}

#[cfg(test)]
mod tests;
