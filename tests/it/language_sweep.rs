//! The CLI sweep in German (issue 21): the refusals of the store, import,
//! sync and merge, and the sentences that ended in a German date, as a
//! German user reads them. English stays as it was (the other tests hold
//! its exact words).

use crate::harness::Env;

/// Monday 7 December 2026, 09:00 in Berlin.
const NOW: &str = "2026-12-07T09:00:00+01:00";

/// Anna and Jonas, a Jour fixe, nothing else.
fn setup() -> Env {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "14-tägig"]);
    env.ok(&["add", "Jonas Weber", "--birthday", "15.3."]);
    env.ok(&["edit", "jonas", "--nickname", "Joni"]);
    env.ok(&["jourfixe", "add", "anna", "jeden Sonntag um 18 Uhr"]);
    env
}

/// `draht --lang de ARGS`: the one-line error (exit `code`).
fn german_error(env: &Env, args: &[&str], code: i32) -> String {
    let mut all = vec!["--lang", "de"];
    all.extend(args);
    env.fails(&all, code)
}

#[test]
fn the_store_s_refusals_are_german() {
    let env = setup();
    let before = env.db_bytes();
    for (args, expected) in [
        (
            &["done", "999"][..],
            "draht: es gibt keine Wiedervorlage #999; `draht today` und `draht show KONTAKT` zeigen sie\n",
        ),
        (
            &["jourfixe", "rm", "99"][..],
            "draht: es gibt keinen Jour fixe #99; `draht jourfixe list` zeigt sie mit ihren Nummern\n",
        ),
        (
            &["touch", "edit", "9999", "--note", "x"][..],
            "draht: es gibt keinen Eintrag #9999; `draht show KONTAKT` zeigt die Nummern der Einträge\n",
        ),
        (
            &["hook", "anna", " "][..],
            "draht: ein Aufhänger braucht einen Text, z. B. draht hook anna \"Segeln im Juni\"\n",
        ),
        (
            &["remind", "anna", "morgen", " "][..],
            "draht: eine Wiedervorlage braucht eine Notiz, z. B. draht remind anna Fr \"das Angebot schicken\"\n",
        ),
        (
            &["merge", "anna", "anna", "--dry-run"][..],
            "draht: beide Namen meinen Anna Schmidt; nennen Sie zwei verschiedene Kontakte zum Zusammenführen\n",
        ),
        (
            &["add", "Anna Schmidt"][..],
            "draht: es gibt schon einen Kontakt namens \"Anna Schmidt\"; wählen Sie einen anderen Namen (etwa mit Nachnamen) oder ändern Sie den vorhandenen mit `draht edit`\n",
        ),
    ] {
        assert_eq!(german_error(&env, args, 2), expected, "draht {args:?}");
    }
    assert_eq!(env.db_bytes(), before, "no refusal changed the database");
    assert_eq!(
        german_error(&env, &["jourfixe", "skip", "1", "9.12."], 2),
        "draht: Mi., 9. Dez. 2026 ist kein Termin von Jour fixe #1 (jeden Sonntag um 18:00); die nächsten sind So., 13. Dez. 2026, So., 20. Dez. 2026\n"
    );
    let err = german_error(&env, &["sync", "--dry-run"], 2);
    assert!(
        err.starts_with("draht: kein Ordner zum Abgleichen;"),
        "{err}"
    );
}

