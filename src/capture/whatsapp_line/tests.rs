use chrono::{NaiveDate, NaiveTime};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn hms(h: u32, m: u32, s: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, s).unwrap()
}

#[test]
fn the_ios_shape() {
    let h = header("[07.12.26, 18:03:11] Anna Schmidt: Hallo, wie geht's?").unwrap();
    assert!(h.ios);
    assert_eq!(h.date(DateOrder::Dmy), Some(day(2026, 12, 7)));
    assert_eq!(h.time(), Some(hms(18, 3, 11)));
    assert_eq!(h.sender, Some("Anna Schmidt"));
    assert_eq!(h.text, "Hallo, wie geht's?");
    assert!(!h.marked);
}

#[test]
fn the_android_shape() {
    let h = header("07.12.26, 18:03 - Anna Schmidt: Bis morgen: 10 Uhr\r\n").unwrap();
    assert!(!h.ios);
    assert_eq!(
        h.at(DateOrder::Dmy),
        Some(day(2026, 12, 7).and_time(hms(18, 3, 0)))
    );
    assert_eq!(h.sender, Some("Anna Schmidt"));
    assert_eq!(h.text, "Bis morgen: 10 Uhr");
    let system = header("07.12.26, 18:03 - Du hast Ben hinzugefügt").unwrap();
    assert_eq!(system.sender, None);
    assert_eq!(system.text, "Du hast Ben hinzugefügt");
}

#[test]
fn twelve_hour_clocks_and_their_marks() {
    let h = header("[12/7/26, 6:03:11\u{202f}PM] Anna: hi").unwrap();
    assert_eq!(h.pm, Some(true));
    assert_eq!(
        h.at(DateOrder::Mdy),
        Some(day(2026, 12, 7).and_time(hms(18, 3, 11)))
    );
    let h = header("12/7/26, 12:15 AM - Anna: late").unwrap();
    assert_eq!(h.time(), Some(hms(0, 15, 0)));
    let h = header("12/7/26, 12:15 pm - Anna: noon").unwrap();
    assert_eq!(h.time(), Some(hms(12, 15, 0)));
    let h = header("7/12/2026, 6:03 p. m. - Ana: hola").unwrap();
    assert_eq!(h.time(), Some(hms(18, 3, 0)));
    assert_eq!(h.date(DateOrder::Dmy), Some(day(2026, 12, 7)));
    assert_eq!(h.sender, Some("Ana"));
    let h = header("2026-12-07, 18:03 - Anna: iso").unwrap();
    assert_eq!(h.date(DateOrder::Ymd), Some(day(2026, 12, 7)));
    assert_eq!(header("[07.12.26, 13:03:11 PM] A: x").unwrap().time(), None);
}

#[test]
fn invisible_marks_around_lines_numbers_and_system_text() {
    let h = header("\u{200e}[07.12.26, 18:03:11] Anna Schmidt: \u{200e}Bild weggelassen").unwrap();
    assert!(h.marked);
    assert_eq!(h.text, "Bild weggelassen");
    let h = header("07.12.26, 18:03 - \u{202a}+49 170 1234567\u{202c}: Hallo").unwrap();
    assert_eq!(h.sender, Some("+49 170 1234567"));
    let h =
        header("\u{feff}07.12.26, 18:03 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.")
            .unwrap();
    assert_eq!(h.sender, None);
}

#[test]
fn lines_that_continue_a_message() {
    for line in [
        "and this is the second line",
        "12 Eier, 3 Milch",
        "07.12.26 is my birthday",
        "[07.12.26] nope",
        "",
        "18:03 - Anna: no date",
        "07.12.2026, 18:3 - Anna: bad minute",
    ] {
        assert_eq!(header(line), None, "{line}");
    }
}

#[test]
fn the_date_order_from_the_file() {
    let sniff = |lines: &[&str]| {
        let mut s = Sniff::default();
        for l in lines {
            s.add(&header(l).unwrap());
        }
        s.decided()
    };
    assert_eq!(
        sniff(&["12/7/26, 6:03 PM - A: x", "12/13/26, 6:03 PM - A: y"]),
        Some(DateOrder::Mdy)
    );
    assert_eq!(
        sniff(&["07/12/2026, 18:03 - A: x", "13/12/2026, 18:03 - A: y"]),
        Some(DateOrder::Dmy)
    );
    assert_eq!(sniff(&["07.12.26, 18:03 - A: x"]), Some(DateOrder::Dmy));
    assert_eq!(sniff(&["2026/12/07, 18:03 - A: x"]), Some(DateOrder::Ymd));
    assert_eq!(sniff(&["07/12/2026, 18:03 - A: x"]), None, "ambiguous");
    let mut both = Sniff::default();
    both.add(&header("13/12/2026, 18:03 - A: x").unwrap());
    both.add(&header("12/13/2026, 18:03 - A: x").unwrap());
    assert!(both.contradictory());
    assert_eq!(both.decided(), None);
}

