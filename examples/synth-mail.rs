//! A synthetic mailbox for benchmarking `draht capture`: the same messages
//! as a Maildir++ tree and as one mbox, with the header shapes of real mail
//! (Gmail's received chain and signatures, Outlook's "Last, First" names,
//! encoded words), threads of replies, lists and bulk mail, and a few big
//! attachments.
//!
//! ```text
//! cargo run --release --example synth-mail -- --out /tmp/mail [--messages 100000]
//!     [--correspondents 2000] [--contacts 1000] [--seed 1] [--until 2026-06-01]
//! ```
//!
//! It writes `OUT/maildir/` (INBOX, `.Sent`, `.Archive`, `.Lists`),
//! `OUT/mail.mbox`, `OUT/contacts.csv` (every other correspondent, for
//! `draht import`) and `OUT/config.toml` (the user's own addresses).
//! About 30 % of the messages are lists or bulk mail. Everything lies in
//! the two years before `--until`; the same seed gives the same bytes.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use clap::Parser;

#[path = "synth/words.rs"]
#[allow(dead_code)]
mod words;

use words::{FIRST, LAST};

#[derive(Parser)]
#[command(about = "Write a synthetic maildir and mbox for benchmarking draht capture")]
struct Args {
    /// The folder to write into (created; must not hold a maildir yet).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 100_000)]
    messages: usize,
    #[arg(long, default_value_t = 2_000)]
    correspondents: usize,
    /// How many of the correspondents go into contacts.csv (every other one).
    #[arg(long, default_value_t = 1_000)]
    contacts: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The day the history ends (YYYY-MM-DD); use it as DRAHT_NOW.
    #[arg(long, default_value = "2026-06-01")]
    until: String,
}

const ME: &str = "alex.example@example.org";
const ME_WORK: &str = "a.example@firma.de";
const DOMAINS: &[&str] = &[
    "gmail.com",
    "web.de",
    "gmx.de",
    "posteo.de",
    "outlook.com",
    "icloud.com",
    "firma.de",
    "acme.com",
    "nordlicht.de",
    "uni-hamburg.de",
    "mailbox.org",
    "t-online.de",
];
const LISTS: &[(&str, &str, &str)] = &[
    (
        "GitHub",
        "notifications@github.com",
        "draht.alex.github.com",
    ),
    ("Newsletter", "newsletter@shop.example", "news.shop.example"),
    (
        "Rust Users",
        "rust-users@lists.example.org",
        "rust-users.lists.example.org",
    ),
    ("Deutsche Bahn", "noreply@bahn.de", ""),
    ("Bank", "no-reply@bank.example", ""),
    (
        "Verein",
        "vorstand@verein.example",
        "mitglieder.verein.example",
    ),
    ("Meetup", "info@meetup.example", "meetup.example"),
    ("Paket", "versand@paket.example", ""),
];

struct Person {
    name: String,
    address: String,
}

