//! Reading one source, by kind: which parts are new since its watermarks,
//! a reader thread that reads and parses them while this thread writes
//! what it found, and commits that land the touches, the keys and the
//! watermark together.

use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::{Instant, SystemTime};

use super::session::{COMMIT_EVERY, COMMIT_ITEMS, Mode, Session};
use super::{io_reason, read_error};
use crate::capture::calendar::{self, FileMark};
use crate::capture::maildir::{self, Folder, FolderMark, HeadReader, Listing};
use crate::capture::{Found, Kind, detect, mail, mbox};
use crate::error::{Error, Result};
use crate::store::capture::{self as stored, Marks};
use crate::store::{Store, Tx};
use crate::t;

/// Where a run's writes go: a commit per batch, or all into one
/// transaction that a dry run (or a report) rolls back.
pub(super) trait Sink {
    fn tx<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T>;
}

pub(super) struct Commit<'a>(pub &'a mut Store);

impl Sink for Commit<'_> {
    fn tx<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        self.0.write(|tx| f(tx))
    }
}

pub(super) struct Rehearse<'a>(pub &'a Tx);

impl Sink for Rehearse<'_> {
    fn tx<T>(&mut self, f: impl FnOnce(&Tx) -> Result<T>) -> Result<T> {
        f(self.0)
    }
}

/// Reads one source into its session.
pub(super) fn source<S: Sink>(sink: &mut S, s: &mut Session) -> Result<()> {
    let (whole, marks) = prepare(sink, s)?;
    match s.source.kind {
        Kind::Maildir => maildir(sink, s, whole, &marks),
        Kind::Mbox => mbox(sink, s, whole, &marks),
        Kind::Calendar => calendar(sink, s, whole, &marks),
        Kind::SmsBackup | Kind::Whatsapp | Kind::Telegram => {
            super::phone::source(sink, s, whole, &marks)
        }
    }
}

/// Records the source (in a report: nothing) and decides whether to read
/// it whole: the first time, when the matching rules changed, or when an
/// earlier `--since` day than its marks were made with is asked for. A
/// source read whole starts with no marks; the rules and day are recorded
/// before anything is read, so a run killed half-way resumes under them.
fn prepare<S: Sink>(sink: &mut S, s: &mut Session) -> Result<(bool, Marks)> {
    if s.mode == Mode::Report {
        let name = s.source.name.clone();
        s.set_source(0, name, true);
        return Ok((true, Marks::new()));
    }
    let rules = s.rules();
    let since = s.since;
    let (id, name, whole, marks) = sink.tx(|tx| {
        stored::roomy_cache(tx, !s.source.kind.is_phone())?;
        let r = s.source;
        let name = (r.name.as_str(), r.named);
        let source = stored::ensure_source(tx, r.kind, &r.path.to_string_lossy(), name, s.now)?;
        let earlier = match (source.since, since) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(had), Some(now)) => now < had,
        };
        let whole = source.rules != Some(rules) || earlier;
        if whole {
            stored::clear_marks(tx, source.id)?;
        }
        stored::start_run(tx, source.id, rules, since)?;
        let marks = if whole {
            Marks::new()
        } else {
            stored::marks(tx, source.id)?
        };
        Ok((source.id, source.name, whole, marks))
    })?;
    s.set_source(id, name, whole);
    Ok((whole, marks))
}

/// A message the reader thread read, and where it is.
struct Parsed {
    /// Index of its maildir folder, or 0.
    folder: usize,
    /// Its maildir name, or its mbox offset.
    name: String,
    /// Where the mbox reads on after it.
    resume: u64,
    /// Emptied once taken.
    found: Option<Found>,
    /// The file vanished between listing and reading (a client moved
    /// it): not marked as read, so it is read where it went next time.
    vanished: bool,
}

/// Messages per message on the channel between the threads.
const CHUNK: usize = 256;

/// Takes what the reader sent, then writes the day touches.
fn take_all(
    tx: &Tx,
    s: &mut Session,
    pending: &mut [Parsed],
    place: impl Fn(&Parsed) -> String,
) -> Result<()> {
    for p in pending.iter_mut() {
        take_one(tx, s, p, &place)?;
    }
    s.flush(tx)
}

/// Takes what the reader found in one message (once).
fn take_one(
    tx: &Tx,
    s: &mut Session,
    p: &mut Parsed,
    place: impl Fn(&Parsed) -> String,
) -> Result<()> {
    if let Some(found) = p.found.take() {
        let where_ = if matches!(found, Found::Broken(_)) {
            place(p)
        } else {
            String::new()
        };
        s.take(tx, &where_, found)?;
    }
    Ok(())
}

