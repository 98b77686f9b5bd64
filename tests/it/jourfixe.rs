//! Jour fixe over four weeks: set, kept by a logged call, skipped, missed —
//! asserting `jourfixe list --json` and `today --json` at each step — and
//! the calendar export read back by an independent iCalendar parser.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use serde_json::{Value, json};

use crate::harness::{Env, entry};

/// The Jour fixe with `id` in `jourfixe list --json`.
fn listed(env: &Env, id: i64) -> Value {
    let list = env.json(&["jourfixe", "list"]);
    list.as_array()
        .and_then(|a| a.iter().find(|j| j["id"] == id))
        .cloned()
        .unwrap_or_else(|| panic!("no Jour fixe #{id} in {list}"))
}

/// `today --json`'s Jour fixe list as (id, date, state).
fn on_agenda(env: &Env) -> Vec<(i64, String, String)> {
    let agenda = env.json(&["today"]);
    agenda["jourfixe"]
        .as_array()
        .unwrap_or_else(|| panic!("no jourfixe list in {agenda}"))
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap(),
                e["date"].as_str().unwrap().to_string(),
                e["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(id: i64, date: &str, state: &str) -> (i64, String, String) {
    (id, date.to_string(), state.to_string())
}

#[test]
fn a_jourfixe_kept_skipped_and_missed() {
    // Monday 23 Nov 2026.
    let mut env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&["add", "Ingrid Rau", "--nickname", "Mama", "--every", "1w"]);
    env.ok(&["add", "Anna Schmidt", "--sphere", "work", "--every", "2w"]);
    let echo = env.ok(&[
        "jourfixe",
        "add",
        "mama",
        "weekly sun 18:00",
        "--duration",
        "1h",
    ]);
    assert_eq!(
        echo,
        "Jour fixe #1 with Ingrid Rau (call, 1 h): every Sunday at 18:00 — next: Sun 29 Nov, Sun 6 Dec, Sun 13 Dec.\n"
    );
    let echo = env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "every 2nd tue 10:00",
        "--channel",
        "zoom",
        "--note",
        "roadmap",
    ]);
    assert!(
        echo.contains("(video): the 2nd Tuesday of every month at 10:00 — next: Tue 8 Dec, Tue 12 Jan 2027, Tue 9 Feb 2027."),
        "{echo}"
    );

    let mama = listed(&env, 1);
    assert_eq!(mama["rule"], "every Sunday at 18:00");
    assert_eq!(mama["rrule"], "FREQ=WEEKLY;BYDAY=SU");
    assert_eq!(mama["start"], "2026-11-29");
    assert_eq!(mama["time"], "18:00");
    assert_eq!(mama["duration_minutes"], 60);
    assert_eq!(mama["next"], "2026-11-29");
    assert_eq!(mama["last"], Value::Null);
    assert_eq!(listed(&env, 2)["channel"], "video");

    // Mama is due today, but Sunday's call covers it: planned, not due —
    // and listed once, under JOUR FIXE, not again under PLANNED.
    let agenda = env.json(&["today"]);
    assert_eq!(agenda["planned"], json!([]));
    assert_eq!(entry(&agenda, "Anna Schmidt")["status"], "due");
    let shown = env.json(&["show", "mama"]);
    assert_eq!(shown["checkin"]["status"], "planned", "{shown}");
    assert_eq!(
        shown["checkin"]["plan"],
        json!({"contact_id": 1, "date": "2026-11-29", "kind": "jourfixe", "id": 1})
    );
    assert_eq!(on_agenda(&env), [row(1, "2026-11-29", "upcoming")]);
    let first = &agenda["jourfixe"][0];
    assert_eq!(first["name"], "Ingrid Rau");
    assert_eq!(first["time"], "18:00");
    assert_eq!(first["channel"], "call");
    assert_eq!(first["rule"], "every Sunday at 18:00");
    let text = env.ok(&["today"]);
    assert!(
        text.contains("JOUR FIXE\n  #1  Sun 29 Nov  18:00  Ingrid Rau  call"),
        "{text}"
    );
    // `list` agrees with `today`.
    let list = env.json(&["list"]);
    assert_eq!(list[1]["name"], "Ingrid Rau");
    assert_eq!(list[1]["status"], "planned");

    // Sunday evening: the call happened — logged as usual, nothing more.
    env.at("2026-11-29T18:40:00+01:00");
    env.ok(&["log", "mama", "call", "Sunday call"]);
    let mama = listed(&env, 1);
    assert_eq!(mama["last"], json!({"date": "2026-11-29", "state": "kept"}));
    assert_eq!(mama["next"], "2026-12-06");
    // The agenda looks a week ahead, so next Sunday is already in view.
    assert_eq!(
        on_agenda(&env),
        [
            row(1, "2026-11-29", "kept"),
            row(1, "2026-12-06", "upcoming")
        ]
    );
    assert!(env.ok(&["today"]).contains("Ingrid Rau  call  kept"));

    // Next Sunday is off; only a real date can be skipped.
    let before = env.db_bytes();
    let err = env.fails(&["jourfixe", "skip", "1", "2026-12-07"], 2);
    assert!(
        err.contains("Mon 7 Dec 2026 is not a date of Jour fixe #1 (every Sunday at 18:00); the nearest are Sun 6 Dec 2026, Sun 13 Dec 2026, Sun 20 Dec 2026"),
        "{err}"
    );
    assert_eq!(before, env.db_bytes(), "a refused skip changes nothing");
    let said = env.ok(&["jourfixe", "skip", "1", "2026-12-06"]);
    assert_eq!(
        said,
        "Skipped Sun 6 Dec of Jour fixe #1 with Ingrid Rau — next: Sun 13 Dec.\n"
    );
    let mama = listed(&env, 1);
    assert_eq!(mama["skipped"], json!(["2026-12-06"]));
    assert_eq!(mama["next"], "2026-12-13");

    // Tuesday 8 Dec: Anna's call is today; Mama's skipped Sunday is not a miss.
    env.at("2026-12-08T09:00:00+01:00");
    assert_eq!(
        on_agenda(&env),
        [
            row(2, "2026-12-08", "upcoming"),
            row(1, "2026-12-13", "upcoming")
        ]
    );
    assert_eq!(
        listed(&env, 1)["last"],
        json!({"date": "2026-12-06", "state": "skipped"})
    );
    assert_eq!(listed(&env, 2)["next"], "2026-12-08");

    // Wednesday: nobody called Anna — missed.
    env.at("2026-12-09T09:00:00+01:00");
    assert_eq!(
        listed(&env, 2)["last"],
        json!({"date": "2026-12-08", "state": "missed"})
    );
    assert_eq!(listed(&env, 2)["next"], "2027-01-12");
    assert_eq!(
        on_agenda(&env),
        [
            row(2, "2026-12-08", "missed"),
            row(1, "2026-12-13", "upcoming")
        ]
    );

    // Monday 14 Dec: Mama's Sunday was missed too. Both misses stay on the
    // agenda until their next dates; Mama's next call still covers her.
    env.at("2026-12-14T09:00:00+01:00");
    assert_eq!(
        listed(&env, 1)["last"],
        json!({"date": "2026-12-13", "state": "missed"})
    );
    assert_eq!(
        on_agenda(&env),
        [
            row(2, "2026-12-08", "missed"),
            row(1, "2026-12-13", "missed"),
            row(1, "2026-12-20", "upcoming"),
        ]
    );
    // Her next call is on the list above, so she is not planned again.
    let agenda = env.json(&["today"]);
    assert_eq!(agenda["planned"], json!([]));
    let shown = env.json(&["show", "mama"]);
    assert_eq!(shown["checkin"]["status"], "planned");
    assert_eq!(shown["checkin"]["plan"]["date"], "2026-12-20");
    assert_eq!(entry(&agenda, "Anna Schmidt")["status"], "overdue");
    let brief = env.ok(&["show", "mama"]);
    assert!(
        brief.contains(
            "#1  every Sunday at 18:00 · call · 1 h  next Sun 20 Dec, Sun 27 Dec  last Sun 13 Dec missed"
        ),
        "{brief}"
    );
    let brief = env.json(&["show", "mama"]);
    assert_eq!(brief["checkin"]["status"], "planned");
    assert_eq!(brief["jourfixe"][0]["next"], "2026-12-20");

    // Removing Anna's Jour fixe takes it off the agenda.
    env.ok(&["jourfixe", "rm", "2"]);
    assert_eq!(env.json(&["jourfixe", "list"]).as_array().unwrap().len(), 1);
    assert_eq!(
        on_agenda(&env),
        [
            row(1, "2026-12-13", "missed"),
            row(1, "2026-12-20", "upcoming")
        ]
    );
}