#[test]
fn calls_in_english_and_german() {
    let call = |video, done| Said::Call { video, done };
    for (text, want) in [
        ("Voice call, 12 min", call(false, true)),
        ("\u{200e}Voice call, \u{200e}12 min", call(false, true)),
        ("Video call, 1 hr 5 min", call(true, true)),
        ("Voice call, No answer", call(false, false)),
        ("Sprachanruf, 12 Min.", call(false, true)),
        ("Videoanruf, 1 Std. 5 Min.", call(true, true)),
        ("Sprachanruf, Keine Antwort", call(false, false)),
        ("Missed voice call", Said::Missed { video: false }),
        (
            "Missed voice call, Tap to call back",
            Said::Missed { video: false },
        ),
        ("Missed video call", Said::Missed { video: true }),
        ("Verpasster Sprachanruf", Said::Missed { video: false }),
        (
            "Verpasster Videoanruf, Zum Zurückrufen tippen",
            Said::Missed { video: true },
        ),
    ] {
        assert_eq!(said(text, true, true), want, "{text}");
    }
    for text in [
        "Video call tomorrow?",
        "voice calls are better",
        "Missed voice call lol sorry",
        "Sprachanrufe gehen nicht",
    ] {
        assert_eq!(said(text, false, true), Said::Message, "{text}");
    }
}

#[test]
fn system_lines() {
    assert_eq!(
        said(
            "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
            true,
            true
        ),
        Said::Encryption
    );
    assert_eq!(
        said(
            "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe, um mehr zu erfahren.",
            false,
            false
        ),
        Said::Encryption
    );
    assert_eq!(
        said("Anna added Ben", true, true),
        Said::System { group: true }
    );
    assert_eq!(
        said("Du hast die Gruppe „Familie“ erstellt", false, false),
        Said::System { group: true }
    );
    assert_eq!(
        said(
            "Your security code with Anna changed. Tap to learn more.",
            true,
            true
        ),
        Said::System { group: false }
    );
    assert_eq!(
        said(
            "Deine Sicherheitsnummer für Anna hat sich geändert.",
            false,
            false
        ),
        Said::System { group: false }
    );
    // iOS marks media too: a photo is a message.
    assert_eq!(said("image omitted", true, true), Said::Message);
    assert_eq!(said("<Media omitted>", false, true), Said::Message);
    // Someone writing about encryption is a message.
    assert_eq!(
        said("is this end-to-end encrypted?", false, true),
        Said::Message
    );
}

#[test]
fn date_order_names() {
    for order in [DateOrder::Dmy, DateOrder::Mdy, DateOrder::Ymd] {
        assert_eq!(DateOrder::from_name(order.as_str()), Some(order));
    }
    assert_eq!(DateOrder::from_name(" MDY "), Some(DateOrder::Mdy));
    assert_eq!(DateOrder::from_name("dym"), None);
}

#[test]
fn a_message_told_by_its_start_is_what_the_whole_line_says() {
    let starts = [
        "",
        " ",
        "\u{200e}",
        "\u{200e} ",
        "☎",
        "☎ ",
        "  \u{202a}",
        "\u{feff}",
    ];
    let bodies = [
        "Voice call, 12 min",
        "VOICE CALL • 3 Min.",
        "voice call",
        "Video call, No answer",
        "Missed voice call",
        "Missed voice call lol sorry",
        "missed group video call, Tap to call back",
        "Sprachanruf, 4 Min.",
        "Verpasster Sprachanruf",
        "Gruppen-Videoanruf",
        "Messages and calls are end-to-end encrypted.",
        "NACHRICHTEN UND ANRUFE SIND ENDE-ZU-ENDE-VERSCHLÜSSELT.",
        "Video call tomorrow?",
        "voice calls are better",
        "İstanbul voice call",
        "ok",
        "Σ voice call",
        "Kaffee morgen? ☎",
        "image omitted",
    ];
    for start in starts {
        for body in bodies {
            let text = format!("{start}{body}");
            assert_eq!(
                said(&text, false, true),
                said_whole(&text, false, true),
                "{text:?}"
            );
        }
    }
}

#[test]
fn every_start_said_looks_for_begins_with_one_of_these() {
    let starts = MISSED_CALLS
        .iter()
        .chain(CALLS)
        .map(|(p, _)| *p)
        .chain(["messages and calls are", "nachrichten und anrufe sind"]);
    for start in starts {
        let first = start.chars().next().unwrap();
        assert!(SAID_FIRST.contains(&first), "{start}");
    }
}