fn maildir<S: Sink>(sink: &mut S, s: &mut Session, whole: bool, marks: &Marks) -> Result<()> {
    let root = s.source.path.clone();
    let folders = maildir::folders(&root).map_err(|e| {
        Error::input(t!(
            "capture-error-maildir",
            path = root.display().to_string(),
            reason = io_reason(&e)
        ))
    })?;
    if folders.is_empty() {
        return Err(Error::input(t!(
            "capture-error-no-maildir",
            path = root.display().to_string()
        )));
    }
    let wall = SystemTime::now();
    let mut listed: Vec<(Folder, Listing)> = Vec::new();
    for folder in folders {
        let mark = marks
            .get(&folder.part)
            .map(|pieces| FolderMark::decode(pieces));
        match maildir::list(&folder.path, mark.as_ref(), whole, wall) {
            Ok(listing) => listed.push((folder, listing)),
            Err(e) => s.broken(
                &folder.path.display().to_string(),
                &t!("capture-broken-cannot-list", reason = io_reason(&e)),
            ),
        }
    }
    let parts: Vec<String> = listed.iter().map(|(f, _)| f.part.clone()).collect();
    let stale = marks.keys().any(|p| !parts.contains(p));
    if listed.iter().all(|(_, l)| l.unchanged) && !stale {
        s.set_unchanged();
        return Ok(());
    }
    let book = s.book;
    let window = s.window;
    let max = s.max_recipients;
    let listed_ref = &listed;
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = sync_channel::<Vec<Parsed>>(16);
        let reader = scope.spawn(move || {
            let parser = mail::parser();
            let received = mail::received_parser();
            let mut heads = HeadReader::default();
            let mut chunk = Vec::with_capacity(CHUNK);
            for (index, (folder, listing)) in listed_ref.iter().enumerate() {
                for entry in &listing.todo {
                    let read = heads.read(&entry.path(&folder.path));
                    let vanished =
                        matches!(&read, Err(e) if e.kind() == std::io::ErrorKind::NotFound);
                    let found = match read {
                        Ok(head) => Some(match mail::read(&parser, head) {
                            Some(m) => mail::classify(
                                &m,
                                maildir::name_time(entry.unique()),
                                || mail::received_date(&received, head),
                                book,
                                max,
                                &window,
                            ),
                            None => Found::Broken(t!("capture-broken-no-headers")),
                        }),
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                        Err(e) => Some(Found::Broken(io_reason(&e))),
                    };
                    chunk.push(Parsed {
                        folder: index,
                        name: entry.unique().to_string(),
                        resume: 0,
                        found,
                        vanished,
                    });
                    if chunk.len() == CHUNK
                        && send
                            .send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                            .is_err()
                    {
                        return;
                    }
                }
            }
            let _ = send.send(chunk);
        });
        let place = |p: &Parsed| {
            listed_ref[p.folder]
                .0
                .path
                .join(&p.name)
                .display()
                .to_string()
        };
        let mut pending: Vec<Parsed> = Vec::new();
        let mut vanished: Vec<(usize, String)> = Vec::new();
        let mut last = Instant::now();
        for chunk in receive {
            pending.extend(chunk);
            if last.elapsed() >= COMMIT_EVERY || pending.len() >= COMMIT_ITEMS || s.full() {
                sink.tx(|tx| {
                    take_all(tx, s, &mut pending, place)?;
                    if s.mode == Mode::Capture {
                        append_names(tx, s, listed_ref, &pending)?;
                    }
                    Ok(())
                })?;
                vanished.extend(
                    pending
                        .drain(..)
                        .filter(|p| p.vanished)
                        .map(|p| (p.folder, p.name)),
                );
                last = Instant::now();
            }
        }
        reader.join().map_err(|_| {
            Error::Database(crate::t!(
                "error-capture-reader-stopped",
                reader = "maildir"
            ))
        })?;
        vanished.extend(
            pending
                .iter()
                .filter(|p| p.vanished)
                .map(|p| (p.folder, p.name.clone())),
        );
        sink.tx(|tx| {
            take_all(tx, s, &mut pending, place)?;
            if s.mode == Mode::Report {
                return Ok(());
            }
            // Each folder read to its end: one piece of every name in it
            // now (dropping deleted mail) but the vanished, and its times —
            // unless something vanished, which changed the folder again.
            for (index, (folder, listing)) in listed_ref.iter().enumerate() {
                if listing.unchanged {
                    continue;
                }
                let gone: Vec<&str> = vanished
                    .iter()
                    .filter(|(f, _)| *f == index)
                    .map(|(_, n)| n.as_str())
                    .collect();
                let (cur, new) = if gone.is_empty() {
                    (listing.cur, listing.new)
                } else {
                    (None, None)
                };
                stored::clear_part(tx, s.id, &folder.part)?;
                stored::put_mark(tx, s.id, &folder.part, 0, &maildir::times_piece(cur, new))?;
                let names = listing
                    .present
                    .iter()
                    .map(String::as_str)
                    .filter(|n| !gone.contains(n));
                stored::put_mark(tx, s.id, &folder.part, 1, &maildir::names_piece(names))?;
            }
            stored::retain_parts(tx, s.id, &parts)?;
            s.seal(tx)
        })
    })
}

