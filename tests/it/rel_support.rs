//! Shared by the reliability tests: a seeded random source, running draht
//! as another (unprivileged) user, and looking inside a database directly.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;

use crate::harness::Env;

/// A small seeded generator (xorshift64*): every run with the same seed
/// makes the same choices, and a failing test prints its seed.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `DRAHT_TEST_SEED` if set, else from the clock.
    pub fn from_env(label: &str) -> Rng {
        let seed = std::env::var("DRAHT_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{label}: DRAHT_TEST_SEED={seed}");
        Rng::new(seed)
    }

    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// An `Env` whose files live in memory (`/dev/shm`) when the machine has
/// it: tests that run a thousand commands check locking, not the disk, and
/// an fsync there costs nothing. Elsewhere, the usual temp folder.
pub fn env_in_memory(now: &str) -> Env {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).or_else(|_| tempfile::tempdir())
    } else {
        tempfile::tempdir()
    };
    Env {
        dir: dir.expect("temp dir"),
        now: now.to_string(),
    }
}

/// The `nobody` user: who the permission tests run draht as when the test
/// suite itself runs as root (as in CI), because root reads and writes any
/// file whatever its mode.
pub const NOBODY: u32 = 65534;

/// Whether this process can ignore file permissions (runs as root).
pub fn running_as_root() -> bool {
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    probe.as_file().metadata().expect("metadata").uid() == 0
}

/// `draht ARGS` against `db` with a fixed clock, as `uid` when given.
pub fn draht_as(uid: Option<u32>, home: &Path, db: &Path, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = draht_cmd(home, db, args);
    if let Some(uid) = uid {
        cmd.uid(uid).gid(uid);
    }
    cmd.output().expect("run draht")
}

/// A `draht ARGS` process against `db` with a fixed clock, not yet started.
pub fn draht_cmd(home: &Path, db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("draht"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("DRAHT_NOW", "2026-11-23T12:00:00+01:00")
        .env("TZ", "Europe/Berlin")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(args);
    cmd
}

/// `PRAGMA integrity_check` of the file at `path`: "ok" when sound.
pub fn integrity(path: &Path) -> String {
    let conn = Connection::open(path).expect("open db");
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check")
}

/// Touch notes in the database at `path`, by touch id.
pub fn notes(path: &Path) -> Vec<(i64, String)> {
    let conn = Connection::open(path).expect("open db");
    let mut stmt = conn
        .prepare("SELECT id, coalesce(note, '') FROM touches ORDER BY id")
        .expect("prepare");
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// The names of the files in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    names
}