struct Mail {
    at: DateTime<Utc>,
    text: String,
    folder: &'static str,
    /// The mbox `From ` line's sender.
    envelope: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth-mail: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let until = NaiveDate::parse_from_str(&args.until, "%Y-%m-%d")
        .map_err(|e| format!("--until {}: {e}", args.until))?
        .and_hms_opt(12, 0, 0)
        .ok_or("bad --until")?
        .and_utc();
    let start = until - Duration::days(730);
    let maildir = args.out.join("maildir");
    if maildir.exists() {
        return Err(format!("{} exists already", maildir.display()));
    }
    for folder in ["", ".Sent", ".Archive", ".Lists"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(maildir.join(folder).join(sub)).map_err(|e| e.to_string())?;
        }
    }
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let people = correspondents(&mut rng, args.correspondents);
    // A few people get most of the mail: weight person i by 1 / (i / 20 + 1).
    let weights: Vec<f64> = (0..people.len())
        .map(|i| 1.0 / (i as f64 / 20.0 + 1.0))
        .collect();
    let total: f64 = weights.iter().sum();
    let pick = |rng: &mut fastrand::Rng| -> usize {
        let mut x = rng.f64() * total;
        for (i, w) in weights.iter().enumerate() {
            x -= w;
            if x <= 0.0 {
                return i;
            }
        }
        people.len() - 1
    };
    let mut mails: Vec<Mail> = Vec::with_capacity(args.messages);
    let span = (until - start).num_seconds();
    let mut n = 0usize;
    while mails.len() < args.messages {
        n += 1;
        let at = start + Duration::seconds(rng.i64(0..span));
        // A thread averages 3.5 messages: lists are 60 % of what starts,
        // so that they are 30 % of all messages.
        if rng.u8(0..100) < 60 {
            mails.push(list_mail(&mut rng, at, n));
            continue;
        }
        // A thread of 1 to 6 messages with one person (sometimes more in Cc).
        let them = pick(&mut rng);
        let mut cc: Vec<usize> = Vec::new();
        match rng.u8(0..100) {
            0..=1 => cc.extend((0..10).map(|_| pick(&mut rng))),
            2..=19 => cc.extend((0..rng.usize(1..=3)).map(|_| pick(&mut rng))),
            _ => {}
        }
        cc.retain(|c| *c != them);
        cc.dedup();
        let subject = subject(&mut rng);
        let length = rng.usize(1..=6).min(args.messages - mails.len());
        let mut when = at;
        let mut ids: Vec<String> = Vec::new();
        let mut from_me = rng.bool();
        for k in 0..length {
            let id = format!(
                "{:x}.{n}.{k}@{}",
                rng.u64(..),
                if from_me {
                    "example.org"
                } else {
                    "mail.gmail.com"
                }
            );
            mails.push(person_mail(
                &mut rng, when, &people, them, &cc, from_me, &subject, &id, &ids,
            ));
            ids.push(id);
            from_me = !from_me;
            when += Duration::minutes(rng.i64(5..3000));
            if when > until {
                break;
            }
        }
    }
    mails.sort_by_key(|m| m.at);
    write_all(&maildir, &args.out.join("mail.mbox"), &mails, &mut rng)?;
    let mut csv = String::from("name,email\n");
    for p in people.iter().step_by(2).take(args.contacts) {
        let _ = writeln!(csv, "\"{}\",{}", p.name.replace('"', ""), p.address);
    }
    std::fs::write(args.out.join("contacts.csv"), csv).map_err(|e| e.to_string())?;
    std::fs::write(
        args.out.join("config.toml"),
        format!("[me]\nemails = [\"{ME}\", \"{ME_WORK}\"]\n"),
    )
    .map_err(|e| e.to_string())?;
    eprintln!(
        "synth-mail: {} messages, {} correspondents, {} contacts in {}",
        mails.len(),
        people.len(),
        args.contacts.min(people.len().div_ceil(2)),
        args.out.display()
    );
    Ok(())
}

fn correspondents(rng: &mut fastrand::Rng, n: usize) -> Vec<Person> {
    let mut people = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    let mut i = 0;
    while people.len() < n {
        i += 1;
        let first = FIRST[rng.usize(..FIRST.len())];
        let last = LAST[rng.usize(..LAST.len())];
        // Names are unique (as draht's active contacts are): a second
        // first name tells two Anna Schmidts apart.
        let mut name = format!("{first} {last}");
        while !names.insert(name.clone()) {
            name = format!("{first} {} {last}", FIRST[rng.usize(..FIRST.len())]);
        }
        let domain = DOMAINS[rng.usize(..DOMAINS.len())];
        let local = format!("{}.{}", ascii(first), ascii(last));
        let address = if seen.contains(&format!("{local}@{domain}")) {
            format!("{local}{i}@{domain}")
        } else {
            format!("{local}@{domain}")
        };
        seen.insert(address.clone());
        people.push(Person { name, address });
    }
    people
}

/// A name as a mail local part: lower case, umlauts spelled out.
fn ascii(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            'é' | 'è' | 'ë' => out.push('e'),
            'í' => out.push('i'),
            'ã' | 'á' => out.push('a'),
            'ç' => out.push('c'),
            _ => {}
        }
    }
    out
}

/// A display name as a header writes it: quoted-printable encoded words
/// for non-ASCII names, "Last, First" in quotes as Outlook writes some.
fn display(rng: &mut fastrand::Rng, name: &str) -> String {
    let name = if rng.u8(0..10) == 0 {
        match name.rsplit_once(' ') {
            Some((first, last)) => format!("{last}, {first}"),
            None => name.to_string(),
        }
    } else {
        name.to_string()
    };
    if name.is_ascii() {
        if name.contains(',') {
            format!("\"{name}\"")
        } else {
            name
        }
    } else {
        let mut encoded = String::from("=?UTF-8?Q?");
        for b in name.bytes() {
            match b {
                b' ' => encoded.push('_'),
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => encoded.push(b as char),
                _ => {
                    let _ = write!(encoded, "={b:02X}");
                }
            }
        }
        encoded.push_str("?=");
        encoded
    }
}

fn subject(rng: &mut fastrand::Rng) -> String {
    const WORDS: &[&str] = &[
        "Angebot",
        "Termin",
        "Projekt",
        "Kaffee",
        "Fotos",
        "Q3 launch",
        "Rechnung",
        "Urlaub",
        "Vertrag",
        "Segeln",
        "Grillen",
        "Umzug",
        "Workshop",
        "Feedback",
        "Agenda",
    ];
    format!("{} {}", WORDS[rng.usize(..WORDS.len())], rng.u16(1..999))
}

