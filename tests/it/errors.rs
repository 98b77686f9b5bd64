//! Bad input: a one-line error that says what to do, exit code 2, and the
//! database unchanged.

use crate::harness::Env;

fn setup() -> Env {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Anna Weber", "--every", "2w"]);
    env.ok(&["add", "Jürgen Müller"]);
    env
}

/// Runs a failing command and checks: exit 2, one line, mentions `needle`,
/// database bytes unchanged.
fn refused(env: &Env, args: &[&str], needle: &str) {
    let before = env.db_bytes();
    let err = env.fails(args, 2);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(needle),
        "{args:?}: expected {needle:?} in {err}"
    );
    assert_eq!(before, env.db_bytes(), "{args:?} changed the database");
}

#[test]
fn unknown_contact() {
    refused(
        &setup(),
        &["log", "zoe", "call"],
        "no contact matches \"zoe\"",
    );
}

#[test]
fn ambiguous_contact_lists_candidates() {
    refused(
        &setup(),
        &["log", "anna", "call"],
        "Anna Schmidt, Anna Weber",
    );
}

#[test]
fn accents_and_transliteration_match() {
    let env = setup();
    for name in ["muller", "mueller", "Müller", "jürgen", "JUERGEN"] {
        let touch = env.json(&["log", name, "call"]);
        assert_eq!(touch["participants"].as_array().unwrap().len(), 1, "{name}");
    }
}

#[test]
fn unknown_channel_lists_channels() {
    refused(&setup(), &["log", "anna s", "pigeon"], "use one of: sms");
}

#[test]
fn unparseable_date() {
    refused(
        &setup(),
        &["log", "anna s", "call", "--at", "frday"],
        "frday",
    );
}

#[test]
fn future_log_is_refused() {
    refused(
        &setup(),
        &["log", "anna s", "call", "--at", "tomorrow"],
        "in the future",
    );
}

#[test]
fn unparseable_duration() {
    refused(&setup(), &["snooze", "anna s", "a while"], "a while");
    refused(&setup(), &["add", "Ben", "--every", "often"], "often");
}

#[test]
fn duplicate_name_on_add() {
    refused(&setup(), &["add", "anna schmidt"], "already exists");
}

#[test]
fn empty_name() {
    refused(&setup(), &["add", "   "], "needs a name");
}

#[test]
fn rm_without_yes_when_not_interactive() {
    refused(&setup(), &["rm", "anna s"], "--yes");
}

#[test]
fn bad_rating_and_kind_are_usage_errors() {
    let env = setup();
    env.fails(&["log", "anna s", "call", "--rating", "5"], 2);
    env.fails(&["hook", "anna s", "x", "--kind", "gossip"], 2);
    env.fails(&["frobnicate"], 2);
}

#[test]
fn bad_config_names_key_and_line() {
    let env = setup();
    let config = env.dir.path().join("config.toml");
    std::fs::write(&config, "horizon = \"7d\"\nretry = \"later\"\n").unwrap();
    let err = env.fails(&["--config", config.to_str().unwrap(), "today"], 2);
    assert!(err.contains("line 2") && err.contains("retry"), "{err}");
}

#[test]
fn database_that_is_not_sqlite_is_left_alone() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    std::fs::write(env.db(), b"these are my notes, not a database").unwrap();
    let err = env.fails(&["today"], 1);
    assert!(err.contains("not a usable draht database"), "{err}");
    assert_eq!(
        std::fs::read(env.db()).unwrap(),
        b"these are my notes, not a database"
    );
}

