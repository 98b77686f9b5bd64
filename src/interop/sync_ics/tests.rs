use chrono::TimeZone;

use super::*;
use crate::interop::sync_ics_read::{duration, rfc6868_decode, split_list};
use crate::interop::sync_ics_write::rfc6868_encode;
use chrono::Duration;

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap()
}

fn anna() -> Person {
    Person {
        uid: Some("6a1b9c3e-55f2-4d0b-9a2e-0c4e8b1d7f21".into()),
        name: "Anna Schmidt".into(),
        email: Some("anna@example.org".into()),
    }
}

fn ben() -> Person {
    Person {
        uid: Some("ben \"the\" uid; odd:one".into()),
        name: "Ben, Jr.".into(),
        email: None,
    }
}

fn items() -> Vec<CalItem> {
    vec![
        CalItem {
            uid: "touch-1".into(),
            record: CalRecord::Touch(CalTouch {
                at: at(1, 9, 30),
                channel: Channel::Call,
                outcome: Outcome::Done,
                rating: Some(1),
                note: Some("talked about the boat; sails, ropes\nand more".into()),
                hook: Some("Berlin marathon".into()),
                with: vec![anna(), ben()],
            }),
        },
        CalItem {
            uid: "touch-2".into(),
            record: CalRecord::Touch(CalTouch {
                at: at(2, 18, 0),
                channel: Channel::Meet,
                outcome: Outcome::Missed,
                rating: None,
                note: None,
                hook: None,
                with: vec![ben()],
            }),
        },
        CalItem {
            uid: "jf-1".into(),
            record: CalRecord::JourFixe(CalJourFixe {
                with: anna(),
                start: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
                rrule: "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231".into(),
                time: NaiveTime::from_hms_opt(10, 0, 0),
                duration_minutes: Some(45),
                channel: Channel::Video,
                note: Some("bring the plan".into()),
                active: true,
                skipped: vec![NaiveDate::from_ymd_opt(2027, 1, 12).unwrap()],
            }),
        },
        CalItem {
            uid: "jf-2".into(),
            record: CalRecord::JourFixe(CalJourFixe {
                with: ben(),
                start: NaiveDate::from_ymd_opt(2026, 12, 5).unwrap(),
                rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA".into(),
                time: None,
                duration_minutes: None,
                channel: Channel::Meet,
                note: None,
                active: false,
                skipped: vec![
                    NaiveDate::from_ymd_opt(2026, 12, 19).unwrap(),
                    NaiveDate::from_ymd_opt(2027, 1, 2).unwrap(),
                ],
            }),
        },
        CalItem {
            uid: "jf-3".into(),
            record: CalRecord::JourFixe(CalJourFixe {
                with: anna(),
                start: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                rrule: "FREQ=WEEKLY;BYDAY=MO".into(),
                time: NaiveTime::from_hms_opt(8, 30, 0),
                duration_minutes: None,
                channel: Channel::Call,
                note: None,
                active: true,
                skipped: vec![],
            }),
        },
        CalItem {
            uid: "fu-1".into(),
            record: CalRecord::FollowUp(CalFollowUp {
                with: anna(),
                due: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                note: "send the offer, with prices".into(),
                created_at: at(1, 10, 0),
                done_at: None,
            }),
        },
        CalItem {
            uid: "fu-2".into(),
            record: CalRecord::FollowUp(CalFollowUp {
                with: ben(),
                due: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                note: "call back".into(),
                created_at: at(1, 10, 0),
                done_at: Some(at(3, 17, 45)),
            }),
        },
    ]
}

#[test]
fn every_record_reads_back_as_it_was_written() {
    for item in items() {
        let text = render_item(&item, None, at(6, 12, 0));
        match read_item(&text).unwrap() {
            ReadItem::Draht {
                item: back,
                modified,
            } => {
                assert_eq!(back, item, "{text}");
                assert_eq!(modified, Some(at(6, 12, 0)));
                assert_eq!(item_fields(&back), item_fields(&item));
            }
            other => panic!("{other:?} from {text}"),
        }
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded: {line:?}");
        }
    }
}

#[test]
fn items_say_what_other_calendars_show() {
    let all: Vec<String> = items()
        .iter()
        .map(|i| render_item(i, None, at(6, 12, 0)))
        .collect();
    assert!(all[0].contains("BEGIN:VJOURNAL\r\n"));
    assert!(all[0].contains("CATEGORIES:call,done\r\n"), "{}", all[0]);
    assert!(all[0].contains("DTSTART:20261201T093000Z\r\n"));
    assert!(
        all[2].contains("DTSTART:20261208T100000\r\n"),
        "floating: {}",
        all[2]
    );
    assert!(all[2].contains("DTEND:20261208T104500\r\n"));
    assert!(all[2].contains("RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231T235959\r\n"));
    assert!(all[2].contains("EXDATE:20270112T100000\r\n"));
    assert!(
        all[3].contains("DTSTART;VALUE=DATE:20261205\r\n"),
        "{}",
        all[3]
    );
    assert!(all[3].contains("STATUS:CANCELLED\r\n"));
    assert!(
        all[4].contains("DTEND:20261207T090000\r\n"),
        "the default half hour"
    );
    assert!(!all[4].contains("X-DRAHT-MINUTES"));
    assert!(all[5].contains("BEGIN:VTODO\r\n") && all[5].contains("DUE;VALUE=DATE:20261204\r\n"));
    assert!(
        all[5].contains("SUMMARY:Anna Schmidt: send the offer\\, with prices\r\n"),
        "{}",
        all[5]
    );
    assert!(all[6].contains("COMPLETED:20261203T174500Z\r\n"));
    let unfolded = all[5].replace("\r\n ", "");
    assert!(
        unfolded.contains("ATTENDEE;CN=Anna Schmidt;X-DRAHT-UID=6a1b9c3e-55f2-4d0b-9a2e-0c4e8b1d7f21:mailto:anna@example.org\r\n"),
        "{unfolded}"
    );
}

