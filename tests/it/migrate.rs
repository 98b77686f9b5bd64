//! Schema evolution: a database from every earlier level upgrades with its
//! data intact and a backup copy first; one from a newer draht is refused
//! and never modified. The levels come from `MIGRATIONS_SQL`, so a new
//! migration is covered without touching this file.

use std::collections::BTreeMap;
use std::path::Path;

use draht::store::MIGRATIONS_SQL;
use draht::store::open::backup_path;
use rusqlite::Connection;
use rusqlite::types::Value;

use crate::harness::Env;

/// Every table's rows as column → value maps, each table's rows sorted.
pub(crate) type Snapshot = BTreeMap<String, Vec<BTreeMap<String, String>>>;

/// The tables of a database, SQLite's own left out.
pub(crate) fn tables(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

pub(crate) fn snapshot(path: &Path) -> Snapshot {
    let conn = Connection::open(path).unwrap();
    let mut all = Snapshot::new();
    for table in tables(&conn) {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut rows: Vec<BTreeMap<String, String>> = stmt
            .query_map([], |row| {
                let mut map = BTreeMap::new();
                for (i, column) in columns.iter().enumerate() {
                    let value: Value = row.get(i)?;
                    map.insert(column.clone(), format!("{value:?}"));
                }
                Ok(map)
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        all.insert(table, rows);
    }
    all
}

/// Builds a database at `level` the way that draht did (WAL, migrations
/// in order, `user_version`), with people, touches, hooks and follow-ups.
pub(crate) fn database_at_level(path: &Path, level: usize) {
    let mut conn = Connection::open(path).unwrap();
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    let tx = conn.transaction().unwrap();
    for sql in &MIGRATIONS_SQL[..level] {
        tx.execute_batch(sql).unwrap();
    }
    tx.pragma_update(None, "user_version", level as i64)
        .unwrap();
    // level-1 tables: every later level must keep what they hold
    tx.execute_batch(
        "INSERT INTO contacts (id, uid, name, name_key, sphere, company, notes, cadence_days, created_at, updated_at)
           VALUES (1, 'uid-anna', 'Anna Schmidt', 'anna schmidt', 'work', 'ACME', 'likes sailing', 14, 1700000000, 1700000000),
                  (2, 'uid-juergen', 'Jürgen Müller', 'jurgen muller', 'private', NULL, NULL, NULL, 1700000000, 1700000000);
         INSERT INTO contact_tags (contact_id, tag) VALUES (1, 'client');
         INSERT INTO contact_emails (contact_id, position, value) VALUES (1, 0, 'anna@example.com');
         INSERT INTO hooks (id, contact_id, kind, text, created_at) VALUES (1, 1, 'project', 'Q3 launch', 1700000000);
         INSERT INTO touches (id, at, channel, note, outcome, rating, hook_id, created_at)
           VALUES (1, 1763800000, 'call', 'Q3 launch went well', 'done', 1, 1, 1763800000),
                  (2, 1763900000, 'meet', 'coffee with both', 'done', NULL, NULL, 1763900000);
         INSERT INTO followups (id, contact_id, due, note, created_at) VALUES (1, 1, '2026-12-04', 'send the offer', 1700000000);",
    )
    .unwrap();
    // participants (touch, contact), with the copies of their touch that the
    // level has: `at` from level 1, channel, outcome and rating from level 4
    let columns: Vec<String> = tx
        .prepare("SELECT name FROM pragma_table_info('touch_participants') WHERE name NOT IN ('touch_id', 'contact_id')")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let copied: Vec<String> = columns.iter().map(|c| format!("t.{c}")).collect();
    tx.execute_batch(&format!(
        "INSERT INTO touch_participants (touch_id, contact_id, {})
           SELECT t.id, v.column2, {} FROM (VALUES (1, 1), (2, 1), (2, 2)) v
           JOIN touches t ON t.id = v.column1;",
        columns.join(", "),
        copied.join(", ")
    ))
    .unwrap();
    tx.commit().unwrap();
}

/// Every row of `old` is in `new`, on the columns `old` had.
fn assert_kept(old: &Snapshot, new: &Snapshot, level: usize) {
    for (table, rows) in old {
        let Some(new_rows) = new.get(table) else {
            panic!("level {level}: table {table} is gone after the upgrade");
        };
        let mut projected: Vec<BTreeMap<String, String>> = new_rows
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|(column, _)| rows.first().is_some_and(|r| r.contains_key(*column)))
                    .map(|(c, v)| (c.clone(), v.clone()))
                    .collect()
            })
            .collect();
        projected.sort();
        assert_eq!(&projected, rows, "level {level}: rows of {table} changed");
    }
}

#[test]
fn every_earlier_level_upgrades_with_its_data_and_a_backup() {
    let latest = MIGRATIONS_SQL.len();
    let mut checked = 0;
    for level in 1..latest {
        let env = Env::new("2026-11-23T12:00:00+01:00");
        database_at_level(&env.db(), level);
        let before = snapshot(&env.db());
        let brief = env.json(&["show", "anna"]);
        let notes: Vec<&str> = brief["touches"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["note"].as_str())
            .collect();
        assert!(
            notes.contains(&"Q3 launch went well"),
            "level {level}: {brief}"
        );
        assert_kept(&before, &snapshot(&env.db()), level);
        let copy = backup_path(&env.db(), level as i64);
        assert!(copy.exists(), "level {level}: no {}", copy.display());
        assert_eq!(snapshot(&copy), before, "level {level}: the backup differs");
        let version: i64 = Connection::open(env.db())
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest as i64);
        env.ok(&["check"]);
        checked += 1;
    }
    eprintln!("upgraded from {checked} earlier levels to level {latest}");
}

#[test]
fn the_current_level_opens_without_a_backup() {
    let latest = MIGRATIONS_SQL.len();
    let env = Env::new("2026-11-23T12:00:00+01:00");
    database_at_level(&env.db(), latest);
    let before = snapshot(&env.db());
    assert_eq!(env.json(&["show", "anna"])["contact"]["company"], "ACME");
    assert_eq!(snapshot(&env.db()), before);
    for level in 0..=latest {
        assert!(!backup_path(&env.db(), level as i64).exists());
    }
}

#[test]
fn a_database_from_a_newer_draht_is_refused_and_unchanged() {
    let latest = MIGRATIONS_SQL.len();
    let env = Env::new("2026-11-23T12:00:00+01:00");
    database_at_level(&env.db(), latest);
    {
        // A newer draht might use another journal mode: switching it to WAL
        // would already change the file.
        let conn = Connection::open(env.db()).unwrap();
        conn.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "user_version", latest as i64 + 1)
            .unwrap();
    }
    let before = std::fs::read(env.db()).unwrap();
    let files = crate::rel_support::listing(env.dir.path());
    for args in [
        &["list"][..],
        &["log", "anna", "call"],
        &["check"],
        &["backup"],
    ] {
        let err = env.fails(args, 1);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains("newer draht") && err.contains(&format!("level {}", latest + 1)),
            "{args:?}: {err}"
        );
        assert!(err.contains("not changed"), "{err}");
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert_eq!(crate::rel_support::listing(env.dir.path()), files);
}
