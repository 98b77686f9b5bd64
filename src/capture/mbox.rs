//! mbox: one file of messages, each starting with a `From ` line (mutt,
//! Thunderbird, Google Takeout's `.mbox`). Read as a stream, one line at a
//! time: only each message's header block is kept, the body is skipped, so
//! a mailbox of any size needs the memory of one header block.
//!
//! A line starts a message when it starts with `From ` and carries the
//! date every writer puts there (`From - Tue Nov 24 10:00:00 2026`,
//! `From 1234@xxx Tue Nov 24 10:00:00 +0000 2026`); a body line that
//! happens to start with "From " (and was not escaped as `>From `) does not.
//!
//! The watermark ([`Mark`]) is the offset of the first message not yet
//! read, with hashes of the bytes at the start of the file and just before
//! the offset: when those still match, the file only grew and is read on
//! from the offset; when they do not (the client compacted it), it is read
//! again from its start (the source keys keep anything from counting twice).
//!
//! This splits the file itself rather than with `mail-parser`'s mbox
//! iterator, which copies every message whole and does not say where one
//! starts — which the watermark needs.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use chrono::{DateTime, NaiveDate, Utc};

use super::hash;
use super::mail::MAX_HEADER_BYTES;

/// How many bytes at each end of the read part the mark's hashes cover.
const HASHED: u64 = 4096;

/// What an mbox's watermark says.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// Where the first message not read yet starts.
    pub offset: u64,
    /// The file's size and mtime (ns) when it was read to its end; 0 while
    /// a read is under way.
    pub size: u64,
    pub mtime: i128,
    /// Hashes of the first and the last [`HASHED`] bytes before `offset`.
    pub head: u64,
    pub tail: u64,
}

impl Mark {
    pub fn encode(&self) -> Vec<u8> {
        format!(
            "v1 {} {} {} {:016x} {:016x}",
            self.offset, self.size, self.mtime, self.head, self.tail
        )
        .into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Option<Mark> {
        let text = std::str::from_utf8(bytes).ok()?;
        let mut p = text.split(' ');
        if p.next()? != "v1" {
            return None;
        }
        Some(Mark {
            offset: p.next()?.parse().ok()?,
            size: p.next()?.parse().ok()?,
            mtime: p.next()?.parse().ok()?,
            head: u64::from_str_radix(p.next()?, 16).ok()?,
            tail: u64::from_str_radix(p.next()?, 16).ok()?,
        })
    }
}

/// Where to start reading.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The file is as it was when it was read to its end.
    Unchanged,
    /// It grew (or a read stopped here): read on from this offset.
    At(u64),
    /// Read it from its start.
    Whole,
}

/// The size and mtime (ns) of an open file.
pub fn stamp(file: &File) -> io::Result<(u64, i128)> {
    let meta = file.metadata()?;
    let mtime = meta
        .modified()?
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    Ok((meta.len(), mtime))
}

/// Where to start reading `file` given its mark.
pub fn start(file: &mut File, mark: Option<&Mark>, full: bool) -> io::Result<Start> {
    let Some(mark) = mark.filter(|_| !full) else {
        return Ok(Start::Whole);
    };
    let (size, mtime) = stamp(file)?;
    if mark.size != 0 && mark.size == size && mark.mtime == mtime && mark.offset == size {
        return Ok(Start::Unchanged);
    }
    if mark.offset == 0 || size < mark.offset {
        return Ok(Start::Whole);
    }
    let (head, tail) = hashes(file, mark.offset)?;
    if head != mark.head || tail != mark.tail {
        return Ok(Start::Whole);
    }
    if mark.offset == size {
        return Ok(Start::Unchanged);
    }
    Ok(Start::At(mark.offset))
}

/// The mark's hashes for a read up to `offset`.
pub fn hashes(file: &mut File, offset: u64) -> io::Result<(u64, u64)> {
    let mut read = |from: u64, len: u64| -> io::Result<u64> {
        let mut buf = vec![0u8; len as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut buf)?;
        Ok(hash::of(&buf))
    };
    let head = read(0, offset.min(HASHED))?;
    let tail = read(offset.saturating_sub(HASHED), offset.min(HASHED))?;
    Ok((head, tail))
}

