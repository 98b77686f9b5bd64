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