/// The names of a batch's messages, as one more piece of each folder's mark.
fn append_names(
    tx: &Tx,
    s: &Session,
    listed: &[(Folder, Listing)],
    batch: &[Parsed],
) -> Result<()> {
    let mut by_folder: Vec<Vec<&str>> = vec![Vec::new(); listed.len()];
    for p in batch.iter().filter(|p| !p.vanished) {
        by_folder[p.folder].push(&p.name);
    }
    for (index, names) in by_folder.iter().enumerate() {
        if !names.is_empty() {
            stored::append_mark(
                tx,
                s.id,
                &listed[index].0.part,
                &maildir::names_piece(names.iter().copied()),
            )?;
        }
    }
    Ok(())
}

fn mbox<S: Sink>(sink: &mut S, s: &mut Session, whole: bool, marks: &Marks) -> Result<()> {
    let path = s.source.path.clone();
    if path.is_dir() {
        return Err(Error::input(t!(
            "capture-error-mbox-folder",
            path = path.display().to_string()
        )));
    }
    let open = |p: &Path| File::open(p).map_err(|e| read_error(p, &e));
    let mut file = open(&path)?;
    let mark = marks
        .get("")
        .and_then(|pieces| pieces.iter().find(|(seq, _)| *seq == 0))
        .and_then(|(_, bytes)| mbox::Mark::decode(bytes));
    let io = |e: std::io::Error| read_error(&path, &e);
    let offset = match mbox::start(&mut file, mark.as_ref(), whole).map_err(io)? {
        mbox::Start::Unchanged => {
            s.set_unchanged();
            return Ok(());
        }
        mbox::Start::At(offset) => offset,
        mbox::Start::Whole => 0,
    };
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut hashing = open(&path)?;
    let book = s.book;
    let window = s.window;
    let max = s.max_recipients;
    std::thread::scope(|scope| -> Result<()> {
        let (send, receive) = sync_channel::<Vec<Parsed>>(16);
        let reader = scope.spawn(move || -> std::io::Result<u64> {
            let parser = mail::parser();
            let received = mail::received_parser();
            let mut reader = mbox::Reader::new(file, offset);
            let mut chunk = Vec::with_capacity(CHUNK);
            while let Some(message) = reader.next_message()? {
                let start = message.start;
                let found = if message.overlong {
                    Found::Broken(t!("capture-broken-long-headers"))
                } else {
                    match mail::read(&parser, message.head) {
                        Some(m) => mail::classify(
                            &m,
                            message.filed,
                            || mail::received_date(&received, message.head),
                            book,
                            max,
                            &window,
                        ),
                        None => Found::Broken(t!("capture-broken-no-headers")),
                    }
                };
                chunk.push(Parsed {
                    folder: 0,
                    name: start.to_string(),
                    resume: reader.resume_at(),
                    found: Some(found),
                    vanished: false,
                });
                if chunk.len() == CHUNK
                    && send
                        .send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)))
                        .is_err()
                {
                    return Ok(reader.resume_at());
                }
            }
            let end = reader.resume_at();
            let _ = send.send(chunk);
            Ok(end)
        });
        let place = |p: &Parsed| {
            t!(
                "capture-place-offset",
                path = s.source.path.display().to_string(),
                offset = p.name.as_str()
            )
        };
        let place = &place;
        // Each chunk is taken into the open transaction as it arrives, and
        // the batch commits (with the mark of where it ends) every
        // COMMIT_EVERY or COMMIT_ITEMS: the reader thread reads on while
        // this one writes. Taking a whole batch only at commit time left
        // the reader blocked on the full channel during every write, so
        // the two threads took turns (bench/capture.sh, mbox first:
        // 2.30 × the floor).
        let mut resume = offset;
        let mut open = true;
        while open {
            sink.tx(|tx| {
                let started = Instant::now();
                let mut taken = 0;
                loop {
                    let Ok(mut chunk) = receive.recv() else {
                        open = false;
                        break;
                    };
                    resume = chunk.last().map_or(resume, |p| p.resume);
                    taken += chunk.len();
                    for p in chunk.iter_mut() {
                        take_one(tx, s, p, place)?;
                    }
                    if started.elapsed() >= COMMIT_EVERY || taken >= COMMIT_ITEMS || s.full() {
                        break;
                    }
                }
                s.flush(tx)?;
                if s.mode == Mode::Capture && open {
                    let mark = mbox_mark(&mut hashing, resume, None).map_err(io)?;
                    stored::put_mark(tx, s.id, "", 0, &mark.encode())?;
                }
                Ok(())
            })?;
        }
        let end = reader
            .join()
            .map_err(|_| {
                Error::Database(crate::t!("error-capture-reader-stopped", reader = "mbox"))
            })?
            .map_err(io)?;
        let stamp = mbox::stamp(&hashing).map_err(io)?;
        let mark = mbox_mark(&mut hashing, end, Some(stamp)).map_err(io)?;
        sink.tx(|tx| {
            if s.mode == Mode::Report {
                return Ok(());
            }
            stored::put_mark(tx, s.id, "", 0, &mark.encode())?;
            s.seal(tx)
        })
    })
}

