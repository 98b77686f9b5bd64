//! Hostile input. The fuzz targets of `draht::fuzz` run here on every saved
//! input in tests/fuzz_corpus/NAME/ and on generated input; names and notes
//! full of control characters, bidi overrides, emoji, SQL meta-characters
//! and 100 KB of text are stored tidied (no control character but a note's
//! line breaks and tabs, no bidi override or zero-width character: see
//! `draht::text::tidy_line`) and then round-trip exactly, and text output
//! never carries a raw control character.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use draht::fuzz::{TARGETS, Target};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use draht::text::{tidy_line, tidy_note};

use crate::harness::Env;

fn corpus_dir(target: &Target) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target.name)
}

#[test]
fn every_saved_fuzz_input_still_passes() {
    for target in TARGETS {
        let dir = corpus_dir(target);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e} (every target keeps a corpus)", dir.display()))
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{} is empty", dir.display());
        for file in files {
            let data = std::fs::read(&file).expect("read corpus file");
            let run = catch_unwind(AssertUnwindSafe(|| (target.run)(&data)));
            assert!(run.is_ok(), "{} fails again", file.display());
        }
    }
}

/// Generated cases per target and kind: `DRAHT_FUZZ_CASES` raises it for
/// a longer hunt.
fn cases() -> u32 {
    std::env::var("DRAHT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Runs `target` on input from `strategy`; a failure names the shrunk input
/// and where to save it.
fn hunt(target: &Target, kind: &str, strategy: impl Strategy<Value = Vec<u8>>) {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, |data| {
        (target.run)(&data);
        Ok(())
    }) {
        panic!(
            "fuzz target {} ({kind} input): {e}\nsave that input as a file in {}",
            target.name,
            corpus_dir(target).display()
        );
    }
}

/// Four bytes of "now", then a few words of the target's language.
fn phrases(words: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    let gaps = ["", " ", "  "];
    (
        any::<[u8; 4]>(),
        vec((0..words.len(), 0..gaps.len()), 0..12),
    )
        .prop_map(move |(now, picks)| {
            let mut data = now.to_vec();
            for (n, (word, gap)) in picks.into_iter().enumerate() {
                if n > 0 {
                    data.extend(gaps[gap].as_bytes());
                }
                data.extend(words[word].as_bytes());
            }
            data
        })
}

#[test]
fn fuzz_targets_survive_random_bytes() {
    for target in TARGETS {
        hunt(target, "random bytes", vec(any::<u8>(), 0..64));
    }
}

#[test]
fn fuzz_targets_survive_phrases_of_their_language() {
    for target in TARGETS {
        hunt(target, "phrase", phrases(target.words));
    }
}

/// Text a user may paste, and text meant to break things. The tail after
/// each newline starts with MARK: a line of output starting with it means
/// a raw newline got through.
pub const HOSTILE: &[&str] = &[
    "Zoë \"Zed\" O'Brien",
    "Robert'); DROP TABLE contacts;--",
    "100% _under_ \\back\\slash %s {0} $HOME",
    "Line one\nMARK line two",
    "Tab\there\rCR\r\nMARK crlf",
    "Bell\u{7} Esc\u{1b}[31mred\u{1b}[0m\u{1b}]0;title\u{7}",
    "C1\u{9b}2J csi\u{85}nel\u{7f}del",
    "\u{202e}txt.exe\u{202c} RTL override",
    "مرحبا שלום mixed עברית",
    "👩\u{200d}👩\u{200d}👧 family 🇩🇪 flag",
    "e\u{301}\u{301}\u{301} combining",
    "\u{200b}zero\u{feff}width",
];

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

/// Text for generated records: the hostile set, arbitrary Unicode, blanks.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(HOSTILE).prop_map(str::to_string),
        any::<String>(),
        Just(String::new()),
        Just("  padded  ".to_string()),
    ]
}

/// A backup as `export json` writes it, built from hostile text, with
/// references that are mostly right and sometimes not (a touch, hook,
/// follow-up or Jour fixe of a missing contact; a repeated tag; a rating
/// of 2).
fn generated_backup() -> impl Strategy<Value = Value> {
    let names = proptest::sample::subsequence(HOSTILE.to_vec(), 1..5);
    let details = vec(
        (
            any_text(),
            vec(proptest::sample::select(HOSTILE), 0..3),
            any::<bool>(),
        ),
        5,
    );
    let touches = vec((1i64..6, any_text(), -1i64..3, any::<bool>()), 0..5);
    let texts = || vec((1i64..6, any_text()), 0..4);
    (names, details, touches, texts(), texts(), texts()).prop_map(
        |(names, details, touches, hooks, followups, jourfixe)| {
            let at = "2026-11-23T11:00:00Z";
            let contacts: Vec<Value> = names
                .into_iter()
                .zip(details)
                .enumerate()
                .map(|(i, (name, (notes, tags, archived)))| {
                    serde_json::json!({
                        "id": i + 1, "uid": format!("uid-{i}"), "name": name,
                        "nickname": null, "sphere": "work", "tags": tags,
                        "company": notes, "role": null, "emails": [], "phones": [],
                        "birthday": "--04-12", "notes": notes, "cadence_days": 14,
                        "min_channel": null, "snoozed_until": null,
                        "archived": archived, "created_at": at
                    })
                })
                .collect();
            let touches: Vec<Value> = touches
                .into_iter()
                .enumerate()
                .map(|(i, (who, note, rating, with_first))| {
                    let mut participants = vec![who];
                    if with_first && who != 1 {
                        participants.push(1);
                    }
                    serde_json::json!({
                        "id": i + 1, "at": at, "channel": "call", "note": note,
                        "outcome": "done", "rating": rating, "hook_id": null,
                        "participants": participants
                    })
                })
                .collect();
            let record = |(i, (who, text)): (usize, (i64, String)), shape: &str| match shape {
                "hook" => serde_json::json!({
                    "id": i + 1, "contact_id": who, "kind": "hobby", "text": text,
                    "created_at": at, "used_at": null
                }),
                "followup" => serde_json::json!({
                    "id": i + 1, "contact_id": who, "due": "2026-11-27", "note": text,
                    "created_at": at, "done_at": null
                }),
                _ => serde_json::json!({
                    "id": i + 1, "contact_id": who, "start": "2026-12-04",
                    "rrule": "FREQ=WEEKLY;BYDAY=FR", "time": "10:00:00",
                    "duration_minutes": 30, "channel": "call", "note": text,
                    "active": true, "skipped": []
                }),
            };
            let section = |items: Vec<(i64, String)>, shape: &str| -> Vec<Value> {
                items
                    .into_iter()
                    .enumerate()
                    .map(|item| record(item, shape))
                    .collect()
            };
            serde_json::json!({
                "format": "draht-backup", "version": 1, "exported_at": at,
                "contacts": contacts, "touches": touches,
                "hooks": section(hooks, "hook"),
                "followups": section(followups, "followup"),
                "jourfixe": section(jourfixe, "jourfixe"),
            })
        },
    )
}

#[test]
fn generated_backups_restore_tidied_or_are_refused_in_words() {
    let json_import = TARGETS
        .iter()
        .find(|t| t.name == "json_import")
        .expect("the json_import target");
    let strategy = (any::<[u8; 4]>(), generated_backup()).prop_map(|(now, backup)| {
        let mut data = now.to_vec();
        data.extend(serde_json::to_vec(&backup).expect("JSON"));
        data
    });
    hunt(json_import, "generated backup", strategy);
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