#[test]
fn an_item_edited_elsewhere_is_read_as_it_now_is() {
    let jf = render_item(&items()[4], None, at(6, 12, 0));
    // khal moved it to 09:00 for an hour, with a zone, and skipped a date
    let edited = jf
        .replace(
            "DTSTART:20261207T083000",
            "DTSTART;TZID=Europe/Berlin:20261207T090000",
        )
        .replace(
            "DTEND:20261207T090000",
            "DTEND;TZID=Europe/Berlin:20261207T100000",
        )
        .replace(
            "RRULE:",
            "EXDATE;TZID=Europe/Berlin:20261214T090000\r\nRRULE:",
        );
    let ReadItem::Draht { item, .. } = read_item(&edited).unwrap() else {
        panic!("draht's")
    };
    let CalRecord::JourFixe(j) = item.record else {
        panic!("a Jour fixe")
    };
    assert_eq!(j.time, NaiveTime::from_hms_opt(9, 0, 0));
    assert_eq!(j.duration_minutes, Some(60));
    assert_eq!(j.skipped, [NaiveDate::from_ymd_opt(2026, 12, 14).unwrap()]);
    // a todo app renamed the follow-up
    let fu = render_item(&items()[5], None, at(6, 12, 0));
    let renamed = fu.replace(
        "SUMMARY:Anna Schmidt: send the offer\\, with prices",
        "SUMMARY:send the new offer",
    );
    let ReadItem::Draht { item, .. } = read_item(&renamed).unwrap() else {
        panic!("draht's")
    };
    let CalRecord::FollowUp(f) = item.record else {
        panic!("a follow-up")
    };
    assert_eq!(f.note, "send the new offer");
}

#[test]
fn writing_over_an_item_keeps_what_other_calendars_added() {
    let item = &items()[2];
    let first = render_item(item, None, at(6, 12, 0));
    let added = first.replace(
        "END:VEVENT\r\n",
        "LOCATION:Café Anna\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:soon\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:jf-1\r\nRECURRENCE-ID:20261208T100000\r\nDTSTART:20261208T110000\r\nSUMMARY:moved once\r\nEND:VEVENT\r\n",
    );
    let mut changed = item.clone();
    if let CalRecord::JourFixe(j) = &mut changed.record {
        j.note = Some("new plan".into());
        j.skipped.push(NaiveDate::from_ymd_opt(2027, 2, 9).unwrap());
    }
    let text = render_item(&changed, Some(&added), at(7, 8, 0));
    for kept in [
        "LOCATION:Café Anna\r\n",
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:soon\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n",
        "RECURRENCE-ID:20261208T100000\r\nDTSTART:20261208T110000\r\nSUMMARY:moved once\r\n",
    ] {
        assert!(text.contains(kept), "{kept:?} in {text}");
    }
    assert_eq!(text.matches("DESCRIPTION:new plan").count(), 1, "{text}");
    assert!(!text.contains("bring the plan"));
    assert_eq!(text.matches("LAST-MODIFIED").count(), 1);
    let ReadItem::Draht { item: back, .. } = read_item(&text).unwrap() else {
        panic!("draht's")
    };
    assert_eq!(back, changed);
}

#[test]
fn an_event_made_elsewhere_is_not_draht_s() {
    let khal = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//khal//EN\r\nBEGIN:VEVENT\r\nUID:abc@khal\r\nDTSTART:20261201T100000\r\nSUMMARY:Lunch\r\nATTENDEE;CN=Anna:mailto:anna@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_eq!(
        read_item(khal).unwrap(),
        ReadItem::Other {
            uid: "abc@khal".into()
        }
    );
    assert!(read_item("not a calendar").is_err());
    assert!(read_item("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").is_err());
}

#[test]
fn why_a_file_is_not_an_item_is_said_in_german_too() {
    use crate::i18n::{Lang, with_lang};
    let empty = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    assert_eq!(
        read_item(empty).unwrap_err(),
        "it holds no event, task or journal entry"
    );
    with_lang(Lang::De, || {
        assert_eq!(
            read_item(empty).unwrap_err(),
            "sie enthält keinen Termin, keine Aufgabe und keinen Journaleintrag"
        );
    });
}

#[test]
fn helpers_read_what_they_should() {
    assert_eq!(duration("PT1H30M"), Some(Duration::minutes(90)));
    assert_eq!(duration("P1D"), Some(Duration::days(1)));
    assert_eq!(split_list("call,done"), ["call", "done"]);
    assert_eq!(split_list("a\\,b,c"), ["a,b", "c"]);
    for text in ["a\"b", "x^y", "plain", "line\nbreak"] {
        assert_eq!(rfc6868_decode(&rfc6868_encode(text)), text);
    }
}
