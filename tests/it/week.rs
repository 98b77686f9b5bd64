//! A realistic week, asserting the agenda after each step in text and JSON.

use crate::harness::{Env, entry, names};

#[test]
fn a_week_of_keeping_in_touch() {
    // Monday morning: the address book is set up.
    let mut env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&[
        "add",
        "Anna Schmidt",
        "--sphere",
        "work",
        "--every",
        "2w",
        "--company",
        "ACME",
        "--tag",
        "client",
    ]);
    env.ok(&[
        "add",
        "Jonas Weber",
        "--every",
        "4w",
        "--min-channel",
        "meet",
    ]);
    env.ok(&[
        "add",
        "Ingrid Rau",
        "--nickname",
        "Mama",
        "--every",
        "1w",
        "--birthday",
        "1956-11-27",
    ]);
    env.ok(&["add", "Clara Hoffmann"]);

    // Nobody has been touched yet: everyone with a cadence is due today.
    let agenda = env.json(&["today"]);
    assert_eq!(agenda["date"], "2026-11-23");
    let mut due = names(&agenda, "due");
    due.sort();
    assert_eq!(due, ["Anna Schmidt", "Ingrid Rau", "Jonas Weber"]);
    assert!(names(&agenda, "overdue").is_empty());
    // Mama's birthday on Friday is within the week.
    assert_eq!(agenda["birthdays"][0]["name"], "Ingrid Rau");
    assert_eq!(agenda["birthdays"][0]["date"], "2026-11-27");
    assert_eq!(agenda["birthdays"][0]["age"], 70);
    let text = env.ok(&["today"]);
    assert!(text.contains("DUE TODAY"), "{text}");
    assert!(text.contains("Fri 27 Nov  Ingrid Rau (70)"), "{text}");
    assert!(!text.contains("Clara"), "no cadence, never due: {text}");

    // A call with Anna at 10:00 resets her clock: two weeks from today.
    env.at("2026-11-23T10:30:00+01:00");
    env.ok(&[
        "log",
        "anna",
        "call",
        "Q3 launch went well",
        "--at",
        "10:00",
    ]);
    let agenda = env.json(&["today"]);
    assert!(!names(&agenda, "due").contains(&"Anna Schmidt".to_string()));
    let list = env.json(&["list", "--status", "ok"]);
    assert_eq!(list[0]["name"], "Anna Schmidt");
    assert_eq!(list[0]["due"], "2026-12-07");

    // Tuesday to Thursday: only e-mails with Anna. They show as last touch,
    // never move her due date, and count as a written streak.
    for (day, note) in [
        ("24", "minutes"),
        ("25", "contract draft"),
        ("26", "re: contract"),
    ] {
        env.at(&format!("2026-11-{day}T09:00:00+01:00"));
        env.ok(&["log", "Anna", "mail", note]);
    }
    let list = env.json(&["list"]);
    let anna = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Anna Schmidt")
        .unwrap();
    assert_eq!(anna["due"], "2026-12-07", "e-mails never move the due date");
    assert_eq!(anna["written_streak"], 3);
    assert_eq!(anna["last_touch"]["channel"], "email");
    assert_eq!(anna["last_personal"]["channel"], "call");

    // Tuesday evening, a call with Mama that did not connect: then next time.
    env.at("2026-11-24T19:00:00+01:00");
    let out = env.ok(&["log", "mama", "anruf", "--missed"]);
    assert!(out.contains("missed"), "{out}");
    let agenda = env.json(&["today"]);
    let mama = entry(&agenda, "Ingrid Rau");
    assert_eq!(mama["status"], "soon", "a missed call snoozes for 3 days");
    assert_eq!(mama["due"], "2026-11-27");

    // Wednesday: a chat with Jonas (min channel meet) changes nothing for him.
    env.at("2026-11-25T20:00:00+01:00");
    env.ok(&["log", "jonas", "whatsapp", "photos of the boat"]);
    let agenda = env.json(&["today"]);
    let jonas = entry(&agenda, "Jonas Weber");
    assert_eq!(jonas["status"], "overdue");
    assert_eq!(jonas["days_overdue"], 2);
    assert_eq!(jonas["written_streak"], 1);
    assert!(jonas["last_personal"].is_null());

    // Jonas gets a hook and a follow-up on Friday: a plan covers him now.
    env.ok(&["hook", "jonas", "his new boat", "--kind", "hobby"]);
    env.ok(&["remind", "jonas", "friday", "ask about coffee on Saturday"]);
    let agenda = env.json(&["today"]);
    let jonas = entry(&agenda, "Jonas Weber");
    assert_eq!(jonas["status"], "planned");
    assert_eq!(jonas["hook"], "his new boat");
    assert_eq!(agenda["followups"][0]["due"], "2026-11-27");
    assert_eq!(agenda["followups"][0]["name"], "Jonas Weber");
    let text = env.ok(&["today"]);
    assert!(
        text.contains("PLANNED") && text.contains("◆ his new boat"),
        "{text}"
    );
    assert!(
        text.contains("Fri 27 Nov  Jonas Weber  ask about coffee on Saturday"),
        "{text}"
    );

    // Thursday: Mama is snoozed for a week while on holiday.
    env.at("2026-11-26T09:00:00+01:00");
    env.ok(&["snooze", "mama", "1w"]);
    let agenda = env.json(&["today"]);
    let mama = entry(&agenda, "Ingrid Rau");
    assert_eq!(mama["due"], "2026-12-03");
    assert_eq!(mama["status"], "soon");

    // Saturday: coffee with Jonas and Anna together — one touch, two people.
    env.at("2026-11-28T16:00:00+01:00");
    let logged = env.json(&[
        "log",
        "jonas",
        "kaffee",
        "Markthalle",
        "--with",
        "anna",
        "--rating",
        "1",
    ]);
    assert_eq!(logged["participants"].as_array().unwrap().len(), 2);
    let agenda = env.json(&["today"]);
    assert!(names(&agenda, "overdue").is_empty(), "{agenda}");
    // The follow-up on Friday is closed by Saturday's coffee.
    assert!(
        agenda["followups"].as_array().unwrap().is_empty(),
        "{agenda}"
    );
    let list = env.json(&["list"]);
    let anna = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Anna Schmidt")
        .unwrap();
    assert_eq!(anna["due"], "2026-12-12", "the coffee counts for Anna too");
    assert_eq!(anna["written_streak"], 0);

    // Sunday: the week's review in text.
    env.at("2026-11-29T09:00:00+01:00");
    let text = env.ok(&["today"]);
    assert!(text.starts_with("Sunday 29 November 2026"), "{text}");
    assert!(text.contains("Ingrid Rau"), "Mama is coming up: {text}");
    let brief = env.ok(&["show", "anna"]);
    assert!(brief.contains("every 2w · due Sat 12 Dec"), "{brief}");
    assert!(
        brief.contains("with Jonas Weber · Markthalle [+1]"),
        "{brief}"
    );
    assert!(brief.contains("mix meet 1 · call 1 · email 3"), "{brief}");
}

