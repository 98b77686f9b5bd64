use std::path::Path;

use rusqlite::Connection;

use super::*;

fn level(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    user_version(&conn).unwrap()
}

fn add_contact(conn: &Connection, name: &str) {
    conn.execute(
        "INSERT INTO contacts (uid, name, name_key, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), 0, 0)",
        [format!("uid-{name}"), name.to_string()],
    )
    .unwrap();
}

fn names(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM contacts ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The shipped migrations plus one more, as a future draht would have them.
fn with_next_step(extra: &'static str) -> Vec<&'static str> {
    let mut steps = MIGRATIONS_SQL.to_vec();
    steps.push(extra);
    steps
}

fn upgrade(path: &Path, steps: &[&str]) -> Result<()> {
    let mut conn = Connection::open(path).unwrap();
    configure(&conn).unwrap();
    migrate_with(&mut conn, Some(path), steps)
}

#[test]
fn new_database_is_created_at_the_latest_level_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("draht.db");
    drop(open_path(&path).unwrap());
    assert_eq!(level(&path), latest_version() as i64);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

#[test]
fn concurrent_first_runs_share_one_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let handles: Vec<_> = (0..6)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || open_path(&path).map(drop))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().unwrap();
    }
    assert_eq!(level(&path), latest_version() as i64);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new-"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn opening_twice_migrates_nothing_and_writes_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    drop(open_path(&path).unwrap());
    drop(open_path(&path).unwrap());
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    assert!(
        !backup_path(&path, latest_version() as i64).exists(),
        "no backup at the current level"
    );
    assert!(files <= 3, "only the database and its -wal/-shm");
}

#[test]
fn upgrade_keeps_data_and_backs_up_the_old_level_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    add_contact(&open_path(&path).unwrap(), "Anna");
    let old = latest_version() as i64;
    let steps = with_next_step("ALTER TABLE contacts ADD COLUMN pronouns TEXT;");
    upgrade(&path, &steps).unwrap();
    assert_eq!(level(&path), old + 1);
    assert_eq!(names(&path), ["Anna"]);
    let copy = backup_path(&path, old);
    assert_eq!(
        level(&copy),
        old,
        "the backup is the database before the upgrade"
    );
    assert_eq!(names(&copy), ["Anna"]);
}

#[test]
fn an_existing_backup_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    drop(open_path(&path).unwrap());
    let old = latest_version() as i64;
    std::fs::write(backup_path(&path, old), b"an older backup").unwrap();
    upgrade(&path, &with_next_step("SELECT 1;")).unwrap();
    assert_eq!(
        std::fs::read(backup_path(&path, old)).unwrap(),
        b"an older backup"
    );
    let mut second = backup_path(&path, old).into_os_string();
    second.push(".2");
    assert_eq!(level(Path::new(&second)), old);
}

#[test]
fn a_failing_step_leaves_the_database_at_its_level() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    add_contact(&open_path(&path).unwrap(), "Anna");
    let steps =
        with_next_step("ALTER TABLE contacts ADD COLUMN x TEXT; CREATE TABLE contacts (y);");
    let err = upgrade(&path, &steps).unwrap_err().to_string();
    assert!(
        err.contains("cannot upgrade") && err.contains("left as it was"),
        "{err}"
    );
    assert_eq!(level(&path), latest_version() as i64);
    let conn = Connection::open(&path).unwrap();
    assert!(
        conn.prepare("SELECT x FROM contacts").is_err(),
        "rolled back"
    );
}

#[test]
fn a_step_that_leaves_dangling_references_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    drop(open_path(&path).unwrap());
    let steps = with_next_step(
        "PRAGMA defer_foreign_keys = ON;
         INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome)
           VALUES (77, 88, 0, 'call', 'done');",
    );
    let err = upgrade(&path, &steps).unwrap_err().to_string();
    assert!(err.contains("point at missing records"), "{err}");
    assert_eq!(level(&path), latest_version() as i64);
}

#[test]
fn a_newer_level_is_refused_with_a_clear_message() {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    let err = migrate(&mut conn, None).unwrap_err().to_string();
    assert!(err.contains("newer draht") && err.contains("99"), "{err}");
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("places.sqlite");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = open_path(&path).unwrap_err().to_string();
    assert!(
        err.contains("another program") && err.contains("moz_places"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_empty_sqlite_file_from_elsewhere_becomes_a_draht_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA page_size = 4096; VACUUM;")
        .unwrap();
    drop(conn);
    drop(open_path(&path).unwrap());
    assert_eq!(level(&path), latest_version() as i64);
}

#[test]
fn after_the_last_connection_closes_the_main_file_alone_holds_every_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let note = "n".repeat(3000);
    // 20 runs of ~100 KB each, one connection per run as every `draht`
    // command has; after each, a copy of the main file alone is complete
    for run in 0..20 {
        let mut conn = open_path(&path).unwrap();
        let tx = conn.transaction().unwrap();
        for i in 0..30 {
            tx.execute(
                "INSERT INTO contacts (uid, name, name_key, notes, created_at, updated_at)
                 VALUES (?1, ?1, ?1, ?2, 0, 0)",
                [format!("c{run}-{i}"), note.clone()],
            )
            .unwrap();
        }
        tx.commit().unwrap();
        drop(conn);
        assert!(!beside(&path, "-wal").exists(), "run {run} left its WAL");
        let copy = dir.path().join("copy.db");
        std::fs::copy(&path, &copy).unwrap();
        let conn = Connection::open(&copy).unwrap();
        let count: i64 = conn
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, (run + 1) * 30, "the copy after run {run}");
        drop(conn);
        std::fs::remove_file(&copy).unwrap();
    }
}

