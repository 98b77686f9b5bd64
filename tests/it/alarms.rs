//! Calendar alarms in `export ics`, read back by an independent parser:
//! Python's `icalendar` with `recurring-ical-events`, which expands each
//! Jour fixe into its occurrences. Every occurrence must carry its alarm.

use std::process::Command;

use serde_json::Value;

use crate::harness::Env;

const READ_ALARMS: &str = r#"
import datetime, json, sys
try:
    import icalendar, recurring_ical_events
except ImportError as e:
    sys.exit("missing Python module: %s — pip install icalendar recurring-ical-events (.ci/run does)" % e)
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
out = []
for e in recurring_ical_events.of(cal).between(datetime.date(2026, 12, 1), datetime.date(2027, 1, 1)):
    start = e["DTSTART"].dt
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time())
    alarms = []
    for a in e.walk("VALARM"):
        trigger = a["TRIGGER"].dt
        alarms.append({
            "action": str(a["ACTION"]),
            "description": str(a["DESCRIPTION"]),
            "at": (start + trigger).isoformat(),
        })
    out.append({"uid": str(e["UID"]), "start": start.isoformat(), "alarms": alarms})
out.sort(key=lambda o: (o["start"], o["uid"]))
print(json.dumps(out))
"#;

/// (start, alarm time, description) of every event whose UID starts with `uid`.
fn alarms_of(events: &[Value], uid: &str) -> Vec<(String, String, String)> {
    events
        .iter()
        .filter(|e| e["uid"].as_str().unwrap().starts_with(uid))
        .flat_map(|e| {
            let alarms = e["alarms"].as_array().unwrap();
            assert!(alarms.len() <= 1, "one alarm per event: {e}");
            alarms.iter().map(|a| {
                assert_eq!(a["action"], "DISPLAY");
                (
                    e["start"].as_str().unwrap().to_string(),
                    a["at"].as_str().unwrap().to_string(),
                    a["description"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn every_occurrence_carries_its_alarm_in_an_independent_reader() {
    let env = Env::new("2026-12-01T08:00:00+01:00");
    let config = env.dir.path().join("config.toml");
    std::fs::write(
        &config,
        "remind_before = \"10min\"\nremind_at = \"08:00\"\n",
    )
    .unwrap();
    let cfg = config.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--config", cfg];
        all.extend_from_slice(args);
        env.ok(&all)
    };
    run(&["add", "Anna Schmidt"]);
    run(&["hook", "anna", "ask about the Q3 launch"]);
    run(&["add", "Ben Okafor"]);
    run(&["add", "Lea Brandt"]);
    run(&["add", "Mama"]);
    run(&["jourfixe", "add", "anna", "weekly tue 10:00"]);
    run(&[
        "jourfixe",
        "add",
        "ben",
        "every 2nd thu 12:00",
        "--remind",
        "1h",
    ]);
    run(&[
        "jourfixe",
        "add",
        "lea",
        "weekly fri",
        "--note",
        "bring the plans",
    ]);
    run(&["jourfixe", "add", "mama", "weekly wed 09:00", "--no-remind"]);
    run(&["jourfixe", "skip", "1", "2026-12-15"]);
    run(&["remind", "anna", "2026-12-04", "send the offer"]);
    let file = env.dir.path().join("draht.ics");
    run(&["export", "ics", "-o", file.to_str().unwrap()]);

    let out = Command::new("python3")
        .arg("-c")
        .arg(READ_ALARMS)
        .arg(&file)
        .output()
        .expect("python3 (pyenv or Debian) must be installed; .ci/run installs its modules");
    assert!(
        out.status.success(),
        "python could not read the calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON from python");
    let anna = "Jour fixe with Anna Schmidt — call · ask about the Q3 launch";
    let expect = |list: &[(&str, &str, &str)]| -> Vec<(String, String, String)> {
        list.iter()
            .map(|(s, a, d)| (s.to_string(), a.to_string(), d.to_string()))
            .collect()
    };
    // 10 minutes before, from the config; the skipped 15 Dec has none
    assert_eq!(
        alarms_of(&events, "jourfixe-1-"),
        expect(&[
            ("2026-12-01T10:00:00", "2026-12-01T09:50:00", anna),
            ("2026-12-08T10:00:00", "2026-12-08T09:50:00", anna),
            ("2026-12-22T10:00:00", "2026-12-22T09:50:00", anna),
            ("2026-12-29T10:00:00", "2026-12-29T09:50:00", anna),
        ])
    );
    // its own hour
    assert_eq!(
        alarms_of(&events, "jourfixe-2-"),
        expect(&[(
            "2026-12-10T12:00:00",
            "2026-12-10T11:00:00",
            "Jour fixe with Ben Okafor — call"
        )])
    );
    // all day: at remind_at on the day
    let lea = alarms_of(&events, "jourfixe-3-");
    assert_eq!(lea.len(), 4, "{lea:?}");
    assert_eq!(
        lea[0],
        (
            "2026-12-04T00:00:00".to_string(),
            "2026-12-04T08:00:00".to_string(),
            "Jour fixe with Lea Brandt — call · bring the plans".to_string()
        )
    );
    // --no-remind: events, but no alarm
    assert!(alarms_of(&events, "jourfixe-4-").is_empty());
    assert!(
        events
            .iter()
            .any(|e| e["uid"].as_str().unwrap().starts_with("jourfixe-4-"))
    );
    assert_eq!(
        alarms_of(&events, "followup-1-"),
        expect(&[(
            "2026-12-04T00:00:00",
            "2026-12-04T08:00:00",
            "Follow-up with Anna Schmidt: send the offer · ask about the Q3 launch"
        )])
    );
    // The same data gives the same file: no clock, no random alarm UIDs.
    let again = env.dir.path().join("again.ics");
    run(&["export", "ics", "-o", again.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&again).unwrap()
    );
}
