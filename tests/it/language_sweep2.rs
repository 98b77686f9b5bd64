//! The CLI sweep in German, second round (issue 21): the system's errors
//! as draht wraps them, the channel list of a wrong channel, a Jour fixe's
//! length, vCard reasons. Each German line is checked word for word, and
//! for the English phrase it replaced; English stays as it was.

use crate::harness::Env;

/// Monday 7 December 2026, 09:00 in Berlin.
const NOW: &str = "2026-12-07T09:00:00+01:00";

fn setup() -> Env {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "14-tägig"]);
    env
}

fn german<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--lang", "de"];
    all.extend(args);
    all
}

#[test]
fn a_wrong_channel_lists_the_german_words() {
    let env = setup();
    let before = env.db_bytes();
    let err = env.fails(&german(&["log", "anna", "fax"]), 2);
    assert_eq!(
        err,
        "draht: unbekannter Kanal \"fax\"; möglich sind: sms; e-mail (mail); chat (nachricht, whatsapp, signal, telegram); anruf (telefonat); video (videocall, zoom, skype, teams); treffen (kaffee, essen, besuch)\n"
    );
    for english in ["coffee", "phone", "meet", "call (", "inperson"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    assert_eq!(env.db_bytes(), before, "a refused log changed nothing");
    // every word the German list offers is one draht reads
    for word in [
        "sms",
        "e-mail",
        "mail",
        "chat",
        "nachricht",
        "anruf",
        "telefonat",
        "video",
        "videocall",
        "treffen",
        "kaffee",
        "essen",
        "besuch",
    ] {
        env.ok(&["log", "anna", word, "--at", "gestern"]);
    }
    let english = env.fails(&["log", "anna", "fax"], 2);
    assert!(
        english.starts_with(
            "draht: unknown channel \"fax\"; use one of: sms (text); email (mail, e-mail);"
        ),
        "{english}"
    );
}

#[test]
fn a_jour_fixe_length_is_written_the_german_way() {
    let env = setup();
    let added = env.ok(&german(&[
        "jourfixe",
        "add",
        "anna",
        "jeden Mittwoch um 19 Uhr",
        "--duration",
        "45min",
    ]));
    assert!(added.contains("(Anruf, 45 Min.)"), "{added}");
    assert!(!added.contains("45 min"), "{added}");
    env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "jeden Freitag um 8 Uhr",
        "--duration",
        "1h30",
    ]);
    let list = env.ok(&german(&["jourfixe", "list"]));
    assert!(!list.contains(" min") && !list.contains(" h "), "{list}");
    let english = env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "weekly mon 9:00",
        "--duration",
        "90min",
    ]);
    assert!(english.contains("1 h 30 min"), "{english}");
    let german_too = env.ok(&german(&[
        "jourfixe",
        "add",
        "anna",
        "jeden Dienstag um 9 Uhr",
        "--duration",
        "2h",
    ]));
    assert!(german_too.contains("2 Std."), "{german_too}");
}

#[test]
fn a_missing_folder_is_named_in_german() {
    let env = setup();
    let target = env.dir.path().join("fehlt").join("sicherung.json");
    let target = target.to_str().unwrap();
    let err = env.fails(&german(&["export", "json", "-o", target]), 1);
    assert_eq!(
        err,
        format!("draht: {target}: die Datei oder den Ordner gibt es nicht\n")
    );
    assert!(!err.contains("No such file"), "{err}");
    let english = env.fails(&["export", "json", "-o", target], 1);
    assert!(english.contains("No such file or directory"), "{english}");
}

#[test]
fn a_card_s_reasons_are_german() {
    let env = setup();
    let cards = env.dir.path().join("karten.vcf");
    std::fs::write(
        &cards,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Berta\r\nBDAY:irgendwann\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let cards = cards.to_str().unwrap();
    let before = env.db_bytes();
    let err = env.fails(&german(&["import", cards]), 2);
    assert!(
        err.contains(&format!(
            "  {cards}: Karte 1: kein Name (FN, N, ORG oder EMAIL)\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "  {cards}: Karte 2: BDAY \"irgendwann\" ist kein Datum, das draht lesen kann (JJJJ-MM-TT, JJJJMMTT, --MM-TT oder --MMTT); berichtigen Sie es in der Karte\n"
        )),
        "{err}"
    );
    for english in ["no name", "is not a date", "correct it"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
    assert_eq!(env.db_bytes(), before);
    let english = env.fails(&["import", cards], 2);
    assert!(
        english.contains("card 1: no name (FN, N, ORG or EMAIL)"),
        "{english}"
    );
}
