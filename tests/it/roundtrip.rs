//! Round trips that must change nothing: vCard, vdir and the JSON backup.

use serde_json::json;

use crate::harness::Env;
use crate::import::{NOW, fixture};

const FIXTURES: [&str; 5] = [
    "google.vcf",
    "apple.vcf",
    "outlook.vcf",
    "plain4.vcf",
    "broken.vcf",
];

/// Every realistic fixture imported (the broken card skipped).
fn address_book() -> Env {
    let env = Env::new(NOW);
    for name in FIXTURES {
        env.ok(&["import", &fixture(name), "--skip-invalid"]);
    }
    env
}

#[test]
fn vcard_import_export_import_changes_nothing() {
    for version in ["4.0", "3.0"] {
        let env = address_book();
        let before = env.ok(&["export", "json"]);
        let path = env.dir.path().join("all.vcf");
        env.ok(&[
            "export",
            "vcard",
            "--vcard-version",
            version,
            "-o",
            path.to_str().unwrap(),
        ]);
        let report = env.json(&["import", path.to_str().unwrap()]);
        assert_eq!(report["added"], json!([]), "{version}");
        assert_eq!(report["updated"], json!([]), "{version}");
        assert_eq!(report["unchanged"], 12, "{version}");
        assert_eq!(
            env.ok(&["export", "json"]),
            before,
            "{version}: the database is unchanged"
        );

        // Into a fresh database: the same contacts, UIDs included.
        let fresh = Env::new(NOW);
        fresh.ok(&["import", path.to_str().unwrap()]);
        assert_eq!(
            fresh.ok(&["export", "vcard", "--vcard-version", version]),
            std::fs::read_to_string(&path).unwrap()
        );
    }
}

#[test]
fn vdir_export_import_changes_nothing() {
    let env = address_book();
    let before = env.ok(&["export", "json"]);
    let vdir = env.dir.path().join("book");
    env.ok(&["export", "vdir", "-o", vdir.to_str().unwrap()]);
    let report = env.json(&["import", vdir.to_str().unwrap()]);
    assert_eq!(
        (report["added"].clone(), report["updated"].clone()),
        (json!([]), json!([]))
    );
    assert_eq!(report["unchanged"], 12);
    assert_eq!(env.ok(&["export", "json"]), before);

    let fresh = Env::new(NOW);
    fresh.ok(&["import", vdir.to_str().unwrap()]);
    assert_eq!(fresh.ok(&["export", "vcard"]), env.ok(&["export", "vcard"]));
}

/// A database with touches (one with two people), hooks, follow-ups, a
/// Jour fixe with a skipped date, an archived contact and a deleted one
/// (a gap in the ids).
fn lived_in() -> Env {
    let mut env = Env::new("2026-11-02T09:00:00+01:00");
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--every",
        "2w",
        "--sphere",
        "work",
        "--tag",
        "client",
        "--birthday",
        "--04-12",
    ]);
    env.ok(&[
        "add",
        "Jonas Weber",
        "--every",
        "4w",
        "--min-channel",
        "meet",
        "--email",
        "jonas@example.org",
    ]);
    env.ok(&["add", "Temp Person"]);
    env.ok(&["add", "Clara Hoffmann", "--nickname", "Clari"]);
    env.ok(&["rm", "Temp Person", "--yes"]);
    env.ok(&["hook", "anna", "Q3 launch went live", "--kind", "project"]);
    env.at("2026-11-10T18:00:00+01:00");
    env.ok(&[
        "log",
        "anna",
        "coffee",
        "Q3 review",
        "--with",
        "jonas",
        "--rating",
        "1",
        "--hook",
        "1",
    ]);
    env.ok(&["log", "jonas", "call", "--missed"]);
    env.ok(&["remind", "anna", "2026-11-20", "send the offer"]);
    env.ok(&["remind", "clara", "2026-11-12", "ask about golf"]);
    env.ok(&["done", "2"]);
    env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "every 2nd tue 10:00",
        "--channel",
        "video",
    ]);
    env.ok(&["jourfixe", "skip", "1", "2026-12-08"]);
    env.ok(&["snooze", "clara", "2026-12-24"]);
    env.ok(&["archive", "Clara Hoffmann"]);
    env.at(NOW);
    env
}

#[test]
fn json_export_restore_into_an_empty_db_and_export_again_is_byte_identical() {
    let env = lived_in();
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", backup.to_str().unwrap()]);
    let text = std::fs::read_to_string(&backup).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed["touches"][0]["participants"], json!([1, 2]));
    assert_eq!(
        parsed["contacts"][2]["id"], 4,
        "the deleted contact's id stays a gap"
    );

    let fresh = Env::new(NOW);
    let out = fresh.ok(&["import", backup.to_str().unwrap()]);
    assert!(
        out.contains("Restored 3 contacts, 2 touches, 1 hook, 2 follow-ups and 1 Jour fixe"),
        "{out}"
    );
    assert_eq!(fresh.ok(&["export", "json"]), text);
    // What a user sees is the same too.
    assert_eq!(fresh.ok(&["show", "anna"]), env.ok(&["show", "anna"]));
    assert_eq!(fresh.ok(&["today"]), env.ok(&["today"]));
    assert_eq!(
        fresh.ok(&["jourfixe", "list"]),
        env.ok(&["jourfixe", "list"])
    );
}

