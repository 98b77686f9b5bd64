//! A database path that is not a usable draht database: each is one clear
//! line on stderr, exit code 1, and the file (and its folder) exactly as
//! they were — never "repaired" by overwriting.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::harness::Env;
use crate::rel_support::{NOBODY, Rng, draht_as, listing, running_as_root};

/// A draht database with a few contacts and long notes (several pages).
fn real_database(env: &Env) -> Vec<u8> {
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    let mut rng = Rng::new(7);
    for i in 0..6 {
        let note: String = rng
            .bytes(3000)
            .iter()
            .map(|b| char::from(b'a' + b % 26))
            .collect();
        env.ok(&["add", &format!("Person {i}"), "--note", &note]);
    }
    env.db_bytes()
}

/// Runs `draht list` on `db` (as `uid` when given) and checks: exit 1, one
/// line naming the file and containing `needle`, and nothing changed.
fn refused(home: &Path, db: &Path, uid: Option<u32>, needle: &str) {
    let folder = db.parent().expect("folder");
    let before_files = listing(folder);
    let before = std::fs::read(db).ok();
    let out = draht_as(uid, home, db, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}: {err}", db.display());
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
    let name = db.file_name().expect("name").to_string_lossy();
    assert!(err.contains(name.as_ref()), "names the file: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read(db).ok(),
        before,
        "{} was changed",
        db.display()
    );
    assert_eq!(listing(folder), before_files, "files appeared or vanished");
}

fn file_with(env: &Env, name: &str, bytes: &[u8]) -> PathBuf {
    let path = env.dir.path().join("files").join(name);
    std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn a_directory_is_refused() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let dir = env.dir.path().join("files").join("draht.db");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("inside.txt"), b"x").unwrap();
    refused(
        env.dir.path(),
        &dir.join("inside.txt"),
        None,
        "not a usable",
    );
    let out = draht_as(None, env.dir.path(), &dir, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("is a directory"), "{err}");
    assert_eq!(listing(&dir), [dir.join("inside.txt")]);
}

#[test]
fn broken_files_are_refused_and_left_byte_identical() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let good = real_database(&env);
    assert!(good.len() > 4 * 4096, "the sample spans several pages");
    let mut rng = Rng::new(11);
    let mut header_then_noise = good[..100].to_vec();
    header_then_noise.extend(rng.bytes(8000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("zero.db", Vec::new(), "empty file"),
        (
            "text.db",
            b"Anna: call about the offer\n".to_vec(),
            "not a usable",
        ),
        ("random.db", rng.bytes(4096), "not a usable"),
        ("cut-in-page.db", good[..10_000].to_vec(), "malformed"),
        ("cut-at-page.db", good[..2 * 4096].to_vec(), "malformed"),
        ("cut-in-header.db", good[..100].to_vec(), "malformed"),
        ("magic-only.db", good[..16].to_vec(), "not a usable"),
        ("noise-after-header.db", header_then_noise, "not a usable"),
    ];
    for (name, bytes, needle) in cases {
        let path = file_with(&env, name, &bytes);
        refused(env.dir.path(), &path, None, needle);
    }
}

#[test]
fn another_programs_database_is_refused() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let path = env.dir.path().join("places.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
        .unwrap();
    drop(conn);
    refused(env.dir.path(), &path, None, "another program");
}

#[test]
fn a_path_below_a_file_is_refused() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let notes = file_with(&env, "notes.txt", b"not a folder");
    let out = draht_as(None, env.dir.path(), &notes.join("draht.db"), &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Not a directory"), "{err}");
    assert_eq!(std::fs::read(&notes).unwrap(), b"not a folder");
}

/// Permission cases need a user that permissions apply to. As root (CI),
/// draht runs as `nobody` for these; otherwise as the current user.
struct Perms {
    env: Env,
    uid: Option<u32>,
}

impl Perms {
    fn new() -> Perms {
        let env = Env::new("2026-11-23T12:00:00+01:00");
        let uid = running_as_root().then_some(NOBODY);
        if uid.is_some() {
            // let `nobody` reach the files (they stay owned by root)
            std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755))
                .unwrap();
        }
        Perms { env, uid }
    }

    /// A good database at `name` with `mode`, owned by whoever draht runs as
    /// unless `foreign` (then by root, when running as root).
    fn database(&self, name: &str, mode: u32, foreign: bool) -> PathBuf {
        let folder = self.env.dir.path().join(name).with_extension("d");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = folder.join(name);
        std::fs::write(&path, real_database(&self.env)).unwrap();
        if let (Some(uid), false) = (self.uid, foreign) {
            std::os::unix::fs::chown(&path, Some(uid), Some(uid)).unwrap();
        }
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }
}

#[test]
fn an_unreadable_file_is_refused() {
    let p = Perms::new();
    let path = p.database("unreadable.db", 0o000, false);
    refused(p.env.dir.path(), &path, p.uid, "Permission denied");
}

#[test]
fn a_read_only_file_is_refused() {
    let p = Perms::new();
    let path = p.database("readonly.db", 0o444, false);
    refused(p.env.dir.path(), &path, p.uid, "is read-only");
}

#[test]
fn a_file_owned_by_someone_else_is_refused() {
    let p = Perms::new();
    if p.uid.is_none() {
        eprintln!("skipped: needs root to give the file to another user");
        return;
    }
    let path = p.database("foreign.db", 0o644, true);
    refused(p.env.dir.path(), &path, p.uid, "is read-only");
}

#[test]
fn a_writable_file_in_a_read_only_folder_is_refused() {
    let p = Perms::new();
    let path = p.database("lockedin.db", 0o600, false);
    let folder = path.parent().unwrap();
    if p.uid.is_none() {
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    refused(p.env.dir.path(), &path, p.uid, "-wal and -shm");
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_pipe_a_socket_or_a_device_is_refused_at_once() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let folder = env.dir.path().join("files");
    std::fs::create_dir_all(&folder).unwrap();
    let fifo = folder.join("pipe.db");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo (coreutils)");
    assert!(status.success());
    let socket = folder.join("socket.db");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let link = folder.join("null.db");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    for (path, what) in [
        (&fifo, "a named pipe (FIFO)"),
        (&socket, "a socket"),
        (&link, "a device"),
    ] {
        for args in [&["list"][..], &["add", "Anna"]] {
            let started = std::time::Instant::now();
            let out = draht_as(None, env.dir.path(), path, args);
            assert!(
                started.elapsed() < std::time::Duration::from_secs(5),
                "{what}: waited"
            );
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{what}: {err}");
            assert_eq!(
                err.trim_end(),
                format!(
                    "draht: {} is {what}, not a database file; pass the path of a database file with --db",
                    path.display()
                )
            );
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["null.db", "pipe.db", "socket.db"],
        "nothing beside them"
    );
}
