//! `draht import`: realistic fixtures asserted field by field through
//! `show --json`, all-or-nothing imports, re-imports that update.

use serde_json::{Value, json};

use crate::harness::Env;

pub const NOW: &str = "2026-11-23T08:00:00+01:00";

/// Absolute path of a fixture file.
pub fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The `contact` object of `show NAME --json`.
pub fn contact(env: &Env, name: &str) -> Value {
    env.json(&["show", name])["contact"].clone()
}

fn handle(value: &str, label: Option<&str>) -> Value {
    match label {
        Some(label) => json!({"value": value, "label": label}),
        None => json!({"value": value}),
    }
}

/// A birthday as `show --json` prints it: `YYYY-MM-DD`, or `--MM-DD`.
fn birthday(year: Option<i32>, month: u32, day: u32) -> Value {
    match year {
        Some(year) => json!(format!("{year:04}-{month:02}-{day:02}")),
        None => json!(format!("--{month:02}-{day:02}")),
    }
}

#[test]
fn google_3_0_export_is_imported_field_by_field() {
    let env = Env::new(NOW);
    let out = env.ok(&["import", &fixture("google.vcf")]);
    assert!(out.contains("4 added, 0 updated, 0 unchanged"), "{out}");
    let anna = contact(&env, "Anna Schmidt");
    assert_eq!(anna["name"], "Anna Schmidt");
    assert_eq!(anna["nickname"], "Anni");
    assert_eq!(anna["company"], "ACME GmbH");
    assert_eq!(anna["role"], "Head of Sales");
    assert_eq!(
        anna["emails"],
        json!([
            handle("anna.schmidt@acme.example", Some("work")),
            handle("anna@schmidt.example", Some("home")),
            handle("anna@segelclub-wannsee.example", Some("segelclub")),
        ])
    );
    assert_eq!(
        anna["phones"],
        json!([
            handle("+49 170 1234567", Some("cell")),
            handle("+49 30 1234-100", Some("work")),
            handle("+49 30 555 0101", Some("büro empfang")),
        ])
    );
    assert_eq!(anna["birthday"], birthday(Some(1988), 6, 15));
    assert_eq!(
        anna["notes"],
        "Met at the Q3 launch in Hamburg.\nKids: Mia and Tom; likes sailing, coffee and long walks."
    );
    assert_eq!(anna["tags"], json!(["Kunden"]));
    assert_eq!(anna["sphere"], "private");
    assert_eq!(anna["cadence_days"], Value::Null);
    assert!(
        anna["uid"].as_str().is_some_and(|u| !u.is_empty()),
        "a UID is made up"
    );
    assert_eq!(contact(&env, "Bäckerei Kraus")["company"], "Bäckerei Kraus");
    assert_eq!(
        contact(&env, "lena.vogt@example.org")["emails"],
        json!([handle("lena.vogt@example.org", None)])
    );
}

#[test]
fn apple_card_with_a_folded_photo_is_imported_field_by_field() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("apple.vcf")]);
    let lea = contact(&env, "Lea Brandt");
    assert_eq!(lea["uid"], "6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21");
    assert_eq!(lea["nickname"], "Lele");
    assert_eq!(lea["company"], "Brandt & Partner Architekten");
    assert_eq!(lea["role"], "Architektin");
    assert_eq!(
        lea["emails"],
        json!([
            handle("lea.brandt@icloud.example", Some("home")),
            handle("lb@brandt-partner.example", Some("work")),
        ])
    );
    assert_eq!(
        lea["phones"],
        json!([
            handle("+49 151 23456789", Some("cell")),
            handle("+49 40 987654", Some("home")),
            handle("+49 40 111222", Some("other")),
        ])
    );
    assert_eq!(
        lea["birthday"],
        birthday(None, 4, 12),
        "Apple's 1604 means no year"
    );
    assert_eq!(
        lea["notes"],
        "Kennengelernt beim Segeln in Kiel. Plant im Juni einen Törn nach Dänemark; fragen, ob noch ein Platz frei ist."
    );
    assert_eq!(lea["tags"], json!(["Familie & Freunde", "Segeln"]));
    let chidi = contact(&env, "Dr. Chidi Okonkwo");
    assert_eq!(
        chidi["uid"], "0F3E8A52-1C77-4B0E-8D4B-3B2F6E9A1C04",
        "the photo swallowed nothing"
    );
    assert_eq!(chidi["birthday"], birthday(None, 12, 24));
}

