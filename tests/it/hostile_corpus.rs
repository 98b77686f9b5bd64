//! A walk over a generated corpus of hostile files, each given to draht as
//! a user would on a terminal: foreign, damaged and look-alike database
//! files as `--db`, and crafted address books and backups to `import`.
//! For every one: the exit code is 0 or the documented refusal (1 for a
//! file that is no usable database, 2 for bad input), a refused database
//! is byte for byte as it was, nothing new appears beside it, and nothing
//! draht prints reaches the terminal as an escape.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::harness::Env;
use crate::hostile_export::{on_terminal, raw_escapes};
use crate::rel_support::listing;

const NOW: &str = "2026-11-23T12:00:00+01:00";

/// An OSC 52 clipboard write and a CSI, as a file name or a cell holds them.
const EVIL: &str = "\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}2J";

/// A fresh folder holding one file with `bytes`.
fn alone(root: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = root.join(format!("case-{}", listing(root).len()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// An SQLite file built by `sql` at schema level `level` (in WAL mode when
/// asked), closed, as bytes.
fn sqlite_file(root: &Path, sql: &str, level: i64, wal: bool) -> Vec<u8> {
    let path = root.join("build.sqlite");
    let _ = std::fs::remove_file(&path);
    let conn = Connection::open(&path).unwrap();
    if wal {
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    }
    conn.execute_batch(sql).unwrap();
    conn.pragma_update(None, "user_version", level).unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    bytes
}

/// A real draht database (two contacts, a touch) as bytes.
fn draht_file(root: &Path) -> Vec<u8> {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Ben Okafor"]);
    env.ok(&["log", "anna", "call", "fine"]);
    let _ = root;
    std::fs::read(env.db()).unwrap()
}

/// Database files that are not usable draht databases, with what the
/// refusal must say.
fn hostile_databases(root: &Path) -> Vec<(String, Vec<u8>, &'static str)> {
    let latest = draht::store::MIGRATIONS_SQL.len() as i64;
    let good = draht_file(root);
    let mut cases = Vec::new();
    // every level this draht knows, the next one, and absurd ones
    for level in (-1..=latest + 1).chain([999]) {
        for wal in [false, true] {
            cases.push((
                format!("places-{level}-{wal}.sqlite"),
                sqlite_file(root, "CREATE TABLE moz_places (url TEXT);", level, wal),
                "another program",
            ));
        }
    }
    cases.push((
        "lookalike.db".into(),
        sqlite_file(
            root,
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT);
             CREATE TABLE touches (id INTEGER PRIMARY KEY, at INTEGER);",
            latest,
            false,
        ),
        "its schema is not that level's",
    ));
    let mut missing = String::new();
    for step in draht::store::MIGRATIONS_SQL {
        missing.push_str(step);
    }
    missing.push_str("DROP TABLE jourfixe_skips;");
    cases.push((
        "missing-table.db".into(),
        sqlite_file(root, &missing, latest, true),
        "missing table jourfixe_skips",
    ));
    cases.push((
        format!("evil{EVIL}.db"),
        good[..10_000].to_vec(),
        "malformed",
    ));
    cases.push(("header-only.db".into(), good[..100].to_vec(), "malformed"));
    cases.push(("empty.db".into(), Vec::new(), "empty file"));
    cases.push((
        "notes.db".into(),
        format!("Anna {EVIL}\n").into_bytes(),
        "not a usable",
    ));
    let mut noise = good[..100].to_vec();
    noise.extend((0..8000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    cases.push(("noise.db".into(), noise, "not a usable"));
    cases
}

/// Runs `args` against `db` on a terminal and checks the walk's promises
/// for a refusal: `code`, one line naming the file and saying `needle`, the
/// file byte for byte as it was, nothing new beside it, no escape shown.
fn refused(home: &Path, db: &Path, args: &[&str], code: i32, needle: &str) {
    let folder = db.parent().unwrap();
    let (before, files) = (std::fs::read(db).ok(), listing(folder));
    let (got, shown) = on_terminal(home, db, args);
    let text = String::from_utf8_lossy(&shown);
    assert_eq!(got, Some(code), "{args:?} on {}: {text}", db.display());
    assert_eq!(
        text.trim_end().lines().count(),
        1,
        "{args:?}: one line: {text}"
    );
    assert!(
        text.contains(needle),
        "{args:?} on {}: {needle:?} in {text}",
        db.display()
    );
    let escapes = raw_escapes(&shown);
    assert!(
        escapes.is_empty(),
        "{args:?} on {}: {escapes:?}",
        db.display()
    );
    assert_eq!(std::fs::read(db).ok(), before, "{} changed", db.display());
    assert_eq!(
        listing(folder),
        files,
        "files appeared beside {}",
        db.display()
    );
}

#[test]
fn hostile_database_files_are_refused_untouched() {
    let env = Env::new(NOW);
    let root = env.dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    let copy_to = env.dir.path().join("copies");
    std::fs::create_dir_all(&copy_to).unwrap();
    for (name, bytes, needle) in hostile_databases(&root) {
        let db = alone(&root, &name, &bytes);
        let copy = copy_to.join(format!("{}.copy", listing(&copy_to).len()));
        let copy = copy.to_str().unwrap();
        for args in [
            &["list"][..],
            &["add", "Mallory"],
            &["today", "--json"],
            &["export", "json"],
            &["import", "--dry-run", "/dev/null"],
            &["backup", "-o", copy],
        ] {
            refused(env.dir.path(), &db, args, 1, needle);
        }
        // check reports what it can read of a file with a schema, and
        // refuses the rest; either way it exits 1 and writes nothing
        let (before, files) = (std::fs::read(&db).unwrap(), listing(db.parent().unwrap()));
        let (code, shown) = on_terminal(env.dir.path(), &db, &["check"]);
        assert_eq!(
            code,
            Some(1),
            "check on {name}: {}",
            String::from_utf8_lossy(&shown)
        );
        assert!(raw_escapes(&shown).is_empty(), "check on {name}");
        assert_eq!(std::fs::read(&db).unwrap(), before, "check changed {name}");
        assert_eq!(
            listing(db.parent().unwrap()),
            files,
            "check left files beside {name}"
        );
        assert!(
            listing(&copy_to).is_empty(),
            "a backup of {name} was written"
        );
    }
}

/// Files to import, hostile in their encoding, quoting or content.
fn hostile_imports() -> Vec<(&'static str, Vec<u8>)> {
    let utf16 = |text: &str| -> Vec<u8> {
        let mut out = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            out.extend(unit.to_le_bytes());
        }
        out
    };
    let backup = |touches: &str| {
        format!(
            r#"{{"format":"draht-backup","version":1,"exported_at":"2026-11-23T11:00:00Z","contacts":[{{"id":1,"uid":"u1","name":"Eve{evil}","nickname":null,"sphere":"work","tags":["t{evil}"],"company":null,"role":null,"emails":[],"phones":[],"birthday":null,"notes":"n{evil}","cadence_days":14,"min_channel":null,"snoozed_until":null,"archived":false,"created_at":"2026-11-23T11:00:00Z"}}]{touches},"hooks":[],"followups":[]}}"#,
            evil = EVIL
                .replace('\u{1b}', "\\u001b")
                .replace('\u{7}', "\\u0007")
        )
    };
    vec![
        (
            "unclosed.csv",
            b"name,notes\nAnna,\"never closed\nBen,x\n".to_vec(),
        ),
        (
            "formulas.csv",
            format!("name,company,emails,notes\n=cmd|' /C calc'!A0,+SUM(A1),@x.example,\"-1\r\n{EVIL}\"\n")
                .into_bytes(),
        ),
        (
            "controls.csv",
            format!("\u{feff}name,tags\n\"Eve{EVIL}\r\nMARK\",\"a{EVIL};b\"\n").into_bytes(),
        ),
        ("no-at.csv", b"name,email\nAnna,anna.example\n".to_vec()),
        ("utf16.csv", utf16("name,email\nAnna,a@b.example\n")),
        (
            "qp.vcf",
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Evil=0DEND:VEVENT=0D=1B]52;c;eA=3D=3D=07\r\nEND:VCARD\r\n"
                .to_vec(),
        ),
        (
            "escapes.vcf",
            format!("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Eve{EVIL}\r\nNOTE:n{EVIL}\r\nEND:VCARD\r\n")
                .into_bytes(),
        ),
        ("utf16.vcf", utf16("BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n")),
        ("bom.json", format!("\u{feff}{}", backup(r#","touches":[]"#)).into_bytes()),
        ("no-touches.json", backup("").into_bytes()),
        (
            "future.json",
            backup(r#","touches":[{"id":1,"at":"2027-01-01T00:00:00Z","channel":"call","note":null,"outcome":"done","rating":null,"hook_id":null,"participants":[1]}]"#)
                .into_bytes(),
        ),
        ("utf16.json", utf16(&backup(r#","touches":[]"#))),
    ]
}

#[test]
fn hostile_imports_are_read_tidied_or_refused_without_a_trace() {
    let env = Env::new(NOW);
    let files = env.dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    for (name, bytes) in hostile_imports() {
        let file = files.join(name);
        std::fs::write(&file, &bytes).unwrap();
        // into a database with people in it, and into an empty one (where a
        // backup may be restored)
        for people in [true, false] {
            let db_env = Env::new(NOW);
            if people {
                db_env.ok(&["add", "Zed"]);
            } else {
                db_env.ok(&["add", "Zed"]);
                db_env.ok(&["rm", "Zed", "--yes"]);
            }
            let db = db_env.db();
            let (before, beside) = (std::fs::read(&db).unwrap(), listing(db_env.dir.path()));
            let (code, shown) =
                on_terminal(db_env.dir.path(), &db, &["import", file.to_str().unwrap()]);
            let text = String::from_utf8_lossy(&shown);
            assert!(matches!(code, Some(0 | 2)), "{name}: {code:?} {text}");
            let escapes = raw_escapes(&shown);
            assert!(escapes.is_empty(), "{name}: {escapes:?} in {text}");
            assert_eq!(listing(db_env.dir.path()), beside, "{name}: files appeared");
            if code == Some(2) {
                assert_eq!(
                    std::fs::read(&db).unwrap(),
                    before,
                    "{name}: refused but changed"
                );
                assert_eq!(text.trim_end().lines().count(), 1, "{name}: {text}");
            } else {
                // what was imported is stored tidied: nothing to escape
                // even when printed raw
                let piped = db_env.ok(&["export", "json"]);
                let stored: serde_json::Value = serde_json::from_str(&piped).unwrap();
                let texts = stored.to_string();
                assert!(
                    !texts.contains("\\u001b") && !texts.contains('\u{9b}'),
                    "{name}: {texts}"
                );
            }
        }
    }
}

#[test]
fn paths_holding_escapes_are_shown_harmless_when_a_command_succeeds() {
    let env = Env::new(NOW);
    let dir = env.dir.path().join(format!("folder{EVIL}"));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join(format!("draht{EVIL}.db"));
    let file = |name: &str| dir.join(format!("{name}{EVIL}")).display().to_string();
    let (backup, json, ics, vcf, cards) = (
        file("copy.db"),
        file("all.json"),
        file("cal.ics"),
        file("cards.vcf"),
        file("cards"),
    );
    for args in [
        &["add", "Anna Schmidt", "--every", "2w"][..],
        &["jourfixe", "add", "anna", "weekly tue 10:00"],
        &["check"],
        &["backup", "-o", &backup],
        &["export", "json", "-o", &json],
        &["export", "ics", "-o", &ics],
        &["export", "vcard", "-o", &vcf],
        &["export", "vdir", "-o", &cards],
    ] {
        let (code, shown) = on_terminal(env.dir.path(), &db, args);
        let text = String::from_utf8_lossy(&shown);
        assert_eq!(code, Some(0), "{args:?}: {text}");
        // the commands about a file name it; a Jour fixe line has no path
        if args[0] != "jourfixe" {
            assert!(text.contains("folder"), "{args:?} names the path: {text}");
        }
        let escapes = raw_escapes(&shown);
        assert!(escapes.is_empty(), "{args:?}: {escapes:?} in {text}");
    }
}