#[test]
fn a_mistaken_log_can_be_fixed() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Ben Okafor", "--every", "2w"]);
    let touch = env.json(&["log", "ben", "call", "--at", "yesterday 18:00"]);
    let id = touch["id"].as_i64().unwrap().to_string();
    let list = env.json(&["list"]);
    assert_eq!(list[0]["due"], "2026-12-06");

    // It was an e-mail, not a call: the clock goes back to the added date.
    env.ok(&["touch", "edit", &id, "--channel", "email"]);
    let list = env.json(&["list"]);
    assert_eq!(list[0]["due"], "2026-11-23");
    assert_eq!(list[0]["status"], "due");

    env.ok(&["touch", "rm", &id]);
    let list = env.json(&["list"]);
    assert!(list[0]["last_touch"].is_null());
    let err = env.fails(&["touch", "rm", &id], 2);
    assert!(err.contains(&format!("no touch #{id}")), "{err}");
}

#[test]
fn archive_and_delete() {
    let env = Env::new("2026-11-23T12:00:00+01:00");
    env.ok(&["add", "Lea Brandt", "--every", "1w"]);
    env.ok(&["add", "Leo Berg", "--every", "1w"]);
    env.ok(&["archive", "lea"]);
    let agenda = env.json(&["today"]);
    assert_eq!(names(&agenda, "due"), ["Leo Berg"]);
    // the name is free again among active contacts? no: archived keep it for undo
    env.ok(&["archive", "lea", "--undo"]);
    assert_eq!(names(&env.json(&["today"]), "due").len(), 2);
    env.ok(&["log", "lea", "call"]);
    env.ok(&["rm", "lea", "--yes"]);
    let list = env.json(&["list", "--archived"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Leo Berg");
}

#[test]
fn demo_never_touches_the_real_database() {
    let env = Env::new("2026-11-29T09:00:00+01:00");
    let text = env.ok(&["--demo", "today"]);
    assert!(text.contains("OVERDUE"), "{text}");
    assert!(text.contains("Jonas Weber"), "{text}");
    env.ok(&["--demo", "log", "jonas", "coffee"]);
    assert!(
        !env.db().exists(),
        "--demo must not create the real database"
    );
}
