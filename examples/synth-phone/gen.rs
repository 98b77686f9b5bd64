//! What `examples/synth-phone` writes, as a library for its binary and for
//! the test that `draht capture` reads it (tests/it/capture_synth_phone.rs):
//! each file with how many records it holds and how many of them are
//! touches with a contact, so a capture of it can be checked.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};

#[path = "book.rs"]
pub mod book;
#[path = "chats.rs"]
mod chats;
#[path = "sms.rs"]
mod sms;
#[path = "telegram.rs"]
mod telegram;
#[path = "../synth/words.rs"]
#[allow(dead_code)]
mod words;

pub use book::Book;

/// What to write.
pub struct Options {
    pub out: PathBuf,
    /// Texts (SMS and MMS) in the SMS Backup & Restore file.
    pub messages: usize,
    /// Calls in its calls file.
    pub calls: usize,
    /// Lines of WhatsApp chats, over all chats.
    pub chat_messages: usize,
    /// Messages of the Telegram export, over all chats.
    pub telegram_messages: usize,
    pub seed: u64,
    /// The day the history ends; everything lies in the year before it.
    pub now: NaiveDate,
}

/// One file written: how many records `draht capture` reads in it and how
/// many of them are touches with a contact (its `read` and `touches`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub records: u64,
    pub touches: u64,
}

/// The time span of the history: a year up to the day before `now`.
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn of(now: NaiveDate) -> Span {
        let end = (now - Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc();
        Span {
            start: end - Duration::days(365),
            end,
        }
    }

    /// `n` instants in milliseconds, sorted and each a different one, in
    /// waking hours mostly (a person texts at 10 and 21 h, rarely at 4).
    pub fn instants(&self, rng: &mut fastrand::Rng, n: usize) -> Vec<i64> {
        const HOURS: [u32; 24] = [
            1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 10, 12, 10, 9, 9, 10, 12, 14, 16, 16, 14, 10, 4,
        ];
        let total: u32 = HOURS.iter().sum();
        let days = (self.end - self.start).num_days().max(1);
        let start = self.start.timestamp_millis();
        let mut out: Vec<i64> = (0..n)
            .map(|_| {
                let mut x = rng.u32(..total);
                let hour = HOURS
                    .iter()
                    .position(|w| {
                        if x < *w {
                            true
                        } else {
                            x -= w;
                            false
                        }
                    })
                    .unwrap_or(12) as i64;
                let day = rng.i64(0..days);
                start + ((day * 24 + hour) * 3600 + rng.i64(0..3600)) * 1000 + rng.i64(0..1000)
            })
            .collect();
        out.sort_unstable();
        for i in 1..out.len() {
            if out[i] <= out[i - 1] {
                out[i] = out[i - 1] + 1;
            }
        }
        out
    }
}

/// Writes every export into `o.out` (created): the SMS Backup & Restore
/// texts and calls, WhatsApp chats of both platforms in four locales, a
/// Telegram Desktop full export.
pub fn generate(book: &Book, o: &Options) -> Result<Vec<Written>, String> {
    std::fs::create_dir_all(&o.out).map_err(|e| format!("{}: {e}", o.out.display()))?;
    let span = Span::of(o.now);
    let mut rng = fastrand::Rng::with_seed(o.seed);
    let stamp = span.end.format("%Y%m%d%H%M%S");
    let mut written = Vec::new();
    written.push(sms::texts(
        &mut rng,
        book,
        &span,
        o.messages,
        &o.out.join(format!("sms-{stamp}.xml")),
    )?);
    written.push(sms::calls(
        &mut rng,
        book,
        &span,
        o.calls,
        &o.out.join(format!("calls-{stamp}.xml")),
    )?);
    written.extend(chats::whatsapp(
        &mut rng,
        book,
        &span,
        o.chat_messages,
        &o.out,
    )?);
    written.push(telegram::export(
        &mut rng,
        book,
        &span,
        o.telegram_messages,
        &o.out
            .join("Telegram Desktop")
            .join(format!("DataExport_{}", span.end.format("%Y-%m-%d"))),
    )?);
    Ok(written)
}

/// A file to write into, buffered.
pub fn create(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::File::create(path)
        .map(|f| std::io::BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Short messages as people write them, German and English, with the
/// characters exports have to escape.
pub const PHRASES: &[&str] = &[
    "Hi! Wie geht's?",
    "Bin gleich da",
    "Kommst du heute Abend?",
    "Danke dir 🙏",
    "Ok",
    "Alles klar, bis später",
    "Hast du am Wochenende Zeit?",
    "Ich ruf dich nachher an",
    "Sorry, war im Meeting",
    "Schick mir mal die Adresse",
    "Grillen am Samstag? Bring Salat & Brot mit",
    "😂😂",
    "Gute Besserung!",
    "Der Zug hat 20 Min Verspätung <3",
    "Hab's bekommen, danke",
    "Wann bist du zurück?",
    "Ja gerne",
    "Nein, leider nicht",
    "Treffen wir uns am \"Alten Markt\"?",
    "Running late, 10 min",
    "Sounds good!",
    "Can you pick up milk?",
    "Happy birthday!! 🎉",
    "Call me when you're free",
    "See you tomorrow",
    "Thanks a lot",
    "Where are you?",
    "Lol",
    "Did you see the game?",
    "I'll send the photos tonight",
    "Kannst du die Kinder um 16 Uhr abholen?",
    "Termin beim Arzt ist am Dienstag",
    "Liebe Grüße an alle",
    "Prost! 🍻",
    "Ich bin krank, sag bitte ab",
    "Schön war's gestern",
];

/// A message: one to three phrases, now and then a long one.
pub fn message(rng: &mut fastrand::Rng) -> String {
    let n = match rng.u32(..100) {
        0..70 => 1,
        70..92 => 2,
        _ => 3 + rng.usize(..4),
    };
    let mut text = String::new();
    for i in 0..n {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(PHRASES[rng.usize(..PHRASES.len())]);
    }
    text
}
