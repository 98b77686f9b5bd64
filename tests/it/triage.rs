//! `draht triage` with keys from standard input, one per line.

use serde_json::Value;

use crate::harness::Env;
use crate::import::{NOW, contact};

/// Four people without a cadence (walked by name) and one with.
fn people() -> Env {
    let env = Env::new(NOW);
    for name in ["Dora", "Anna", "Clara", "Ben"] {
        env.ok(&["add", name]);
    }
    env.ok(&["add", "Erik", "--every", "1w"]);
    env
}

fn triage(env: &Env, keys: &str) -> (String, String) {
    let out = env
        .cmd()
        .arg("triage")
        .write_stdin(keys)
        .output()
        .expect("run draht");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn one_key_per_contact_sets_cadences_skips_and_archives() {
    let env = people();
    let (summary, prompts) = triage(&env, "w\nq\ns\na\n");
    assert_eq!(
        summary,
        "Set 2 cadences, archived 1, skipped 1; 1 contact is still without a cadence.\n"
    );
    assert!(prompts.contains("[1/4] Anna · private"), "{prompts}");
    assert!(prompts.contains("[4/4] Dora"), "{prompts}");
    assert_eq!(contact(&env, "Anna")["cadence_days"], 14);
    assert_eq!(contact(&env, "Ben")["cadence_days"], 90, "q is quarterly");
    assert_eq!(contact(&env, "Clara")["cadence_days"], Value::Null);
    assert_eq!(contact(&env, "Dora")["archived"], true);
    assert_eq!(
        contact(&env, "Erik")["cadence_days"],
        7,
        "contacts with a cadence are not asked"
    );
}

#[test]
fn first_check_ins_are_spread_over_the_cadence() {
    let env = people();
    triage(&env, "m\nm\nm\nm\n");
    let snoozes: Vec<Value> = ["Anna", "Ben", "Clara", "Dora"]
        .iter()
        .map(|name| contact(&env, name)["snoozed_until"].clone())
        .collect();
    // i · 30 / 4 days after 23 Nov: 0, 7, 15, 22
    assert_eq!(
        snoozes,
        [
            Value::Null,
            "2026-11-30".into(),
            "2026-12-08".into(),
            "2026-12-15".into()
        ]
    );
}

#[test]
fn x_stops_and_keeps_what_was_set() {
    let env = people();
    let (summary, prompts) = triage(&env, "y\nx\nw\n");
    assert!(
        summary.starts_with("Set 1 cadence, archived 0, skipped 0; 3 contacts"),
        "{summary}"
    );
    assert!(prompts.contains("→ stopped"), "{prompts}");
    assert_eq!(contact(&env, "Anna")["cadence_days"], 365);
    assert_eq!(contact(&env, "Ben")["cadence_days"], Value::Null);
}

#[test]
fn end_of_input_stops_and_an_unknown_key_asks_again() {
    let env = people();
    let (summary, prompts) = triage(&env, "z\nm\n");
    assert!(
        prompts.contains("press one of: w every 2 weeks"),
        "{prompts}"
    );
    assert!(summary.starts_with("Set 1 cadence"), "{summary}");
    assert_eq!(contact(&env, "Anna")["cadence_days"], 30);
}

#[test]
fn nothing_to_triage_says_so() {
    let env = Env::new(NOW);
    env.ok(&["add", "Erik", "--every", "1w"]);
    let (summary, _) = triage(&env, "");
    assert_eq!(
        summary,
        "Every active contact has a cadence; nothing to triage.\n"
    );
}
