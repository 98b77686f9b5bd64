//! Reading the phone's exports — SMS Backup & Restore XML, WhatsApp chats
//! (text or `.zip`), Telegram JSON: one reader thread parses a source's
//! files one after another while this thread writes what it found, and a
//! file's touches, keys and watermark land in one transaction, so a file
//! counts whole or not at all. A file that cannot be opened or read is one broken
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
    let mut todo = Vec::new();
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
        todo.push(ToRead {
            part: part.clone(),
            path: path.clone(),
            mark: FileMark {
                size: meta.len(),
                mtime,
                settled: true,
            },
            alone: files.len() == 1 && root.is_file(),
        });
    }
    let read_any = !todo.is_empty();
    read_all(sink, s, &todo)?;
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
fn open(cx: &ReadCx, path: &Path, alone: bool) -> Result<std::result::Result<Opened, String>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => return Ok(Err(io_reason(&e))),
    };
    match cx.kind {
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
    let given = cx.chats.date_order;
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

/// A file to read, with the watermark it gets once read.
struct ToRead {
    part: String,
    path: PathBuf,
    mark: FileMark,
    /// It is the whole source (see [`open`]).
    alone: bool,
}

/// What the reader thread says of a file, in the order of the files.
enum Told {
    /// Records found in it, in order.
    Found(Vec<Found>),
    /// Read to its end (`Ok(settled)`), or the read failed midway.
    End(io::Result<bool>),
    /// It could not be opened: why (one broken record).
    Unopened(String),
    /// A question only the user can answer: the capture stops.
    Question(Error),
}

/// What the reader needs of the session.
struct ReadCx<'a> {
    kind: Kind,
    book: &'a crate::capture::address::Book,
    window: crate::capture::Window,
    max_recipients: usize,
    chats: super::ChatSpec,
    contact: Option<(crate::model::Id, String)>,
}

/// Reads the files `todo` in one reader thread, file after file, while
/// this thread writes each file's records in a transaction of its own: a
/// file counts whole or not at all, and the next file is read while the
/// last one is written (a WhatsApp chat hands its days over only at its
/// end, so reading and writing one chat at a time left a CPU idle).
fn read_all<S: Sink>(sink: &mut S, s: &mut Session, todo: &[ToRead]) -> Result<()> {
    if todo.is_empty() {
        return Ok(());
    }
    let cx = ReadCx {
        kind: s.source.kind,
        book: s.book,
        window: s.window,
        max_recipients: s.max_recipients,
        chats: s.source.chats.clone(),
        contact: s.source.contact.clone(),
    };
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = sync_channel::<Told>(16);
        let cx = &cx;
        let reader = scope.spawn(move || {
            for f in todo {
                if !read_one(cx, f, &send) {
                    return;
                }
            }
        });
        let mut written = Ok(());
        for f in todo {
            written = write_one(sink, s, f, &receive);
            if written.is_err() {
                break;
            }
        }
        // a writer that stopped early lets the reader stop at its next send
        drop(receive);
        reader.join().map_err(|_| {
            Error::Database(crate::t!("error-capture-reader-stopped", reader = "phone"))
        })?;
        written
    })
}

/// The reader's part for one file: opens and reads it, telling `send`
/// what it found; `false` when the capture stops (a question for the user,
/// or the writer gone).
fn read_one(cx: &ReadCx, f: &ToRead, send: &std::sync::mpsc::SyncSender<Told>) -> bool {
    let opened = match open(cx, &f.path, f.alone) {
        Ok(Ok(opened)) => opened,
        Ok(Err(why)) => return send.send(Told::Unopened(why)).is_ok(),
        Err(question) => {
            let _ = send.send(Told::Question(question));
            return false;
        }
    };
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut open = true;
    // The closure borrows the chunk until the reader is done.
    let settled = {
        let mut emit = |found: Found| {
            chunk.push(found);
            if chunk.len() == CHUNK && open {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                open = send.send(Told::Found(full)).is_ok();
            }
        };
        read_opened(cx, opened, &mut emit)
    };
    open && send.send(Told::Found(chunk)).is_ok() && send.send(Told::End(settled)).is_ok()
}

/// Reads an opened file, handing each record to `emit`. `Ok(false)`: some
/// records were in the future (the file is read again next time).
fn read_opened(cx: &ReadCx, opened: Opened, emit: &mut dyn FnMut(Found)) -> io::Result<bool> {
    match opened {
        Opened::Backup(file) => {
            let sms = sms_backup::Context {
                book: cx.book,
                window: &cx.window,
                max_recipients: cx.max_recipients,
            };
            sms_backup::read(BufReader::with_capacity(256 * 1024, file), &sms, emit)
        }
        Opened::Telegram(file) => {
            let options = telegram::Options {
                groups: cx.chats.groups,
                contact: cx.contact.clone(),
                max_recipients: cx.max_recipients,
            };
            let tg = telegram::Context {
                book: cx.book,
                window: &cx.window,
                options: &options,
            };
            telegram::read(BufReader::with_capacity(256 * 1024, file), &tg, emit)
        }
        Opened::Chat {
            path,
            entry,
            title,
            order,
        } => {
            let options = whatsapp::Options {
                date_order: cx.chats.date_order,
                groups: cx.chats.groups,
                contact: cx.contact.clone(),
                max_recipients: cx.max_recipients,
            };
            let chat = whatsapp::Chat {
                title: title.as_deref(),
                order,
                options: &options,
                book: cx.book,
                window: &cx.window,
            };
            with_chat_text(&path, entry, |text| whatsapp::read(text, &chat, emit))
        }
    }
}

/// The writer's part for one file: what the reader tells of it, written
/// in one transaction with the file's watermark.
fn write_one<S: Sink>(
    sink: &mut S,
    s: &mut Session,
    f: &ToRead,
    receive: &std::sync::mpsc::Receiver<Told>,
) -> Result<()> {
    let place = f.path.display().to_string();
    let stopped = || Error::Database(crate::t!("error-capture-reader-stopped", reader = "phone"));
    let first = receive.recv().map_err(|_| stopped())?;
    let first = match first {
        Told::Unopened(why) => {
            s.broken(&place, &why);
            return Ok(());
        }
        Told::Question(question) => return Err(question),
        told => told,
    };
    let mut mark = f.mark;
    sink.tx(|tx| {
        let mut told = first;
        loop {
            match told {
                Told::Found(chunk) => {
                    for found in chunk {
                        s.take(tx, &place, found)?;
                    }
                    if s.full() {
                        s.flush(tx)?;
                    }
                }
                Told::End(Ok(settled)) => {
                    mark.settled = settled;
                    break;
                }
                Told::End(Err(e)) => {
                    // What was read before stays; the file is read again.
                    s.broken(
                        &place,
                        &crate::t!("capture-broken-read-on", reason = io_reason(&e)),
                    );
                    mark.settled = false;
                    break;
                }
                Told::Unopened(_) | Told::Question(_) => return Err(stopped()),
            }
            told = receive.recv().map_err(|_| stopped())?;
        }
        s.flush(tx)?;
        if s.mode == Mode::Capture {
            stored::put_mark(tx, s.id, &f.part, 0, &mark.encode())?;
        }
        Ok(())
    })
}