/// The mark of an mbox read up to `offset`; with the file's stamp when it
/// was read to its end.
fn mbox_mark(
    file: &mut File,
    offset: u64,
    stamp: Option<(u64, i128)>,
) -> std::io::Result<mbox::Mark> {
    let (head, tail) = mbox::hashes(file, offset)?;
    let (size, mtime) = stamp.unwrap_or((0, 0));
    Ok(mbox::Mark {
        offset,
        size,
        mtime,
        head,
        tail,
    })
}

/// The `.ics` files of a calendar source, by path below it.
fn calendar_files(root: &Path) -> Result<Vec<(String, PathBuf)>> {
    if root.is_file() {
        return Ok(vec![(String::new(), root.to_path_buf())]);
    }
    let mut found = Vec::new();
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            Error::input(t!(
                "capture-error-calendar",
                path = dir.display().to_string(),
                reason = io_reason(&e)
            ))
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && depth < 4 {
                stack.push((path, depth + 1));
            } else if !is_dir && detect::is_ics(&path) {
                let part = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .into_owned();
                found.push((part, path));
            }
        }
    }
    found.sort();
    Ok(found)
}

fn calendar<S: Sink>(sink: &mut S, s: &mut Session, whole: bool, marks: &Marks) -> Result<()> {
    let root = s.source.path.clone();
    let files = calendar_files(&root)?;
    let parts: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let mut pending: Vec<(String, FileMark, Vec<Found>)> = Vec::new();
    let mut last = Instant::now();
    let mut read_any = false;
    let commit =
        |sink: &mut S, s: &mut Session, pending: &mut Vec<(String, FileMark, Vec<Found>)>| {
            sink.tx(|tx| {
                for (part, mark, found) in pending.drain(..) {
                    let place = root.join(&part).display().to_string();
                    for f in found {
                        s.take(tx, &place, f)?;
                    }
                    if s.mode == Mode::Capture {
                        stored::put_mark(tx, s.id, &part, 0, &mark.encode())?;
                    }
                }
                s.flush(tx)
            })
        };
    for (part, path) in &files {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                s.broken(&path.display().to_string(), &io_reason(&e));
                continue;
            }
        };
        let (mtime, unchanged) = file_unchanged(marks, part, &meta);
        if !whole && unchanged {
            continue;
        }
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                s.broken(&path.display().to_string(), &io_reason(&e));
                continue;
            }
        };
        read_any = true;
        let read = calendar::read(&text, s.book, s.max_recipients, &s.window);
        let mark = FileMark {
            size: meta.len(),
            mtime,
            settled: read.settled,
        };
        pending.push((part.clone(), mark, read.found));
        if last.elapsed() >= COMMIT_EVERY {
            commit(sink, s, &mut pending)?;
            last = Instant::now();
        }
    }
    commit(sink, s, &mut pending)?;
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

/// The modification time of the file `part` (nanoseconds since the epoch,
/// 0 when the system cannot say), and whether its stored watermark says
/// it was read whole at this size and time.
pub(super) fn file_unchanged(marks: &Marks, part: &str, meta: &std::fs::Metadata) -> (i128, bool) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    let old = marks
        .get(part)
        .and_then(|pieces| pieces.iter().find(|(seq, _)| *seq == 0))
        .and_then(|(_, bytes)| FileMark::decode(bytes));
    let unchanged = old.is_some_and(|m| m.settled && m.size == meta.len() && m.mtime == mtime);
    (mtime, unchanged)
}