#[test]
fn json_import_into_a_database_with_contacts_is_refused_and_changes_nothing() {
    let env = lived_in();
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", backup.to_str().unwrap()]);
    let before = env.db_bytes();
    let err = env.fails(&["import", backup.to_str().unwrap()], 2);
    assert!(
        err.contains("already holds 3 contacts and 2 touches"),
        "{err}"
    );
    assert!(
        err.contains("restored only into an empty database"),
        "{err}"
    );
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn json_backup_with_vcard_flags_is_refused() {
    let env = lived_in();
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", backup.to_str().unwrap()]);
    let fresh = Env::new(NOW);
    let err = fresh.fails(&["import", backup.to_str().unwrap(), "--every", "2w"], 2);
    assert!(err.contains("restored exactly as it was written"), "{err}");
}

#[test]
fn a_json_backup_keeps_the_cards_and_when_cadences_started() {
    let mut env = address_book();
    env.at("2026-11-30T08:00:00+01:00");
    env.ok(&["edit", "Lea Brandt", "--every", "4w"]);
    let backup = env.dir.path().join("backup.json");
    env.ok(&["export", "json", "-o", backup.to_str().unwrap()]);
    let fresh = Env::new("2026-11-30T08:00:00+01:00");
    fresh.ok(&["import", backup.to_str().unwrap()]);
    assert_eq!(
        fresh.ok(&["export", "vcard"]),
        env.ok(&["export", "vcard"]),
        "photos, addresses and X- properties came back"
    );
    assert!(
        fresh
            .ok(&["export", "vcard"])
            .contains("PHOTO;ENCODING=b;TYPE=JPEG:")
    );
    assert_eq!(
        fresh.json(&["show", "Lea Brandt"])["checkin"]["due"],
        "2026-11-30",
        "the cadence still starts the day it was set"
    );
    // and a re-import of an address book finds its contacts again
    let report = fresh.json(&["import", &fixture("google.vcf")]);
    assert_eq!(report["added"], json!([]), "{report}");
    assert_eq!(report["updated"], json!([]), "{report}");
}

/// The card fields of every contact in `export json`, by UID.
fn card_fields_of(env: &Env) -> Vec<serde_json::Value> {
    let backup: serde_json::Value = serde_json::from_str(&env.ok(&["export", "json"])).unwrap();
    let mut out: Vec<serde_json::Value> = backup["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            serde_json::json!({
                "uid": c["uid"], "name": c["name"], "nickname": c["nickname"],
                "sphere": c["sphere"], "company": c["company"], "role": c["role"],
                "emails": c["emails"], "phones": c["phones"], "birthday": c["birthday"],
                "tags": c["tags"], "notes": c["notes"], "cadence_days": c["cadence_days"],
            })
        })
        .collect();
    out.sort_by_key(|c| c["uid"].as_str().unwrap_or_default().to_string());
    out
}

#[test]
fn csv_export_import_keeps_separators_labels_and_formulas_exact() {
    let from = Env::new("2026-11-23T12:00:00+01:00");
    from.ok(&[
        "add",
        "=HYPERLINK(\"http://evil.example\";\"x\")",
        "--email",
        "anna@acme.example (work)",
        "--email",
        "anna;second@home.example",
        "--phone",
        "+49 (89) 123456-0 (office)",
        "--tag",
        "a;b",
        "--tag",
        "google ::: style",
        "--company",
        "@ACME; Sales \\ Co",
        "--note",
        "-1 owes us\nline two; (three)",
        "--every",
        "3w",
        "--sphere",
        "work",
    ]);
    from.ok(&[
        "add",
        "Ben (the) Okafor",
        "--phone",
        "0171 (0) 555",
        "--birthday",
        "--02-29",
    ]);
    let csv = from.dir.path().join("people.csv");
    from.ok(&["export", "csv", "-o", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("'=HYPERLINK"), "formula-safe: {text}");
    let to = Env::new("2026-11-23T12:00:00+01:00");
    to.ok(&["import", csv.to_str().unwrap()]);
    let mut want = card_fields_of(&from);
    let mut got = card_fields_of(&to);
    // the CSV holds no sphere for a private contact and a cadence in days,
    // both as they were
    for c in want.iter_mut().chain(got.iter_mut()) {
        c.as_object_mut().unwrap().remove("sphere");
    }
    assert_eq!(got, want);
    let anna = got
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with("=HYPERLINK"))
        .unwrap();
    assert_eq!(
        anna["emails"],
        serde_json::json!([
            {"value": "anna@acme.example", "label": "work"},
            {"value": "anna;second@home.example"}
        ])
    );
}
