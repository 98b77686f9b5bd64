use chrono::{TimeZone, Utc};

use super::*;
use crate::capture::address::Entry;

fn book() -> Book {
    Book::with_region(
        &[
            Entry::with_phones(1, "Anna Schmidt", &["0170 1234567"]),
            Entry::with_phones(2, "Ben Okafor", &[]),
            Entry::with_phones(3, "Clara Weiß", &["+49 171 7654321"]),
        ],
        &[],
        false,
        phone::region("DE"),
    )
}

fn window() -> Window {
    Window {
        now: Utc.with_ymd_and_hms(2026, 12, 20, 12, 0, 0).unwrap(),
        since: None,
    }
}

/// Reads `text` as the chat `title` and gives everything it found.
fn read_chat(text: &str, title: Option<&str>, options: &Options) -> Vec<Found> {
    let order = date_order(text.as_bytes(), options.date_order)
        .unwrap()
        .unwrap();
    let book = book();
    let window = window();
    let chat = Chat {
        title,
        order,
        options,
        book: &book,
        window: &window,
    };
    let mut found = Vec::new();
    read(text.as_bytes(), &chat, &mut |f| found.push(f)).unwrap();
    found
}

fn days_of(found: &[Found]) -> Vec<(String, u32, bool)> {
    found
        .iter()
        .filter_map(|f| match f {
            Found::Items(item, n) if item.channel == Channel::Chat => Some((
                item.key.rsplit(':').next().unwrap().to_string(),
                *n,
                item.sent,
            )),
            _ => None,
        })
        .collect()
}

fn calls_of(found: &[Found]) -> Vec<(&'static str, Channel, Outcome)> {
    found
        .iter()
        .filter_map(|f| match f {
            Found::Item(i) if i.channel != Channel::Chat => Some(("user", i.channel, i.outcome)),
            Found::Tried(i) => Some(("tried", i.channel, i.outcome)),
            _ => None,
        })
        .collect()
}

fn skipped(found: &[Found], skip: Skip) -> u32 {
    found
        .iter()
        .map(|f| match f {
            Found::Skipped(s, n) if *s == skip => *n,
            Found::Skip(s) if *s == skip => 1,
            _ => 0,
        })
        .sum()
}

/// An iPhone in German: seconds, brackets, U+200E before system and media
/// lines, calls in the chat.
const IOS_DE: &str = "\
[07.12.26, 18:03:11] Anna Schmidt: \u{200e}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.
[07.12.26, 18:03:11] Anna Schmidt: Hallo! Wie war die Reise?
[07.12.26, 18:05:40] Max: Lang. Erzähl ich dir
morgen, ok?
\u{200e}[07.12.26, 18:06:02] Anna Schmidt: \u{200e}Bild weggelassen
[08.12.26, 09:15:00] Max: \u{200e}Sprachanruf, \u{200e}12 Min.
[09.12.26, 20:00:00] Anna Schmidt: \u{200e}Verpasster Sprachanruf, \u{200e}Zum Zurückrufen tippen
[10.12.26, 07:30:00] Max: \u{200e}Videoanruf, \u{200e}Keine Antwort
[13.12.26, 11:00:00] Max: Guten Morgen
";

#[test]
fn an_iphone_chat_in_german() {
    let found = read_chat(IOS_DE, Some("Anna Schmidt"), &Options::default());
    assert_eq!(
        days_of(&found),
        vec![
            ("2026-12-07".to_string(), 3, true),
            ("2026-12-13".to_string(), 1, true)
        ],
        "three messages on the 7th (the multi-line one once), the photo among them"
    );
    assert_eq!(
        calls_of(&found),
        vec![
            ("user", Channel::Call, Outcome::Done),
            ("tried", Channel::Call, Outcome::Missed),
            ("user", Channel::Video, Outcome::Missed),
        ]
    );
    assert_eq!(skipped(&found, Skip::System), 1, "the encryption notice");
    let Found::Items(first, _) = &found
        .iter()
        .find(|f| matches!(f, Found::Items(..)))
        .unwrap()
    else {
        unreachable!()
    };
    assert_eq!(first.people[0].handle, Handle::Chat("Anna Schmidt".into()));
    assert!(!found.iter().any(|f| matches!(f, Found::Broken(_))));
}

