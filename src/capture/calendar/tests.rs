use chrono::TimeZone;

use super::*;
use crate::capture::address::Entry;

fn book() -> Book {
    let entry = |id, name: &str, email: &str| Entry {
        id,
        name: name.into(),
        nickname: None,
        emails: vec![email.into()],
        phones: Vec::new(),
        archived: false,
    };
    Book::new(
        &[
            entry(1, "Anna Schmidt", "anna@acme.de"),
            entry(2, "Ben Okafor", "ben@okafor.net"),
        ],
        &["me@example.org".to_string()],
        false,
    )
}

fn window() -> Window {
    Window {
        now: Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap(),
        since: None,
    }
}

fn calendar(events: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{}END:VCALENDAR\r\n",
        events.replace('\n', "\r\n")
    )
}

fn event(uid: &str, start: &str, extra: &str) -> String {
    format!(
        "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T000000Z\nDTSTART:{start}\n{extra}END:VEVENT\n"
    )
}

fn items(read: &FileRead) -> Vec<&Item> {
    read.found
        .iter()
        .filter_map(|f| match f {
            Found::Item(i) => Some(i),
            _ => None,
        })
        .collect()
}

fn skips(read: &FileRead) -> Vec<Skip> {
    read.found
        .iter()
        .filter_map(|f| match f {
            Found::Skip(s) => Some(*s),
            _ => None,
        })
        .collect()
}

fn read_all(events: &str) -> FileRead {
    read(&calendar(events), &book(), 8, &window())
}

const ME_ACCEPTED: &str = "ORGANIZER;CN=Anna Schmidt:mailto:anna@acme.de\n\
ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.org\n";

#[test]
fn a_past_meeting_with_a_contact_is_a_meet_touch() {
    let r = read_all(&event(
        "m1",
        "20261110T100000Z",
        &format!("SUMMARY:Lunch\nLOCATION:Café Kranz\n{ME_ACCEPTED}"),
    ));
    let i = items(&r);
    assert_eq!(i.len(), 1, "{r:?}");
    assert_eq!(i[0].key, "m1");
    assert_eq!(i[0].channel, Channel::Meet);
    assert_eq!(
        i[0].at,
        Utc.with_ymd_and_hms(2026, 11, 10, 10, 0, 0).unwrap()
    );
    assert_eq!(i[0].people.len(), 1);
    assert_eq!(i[0].people[0].handle.as_str(), "anna@acme.de");
    assert_eq!(i[0].people[0].name.as_deref(), Some("Anna Schmidt"));
    assert!(r.settled);
}

#[test]
fn video_and_call_come_from_links_and_words() {
    let cases = [
        ("LOCATION:https://us02web.zoom.us/j/123\n", Channel::Video),
        (
            "DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/x\n",
            Channel::Video,
        ),
        (
            "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\n",
            Channel::Video,
        ),
        ("LOCATION:https://meet.jit.si/draht\n", Channel::Video),
        ("SUMMARY:Call with Anna\n", Channel::Call),
        ("SUMMARY:Telefonat Anna\n", Channel::Call),
        ("SUMMARY:Recall the offer\n", Channel::Meet),
        ("SUMMARY:Kaffee\n", Channel::Meet),
    ];
    for (extra, want) in cases {
        let r = read_all(&event(
            "e",
            "20261110T100000Z",
            &format!("{extra}{ME_ACCEPTED}"),
        ));
        assert_eq!(items(&r)[0].channel, want, "{extra}");
    }
}

#[test]
fn declined_cancelled_and_unanswered_events_are_not_touches() {
    let declined =
        "ORGANIZER:mailto:anna@acme.de\nATTENDEE;PARTSTAT=DECLINED:mailto:me@example.org\n";
    let unanswered =
        "ORGANIZER:mailto:anna@acme.de\nATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:me@example.org\n";
    let cancelled = format!("STATUS:CANCELLED\n{ME_ACCEPTED}");
    let not_in_it =
        "ORGANIZER:mailto:anna@acme.de\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ben@okafor.net\n";
    let r = read_all(&format!(
        "{}{}{}{}",
        event("d", "20261110T100000Z", declined),
        event("u", "20261110T100000Z", unanswered),
        event("c", "20261110T100000Z", &cancelled),
        event("n", "20261110T100000Z", not_in_it),
    ));
    assert!(items(&r).is_empty(), "{r:?}");
    assert_eq!(
        skips(&r),
        vec![
            Skip::Declined,
            Skip::NotAttended,
            Skip::Cancelled,
            Skip::NotAttended
        ]
    );
}

#[test]
fn an_attendee_who_declined_is_left_out() {
    let extra = "ORGANIZER:mailto:me@example.org\n\
ATTENDEE;PARTSTAT=ACCEPTED:mailto:anna@acme.de\n\
ATTENDEE;PARTSTAT=DECLINED:mailto:ben@okafor.net\n";
    let r = read_all(&event("o", "20261110T100000Z", extra));
    let i = items(&r);
    assert_eq!(i[0].people.len(), 1);
    assert_eq!(i[0].people[0].handle.as_str(), "anna@acme.de");
    assert!(i[0].sent, "the user organised it");
}

