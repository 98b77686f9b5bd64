//! `draht triage` with keys from standard input, one per line.

use serde_json::Value;

use crate::harness::{Env, entry, names};
use crate::import::{NOW, contact, fixture};
use crate::tty::Tmux;

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
    let dues: Vec<Value> = ["Anna", "Ben", "Clara", "Dora"]
        .iter()
        .map(|name| env.json(&["show", name])["checkin"]["due"].clone())
        .collect();
    // i · 30 / 4 days after 23 Nov: 0, 7, 15, 22
    assert_eq!(
        dues,
        ["2026-11-23", "2026-11-30", "2026-12-08", "2026-12-15"]
    );
    for name in ["Anna", "Ben", "Clara", "Dora"] {
        assert_eq!(
            contact(&env, name)["snoozed_until"],
            Value::Null,
            "{name}: a spread is no snooze"
        );
    }
}

/// The first hour: an address book imported a week ago, then triaged and
/// edited: nobody is overdue on the spot, on either face.
#[test]
fn a_cadence_set_a_week_after_the_import_is_due_today_at_worst() {
    let mut env = Env::new("2026-11-16T09:00:00+01:00");
    env.ok(&["import", &fixture("google.vcf")]);
    env.at(NOW);
    // by name: Anna Schmidt, Bäckerei Kraus, Jonas Weber, lena.vogt@…
    triage(&env, "m\ns\n");
    env.ok(&["edit", "Jonas Weber", "--every", "2w"]);
    let agenda = env.json(&["today"]);
    assert_eq!(names(&agenda, "overdue"), Vec::<String>::new(), "{agenda}");
    for name in ["Anna Schmidt", "Jonas Weber"] {
        let checkin = entry(&agenda, name);
        assert_eq!(checkin["status"], "due", "{name}: {checkin}");
        assert_eq!(checkin["due"], "2026-11-23", "{name}");
        assert_eq!(checkin["days_overdue"], 0, "{name}");
    }
    let text = env.ok(&["today"]);
    assert!(!text.contains("OVERDUE"), "{text}");
    assert!(text.contains("DUE TODAY"), "{text}");
    // a week on, the first check-in is a week overdue, not two
    env.at("2026-11-30T09:00:00+01:00");
    let agenda = env.json(&["today"]);
    for name in ["Anna Schmidt", "Jonas Weber"] {
        assert_eq!(entry(&agenda, name)["days_overdue"], 7, "{name}");
    }
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

/// Runs `draht triage` in a real terminal (a private tmux server), presses
/// single keys without Enter, and checks the terminal is cooked again after.
#[test]
fn on_a_terminal_single_keys_are_read_and_the_terminal_is_restored() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna"]);
    env.ok(&["add", "Ben"]);
    let tty = Tmux::draht(&env, "triage", "stty -a", (150, 40));
    tty.wait_for("[1/2] Anna");
    tty.keys(&["w"]);
    tty.wait_for("[2/2] Ben");
    tty.keys(&["x"]);
    // `extproc` is the last word `stty -a` prints: all of it is on screen.
    let shown = tty.wait_for("extproc");
    drop(tty);
    assert!(shown.contains("→ every 2w"), "{shown}");
    assert!(shown.contains("→ stopped"), "{shown}");
    assert!(shown.contains("Set 1 cadence"), "{shown}");
    assert!(
        shown.split_whitespace().any(|w| w == "icanon"),
        "the terminal is back in cooked mode: {shown}"
    );
    assert_eq!(contact(&env, "Anna")["cadence_days"], 14);
}