/// An Android phone in English (US): a 12-hour clock, month first, no
/// seconds, system lines without a sender.
const ANDROID_EN: &str = "\
12/7/26, 6:03 PM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
12/7/26, 6:03 PM - Anna Schmidt: Hi! How was the trip?
12/7/26, 6:05 PM - Max: Long. Tell you
tomorrow
12/13/26, 9:15 AM - Anna Schmidt: <Media omitted>
12/13/26, 11:59 PM - Max: Good night
12/14/26, 12:10 AM - Anna Schmidt: Missed voice call
";

#[test]
fn an_android_chat_in_english_with_a_twelve_hour_clock() {
    let found = read_chat(ANDROID_EN, Some("Anna Schmidt"), &Options::default());
    assert_eq!(
        days_of(&found),
        vec![
            ("2026-12-07".to_string(), 2, true),
            ("2026-12-13".to_string(), 2, true)
        ]
    );
    assert_eq!(
        calls_of(&found),
        vec![("tried", Channel::Call, Outcome::Missed)]
    );
    assert_eq!(skipped(&found, Skip::System), 1);
    let late = found
        .iter()
        .find_map(|f| match f {
            Found::Tried(i) => Some(i.at),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        late,
        clock::from_local(
            NaiveDate::from_ymd_opt(2026, 12, 14)
                .unwrap()
                .and_hms_opt(0, 10, 0)
                .unwrap()
        ),
        "12:10 AM is ten past midnight"
    );
}

#[test]
fn an_ambiguous_date_order_is_asked_for() {
    let text = "07/12/2026, 18:03 - Anna Schmidt: Hallo\n08/12/2026, 18:03 - Anna Schmidt: Hi\n";
    let err = date_order(text.as_bytes(), None).unwrap().unwrap_err();
    assert!(err.contains("07/12/2026"), "{err}");
    let dmy = read_chat(
        text,
        Some("Anna Schmidt"),
        &Options {
            date_order: Some(DateOrder::Dmy),
            ..Options::default()
        },
    );
    assert_eq!(days_of(&dmy)[0].0, "2026-12-07");
    let mdy = read_chat(
        text,
        Some("Anna Schmidt"),
        &Options {
            date_order: Some(DateOrder::Mdy),
            ..Options::default()
        },
    );
    assert_eq!(days_of(&mdy)[0].0, "2026-07-12");
}

#[test]
fn a_bad_line_is_counted_and_the_rest_read() {
    let text = "31.02.26, 18:03 - Anna Schmidt: no such day\n\
                07.12.26, 25:03 - Anna Schmidt: no such hour\n\
                07.12.26, 18:03 - Anna Schmidt: fine\n";
    let found = read_chat(text, Some("Anna Schmidt"), &Options::default());
    let broken: Vec<&String> = found
        .iter()
        .filter_map(|f| match f {
            Found::Broken(why) => Some(why),
            _ => None,
        })
        .collect();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(
        broken[0].starts_with("line 1: 31.02.26 18:03"),
        "{broken:?}"
    );
    assert_eq!(days_of(&found), vec![("2026-12-07".to_string(), 1, false)]);
}

#[test]
fn the_partner_from_the_senders_without_a_title() {
    let text = "[07.12.26, 18:03:11] Ben Okafor: Hey\n[07.12.26, 18:04:00] Max: Hi Ben\n[07.12.26, 18:05:00] Max: \u{200e}Sprachanruf, \u{200e}Keine Antwort\n";
    let found = read_chat(text, None, &Options::default());
    let Found::Items(item, n) = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(*n, 2);
    let ids: Vec<Id> = book().contacts_of(item, false);
    assert_eq!(ids, vec![2], "Ben, not the user Max");
    assert_eq!(
        calls_of(&found),
        vec![("user", Channel::Call, Outcome::Missed)],
        "Max is the user: Ben is the contact"
    );
}

#[test]
fn contact_names_the_partner() {
    let found = read_chat(
        "07.12.26, 18:03 - Anni: Hallo\n",
        Some("Anni"),
        &Options {
            contact: Some((1, "Anna Schmidt".into())),
            ..Options::default()
        },
    );
    let Found::Items(item, _) = &found[0] else {
        panic!()
    };
    assert_eq!(book().contacts_of(item, false), vec![1]);
}

const GROUP: &str = "\
07.12.26, 18:00 - Anna Schmidt hat die Gruppe „Wandern“ erstellt
07.12.26, 18:00 - Anna Schmidt hat dich hinzugefügt
07.12.26, 18:03 - Anna Schmidt: Samstag?
07.12.26, 18:04 - Ben Okafor: Bin dabei
08.12.26, 09:00 - \u{202a}+49 171 7654321\u{202c}: Ich auch
08.12.26, 09:05 - Max: Super
";

#[test]
fn group_chats_only_with_groups() {
    let found = read_chat(GROUP, Some("Wandern"), &Options::default());
    assert!(days_of(&found).is_empty());
    assert_eq!(skipped(&found, Skip::Group), 4);
    assert_eq!(skipped(&found, Skip::System), 2);
    let found = read_chat(
        GROUP,
        Some("Wandern"),
        &Options {
            groups: true,
            max_recipients: 8,
            ..Options::default()
        },
    );
    let book = book();
    let per_day: Vec<Vec<Id>> = found
        .iter()
        .filter_map(|f| match f {
            Found::Items(item, _) => Some(book.contacts_of(item, false)),
            _ => None,
        })
        .collect();
    assert_eq!(per_day, vec![vec![1, 2], vec![3]], "Clara by her number");
    let few = read_chat(
        GROUP,
        Some("Wandern"),
        &Options {
            groups: true,
            max_recipients: 2,
            ..Options::default()
        },
    );
    assert_eq!(skipped(&few, Skip::TooMany), 4);
}

#[test]
fn titles_from_file_names() {
    for (name, want) in [
        ("WhatsApp Chat with Anna Schmidt.txt", Some("Anna Schmidt")),
        ("WhatsApp Chat mit Anna Schmidt.txt", Some("Anna Schmidt")),
        ("WhatsApp Chat - Anna Schmidt.zip", Some("Anna Schmidt")),
        (
            "WhatsApp Chat with Anna Schmidt (1).txt",
            Some("Anna Schmidt"),
        ),
        (
            "WhatsApp Chat with \u{202a}+49 170 1234567\u{202c}.txt",
            Some("+49 170 1234567"),
        ),
        ("whatsapp chat mit Jörg.TXT", Some("Jörg")),
        ("_chat.txt", None),
        ("notes.txt", None),
    ] {
        assert_eq!(title_of(name).as_deref(), want, "{name}");
    }
}

#[test]
fn a_title_that_is_a_number_matches_by_number() {
    let found = read_chat(
        "07.12.26, 18:03 - +49 170 1234567: Hallo\n",
        title_of("WhatsApp Chat with +49 170 1234567.txt").as_deref(),
        &Options::default(),
    );
    let Found::Items(item, _) = &found[0] else {
        panic!()
    };
    assert_eq!(item.people[0].handle, Handle::Phone("+491701234567".into()));
    assert_eq!(book().contacts_of(item, false), vec![1]);
}

#[test]
fn days_before_since_and_in_the_future() {
    let book = book();
    let window = Window {
        now: Utc.with_ymd_and_hms(2026, 12, 10, 12, 0, 0).unwrap(),
        since: Some(Utc.with_ymd_and_hms(2026, 12, 8, 0, 0, 0).unwrap()),
    };
    let options = Options::default();
    let chat = Chat {
        title: Some("Anna Schmidt"),
        order: DateOrder::Dmy,
        options: &options,
        book: &book,
        window: &window,
    };
    let text = "07.12.26, 18:03 - Anna Schmidt: old\n09.12.26, 18:03 - Anna Schmidt: in\n13.12.26, 18:03 - Anna Schmidt: ahead\n";
    let mut found = Vec::new();
    let settled = read(text.as_bytes(), &chat, &mut |f| found.push(f)).unwrap();
    assert!(!settled);
    assert_eq!(skipped(&found, Skip::BeforeSince), 1);
    assert_eq!(skipped(&found, Skip::Future), 1);
    assert_eq!(days_of(&found), vec![("2026-12-09".to_string(), 1, false)]);
}

#[test]
fn first_bytes_of_a_chat() {
    assert!(looks_like_chat(b"[07.12.26, 18:03:11] Anna: hi\n"));
    assert!(looks_like_chat(
        "\u{feff}12/7/26, 6:03 PM - Messages".as_bytes()
    ));
    assert!(!looks_like_chat(b"hello\n"));
    assert!(!looks_like_chat(b"From - Tue"));
}
