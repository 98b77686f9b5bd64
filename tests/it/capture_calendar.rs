//! `draht capture` on calendars the tests write (and one khal writes):
//! which events become touches, with which channel, recurring events
//! expanded up to now, and a captured meeting that keeps its Jour fixe.

use super::capture::{add, capture, config, day, days, env, path, touches};
use super::capture_fixtures::{self as fx, ME, accepted};
use super::harness::Env;

#[test]
fn calendar_events_by_the_rules() {
    let env = env();
    add(&env, "Anna", "anna@x.de");
    add(&env, "Ben", "ben@x.de");
    add(&env, "Lea", "lea@x.de");
    let events = [
        fx::event(
            "lunch",
            "20261110T110000Z",
            &format!("SUMMARY:Lunch\nLOCATION:Café\n{}", accepted("anna@x.de")),
        ),
        fx::event(
            "zoom",
            "20261111T140000Z",
            &format!(
                "SUMMARY:Sync\nLOCATION:https://us02web.zoom.us/j/1\n{}",
                accepted("ben@x.de")
            ),
        ),
        fx::event(
            "declined",
            "20261112T090000Z",
            &format!("ORGANIZER:mailto:anna@x.de\nATTENDEE;PARTSTAT=DECLINED:mailto:{ME}\n"),
        ),
        fx::event(
            "cancelled",
            "20261113T090000Z",
            &format!("STATUS:CANCELLED\n{}", accepted("anna@x.de")),
        ),
        fx::event(
            "weekly",
            "20261103T090000Z",
            &format!(
                "SUMMARY:Telefonat\nRRULE:FREQ=WEEKLY;COUNT=6\nEXDATE:20261117T090000Z\n{}",
                accepted("lea@x.de")
            ),
        ),
        fx::event("later", "20261215T090000Z", &accepted("anna@x.de")),
    ];
    let cal = env.dir.path().join("work.ics");
    std::fs::write(&cal, fx::calendar(&events)).unwrap();
    let run = capture(&env, &[path(&cal)]);
    let s = &run["sources"][0];
    assert_eq!(s["kind"], "calendar");
    assert_eq!(s["skipped"]["declined"], 1, "{run}");
    assert_eq!(s["skipped"]["cancelled"], 1, "{run}");
    assert!(s["skipped"]["future"].as_u64().unwrap() >= 1, "{run}");
    assert_eq!(days(&touches(&env, "Anna")), vec![day("11-10", "meet", 1)]);
    assert_eq!(days(&touches(&env, "Ben")), vec![day("11-11", "video", 1)]);
    // Weekly from 3 Nov, 17 Nov left out, up to now (1 Dec 10:00 has passed).
    assert_eq!(
        days(&touches(&env, "Lea")),
        vec![
            day("11-03", "call", 1),
            day("11-10", "call", 1),
            day("11-24", "call", 1),
            day("12-01", "call", 1)
        ]
    );
    let show = env.ok(&["show", "Lea"]);
    assert!(show.contains("call · 1 event · work"), "{show}");
    // A week later the next occurrence is captured; nothing twice.
    let mut later = env;
    later.at("2026-12-09T12:00:00+01:00");
    let run = capture(&later, &[path(&cal)]);
    assert_eq!(run["sources"][0]["touches"], 1, "{run}");
    assert_eq!(touches(&later, "Lea").len(), 5);
}

#[test]
fn a_captured_event_keeps_the_jour_fixe_of_its_day() {
    let mut env = Env::new("2026-11-09T12:00:00+01:00");
    config(&env, &format!("[me]\nemails = [\"{ME}\"]\n"));
    add(&env, "Anna", "anna@x.de");
    env.ok(&[
        "jourfixe",
        "add",
        "Anna",
        "weekly tue 10:00",
        "--channel",
        "call",
    ]);
    env.at("2026-11-26T12:00:00+01:00");
    let list = env.json(&["jourfixe", "list"]);
    let jf = &list.as_array().unwrap()[0];
    assert_eq!(jf["last"]["date"], "2026-11-24", "{jf}");
    assert_eq!(jf["last"]["state"], "missed");
    let cal = env.dir.path().join("jf.ics");
    std::fs::write(
        &cal,
        fx::calendar(&[fx::event(
            "jf-24",
            "20261124T090000Z",
            &format!("SUMMARY:Jour fixe call\n{}", accepted("anna@x.de")),
        )]),
    )
    .unwrap();
    capture(&env, &[path(&cal)]);
    let list = env.json(&["jourfixe", "list"]);
    assert_eq!(
        list.as_array().unwrap()[0]["last"]["state"],
        "kept",
        "{list}"
    );
}

#[test]
fn an_event_made_with_khal_new_is_captured_by_name() {
    let env = env();
    add(&env, "Anna Schmidt", "anna@x.de");
    let home = env.dir.path();
    let cal = home.join("calendars/personal");
    std::fs::create_dir_all(&cal).unwrap();
    let khal_conf = home.join("khal.conf");
    std::fs::write(
        &khal_conf,
        format!(
            "[calendars]\n[[personal]]\npath = {}\ntype = calendar\n\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n\
             longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n\
             default_timezone = Europe/Berlin\nlocal_timezone = Europe/Berlin\n\n[sqlite]\npath = {}\n",
            cal.display(),
            home.join("khal.db").display()
        ),
    )
    .unwrap();
    let out = std::process::Command::new("khal")
        .args([
            "-c",
            path(&khal_conf),
            "new",
            "-a",
            "personal",
            "2026-11-20 10:00",
            "11:00",
            "Coffee with Anna",
        ])
        .env("HOME", home)
        .env("TZ", "Europe/Berlin")
        .output()
        .expect("khal is installed (apt-get install khal; .ci/run does)");
    assert!(
        out.status.success(),
        "khal new: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(&cal).unwrap().collect();
    assert_eq!(files.len(), 1, "khal wrote one .ics into the vdir");
    let run = capture(&env, &[path(home.join("calendars").as_path())]);
    assert_eq!(run["sources"][0]["kind"], "calendar");
    assert!(
        touches(&env, "Anna").is_empty(),
        "no attendees: names only with --match-names"
    );
    capture(
        &env,
        &[path(home.join("calendars").as_path()), "--match-names"],
    );
    assert_eq!(days(&touches(&env, "Anna")), vec![day("11-20", "meet", 1)]);
}
