//! Re-importing an address book: the contacts it created are found again
//! (without UIDs, renamed, archived), what the source changed is applied
//! and what draht added stays; values that do not parse are refused with
//! their card; the error list stays short.

use serde_json::{Value, json};

use crate::harness::Env;
use crate::import::{NOW, contact, fixture};

fn write(env: &Env, name: &str, text: &str) -> String {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn google() -> String {
    std::fs::read_to_string(fixture("google.vcf")).unwrap()
}

fn everyone(env: &Env) -> Vec<Value> {
    env.json(&["list", "--archived"])
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_file_without_uids_updates_the_contacts_it_made_even_renamed_and_archived() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("google.vcf")]);
    env.ok(&["edit", "Jonas Weber", "--name", "Jonas W."]);
    env.ok(&["archive", "Bäckerei Kraus"]);
    env.ok(&["edit", "Anna Schmidt", "--tag", "freunde"]);
    let changed = google()
        .replace(
            "TEL;TYPE=CELL:+49 160 5550199",
            "TEL;TYPE=CELL:+49 160 7777777",
        )
        .replace(
            "CATEGORIES:myContacts,Kunden",
            "CATEGORIES:myContacts,Partner",
        )
        .replace(
            "TEL;TYPE=WORK:+49 30 4411223",
            "TEL;TYPE=WORK:+49 30 4411224",
        );
    let file = write(&env, "google2.vcf", &changed);
    let report = env.json(&["import", &file]);
    assert_eq!(report["added"], json!([]), "{report}");
    assert_eq!(everyone(&env).len(), 4, "never a duplicate");
    let jonas = contact(&env, "Jonas W.");
    assert_eq!(jonas["name"], "Jonas W.", "draht's rename stays");
    assert_eq!(jonas["phones"][1]["value"], "+49 160 7777777");
    let list = everyone(&env);
    let kraus = list
        .iter()
        .find(|c| c["name"] == "Bäckerei Kraus")
        .expect("Bäckerei Kraus");
    assert_eq!(kraus["archived"], true, "it stays archived");
    let anna = contact(&env, "Anna Schmidt");
    assert_eq!(
        anna["tags"],
        json!(["Partner", "freunde"]),
        "the card's categories are replaced, draht's tag stays"
    );
}

#[test]
fn an_edit_made_in_draht_survives_a_reimport_of_the_unchanged_file() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("google.vcf")]);
    env.ok(&[
        "edit",
        "Anna Schmidt",
        "--role",
        "CEO",
        "--email",
        "anna@new.example",
    ]);
    let report = env.json(&["import", &fixture("google.vcf")]);
    assert_eq!(report["updated"], json!([]), "{report}");
    let anna = contact(&env, "Anna Schmidt");
    assert_eq!(anna["role"], "CEO");
    assert_eq!(anna["emails"].as_array().unwrap().len(), 4);
    // The source changes the role: its change wins, the e-mail stays.
    let file = write(
        &env,
        "google2.vcf",
        &google().replace("TITLE:Head of Sales", "TITLE:CFO"),
    );
    env.ok(&["import", &file]);
    let anna = contact(&env, "Anna Schmidt");
    assert_eq!(anna["role"], "CFO");
    assert_eq!(anna["emails"][3]["value"], "anna@new.example");
}

#[test]
fn a_birthday_that_is_no_date_aborts_the_import_with_the_card_and_the_reason() {
    let env = Env::new(NOW);
    let file = write(
        &env,
        "bad.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben\r\nBDAY:1985-13-45\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cem\r\nBDAY;VALUE=text:circa 1800\r\nEND:VCARD\r\n",
    );
    env.ok(&["add", "Zoe Vogel"]);
    let before = env.db_bytes();
    let err = env.fails(&["import", &file], 2);
    assert!(
        err.contains("bad.vcf: card 2: BDAY \"1985-13-45\" is not a date draht can read"),
        "{err}"
    );
    assert_eq!(env.db_bytes(), before, "nothing was written");
    let out = env.ok(&["import", &file, "--skip-invalid"]);
    assert!(out.contains("2 added"), "{out}");
    assert!(out.contains("Skipped 1 invalid record:\n  "), "{out}");
    assert!(out.contains("card 2: BDAY \"1985-13-45\""), "{out}");
    assert_eq!(
        contact(&env, "Cem")["birthday"],
        Value::Null,
        "a birthday the card calls text is no date, and no error"
    );
}

