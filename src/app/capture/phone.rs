//! Reading the phone's exports — SMS Backup & Restore XML, WhatsApp chats
//! (text or `.zip`), Telegram JSON — one file at a time: a reader thread
//! parses the file while this thread writes what it found, and a file's
//! touches, keys and watermark land in one transaction, so a file counts
//! whole or not at all. A file that cannot be opened or read is one broken
//! record; the other files are read all the same.
//!
//! A source is one such file, or a folder of them (every file below it of
//! the source's kind). Each file's watermark is its size and time: an
//! unchanged file is not read again.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use super::drive::Sink;
use super::io_reason;
use super::session::{Mode, Session};
use crate::capture::calendar::FileMark;
use crate::capture::{Found, Kind, detect, sms_backup, telegram, whatsapp};
use crate::error::{Error, Result};
use crate::store::capture::{self as stored, Marks};

/// How deep below a folder source its files are looked for.
const DEPTH: usize = 4;

/// Records per message on the channel between the threads.
const CHUNK: usize = 512;

/// Reads one phone source into its session.
pub(super) fn source<S: Sink>(
    sink: &mut S,
    s: &mut Session,
    whole: bool,
    marks: &Marks,
) -> Result<()> {
    let root = s.source.path.clone();
    let kind = s.source.kind;
    let files = files(&root, kind)?;
    let parts: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let mut read_any = false;
    for (part, path) in &files {
        let place = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                s.broken(&place, &io_reason(&e));
                continue;
            }
        };
        let (mtime, unchanged) = super::drive::file_unchanged(marks, part, &meta);
        if !whole && unchanged {
            continue;
        }
        read_any = true;
        let mark = FileMark {
            size: meta.len(),
            mtime,
            settled: true,
        };
        let alone = files.len() == 1 && root.is_file();
        file(sink, s, part, path, mark, alone)?;
    }
    if !read_any {
        s.set_unchanged();
    }
    if s.mode == Mode::Report {
        return Ok(());
    }
    sink.tx(|tx| {
        stored::retain_parts(tx, s.id, &parts)?;
        s.seal(tx)
    })
}

/// The files of a source, by path below it ("" for a source that is a file).
fn files(root: &Path, kind: Kind) -> Result<Vec<(String, PathBuf)>> {
    if !root.is_dir() {
        return Ok(vec![(String::new(), root.to_path_buf())]);
    }
    let below = detect::files_below(root, DEPTH).map_err(|e| {
        Error::input(crate::t!(
            "capture-error-read",
            path = root.display().to_string(),
            reason = io_reason(&e)
        ))
    })?;
    let found: Vec<(String, PathBuf)> = below
        .into_iter()
        .filter(|p| detect::kind_of_file(p).ok().flatten() == Some(kind))
        .map(|p| {
            let part = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            (part, p)
        })
        .collect();
    if found.is_empty() {
        return Err(Error::input(crate::t!(
            "capture-error-no-export",
            path = root.display().to_string(),
            kind = kind.as_str()
        )));
    }
    Ok(found)
}

/// A file opened for its reader.
enum Opened {
    Backup(File),
    Telegram(File),
    Chat {
        path: PathBuf,
        /// The chat's entry, when the file is a `.zip`.
        entry: Option<usize>,
        title: Option<String>,
        order: whatsapp::DateOrder,
    },
}

/// Opens a file for its reader, or says why it cannot be read. `alone`: it
/// is the whole source, so a question about it is the user's to answer
/// (an error), not a broken record among others.
fn open(s: &Session, path: &Path, alone: bool) -> Result<std::result::Result<Opened, String>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return Ok(Err(io_reason(&e))),
    };
    match s.source.kind {
        Kind::SmsBackup => return Ok(Ok(Opened::Backup(file))),
        Kind::Telegram => return Ok(Ok(Opened::Telegram(file))),
        _ => {}
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let zipped = name.to_ascii_lowercase().ends_with(".zip");
    let (entry, title) = if zipped {
        let mut zip = match zip::ZipArchive::new(file) {
            Ok(zip) => zip,
            Err(e) => {
                return Ok(Err(crate::t!(
                    "capture-broken-not-zip",
                    reason = e.to_string()
                )));
            }
        };
        match whatsapp::chat_in_zip(&mut zip) {
            Some((i, inner)) => {
                let inner = inner.rsplit('/').next().unwrap_or(&inner).to_string();
                (
                    Some(i),
                    whatsapp::title_of(name).or_else(|| whatsapp::title_of(&inner)),
                )
            }
            None => return Ok(Err(crate::t!("capture-broken-zip-no-chat"))),
        }
    } else {
        (None, whatsapp::title_of(name))
    };
    let given = s.source.chats.date_order;
    let order = with_chat_text(path, entry, |text| whatsapp::date_order(text, given));
    match order {
        Ok(Ok(order)) => Ok(Ok(Opened::Chat {
            path: path.to_path_buf(),
            entry,
            title,
            order,
        })),
        Ok(Err(why)) => {
            let message = crate::t!(
                "capture-error-date-order",
                path = path.display().to_string(),
                reason = why
            );
            if alone {
                Err(Error::input(message))
            } else {
                Ok(Err(message))
            }
        }
        Err(e) => Ok(Err(io_reason(&e))),
    }
}

