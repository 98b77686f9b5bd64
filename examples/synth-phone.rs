//! Synthetic phone exports for benchmarking `draht capture`, made for the
//! contacts of a draht database (the one `examples/synth` writes, with the
//! same `--now`): an SMS Backup & Restore backup of texts (SMS and MMS,
//! photos in some) and one of calls, WhatsApp chats as Android and iPhone
//! export them in four locales, and a Telegram Desktop full export.
//!
//! ```text
//! cargo run --release --example synth -- --db /tmp/book.db --contacts 2000 --touches 20000
//! cargo run --release --example synth-phone -- --db /tmp/book.db --out /tmp/phone \
//!     [--messages 1000000] [--calls 100000] [--chat-messages 770000]
//!     [--telegram-messages 100000] [--seed 1] [--now 2026-06-01] [--region DE]
//! ```
//!
//! Most texts and calls are with the contacts who have a number (a few of
//! them get most), the rest with strangers and machines ("DHL", short
//! codes). It writes `OUT/config.toml` (`[me] region`, for reading numbers
//! without a country code) and `OUT/expected.json`: each file with how many
//! records it holds and how many are touches with a contact — what
//! `draht capture --json` reports as `read` and `touches` on its first run.
//! The same seed and book give the same bytes.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;

#[path = "synth-phone/gen.rs"]
mod generator;

use generator::{Book, Options, generate};

#[derive(Parser)]
#[command(about = "Write synthetic phone exports for the contacts of a draht database")]
struct Args {
    /// The draht database whose contacts the exports are with.
    #[arg(long)]
    db: PathBuf,
    /// The folder to write into (created).
    #[arg(long)]
    out: PathBuf,
    /// Texts in the SMS backup (SMS and MMS).
    #[arg(long, default_value_t = 1_000_000)]
    messages: usize,
    /// Calls in the calls backup.
    #[arg(long, default_value_t = 100_000)]
    calls: usize,
    /// Lines of WhatsApp chats, over all chats (770,000 are about 50 MB of
    /// chat text: 65 bytes a line, the `.zip` exports counted inflated).
    #[arg(long, default_value_t = 770_000)]
    chat_messages: usize,
    /// Messages of the Telegram export.
    #[arg(long, default_value_t = 100_000)]
    telegram_messages: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The day the history ends (YYYY-MM-DD): the synth database's `--now`.
    #[arg(long, default_value = "2026-06-01")]
    now: String,
    /// The phone's country, for numbers without a country code.
    #[arg(long, default_value = "DE")]
    region: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("synth-phone: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let now = NaiveDate::parse_from_str(&args.now, "%Y-%m-%d")
        .map_err(|_| format!("--now {:?} is not a date; use YYYY-MM-DD", args.now))?;
    let started = Instant::now();
    let book = Book::read(&args.db, &args.region)?;
    let options = Options {
        out: args.out.clone(),
        messages: args.messages,
        calls: args.calls,
        chat_messages: args.chat_messages,
        telegram_messages: args.telegram_messages,
        seed: args.seed,
        now,
    };
    let written = generate(&book, &options)?;
    std::fs::write(
        args.out.join("config.toml"),
        format!("[me]\nregion = \"{}\"\n", args.region),
    )
    .map_err(|e| e.to_string())?;
    let files: Vec<serde_json::Value> = written
        .iter()
        .map(|w| {
            let bytes = std::fs::metadata(&w.path).map_or(0, |m| m.len());
            serde_json::json!({
                "path": w.path.strip_prefix(&args.out).unwrap_or(&w.path),
                "bytes": bytes,
                "read": w.records,
                "touches": w.touches,
            })
        })
        .collect();
    let expected = serde_json::json!({ "now": args.now, "files": files });
    std::fs::write(
        args.out.join("expected.json"),
        serde_json::to_string_pretty(&expected).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let bytes: u64 = files.iter().filter_map(|f| f["bytes"].as_u64()).sum();
    eprintln!(
        "synth-phone: {} files, {:.1} MB for {} contacts ({} with a number) in {:.1} s",
        written.len(),
        bytes as f64 / 1e6,
        book.contacts.len(),
        book.with_phones().len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