#[test]
fn database_is_created_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna"]);
    let mode = std::fs::metadata(env.db()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_missing_database_is_created_only_by_a_command_that_writes() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    let db = env.db().display().to_string();
    for args in [
        &["today"][..],
        &["list"],
        &["show", "anna"],
        &["stats"],
        &["check"],
        &["backup", "-o", "copy.db"],
        &["export", "json"],
        &["jourfixe", "list"],
        &["import", "--dry-run", "nothing.csv"],
        &[],
    ] {
        let err = env.fails(args, 2);
        assert_eq!(
            err.trim_end(),
            format!(
                "draht: there is no database at {db}; check the path (a command that writes, such as `draht add NAME`, creates a new one there)"
            ),
            "{args:?}"
        );
        assert!(!env.db().exists(), "{args:?} created the database");
        assert_eq!(std::fs::read_dir(env.dir.path()).unwrap().count(), 0);
    }
    let out = env.cmd().args(["add", "Anna"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("draht: created a new database at {db}\n")
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Added Anna (private; no cadence yet: set one with `draht edit NAME --every 3w`).\n"
    );
    let again = env.cmd().args(["add", "Ben"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&again.stderr), "", "said once");
    env.ok(&["today"]);
}

#[test]
fn a_refused_write_on_a_missing_database_leaves_no_file_behind() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    for args in [
        &["log", "Nobody", "call"][..],
        &["snooze", "Nobody", "3d"],
        &["edit", "Nobody", "--every", "2w"],
        &["add", "Anna", "--every", "fortnightly-ish"],
        &["import", "missing.csv"],
    ] {
        let err = env.fails(args, 2);
        assert!(!err.contains("created a new database"), "{args:?}: {err}");
        assert!(!env.db().exists(), "{args:?} left a database behind");
        assert_eq!(
            std::fs::read_dir(env.dir.path()).unwrap().count(),
            0,
            "{args:?} left a file behind"
        );
    }
    // the next good write still creates it and says so
    let out = env.cmd().args(["add", "Anna"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("draht: created a new database at"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.db().exists());
}

#[test]
fn documented_negative_forms_work_as_written_or_are_refused_in_words() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Anna", "--every", "2w"]);
    let logged = env.ok(&["log", "anna", "call", "--at", "-1d", "--rating", "-1"]);
    assert!(logged.contains("(Sun 22 Nov 12:00)"), "{logged}");
    env.ok(&["touch", "edit", "1", "--at", "-2d"]);
    let remind = env.ok(&["remind", "anna", "-1d", "overdue already"]);
    assert!(remind.contains("on Sun 22 Nov"), "{remind}");
    let stats = env.ok(&["stats", "--since", "-1w"]);
    assert!(stats.contains("16 Nov – 23 Nov 2026"), "{stats}");
    for (args, words) in [
        (
            &["add", "Ben", "--every", "-1w"][..],
            "a duration cannot be negative",
        ),
        (
            &["edit", "anna", "--every", "-1w"],
            "a duration cannot be negative",
        ),
        (
            &["import", "x.csv", "--every", "-1w"],
            "a duration cannot be negative",
        ),
        (&["snooze", "anna", "-1d"], "is not in the future"),
        (&["log", "anna", "call", "--at", "+1d"], "is in the future"),
    ] {
        let err = env.fails(args, 2);
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(!err.contains("unexpected argument"), "{args:?}: {err}");
    }
}

#[test]
fn free_text_may_start_with_a_dash() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&[
        "add",
        "Anna",
        "--note",
        "-1 owes us",
        "--company",
        "-ACME-",
        "--tag",
        "-x",
    ]);
    env.ok(&["log", "anna", "call", "-- not much"]);
    env.ok(&["log", "anna", "call", "-2 minutes late"]);
    env.ok(&["hook", "anna", "-sailing-"]);
    env.ok(&["remind", "anna", "friday", "-send it"]);
    env.ok(&["edit", "anna", "--role", "-CTO-"]);
    env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "weekly fri",
        "--note",
        "-weekly-",
    ]);
    let brief = env.json(&["show", "anna"]);
    assert_eq!(brief["contact"]["notes"], "-1 owes us");
    assert_eq!(brief["contact"]["company"], "-ACME-");
    assert_eq!(brief["contact"]["role"], "-CTO-");
    assert_eq!(brief["contact"]["tags"], serde_json::json!(["-x"]));
    assert_eq!(brief["hooks"][0]["text"], "-sailing-");
    assert_eq!(brief["followups"][0]["note"], "-send it");
}
