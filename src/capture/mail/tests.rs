use chrono::TimeZone;

use super::*;
use crate::capture::address::Entry;

const GMAIL: &str = "Delivered-To: me@example.org\r
Received: by 2002:a05:6358:5e0e:b0:1b2 with SMTP id x14csp1234567rwb;\r
        Tue, 10 Nov 2026 01:02:03 -0800 (PST)\r
X-Google-Smtp-Source: AGHT+IFake\r
ARC-Seal: i=1; a=rsa-sha256; t=1700000000; cv=none; d=google.com; s=arc-20160816;\r
        b=AAAAB3NzaC1yc2EAAAADAQABAAABAQC\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601;\r
        h=to:subject:message-id:date:from:mime-version; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r
        b=Zm9vYmFy\r
MIME-Version: 1.0\r
From: Anna Schmidt <anna.schmidt@gmail.com>\r
Date: Tue, 10 Nov 2026 10:02:03 +0100\r
Message-ID: <CAF=abc123@mail.gmail.com>\r
Subject: =?UTF-8?Q?Kaffee_n=C3=A4chste_Woche=3F?=\r
To: Me <me@example.org>\r
Content-Type: multipart/alternative; boundary=\"000000000000abcdef\"\r
\r
";

const OUTLOOK: &str = "Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com\r
 ([fe80::1]) by AM0PR01MB1234.eurprd01.prod.exchangelabs.com\r
 ([fe80::1%4]) with mapi id 15.20.7000.000; Wed, 11 Nov 2026 09:15:00 +0000\r
From: \"=?utf-8?B?TcO8bGxlciwgSsO2cmc=?=\" <J.Mueller@Firma.de>\r
To: \"me@example.org\" <me@example.org>\r
CC: Ben Okafor <ben@okafor.net>, \"Weber, Jonas\" <j.weber@firma.de>\r
Subject: AW: Angebot\r
Thread-Topic: Angebot\r
Thread-Index: AQHZ1234567890abcdef==\r
Date: Wed, 11 Nov 2026 09:14:58 +0000\r
Message-ID:\r
 <AM0PR01MB12345C0FFEE@AM0PR01MB1234.eurprd01.prod.exchangelabs.com>\r
In-Reply-To: <abc@example.org>\r
X-MS-Has-Attach: \r
X-Auto-Response-Suppress: All\r
Content-Type: text/plain; charset=\"utf-8\"\r
\r
";

const APPLE_SENT: &str = "From: Me <me@example.org>\n\
Content-Type: text/plain;\n\tcharset=us-ascii\n\
Content-Transfer-Encoding: 7bit\n\
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.700.6\\))\n\
Subject: Re: Sailing in June\n\
Message-Id: <E1F2A3B4-0000-4C5D-9E8F-ABCDEF012345@example.org>\n\
Date: Thu, 12 Nov 2026 18:03:11 +0100\n\
To: =?utf-8?Q?Lea_Brandt?= <lea@brandt.de>, Anna <anna.schmidt@gmail.com>\n\
X-Mailer: Apple Mail (2.3731.700.6)\n\
\n";

const THUNDERBIRD_NO_DATE: &str = "Message-ID: <5f1e2d3c-aaaa-bbbb-cccc-1234567890ab@example.org>\n\
User-Agent: Mozilla Thunderbird\n\
Content-Language: de-DE\n\
To: =?UTF-8?Q?M=C3=BCller?= <mueller@web.de>\n\
From: Me <me@example.org>\n\
Subject: Fotos\n\
Content-Type: text/plain; charset=UTF-8; format=flowed\n\
\n";

const GROUP: &str = "From: Me <me@example.org>\n\
To: Familie: Mama <mama@web.de>, Papa <papa@web.de>;, undisclosed-recipients:;\n\
Date: Fri, 13 Nov 2026 20:00:00 +0100\n\
Message-ID: <group@example.org>\n\
\n";

