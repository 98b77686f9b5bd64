//! WhatsApp's "Export chat": a text file per chat from Android (`WhatsApp
//! Chat with NAME.txt`) and the `.zip` an iPhone shares (`WhatsApp Chat -
//! NAME.zip` holding `_chat.txt` and the media), in four locales: Android
//! US English (month first, 12-hour clock) and German, iOS German and
//! British English (day first, seconds), with the invisible marks each
//! puts in, multi-line messages, media lines and calls.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Timelike};

use super::book::{Book, Skewed};
use super::{Span, Written, create, message};

#[derive(Copy, Clone, PartialEq, Eq)]
enum Locale {
    AndroidUs,
    AndroidDe,
    IosDe,
    IosGb,
}

const LOCALES: [Locale; 4] = [
    Locale::AndroidUs,
    Locale::AndroidDe,
    Locale::IosDe,
    Locale::IosGb,
];

/// The user's name in their chats.
const ME: &str = "Max";

impl Locale {
    fn ios(self) -> bool {
        matches!(self, Locale::IosDe | Locale::IosGb)
    }

    fn german(self) -> bool {
        matches!(self, Locale::AndroidDe | Locale::IosDe)
    }

    /// The header a line starts with.
    fn header(self, t: NaiveDateTime) -> String {
        let (d, m, y) = (t.day(), t.month(), t.year());
        match self {
            Locale::AndroidUs => {
                let (pm, h) = t.hour12();
                // Newer Android versions put a narrow no-break space before PM.
                let gap = if t.minute().is_multiple_of(2) {
                    "\u{202f}"
                } else {
                    " "
                };
                format!(
                    "{m}/{d}/{:02}, {h}:{:02}{gap}{} - ",
                    y % 100,
                    t.minute(),
                    if pm { "PM" } else { "AM" }
                )
            }
            Locale::AndroidDe => format!(
                "{d:02}.{m:02}.{:02}, {:02}:{:02} - ",
                y % 100,
                t.hour(),
                t.minute()
            ),
            Locale::IosDe => format!(
                "[{d:02}.{m:02}.{:02}, {:02}:{:02}:{:02}] ",
                y % 100,
                t.hour(),
                t.minute(),
                t.second()
            ),
            Locale::IosGb => format!(
                "[{d:02}/{m:02}/{y}, {:02}:{:02}:{:02}] ",
                t.hour(),
                t.minute(),
                t.second()
            ),
        }
    }

    fn encryption(self) -> &'static str {
        if self.german() {
            "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren."
        } else {
            "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more."
        }
    }

    fn media(self) -> &'static str {
        match self {
            Locale::AndroidUs => "<Media omitted>",
            Locale::AndroidDe => "<Medien ausgeschlossen>",
            Locale::IosDe => "\u{200e}Bild weggelassen",
            Locale::IosGb => "\u{200e}image omitted",
        }
    }

    /// A call that took place, of `min` minutes.
    fn call(self, min: u32, video: bool) -> String {
        match (self.german(), video) {
            (true, false) => format!("\u{200e}Sprachanruf, \u{200e}{min} Min."),
            (true, true) => format!("\u{200e}Videoanruf, \u{200e}{min} Min."),
            (false, false) => format!("\u{200e}Voice call, \u{200e}{min} min"),
            (false, true) => format!("\u{200e}Video call, \u{200e}{min} min"),
        }
    }

    fn missed(self) -> &'static str {
        match self {
            Locale::AndroidUs => "Missed voice call",
            Locale::AndroidDe => "Verpasster Sprachanruf",
            Locale::IosDe => "\u{200e}Verpasster Sprachanruf",
            Locale::IosGb => "\u{200e}Missed voice call",
        }
    }
}

/// One chat: with whom, in which locale, and whether they are a contact.
struct Chat {
    title: String,
    locale: Locale,
    contact: bool,
    group: Vec<String>,
}

