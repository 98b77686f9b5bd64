//! The fuzz targets on every saved input in tests/fuzz_corpus/NAME/ and
//! on generated input (random bytes, phrases of each target's language,
//! generated backups), in `cargo test`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use super::{TARGETS, Target};

// HOSTILE, the list tests/it/hostile_input.rs uses too
include!("../../tests/hostile_text.rs");

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
