//! The last English sentences of the CLI, in German (issue 21): a config
//! file's errors, a damaged JSON backup, an import that meets the same
//! person twice, a maildir message whose headers never end, and the note a
//! sync conflict leaves. Each German line is checked word for word; the
//! English one beside it stays as it was.

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::capture_fixtures::{self as fx, maildir};
use crate::harness::Env;

/// Monday 7 December 2026, 09:00 in Berlin.
const NOW: &str = "2026-12-07T09:00:00+01:00";

fn german<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--lang", "de"];
    all.extend(args);
    all
}

#[test]
fn a_config_error_is_one_german_line_with_exit_code_2() {
    let env = Env::new(NOW);
    let config = env.dir.path().join("draht.toml");
    std::fs::write(&config, "horizon = \"7d\"\nhorizn = \"7d\"\n").unwrap();
    let config = config.to_str().unwrap();
    let err = env.fails(&german(&["--config", config, "today"]), 2);
    assert_eq!(
        err,
        format!(
            "draht: Konfiguration {config}: Zeile 2: unbekannter Schlüssel `horizn`; möglich sind \
             `min_channel`, `retry`, `horizon`, `week_start`, `remind_before`, `remind_at`, \
             `morning`, `bell`, `language`, `sphere`, `tag`, `me`, `capture`, `max_recipients`, \
             `gmail_aliases`, `sync`\n"
        )
    );
    let english = env.fails(&["--config", config, "today"], 2);
    assert!(
        english.starts_with(&format!(
            "draht: config {config}: line 2: unknown field `horizn`, expected one of `min_channel`"
        )),
        "{english}"
    );
    // what the TOML reader says stays its own, inside a German sentence
    std::fs::write(config, "bell = \"yes\"\n").unwrap();
    assert_eq!(
        env.fails(&german(&["--config", config, "today"]), 2),
        format!(
            "draht: Konfiguration {config}: Zeile 1: das versteht draht nicht (invalid type: \
             string \"yes\", expected a boolean); wie die Schlüssel heißen und geschrieben \
             werden, steht im Abschnitt Configuration in docs/guide.md\n"
        )
    );
    assert_eq!(
        env.fails(&["--config", config, "today"], 2),
        format!(
            "draht: config {config}: line 1: invalid type: string \"yes\", expected a boolean\n"
        )
    );
    std::fs::write(config, "[[capture]]\nkind = \"imap\"\npath = \"Mail\"\n").unwrap();
    assert_eq!(
        env.fails(&german(&["--config", config, "today"]), 2),
        format!(
            "draht: Konfiguration {config}: Zeile 2: [[capture]] kind: unbekannte Art \"imap\"; \
             möglich sind maildir, mbox, calendar, sms-backup, whatsapp oder telegram\n"
        )
    );
}

#[test]
fn a_damaged_backup_says_in_german_what_is_wrong() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt"]);
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", backup.to_str().unwrap()]);
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&backup).unwrap()).unwrap();
    let anna = json["contacts"][0].clone();
    json["contacts"].as_array_mut().unwrap().push(anna);
    std::fs::write(&backup, json.to_string()).unwrap();
    let fresh = env.dir.path().join("fresh.db");
    let args = ["--db", fresh.to_str().unwrap(), "import", "backup.json"];
    let mut cmd = env.cmd();
    let out = cmd
        .current_dir(env.dir.path())
        .args(german(&args))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.ends_with(
            "draht: backup.json: die Sicherung ist beschädigt: Kontakt #1 kommt doppelt vor; \
             nichts wurde zurückgespielt\n"
        ),
        "{err}"
    );
}

#[test]
fn an_import_that_meets_the_same_person_twice_says_so_in_german() {
    let env = Env::new(NOW);
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nEND:VCARD\r\n";
    let file = env.dir.path().join("two.vcf");
    std::fs::write(&file, card.repeat(2)).unwrap();
    let path = file.to_str().unwrap();
    let err = env.fails(&german(&["import", path]), 2);
    assert_eq!(
        err,
        format!(
            "draht: Import abgebrochen, nichts wurde geändert: {path}: Karte 2: \"Anna Schmidt\" \
             ist dieselbe Person wie {path}: Karte 1 (dieselbe UID oder derselbe Name); entfernen \
             Sie eine der beiden; oder importieren Sie mit --skip-invalid den einen guten \
             Datensatz ohne ihn\n"
        )
    );
}

#[test]
fn a_mail_whose_headers_never_end_is_skipped_with_a_german_reason() {
    let env = super::capture::env();
    env.ok(&["add", "Anna Schmidt", "--email", "anna@x.de"]);
    let mail = maildir(env.dir.path(), "Mail");
    let long = format!("X-Filler: {}\r\n", "x".repeat(998)).repeat(1100);
    let huge = format!("From: anna@x.de\r\n{long}Subject: s\r\n\r\nbody\r\n");
    fx::deliver(&mail, fx::unix(3, 9, 0), 1, &huge);
    let out = env.ok(&german(&["capture", mail.to_str().unwrap(), "--dry-run"]));
    assert!(
        out.contains("1 Eintrag unlesbar und übersprungen, zum Beispiel:")
            && out.contains("die Kopfzeilen enden nicht innerhalb von 1 MiB"),
        "{out}"
    );
    assert!(!out.contains("headers do not end"), "{out}");
}

/// Writes `text` into the card file of `dir` that holds `FN:name`, dated
/// `secs` ahead (the newer side wins a conflict).
fn edit_card(dir: &Path, name: &str, edit: impl Fn(&str) -> String, secs: u64) {
    let path = crate::sync::card_of(dir, name);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(secs))
        .unwrap();
}

#[test]
fn a_sync_conflict_leaves_a_german_line_in_the_note() {
    let env = Env::new(NOW);
    let folder = env.dir.path().join("contacts");
    let dir = folder.to_str().unwrap();
    env.ok(&["add", "Anna Schmidt", "--company", "ACME"]);
    env.ok(&["sync", "--contacts", dir]);
    env.ok(&["edit", "Anna", "--company", "Globex"]);
    edit_card(
        &folder,
        "Anna Schmidt",
        |t| t.replace("ORG:ACME", "ORG:Umbrella"),
        5,
    );
    let out = env.ok(&german(&["sync", "--contacts", dir]));
    assert!(out.contains("Konflikt: Anna Schmidt"), "{out}");
    let note = env.json(&["show", "Anna"]);
    let note = note["contact"]["notes"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(
        note,
        "Abgleichkonflikt 2026-12-07: in draht stand bei Firma: Globex"
    );
}

#[test]
fn another_program_s_database_is_described_in_german() {
    let env = Env::new(NOW);
    let other = env.dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE foo(x); CREATE TABLE bar(y); PRAGMA user_version = 99;")
        .unwrap();
    drop(conn);
    let path = other.to_str().unwrap();
    let err = env.fails(&german(&["--db", path, "today"]), 1);
    assert_eq!(
        err,
        format!(
            "draht: {path} ist eine SQLite-Datenbank eines anderen Programms (Schemastufe 99, \
             die Tabellen bar, foo), keine draht-Datenbank; sie blieb unberührt — geben Sie mit \
             --db eine andere an\n"
        )
    );
    let english = env.fails(&["--db", path, "today"], 1);
    assert!(
        english.contains("(schema level 99, the tables bar, foo)"),
        "{english}"
    );
}
