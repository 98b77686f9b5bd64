//! Hostile input (the fuzz targets run as unit tests of `draht::fuzz` on
//! their saved corpus and generated input). Names and notes
//! full of control characters, bidi overrides, emoji, SQL meta-characters
//! and 100 KB of text are stored tidied (no control character but a note's
//! line breaks and tabs, no bidi override or zero-width character: see
//! `draht::text::tidy_line`) and then round-trip exactly, and text output
//! never carries a raw control character.

use serde_json::Value;

use draht::text::{tidy_line, tidy_note};

use crate::harness::Env;

// HOSTILE: text a user may paste, and text meant to break things (one
// list for these tests and the fuzz targets' generated backups).
include!("../hostile_text.rs");

/// Whether `c` could move the cursor, change the terminal or reorder a
/// line: a control character or a bidi embedding, override or isolate.
pub fn is_unsafe_on_screen(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// No control character but the line breaks, and no line started by data.
fn assert_clean_text(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| is_unsafe_on_screen(*c) && *c != '\n')
        .collect();
    assert!(bad.is_empty(), "{what} printed raw {bad:?}: {text:?}");
    assert!(
        !text.lines().any(|l| l.trim_start().starts_with("MARK")),
        "{what} printed a raw newline from data: {text:?}"
    );
}

fn texts(values: &Value, key: &str) -> Vec<String> {
    values
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {values}"))
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn hostile_names_and_notes_are_stored_tidied() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    for s in HOSTILE {
        let out = env.ok(&["add", s, "--note", s, "--every", "1w"]);
        assert_clean_text("add", &out);
        assert_clean_text("log", &env.ok(&["log", s, "call", s]));
        assert_clean_text("hook", &env.ok(&["hook", s, s, "--kind", "hobby"]));
        assert_clean_text("remind", &env.ok(&["remind", s, "friday", s]));
        let (line, note) = (tidy_line(s), tidy_note(s));
        for query in [*s, line.as_str()] {
            let brief = env.json(&["show", query]);
            assert_eq!(brief["contact"]["name"], line.as_str());
            assert_eq!(brief["contact"]["notes"], note.as_str());
            assert_eq!(texts(&brief["touches"], "note"), [note.as_str()]);
            assert_eq!(texts(&brief["hooks"], "text"), [line.as_str()]);
            assert_eq!(texts(&brief["followups"], "note"), [note.as_str()]);
        }
        assert_clean_text("show", &env.ok(&["show", s]));
    }
    let mut listed = texts(&env.json(&["list"]), "name");
    let mut expected: Vec<String> = HOSTILE.iter().map(|s| tidy_line(s)).collect();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
    assert_clean_text("list", &env.ok(&["list"]));
    assert_clean_text("today", &env.ok(&["today", "--days", "30"]));
    env.ok(&["check"]);
}

#[test]
fn a_query_with_sql_wildcards_matches_nobody_by_accident() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna Schmidt"]);
    env.ok(&["add", "Ben Okafor"]);
    for query in ["%", "_", "%a%", "' OR 1=1 --", "\"", "*"] {
        let err = env.fails(&["show", query], 2);
        assert!(err.contains("no contact matches"), "{query:?}: {err}");
    }
}

#[test]
fn errors_quoting_hostile_text_stay_one_clean_line() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Esc\u{1b}[2J One"]);
    env.ok(&["add", "Esc\u{1b}[2J Two"]);
    for args in [
        &["show", "esc"][..],
        &["show", "nobody\nMARK \u{1b}[31m"],
        &["log", "Esc\u{1b}[2J One", "pigeon\u{1b}[5m"],
        &["snooze", "Esc\u{1b}[2J One", "soon\u{7}"],
    ] {
        let err = env.fails(args, 2);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err:?}");
        assert_clean_text("error", err.trim_end());
    }
}

#[test]
fn a_hundred_kilobyte_note_round_trips() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let line = "Ärger mit dem Angebot – 😀 ok\n";
    let big: String = line.repeat(100 * 1024 / line.len());
    let big = big.trim_end().to_string();
    assert!(big.len() > 99_000, "{}", big.len());
    env.ok(&["add", "Anna Schmidt", "--note", &big]);
    env.ok(&["log", "anna", "meet", &big]);
    let brief = env.json(&["show", "anna"]);
    assert_eq!(
        brief["contact"]["notes"].as_str().map(str::len),
        Some(big.len())
    );
    assert_eq!(brief["contact"]["notes"], big.as_str());
    assert_eq!(texts(&brief["touches"], "note"), std::slice::from_ref(&big));
    assert_clean_text("show", &env.ok(&["show", "anna"]));
}

/// An env where each hostile string is a contact's name, nickname,
/// company, role, tag and note, a touch note, a hook, a follow-up and a Jour fixe note.
fn hostile_everywhere() -> Env {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    for s in HOSTILE {
        env.ok(&[
            "add",
            s,
            "--note",
            s,
            "--nickname",
            s,
            "--company",
            s,
            "--role",
            s,
            "--tag",
            s,
            "--every",
            "2w",
        ]);
        env.ok(&["log", s, "call", s]);
        env.ok(&["hook", s, s]);
        env.ok(&["remind", s, "friday", s]);
        assert_clean_text(
            "jourfixe add",
            &env.ok(&["jourfixe", "add", s, "weekly fri 10:00", "--note", s]),
        );
    }
    env
}

