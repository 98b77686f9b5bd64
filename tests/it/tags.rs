//! Tags and spheres match case- and accent-insensitively everywhere:
//! filters, edits, config defaults, statistics, imports.

use serde_json::json;

use crate::harness::Env;
use crate::import::{NOW, contact};

fn names(env: &Env, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    env.json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_tag_is_found_and_edited_whatever_its_case_and_accents() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna", "--tag", "Freunde", "--tag", "Café"]);
    env.ok(&["add", "Ben", "--tag", "Kunden"]);
    assert_eq!(names(&env, &["--tag", "freunde"]), ["Anna"]);
    assert_eq!(names(&env, &["--tag", "FREUNDE"]), ["Anna"]);
    assert_eq!(names(&env, &["--tag", "cafe"]), ["Anna"]);
    env.ok(&["edit", "Anna", "--tag", "freunde"]);
    assert_eq!(
        contact(&env, "Anna")["tags"],
        json!(["Café", "Freunde"]),
        "the same tag is not added twice"
    );
    env.ok(&["edit", "Anna", "--untag", "CAFE"]);
    assert_eq!(contact(&env, "Anna")["tags"], json!(["Freunde"]));
}

#[test]
fn a_sphere_is_read_whatever_its_case_and_accents() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna", "--sphere", "Beruflich"]);
    env.ok(&["add", "Ben", "--sphere", "PRIVAT"]);
    assert_eq!(contact(&env, "Anna")["sphere"], "work");
    assert_eq!(contact(&env, "Ben")["sphere"], "private");
    assert_eq!(names(&env, &["--sphere", "WORK"]), ["Anna"]);
}

#[test]
fn config_defaults_by_tag_and_sphere_ignore_case() {
    let env = Env::new(NOW);
    let config = env.dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[tag]\nFamilie = \"2w\"\n[sphere]\nBeruf = \"6w\"\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    env.ok(&["--config", config, "add", "Mama", "--tag", "familie"]);
    env.ok(&["--config", config, "add", "Chef", "--sphere", "work"]);
    assert_eq!(contact(&env, "Mama")["cadence_days"], 14);
    assert_eq!(contact(&env, "Chef")["cadence_days"], 42);
}

#[test]
fn statistics_group_one_tag_in_two_spellings_once() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna", "--tag", "Freunde"]);
    env.ok(&["add", "Ben", "--tag", "freunde"]);
    let by_tag = env.json(&["stats", "--by", "tag"]);
    let groups = by_tag["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{by_tag}");
    assert_eq!(groups[0]["key"], "Freunde");
}
