//! The capture tables across migration 0008 (touches rebuilt with
//! AUTOINCREMENT): a database with captured touches, made at the level
//! just after 0007_capture, keeps every touch's sources and keys, its
//! references still point at `touches` and still cascade, and capturing
//! the same mail again afterwards adds nothing.

use rusqlite::Connection;

use draht::store::MIGRATIONS_SQL;

use super::capture::{capture, config, path, touches};
use super::capture_fixtures::{self as fx, ME, maildir};
use super::harness::Env;
use super::migrate::{database_at_level, snapshot};

#[test]
fn captured_touches_keep_their_sources_and_keys_through_the_touch_rebuild() {
    let env = Env::new("2026-12-01T12:00:00+01:00");
    config(&env, &format!("[me]\nemails = [\"{ME}\"]\n"));
    let capture_level = 1 + MIGRATIONS_SQL
        .iter()
        .position(|sql| sql.contains("CREATE TABLE capture_sources"))
        .expect("the capture step");
    let rebuild_level = 1 + MIGRATIONS_SQL
        .iter()
        .position(|sql| sql.contains("CREATE TABLE touches_v8"))
        .expect("the touch-id step");
    assert!(capture_level < rebuild_level, "0007 runs before 0008");
    database_at_level(&env.db(), capture_level);

    // Touch 1 (Anna, from database_at_level) was captured from one mail;
    // touch 2 (Anna and Jürgen) joined by the same source.
    let mail = maildir(env.dir.path(), "Mail");
    let anna_mail = fx::plain("anna@example.com", ME, &fx::date(22, 9, 0), "a1@x");
    fx::deliver(&mail, fx::unix(22, 9, 0), 0, &anna_mail);
    let source = std::fs::canonicalize(&mail).unwrap();
    {
        let conn = Connection::open(env.db()).unwrap();
        conn.execute(
            "INSERT INTO capture_sources (id, kind, path, name, created_at) VALUES (1, 'maildir', ?1, 'work mail', 1764000000)",
            [path(&source)],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO capture_keys (source_id, key, contact_id) VALUES (1, 'a1@x', 1);
             INSERT INTO capture_touches (touch_id, source_id, items, created) VALUES (1, 1, 1, 1), (2, 1, 2, 0);",
        )
        .unwrap();
    }
    let before = snapshot(&env.db());

    env.ok(&["list"]); // any command upgrades the file
    let after = snapshot(&env.db());
    for table in [
        "capture_sources",
        "capture_keys",
        "capture_touches",
        "touches",
    ] {
        assert_eq!(after[table], before[table], "{table} changed");
    }
    let conn = Connection::open(env.db()).unwrap();
    let parents: Vec<(String, String)> = conn
        .prepare("SELECT \"table\", on_delete FROM pragma_foreign_key_list('capture_touches') ORDER BY \"table\"")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        parents,
        [
            ("capture_sources".to_string(), "CASCADE".to_string()),
            ("touches".to_string(), "CASCADE".to_string())
        ]
    );
    drop(conn);
    env.ok(&["check"]);

    // show marks the captured touch with its source
    let anna = touches(&env, "Anna");
    let captured: Vec<&serde_json::Value> =
        anna.iter().filter(|t| t["captured"].is_array()).collect();
    assert_eq!(captured.len(), 2, "{anna:?}");
    assert_eq!(captured[0]["captured"][0]["name"], "work mail");
    // the key survived: capturing the mail again adds nothing
    let run = capture(&env, &[path(&mail)]);
    assert_eq!(run["sources"][0]["made"], 0, "{run}");
    assert_eq!(run["sources"][0]["joined"], 0, "{run}");
    assert_eq!(touches(&env, "Anna").len(), anna.len());
    // removing a touch still takes its link along, and only its link
    env.ok(&["touch", "rm", "2"]);
    let removed = snapshot(&env.db());
    assert_eq!(removed["capture_touches"].len(), 1);
    assert_eq!(removed["capture_touches"][0]["touch_id"], "Integer(1)");
}
