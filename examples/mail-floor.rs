//! The floor for `draht capture`'s speed: `mail-parser` alone iterating a
//! maildir or an mbox with its own readers and parsing every message's
//! headers (the same headers draht asks for), nothing else.
//!
//! ```text
//! cargo run --release --example mail-floor -- maildir DIR
//! cargo run --release --example mail-floor -- mbox FILE
//! ```
//!
//! Prints how many messages it read and how many had a sender. The
//! crate's readers read every message whole (draht reads header blocks
//! only); that is part of what this floor measures.

use std::io::BufReader;
use std::process::ExitCode;

use mail_parser::mailbox::{maildir, mbox};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The same header set draht parses: only the parser's set-up is draht's.
    let parser = draht::capture::mail::parser();
    let (mut read, mut with_sender) = (0u64, 0u64);
    let mut count = |bytes: &[u8]| {
        read += 1;
        if parser
            .parse_headers(bytes)
            .is_some_and(|m| m.from().is_some())
        {
            with_sender += 1;
        }
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["maildir", dir] => {
            let folders = match maildir::FolderIterator::new(dir, Some(".")) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("mail-floor: {dir}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for folder in folders.flatten() {
                for message in folder.flatten() {
                    count(message.contents());
                }
            }
        }
        ["mbox", file] => {
            let file = match std::fs::File::open(file) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("mail-floor: {file}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for message in
                mbox::MessageIterator::new(BufReader::with_capacity(256 * 1024, file)).flatten()
            {
                count(message.contents());
            }
        }
        _ => {
            eprintln!("usage: mail-floor maildir DIR | mail-floor mbox FILE");
            return ExitCode::from(2);
        }
    }
    println!("{read} messages, {with_sender} with a sender");
    ExitCode::SUCCESS
}
