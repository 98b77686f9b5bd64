//! A Google Takeout mbox: what "Download your data" writes for Gmail — a
//! `From ` line of the thread's id, Gmail's own headers before the
//! message's, CRLF line ends, `>From ` in bodies, sent mail and
//! promotions in the one file.

use super::capture::{add, capture, day, days, env, path, touches};
use super::capture_fixtures::ME;

/// One Takeout message: `labels` as Gmail lists them, `head` the
/// message's own headers, and a body with a line escaped as `>From `.
fn takeout(thread: u64, labels: &str, head: &str) -> String {
    format!(
        "From {thread}@xxx Tue Nov 10 09:00:00 +0000 2026\n\
         X-GM-THRID: {thread}\nX-Gmail-Labels: {labels}\n\
         Delivered-To: {ME}\nReceived: by 2002:a05:6a10:1234 with SMTP id x;\n\
         \x20       Tue, 10 Nov 2026 01:00:00 -0800 (PST)\n\
         MIME-Version: 1.0\n{head}\
         Content-Type: text/plain; charset=\"UTF-8\"\n\n\
         Hallo,\n>From Berlin with love.\n\n"
    )
    .replace('\n', "\r\n")
}

#[test]
fn a_google_takeout_mbox_is_one_touch_per_day_and_promotions_are_skipped() {
    let env = env();
    add(&env, "Anna Schmidt", "anna.schmidt@gmail.com");
    let text = [
        takeout(
            1781000000000000001,
            "Inbox,Category Personal,Opened",
            "Date: Tue, 10 Nov 2026 10:00:00 +0100\r\nMessage-ID: <CAB1@mail.gmail.com>\r\n\
             Subject: Kaffee?\r\nFrom: Anna Schmidt <anna.schmidt@gmail.com>\r\nTo: Me <me@example.org>\r\n",
        ),
        takeout(
            1781000000000000001,
            "Sent,Opened",
            "Date: Tue, 10 Nov 2026 11:30:00 +0100\r\nMessage-ID: <CAB2@mail.gmail.com>\r\n\
             In-Reply-To: <CAB1@mail.gmail.com>\r\nSubject: Re: Kaffee?\r\n\
             From: Me <me@example.org>\r\nTo: Anna Schmidt <anna.schmidt@gmail.com>\r\n",
        ),
        takeout(
            1781000000000000002,
            "Sent",
            "Date: Thu, 12 Nov 2026 18:00:00 +0100\r\nMessage-ID: <CAB3@mail.gmail.com>\r\n\
             Subject: Bilder\r\nFrom: Me <me@example.org>\r\nTo: anna.schmidt@gmail.com\r\n",
        ),
        takeout(
            1781000000000000003,
            "Inbox,Category Promotions",
            "Date: Thu, 12 Nov 2026 07:00:00 +0100\r\nMessage-ID: <promo@news.shop.example>\r\n\
             Subject: 20 % off\r\nFrom: Shop <news@shop.example>\r\nTo: me@example.org\r\n\
             List-Unsubscribe: <https://shop.example/u>\r\nPrecedence: bulk\r\n",
        ),
    ]
    .concat();
    let file = env
        .dir
        .path()
        .join("All mail Including Spam and Trash.mbox");
    std::fs::write(&file, text).unwrap();

    let run = capture(&env, &[path(&file), "--name", "gmail"]);
    let s = &run["sources"][0];
    assert_eq!(s["kind"], "mbox", "{run}");
    assert_eq!(s["read"], 4, "{run}");
    assert_eq!(s["broken"], 0, "{run}");
    assert_eq!(s["skipped"]["list"], 1, "the promotion: {run}");
    // Anna's mail and my reply on the 10th are one touch; my mail on the
    // 12th another: sent mail counts as much as received.
    assert_eq!(
        days(&touches(&env, "Anna")),
        vec![day("11-10", "email", 2), day("11-12", "email", 1)]
    );
    let again = capture(&env, &[path(&file)]);
    assert_eq!(again["sources"][0]["unchanged"], true, "{again}");
    assert_eq!(touches(&env, "Anna").len(), 2);
}

