use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::store::open::open_path;

fn db_with_contacts(dir: &Path, names: &[&str]) -> (std::path::PathBuf, Connection) {
    let path = dir.join("draht.db");
    let conn = open_path(&path).unwrap();
    for name in names {
        conn.execute(
            "INSERT INTO contacts (uid, name, name_key, created_at, updated_at)
             VALUES (?1, ?1, lower(?1), 0, 0)",
            [name],
        )
        .unwrap();
    }
    (path, conn)
}

fn count(path: &Path, table: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn copy_holds_the_data_and_is_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna", "Ben"]);
    let target = dir.path().join("copy.db");
    let copied = copy_to_new_file(&conn, &target).unwrap();
    assert_eq!(copied.bytes, std::fs::metadata(&target).unwrap().len());
    assert_eq!((copied.contacts, copied.touches), (2, 0));
    assert_eq!(count(&target, "contacts"), 2);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(check(&Connection::open(&target).unwrap()).unwrap().is_ok());
}

#[test]
fn copy_is_one_file_that_leaves_nothing_beside_it_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna"]);
    let target = dir.path().join("copy.db");
    copy_to_new_file(&conn, &target).unwrap();
    let copy =
        Connection::open_with_flags(&target, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mode: String = copy
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    assert_eq!(
        copy.query_row("SELECT count(*) FROM contacts", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        1
    );
    drop(copy);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = target.as_os_str().to_os_string();
        name.push(suffix);
        assert!(
            !Path::new(&name).exists(),
            "copy.db{suffix} was left behind"
        );
    }
}

#[test]
fn copy_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna"]);
    let target = dir.path().join("notes.txt");
    std::fs::write(&target, b"my notes").unwrap();
    let err = copy_to_new_file(&conn, &target).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"my notes");
}

#[test]
fn copy_into_a_missing_folder_fails_without_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna"]);
    let err = copy_to_new_file(&conn, &dir.path().join("no/such/copy.db")).unwrap_err();
    assert!(err.to_string().contains("copy.db"), "{err}");
    assert!(!dir.path().join("no").exists());
}

#[test]
fn default_name_is_stamped_next_to_the_database_and_unique() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("draht.db");
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 5, 7)
        .unwrap();
    let first = default_backup_path(&db, at);
    assert_eq!(first, dir.path().join("draht-20261123-090507.db"));
    std::fs::write(&first, b"").unwrap();
    assert_eq!(
        default_backup_path(&db, at),
        dir.path().join("draht-20261123-090507-2.db")
    );
}

#[test]
fn healthy_database_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna", "Ben"]);
    let health = check(&conn).unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert_eq!(health.contacts, 2);
    assert_eq!(health.schema_level, health.latest_level);
}

#[test]
fn check_finds_rows_that_point_at_missing_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = db_with_contacts(dir.path(), &["Anna"]);
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO touches (id, at, channel, created_at) VALUES (5, 0, 'call', 0);
         INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome)
           VALUES (5, 42, 0, 'call', 'done');",
    )
    .unwrap();
    let health = check(&conn).unwrap();
    assert!(!health.is_ok());
    assert_eq!(health.dangling.len(), 1);
    assert_eq!(health.dangling[0].table, "touch_participants");
    assert_eq!(health.dangling[0].parent, "contacts");
}

#[test]
fn check_finds_an_index_that_disagrees_with_its_table() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = db_with_contacts(dir.path(), &["Anna", "Ben", "Cleo"]);
    // Rewrite an index's definition behind SQLite's back: its entries no
    // longer match the rows, which is what a damaged index looks like.
    conn.execute_batch(
        "CREATE INDEX contacts_by_name ON contacts (name);
         PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE INDEX contacts_by_name ON contacts (uid DESC, id)'
          WHERE name = 'contacts_by_name';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    drop(conn);
    let conn = Connection::open(&path).unwrap();
    let health = check(&conn).unwrap();
    assert!(!health.is_ok());
    assert!(
        health
            .integrity
            .iter()
            .any(|p| p.contains("contacts_by_name")),
        "{health:?}"
    );
}
