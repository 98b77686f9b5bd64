use chrono::TimeZone;

use super::*;
use crate::capture::address::Entry;
use crate::capture::phone;

fn book() -> Book {
    Book::with_region(
        &[
            Entry::with_phones(1, "Anna Schmidt", &[]),
            Entry::with_phones(2, "Ben Okafor", &["0171 2222222"]),
            Entry::with_phones(3, "Clara Weiß", &[]),
        ],
        &[],
        false,
        phone::region("DE"),
    )
}

/// Seconds of a UTC time in December 2026, as Telegram writes them.
fn unix(day: u32, hour: u32) -> String {
    Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0)
        .unwrap()
        .timestamp()
        .to_string()
}

fn read_all(json: &str, options: &Options) -> (Vec<Found>, bool) {
    let book = book();
    let window = Window {
        now: Utc.with_ymd_and_hms(2026, 12, 20, 12, 0, 0).unwrap(),
        since: None,
    };
    let cx = Context {
        book: &book,
        window: &window,
        options,
    };
    let mut found = Vec::new();
    let settled = read(json.as_bytes(), &cx, &mut |f| found.push(f)).unwrap();
    (found, settled)
}

fn message(id: u32, day: u32, hour: u32, from: &str, from_id: &str) -> String {
    format!(
        r#"{{"id": {id}, "type": "message", "date": "2026-12-{day:02}T{hour:02}:00:00", "date_unixtime": "{u}", "from": "{from}", "from_id": "{from_id}", "text": "Hallo", "text_entities": [{{"type": "plain", "text": "Hallo"}}]}}"#,
        u = unix(day, hour)
    )
}

fn call(id: u32, day: u32, hour: u32, actor_id: &str, extra: &str) -> String {
    format!(
        r#"{{"id": {id}, "type": "service", "date": "2026-12-{day:02}T{hour:02}:00:00", "date_unixtime": "{u}", "actor": "x", "actor_id": "{actor_id}", "action": "phone_call"{extra}, "text": "", "text_entities": []}}"#,
        u = unix(day, hour)
    )
}