/// A message as the reader finds it.
#[derive(Debug, PartialEq, Eq)]
pub struct Message<'a> {
    /// Where its `From ` line starts.
    pub start: u64,
    /// The date of its `From ` line.
    pub filed: Option<DateTime<Utc>>,
    /// Its header block (unescaped `>From ` lines are left as they are).
    pub head: &'a [u8],
    /// Its headers did not end within [`MAX_HEADER_BYTES`].
    pub overlong: bool,
}

/// Reads the messages of an mbox from an offset where one starts.
pub struct Reader<R> {
    input: BufReader<R>,
    /// Bytes consumed from the start of the file.
    offset: u64,
    line: Vec<u8>,
    head: Vec<u8>,
    /// The `From ` line of the next message, already read, and its offset.
    next_from: Option<(u64, Option<DateTime<Utc>>)>,
    at_file_start: bool,
}

impl<R: Read> Reader<R> {
    /// A reader of `input`, which is positioned at `offset` of its file.
    pub fn new(input: R, offset: u64) -> Reader<R> {
        Reader::with_buffer(input, offset, 256 * 1024)
    }

    /// [`Reader::new`] with a buffer of `capacity` bytes.
    pub fn with_buffer(input: R, offset: u64, capacity: usize) -> Reader<R> {
        Reader {
            input: BufReader::with_capacity(capacity, input),
            offset,
            line: Vec::with_capacity(256),
            head: Vec::with_capacity(8192),
            next_from: None,
            at_file_start: true,
        }
    }

    /// Where the next message starts (the end of the file after the last):
    /// a read resumed here misses nothing and repeats nothing.
    pub fn resume_at(&self) -> u64 {
        self.next_from.map_or(self.offset, |(start, _)| start)
    }

    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        let n = self.input.read_until(b'\n', &mut self.line)?;
        self.offset += n as u64;
        Ok(n > 0)
    }

    /// Whether the line just read starts a message; with its date.
    fn separator(&self) -> Option<Option<DateTime<Utc>>> {
        if !self.line.starts_with(b"From ") {
            return None;
        }
        match from_line_date(&self.line) {
            Some(date) => Some(Some(date)),
            None if self.at_file_start => Some(None),
            None => None,
        }
    }

    /// The next message, or `None` at the end of the file.
    pub fn next_message(&mut self) -> io::Result<Option<Message<'_>>> {
        let (start, filed) = match self.next_from.take() {
            Some(found) => found,
            None => loop {
                let start = self.offset;
                if !self.read_line()? {
                    return Ok(None);
                }
                if let Some(filed) = self.separator() {
                    break (start, filed);
                }
                self.at_file_start = false;
            },
        };
        self.at_file_start = false;
        self.head.clear();
        let mut overlong = false;
        // The header block, a line at a time, up to its blank line.
        loop {
            // A whole line in the buffer that cannot start a message goes
            // to the block straight from the buffer: copying each line
            // into `line` first was a seventh of reading an mbox.
            let buf = self.input.fill_buf()?;
            if let Some(i) = memchr::memchr(b'\n', buf)
                && !buf.starts_with(b"From ")
            {
                let line = &buf[..=i];
                let fits = self.head.len() + line.len() <= MAX_HEADER_BYTES;
                let blank = line == b"\n" || line == b"\r\n";
                if fits {
                    self.head.extend_from_slice(line);
                }
                self.input.consume(i + 1);
                self.offset += i as u64 + 1;
                if !fits {
                    overlong = true;
                }
                if blank || !fits {
                    self.next_from = self.skip_body()?;
                    break;
                }
                continue;
            }
            let line_start = self.offset;
            if !self.read_line()? {
                break;
            }
            if let Some(next) = self.separator() {
                self.next_from = Some((line_start, next));
                break;
            }
            if self.head.len() + self.line.len() > MAX_HEADER_BYTES {
                overlong = true;
                self.next_from = self.skip_body()?;
                break;
            }
            self.head.extend_from_slice(&self.line);
            if self.line == b"\n" || self.line == b"\r\n" {
                self.next_from = self.skip_body()?;
                break;
            }
        }
        Ok(Some(Message {
            start,
            filed,
            head: &self.head,
            overlong,
        }))
    }

    /// Skips a body (from a line start) to the next message's `From `
    /// line, which it reads; `None` at the end of the file. The body is
    /// searched in the reader's buffer for "\nFrom " without copying it:
    /// most of an mbox is bodies, and copying them line by line was most
    /// of reading one.
    fn skip_body(&mut self) -> io::Result<Option<(u64, Option<DateTime<Utc>>)>> {
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(None);
            }
            let advance = if buf.len() < 5 || buf.starts_with(b"From ") {
                None
            } else if let Some(i) = memchr::memmem::find(buf, b"\nFrom ") {
                Some(i + 1)
            } else {
                memchr::memrchr(b'\n', buf).map(|j| j + 1)
            };
            match advance {
                Some(n) => {
                    self.input.consume(n);
                    self.offset += n as u64;
                }
                // A line that may be a `From ` line, or one longer than
                // the buffer: read it whole.
                None => {
                    let line_start = self.offset;
                    if !self.read_line()? {
                        return Ok(None);
                    }
                    if let Some(filed) = self.separator() {
                        return Ok(Some((line_start, filed)));
                    }
                }
            }
        }
    }
}