#[test]
fn import_speaks_german() {
    let env = setup();
    let missing = env.dir.path().join("fehlt.vcf");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        german_error(&env, &["import", missing], 2),
        format!(
            "draht: {missing} kann draht nicht lesen: die Datei gibt es nicht; geben Sie eine .vcf-, .csv- oder .json-Datei an, oder einen Ordner mit .vcf-Dateien\n"
        )
    );
    let csv = env.dir.path().join("leute.csv");
    std::fs::write(
        &csv,
        "name,email\nBerta,keine-adresse\nCarl,carl@example.org\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    assert_eq!(
        german_error(&env, &["import", csv], 2),
        format!(
            "draht: Import abgebrochen, nichts wurde geändert: {csv}: Zeile 2: \"keine-adresse\" sieht nicht wie eine E-Mail-Adresse aus (kein @); berichtigen Sie sie oder verschieben Sie sie in die Telefonspalte; oder importieren Sie mit --skip-invalid den einen guten Datensatz ohne ihn\n"
        )
    );
    let json = env.dir.path().join("sicherung.json");
    std::fs::write(&json, "{\"format\": \"etwas\"}").unwrap();
    let json = json.to_str().unwrap();
    assert_eq!(
        german_error(&env, &["import", json], 2),
        format!(
            "draht: {json}: keine draht-Sicherung (es fehlt \"format\": \"draht-backup\"); geben Sie eine Datei an, die `draht export json` geschrieben hat\n"
        )
    );
    let text = env.dir.path().join("notiz.txt");
    std::fs::write(&text, "hallo").unwrap();
    let err = german_error(&env, &["import", text.to_str().unwrap()], 2);
    assert!(
        err.ends_with("oder geben Sie --format vcard, csv oder json an\n"),
        "{err}"
    );
}

#[test]
fn merge_names_the_fields_in_german() {
    let env = setup();
    let plan = env.ok(&["--lang", "de", "merge", "anna", "jonas", "--dry-run"]);
    assert!(
        plan.contains("  übernimmt von Jonas Weber: Spitzname, Geburtstag\n"),
        "{plan}"
    );
    let english = env.ok(&["merge", "anna", "jonas", "--dry-run"]);
    assert!(
        english.contains("  takes from Jonas Weber: nickname, birthday\n"),
        "{english}"
    );
}

#[test]
fn a_sentence_ending_in_a_german_date_has_one_full_stop() {
    let env = setup();
    let snoozed = env.ok(&["--lang", "de", "snooze", "anna", "2w"]);
    assert_eq!(
        snoozed,
        "Anna Schmidt ist bis Mo., 21. Dez. zurückgestellt.\n"
    );
    let skipped = env.ok(&["--lang", "de", "jourfixe", "skip", "1", "13.12."]);
    assert_eq!(
        skipped,
        "So., 13. Dez. von Jour fixe #1 mit Anna Schmidt ausgelassen — nächster Termin: So., 20. Dez.\n"
    );
    let added = env.ok(&[
        "--lang",
        "de",
        "jourfixe",
        "add",
        "jonas",
        "jeden Mittwoch um 19 Uhr",
    ]);
    assert!(!added.contains(".."), "{added}");
}

#[test]
fn a_new_database_is_announced_in_german() {
    let env = Env::new(NOW);
    let path = env.dir.path().join("neu.db");
    let out = env
        .cmd()
        .args([
            "--lang",
            "de",
            "--db",
            path.to_str().unwrap(),
            "add",
            "Berta",
        ])
        .output()
        .expect("run draht");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("draht: neue Datenbank unter {} angelegt\n", path.display())
    );
}

#[test]
fn sync_reports_in_german() {
    let env = setup();
    let cards = env.dir.path().join("kontakte");
    std::fs::create_dir(&cards).unwrap();
    let cards = cards.to_str().unwrap();
    let sync = |dry: bool| {
        let mut args = vec!["--lang", "de", "sync", "--contacts", cards];
        if dry {
            args.push("--dry-run");
        }
        env.ok(&args)
    };
    assert_eq!(
        sync(true),
        "Probelauf, nichts geändert.\nKarten, die geschrieben würden: Anna Schmidt, Jonas Weber\n"
    );
    assert_eq!(
        sync(false),
        "Karten geschrieben: Anna Schmidt, Jonas Weber\n"
    );
    assert_eq!(
        sync(false),
        "Abgeglichen: auf keiner Seite hat sich etwas geändert.\n"
    );
}
