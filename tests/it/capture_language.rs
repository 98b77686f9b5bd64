//! `draht capture` in German (`--lang de`, `LANG=de_DE.UTF-8`): the run's
//! summary, the dry run's table, the report, `--list`, `--forget` and the
//! errors; `--json` is the same in both languages.

use super::capture::{capture, env, path};
use super::capture_fixtures::{self as fx, ME, maildir};
use super::harness::Env;

fn de(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["--lang", "de", "capture"];
    all.extend_from_slice(args);
    env.ok(&all)
}

#[test]
fn capture_speaks_german() {
    let env = env();
    env.ok(&["add", "Anna Schmidt", "--email", "anna@x.de"]);
    let mail = maildir(env.dir.path(), "Mail");
    fx::mails_from(&mail, "anna@x.de", 10, &[9, 11, 17], "a");
    for (i, day) in [12, 13].into_iter().enumerate() {
        let to_jonas = fx::plain(
            ME,
            "j.weber@firma.de",
            &fx::date(day, 9, 0),
            &format!("j{i}@x"),
        );
        fx::deliver(&mail, fx::unix(day, 9, 0), 5 + i, &to_jonas);
    }
    let list = fx::list(&fx::date(13, 8, 0), "news@x");
    fx::deliver(&mail, fx::unix(13, 8, 0), 9, &list);
    let dir = path(&mail);
    // folder times are trusted once they are a few seconds old
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for sub in ["cur", "new"] {
        let folder = std::fs::File::open(mail.join(sub)).unwrap();
        folder.set_modified(old).unwrap();
    }

    let dry = de(&env, &[dir, "--name", "Arbeit", "--dry-run"]);
    assert!(
        dry.starts_with("Probelauf: nichts wurde geschrieben.\n"),
        "{dry}"
    );
    assert!(
        dry.contains("Arbeit (maildir, ") && dry.contains("6 Nachrichten gelesen, von Anfang an"),
        "{dry}"
    );
    assert!(
        dry.contains("übersprungen: 1 Listen und Massenmails"),
        "{dry}"
    );
    assert!(dry.contains("Würde erfassen"), "{dry}");
    assert!(
        dry.contains("Anna Schmidt  ✉ E-Mail an 1 Tag (3 Mails)"),
        "{dry}"
    );

    let run = de(&env, &[dir, "--name", "Arbeit"]);
    assert!(
        run.contains("3 mit Kontakten: 1 Kontaktmoment neu"),
        "{run}"
    );
    let again = de(&env, &[dir]);
    assert!(
        again.contains("Arbeit (maildir, ")
            && again.contains("unverändert seit dem letzten Einlesen."),
        "{again}"
    );
    let listed = de(&env, &["--list"]);
    assert!(
        listed.contains("1 Kontaktmoment  zuletzt Di., 1. Dez."),
        "{listed}"
    );
    let show = env.ok(&["--lang", "de", "show", "Anna"]);
    assert!(show.contains("3 Mails · Arbeit"), "{show}");

    let report = de(&env, &[dir, "--report"]);
    assert!(
        report.contains(
            "Die Leute, denen Sie am meisten schreiben und die nicht in draht sind, seit "
        ),
        "{report}"
    );
    assert!(
        report.contains("  1. Sie haben j.weber@firma.de 2-mal geschrieben, in 90 Tagen — `draht add \"j.weber@firma.de\" --email j.weber@firma.de`?"),
        "{report}"
    );
    assert!(
        report.contains("Die ersten N davon fügt `draht capture --report --add N` hinzu."),
        "{report}"
    );

    let forget = de(&env, &["--forget", "Arbeit", "--dry-run"]);
    assert!(
        forget.starts_with("Würde vergessen: Arbeit (")
            && forget.contains("1 Kontaktmoment entfernt und 3 Schlüssel verworfen."),
        "{forget}"
    );

    let err = env.fails(&["--lang", "de", "capture", "--forget", "Urlaub"], 2);
    assert!(
        err.contains("es gibt keine Quelle \"Urlaub\"; die Quellen sind: Arbeit ("),
        "{err}"
    );
    let missing = env.dir.path().join("nirgends");
    let err = env.fails(&["--lang", "de", "capture", path(&missing)], 2);
    assert!(
        err.contains("kann draht nicht lesen: es gibt sie nicht"),
        "{err}"
    );

    // the locale chooses German too; --json does not change with it
    let by_locale = env
        .cmd()
        .env("LANG", "de_DE.UTF-8")
        .args(["capture", dir])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&by_locale.stdout).contains("unverändert"),
        "{by_locale:?}"
    );
    let json_de = env.json(&["--lang", "de", "capture", "--list"]);
    let json_en = capture(&env, &["--list"]);
    assert_eq!(json_de, json_en);
}
