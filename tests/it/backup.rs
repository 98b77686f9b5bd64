//! `draht backup`, `draht check`, restoring from a copy, and owner-only files.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::harness::Env;
use crate::rel_support::{draht_cmd, env_in_memory, integrity, notes};

const NOW: &str = "2026-11-23T12:00:00+01:00";

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn sample() -> Env {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Ben Okafor"]);
    env.ok(&["log", "anna", "call", "Q3 launch went well"]);
    env
}

#[test]
fn default_backup_lands_next_to_the_database_owner_only() {
    let env = sample();
    let text = env.ok(&["backup"]);
    let copy = env.dir.path().join("draht-20261123-120000.db");
    assert!(text.contains(&copy.display().to_string()), "{text}");
    assert!(text.contains("2 contacts and 1 touches"), "{text}");
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(integrity(&copy), "ok");
    assert_eq!(notes(&copy), notes(&env.db()));
    let second = env.json(&["backup"]);
    assert_eq!(
        second["path"],
        env.dir
            .path()
            .join("draht-20261123-120000-2.db")
            .display()
            .to_string()
    );
    assert_eq!(second["touches"], 1);
}

#[test]
fn backup_never_overwrites_a_file() {
    let env = sample();
    let target = env.dir.path().join("keep.txt");
    std::fs::write(&target, b"precious").unwrap();
    let err = env.fails(&["backup", "-o", target.to_str().unwrap()], 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");
}

#[test]
fn the_demo_needs_a_file_name_for_its_copy() {
    let env = Env::new(NOW);
    let err = env.fails(&["--demo", "backup"], 2);
    assert!(err.contains("-o FILE"), "{err}");
    let target = env.dir.path().join("demo.db");
    env.ok(&["--demo", "backup", "-o", target.to_str().unwrap()]);
    assert_eq!(integrity(&target), "ok");
    assert!(!env.db().exists(), "the real database was not touched");
}

#[test]
fn restoring_a_backup_as_the_readme_says_brings_back_that_state() {
    let env = sample();
    let copy = env.dir.path().join("copy.db");
    env.ok(&["backup", "-o", copy.to_str().unwrap()]);
    env.ok(&["log", "anna", "email", "after the backup"]);
    // quit draht, move the database and its -wal/-shm aside, copy the backup in
    let aside = env.dir.path().join("aside");
    std::fs::create_dir(&aside).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let from = format!("{}{suffix}", env.db().display());
        if Path::new(&from).exists() {
            std::fs::rename(&from, aside.join(format!("draht.db{suffix}"))).unwrap();
        }
    }
    std::fs::copy(&copy, env.db()).unwrap();
    let brief = env.json(&["show", "anna"]);
    let notes: Vec<&str> = brief["touches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["note"].as_str())
        .collect();
    assert_eq!(notes, ["Q3 launch went well"]);
    env.ok(&["check"]);
}

#[test]
fn backup_while_others_write_is_a_consistent_prefix() {
    const WRITERS: usize = 2;
    const EACH: usize = 30;
    let env = env_in_memory(NOW);
    env.ok(&["add", "Anna Schmidt"]);
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (home, db) = (env.dir.path().to_path_buf(), env.db());
            std::thread::spawn(move || {
                (0..EACH)
                    .filter(|i| {
                        let note = format!("w{w} #{i}");
                        !draht_cmd(&home, &db, &["log", "anna", "call", &note])
                            .stdout(std::process::Stdio::null())
                            .status()
                            .expect("run draht")
                            .success()
                    })
                    .count()
            })
        })
        .collect();
    let copies: Vec<_> = (0..4)
        .map(|k| {
            let copy = env.dir.path().join(format!("copy-{k}.db"));
            env.ok(&["backup", "-o", copy.to_str().unwrap()]);
            copy
        })
        .collect();
    for w in writers {
        assert_eq!(w.join().unwrap(), 0, "a log failed while backing up");
    }
    let all = notes(&env.db());
    assert_eq!(all.len(), WRITERS * EACH);
    for copy in &copies {
        assert_eq!(integrity(copy), "ok", "{}", copy.display());
        assert_eq!(mode(copy), 0o600);
        let held = notes(copy);
        assert_eq!(
            held[..],
            all[..held.len()],
            "{} is not a prefix",
            copy.display()
        );
        let out = draht_cmd(env.dir.path(), copy, &["check"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!(
            "{} holds {} of {} touches",
            copy.display(),
            held.len(),
            all.len()
        );
    }
}

#[test]
fn check_says_healthy_in_words() {
    let env = sample();
    let text = env.ok(&["check"]);
    assert!(text.contains("is healthy"), "{text}");
    assert!(text.contains("integrity: ok"), "{text}");
    assert!(text.contains("2 contacts, 1 touches"), "{text}");
    let json = env.json(&["check"]);
    assert_eq!(json["integrity"], serde_json::json!([]));
    assert_eq!(json["dangling"], serde_json::json!([]));
}

#[test]
fn a_table_of_the_users_own_is_named_by_check_and_kept_by_every_command() {
    let env = sample();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "CREATE TABLE my_notes (contact_id INTEGER REFERENCES contacts (id), text TEXT);
         INSERT INTO my_notes VALUES (1, 'mine');",
    )
    .unwrap();
    drop(conn);
    let text = env.ok(&["check"]);
    assert!(text.contains("is healthy"), "{text}");
    assert!(
        text.contains("  also: my_notes — not draht's, left as it is\n"),
        "{text}"
    );
    assert_eq!(
        env.json(&["check"])["other_tables"],
        serde_json::json!(["my_notes"])
    );
    env.ok(&["log", "anna", "call"]);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    let kept: String = conn
        .query_row("SELECT text FROM my_notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "mine");
}

#[test]
fn check_reports_dangling_references_and_exits_1() {
    let env = sample();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO touch_participants (touch_id, contact_id, at, channel, outcome)
           VALUES (1, 99, 0, 'call', 'done');",
    )
    .unwrap();
    drop(conn);
    let err = env.fails(&["check"], 1);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("is damaged"), "{err}");
    assert!(err.contains("touch_participants"), "{err}");
    assert!(err.contains("restore your latest backup"), "{err}");
}

