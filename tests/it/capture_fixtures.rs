//! Mailboxes and calendars the capture tests write, in the shapes real
//! clients write them: Gmail's received chain, Outlook's "Last, First"
//! names in encoded words and folded Message-IDs, Apple Mail's sent copies,
//! Thunderbird without a Date, group addresses, list mail.

use std::path::{Path, PathBuf};

/// The user's own addresses in every fixture.
pub const ME: &str = "me@example.org";
pub const ME_WORK: &str = "me@firma.de";

/// A maildir folder (with `cur/ new/ tmp/`) at `root/folder`.
pub fn maildir(root: &Path, folder: &str) -> PathBuf {
    let dir = root.join(folder);
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).expect("maildir");
    }
    dir
}

/// Puts a message into `folder/cur` under a maildir name for `unix` seconds.
pub fn deliver(folder: &Path, unix: i64, n: usize, text: &str) -> PathBuf {
    let path = folder.join("cur").join(format!("{unix}.M{n}P77.test:2,S"));
    std::fs::write(&path, text.replace('\n', "\r\n")).expect("message");
    path
}

/// An RFC 2822 date in +0100 from `day` of November 2026 at `hour`:`minute`.
pub fn date(day: u32, hour: u32, minute: u32) -> String {
    let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((day + 6) % 7) as usize];
    format!("{weekday}, {day:02} Nov 2026 {hour:02}:{minute:02}:00 +0100")
}

/// Unix seconds of `day` November 2026 `hour`:`minute` +0100.
pub fn unix(day: u32, hour: u32, minute: u32) -> i64 {
    // 1 Nov 2026 00:00 UTC = 1793491200
    1_793_491_200 + i64::from(day - 1) * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60
        - 3600
}

/// A mail as Gmail delivers it.
pub fn gmail(from: &str, to: &str, date: &str, id: &str, subject: &str) -> String {
    format!(
        "Delivered-To: {ME}
Received: by 2002:a05:6358:5e0e:b0:1b2 with SMTP id x14csp1234567rwb;
        {date}
X-Google-Smtp-Source: AGHT+IFakeFakeFake
ARC-Seal: i=1; a=rsa-sha256; t=1700000000; cv=none; d=google.com; s=arc-20160816;
        b=AAAAB3NzaC1yc2EAAAADAQABAAABAQC
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601;
        h=to:subject:message-id:date:from:mime-version; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
        b=Zm9vYmFy
MIME-Version: 1.0
From: {from}
Date: {date}
Message-ID: <{id}>
Subject: {subject}
To: {to}
Content-Type: multipart/alternative; boundary=\"000000000000abcdef\"

--000000000000abcdef
Content-Type: text/plain; charset=\"UTF-8\"

From what I heard, this body line is no mbox separator.
--000000000000abcdef--
"
    )
}

/// A mail as Outlook writes it: encoded "Last, First", a folded Message-ID.
pub fn outlook(from: &str, to: &str, cc: &str, date: &str, id: &str) -> String {
    format!(
        "Received: from AM0PR01MB1234.eurprd01.prod.exchangelabs.com
 ([fe80::1]) by AM0PR01MB1234.eurprd01.prod.exchangelabs.com
 ([fe80::1%4]) with mapi id 15.20.7000.000; {date}
From: {from}
To: {to}
CC: {cc}
Subject: AW: Angebot
Thread-Topic: Angebot
Thread-Index: AQHZ1234567890abcdef==
Date: {date}
Message-ID:
 <{id}>
X-MS-Has-Attach:
X-Auto-Response-Suppress: All
Content-Type: text/plain; charset=\"utf-8\"
Content-Transfer-Encoding: base64

SGFsbG8=
"
    )
}

/// A sent copy as Apple Mail keeps it.
pub fn apple_sent(to: &str, date: &str, id: &str) -> String {
    format!(
        "From: Me <{ME}>
Content-Type: text/plain;
\tcharset=us-ascii
Content-Transfer-Encoding: 7bit
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.700.6\\))
Subject: Re: Sailing in June
Message-Id: <{id}>
Date: {date}
To: {to}
X-Mailer: Apple Mail (2.3731.700.6)

See you then.
"
    )
}

/// A sent copy as Thunderbird keeps it, here without a Date header.
pub fn thunderbird_undated(to: &str, id: &str) -> String {
    format!(
        "Message-ID: <{id}>
User-Agent: Mozilla Thunderbird
Content-Language: de-DE
To: {to}
From: Me <{ME}>
Subject: Fotos
Content-Type: text/plain; charset=UTF-8; format=flowed

Anbei.
"
    )
}

/// A list mail.
pub fn list(date: &str, id: &str) -> String {
    format!(
        "From: GitHub <notifications@github.com>
To: {ME}
Date: {date}
Message-ID: <{id}>
List-ID: draht <draht.example.github.com>
List-Unsubscribe: <mailto:unsub@github.com>
Precedence: list

A pull request.
"
    )
}

/// A plain mail between two addresses.
pub fn plain(from: &str, to: &str, date: &str, id: &str) -> String {
    format!("From: {from}\nTo: {to}\nDate: {date}\nMessage-ID: <{id}>\nSubject: hi\n\nHello.\n")
}

/// Delivers one plain mail from `from` to the user on `day` of November
/// at each of `hours`; ids are `tag` and a number.
pub fn mails_from(folder: &Path, from: &str, day: u32, hours: &[u32], tag: &str) {
    for (i, h) in hours.iter().enumerate() {
        let text = plain(from, ME, &date(day, *h, 0), &format!("{tag}{i}@x"));
        deliver(folder, unix(day, *h, 0), i, &text);
    }
}

/// An mbox of `messages` (each a whole message), as Thunderbird writes one.
pub fn mbox(messages: &[String]) -> String {
    let mut out = String::new();
    for m in messages {
        out.push_str("From - Tue Nov 10 10:00:00 2026\n");
        for line in m.replace("\r\n", "\n").lines() {
            if line.starts_with("From ") {
                out.push('>');
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// A calendar of `events` (VEVENT blocks).
pub fn calendar(events: &[String]) -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for e in events {
        out.push_str(&e.replace('\n', "\r\n"));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// A VEVENT with a UTC start and one hour long.
pub fn event(uid: &str, start: &str, extra: &str) -> String {
    format!(
        "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T000000Z\nDTSTART:{start}\nDURATION:PT1H\n{extra}END:VEVENT\n"
    )
}

/// An event someone else organised and the user accepted.
pub fn accepted(with: &str) -> String {
    format!("ORGANIZER;CN=Them:mailto:{with}\nATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}\n")
}
