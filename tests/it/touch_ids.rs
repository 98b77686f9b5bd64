//! A removed touch's id is never given to another touch (migration
//! 0008_touch_ids: `touches` rebuilt with AUTOINCREMENT). The rebuild of a
//! level-4 database with a history keeps every row of every table, every
//! index and every reference — also of a table that refers to touches the
//! way other steps' tables do — and the references still cascade.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Connection;

use crate::harness::Env;
use crate::migrate::{database_at_level, snapshot, tables};

const NOW: &str = "2026-11-23T12:00:00+01:00";

/// Level 4 (before 0008) with more history than `database_at_level` gives:
/// a missed call with a rating and a hook, a touch with two people, and a
/// table of another step's kind that refers to touches with a cascade.
fn level_four(env: &Env) {
    database_at_level(&env.db(), 4);
    let conn = Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "INSERT INTO hooks (id, contact_id, kind, text, created_at) VALUES (2, 2, 'hobby', 'Fahrrad — Tour de Schwarzwald', 1700000000);
         INSERT INTO touches (id, at, channel, note, outcome, rating, hook_id, created_at)
           VALUES (3, 1763950000, 'call', 'kein Anschluss', 'missed', -1, 2, 1763950000),
                  (4, 1764000000, 'video', NULL, 'done', 0, NULL, 1764000000);
         INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome, rating)
           VALUES (3, 2, 1763950000, 'call', 'missed', -1),
                  (4, 1, 1764000000, 'video', 'done', 0),
                  (4, 2, 1764000000, 'video', 'done', 0);
         CREATE TABLE touch_links (
             touch_id INTEGER NOT NULL REFERENCES touches (id) ON DELETE CASCADE,
             source   TEXT    NOT NULL,
             PRIMARY KEY (touch_id, source)
         ) WITHOUT ROWID;
         CREATE INDEX touch_links_source ON touch_links (source);
         INSERT INTO touch_links VALUES (1, 'mail'), (2, 'mail'), (4, 'calendar');",
    )
    .unwrap();
}

/// Every index and table: (type, name, table, SQL), the touches table's
/// own SQL left out (it is the one that changes).
fn schema(conn: &Connection) -> BTreeSet<(String, String, String, Option<String>)> {
    conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite_%' AND name != 'touches'",
    )
    .unwrap()
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn columns(conn: &Connection, table: &str) -> Vec<(String, String, bool, Option<String>, i64)> {
    conn.prepare(&format!(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"
    ))
    .unwrap()
    .query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// (table, column, parent, parent column, on delete) of every reference.
fn references(conn: &Connection) -> BTreeSet<(String, String, String, String, String)> {
    let mut all = BTreeSet::new();
    for table in tables(conn) {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"
            ))
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    table.clone(),
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    r.get(3)?,
                ))
            })
            .unwrap();
        for row in rows {
            all.insert(row.unwrap());
        }
    }
    all
}

#[test]
fn the_rebuild_keeps_every_row_index_and_reference() {
    let env = Env::new(NOW);
    level_four(&env);
    let before = snapshot(&env.db());
    let (schema_before, columns_before, references_before) = {
        let conn = Connection::open(env.db()).unwrap();
        let columns_before: BTreeMap<String, _> = tables(&conn)
            .into_iter()
            .map(|table| (table.clone(), columns(&conn, &table)))
            .collect();
        (schema(&conn), columns_before, references(&conn))
    };
    assert_eq!(before["touches"].len(), 4);
    assert_eq!(before["touch_links"].len(), 3);

    // any command upgrades the file
    env.ok(&["list"]);
    // Later levels add tables of their own (empty after an upgrade) and
    // columns of their own (0005's contacts.cadence_from: NULL after an
    // upgrade); the tables that were there keep every row, column, index
    // and reference.
    let mut after = snapshot(&env.db());
    after.retain(|table, rows| before.contains_key(table) || !rows.is_empty());
    for (table, rows) in after.iter_mut() {
        let had: Vec<&String> = columns_before[table].iter().map(|c| &c.0).collect();
        for row in rows {
            row.retain(|column, value| {
                let old = had.contains(&column);
                assert!(old || value == "Null", "{table}.{column} is {value}");
                old
            });
        }
    }
    assert_eq!(after, before, "a row changed or went missing");
    let conn = Connection::open(env.db()).unwrap();
    let old_tables: BTreeSet<&String> = before.keys().collect();
    let mut schema_after = schema(&conn);
    schema_after.retain(|(_, _, table, _)| old_tables.contains(table));
    // later levels may add triggers and indexes of their own on old tables
    // (0010's sync triggers, 0011's agenda indexes); the ones that were
    // there stay as they were
    schema_after.retain(|(kind, name, _, _)| {
        !matches!(kind.as_str(), "trigger" | "index") || schema_before.iter().any(|s| &s.1 == name)
    });
    // a table's SQL is as it was, or (with a column added by ALTER TABLE)
    // as it was up to its closing parenthesis
    let grown = |(kind, name, table, sql): (String, String, String, Option<String>)| {
        let sql = sql.map(|sql| match schema_before.iter().find(|s| s.1 == name) {
            Some((_, _, _, Some(old))) if kind == "table" && sql != *old => {
                let open = old.trim_end().trim_end_matches(')');
                assert!(sql.starts_with(open), "{name} was\n{old}\nand is\n{sql}");
                old.clone()
            }
            _ => sql,
        });
        (kind, name, table, sql)
    };
    let schema_after: BTreeSet<_> = schema_after.into_iter().map(grown).collect();
    assert_eq!(schema_after, schema_before, "an index or table changed");
    for (table, old) in &columns_before {
        let now = columns(&conn, table);
        assert_eq!(&now[..old.len()], &old[..], "{table}'s columns changed");
        for added in &now[old.len()..] {
            assert!(!added.2, "{table}.{} is NOT NULL", added.0);
        }
    }
    let mut references_after = references(&conn);
    references_after.retain(|(table, ..)| old_tables.contains(table));
    assert_eq!(references_after, references_before);
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'touches'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("AUTOINCREMENT"), "{sql}");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    env.ok(&["check"]);

    // the references still hold: removing a touch takes its participants
    // and links along, and nothing else
    env.ok(&["touch", "rm", "4"]);
    let removed = snapshot(&env.db());
    assert_eq!(removed["touches"].len(), 3);
    assert_eq!(
        removed["touch_participants"].len(),
        before["touch_participants"].len() - 2
    );
    assert_eq!(removed["touch_links"].len(), 2);
    let brief = env.json(&["show", "anna"]);
    let ids: Vec<i64> = brief["touches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [2, 1], "{brief}");
}

#[test]
fn a_removed_touch_id_is_never_given_again() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    let first = env.json(&["log", "anna", "call", "Q3 review"]);
    let second = env.json(&["log", "anna", "email", "the slides"]);
    let last = second["id"].as_i64().unwrap();
    assert_eq!(last, first["id"].as_i64().unwrap() + 1);
    env.ok(&["touch", "rm", &last.to_string()]);
    let next = env.json(&["log", "anna", "email", "the slides, again"]);
    assert_eq!(
        next["id"].as_i64().unwrap(),
        last + 1,
        "#{last} was given again"
    );
    // the removed id names nothing
    let err = env.fails(&["touch", "edit", &last.to_string(), "--note", "x"], 2);
    assert!(err.contains(&format!("{last}")), "{err}");

    // a database upgraded from level 4 too
    let old = Env::new(NOW);
    level_four(&old);
    old.ok(&["touch", "rm", "4"]);
    let next = old.json(&["log", "anna", "call"]);
    assert_eq!(next["id"], 5);
}