#[test]
fn a_soft_line_break_before_the_end_stays_out_of_the_note() {
    let env = Env::new(NOW);
    let file = write(
        &env,
        "outlook.vcf",
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Anna\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Gr=C3=BC=C3=9Fe=\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ben\r\nEND:VCARD\r\n",
    );
    let report = env.json(&["import", &file]);
    assert_eq!(report["added"], json!(["Anna", "Ben"]));
    assert_eq!(contact(&env, "Anna")["notes"], "Grüße");
    let exported = env.ok(&["export", "vcard"]);
    assert!(!exported.contains("QUOTED-PRINTABLE"), "{exported}");
    assert!(exported.contains("NOTE:Grüße\r\n"), "{exported}");
}

#[test]
fn a_quoted_printable_carriage_return_in_a_name_reaches_the_store_clean() {
    let env = Env::new(NOW);
    let file = write(
        &env,
        "evil.vcf",
        "BEGIN:VCARD\r\nVERSION:2.1\r\n\
         FN;ENCODING=QUOTED-PRINTABLE:Evil=0DEND:VCARD=0D=0ABEGIN:VCARD\r\n\
         ORG;ENCODING=QUOTED-PRINTABLE:ACME=0D=0A Corp\r\n\
         NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline two\r\nEND:VCARD\r\n",
    );
    env.ok(&["import", &file]);
    let list = everyone(&env);
    assert_eq!(list.len(), 1);
    let name = list[0]["name"].as_str().unwrap();
    assert!(!name.chars().any(char::is_control), "{name:?}");
    assert_eq!(name, "Evil END:VCARD BEGIN:VCARD");
    let evil = contact(&env, name);
    assert_eq!(evil["company"], "ACME Corp");
    assert_eq!(
        evil["notes"], "line one\nline two",
        "a note keeps its line break"
    );
    // and the card written back is one card with the clean name
    let cards = env.ok(&["export", "vcard"]);
    let begins = cards.lines().filter(|l| *l == "BEGIN:VCARD").count();
    assert_eq!(begins, 1, "{cards}");
    assert!(
        cards.contains("FN:Evil END:VCARD BEGIN:VCARD\r\n"),
        "{cards}"
    );
}

#[test]
fn the_error_list_names_the_first_twenty_bad_cards_and_counts_the_rest() {
    let env = Env::new(NOW);
    let mut text = String::new();
    for i in 0..30 {
        text.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nBDAY:{}\r\nEND:VCARD\r\n",
            "9".repeat(500)
        ));
    }
    let file = write(&env, "many.vcf", &text);
    let err = env.fails(&["import", &file], 2);
    // after the notice of the new database, if any, the refusal
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("draht: created a new database"))
        .collect();
    assert!(lines[0].contains("30 cards cannot be imported"), "{err}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("BDAY")).count(),
        20,
        "{err}"
    );
    assert!(err.contains("… and 10 more cards"), "{err}");
    assert!(lines.iter().all(|l| l.chars().count() < 300), "{err}");
}

#[test]
fn re_importing_the_own_export_changes_nothing_also_after_an_edit() {
    let env = Env::new(NOW);
    for name in ["google.vcf", "apple.vcf", "outlook.vcf", "plain4.vcf"] {
        env.ok(&["import", &fixture(name)]);
    }
    env.ok(&["edit", "Lea Brandt", "--role", "Partnerin", "--tag", "Kiel"]);
    let exported = env.ok(&["export", "vcard"]);
    let before = env.ok(&["export", "json"]);
    let file = write(&env, "own.vcf", &exported);
    let report = env.json(&["import", &file]);
    assert_eq!(report["updated"], json!([]), "{report}");
    assert_eq!(report["added"], json!([]), "{report}");
    assert_eq!(env.ok(&["export", "json"]), before);
    assert_eq!(env.ok(&["export", "vcard"]), exported);
}