const LIST: &str = "From: GitHub <notifications@github.com>\n\
To: draht <draht@noreply.github.com>\n\
Date: Fri, 13 Nov 2026 20:00:00 +0100\n\
Message-ID: <list@github.com>\n\
List-ID: draht <draht.example.github.com>\n\
List-Unsubscribe: <mailto:unsub@github.com>\n\
Precedence: list\n\
\n";

fn book() -> Book {
    let entry = |id, name: &str, emails: &[&str]| Entry {
        id,
        name: name.into(),
        nickname: None,
        emails: emails.iter().map(|e| e.to_string()).collect(),
        phones: Vec::new(),
        archived: false,
    };
    Book::new(
        &[
            entry(1, "Anna Schmidt", &["anna.schmidt@gmail.com"]),
            entry(2, "Jörg Müller", &["j.mueller@firma.de"]),
            entry(3, "Ben Okafor", &["ben@okafor.net"]),
            entry(4, "Lea Brandt", &["lea@brandt.de"]),
            entry(5, "Mama", &["mama@web.de"]),
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

fn found(head: &str) -> Found {
    found_with(head, &book(), 8)
}

fn found_with(head: &str, book: &Book, max_recipients: usize) -> Found {
    let mail = read(&parser(), head.as_bytes()).expect("headers");
    classify(
        &mail,
        None,
        || received_date(&received_parser(), head.as_bytes()),
        book,
        max_recipients,
        &window(),
    )
}

fn item(head: &str) -> Item {
    match found(head) {
        Found::Item(item) => item,
        other => panic!("not an item: {other:?}"),
    }
}

fn emails(item: &Item) -> Vec<&str> {
    item.people.iter().map(|p| p.handle.as_str()).collect()
}

#[test]
fn gmail_received_mail_is_a_touch_with_its_sender() {
    let item = item(GMAIL);
    assert_eq!(item.key, "CAF=abc123@mail.gmail.com");
    assert_eq!(
        item.at,
        Utc.with_ymd_and_hms(2026, 11, 10, 9, 2, 3).unwrap()
    );
    assert_eq!(emails(&item), vec!["anna.schmidt@gmail.com"]);
    assert_eq!(item.people[0].name.as_deref(), Some("Anna Schmidt"));
    assert!(!item.sent);
    assert_eq!(item.channel, Channel::Email);
}

#[test]
fn outlook_encoded_names_and_folded_message_id() {
    let item = item(OUTLOOK);
    assert_eq!(
        item.key,
        "AM0PR01MB12345C0FFEE@AM0PR01MB1234.eurprd01.prod.exchangelabs.com"
    );
    // Received: only the sender is a touch, not the others in Cc.
    assert_eq!(emails(&item), vec!["j.mueller@firma.de"]);
    assert_eq!(item.people[0].name.as_deref(), Some("Müller, Jörg"));
}

#[test]
fn sent_mail_is_a_touch_with_every_recipient() {
    let item = item(APPLE_SENT);
    assert!(item.sent);
    assert_eq!(
        emails(&item),
        vec!["lea@brandt.de", "anna.schmidt@gmail.com"]
    );
    assert_eq!(item.people[0].name.as_deref(), Some("Lea Brandt"));
}

#[test]
fn a_missing_date_falls_back_to_the_mailbox_then_to_received() {
    let mail = read(&parser(), THUNDERBIRD_NO_DATE.as_bytes()).unwrap();
    assert_eq!(mail.date, None);
    assert_eq!(
        mail.recipients[0].name.as_deref(),
        Some("Müller"),
        "encoded word decoded"
    );
    let filed = Utc.with_ymd_and_hms(2026, 11, 14, 8, 0, 0).unwrap();
    let found = classify(&mail, Some(filed), || None, &book(), 8, &window());
    let Found::Item(filed_item) = found else {
        panic!("{found:?}")
    };
    assert_eq!(filed_item.at, filed);
    assert_eq!(
        classify(&mail, None, || None, &book(), 8, &window()),
        Found::Skip(Skip::Undated)
    );
    let with_received = format!(
        "Received: from mx.example.org by mail.example.org; Sat, 14 Nov 2026 09:30:00 +0100 (CET)\n{THUNDERBIRD_NO_DATE}"
    );
    let received = self::item(&with_received);
    assert_eq!(
        received.at,
        Utc.with_ymd_and_hms(2026, 11, 14, 8, 30, 0).unwrap()
    );
}

#[test]
fn group_addresses_are_their_members() {
    let item = item(GROUP);
    assert_eq!(emails(&item), vec!["mama@web.de", "papa@web.de"]);
}

#[test]
fn lists_bulk_and_machines_are_not_people() {
    assert_eq!(found(LIST), Found::Skip(Skip::List));
    let bulk = GMAIL.replace("MIME-Version: 1.0", "Precedence: bulk");
    assert_eq!(found(&bulk), Found::Skip(Skip::List));
    let auto = GMAIL.replace("MIME-Version: 1.0", "Auto-Submitted: auto-replied");
    assert_eq!(found(&auto), Found::Skip(Skip::Automated));
    let not_auto = GMAIL.replace("MIME-Version: 1.0", "Auto-Submitted: no");
    assert!(matches!(found(&not_auto), Found::Item(_)));
    let noreply = GMAIL.replace(
        "From: Anna Schmidt <anna.schmidt@gmail.com>",
        "From: Shop <no-reply@shop.example>",
    );
    assert_eq!(found(&noreply), Found::Skip(Skip::Automated));
}

#[test]
fn the_quick_look_for_lists_agrees_with_the_parsed_headers() {
    let parser = parser();
    let with = |header: &str| GMAIL.replace("MIME-Version: 1.0", header);
    let heads = [
        LIST.to_string(),
        with("List-Id: <dev.lists.example>"),
        with("list-unsubscribe: <mailto:x@y>"),
        with("List-Id:   "),
        with("List-Id:\r\n <folded.lists.example>"),
        with("Precedence: Bulk"),
        with("Precedence: bulk\r\n  and more"),
        with("Precedence: first-class"),
        with("List-Id : <spaced.example>"),
        with("Not a header\r\n \r\nList-Id: <after.garbage>"),
        with(":\r\n \r\nList-Id: <after.no.name>"),
        format!(" {}", with("List-Id: <indented.first>")),
        "\r\nList-Id: <after.blank>\r\n".to_string(),
        GMAIL.to_string(),
    ];
    for head in &heads {
        let parsed = parsed(&parser, head.as_bytes()).map(|m| m.list);
        if surely_list(head.as_bytes()) {
            assert_eq!(parsed, Some(true), "{head}");
        }
        assert_eq!(
            read(&parser, head.as_bytes()).map(|m| m.list),
            parsed,
            "{head}"
        );
    }
    assert!(surely_list(with("List-Id: <dev.lists.example>").as_bytes()));
    assert!(surely_list(with("Precedence: junk").as_bytes()));
}

#[test]
fn mail_only_between_own_addresses_is_not_a_touch() {
    let note =
        "From: me@example.org\nTo: Me <ME@example.org>\nDate: Fri, 13 Nov 2026 20:00:00 +0100\n\n";
    assert_eq!(found(note), Found::Skip(Skip::Own));
}

#[test]
fn too_many_recipients_is_not_a_touch() {
    let to: Vec<String> = (0..9).map(|i| format!("p{i}@x.de")).collect();
    let many = format!(
        "From: me@example.org\nTo: {}\nDate: Fri, 13 Nov 2026 20:00:00 +0100\n\n",
        to.join(", ")
    );
    assert_eq!(found(&many), Found::Skip(Skip::TooMany));
    let eight = format!(
        "From: me@example.org\nTo: {}\nDate: Fri, 13 Nov 2026 20:00:00 +0100\n\n",
        to[..8].join(", ")
    );
    assert!(matches!(found(&eight), Found::Item(_)));
}

#[test]
fn future_and_before_since_are_outside_the_window() {
    let late = GMAIL.replace("Tue, 10 Nov 2026", "Tue, 10 Nov 2027");
    assert_eq!(found(&late), Found::Skip(Skip::Future));
    let mail = read(&parser(), GMAIL.as_bytes()).unwrap();
    let since = Window {
        since: Some(Utc.with_ymd_and_hms(2026, 11, 11, 0, 0, 0).unwrap()),
        ..window()
    };
    assert_eq!(
        classify(&mail, None, || None, &book(), 8, &since),
        Found::Skip(Skip::BeforeSince)
    );
}

#[test]
fn garbage_is_broken_not_a_panic() {
    for bytes in [
        &b""[..],
        b"\n\n",
        b"\x00\x01\x02garbage without a colon",
        b"Subject: only a subject\n\n",
        b"From: \n\n",
    ] {
        if let Some(mail) = read(&parser(), bytes) {
            let f = classify(&mail, None, || None, &book(), 8, &window());
            assert!(
                matches!(f, Found::Broken(_) | Found::Skip(_)),
                "{bytes:?}: {f:?}"
            );
        }
    }
}

#[test]
fn a_message_without_an_id_gets_a_key_from_its_headers() {
    let head = "From: Anna <anna.schmidt@gmail.com>\nTo: me@example.org\nDate: Fri, 13 Nov 2026 20:00:00 +0100\n\n";
    let a = item(head);
    assert!(a.key.starts_with("head:"), "{}", a.key);
    assert_eq!(a.key, item(head).key, "the same headers, the same key");
    let other = head.replace("20:00:00", "20:00:01");
    assert_ne!(a.key, item(&other).key);
}

#[test]
fn header_ends() {
    assert_eq!(header_end(b"A: b\n\nbody"), Some(6));
    assert_eq!(header_end(b"A: b\r\n\r\nbody"), Some(8));
    assert_eq!(header_end(b"\nbody"), Some(1));
    assert_eq!(header_end(b"A: b\nC: d"), None);
}

/// Without `[me] emails` the user's own address is one of the people of a
/// mail: it takes one place of `max_recipients`, and a contact copied on a
/// stranger's mail is a touch with that contact.
#[test]
fn without_own_addresses_the_user_is_one_of_the_people() {
    let mut entries = Vec::new();
    for (id, name, email) in [
        (1, "Anna Schmidt", "anna.schmidt@gmail.com"),
        (3, "Ben Okafor", "ben@okafor.net"),
    ] {
        entries.push(Entry {
            id,
            name: name.into(),
            nickname: None,
            emails: vec![email.into()],
            phones: Vec::new(),
            archived: false,
        });
    }
    let no_me = Book::new(&entries, &[], false);
    let head = |to: &str| {
        format!(
            "From: Stranger <x@elsewhere.org>\nTo: {to}\nCc: Ben Okafor <ben@okafor.net>\n\
             Date: Fri, 13 Nov 2026 20:00:00 +0100\nMessage-ID: <m@elsewhere.org>\n\n"
        )
    };
    // the stranger, me and Ben: three, within two others and the user
    match found_with(&head("me@example.org"), &no_me, 2) {
        Found::Item(item) => assert_eq!(emails(&item), vec!["x@elsewhere.org", "ben@okafor.net"]),
        other => panic!("not an item: {other:?}"),
    }
    // one more: too many, also with the user's place
    assert!(matches!(
        found_with(&head("me@example.org, a@elsewhere.org"), &no_me, 2),
        Found::Skip(Skip::TooMany)
    ));
    // the same mail with the user's address known: me is not counted
    let with_me = Book::new(&entries, &["me@example.org".to_string()], false);
    assert!(matches!(
        found_with(&head("me@example.org, a@elsewhere.org"), &with_me, 2),
        Found::Skip(Skip::TooMany)
    ));
    assert!(matches!(
        found_with(&head("me@example.org"), &with_me, 2),
        Found::Item(_)
    ));
}
