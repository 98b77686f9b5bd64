//! The answer of `draht status`, remembered between runs. A status bar runs
//! it every few seconds and the answer changes only when the database
//! changes or the clock reaches another minute; so the text printed is
//! kept in a file with a key of the database's state (size and modification
//! time of the file and of its write-ahead log), the config file's, the
//! local minute, the zone and the format, and printed again while the key
//! holds. Any other write to the database changes its WAL and so the key.
//!
//! Benchmark: `bench/status.sh` (2,000 contacts). The agenda behind the
//! answer costs several milliseconds of CPU on that data; a remembered
//! answer costs little more than starting the process (the figures are in
//! the README's Reminders section). Without a writable cache folder
//! nothing is remembered and every run computes.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// One remembered answer: where, and under which key.
pub struct StatusCache {
    path: PathBuf,
    key: String,
}

impl StatusCache {
    /// The cache of the status of `db` (its file) in `format` at local
    /// `minute` ("2026-12-08T09:50"); `None` without a cache folder.
    pub fn new(
        db: &Path,
        config: Option<&Path>,
        minute: &str,
        format: &str,
    ) -> Option<StatusCache> {
        StatusCache::in_dir(&cache_dir()?, db, config, minute, format)
    }

    /// [`StatusCache::new`] with the cache in `dir`.
    pub fn in_dir(
        dir: &Path,
        db: &Path,
        config: Option<&Path>,
        minute: &str,
        format: &str,
    ) -> Option<StatusCache> {
        let db = std::path::absolute(db).ok()?;
        let mut wal = db.clone().into_os_string();
        wal.push("-wal");
        let key = format!(
            "v1 {} {format} {minute} tz={} db={} wal={} config={} {}",
            env!("CARGO_PKG_VERSION"),
            std::env::var("TZ").unwrap_or_default(),
            stamp(&db),
            stamp(Path::new(&wal)),
            config.map_or_else(|| "-".to_string(), stamp),
            db.display(),
        )
        .replace('\n', " ");
        let name = format!("status-{:016x}", fnv1a(db.as_os_str().as_encoded_bytes()));
        Some(StatusCache {
            path: dir.join(name),
            key,
        })
    }

    /// The remembered answer, when its key still holds.
    pub fn get(&self) -> Option<String> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        let (key, answer) = text.split_once('\n')?;
        (key == self.key).then(|| answer.to_string())
    }

    /// Remembers `answer` (owner-only; a failure only costs the next run
    /// its shortcut).
    pub fn put(&self, answer: &str) {
        if let Some(dir) = self.path.parent() {
            let _ = crate::fsutil::create_private_dir(dir);
        }
        let _ =
            crate::fsutil::write_private(&self.path, format!("{}\n{answer}", self.key).as_bytes());
    }
}

/// `$XDG_RUNTIME_DIR/draht` (memory, the user's own), else the cache folder.
fn cache_dir() -> Option<PathBuf> {
    if let Some(runtime) = std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
        let runtime = PathBuf::from(runtime);
        if runtime.is_absolute() && runtime.is_dir() {
            return Some(runtime.join("draht"));
        }
    }
    directories::ProjectDirs::from("", "", "draht").map(|d| d.cache_dir().to_path_buf())
}

/// "size:mtime-in-nanoseconds:inode" of a file, "-" when there is none.
fn stamp(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) => format!("{}:{}.{}:{}", m.len(), m.mtime(), m.mtime_nsec(), m.ino()),
        Err(_) => "-".to_string(),
    }
}

/// FNV-1a, 64 bits: a stable file name for a database path.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_holds_until_the_database_or_the_minute_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let db = dir.path().join("d.db");
        std::fs::write(&db, "one").unwrap();
        let at = |minute| StatusCache::in_dir(&cache, &db, None, minute, "plain").unwrap();
        assert_eq!(at("09:50").get(), None);
        at("09:50").put("☎ 3\n");
        assert_eq!(at("09:50").get().as_deref(), Some("☎ 3\n"));
        assert_eq!(at("09:51").get(), None, "another minute");
        assert_eq!(
            StatusCache::in_dir(&cache, &db, None, "09:50", "waybar")
                .unwrap()
                .get(),
            None,
            "another format"
        );
        // a write to the write-ahead log
        let mut wal = db.clone().into_os_string();
        wal.push("-wal");
        std::fs::write(&wal, "frame").unwrap();
        assert_eq!(at("09:50").get(), None, "the database changed");
        at("09:50").put("☎ 2\n");
        assert_eq!(at("09:50").get().as_deref(), Some("☎ 2\n"));
        // the file system's clock ticks in milliseconds
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&wal, "frame").unwrap();
        assert_eq!(at("09:50").get(), None, "rewritten: another time stamp");
    }
}