fn single_chat() -> String {
    format!(
        r#"{{
 "name": "Anna Schmidt",
 "type": "personal_chat",
 "id": 4711,
 "messages": [
  {m1},
  {m2},
  {m3},
  {c1},
  {c2},
  {c3},
  {c4},
  {{"id": 20, "type": "service", "date_unixtime": "{u}", "actor": "Anna Schmidt", "actor_id": "user4711", "action": "pin_message", "message_id": 1}}
 ]
}}"#,
        m1 = message(1, 7, 9, "Anna Schmidt", "user4711"),
        m2 = message(2, 7, 10, "Max", "user1"),
        m3 = message(3, 8, 9, "Max", "user1"),
        c1 = call(
            10,
            8,
            18,
            "user1",
            r#", "duration_seconds": 754, "discard_reason": "hangup""#
        ),
        c2 = call(11, 9, 18, "user1", r#", "discard_reason": "missed""#),
        c3 = call(12, 10, 18, "user4711", r#", "discard_reason": "missed""#),
        c4 = call(13, 11, 18, "user1", r#", "discard_reason": "busy""#),
        u = unix(12, 9),
    )
}

#[test]
fn a_single_chat_export() {
    let (found, settled) = read_all(&single_chat(), &Options::default());
    assert!(settled);
    let summary: Vec<String> = found
        .iter()
        .map(|f| match f {
            Found::Items(i, n) => format!("{} {n} sent={}", i.key, i.sent),
            Found::Item(i) => format!("{} {} {}", i.key, i.channel.as_str(), i.outcome.as_str()),
            Found::Tried(i) => format!("{} tried", i.key),
            Found::Skipped(s, n) => format!("{} {n}", s.as_str()),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            "system 1",
            "tg:4711:2026-12-07 2 sent=true",
            "tg:4711:2026-12-08 1 sent=true",
            "tg:4711:10 call done",
            "tg:4711:11 call missed",
            "tg:4711:12 tried",
            "tg:4711:13 call missed",
        ]
    );
    let Found::Items(item, _) = &found[1] else {
        unreachable!()
    };
    assert_eq!(book().contacts_of(item, false), vec![1]);
}

#[test]
fn the_full_export_with_its_contact_list() {
    let json = format!(
        r#"{{
 "about": "Here is the data you requested. Remember: Telegram is ad free, it doesn't sell your data, and it never will.",
 "personal_information": {{"user_id": 1, "first_name": "Max", "last_name": "", "phone_number": "+49 170 0000000", "bio": ""}},
 "profile_pictures": [],
 "contacts": {{"about": "This is your contact list.", "list": [
   {{"first_name": "Benni", "last_name": "", "phone_number": "+49 171 2222222", "date": "2020-01-01T00:00:00", "date_unixtime": "1577836800"}},
   {{"first_name": "", "last_name": "", "phone_number": "", "date": "2020-01-01T00:00:00"}}
 ]}},
 "frequent_contacts": {{"about": "x", "list": []}},
 "chats": {{"about": "This page lists all chats from this export.", "list": [
   {{"name": "Benni", "type": "personal_chat", "id": 5000, "messages": [{b1}, {b2}]}},
   {{"name": "Wandern", "type": "private_supergroup", "id": 6000, "messages": [{g1}, {g2}, {g3}]}},
   {{"name": "News", "type": "public_channel", "id": 7000, "messages": [{n1}]}},
   {{"type": "saved_messages", "id": 1, "messages": [{s1}]}},
   {{"name": "Anna Schmidt", "type": "personal_chat", "id": 4711, "messages": [{a1}]}}
 ]}},
 "left_chats": {{"about": "x", "list": []}}
}}"#,
        b1 = message(1, 7, 9, "Benni", "user5000"),
        b2 = message(2, 7, 10, "Max", "user1"),
        g1 = message(1, 8, 9, "Anna Schmidt", "user4711"),
        g2 = message(2, 8, 10, "Clara Weiß", "user4712"),
        g3 = message(3, 8, 11, "Max", "user1"),
        n1 = message(1, 8, 9, "News", "channel7000"),
        s1 = message(1, 8, 9, "Max", "user1"),
        a1 = message(1, 9, 9, "Anna Schmidt", "user4711"),
    );
    let book = book();
    let ids = |found: &[Found]| -> Vec<Vec<Id>> {
        found
            .iter()
            .filter_map(|f| match f {
                Found::Items(item, _) => Some(book.contacts_of(item, false)),
                _ => None,
            })
            .collect()
    };
    let (found, _) = read_all(&json, &Options::default());
    assert_eq!(
        ids(&found),
        vec![vec![2], vec![1]],
        "Ben by the number the contact list gives \"Benni\"; Anna by her name"
    );
    let skipped: Vec<(&str, u32)> = found
        .iter()
        .filter_map(|f| match f {
            Found::Skipped(s, n) => Some((s.as_str(), *n)),
            _ => None,
        })
        .collect();
    assert_eq!(skipped, vec![("group", 3), ("list", 1), ("own", 1)]);
    let (grouped, _) = read_all(
        &json,
        &Options {
            groups: true,
            max_recipients: 8,
            ..Options::default()
        },
    );
    assert_eq!(ids(&grouped), vec![vec![2], vec![1, 3], vec![1]]);
}

#[test]
fn broken_json_keeps_what_came_before() {
    let json = single_chat();
    let cut = &json[..json.find(r#""id": 3,"#).unwrap()];
    let (found, _) = read_all(cut, &Options::default());
    assert!(
        matches!(found.first(), Some(Found::Broken(why)) if why.starts_with("line ")),
        "{found:?}"
    );
    let days: Vec<u32> = found
        .iter()
        .filter_map(|f| match f {
            Found::Items(_, n) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(days, vec![2], "the two messages read before the cut");
}

#[test]
fn odd_values_are_read_past() {
    let json = format!(
        r#"{{"name": ["odd"], "type": "personal_chat", "id": 4711, "messages": [17, {m}, {{"id": "x", "type": "message", "from_id": {{"a": 1}}}}]}}"#,
        m = message(1, 7, 9, "Anna Schmidt", "user4711")
    );
    let (found, _) = read_all(
        &json,
        &Options {
            contact: Some((1, "Anna Schmidt".into())),
            ..Options::default()
        },
    );
    let broken = found
        .iter()
        .filter(|f| matches!(f, Found::Broken(_)))
        .count();
    assert_eq!(
        broken, 2,
        "a number for a message, a message without a date: {found:?}"
    );
    let Some(Found::Items(item, 1)) = found.iter().find(|f| matches!(f, Found::Items(..))) else {
        panic!("{found:?}")
    };
    assert_eq!(book().contacts_of(item, false), vec![1], "--contact");
}

#[test]
fn first_bytes_of_an_export() {
    assert!(looks_like_export(
        b"{\n \"name\": \"Anna\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": ["
    ));
    assert!(looks_like_export(b"{\n \"about\": \"Here is the data you requested. Remember: Telegram is ad free\",\n \"personal_information\": {"));
    assert!(!looks_like_export(b"{\"contacts\": []}"));
    assert!(!looks_like_export(b"[1, 2]"));
}