fn rfc2822(at: DateTime<Utc>) -> String {
    (at + Duration::hours(1))
        .format("%a, %d %b %Y %H:%M:%S +0100")
        .to_string()
}

fn base64ish(rng: &mut fastrand::Rng, len: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    (0..len).map(|_| A[rng.usize(..A.len())] as char).collect()
}

fn received_chain(rng: &mut fastrand::Rng, at: DateTime<Utc>, to: &str) -> String {
    let mut h = String::new();
    let date = rfc2822(at);
    let _ = write!(
        h,
        "Delivered-To: {to}\r\nReceived: by 2002:a05:6358:{:x}:b0:{:x} with SMTP id {}csp{};\r\n        {date}\r\n",
        rng.u16(..),
        rng.u16(..),
        base64ish(rng, 4).to_lowercase(),
        rng.u32(..)
    );
    let _ = write!(
        h,
        "X-Google-Smtp-Source: AGHT+I{}\r\nX-Received: by 2002:a17:907:{:x} with SMTP id {};\r\n        {date}\r\n",
        base64ish(rng, 60),
        rng.u16(..),
        base64ish(rng, 30)
    );
    let _ = write!(
        h,
        "ARC-Seal: i=1; a=rsa-sha256; t={}; cv=none;\r\n        d=google.com; s=arc-20240605;\r\n        b={}\r\n         {}\r\n",
        at.timestamp(),
        base64ish(rng, 70),
        base64ish(rng, 70)
    );
    let _ = write!(
        h,
        "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\r\n        h=to:subject:message-id:date:from:mime-version:dkim-signature;\r\n        bh={}=;\r\n        b={}\r\n",
        base64ish(rng, 43),
        base64ish(rng, 140)
    );
    let _ = write!(
        h,
        "ARC-Authentication-Results: i=1; mx.google.com;\r\n       dkim=pass header.i=@gmail.com;\r\n       spf=pass (google.com: domain designates 209.85.220.41 as permitted sender);\r\n       dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.com\r\n\
         Return-Path: <bounce@mail.example>\r\nReceived: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n        by mx.google.com with SMTPS id {}\r\n        for <{to}>\r\n        (Google Transport Security);\r\n        {date}\r\n\
         Received-SPF: pass (google.com: domain designates 209.85.220.41 as permitted sender) client-ip=209.85.220.41;\r\n\
         DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=gmail.com; s=20230601; t={};\r\n        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to;\r\n        bh={}=;\r\n        b={}\r\n         {}\r\n",
        base64ish(rng, 40),
        at.timestamp(),
        base64ish(rng, 43),
        base64ish(rng, 70),
        base64ish(rng, 70)
    );
    h
}