#[test]
fn unreadable_rules_and_lengths_are_refused_with_examples() {
    let env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&["add", "Anna Schmidt"]);
    let before = env.db_bytes();
    let err = env.fails(&["jourfixe", "add", "anna", "sometimes on fridays"], 2);
    assert!(err.contains("try \"weekly fri\""), "{err}");
    let err = env.fails(
        &["jourfixe", "add", "anna", "weekly fri", "--duration", "90"],
        2,
    );
    assert!(err.contains("use 30min, 45m, 1h, 1h30 or 1:30"), "{err}");
    let err = env.fails(
        &[
            "jourfixe",
            "add",
            "anna",
            "weekly fri",
            "--channel",
            "pigeon",
        ],
        2,
    );
    assert!(err.contains("unknown channel \"pigeon\""), "{err}");
    let err = env.fails(&["jourfixe", "skip", "9", "2026-12-04"], 2);
    assert!(err.contains("there is no Jour fixe #9"), "{err}");
    assert_eq!(before, env.db_bytes());
}

const READ_BACK: &str = r#"
import datetime, json, sys
try:
    import icalendar, recurring_ical_events
except ImportError as e:
    sys.exit("missing Python module: %s — pip install icalendar recurring-ical-events (.ci/run does)" % e)
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
out = []
for e in recurring_ical_events.of(cal).between(datetime.date(2026, 11, 1), datetime.date(2027, 6, 1)):
    end = e.get("DTEND")
    out.append({
        "uid": str(e["UID"]),
        "summary": str(e["SUMMARY"]),
        "start": e["DTSTART"].dt.isoformat(),
        "end": end.dt.isoformat() if end is not None else None,
    })
