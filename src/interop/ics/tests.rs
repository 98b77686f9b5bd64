use chrono::{NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use icalendar::{Calendar, EventLike};

use super::*;
use crate::model::{Channel, Sphere};
use crate::schedule::Status;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 8, 0, 0).unwrap()
}

fn anna() -> Contact {
    Contact {
        id: 7,
        uid: "c0ffee".into(),
        sphere: Sphere::Work,
        cadence_days: Some(14),
        ..Contact::new("Anna Schmidt", now())
    }
}

/// "every 2nd tue 10:00" from Tue 10 Nov 2026, with 8 Dec skipped.
fn second_tuesday() -> JourFixe {
    JourFixe {
        id: 3,
        contact_id: 7,
        start: d(2026, 11, 10),
        rrule: "FREQ=MONTHLY;BYDAY=2TU".into(),
        time: NaiveTime::from_hms_opt(10, 0, 0),
        duration_minutes: Some(45),
        channel: Channel::Call,
        note: Some("roadmap; budget, staffing".into()),
        active: true,
        skipped: vec![d(2026, 12, 8)],
    }
}

fn export(jfs: &[JourFixe], contact: &Contact) -> Exported {
    calendar(&CalendarData {
        jourfixes: jfs.iter().map(|jf| (jf, contact)).collect(),
        followups: Vec::new(),
        checkins: Vec::new(),
        today: d(2026, 11, 29),
        now: now(),
    })
}

/// The content lines, unfolded.
fn lines(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

fn line<'a>(lines: &'a [String], prefix: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} in {lines:#?}"))
}

#[test]
fn a_jourfixe_is_a_recurring_event_in_floating_local_time() {
    let out = export(&[second_tuesday()], &anna());
    assert_eq!((out.jourfixe, out.left_out), (1, 0));
    let l = lines(&out.text);
    assert_eq!(line(&l, "DTSTART"), "DTSTART:20261110T100000");
    assert_eq!(line(&l, "DTEND"), "DTEND:20261110T104500");
    assert_eq!(line(&l, "EXDATE"), "EXDATE:20261208T100000");
    assert_eq!(line(&l, "UID"), "UID:jourfixe-3-c0ffee@draht");
    assert_eq!(line(&l, "DTSTAMP"), "DTSTAMP:20261129T080000Z");
    assert_eq!(
        line(&l, "SUMMARY"),
        "SUMMARY:Jour fixe: call with Anna Schmidt"
    );
    assert_eq!(
        line(&l, "DESCRIPTION"),
        r"DESCRIPTION:the 2nd Tuesday of every month at 10:00\nroadmap\; budget\, staffing"
    );
    let rrule = line(&l, "RRULE");
    assert!(rrule.starts_with("RRULE:FREQ=MONTHLY"), "{rrule}");
    assert!(rrule.contains("BYDAY=2TU"), "{rrule}");
    assert_eq!(line(&l, "PRODID"), "PRODID:-//draht//draht//EN");
    assert!(!out.text.contains("ICALENDAR-RS"));
}

#[test]
fn the_exported_rule_keeps_ten_oclock_across_daylight_saving() {
    let out = export(&[second_tuesday()], &anna());
    let cal: Calendar = out.text.parse().unwrap();
    let event = cal.events().next().unwrap();
    let dates = event.get_recurrence().unwrap().all(8).dates;
    let got: Vec<(NaiveDate, u32)> = dates
        .iter()
        .map(|t| (t.date_naive(), t.naive_local().hour()))
        .collect();
    // Nov, (Dec skipped), Jan, Feb, Mar, Apr (after the spring change), …
    assert_eq!(
        got[..5],
        [
            (d(2026, 11, 10), 10),
            (d(2027, 1, 12), 10),
            (d(2027, 2, 9), 10),
            (d(2027, 3, 9), 10),
            (d(2027, 4, 13), 10),
        ]
    );
}

