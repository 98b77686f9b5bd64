//! The address book survives the round trip: real-world exports (Google,
//! Apple/iCloud, Outlook 2.1, Nextcloud/khard 4.0) imported and exported
//! again come back property by property, as an independent parser
//! (Python's vobject) reads them; an export re-imported exports the same
//! bytes. Every `.vcf` under tests/fixtures/ is checked, the cut-off one
//! (broken.vcf) too: its good cards come back, its bad one is refused.

use std::process::Command;

use crate::harness::Env;
use crate::import::{NOW, fixture};

/// Every address book under tests/fixtures/, by name: a fixture added
/// there is checked without being listed here.
fn fixtures() -> Vec<String> {
    let dir = std::path::Path::new(&fixture("")).to_path_buf();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".vcf"))
        .collect();
    names.sort();
    assert!(names.len() >= 9, "{names:?}");
    names
}

const COMPARE: &str = include_str!("compare_cards.py");

/// What vobject makes of `original` and `exported`: the numbers of the
/// original's cards it cannot read, and what differs.
fn differences(env: &Env, original: &str, exported: &str) -> (Vec<u64>, Vec<String>) {
    let script = env.dir.path().join("compare_cards.py");
    std::fs::write(&script, COMPARE).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(original)
        .arg(exported)
        .output()
        .expect("python3 is not installed: sudo apt-get install python3 (.ci/run needs it)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named 'vobject'"),
        "vobject is missing: python3 -m pip install vobject (.ci/run does)"
    );
    assert!(out.status.success(), "compare_cards.py failed: {stderr}");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    (
        serde_json::from_value(found["unreadable"].clone()).expect("numbers"),
        serde_json::from_value(found["problems"].clone()).expect("a list"),
    )
}

/// Each fixture imported (a cut-off card skipped, as `--skip-invalid`
/// does) and exported comes back property by property; the cards draht
/// refuses are exactly those vobject cannot read either.
#[test]
fn every_fixture_comes_back_property_by_property() {
    for name in fixtures() {
        let env = Env::new(NOW);
        let report = env.json(&["import", &fixture(&name), "--skip-invalid"]);
        let refused: Vec<u64> = report["invalid"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["card"].as_u64().expect("a card number"))
            .collect();
        let exported = env.dir.path().join("exported.vcf");
        env.ok(&["export", "vcard", "-o", exported.to_str().unwrap()]);
        let (unreadable, problems) = differences(&env, &fixture(&name), exported.to_str().unwrap());
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        assert_eq!(refused, unreadable, "{name}: {report}");
        let text = std::fs::read_to_string(&exported).unwrap();
        if text.contains("VERSION:3.0") {
            assert!(
                !text.contains("CHARSET"),
                "{name}: 3.0 has no CHARSET\n{text}"
            );
        }
    }
}

#[test]
fn export_then_import_then_export_is_byte_identical() {
    for name in fixtures() {
        for version in [None, Some("3.0"), Some("4.0")] {
            let env = Env::new(NOW);
            env.ok(&["import", &fixture(&name), "--skip-invalid"]);
            let first = env.dir.path().join("first.vcf");
            let mut args = vec!["export", "vcard", "-o", first.to_str().unwrap()];
            if let Some(v) = version {
                args.extend(["--vcard-version", v]);
            }
            env.ok(&args);
            let fresh = Env::new(NOW);
            fresh.ok(&["import", first.to_str().unwrap()]);
            let mut again = vec!["export", "vcard"];
            if let Some(v) = version {
                again.extend(["--vcard-version", v]);
            }
            assert_eq!(
                fresh.ok(&again),
                std::fs::read_to_string(&first).unwrap(),
                "{name}, version {version:?}"
            );
        }
    }
}

#[test]
fn a_changed_contact_changes_only_its_own_properties() {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("icloud.vcf")]);
    env.ok(&[
        "edit",
        "Prof. Dr. Marie Luise Brandt-Okonkwo MBA",
        "--role",
        "Ärztliche Direktorin",
        "--phone",
        "+49 40 1111",
        "--tag",
        "Jazz",
    ]);
    let exported = env.ok(&["export", "vcard"]).replace("\r\n ", "");
    for kept in [
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/",
        "item3.ADR;type=WORK;type=pref:;;Martinistraße 52;Hamburg;;20246;Deutschland\r\n",
        "item7.X-ABRELATEDNAMES;type=pref:Chidi Okonkwo\r\nitem7.X-ABLabel:_$!<Spouse>!$_\r\n",
        "N:Brandt-Okonkwo;Marie;Luise;Prof. Dr.;MBA\r\n",
        "X-SOCIALPROFILE;type=linkedin;x-user=malu-brandt:",
        "item2.TEL:+49 40 7410-52301\r\nitem2.X-ABLabel:Sekretariat\r\n",
    ] {
        assert!(exported.contains(kept), "{kept:?} in\n{exported}");
    }
    assert!(
        exported.contains("TITLE:Ärztliche Direktorin\r\n"),
        "{exported}"
    );
    assert!(exported.contains("TEL:+49 40 1111\r\n"), "{exported}");
    assert!(
        exported.contains("CATEGORIES:Familie,Jazz,Ärzte\r\n"),
        "{exported}"
    );
    assert!(!exported.contains("CHARSET"), "{exported}");
}
