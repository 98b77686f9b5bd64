//! The language (issue 21): German input whatever the interface language,
//! the interface language from `--lang`, the config and the locale, and
//! machine output that never changes with it.

use std::process::Output;

use crate::harness::Env;

/// Tuesday 1 December 2026, 14:25 in Berlin.
const NOW: &str = "2026-12-01T13:25:00Z";

/// Anna, Berta and Carl, with touches, a Jour fixe, a follow-up, birthdays
/// and a snooze — every one typed in German.
fn setup() -> Env {
    let env = Env::new(NOW);
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--every",
        "14-tägig",
        "--birthday",
        "15.03.1990",
    ]);
    env.ok(&[
        "add",
        "Berta Weiß",
        "--every",
        "monatlich",
        "--birthday",
        "24.12.",
    ]);
    env.ok(&[
        "add",
        "Carl Meyer",
        "--every",
        "vierteljährlich",
        "--sphere",
        "work",
    ]);
    env.ok(&[
        "log",
        "anna",
        "anruf",
        "Urlaub",
        "--at",
        "vorgestern um 18:30",
    ]);
    env.ok(&[
        "log",
        "berta",
        "treffen",
        "Kaffee",
        "--at",
        "vor drei Wochen",
    ]);
    env.ok(&["log", "carl", "email", "--at", "15.9.2026 10:00"]);
    env.ok(&["jourfixe", "add", "anna", "jeden Mittwoch um 19 Uhr"]);
    env.ok(&[
        "jourfixe",
        "add",
        "carl",
        "jeden 2. Dienstag im Monat um 10:00 Uhr",
    ]);
    env.ok(&["remind", "berta", "übermorgen", "Buch zurückgeben"]);
    env.ok(&["snooze", "carl", "zwei Wochen"]);
    env
}

fn run(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = env.cmd();
    for (name, value) in vars {
        cmd.env(name, value);
    }
    cmd.args(args).output().expect("run draht")
}