/// About 50 chats with contacts (most lines with a few of them), one in
/// eight with people the book does not have and one group; `n` lines in
/// all. Each chat is its own file, as the phone exports it.
pub fn whatsapp(
    rng: &mut fastrand::Rng,
    book: &Book,
    span: &Span,
    n: usize,
    out: &Path,
) -> Result<Vec<Written>, String> {
    let mut order: Vec<usize> = (0..book.contacts.len()).collect();
    rng.shuffle(&mut order);
    let mut chats: Vec<Chat> = Vec::new();
    let mut titles = std::collections::HashSet::new();
    for (k, &i) in order.iter().take(48).enumerate() {
        let title = book.contacts[i].name.clone();
        if title.chars().any(|c| matches!(c, '/' | '\\' | ':')) || !titles.insert(title.clone()) {
            continue;
        }
        chats.push(Chat {
            title,
            locale: LOCALES[k % 4],
            contact: true,
            group: Vec::new(),
        });
    }
    for k in 0..6 {
        let title = book.stranger_name(rng);
        if titles.insert(title.clone()) {
            chats.push(Chat {
                title,
                locale: LOCALES[k % 4],
                contact: false,
                group: Vec::new(),
            });
        }
    }
    let members = (0..4).map(|_| book.unknown_full_name(rng)).collect();
    chats.push(Chat {
        title: "Wandergruppe 🥾".to_string(),
        locale: Locale::AndroidDe,
        contact: false,
        group: members,
    });
    let skew = Skewed::new(chats.len());
    let mut lines = vec![0usize; chats.len()];
    for _ in 0..n {
        lines[skew.pick(rng)] += 1;
    }
    let mut written = Vec::new();
    for (chat, count) in chats.iter().zip(lines) {
        written.push(one(rng, chat, span, count.max(3), out)?);
    }
    Ok(written)
}

/// The local times of `n` lines, the first on a day after the 12th (so a
/// file in a month-first locale tells its date order, as a real chat of
/// some weeks does).
fn times(rng: &mut fastrand::Rng, span: &Span, n: usize) -> Vec<NaiveDateTime> {
    let mut t: Vec<NaiveDateTime> = span
        .instants(rng, n)
        .into_iter()
        .filter_map(DateTime::from_timestamp_millis)
        .map(|d| d.naive_utc().with_nanosecond(0).unwrap_or(d.naive_utc()))
        .collect();
    if let Some(first) = t.first_mut() {
        while first.day() <= 12 {
            *first -= Duration::days(1);
        }
    }
    t.sort();
    t
}

fn one(
    rng: &mut fastrand::Rng,
    chat: &Chat,
    span: &Span,
    n: usize,
    out: &Path,
) -> Result<Written, String> {
    let times = times(rng, span, n);
    let l = chat.locale;
    let mut text = String::with_capacity(n * 80);
    let mut touches = 0u64;
    for (k, t) in times.iter().enumerate() {
        let h = l.header(*t);
        if k == 0 {
            if l.ios() {
                text.push_str(&format!(
                    "\u{200e}{h}{}: \u{200e}{}\n",
                    chat.title,
                    l.encryption()
                ));
            } else {
                text.push_str(&format!("{h}{}\n", l.encryption()));
            }
            continue;
        }
        if !chat.group.is_empty() {
            if k == 1 {
                text.push_str(&format!(
                    "{h}{} hat die Gruppe „{}“ erstellt\n",
                    chat.group[0], chat.title
                ));
                continue;
            }
            let who = if rng.u32(..4) == 0 {
                ME
            } else {
                &chat.group[rng.usize(..chat.group.len())]
            };
            text.push_str(&format!("{h}{who}: {}\n", message(rng)));
            continue;
        }
        let mine = rng.bool();
        let who = if mine { ME } else { chat.title.as_str() };
        let x = rng.u32(..1000);
        let body = if x < 12 && l.ios() {
            // A call: the line names who called.
            touches += u64::from(chat.contact);
            l.call(1 + rng.u32(..90), x < 3)
        } else if x < 18 {
            // The partner called and the user did not take it.
            text.push_str(&format!("{h}{}: {}\n", chat.title, l.missed()));
            continue;
        } else if x < 60 {
            touches += u64::from(chat.contact);
            l.media().to_string()
        } else if x < 120 {
            // A message of several lines.
            touches += u64::from(chat.contact);
            format!("{}\n{}\n{}", message(rng), message(rng), message(rng))
        } else {
            touches += u64::from(chat.contact);
            message(rng)
        };
        text.push_str(&format!("{h}{who}: {body}\n"));
    }
    let records = n as u64;
    let path = if l.ios() {
        let path = out.join(format!("WhatsApp Chat - {}.zip", chat.title));
        let err = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let file = create(&path)?;
        let mut zip = zip::ZipWriter::new(file);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("_chat.txt", deflated).map_err(|e| err(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| err(&e))?;
        zip.start_file("00000012-PHOTO-2026-01-13-18-03-11.jpg", deflated)
            .map_err(|e| err(&e))?;
        zip.write_all(&[0xff, 0xd8, 0xff, 0xe0, 0, 16, b'J', b'F', b'I', b'F'])
            .map_err(|e| err(&e))?;
        zip.finish().map_err(|e| err(&e))?;
        path
    } else {
        let path = out.join(format!("WhatsApp Chat with {}.txt", chat.title));
        let mut f = create(&path)?;
        f.write_all(text.as_bytes())
            .and_then(|()| f.flush())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        path
    };
    Ok(Written {
        path,
        records,
        touches,
    })
}