/// Calls `f` with the text of a chat: the file, or its entry in a `.zip`
/// (inflated as it is read, never whole in memory).
fn with_chat_text<T>(
    path: &Path,
    entry: Option<usize>,
    f: impl FnOnce(&mut dyn io::BufRead) -> io::Result<T>,
) -> io::Result<T> {
    let file = File::open(path)?;
    match entry {
        None => f(&mut BufReader::with_capacity(256 * 1024, file)),
        Some(i) => {
            let mut zip = zip::ZipArchive::new(file).map_err(io::Error::other)?;
            let inner = zip.by_index(i).map_err(io::Error::other)?;
            f(&mut BufReader::with_capacity(256 * 1024, inner))
        }
    }
}

/// Reads one file and writes what it found in one transaction.
fn file<S: Sink>(
    sink: &mut S,
    s: &mut Session,
    part: &str,
    path: &Path,
    mut mark: FileMark,
    alone: bool,
) -> Result<()> {
    let place = path.display().to_string();
    let opened = match open(s, path, alone)? {
        Ok(opened) => opened,
        Err(why) => {
            s.broken(&place, &why);
            return Ok(());
        }
    };
    let book = s.book;
    let window = s.window;
    let max_recipients = s.max_recipients;
    let chats = s.source.chats.clone();
    let contact = s.source.contact.clone();
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = sync_channel::<Vec<Found>>(16);
        let reader = scope.spawn(move || -> io::Result<bool> {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut open = true;
            // The closure borrows the chunk until the reader is done.
            let settled = {
                let mut emit = |found: Found| {
                    chunk.push(found);
                    if chunk.len() == CHUNK && open {
                        open = send
                            .send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                            .is_ok();
                    }
                };
                match opened {
                    Opened::Backup(file) => {
                        let cx = sms_backup::Context {
                            book,
                            window: &window,
                            max_recipients,
                        };
                        sms_backup::read(BufReader::with_capacity(256 * 1024, file), &cx, &mut emit)
                    }
                    Opened::Telegram(file) => {
                        let options = telegram::Options {
                            groups: chats.groups,
                            contact,
                            max_recipients,
                        };
                        let cx = telegram::Context {
                            book,
                            window: &window,
                            options: &options,
                        };
                        telegram::read(BufReader::with_capacity(256 * 1024, file), &cx, &mut emit)
                    }
                    Opened::Chat {
                        path,
                        entry,
                        title,
                        order,
                    } => {
                        let options = whatsapp::Options {
                            date_order: chats.date_order,
                            groups: chats.groups,
                            contact,
                            max_recipients,
                        };
                        let chat = whatsapp::Chat {
                            title: title.as_deref(),
                            order,
                            options: &options,
                            book,
                            window: &window,
                        };
                        with_chat_text(&path, entry, |text| whatsapp::read(text, &chat, &mut emit))
                    }
                }
            };
            if open {
                let _ = send.send(chunk);
            }
            settled
        });
        sink.tx(|tx| {
            for chunk in receive.iter() {
                for found in chunk {
                    s.take(tx, &place, found)?;
                }
                if s.full() {
                    s.flush(tx)?;
                }
            }
            let settled = reader.join().map_err(|_| {
                Error::Database(crate::t!("error-capture-reader-stopped", reader = "phone"))
            })?;
            match settled {
                Ok(settled) => mark.settled = settled,
                Err(e) => {
                    // What was read before stays; the file is read again.
                    s.broken(
                        &place,
                        &crate::t!("capture-broken-read-on", reason = io_reason(&e)),
                    );
                    mark.settled = false;
                }
            }
            s.flush(tx)?;
            if s.mode == Mode::Capture {
                stored::put_mark(tx, s.id, part, 0, &mark.encode())?;
            }
            Ok(())
        })
    })
}
