//! The words a new user reads in the first hour: what a misspelt name
//! probably meant, no "add one" for someone who exists, what `--rating`
//! takes, no "today ago", a separator before a note, and PLANNED saying
//! what the plan is, and "1 day", not "1 days".

use crate::harness::Env;

const NOW: &str = "2026-12-07T09:00:00+01:00";

fn people() -> Env {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w", "--sphere", "work"]);
    env.ok(&["add", "Anna Weber", "--every", "3w"]);
    env.ok(&["add", "Jürgen Müller", "--every", "1mo"]);
    env.ok(&["add", "Ingrid Rau", "--nickname", "Mama", "--every", "1w"]);
    env
}

/// Runs a command that must fail with a usage error: one line, exit 2,
/// the database as it was. Returns the line.
fn refused(env: &Env, args: &[&str]) -> String {
    let before = env.db_bytes();
    let err = env.fails(args, 2);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert_eq!(before, env.db_bytes(), "{args:?} changed the database");
    err
}

#[test]
fn a_misspelt_name_asks_did_you_mean_and_never_offers_to_add_them() {
    let env = people();
    for (typed, meant) in [
        ("Ana Schmit", "Anna Schmidt"),
        ("schmitt", "Anna Schmidt"),
        ("Muler", "Jürgen Müller"),
        ("jurgn", "Jürgen Müller"),
        ("Ingird", "Ingrid Rau"),
        ("mamma", "Ingrid Rau"),
    ] {
        for command in [
            &["log", typed, "call"][..],
            &["show", typed],
            &["hook", typed, "x"],
        ] {
            let err = refused(&env, command);
            assert!(
                err.contains(&format!("did you mean {meant}?")),
                "{command:?}: {err}"
            );
            assert!(!err.contains("draht add"), "{command:?}: {err}");
        }
    }
    let err = refused(&env, &["log", "Weeber", "call"]);
    assert!(err.contains("did you mean Anna Weber?"), "{err}");
    // somebody new: no guess, and the hint to add them
    let err = refused(&env, &["log", "Xaver Huber", "call"]);
    assert!(!err.contains("did you mean"), "{err}");
    assert!(err.contains("draht add \"Xaver Huber\""), "{err}");
}

#[test]
fn an_archived_contact_is_named_with_the_way_back() {
    let env = people();
    env.ok(&["archive", "jürgen"]);
    let err = refused(&env, &["log", "jürgen", "call"]);
    assert!(
        err.contains("Jürgen Müller is archived")
            && err.contains("draht archive --undo \"Jürgen Müller\""),
        "{err}"
    );
    assert!(!err.contains("draht add"), "{err}");
    // show and archive --undo look at archived contacts too
    assert!(env.ok(&["show", "jürgen"]).contains("archived"));
}

#[test]
fn empty_answers_do_not_offer_to_add_people_who_exist() {
    let env = people();
    let text = env.ok(&["list", "--tag", "chess"]);
    assert_eq!(
        text,
        "No contacts match --tag chess; `draht list` shows all 4.\n"
    );
    // everyone called: nobody is due, but nobody is missing either
    for name in ["Anna Schmidt", "Anna Weber", "Jürgen Müller", "Ingrid Rau"] {
        env.ok(&["log", name, "call"]);
    }
    let today = env.ok(&["today", "--days", "3"]);
    assert!(today.contains("Nobody is due"), "{today}");
    assert!(!today.contains("draht add"), "{today}");
    // a database with nobody in it (reading commands never create one)
    let empty = Env::new(NOW);
    empty.ok(&["add", "Zed"]);
    empty.ok(&["rm", "Zed", "--yes"]);
    assert!(empty.ok(&["today"]).contains("draht add \"Anna Schmidt\""));
    assert!(empty.ok(&["list"]).starts_with("No contacts yet."));
}

#[test]
fn a_rating_out_of_range_says_which_ratings_there_are() {
    let env = people();
    for bad in ["2", "-2", "5", "good"] {
        let before = env.db_bytes();
        let err = env.fails(&["log", "anna s", "call", "--rating", bad], 2);
        assert!(err.contains("use -1, 0 or 1"), "{bad}: {err}");
        assert_eq!(before, env.db_bytes());
    }
    for good in ["-1", "0", "1", "+1"] {
        env.ok(&["log", "anna s", "call", "--rating", good]);
    }
    let err = env.fails(&["touch", "edit", "1", "--rating", "3"], 2);
    assert!(err.contains("use -1, 0 or 1"), "{err}");
}