fn stdout(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> Vec<u8> {
    let out = run(env, args, vars);
    assert!(
        out.status.success(),
        "draht {args:?} {vars:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn error(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> String {
    let out = run(env, args, vars);
    assert_eq!(out.status.code(), Some(2), "draht {args:?} {vars:?}");
    String::from_utf8(out.stderr).expect("utf-8")
}

#[test]
fn german_input_is_read_in_an_english_interface() {
    let env = setup();
    let anna = env.json(&["show", "anna"]);
    assert_eq!(anna["contact"]["birthday"], "1990-03-15", "{anna}");
    assert_eq!(anna["contact"]["cadence_days"], 14, "{anna}");
    let touches = anna["touches"].as_array().expect("touches");
    assert_eq!(touches[0]["channel"], "call");
    assert!(
        touches[0]["at"]
            .as_str()
            .unwrap()
            .starts_with("2026-11-29T17:30"),
        "vorgestern um 18:30 in Berlin: {}",
        touches[0]
    );
    let berta = env.json(&["show", "berta"]);
    assert_eq!(berta["contact"]["birthday"], "--12-24");
    assert_eq!(berta["followups"][0]["due"], "2026-12-03", "{berta}");
    let carl = env.json(&["show", "carl"]);
    assert_eq!(carl["contact"]["cadence_days"], 90);
    assert_eq!(carl["contact"]["snoozed_until"], "2026-12-15");
    let rules: Vec<String> = env
        .json(&["jourfixe", "list"])
        .as_array()
        .expect("list")
        .iter()
        .map(|j| format!("{} {}", j["rrule"].as_str().unwrap(), j["time"]))
        .collect();
    assert_eq!(
        rules,
        [
            "FREQ=WEEKLY;BYDAY=WE \"19:00\"",
            "FREQ=MONTHLY;BYDAY=2TU \"10:00\""
        ]
    );
}

#[test]
fn machine_output_is_the_same_in_every_language() {
    let env = setup();
    let config = env.dir.path().join("de.toml");
    std::fs::write(&config, "language = \"de\"\n").unwrap();
    let config = config.to_str().unwrap().to_owned();
    for args in [
        &["today", "--json"][..],
        &["list", "--json"],
        &["list", "--csv"],
        &["show", "anna", "--json"],
        &["jourfixe", "list", "--json"],
        &["export", "json"],
        &["export", "csv"],
        &["export", "vcard"],
        &["export", "ics"],
    ] {
        let english = stdout(&env, args, &[]);
        assert!(!english.is_empty(), "{args:?}");
        let mut german = args.to_vec();
        german.extend(["--lang", "de"]);
        assert_eq!(stdout(&env, &german, &[]), english, "{args:?} --lang de");
        assert_eq!(
            stdout(&env, args, &[("LANG", "de_DE.UTF-8")]),
            english,
            "{args:?} LANG=de_DE.UTF-8"
        );
        let mut configured = args.to_vec();
        configured.extend(["--config", &config]);
        assert_eq!(
            stdout(&env, &configured, &[]),
            english,
            "{args:?} language = \"de\""
        );
    }
}

/// `--version` reads the same whatever the language (it is answered from
/// the first parse, before the localized command line is built).
#[test]
fn the_version_is_the_same_in_every_language() {
    let env = Env::new(NOW);
    let config = env.dir.path().join("de.toml");
    std::fs::write(&config, "language = \"de\"\n").unwrap();
    let config = config.to_str().unwrap().to_owned();
    let want = format!("draht {}\n", env!("CARGO_PKG_VERSION"));
    for flag in ["--version", "-V"] {
        for (args, vars) in [
            (vec![flag], &[][..]),
            (vec!["--lang", "de", flag], &[]),
            (vec![flag], &[("LANG", "de_DE.UTF-8")]),
            (vec!["--config", &config, flag], &[]),
        ] {
            let out = stdout(&env, &args, vars);
            assert_eq!(String::from_utf8_lossy(&out), want, "{args:?} {vars:?}");
        }
    }
}

#[test]
fn errors_speak_the_chosen_language() {
    let env = setup();
    let args = ["log", "anna", "call", "--at", "frday"];
    let english = "draht: cannot read \"frday\" as a date; try 2026-11-20, \"2026-11-20 15:00\", today, yesterday, friday, \"last friday\", \"3d ago\", \"in 2 weeks\", +2w\n";
    let german = "draht: \"frday\" kann draht nicht als Datum lesen; möglich sind 15.03.2026, \"5.12.2026 18:30\", heute, \"gestern 18:30\", Freitag, \"letzten Freitag\", \"vor 3 Tagen\", \"in 2 Wochen\", \"morgen um 9 Uhr\"\n";
    assert_eq!(error(&env, &args, &[]), english);
    let mut flagged = args.to_vec();
    flagged.extend(["--lang", "de"]);
    assert_eq!(error(&env, &flagged, &[]), german);
    assert_eq!(error(&env, &args, &[("LANG", "de_DE.UTF-8")]), german);
    assert_eq!(error(&env, &args, &[("LANG", "de_AT")]), german);
    assert_eq!(
        error(&env, &args, &[("LANGUAGE", "de"), ("LANG", "en_US.UTF-8")]),
        german
    );
    assert_eq!(
        error(&env, &args, &[("LANGUAGE", "de"), ("LC_ALL", "C")]),
        english
    );
    assert_eq!(error(&env, &args, &[("LANG", "fr_FR.UTF-8")]), english);
    let mut english_flag = args.to_vec();
    english_flag.extend(["--lang", "en"]);
    assert_eq!(
        error(&env, &english_flag, &[("LANG", "de_DE.UTF-8")]),
        english,
        "--lang wins over the locale"
    );

    let config = env.dir.path().join("de.toml");
    std::fs::write(&config, "language = \"de\"\n").unwrap();
    let mut configured = args.to_vec();
    configured.extend(["--config", config.to_str().unwrap()]);
    assert_eq!(
        error(&env, &configured, &[]),
        german,
        "the config's language"
    );
    configured.extend(["--lang", "en"]);
    assert_eq!(
        error(&env, &configured, &[]),
        english,
        "--lang wins over the config"
    );
}

#[test]
fn a_german_rule_error_in_german() {
    let env = setup();
    let err = error(
        &env,
        &[
            "jourfixe",
            "add",
            "berta",
            "jeden 2. Dienstag",
            "--lang",
            "de",
        ],
        &[],
    );
    assert_eq!(
        err,
        "draht: \"jeden 2. Dienstag\": das lässt sich zweifach lesen; einmal im Monat: \"jeden 2. Dienstag im Monat\", alle 2 Wochen: \"alle 2 Wochen Dienstag\" — zum Beispiel \"jeden Mittwoch um 19 Uhr\", \"alle zwei Wochen Donnerstag um 8:30 Uhr\", \"jeden 2. Dienstag im Monat um 10 Uhr\", \"monatlich am letzten Freitag um 16:30\", \"monatlich am 15.\"\n"
    );
    let err = error(&env, &["edit", "berta", "--birthday", "15.3.90"], &[]);
    assert_eq!(
        err,
        "draht: cannot read \"15.3.90\" as a birthday (write the year with four digits); try 15.03.1990, or 15.3. without the year\n"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let env = Env::new(NOW);
    let err = error(&env, &["today", "--lang", "fr"], &[]);
    assert!(
        err.contains("--lang") && err.contains("de") && err.contains("en"),
        "{err}"
    );
    let config = env.dir.path().join("fr.toml");
    std::fs::write(&config, "language = \"fr\"\n").unwrap();
    let err = error(&env, &["today", "--config", config.to_str().unwrap()], &[]);
    assert!(err.contains("line 1: language: \"fr\""), "{err}");
}

#[test]
fn the_store_s_refusals_speak_the_chosen_language() {
    let env = setup();
    let missing = env.dir.path().join("nope.db");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        error(&env, &["list", "--db", missing, "--lang", "de"], &[]),
        format!(
            "draht: unter {missing} gibt es keine Datenbank; prüfen Sie den Pfad (ein Befehl, der schreibt, etwa `draht add NAME`, legt dort eine neue an)\n"
        )
    );
    assert!(
        error(&env, &["list", "--db", missing], &[]).starts_with("draht: there is no database at "),
        "English as before"
    );
    let taken = env.dir.path().join("taken.db");
    std::fs::write(&taken, "").unwrap();
    let taken = taken.to_str().unwrap();
    assert_eq!(
        error(&env, &["backup", "-o", taken], &[("LANG", "de_DE.UTF-8")]),
        format!(
            "draht: {taken} gibt es schon; draht überschreibt nie eine Datei — wählen Sie einen anderen Namen\n"
        )
    );
    let folder = env.dir.path().to_str().unwrap();
    let out = run(&env, &["list", "--db", folder, "--lang", "de"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "draht: {folder} ist ein Ordner, keine Datenbankdatei; geben Sie mit --db den Pfad einer Datenbankdatei an\n"
        )
    );
    let utf16 = env.dir.path().join("leute.csv");
    let bytes: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("name\nAnna\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let utf16 = utf16.to_str().unwrap();
    let converted = utf16.replace("leute.csv", "leute-utf8.csv");
    assert_eq!(
        error(&env, &["import", utf16, "--lang", "de"], &[]),
        format!(
            "draht: {utf16} ist UTF-16-Text, und draht liest UTF-8; wandeln Sie die Datei erst um: iconv -f UTF-16 -t UTF-8 {utf16} > {converted}\n"
        )
    );
}

#[test]
fn merge_speaks_the_chosen_language() {
    let env = setup();
    let plan = String::from_utf8(stdout(
        &env,
        &["merge", "anna", "berta", "--dry-run", "--lang", "de"],
        &[],
    ))
    .unwrap();
    assert!(
        plan.starts_with(
            "Probelauf, nichts geändert.\nBerta Weiß mit Anna Schmidt zusammenführen:\n  übernimmt 1 Eintrag, 0 Aufhänger, 1 Wiedervorlage, 0 Jour fixe\n"
        ),
        "{plan}"
    );
    assert!(
        plan.ends_with("  entfernt dann Berta Weiß; ein erneuter Import seiner Karte aktualisiert Anna Schmidt\n"),
        "{plan}"
    );
    let english =
        String::from_utf8(stdout(&env, &["merge", "anna", "berta", "--dry-run"], &[])).unwrap();
    assert!(
        english.starts_with(
            "Dry run, nothing was changed.\nMerge Berta Weiß into Anna Schmidt:\n  moves 1 touch, 0 hooks, 1 follow-up, 0 Jour fixe\n"
        ),
        "{english}"
    );
    let err = error(&env, &["merge", "anna", "berta", "--lang", "de"], &[]);
    assert!(err.contains("bestätigen Sie mit --yes"), "{err}");
}