/// Message `i` of a long mailbox: mostly mail with six contacts (sent and
/// received, on 28 days), between them list mail, mail with too many
/// people, mail from strangers and broken messages with no header at all;
/// now and then a body of 300 KB (longer than the reader's buffer) or an
/// unescaped "From " line in the body.
fn long_mailbox_message(i: usize) -> (i64, String) {
    let people = [
        "Anna Schmidt <anna@x.de>",
        "ben@y.de",
        "\"Weiß, Clara\" <clara@z.de>",
        "Dmitri <dmitri@x.de>",
        "=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <joerg@y.de>",
        "fatima@z.de",
    ];
    let (d, h, m) = (1 + (i * 7 % 28) as u32, (i % 24) as u32, (i % 60) as u32);
    let date = super::capture_fixtures::date(d, h, m);
    let id = format!("m{i}@long.example");
    let who = people[i % people.len()];
    let head = match i % 10 {
        0..=2 => format!("From: {who}\nTo: {ME}\nDate: {date}\nMessage-ID: <{id}>\nSubject: hi\n"),
        3 | 4 => format!(
            "From: Me <{ME}>\nTo: {who}\nCc: stranger@q.de\nDate: {date}\nMessage-ID: <{id}>\n"
        ),
        5 | 6 => format!(
            "From: GitHub <notifications@github.com>\nTo: {ME}\nDate: {date}\nMessage-ID: <{id}>\n\
             List-ID: draht <draht.example.github.com>\nPrecedence: list\n"
        ),
        7 => "\u{1}\u{2} this is no header at all\n".to_string(),
        8 => {
            let many: Vec<String> = (0..12).map(|k| format!("p{k}@many.example")).collect();
            format!(
                "From: {ME}\nTo: {who}, {}\nDate: {date}\nMessage-ID: <{id}>\n",
                many.join(", ")
            )
        }
        _ => format!(
            "From: Unknown <u{i}@nowhere.example>\nTo: {ME}\nDate: {date}\nMessage-ID: <{id}>\n"
        ),
    };
    let mut body = String::from("Hallo,\n");
    if i.is_multiple_of(13) {
        body.push_str("From what I heard, this line was not escaped.\n");
    }
    if i.is_multiple_of(97) {
        body.push_str(&"x".repeat(99).repeat(3_000).chars().collect::<String>());
        body.push('\n');
    }
    (
        super::capture_fixtures::unix(d, h, m),
        format!("{head}\n{body}"),
    )
}

#[test]
fn a_long_mbox_gives_the_touches_the_same_messages_give_as_a_maildir() {
    use super::capture_fixtures::{deliver, maildir};
    let names = [
        ("Anna Schmidt", "anna@x.de"),
        ("Ben Okafor", "ben@y.de"),
        ("Clara Weiß", "clara@z.de"),
        ("Dmitri Petrov", "dmitri@x.de"),
        ("Jörg Müller", "joerg@y.de"),
        ("Fatima Haddad", "fatima@z.de"),
    ];
    let (as_mbox, as_maildir) = (env(), env());
    for e in [&as_mbox, &as_maildir] {
        for (name, email) in names {
            add(e, name, email);
        }
    }
    // 2,000 messages: the reader's chunks are 256 messages.
    let messages: Vec<(i64, String)> = (0..2_000).map(long_mailbox_message).collect();
    let mut text = String::new();
    let folder = maildir(as_maildir.dir.path(), "Mail");
    for (n, (unix, message)) in messages.iter().enumerate() {
        let when = chrono::DateTime::from_timestamp(*unix, 0).unwrap();
        text.push_str(&format!(
            "From sender@x {}\n",
            when.format("%a %b %e %H:%M:%S %Y")
        ));
        text.push_str(message);
        // Every seventh message runs into the next `From ` line.
        if !n.is_multiple_of(7) {
            text.push('\n');
        }
        deliver(&folder, *unix, n, message);
    }
    let file = as_mbox.dir.path().join("long.mbox");
    std::fs::write(&file, text).unwrap();
    let by_mbox = capture(&as_mbox, &[path(&file)]);
    let by_maildir = capture(&as_maildir, &[path(&folder)]);
    let (a, b) = (&by_mbox["sources"][0], &by_maildir["sources"][0]);
    for field in ["read", "touches", "made", "joined", "broken", "skipped"] {
        assert_eq!(a[field], b[field], "{field}: mbox {a}\nmaildir {b}");
    }
    assert_eq!(a["read"], 2_000, "{a}");
    assert!(a["broken"].as_u64().unwrap() >= 200, "{a}");
    assert!(a["touches"].as_u64().unwrap() >= 900, "{a}");
    for (name, _) in names {
        let (m, d) = (touches(&as_mbox, name), touches(&as_maildir, name));
        assert!(!m.is_empty(), "{name}");
        assert_eq!(days(&m), days(&d), "{name}");
    }
}