#[test]
fn an_event_without_attendees_carries_its_summary_for_names() {
    let r = read_all(&event(
        "k",
        "20261110T100000Z",
        "SUMMARY:Coffee with Anna\n",
    ));
    let i = items(&r);
    assert!(i[0].people.is_empty());
    assert_eq!(i[0].text.as_deref(), Some("Coffee with Anna"));
    assert_eq!(book().contacts_of(i[0], true), vec![1]);
    assert!(book().contacts_of(i[0], false).is_empty());
}

#[test]
fn recurring_events_are_expanded_up_to_now() {
    let extra = format!(
        "RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE:20261117T090000Z\nSUMMARY:Jour fixe\n{ME_ACCEPTED}"
    );
    let r = read_all(&event("weekly", "20261103T090000Z", &extra));
    let keys: Vec<&str> = items(&r).iter().map(|i| i.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "weekly/20261103T090000Z",
            "weekly/20261110T090000Z",
            "weekly/20261124T090000Z",
            "weekly/20261201T090000Z"
        ],
        "up to now, 12:00 on 1 Dec"
    );
    assert!(!r.settled, "an open-ended rule has more to come");
}

#[test]
fn an_override_stands_for_its_occurrence() {
    let master = event(
        "jf",
        "20261103T090000Z",
        &format!("RRULE:FREQ=WEEKLY;COUNT=3\n{ME_ACCEPTED}"),
    );
    let moved = event(
        "jf",
        "20261111T150000Z",
        &format!("RECURRENCE-ID:20261110T090000Z\nSUMMARY:moved\n{ME_ACCEPTED}"),
    );
    let cancelled = event(
        "jf",
        "20261117T090000Z",
        &format!("RECURRENCE-ID:20261117T090000Z\nSTATUS:CANCELLED\n{ME_ACCEPTED}"),
    );
    let r = read_all(&format!("{master}{moved}{cancelled}"));
    let found: Vec<(&str, DateTime<Utc>)> =
        items(&r).iter().map(|i| (i.key.as_str(), i.at)).collect();
    assert_eq!(
        found,
        vec![
            (
                "jf/20261103T090000Z",
                Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap()
            ),
            (
                "jf/20261110T090000Z",
                Utc.with_ymd_and_hms(2026, 11, 11, 15, 0, 0).unwrap()
            ),
        ]
    );
    assert_eq!(skips(&r), vec![Skip::Cancelled]);
    assert!(r.settled, "COUNT=3, all past");
}

#[test]
fn future_events_wait_and_unsettle_the_file() {
    let r = read_all(&event("f", "20261210T100000Z", ME_ACCEPTED));
    assert_eq!(skips(&r), vec![Skip::Future]);
    assert!(!r.settled);
}

#[test]
fn birthdays_are_not_meetings() {
    let r = read_all(&event(
        "b",
        "20000412",
        "RRULE:FREQ=YEARLY\nSUMMARY:Anna's birthday\n",
    ));
    assert_eq!(skips(&r), vec![Skip::Yearly]);
}

#[test]
fn windows_and_iana_zone_names() {
    assert_eq!(
        zone_named("Europe/Berlin"),
        Some(chrono_tz::Tz::Europe__Berlin)
    );
    assert_eq!(
        zone_named("W. Europe Standard Time"),
        Some(chrono_tz::Tz::Europe__Berlin)
    );
    assert_eq!(
        zone_named("/mozilla.org/20050126_1/Europe/Paris"),
        Some(chrono_tz::Tz::Europe__Paris)
    );
    assert_eq!(zone_named("Mars/Olympus"), None);
    let extra = format!("RRULE:FREQ=WEEKLY;COUNT=2\n{ME_ACCEPTED}");
    let text = calendar(&event("w", "20261103T100000", &extra)).replace(
        "DTSTART:20261103T100000",
        "DTSTART;TZID=W. Europe Standard Time:20261103T100000",
    );
    let r = read(&text, &book(), 8, &window());
    let at: Vec<DateTime<Utc>> = items(&r).iter().map(|i| i.at).collect();
    assert_eq!(
        at,
        vec![
            Utc.with_ymd_and_hms(2026, 11, 3, 9, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 10, 9, 0, 0).unwrap()
        ]
    );
}

#[test]
fn too_many_attendees_is_not_a_touch() {
    let mut extra = String::from("ORGANIZER:mailto:me@example.org\n");
    for i in 0..9 {
        extra.push_str(&format!("ATTENDEE;PARTSTAT=ACCEPTED:mailto:p{i}@x.de\n"));
    }
    assert_eq!(
        skips(&read_all(&event("t", "20261110T100000Z", &extra))),
        vec![Skip::TooMany]
    );
}

#[test]
fn broken_calendars_are_counted_not_fatal() {
    let r = read("this is no calendar", &book(), 8, &window());
    assert!(matches!(r.found[..], [Found::Broken(_)]), "{r:?}");
    let r = read_all("BEGIN:VEVENT\nUID:x\nSUMMARY:no start\nEND:VEVENT\n");
    assert!(matches!(r.found[..], [Found::Broken(_)]), "{r:?}");
}

#[test]
fn file_marks_round_trip() {
    let m = FileMark {
        size: 10,
        mtime: -3,
        settled: true,
    };
    assert_eq!(FileMark::decode(&m.encode()), Some(m));
    assert_eq!(FileMark::decode(b"v2 1"), None);
}