#[test]
fn until_takes_the_form_of_the_start() {
    let timed = JourFixe {
        rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231".into(),
        skipped: Vec::new(),
        ..second_tuesday()
    };
    let out = export(std::slice::from_ref(&timed), &anna());
    let l = lines(&out.text);
    assert!(
        line(&l, "RRULE").contains("UNTIL=20271231T235959;"),
        "{}",
        line(&l, "RRULE")
    );
    assert!(!line(&l, "RRULE").contains('Z'));

    let all_day = JourFixe {
        time: None,
        rrule: "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T230000Z".into(),
        ..second_tuesday()
    };
    let out = export(&[all_day], &anna());
    let l = lines(&out.text);
    assert_eq!(
        line(&l, "RRULE"),
        "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231"
    );
}

#[test]
fn an_all_day_jourfixe_uses_dates_and_no_time_parts() {
    let all_day = JourFixe {
        time: None,
        duration_minutes: None,
        note: None,
        ..second_tuesday()
    };
    let out = export(&[all_day], &anna());
    let l = lines(&out.text);
    assert_eq!(line(&l, "DTSTART"), "DTSTART;VALUE=DATE:20261110");
    assert_eq!(line(&l, "DTEND"), "DTEND;VALUE=DATE:20261111");
    assert_eq!(line(&l, "EXDATE"), "EXDATE;VALUE=DATE:20261208");
    assert_eq!(line(&l, "RRULE"), "RRULE:FREQ=MONTHLY;BYDAY=2TU");
    assert_eq!(
        line(&l, "DESCRIPTION"),
        "DESCRIPTION:the 2nd Tuesday of every month"
    );
}

#[test]
fn a_timed_jourfixe_without_duration_lasts_half_an_hour() {
    let jf = JourFixe {
        duration_minutes: None,
        ..second_tuesday()
    };
    let l = lines(&export(&[jf], &anna()).text);
    assert_eq!(line(&l, "DTEND"), "DTEND:20261110T103000");
}

#[test]
fn an_unreadable_stored_rule_is_left_out_not_written() {
    let broken = JourFixe {
        rrule: "FREQ=SOMETIMES".into(),
        ..second_tuesday()
    };
    let out = export(&[broken, second_tuesday()], &anna());
    assert_eq!((out.jourfixe, out.left_out), (1, 1));
    assert!(!out.text.contains("SOMETIMES"));
}

#[test]
fn followups_and_checkins_are_all_day_events() {
    let contact = anna();
    let followup = FollowUp {
        id: 2,
        contact_id: 7,
        due: d(2026, 12, 4),
        note: "send the offer".into(),
        created_at: now(),
        done_at: None,
    };
    let overdue = AgendaEntry {
        contact_id: 7,
        name: "Anna Schmidt".into(),
        sphere: Sphere::Work,
        status: Status::Overdue,
        due: d(2026, 11, 22),
        days_overdue: 7,
        cadence_days: 14,
        last_touch: None,
        last_personal: None,
        written_streak: 3,
        hook: Some("Q3 launch".into()),
        plan: None,
    };
    let out = calendar(&CalendarData {
        jourfixes: Vec::new(),
        followups: vec![(&followup, &contact)],
        checkins: vec![(&overdue, &contact)],
        today: d(2026, 11, 29),
        now: now(),
    });
    assert_eq!((out.followups, out.checkins), (1, 1));
    let text = out.text.replace("\r\n ", "");
    let events: Vec<&str> = text.split("BEGIN:VEVENT").skip(1).collect();
    assert_eq!(events.len(), 2);
    let fu = lines(events[0]);
    assert_eq!(line(&fu, "DTSTART"), "DTSTART;VALUE=DATE:20261204");
    assert_eq!(line(&fu, "DTEND"), "DTEND;VALUE=DATE:20261205");
    assert_eq!(
        line(&fu, "SUMMARY"),
        "SUMMARY:Follow-up with Anna Schmidt: send the offer"
    );
    assert_eq!(line(&fu, "UID"), "UID:followup-2-c0ffee@draht");
    let ci = lines(events[1]);
    assert_eq!(line(&ci, "DTSTART"), "DTSTART;VALUE=DATE:20261129");
    assert_eq!(
        line(&ci, "SUMMARY"),
        "SUMMARY:Check in with Anna Schmidt (7 days overdue)"
    );
    assert_eq!(
        line(&ci, "DESCRIPTION"),
        "DESCRIPTION:Talk about: Q3 launch"
    );
    assert_eq!(line(&ci, "UID"), "UID:checkin-c0ffee@draht");
    assert!(!text.contains("RRULE"));
}