#[test]
fn hostile_jour_fixe_notes_are_stored_tidied() {
    let env = hostile_everywhere();
    let listed = env.json(&["jourfixe", "list"]);
    let mut got: Vec<(String, String)> = listed
        .as_array()
        .expect("an array")
        .iter()
        .map(|jf| {
            (
                jf["name"].as_str().unwrap_or_default().to_string(),
                jf["note"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String)> = HOSTILE
        .iter()
        .map(|s| (tidy_line(s), tidy_note(s)))
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert_clean_text("jourfixe list", &env.ok(&["jourfixe", "list"]));
}

/// The contacts of a JSON backup by UID: what a vCard carries of them.
fn card_fields(backup: &Value) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = backup["contacts"]
        .as_array()
        .expect("contacts")
        .iter()
        .map(|c| {
            let fields = serde_json::json!({
                "name": c["name"], "nickname": c["nickname"], "company": c["company"],
                "role": c["role"],
                "notes": c["notes"], "tags": c["tags"],
            });
            (c["uid"].as_str().unwrap_or_default().to_string(), fields)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn hostile_text_survives_a_vcard_round_trip_exactly() {
    let from = hostile_everywhere();
    let before = card_fields(&serde_json::from_str(&from.ok(&["export", "json"])).unwrap());
    assert_eq!(before.len(), HOSTILE.len());
    for version in ["4.0", "3.0"] {
        let file = from.dir.path().join(format!("all-{version}.vcf"));
        let file = file.to_str().unwrap();
        from.ok(&["export", "vcard", "--vcard-version", version, "-o", file]);
        let to = Env::new("2026-11-23T12:00:00+01:00");
        assert_clean_text("import", &to.ok(&["import", file]));
        let after = card_fields(&serde_json::from_str(&to.ok(&["export", "json"])).unwrap());
        assert_eq!(after.len(), before.len(), "vCard {version}");
        for ((uid, want), (_, got)) in before.iter().zip(&after) {
            assert_eq!(
                got,
                &one_line_fields(want),
                "vCard {version}, contact {uid}"
            );
        }
    }
}

/// A card's one-line fields (name, nickname, company, role) read back
/// with each run of line breaks as one space; notes and tags exactly.
fn one_line_fields(fields: &Value) -> Value {
    let mut fields = fields.clone();
    for key in ["name", "nickname", "company", "role"] {
        if let Some(text) = fields[key].as_str() {
            let mut flat = String::new();
            for (i, part) in text.split(['\r', '\n']).enumerate() {
                if i > 0 && !flat.ends_with(' ') {
                    flat.push(' ');
                }
                flat.push_str(part);
            }
            fields[key] = Value::String(flat);
        }
    }
    fields
}

#[test]
fn hostile_text_survives_a_json_round_trip_byte_for_byte() {
    let from = hostile_everywhere();
    let file = from.dir.path().join("backup.json");
    let file = file.to_str().unwrap();
    from.ok(&["export", "json", "-o", file]);
    let to = Env::new("2026-11-23T12:00:00+01:00");
    assert_clean_text("restore", &to.ok(&["import", file]));
    let again = to.ok(&["export", "json"]);
    assert_eq!(again, std::fs::read_to_string(file).unwrap());
    let restored: Value = serde_json::from_str(&again).unwrap();
    for (key, field, tidy) in [
        ("contacts", "notes", tidy_note as fn(&str) -> String),
        ("touches", "note", tidy_note),
        ("hooks", "text", tidy_line),
        ("followups", "note", tidy_note),
        ("jourfixe", "note", tidy_note),
    ] {
        let mut got = texts(&restored[key], field);
        let mut expected: Vec<String> = HOSTILE.iter().map(|s| tidy(s)).collect();
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{key}");
    }
}

#[test]
fn skipped_rows_quoting_hostile_cells_are_listed_in_clean_lines() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let csv = env.dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "name,birthday,sphere\n\
         Anna,\"1980\u{1b}[2J\nMARK\u{202e}\",work\n\
         Ben,,\"pigeon\u{7}\r\nMARK\"\n\
         Cleo,,\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let report = env.ok(&["import", csv, "--skip-invalid"]);
    assert!(report.contains("Skipped 2 invalid records"), "{report}");
    assert_clean_text("import --skip-invalid", &report);
    let err = env.fails(&["import", csv], 2);
    // what happened, one line per bad row, what to do
    assert_eq!(err.trim_end().lines().count(), 4, "{err:?}");
    assert_clean_text("import", err.trim_end());
}

#[test]
fn a_touch_today_reads_today_not_today_ago() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna Schmidt", "--every", "2d"]);
    env.ok(&["log", "anna", "call", "--at", "09:00"]);
    let agenda = env.ok(&["today"]);
    assert!(agenda.contains("call today"), "{agenda}");
    assert!(!agenda.contains(" ago"), "{agenda}");
    let stats = env.ok(&["stats", "anna"]);
    assert!(stats.contains("last touch today"), "{stats}");
    assert!(!stats.contains("today ago"), "{stats}");
}