#[test]
fn foreign_files_of_every_level_are_refused_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    let latest = latest_version() as i64;
    let mut cases: Vec<(String, i64, &str)> = Vec::new();
    // every level this draht knows, the next one, and absurd ones
    let levels = (-1..=latest + 1).chain([999, i64::from(i32::MIN)]);
    for level in levels.filter(|&l| l != 0) {
        cases.push((
            format!("moz-{level}.sqlite"),
            level,
            "CREATE TABLE moz_places (url TEXT);",
        ));
    }
    cases.push((
        "lookalike.db".into(),
        latest,
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT);
         CREATE TABLE touches (id INTEGER PRIMARY KEY, at INTEGER);",
    ));
    for (name, level, sql) in cases {
        for wal in [false, true] {
            let path = dir
                .path()
                .join(format!("{}{name}", if wal { "wal-" } else { "" }));
            let conn = Connection::open(&path).unwrap();
            if wal {
                conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            }
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", level).unwrap();
            drop(conn);
            let files = || -> Vec<String> {
                let mut names: Vec<String> = std::fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect();
                names.sort();
                names
            };
            let (before, listing) = (std::fs::read(&path).unwrap(), files());
            let err = open_path(&path).unwrap_err().to_string();
            assert!(err.contains("left untouched"), "{name}: {err}");
            assert_eq!(std::fs::read(&path).unwrap(), before, "{name} changed");
            assert_eq!(files(), listing, "{name}: files appeared beside it");
        }
    }
}

#[test]
fn a_table_of_the_users_own_beside_drahts_is_kept_and_upgraded_along() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let mut conn = Connection::open(&path).unwrap();
    migrate_with(&mut conn, None, &MIGRATIONS_SQL[..4]).unwrap();
    conn.execute_batch(
        "CREATE TABLE my_calls (touch_id INTEGER REFERENCES touches (id), why TEXT);
         CREATE INDEX my_calls_why ON my_calls (why);
         CREATE VIEW my_view AS SELECT name FROM contacts;
         INSERT INTO my_calls VALUES (NULL, 'mine');",
    )
    .unwrap();
    drop(conn);
    drop(open_path(&path).unwrap());
    assert_eq!(level(&path), latest_version() as i64);
    let conn = Connection::open(&path).unwrap();
    let why: String = conn
        .query_row("SELECT why FROM my_calls", [], |r| r.get(0))
        .unwrap();
    assert_eq!(why, "mine");
    drop(conn);
    // but a trigger of someone else's on draht's own tables is refused
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TRIGGER spy AFTER INSERT ON touches BEGIN SELECT 1; END;")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = open_path(&path).unwrap_err().to_string();
    assert!(err.contains("unexpected trigger spy on touches"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_draht_database_of_every_level_is_recognised_and_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    for level in 1..=latest_version() {
        let path = dir.path().join(format!("level-{level}.db"));
        let mut conn = Connection::open(&path).unwrap();
        migrate_with(&mut conn, None, &MIGRATIONS_SQL[..level]).unwrap();
        drop(conn);
        drop(open_path(&path).unwrap());
        assert_eq!(self::level(&path), latest_version() as i64, "from {level}");
        // An upgraded file is opened by the digest's short way, as a new one.
        let conn = Connection::open(&path).unwrap();
        assert_eq!(
            crate::store::schema::digest(&conn).unwrap(),
            crate::store::schema::LATEST_DIGEST,
            "from {level}"
        );
    }
}

/// What a read-only reader of a WAL-mode file leaves beside it: an empty
/// `-wal` and its `-shm`, which it cannot remove.
fn read_only_look_leaving_its_wal(path: &Path) {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap();
    drop(conn);
    let wal = std::fs::metadata(beside(path, "-wal")).unwrap();
    assert_eq!(wal.len(), 0, "the reader left an empty -wal");
    assert!(beside(path, "-shm").exists(), "the reader left its -shm");
}

fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut names: Vec<(String, u64)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.metadata().unwrap().len())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_empty_wal_a_reader_left_is_opened_as_at_rest_and_folded_away() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let conn = open_path(&path).unwrap();
    add_contact(&conn, "Anna");
    drop(conn);
    read_only_look_leaving_its_wal(&path);
    assert_eq!(latest_at_rest(&path).unwrap(), Some(true));
    let conn = open_path(&path).unwrap();
    add_contact(&conn, "Ben");
    drop(conn);
    assert!(
        !beside(&path, "-wal").exists(),
        "the last draht folds the WAL away"
    );
    assert_eq!(names(&path), ["Anna", "Ben"]);
}

#[test]
fn a_lookalike_with_a_readers_empty_wal_is_refused_with_everything_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lookalike.db");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);")
        .unwrap();
    conn.pragma_update(None, "user_version", latest_version() as i64)
        .unwrap();
    drop(conn);
    read_only_look_leaving_its_wal(&path);
    let (before, files) = (std::fs::read(&path).unwrap(), listing(dir.path()));
    let err = open_path(&path).unwrap_err().to_string();
    assert!(err.contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), files, "the files beside it changed");
}

#[test]
fn a_wal_with_commits_in_it_is_not_at_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draht.db");
    let conn = open_path(&path).unwrap();
    // a second connection keeps the WAL from being folded in at close
    let other = open_path(&path).unwrap();
    add_contact(&conn, "Anna");
    drop(conn);
    assert!(std::fs::metadata(beside(&path, "-wal")).unwrap().len() > 0);
    assert_eq!(latest_at_rest(&path).unwrap(), None);
    drop(other);
    assert_eq!(latest_at_rest(&path).unwrap(), Some(false));
}