#[test]
fn check_reports_a_damaged_index() {
    let env = sample();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "CREATE INDEX touches_by_note ON touches (note);
         PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE INDEX touches_by_note ON touches (channel DESC, id)'
          WHERE name = 'touches_by_note';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    drop(conn);
    let err = env.fails(&["check"], 1);
    assert!(err.contains("integrity check found"), "{err}");
    assert!(err.contains("touches_by_note"), "{err}");
}

#[test]
fn check_compares_the_schema_with_what_its_level_requires() {
    let env = sample();
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(
        "DROP TABLE jourfixe_skips;
         DROP INDEX followups_open;
         CREATE TRIGGER audit AFTER INSERT ON touches BEGIN SELECT 1; END;",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(env.db()).unwrap();
    let err = env.fails(&["check"], 1);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    let latest = draht::store::MIGRATIONS_SQL.len();
    assert!(
        err.contains(&format!("its schema is not that of level {latest}")),
        "{err}"
    );
    for part in [
        "missing index followups_open on followups (contact_id, due) where …",
        "missing table jourfixe_skips without rowid",
        "unexpected trigger audit on touches",
    ] {
        assert!(err.contains(part), "{part}: {err}");
    }
    assert_eq!(
        std::fs::read(env.db()).unwrap(),
        before,
        "check writes nothing"
    );
    // every other command refuses such a file before writing to it
    let err = env.fails(&["log", "anna", "call"], 1);
    assert!(err.contains("its schema is not that level's"), "{err}");
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
}

#[test]
fn check_reads_an_older_level_as_it_is_without_upgrading_it() {
    let env = Env::new(NOW);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    for step in &draht::store::MIGRATIONS_SQL[..2] {
        conn.execute_batch(step).unwrap();
    }
    conn.pragma_update(None, "user_version", 2).unwrap();
    drop(conn);
    let before = std::fs::read(env.db()).unwrap();
    let text = env.ok(&["check"]);
    assert!(text.contains("is healthy"), "{text}");
    let latest = draht::store::MIGRATIONS_SQL.len();
    assert!(
        text.contains(&format!(
            "of level 2 (the next command upgrades it to level {latest})"
        )),
        "{text}"
    );
    assert_eq!(std::fs::read(env.db()).unwrap(), before);
    assert_eq!(std::fs::read_dir(env.dir.path()).unwrap().count(), 1);
}

#[test]
fn a_plain_copy_of_the_main_file_after_draht_exits_holds_every_touch() {
    let env = sample();
    for i in 0..30 {
        env.ok(&["log", "ben", "meet", &format!("coffee {i}")]);
    }
    let wal = env.dir.path().join("draht.db-wal");
    assert!(!wal.exists(), "the last draht to exit folds its WAL back");
    // the main file alone, as `cp draht.db` would take it
    let copy = env.dir.path().join("plain-copy.db");
    std::fs::copy(env.db(), &copy).unwrap();
    let copied = notes(&copy);
    assert_eq!(copied.len(), 31);
    assert_eq!(copied, notes(&env.db()));
    assert_eq!(copied.last().map(|n| n.1.as_str()), Some("coffee 29"));
}

#[test]
fn the_default_database_and_its_folder_are_owner_only() {
    let env = Env::new(NOW);
    let out = env
        .cmd()
        .env_remove("DRAHT_DB")
        .args(["add", "Anna"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = env.dir.path().join("data").join("draht");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&env.dir.path().join("data")), 0o700);
    let db = folder.join("draht.db");
    assert_eq!(mode(&db), 0o600);
    // while a reader holds it open, the -wal and -shm files exist: owner-only too
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let out = env
        .cmd()
        .env_remove("DRAHT_DB")
        .args(["log", "anna", "call"])
        .output()
        .unwrap();
    assert!(out.status.success());
    for suffix in ["-wal", "-shm"] {
        assert_eq!(
            mode(&folder.join(format!("draht.db{suffix}"))),
            0o600,
            "{suffix}"
        );
    }
}

/// `draht ARGS` with umask 000, so only draht's own modes stand between
/// the files and other users.
fn ok_with_open_umask(env: &Env, args: &[&str]) {
    let cmd = env.cmd();
    let draht = cmd.get_program().to_os_string();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000 && exec \"$0\" \"$@\"")
        .arg(draht)
        .args(args)
        .envs(
            cmd.get_envs()
                .filter_map(|(k, v)| v.map(|v| (k.to_os_string(), v.to_os_string()))),
        )
        .output()
        .expect("run draht");
    assert!(
        out.status.success(),
        "draht {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn export_files_are_owner_only() {
    let env = sample();
    env.ok(&["jourfixe", "add", "anna", "weekly fri 10:00"]);
    env.ok(&["remind", "anna", "friday", "send the offer"]);
    let out = env.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let path = |name: &str| out.join(name).to_str().unwrap().to_string();
    // new files, and files that were there before, world-readable
    for name in ["old.vcf", "old.csv", "old.json", "old.ics"] {
        std::fs::write(out.join(name), "old").unwrap();
        std::fs::set_permissions(out.join(name), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    for (format, file) in [
        ("vcard", "all.vcf"),
        ("vcard", "old.vcf"),
        ("csv", "all.csv"),
        ("csv", "old.csv"),
        ("json", "all.json"),
        ("json", "old.json"),
        ("ics", "all.ics"),
        ("ics", "old.ics"),
    ] {
        ok_with_open_umask(&env, &["export", format, "-o", &path(file)]);
        assert_eq!(mode(&out.join(file)), 0o600, "export {format} -o {file}");
        assert_ne!(std::fs::read_to_string(out.join(file)).unwrap(), "old");
    }
    ok_with_open_umask(&env, &["export", "vdir", "-o", &path("cards/book")]);
    for dir in ["cards", "cards/book"] {
        assert_eq!(mode(&out.join(dir)), 0o700, "export vdir: {dir}");
    }
    let cards: Vec<_> = std::fs::read_dir(out.join("cards/book"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(cards.len(), 2);
    for card in &cards {
        assert_eq!(mode(card), 0o600, "export vdir: {}", card.display());
    }
    ok_with_open_umask(&env, &["backup", "-o", &path("copy.db")]);
    assert_eq!(mode(&out.join("copy.db")), 0o600, "backup -o");
    ok_with_open_umask(&env, &["backup"]);
    assert_eq!(
        mode(&env.dir.path().join("draht-20261123-120000.db")),
        0o600,
        "backup next to the database"
    );
    // nothing else appeared: no temporary or journal files left behind
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "all.csv", "all.ics", "all.json", "all.vcf", "cards", "copy.db", "old.csv", "old.ics",
            "old.json", "old.vcf"
        ]
    );
}