#[test]
fn outlook_2_1_card_with_quoted_printable_umlauts_is_imported_field_by_field() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("outlook.vcf")]);
    let juergen = contact(&env, "mueller");
    assert_eq!(juergen["name"], "Jürgen Müller");
    assert_eq!(juergen["company"], "Grün & Söhne KG");
    assert_eq!(juergen["role"], "Einkaufsleiter");
    assert_eq!(
        juergen["emails"],
        json!([
            handle("juergen.mueller@gruen-soehne.example", None),
            handle("j.mueller@privat.example", None),
        ])
    );
    assert_eq!(
        juergen["phones"],
        json!([
            handle("+49 (89) 123456-0", Some("work")),
            handle("+49 171 9876543", Some("cell")),
            handle("+49 (89) 123456-99", Some("work fax")),
        ])
    );
    assert_eq!(juergen["birthday"], birthday(Some(1970), 3, 1));
    assert_eq!(
        juergen["notes"],
        "Kennt sich mit Grüntee aus.\nBevorzugt Anrufe vormittags; nie freitags."
    );
    let guenther = contact(&env, "Günther Björk");
    assert_eq!(guenther["notes"], "Großer Fan von Fußball.");
}

#[test]
fn plain_4_0_cards_are_imported_field_by_field_with_the_flags() {
    let env = Env::new(NOW);
    env.ok(&[
        "import",
        &fixture("plain4.vcf"),
        "--sphere",
        "work",
        "--every",
        "2w",
    ]);
    let ben = contact(&env, "Ben Okafor");
    assert_eq!(ben["uid"], "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
    assert_eq!(ben["nickname"], "Benji");
    assert_eq!(ben["company"], "Okafor Consulting Ltd.");
    assert_eq!(ben["role"], "Freelance consultant");
    assert_eq!(
        ben["emails"],
        json!([
            handle("ben@okafor.example", Some("work")),
            handle("ben.okafor@mail.example", Some("home")),
        ])
    );
    assert_eq!(
        ben["phones"],
        json!([
            handle("+44-7700-900123", Some("cell")),
            handle("+44-20-7946-0958", Some("home")),
        ])
    );
    assert_eq!(ben["birthday"], birthday(Some(1985), 4, 12));
    assert_eq!(
        ben["notes"],
        "Prefers video calls. Met through the Lisbon workshop, 2023."
    );
    assert_eq!(ben["tags"], json!(["client", "sailing"]));
    assert_eq!(ben["sphere"], "work");
    assert_eq!(ben["cadence_days"], 14);
    assert_eq!(ben["snoozed_until"], Value::Null, "a spread is no snooze");
    assert_eq!(
        env.json(&["show", "Ben Okafor"])["checkin"]["due"],
        "2026-11-23",
        "the first of two is due today"
    );
    let mama = contact(&env, "Mama");
    assert_eq!(mama["birthday"], birthday(None, 2, 29));
    assert_eq!(mama["snoozed_until"], Value::Null);
    assert_eq!(
        env.json(&["show", "Mama"])["checkin"]["due"],
        "2026-11-30",
        "the second of two comes due a week later"
    );
}

#[test]
fn broken_card_aborts_naming_file_card_and_reason_and_leaves_the_db_byte_identical() {
    let env = Env::new(NOW);
    env.ok(&["add", "Someone Else"]);
    let before = env.db_bytes();
    let err = env.fails(&["import", &fixture("broken.vcf")], 2);
    assert!(
        err.contains("import aborted, nothing was changed: ")
            && err.contains("broken.vcf: card 2: no END:VCARD"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains("--skip-invalid to import the 2 good ones"),
        "{err}"
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn skip_invalid_imports_the_good_cards_and_lists_the_bad_one() {
    let env = Env::new(NOW);
    let out = env.ok(&["import", &fixture("broken.vcf"), "--skip-invalid"]);
    assert!(out.contains("2 added"), "{out}");
    assert!(out.contains("Skipped 1 invalid record:"), "{out}");
    assert!(out.contains("broken.vcf: card 2: no END:VCARD"), "{out}");
    let names: Vec<Value> = env
        .json(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(names, [json!("Clara Neumann"), json!("Paul Richter")]);
    assert_eq!(
        contact(&env, "Paul Richter")["birthday"],
        birthday(None, 7, 4)
    );
}

#[test]
fn dry_run_reports_and_leaves_the_db_byte_identical() {
    let env = Env::new(NOW);
    env.ok(&["add", "Someone Else"]);
    let before = env.db_bytes();
    let report = env.json(&["import", &fixture("google.vcf"), "--dry-run"]);
    assert_eq!(report["dry_run"], true);
    assert_eq!(
        report["added"],
        json!([
            "Anna Schmidt",
            "Jonas Weber",
            "Bäckerei Kraus",
            "lena.vogt@example.org"
        ])
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn reimport_of_an_updated_file_updates_and_keeps_what_draht_added() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("google.vcf")]);
    env.ok(&["import", &fixture("apple.vcf")]);
    env.ok(&["edit", "Anna Schmidt", "--every", "3w", "--sphere", "work"]);
    env.ok(&["log", "anna", "call", "Q3 review"]);
    env.ok(&["hook", "anna", "sailing in June", "--kind", "hobby"]);
    env.ok(&["edit", "Lea Brandt", "--every", "6w"]);
    let google = std::fs::read_to_string(fixture("google.vcf"))
        .unwrap()
        .replace("TITLE:Head of Sales", "TITLE:VP Sales");
    let apple = std::fs::read_to_string(fixture("apple.vcf"))
        .unwrap()
        .replace("FN:Lea Brandt", "FN:Lea Brandt-Meyer");
    let dir = env.dir.path();
    std::fs::write(dir.join("google2.vcf"), google).unwrap();
    std::fs::write(dir.join("apple2.vcf"), apple).unwrap();
    let report = env.json(&["import", dir.join("google2.vcf").to_str().unwrap()]);
    assert_eq!(report["added"], json!([]));
    assert_eq!(
        report["updated"],
        json!([{"name": "Anna Schmidt", "fields": ["role"]}])
    );
    assert_eq!(report["unchanged"], 3);
    let report = env.json(&["import", dir.join("apple2.vcf").to_str().unwrap()]);
    assert_eq!(
        report["updated"],
        json!([{"name": "Lea Brandt-Meyer", "fields": ["name"]}]),
        "matched by UID"
    );
    assert_eq!(
        env.json(&["list"]).as_array().unwrap().len(),
        6,
        "never a duplicate"
    );
    let brief = env.json(&["show", "Anna Schmidt"]);
    assert_eq!(brief["contact"]["role"], "VP Sales");
    assert_eq!(brief["contact"]["cadence_days"], 21);
    assert_eq!(brief["contact"]["sphere"], "work");
    assert_eq!(brief["touches"].as_array().unwrap().len(), 1);
    assert_eq!(brief["hooks"][0]["text"], "sailing in June");
    assert_eq!(contact(&env, "Lea Brandt-Meyer")["cadence_days"], 42);
}

#[test]
fn group_cards_are_skipped() {
    let env = Env::new(NOW);
    let path = env.dir.path().join("groups.vcf");
    std::fs::write(
        &path,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Segelclub\r\nMEMBER:urn:uuid:1\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nFN:Familie\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Okafor\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let out = env.ok(&["import", path.to_str().unwrap()]);
    assert!(out.contains("1 added"), "{out}");
    assert!(out.contains("Skipped 2 group cards"), "{out}");
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 1);
}

#[test]
fn vdir_folder_is_imported_one_card_per_file() {
    let env = Env::new(NOW);
    let vdir = env.dir.path().join("contacts");
    std::fs::create_dir(&vdir).unwrap();
    std::fs::copy(fixture("plain4.vcf"), vdir.join("a.vcf")).unwrap();
    std::fs::copy(fixture("apple.vcf"), vdir.join("b.vcf")).unwrap();
    std::fs::write(vdir.join("notes.txt"), "not a card").unwrap();
    let report = env.json(&["import", vdir.to_str().unwrap()]);
    assert_eq!(
        report["added"],
        json!(["Ben Okafor", "Mama", "Lea Brandt", "Dr. Chidi Okonkwo"])
    );
}

#[test]
fn google_contacts_csv_is_imported_field_by_field() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("google.csv")]);
    let anna = contact(&env, "Anna Schmidt");
    assert_eq!(anna["company"], "ACME GmbH");
    assert_eq!(anna["role"], "Head of Sales");
    assert_eq!(anna["nickname"], "Anni");
    assert_eq!(
        anna["emails"][2],
        handle("anna@segelclub-wannsee.example", Some("home"))
    );
    assert_eq!(anna["phones"][0], handle("+49 170 1234567", Some("mobile")));
    assert_eq!(anna["tags"], json!(["Kunden"]));
    assert_eq!(
        contact(&env, "Jonas Weber")["birthday"],
        birthday(None, 11, 2)
    );
    assert_eq!(
        contact(&env, "Dr. Lena Vogt")["emails"],
        json!([handle("lena.vogt@example.org", None)])
    );
}

#[test]
fn own_csv_sets_cadence_and_sphere_per_row() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("own.csv")]);
    let clara = contact(&env, "Clara Hoffmann");
    assert_eq!(clara["uid"], "clara-hoffmann-1");
    assert_eq!(clara["sphere"], "work");
    assert_eq!(clara["cadence_days"], 21);
    assert_eq!(
        clara["phones"],
        json!([handle("+49 (89) 123456-0", Some("office"))])
    );
    assert_eq!(contact(&env, "Paul Richter")["cadence_days"], 30);
    assert_eq!(contact(&env, "Mehmet Yilmaz")["cadence_days"], Value::Null);
}

#[test]
fn unreadable_path_and_unknown_content_say_what_to_give() {
    let env = Env::new(NOW);
    let err = env.fails(&["import", "/nonexistent/people.vcf"], 2);
    assert!(err.contains("cannot read /nonexistent/people.vcf"), "{err}");
    let odd = env.dir.path().join("people.txt");
    std::fs::write(&odd, "hello").unwrap();
    let err = env.fails(&["import", odd.to_str().unwrap()], 2);
    assert!(err.contains("--format vcard, csv or json"), "{err}");
    let err = env.fails(&["import", &fixture("google.vcf"), "--every", "soon"], 2);
    assert!(err.contains("soon"), "{err}");
}
