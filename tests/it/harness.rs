//! Runs `draht` against a private temp database with a fixed clock.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A temp home with a database and a config path that does not exist.
pub struct Env {
    pub dir: TempDir,
    pub now: String,
}

impl Env {
    pub fn new(now: &str) -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
            now: now.to_string(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("draht.db")
    }

    /// Moves the clock.
    pub fn at(&mut self, now: &str) {
        self.now = now.to_string();
    }

    /// The environment draht runs in here: this env's home, database,
    /// clock and zone, no colour; PATH from the test.
    pub fn vars(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        let home = self.dir.path();
        vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", home.into()),
            ("XDG_DATA_HOME", home.join("data").into()),
            ("XDG_CONFIG_HOME", home.join("config").into()),
            ("DRAHT_DB", self.db().into()),
            ("DRAHT_NOW", (&self.now).into()),
            ("TZ", "Europe/Berlin".into()),
            ("NO_COLOR", "1".into()),
        ]
    }

    /// A `draht` command with this env's database, clock and zone.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("draht").expect("draht binary");
        cmd.env_clear().envs(self.vars());
        cmd
    }

    /// Runs `draht ARGS`, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run draht");
        assert!(
            out.status.success(),
            "draht {args:?} failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs `draht ARGS --json`, expects success, returns the parsed JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all: Vec<&str> = args.to_vec();
        all.push("--json");
        let text = self.ok(&all);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("draht {args:?}: bad JSON {e}: {text}"))
    }

    /// Runs `draht ARGS`, expects failure with `code`, returns the one-line stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().expect("run draht");
        assert_eq!(
            out.status.code(),
            Some(code),
            "draht {args:?}: stdout {} stderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert!(!err.contains("panicked"), "draht {args:?} panicked: {err}");
        err
    }

    /// The raw bytes of the database file (to prove a failure changed nothing).
    pub fn db_bytes(&self) -> Vec<u8> {
        // fold the WAL in first so the main file holds everything
        let conn = rusqlite::Connection::open(self.db()).expect("open db");
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
        drop(conn);
        std::fs::read(self.db()).expect("read db")
    }
}

/// Names in one agenda bucket of `today --json`.
pub fn names(agenda: &Value, bucket: &str) -> Vec<String> {
    agenda[bucket]
        .as_array()
        .unwrap_or_else(|| panic!("no {bucket} in {agenda}"))
        .iter()
        .map(|e| e["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The entry for `name` in any contact bucket of `today --json`.
pub fn entry<'a>(agenda: &'a Value, name: &str) -> &'a Value {
    for bucket in ["overdue", "due", "planned", "soon"] {
        if let Some(e) = agenda[bucket]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["name"] == name))
        {
            return e;
        }
    }
    panic!("{name} is not on the agenda: {agenda}")
}

/// Writes `contents` over `path` as vdir writers do (vdirsyncer, khard's
/// `atomic_write`, khal): a temporary file beside it, renamed into place.
pub fn replace_file(path: &std::path::Path, contents: impl AsRef<[u8]>) {
    let name = path.file_name().unwrap().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.editing"));
    std::fs::write(&temp, contents).unwrap();
    std::fs::rename(&temp, path).unwrap();
}