/// The date of a `From ` line: the month, day, time and year after the
/// sender, with a numeric zone where one is given (else UTC).
pub fn from_line_date(line: &[u8]) -> Option<DateTime<Utc>> {
    let text = std::str::from_utf8(line).ok()?;
    let mut tokens = text.strip_prefix("From ")?.split_whitespace();
    tokens.next()?; // the sender, or "-"
    let (mut month, mut day, mut time, mut year, mut zone) = (None, None, None, None, 0i64);
    for t in tokens {
        if month.is_none()
            && let Some(m) = month_number(t)
        {
            month = Some(m);
        } else if time.is_none() && t.contains(':') {
            let mut hms = t.split(':').map(|p| p.parse::<u32>().ok());
            time = Some((
                hms.next()??,
                hms.next()??,
                hms.next().flatten().unwrap_or(0),
            ));
        } else if (t.starts_with('+') || t.starts_with('-')) && t.len() == 5 {
            let n: i64 = t[1..].parse().ok()?;
            let secs = (n / 100) * 3600 + (n % 100) * 60;
            zone = if t.starts_with('-') { -secs } else { secs };
        } else if let Ok(n) = t.parse::<u32>() {
            if t.len() == 4 {
                year = Some(n as i32);
            } else if t.len() <= 2 && day.is_none() {
                day = Some(n);
            }
        }
    }
    let (h, m, s) = time?;
    let local = NaiveDate::from_ymd_opt(year?, month?, day?)?.and_hms_opt(h, m, s)?;
    let utc = local.and_utc().timestamp() - zone;
    DateTime::from_timestamp(utc, 0)
}

fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if token.len() != 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(token))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MBOX: &str = "From - Tue Nov 10 10:00:00 2026\n\
From: Anna <anna@x.de>\n\
Subject: one\n\
\n\
Hello.\n\
From what I heard, this line is body text.\n\
\n\
>From here on, escaped.\n\
\n\
From 1234567890@xxx Wed Nov 11 09:30:00 +0100 2026\n\
From: Ben <ben@x.de>\n\
\n\
Second body.\n\
From ben@x.de Thu Nov 12 08:00:00 2026\n\
From: Ben <ben@x.de>\n\
Subject: no blank line before my From line\n";

    fn all(text: &str, offset: usize) -> Vec<(u64, Option<DateTime<Utc>>, String)> {
        let mut reader = Reader::new(&text.as_bytes()[offset..], offset as u64);
        let mut out = Vec::new();
        while let Some(m) = reader.next_message().unwrap() {
            out.push((
                m.start,
                m.filed,
                String::from_utf8_lossy(m.head).into_owned(),
            ));
        }
        out
    }

    #[test]
    fn messages_split_at_dated_from_lines_only() {
        let messages = all(MBOX, 0);
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert_eq!(messages[0].0, 0);
        assert_eq!(messages[0].2, "From: Anna <anna@x.de>\nSubject: one\n\n");
        assert_eq!(messages[1].2, "From: Ben <ben@x.de>\n\n");
        assert_eq!(
            messages[1].1.map(|d| d.to_rfc3339()),
            Some("2026-11-11T08:30:00+00:00".to_string())
        );
        assert!(
            messages[2]
                .2
                .ends_with("no blank line before my From line\n")
        );
        let second = MBOX.find("From 1234567890@xxx").unwrap();
        assert_eq!(messages[1].0, second as u64);
    }

    #[test]
    fn any_buffer_size_splits_the_same() {
        let long = format!("{}\n", "x".repeat(100));
        let text = MBOX.replace("Second body.\n", &format!("Second body.\n{long}{long}"));
        let whole = |cap: usize| {
            let mut reader = Reader::with_buffer(text.as_bytes(), 0, cap);
            let mut out = Vec::new();
            while let Some(m) = reader.next_message().unwrap() {
                out.push((m.start, String::from_utf8_lossy(m.head).into_owned()));
            }
            (out, reader.resume_at())
        };
        let reference = whole(1 << 16);
        assert_eq!(reference.0.len(), 3);
        assert_eq!(reference.1 as usize, text.len());
        for cap in [1, 2, 5, 6, 7, 13, 64, 101] {
            assert_eq!(whole(cap), reference, "buffer of {cap}");
        }
    }

    #[test]
    fn reading_resumes_where_a_message_starts() {
        let mut reader = Reader::new(MBOX.as_bytes(), 0);
        reader.next_message().unwrap().unwrap();
        let resume = reader.resume_at() as usize;
        assert!(MBOX[resume..].starts_with("From 1234567890@xxx"));
        let rest = all(MBOX, resume);
        assert_eq!(rest.len(), 2);
        assert_eq!(rest[0].0 as usize, resume);
        while reader.next_message().unwrap().is_some() {}
        assert_eq!(reader.resume_at() as usize, MBOX.len());
    }

    #[test]
    fn a_file_that_is_not_quite_mbox_is_one_message() {
        let text = "From someone without a date\nFrom: a@b.de\n\nbody\n";
        assert_eq!(all(text, 0).len(), 1);
        assert!(all("", 0).is_empty());
    }

    #[test]
    fn the_mark_tells_growth_from_rewrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.mbox");
        let first = &MBOX[..MBOX.find("From ben@x.de").unwrap()];
        std::fs::write(&path, first).unwrap();
        let mut file = File::open(&path).unwrap();
        let (size, mtime) = stamp(&file).unwrap();
        let (head, tail) = hashes(&mut file, size).unwrap();
        let mark = Mark {
            offset: size,
            size,
            mtime,
            head,
            tail,
        };
        assert_eq!(Mark::decode(&mark.encode()), Some(mark));
        assert_eq!(
            start(&mut file, Some(&mark), false).unwrap(),
            Start::Unchanged
        );
        assert_eq!(start(&mut file, Some(&mark), true).unwrap(), Start::Whole);
        std::fs::write(&path, MBOX).unwrap();
        let mut file = File::open(&path).unwrap();
        assert_eq!(
            start(&mut file, Some(&mark), false).unwrap(),
            Start::At(size)
        );
        std::fs::write(&path, MBOX.replace("Anna", "Anne")).unwrap();
        let mut file = File::open(&path).unwrap();
        assert_eq!(start(&mut file, Some(&mark), false).unwrap(), Start::Whole);
        assert_eq!(start(&mut file, None, false).unwrap(), Start::Whole);
    }
}
