//! `draht stats`: snapshots of the demo's pictures, the JSON shape, a
//! hand-built history through the real store, and the errors.

use crate::harness::Env;

const NOW: &str = "2026-12-01T12:00:00+01:00";

#[test]
fn stats_overview_of_the_demo() {
    let env = Env::new(NOW);
    insta::assert_snapshot!("overview", env.ok(&["--demo", "stats"]));
}

#[test]
fn stats_of_one_contact_with_a_year_heat_map() {
    let env = Env::new(NOW);
    insta::assert_snapshot!("anna", env.ok(&["--demo", "stats", "anna"]));
}

#[test]
fn stats_by_sphere_in_ascii() {
    let env = Env::new(NOW);
    let text = env.ok(&["--demo", "stats", "--by", "sphere", "--ascii"]);
    let fancy: Vec<char> = text
        .chars()
        .filter(|c| "█▉▊▋▌▍▎▏▁▂▃▄▅▆▇·░▒▓→–".contains(*c))
        .collect();
    assert!(fancy.is_empty(), "{fancy:?} in {text}");
    insta::assert_snapshot!("by_sphere_ascii", text);
}

#[test]
fn stats_by_tag_and_by_channel() {
    let env = Env::new(NOW);
    insta::assert_snapshot!("by_tag", env.ok(&["--demo", "stats", "--by", "tag"]));
    insta::assert_snapshot!(
        "by_channel",
        env.ok(&["--demo", "stats", "--by", "channel", "--since", "30d ago"])
    );
}

#[test]
fn stats_json_has_window_totals_contacts_and_cooling() {
    let env = Env::new(NOW);
    let report = env.json(&["--demo", "stats"]);
    assert_eq!(report["window"]["from"], "2026-09-03");
    assert_eq!(report["window"]["to"], "2026-12-01");
    assert_eq!(report["previous"]["to"], "2026-09-02");
    assert_eq!(report["half_life_days"], 30.0);
    assert_eq!(report["totals"]["touches"]["email"], 16);
    assert_eq!(report["contacts"].as_array().map(Vec::len), Some(9));
    let anna = report["contacts"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["name"] == "Anna Schmidt"))
        .expect("Anna in the report");
    // Anna: calls every other week turned into e-mails — cooling.
    assert_eq!(anna["touches"]["email"], 12);
    assert_eq!(anna["touches"]["call"], 4);
    assert_eq!(anna["longest_gap"], 11);
    assert_eq!(anna["trend"], "cooling");
    // Jonas: a coffee every month until autumn — the largest drop.
    let cooling: Vec<&str> = report["cooling"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(cooling, ["Jonas Weber", "Anna Schmidt", "Jürgen Müller"]);
    assert!(report.get("groups").is_none());
    assert!(
        report["jourfixe"]["of"].as_u64() > Some(0),
        "the demo has a Jour fixe"
    );
    let by_tag = env.json(&["--demo", "stats", "--by", "tag"]);
    assert_eq!(by_tag["groups"][0]["key"], "client");
}

#[test]
fn late_checkin_is_judged_against_a_call_long_before_the_window() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["log", "anna", "call", "--at", "2026-03-02 10:00"]);
    env.ok(&["log", "anna", "email", "--at", "2026-11-02 10:00"]);
    env.ok(&[
        "log",
        "anna",
        "coffee",
        "--at",
        "2026-11-20 23:30",
        "--rating",
        "1",
    ]);
    env.ok(&["log", "anna", "call", "--at", "2026-11-27 10:00"]);
    let report = env.json(&["stats", "anna"]);
    let anna = &report["contacts"][0];
    // 20 Nov is late (due 16 Mar); 27 Nov is on time (due 4 Dec).
    assert_eq!(anna["late"], 1);
    assert_eq!(anna["on_time"], 1);
    assert_eq!(anna["personal"], 2);
    assert_eq!(anna["touches"]["meet"], 1, "23:30 stays on the 20th");
    assert_eq!(anna["rating"], 1.0);
    // Touch days 2, 20, 27 Nov (March lies before the window): gaps 18 and 7.
    assert_eq!(anna["median_gap"], 12.5);
    let text = env.ok(&["stats", "anna"]);
    assert!(text.contains("1 on time · 1 late (every 2w)"), "{text}");
}

#[test]
fn jour_fixe_kept_ratio_counts_past_occurrences_with_a_touch_that_day() {
    // Tue 1 Dec 2026. A weekly Friday call since 6 Nov: 6, 13, 20, 27 Nov.
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "weekly fri 10:00",
        "--from",
        "2026-11-06",
    ]);
    env.ok(&["log", "anna", "call", "--at", "2026-11-06 10:00"]);
    env.ok(&["log", "anna", "email", "--at", "2026-11-20 09:00"]);
    env.ok(&["log", "anna", "call", "--at", "2026-11-26 10:00"]);
    let report = env.json(&["stats", "anna"]);
    // Kept on 6 and 20 Nov (any done touch that day); 13 and 27 Nov missed.
    assert_eq!(report["jourfixe"]["kept"], 2);
    assert_eq!(report["jourfixe"]["of"], 4);
    let text = env.ok(&["stats", "anna"]);
    assert!(text.contains("jour fixe  2 of 4 kept (50%)"), "{text}");
    let everyone = env.json(&["stats"]);
    assert_eq!(everyone["jourfixe"]["of"], 4);
}

#[test]
fn stats_on_an_empty_database_shows_zeros_not_errors() {
    let env = Env::new(NOW);
    // `stats` only reads: it needs a database to be there
    env.ok(&["add", "Anna"]);
    env.ok(&["rm", "Anna", "--yes"]);
    let text = env.ok(&["stats"]);
    assert!(text.contains("contacts   0"), "{text}");
    assert!(text.contains("nobody is cooling"), "{text}");
}

#[test]
fn stats_refuses_a_window_that_starts_tomorrow() {
    let env = Env::new(NOW);
    let err = env.fails(&["--demo", "stats", "--since", "tomorrow"], 2);
    assert!(err.contains("lies after today"), "{err}");
    let err = env.fails(&["--demo", "stats", "--since", "someday"], 2);
    assert!(err.contains("3d ago"), "lists the accepted forms: {err}");
}