out.sort(key=lambda o: (o["start"], o["uid"]))
print(json.dumps(out))
"#;

#[test]
fn the_calendar_export_reads_back_in_an_independent_parser() {
    let env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["add", "Ben Okafor", "--every", "1w"]);
    env.ok(&[
        "jourfixe",
        "add",
        "anna",
        "every 2nd tue 10:00",
        "--duration",
        "45min",
    ]);
    env.ok(&["jourfixe", "skip", "1", "2026-12-08"]);
    // Starts on the night clocks go forward (02:30 does not exist in Berlin
    // on 28 Mar 2027), and ends with a date-only UNTIL.
    env.ok(&[
        "jourfixe",
        "add",
        "ben",
        "RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20270418 02:30",
        "--from",
        "2027-03-28",
    ]);
    env.ok(&["remind", "anna", "2026-12-04", "send the offer"]);
    let file = env.dir.path().join("draht.ics");
    let said = env.ok(&["export", "ics", "-o", file.to_str().unwrap()]);
    assert!(
        said.starts_with("Wrote 2 Jour fixe, 1 follow-up and 2 check-ins to"),
        "{said}"
    );
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the calendar file is owner-only");
    // Without -o the same calendar goes to standard output.
    assert!(
        env.ok(&["export", "ics"])
            .starts_with("BEGIN:VCALENDAR\r\n")
    );

    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!(
            "\n\n!!! SKIPPED the independent iCalendar check: python3 is not installed !!!\n\n"
        );
        return;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(READ_BACK)
        .arg(&file)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python could not read the calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON from python");
    let of = |uid_start: &str| -> Vec<(String, Option<String>)> {
        events
            .iter()
            .filter(|e| e["uid"].as_str().unwrap().starts_with(uid_start))
            .map(|e| {
                (
                    e["start"].as_str().unwrap().to_string(),
                    e["end"].as_str().map(String::from),
                )
            })
            .collect()
    };
    let times = |list: &[(&str, &str)]| -> Vec<(String, Option<String>)> {
        list.iter()
            .map(|(s, e)| (s.to_string(), Some(e.to_string())))
            .collect()
    };
    // 8 Dec skipped; 10:00 local before and after the change on 28 March.
    assert_eq!(
        of("jourfixe-1-"),
        times(&[
            ("2027-01-12T10:00:00", "2027-01-12T10:45:00"),
            ("2027-02-09T10:00:00", "2027-02-09T10:45:00"),
            ("2027-03-09T10:00:00", "2027-03-09T10:45:00"),
            ("2027-04-13T10:00:00", "2027-04-13T10:45:00"),
            ("2027-05-11T10:00:00", "2027-05-11T10:45:00"),
        ])
    );
    assert_eq!(
        of("jourfixe-2-"),
        times(&[
            ("2027-03-28T02:30:00", "2027-03-28T03:00:00"),
            ("2027-04-04T02:30:00", "2027-04-04T03:00:00"),
            ("2027-04-11T02:30:00", "2027-04-11T03:00:00"),
            ("2027-04-18T02:30:00", "2027-04-18T03:00:00"),
        ])
    );
    assert_eq!(of("followup-1-"), times(&[("2026-12-04", "2026-12-05")]));
    let summaries: Vec<&str> = events
        .iter()
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert!(summaries.contains(&"Jour fixe: call with Anna Schmidt"));
    assert!(summaries.contains(&"Follow-up with Anna Schmidt: send the offer"));
}

#[test]
fn due_checkins_are_all_day_events_today() {
    let env = Env::new("2026-11-23T08:00:00+01:00");
    env.ok(&["add", "Ben Okafor", "--every", "1w"]);
    let text = env.ok(&["export", "ics"]).replace("\r\n ", "");
    assert!(text.contains("DTSTART;VALUE=DATE:20261123\r\n"), "{text}");
    assert!(
        text.contains("SUMMARY:Check in with Ben Okafor (due today)\r\n"),
        "{text}"
    );
    // A Jour fixe this week makes Ben planned: no check-in event then.
    env.ok(&["jourfixe", "add", "ben", "weekly fri 12:00"]);
    let text = env.ok(&["export", "ics"]);
    assert!(!text.contains("Check in with"), "{text}");
}
