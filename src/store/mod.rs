//! The SQLite store: opening, migrating, transactions. One file per table
//! family below this module; every function takes a `&Connection` so that a
//! caller can run several of them in one transaction.

pub mod backup;
pub mod capture;
pub mod cards;
pub mod contacts;
pub mod export;
pub mod facts;
pub mod followups;
pub mod hooks;
pub mod jourfixe;
pub mod merge;
pub mod open;
pub mod reminders;
pub mod restore;
pub mod schema;
pub mod stats;
pub mod sync;
pub mod touches;
mod values;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

pub use open::{MIGRATIONS_SQL, open_path};

/// The handle every store function takes: the connection inside one
/// transaction of [`Store::read`] or [`Store::write`]. Callers above the
/// store pass it on and never run SQL on it themselves (only `store/`
/// speaks SQL; `tests/it/architecture.rs` holds that).
pub type Tx = Connection;

/// An open draht database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed, mode 0600) and migrates the database at `path`.
    pub fn open(path: &std::path::Path) -> Result<Store> {
        Ok(Store {
            conn: open_path(path)?,
        })
    }

    /// Opens and migrates the database at `path` if there is one; where
    /// there is none, creates it when `create` is set and refuses
    /// otherwise (an input error: the path was meant to name a database).
    /// Also says whether it created the file.
    pub fn open_or_create(path: &std::path::Path, create: bool) -> Result<(Store, bool)> {
        let missing = if create {
            open::IfMissing::Create
        } else {
            open::IfMissing::Refuse
        };
        let (conn, created) = open::open_with(path, missing)?;
        Ok((Store { conn }, created))
    }

    /// The database at `path` as it is, read-only, for `draht check`: not
    /// recognised, upgraded or switched to WAL first, so that a damaged or
    /// foreign schema can be reported (see [`backup::check`]) and the file
    /// is never written.
    pub fn open_to_check(path: &std::path::Path) -> Result<Store> {
        Ok(Store {
            conn: open::open_as_it_is(path)?,
        })
    }

    /// A private in-memory database, migrated (for tests and the demo).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        open::migrate(&mut conn, None)?;
        Ok(Store { conn })
    }

    /// A read-only connection to the database file at `path`, which a
    /// [`Store::open`] already created and migrated: for reading on another
    /// thread (the TUI's statistics) while this process keeps writing.
    pub fn open_read_only(path: &std::path::Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(open::BUSY_TIMEOUT)?;
        Ok(Store { conn })
    }

    /// Runs `f` in one read transaction (a consistent snapshot).
    pub fn read<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Store::read`] with the database file read through a memory map
    /// instead of copied page by page into SQLite's cache: for reading
    /// whole tables in order (`list`: about 300 fewer page faults and
    /// 2.5 ms less CPU on 10,000 contacts). Not for scattered reads: the
    /// agenda's got slower with it.
    pub fn read_mapped<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.conn
            .pragma_update(None, "mmap_size", MAPPED_READ_BYTES)?;
        let value = self.read(f);
        self.conn.pragma_update(None, "mmap_size", 0)?;
        value
    }

    /// Runs `f` in one write transaction and then rolls it back: what `f`
    /// would do, with nothing written (`--dry-run`).
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.rollback()?;
        Ok(value)
    }

    /// Runs `f` in one write transaction: all of it lands, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// [`Store::write`] with a page cache of 64 MiB instead of SQLite's
    /// 2 MB, for one transaction that writes a hundred thousand rows and
    /// more (a first `draht sync`): with the small cache its pages are
    /// spilled to the WAL and read back again and again (350,000 reads and
    /// 320,000 writes for 10,000 contacts and 100,000 touches, `strace -c`).
    pub fn write_large<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.conn
            .pragma_update(None, "cache_size", LARGE_WRITE_CACHE)?;
        let value = self.write(f);
        self.conn.pragma_update(None, "cache_size", DEFAULT_CACHE)?;
        value
    }

    /// The database file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(std::path::Path::new)
    }

    /// The raw connection, for read-only queries outside a transaction.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Changes whenever another connection commits (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}

/// How much of the database file [`Store::read_mapped`] maps at most.
const MAPPED_READ_BYTES: i64 = 1 << 30;

/// `cache_size` of [`Store::write_large`] (negative: KiB) and SQLite's own.
const LARGE_WRITE_CACHE: i64 = -65_536;
const DEFAULT_CACHE: i64 = -2_000;

/// Seconds since the epoch, as stored.
pub(crate) fn to_secs(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

/// Stored seconds back to an instant.
pub(crate) fn from_secs(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

/// A stored `YYYY-MM-DD` day.
pub(crate) fn parse_day(text: &str) -> rusqlite::Result<NaiveDate> {
    if let Some(day) = crate::model::iso_day(text) {
        return Ok(day);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A stored value that cannot be read back (a damaged row).
pub(crate) fn bad_value(column: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("unknown {column} {value:?}").into(),
    )
}

/// Maps a UNIQUE violation to a friendly input error.
pub(crate) fn unique_violation(err: rusqlite::Error, message: impl FnOnce() -> String) -> Error {
    match &err {
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Error::Input(message())
        }
        _ => err.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapped_read_sees_what_a_plain_read_sees_and_unmaps_after() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("d.db")).expect("open");
        let now = from_secs(1_780_000_000);
        store
            .write(|tx| {
                for i in 0..300 {
                    let mut c = crate::model::Contact::new(format!("P{i}"), now);
                    c.tags = vec![format!("t{}", i % 7)];
                    contacts::insert(tx, &c, now)?;
                }
                Ok(())
            })
            .expect("write");
        let load = |tx: &Transaction| facts::load(tx, true, contacts::Detail::Full);
        let plain = store.read(load).expect("read");
        let mapped = store.read_mapped(load).expect("mapped read");
        assert_eq!(plain.len(), 300);
        assert_eq!(mapped, plain);
        let size: i64 = store
            .conn()
            .query_row("PRAGMA mmap_size", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(size, 0);
    }
}