/// Reads a calendar with Python's icalendar (an independent parser, in
/// text mode: the line ends as they are) and prints, per event, its UID,
/// SUMMARY and DESCRIPTION as JSON.
const READ_EVENTS: &str = r#"
import json, sys
try:
    import icalendar
except ImportError as e:
    sys.exit("missing Python module: %s — python3 -m pip install icalendar (.ci/run does)" % e)
text = open(sys.argv[1], newline="").read()
cal = icalendar.Calendar.from_ical(text)
print(json.dumps([
    {k: str(e.get(k, "")) for k in ("UID", "SUMMARY", "DESCRIPTION")}
    for e in cal.walk("VEVENT")
]))
"#;

fn read_with_python(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draht.ics");
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(READ_EVENTS)
        .arg(&file)
        .output()
        .expect("python3 (with `python3 -m pip install icalendar`, as .ci/run does)");
    assert!(
        out.status.success(),
        "python could not read the calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from python")
}

#[test]
fn no_text_value_can_end_its_line_or_start_a_property() {
    let evil = "Evil\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:injected\r\nUID:x\u{85}DTSTART:1\u{2028}\u{1b}]52;c;eA==\u{7}";
    let mut contact = anna();
    contact.name = evil.to_string();
    contact.uid = "uid\rEND:VCALENDAR".to_string();
    let followup = FollowUp {
        id: 2,
        contact_id: 7,
        due: d(2026, 12, 4),
        note: format!("call back\r{evil}"),
        created_at: now(),
        done_at: None,
    };
    let mut jf = second_tuesday();
    jf.note = Some(format!("note\r\r\n{evil}"));
    let overdue = AgendaEntry {
        contact_id: 7,
        name: evil.into(),
        sphere: Sphere::Work,
        status: Status::Overdue,
        due: d(2026, 11, 22),
        days_overdue: 7,
        cadence_days: 14,
        last_touch: None,
        last_personal: None,
        written_streak: 0,
        hook: Some(format!("hook\r{evil}")),
        plan: None,
    };
    let out = calendar(&CalendarData {
        jourfixes: vec![(&jf, &contact)],
        followups: vec![(&followup, &contact)],
        checkins: vec![(&overdue, &contact)],
        today: d(2026, 11, 29),
        now: now(),
    });
    assert_eq!((out.jourfixe, out.followups, out.checkins), (1, 1, 1));
    // every CR ends a content line (with its LF); no other control is left
    let stripped = out.text.replace("\r\n", "");
    assert!(
        !stripped.chars().any(|c| c.is_control() || c == '\u{2028}'),
        "{:?}",
        out.text
    );
    let events = read_with_python(&out.text);
    assert_eq!(events.len(), 3, "one event per record: {events:#?}");
    let uids: Vec<&str> = events.iter().map(|e| e["UID"].as_str().unwrap()).collect();
    assert_eq!(
        uids,
        [
            "jourfixe-3-uid\nEND:VCALENDAR@draht",
            "followup-2-uid\nEND:VCALENDAR@draht",
            "checkin-uid\nEND:VCALENDAR@draht",
        ]
    );
    let shown = "Evil\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\nUID:x\nDTSTART:1\n\u{fffd}]52;c;eA==\u{fffd}";
    assert_eq!(
        events[1]["SUMMARY"],
        format!("Follow-up with {shown}: call back\n{shown}")
    );
    assert_eq!(
        events[2]["DESCRIPTION"],
        format!("Talk about: hook\n{shown}")
    );
    assert!(
        events[0]["DESCRIPTION"]
            .as_str()
            .unwrap()
            .ends_with(&format!("note\n\n{shown}")),
        "{}",
        events[0]["DESCRIPTION"]
    );
}