#[test]
fn a_touch_today_is_today_never_today_ago() {
    let mut env = people();
    env.ok(&["log", "anna s", "email", "the slides"]);
    env.ok(&["log", "anna w", "call"]);
    let stats = env.ok(&["stats", "anna s"]);
    assert!(stats.contains("last touch today"), "{stats}");
    let stats = env.ok(&["stats", "anna w"]);
    assert!(stats.contains("last touch today"), "{stats}");
    let show = env.ok(&["show", "anna w"]);
    assert!(show.contains("call today"), "{show}");
    for args in [&["today"][..], &["show", "anna s"], &["stats"], &["list"]] {
        let text = env.ok(args);
        assert!(!text.contains("today ago"), "{args:?}: {text}");
    }
    env.at("2026-12-08T09:00:00+01:00");
    assert!(env.ok(&["stats", "anna w"]).contains("last touch 1d ago"));
}

#[test]
fn a_note_after_the_people_is_set_apart() {
    let env = people();
    env.ok(&[
        "log",
        "anna s",
        "meet",
        "lunch at the harbour",
        "--with",
        "anna w",
        "--rating",
        "1",
    ]);
    let brief = env.ok(&["show", "anna s"]);
    assert!(
        brief.contains("meet  with Anna Weber · lunch at the harbour [+1]"),
        "{brief}"
    );
}

#[test]
fn planned_people_say_their_plan() {
    let env = people();
    // Anna S. is due in a week: a follow-up on Thursday covers it
    env.ok(&["log", "anna s", "call", "--at", "7d ago"]);
    env.ok(&["remind", "anna s", "thursday", "send the offer"]);
    // Mama (due Sat 12 Dec) meets every other Thursday at 18:00 from 17
    // Dec: beyond the week's Jour fixe list (to Mon 14), so PLANNED says it
    env.ok(&["log", "mama", "call", "--at", "2d ago"]);
    env.ok(&[
        "jourfixe",
        "add",
        "mama",
        "every 2 weeks thu 18:00",
        "--from",
        "2026-12-17",
    ]);
    let text = env.ok(&["today"]);
    let planned: Vec<&str> = text
        .split("PLANNED\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no PLANNED:\n{text}"))
        .lines()
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(
        planned
            .iter()
            .any(|l| l.contains("Anna Schmidt") && l.contains("follow-up Thu: send the offer")),
        "{text}"
    );
    assert!(
        planned
            .iter()
            .any(|l| l.contains("Ingrid Rau") && l.contains("JF Thu 17 Dec 18:00")),
        "{text}"
    );
    // the JSON has what the text says
    let agenda = env.json(&["today"]);
    let mama = crate::harness::entry(&agenda, "Ingrid Rau");
    assert_eq!(mama["plan"]["kind"], "jourfixe");
    assert_eq!(mama["plan"]["time"], "18:00");
}

#[test]
fn a_missed_call_with_a_one_day_retry_says_one_day() {
    let env = people();
    let config = env.dir.path().join("config.toml");
    std::fs::write(&config, "retry = \"1d\"\n").unwrap();
    let config = config.to_str().unwrap();
    let out = env.ok(&["--config", config, "log", "Mama", "call", "--missed"]);
    assert!(out.contains("trying again in 1 day."), "{out}");
    std::fs::write(env.dir.path().join("config.toml"), "retry = \"2d\"\n").unwrap();
    let out = env.ok(&["--config", config, "log", "Mama", "call", "--missed"]);
    assert!(out.contains("trying again in 2 days."), "{out}");
}

#[test]
fn a_time_phrase_given_as_the_note_gets_a_hint_that_moves_it() {
    let env = people();
    let out = env.ok(&[
        "--lang",
        "de",
        "log",
        "Anna S",
        "treffen",
        "letzten Freitag",
    ]);
    assert!(
        out.contains("„letzten Freitag“ steht jetzt als Notiz da"),
        "{out}"
    );
    let id = out
        .split_once("draht touch edit ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("a command in {out}"))
        .to_string();
    // the command it names does what it says: the touch moves to last
    // Friday (4 December) and keeps no note
    env.ok(&[
        "touch",
        "edit",
        &id,
        "--at",
        "letzten Freitag",
        "--note",
        "",
    ]);
    let touches = env.json(&["show", "Anna S"]);
    let last = &touches["touches"][0];
    assert!(
        last["at"].as_str().unwrap().starts_with("2026-12-04"),
        "{last}"
    );
    assert!(last["note"].is_null() || last["note"] == "", "{last}");
    // a note that is not a time gets no hint
    let out = env.ok(&["log", "Anna S", "call", "about the offer"]);
    assert!(!out.contains("touch edit"), "{out}");
}