fn body(rng: &mut fastrand::Rng, boundary: &str) -> String {
    let lines = rng.usize(3..30);
    let mut text = String::new();
    for _ in 0..lines {
        text.push_str(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\r\n",
        );
    }
    if rng.u8(0..50) == 0 {
        text.push_str("From what I heard, the offer still stands.\r\n");
    }
    let mut out = format!(
        "--{boundary}\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{text}\r\n--{boundary}\r\nContent-Type: text/html; charset=\"UTF-8\"\r\n\r\n<div dir=\"ltr\">{}</div>\r\n",
        text.replace("\r\n", "<br>\r\n")
    );
    if rng.u8(0..100) < 3 {
        let _ = write!(
            out,
            "--{boundary}\r\nContent-Type: application/pdf; name=\"Angebot.pdf\"\r\nContent-Disposition: attachment; filename=\"Angebot.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        );
        for _ in 0..rng.usize(200..800) {
            out.push_str(&base64ish(rng, 76));
            out.push_str("\r\n");
        }
    }
    let _ = write!(out, "--{boundary}--\r\n");
    out
}

#[allow(clippy::too_many_arguments)]
fn person_mail(
    rng: &mut fastrand::Rng,
    at: DateTime<Utc>,
    people: &[Person],
    them: usize,
    cc: &[usize],
    from_me: bool,
    subject: &str,
    id: &str,
    earlier: &[String],
) -> Mail {
    let p = &people[them];
    let me = if rng.bool() { ME } else { ME_WORK };
    let boundary = format!("000000000000{:012x}", rng.u64(..) & 0xffff_ffff_ffff);
    let mut h = String::new();
    if !from_me {
        h.push_str(&received_chain(rng, at, me));
    }
    h.push_str("MIME-Version: 1.0\r\n");
    if let Some(last) = earlier.last() {
        let refs: Vec<String> = earlier.iter().map(|r| format!("<{r}>")).collect();
        let _ = write!(
            h,
            "References: {}\r\nIn-Reply-To: <{last}>\r\n",
            refs.join("\r\n ")
        );
    }
    let (from, to) = if from_me {
        (
            format!("Alex Example <{me}>"),
            format!("{} <{}>", display(rng, &p.name), p.address),
        )
    } else {
        (
            format!("{} <{}>", display(rng, &p.name), p.address),
            format!("Alex Example <{me}>"),
        )
    };
    let re = if earlier.is_empty() { "" } else { "Re: " };
    let _ = write!(
        h,
        "From: {from}\r\nDate: {}\r\nMessage-ID: <{id}>\r\nSubject: {re}{subject}\r\nTo: {to}\r\n",
        rfc2822(at)
    );
    if !cc.is_empty() {
        let list: Vec<String> = cc
            .iter()
            .map(|c| {
                format!(
                    "{} <{}>",
                    display(rng, &people[*c].name),
                    people[*c].address
                )
            })
            .collect();
        let _ = write!(h, "Cc: {}\r\n", list.join(",\r\n "));
    }
    if from_me {
        h.push_str("User-Agent: Mozilla Thunderbird\r\nContent-Language: de-DE\r\n");
    }
    let _ = write!(
        h,
        "Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n"
    );
    h.push_str(&body(rng, &boundary));
    Mail {
        at,
        text: h,
        folder: if from_me {
            ".Sent"
        } else if at.timestamp() % 3 == 0 {
            ".Archive"
        } else {
            ""
        },
        envelope: if from_me {
            me.to_string()
        } else {
            p.address.clone()
        },
    }
}

fn list_mail(rng: &mut fastrand::Rng, at: DateTime<Utc>, n: usize) -> Mail {
    let (name, address, list) = LISTS[rng.usize(..LISTS.len())];
    let boundary = format!("list{:016x}", rng.u64(..));
    let mut h = received_chain(rng, at, ME);
    let _ = write!(
        h,
        "MIME-Version: 1.0\r\nFrom: {name} <{address}>\r\nDate: {}\r\nMessage-ID: <list.{n}.{:x}@{}>\r\nSubject: [{name}] {}\r\nTo: {ME}\r\n",
        rfc2822(at),
        rng.u64(..),
        address.split('@').nth(1).unwrap_or("x"),
        subject(rng)
    );
    if !list.is_empty() {
        let _ = write!(
            h,
            "List-Id: {name} <{list}>\r\nList-Unsubscribe: <mailto:unsubscribe@{list}>, <https://{list}/unsubscribe>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nPrecedence: list\r\n"
        );
    } else {
        h.push_str("Precedence: bulk\r\nAuto-Submitted: auto-generated\r\n");
    }
    let _ = write!(
        h,
        "Feedback-ID: {}:{}\r\nContent-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n",
        rng.u32(..),
        base64ish(rng, 12)
    );
    h.push_str(&body(rng, &boundary));
    Mail {
        at,
        text: h,
        folder: if rng.bool() { ".Lists" } else { "" },
        envelope: address.to_string(),
    }
}

fn write_all(
    maildir: &Path,
    mbox: &Path,
    mails: &[Mail],
    rng: &mut fastrand::Rng,
) -> Result<(), String> {
    let err = |e: std::io::Error| e.to_string();
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(mbox).map_err(err)?);
    for (i, m) in mails.iter().enumerate() {
        // 2 % still in new/, the rest read (in cur/ with flags).
        let unique = format!(
            "{}.M{}P{}Q{i}.synth",
            m.at.timestamp(),
            rng.u32(..1_000_000),
            4242
        );
        let file = if rng.u8(0..50) == 0 {
            maildir.join(m.folder).join("new").join(&unique)
        } else {
            maildir
                .join(m.folder)
                .join("cur")
                .join(format!("{unique}:2,S"))
        };
        std::fs::write(&file, &m.text).map_err(err)?;
        writeln!(
            out,
            "From {} {}",
            m.envelope,
            m.at.format("%a %b %e %H:%M:%S %Y")
        )
        .map_err(err)?;
        for line in m.text.split_inclusive('\n') {
            let line = line.replace("\r\n", "\n");
            if line.trim_start_matches('>').starts_with("From ") {
                out.write_all(b">").map_err(err)?;
            }
            out.write_all(line.as_bytes()).map_err(err)?;
        }
        out.write_all(b"\n").map_err(err)?;
    }
    out.flush().map_err(err)
}
