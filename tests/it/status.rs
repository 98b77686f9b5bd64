//! `draht status`: the one line for a status bar, and the JSON that
//! waybar's custom module and i3status-rust's custom block read.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::harness::Env;

/// Jonas overdue, "Ben & Jerry <B&J>" due today, Anna's Jour fixe at 10:00.
fn people() -> Env {
    let env = Env::new("2026-12-08T07:00:00+01:00");
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Jonas Weber", "--every", "1w"]);
    env.ok(&["log", "jonas", "call", "--at", "2026-11-10"]);
    env.ok(&["add", "Ben & Jerry <B&J>", "--every", "1w"]);
    env.ok(&["log", "ben", "call", "--at", "2026-12-01"]);
    env.ok(&["jourfixe", "add", "anna", "weekly tue 10:00"]);
    env.ok(&["remind", "anna", "2026-12-08", "send the offer"]);
    env
}

/// Whether `text` is well-formed Pango markup (XML without a root):
/// xmllint reads it inside one element.
fn well_formed_markup(text: &str) -> bool {
    let mut child = Command::new("xmllint")
        .args(["--noout", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("xmllint is missing: apt-get install libxml2-utils (.ci/run does)");
    let doc = format!("<markup>{text}</markup>");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc.as_bytes())
        .unwrap();
    child.wait().unwrap().success()
}

#[test]
fn the_plain_line_counts_who_to_call_and_names_the_next_jour_fixe() {
    let mut env = people();
    env.at("2026-12-08T09:30:00+01:00");
    assert_eq!(env.ok(&["status"]), "☎ 2 · JF 10:00 Anna\n");
    assert_eq!(
        env.ok(&["status", "--format", "plain"]),
        "☎ 2 · JF 10:00 Anna\n"
    );
    // once the Jour fixe is over, only the count
    env.at("2026-12-08T10:45:00+01:00");
    assert_eq!(env.ok(&["status"]), "☎ 2\n");
    let empty = Env::new("2026-12-08T09:30:00+01:00");
    assert_eq!(empty.ok(&["status"]), "☎ 0\n");
}

#[test]
fn waybar_gets_one_line_of_its_custom_module_fields() {
    let mut env = people();
    env.at("2026-12-08T09:30:00+01:00");
    let out = env.ok(&["status", "--format", "waybar"]);
    assert_eq!(
        out.lines().count(),
        1,
        "waybar reads one JSON object per line: {out}"
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let fields: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let known: BTreeSet<&str> = ["text", "alt", "tooltip", "class", "percentage"].into();
    assert!(fields.is_subset(&known), "{fields:?} are not all waybar's");
    for field in ["text", "tooltip", "class", "alt"] {
        assert!(v[field].is_string(), "{field}: {v}");
    }
    assert_eq!(v["text"], "☎ 2 · JF 10:00 Anna");
    assert_eq!(v["class"], "overdue");
    let tooltip = v["tooltip"].as_str().unwrap();
    assert_eq!(
        tooltip.lines().collect::<Vec<_>>(),
        [
            "To call: Jonas Weber (21d), Ben &amp; Jerry &lt;B&amp;J&gt;",
            "Jour fixe 10:00: Anna Schmidt (call)",
            "Follow-up: Anna Schmidt — send the offer",
        ]
    );
    assert!(well_formed_markup(v["text"].as_str().unwrap()));
    assert!(well_formed_markup(tooltip), "{tooltip}");
    assert!(
        !well_formed_markup("Ben & Jerry"),
        "the markup check can fail"
    );

    // nobody due, nothing today: ok
    let quiet = Env::new("2026-12-08T09:30:00+01:00");
    let v: Value = serde_json::from_str(&quiet.ok(&["status", "--format", "waybar"])).unwrap();
    assert_eq!(v["class"], "ok");
    assert_eq!(v["tooltip"], "Nobody to call today.");
}

#[test]
fn i3status_rust_gets_its_custom_block_json() {
    let mut env = people();
    env.at("2026-12-08T09:30:00+01:00");
    let out = env.ok(&["status", "--format", "i3status-rust"]);
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    let fields: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(fields, ["icon", "short_text", "state", "text"].into());
    assert_eq!(v["text"], "☎ 2 · JF 10:00 Anna");
    assert_eq!(v["short_text"], "☎ 2");
    assert_eq!(v["state"], "Warning");
    let states = ["Idle", "Info", "Good", "Warning", "Critical"];
    let quiet = Env::new("2026-12-08T09:30:00+01:00");
    let v: Value =
        serde_json::from_str(&quiet.ok(&["status", "--format", "i3status-rust"])).unwrap();
    assert!(states.contains(&v["state"].as_str().unwrap()));
    assert_eq!(v["state"], "Idle");
}

#[test]
fn a_remembered_answer_gives_way_to_any_change_in_the_same_minute() {
    let mut env = people();
    env.at("2026-12-08T09:30:00+01:00");
    assert_eq!(env.ok(&["status"]), "☎ 2 · JF 10:00 Anna\n");
    assert_eq!(env.ok(&["status"]), "☎ 2 · JF 10:00 Anna\n", "remembered");
    let cached: Vec<_> = std::fs::read_dir(env.dir.path().join(".cache/draht"))
        .expect("the cache folder")
        .collect();
    assert_eq!(cached.len(), 1, "one answer per database");
    env.ok(&["log", "jonas", "call"]);
    assert_eq!(
        env.ok(&["status"]),
        "☎ 1 · JF 10:00 Anna\n",
        "a touch counts at once"
    );
    env.ok(&["jourfixe", "skip", "1", "2026-12-08"]);
    assert_eq!(env.ok(&["status"]), "☎ 1\n");
    assert_eq!(
        env.json(&["status"])["to_call"].as_array().unwrap().len(),
        1
    );
}
