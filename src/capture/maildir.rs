//! Maildir: the root folder and its sub-folders (Maildir++ `.Sent`,
//! `.Archive.2025`, or nested folders as Dovecot's `LAYOUT=fs` keeps them),
//! each with `cur/` and `new/`. A message is one file; only its header
//! block is read.
//!
//! The watermark of a folder ([`FolderMark`]) is the set of message names
//! seen in it — the part of a file name before `:`, which stays the same
//! when a mail client moves the file from `new/` to `cur/` or changes its
//! flags — and the modification times of `cur/` and `new/` when the folder
//! was last read to its end. A folder whose two times are unchanged is not
//! even listed: adding, removing or renaming a file changes them.
//!
//! This reads the files itself rather than through `mail-parser`'s maildir
//! iterator, which reads every file whole and stats it twice: capture needs
//! the names (for the watermark) and the header block only.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};

use super::mail::{MAX_HEADER_BYTES, header_end};
use crate::fsutil::{mtime_nanos, settled_mtime};

/// How deep below the root sub-folders are looked for.
const MAX_DEPTH: usize = 8;

/// One maildir folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folder {
    /// The path below the root, `""` for the root itself.
    pub part: String,
    pub path: PathBuf,
}

/// Whether `path` is a maildir folder: it has `cur/` and `new/`.
pub fn is_folder(path: &Path) -> bool {
    path.join("cur").is_dir() && path.join("new").is_dir()
}

/// The root (when it is a folder itself) and every folder below it, by
/// part. Symbolic links are not followed (a loop would never end).
pub fn folders(root: &Path) -> io::Result<Vec<Folder>> {
    let mut found = Vec::new();
    if is_folder(root) {
        found.push(Folder {
            part: String::new(),
            path: root.to_path_buf(),
        });
    }
    let mut stack = vec![(root.to_path_buf(), String::new(), 0usize)];
    while let Some((dir, part, depth)) = stack.pop() {
        if depth >= MAX_DEPTH {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if depth == 0 => return Err(e),
            Err(_) => continue,
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !kind.is_dir() || matches!(name, "cur" | "new" | "tmp") {
                continue;
            }
            let path = entry.path();
            let sub = if part.is_empty() {
                name.to_string()
            } else {
                format!("{part}/{name}")
            };
            if is_folder(&path) {
                found.push(Folder {
                    part: sub.clone(),
                    path: path.clone(),
                });
            }
            stack.push((path, sub, depth + 1));
        }
    }
    found.sort_by(|a, b| a.part.cmp(&b.part));
    Ok(found)
}

/// A message's name: its file name up to the `:` that starts the flags.
pub fn unique(file_name: &str) -> &str {
    file_name.split(':').next().unwrap_or(file_name)
}

/// The delivery time a maildir name starts with (`1731229323.M…`), for a
/// message without a `Date` header.
pub fn name_time(unique: &str) -> Option<DateTime<Utc>> {
    let digits: &str = unique.split('.').next()?;
    if digits.len() < 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    DateTime::from_timestamp(digits.parse().ok()?, 0)
}

/// What a folder's watermark says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderMark {
    /// The mtimes (ns since 1970) of `cur/` and `new/` when the folder was
    /// last read to its end; `None` when not known or not yet trusted.
    pub cur: Option<i128>,
    pub new: Option<i128>,
    /// Every message name read.
    pub names: HashSet<String>,
}

impl FolderMark {
    /// Reads the stored pieces of a folder's mark: piece 0 the times (see
    /// [`times_piece`]), every other piece names (see [`names_piece`]).
    /// What cannot be read counts as not there.
    pub fn decode(pieces: &[(i64, Vec<u8>)]) -> FolderMark {
        let mut mark = FolderMark::default();
        for (seq, bytes) in pieces {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            if *seq == 0 {
                let mut parts = text.split(' ');
                if parts.next() == Some("v1") {
                    mark.cur = parts.next().and_then(|t| t.parse().ok());
                    mark.new = parts.next().and_then(|t| t.parse().ok());
                }
            } else {
                mark.names
                    .extend(text.split('\n').filter(|n| !n.is_empty()).map(String::from));
            }
        }
        mark
    }
}

/// The times piece of a mark.
pub fn times_piece(cur: Option<i128>, new: Option<i128>) -> Vec<u8> {
    let t = |t: Option<i128>| t.map_or_else(|| "-".to_string(), |t| t.to_string());
    format!("v1 {} {}", t(cur), t(new)).into_bytes()
}

/// A names piece of a mark.
pub fn names_piece<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    for name in names {
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
    }
    out
}

/// A message file to read: in `cur/` or `new/`, by file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub in_new: bool,
    pub file: String,
}

impl Entry {
    pub fn path(&self, folder: &Path) -> PathBuf {
        folder
            .join(if self.in_new { "new" } else { "cur" })
            .join(&self.file)
    }

    pub fn unique(&self) -> &str {
        unique(&self.file)
    }
}

/// A folder as listed for this run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Nothing changed since the mark: not listed at all.
    pub unchanged: bool,
    /// The mtimes to keep as the new mark once the folder is read to its
    /// end (`None` where too fresh to trust).
    pub cur: Option<i128>,
    pub new: Option<i128>,
    /// The messages not read yet, by name.
    pub todo: Vec<Entry>,
    /// Every message name in the folder now.
    pub present: Vec<String>,
}

/// Lists `folder` against its mark: with `full`, as if nothing had been
/// read. `wall` is the machine's real time (not `DRAHT_NOW`), to tell a
/// settled mtime from a fresh one. The times are taken before listing, so
/// a file that arrives while listing changes them for the next run.
pub fn list(
    folder: &Path,
    mark: Option<&FolderMark>,
    full: bool,
    wall: SystemTime,
) -> io::Result<Listing> {
    let cur = mtime_nanos(&folder.join("cur"))?;
    let new = mtime_nanos(&folder.join("new"))?;
    let settled = |t: i128| settled_mtime(t, wall);
    let mut listing = Listing {
        cur: settled(cur),
        new: settled(new),
        ..Listing::default()
    };
    if !full
        && let Some(mark) = mark
        && mark.cur == Some(cur)
        && mark.new == Some(new)
    {
        listing.unchanged = true;
        return Ok(listing);
    }
    let seen = if full { None } else { mark.map(|m| &m.names) };
    for in_new in [false, true] {
        let dir = folder.join(if in_new { "new" } else { "cur" });
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') || entry.file_type().is_ok_and(|t| t.is_dir()) {
                continue;
            }
            let id = unique(name);
            listing.present.push(id.to_string());
            if seen.is_some_and(|s| s.contains(id)) {
                continue;
            }
            listing.todo.push(Entry {
                in_new,
                file: name.to_string(),
            });
        }
    }
    // Oldest first by name (names start with the delivery time), so touches
    // are made in the order the mail came.
    listing.todo.sort_by(|a, b| a.file.cmp(&b.file));
    listing.todo.dedup_by(|a, b| a.unique() == b.unique());
    listing.present.sort_unstable();
    listing.present.dedup();
    Ok(listing)
}

/// Reads message files' header blocks into one reused buffer.
#[derive(Debug, Default)]
pub struct HeadReader {
    buf: Vec<u8>,
}

/// How much of a file is read at a time while looking for the end of its
/// headers (most header blocks are smaller).
const CHUNK: usize = 16 * 1024;

impl HeadReader {
    /// The header block of the message at `path` (the whole file when it
    /// has no body).
    pub fn read(&mut self, path: &Path) -> io::Result<&[u8]> {
        let mut file = File::open(path)?;
        self.buf.clear();
        loop {
            let start = self.buf.len();
            self.buf.resize(start + CHUNK, 0);
            let n = read_once(&mut file, &mut self.buf[start..])?;
            self.buf.truncate(start + n);
            // Searched whole each time: a blank line may straddle two reads,
            // and nearly every header block ends within the first.
            if let Some(end) = header_end(&self.buf) {
                return Ok(&self.buf[..end]);
            }
            // A regular file gives less than asked only at its end: no
            // second read to learn what the first already said.
            if n < CHUNK {
                return Ok(&self.buf);
            }
            if self.buf.len() >= MAX_HEADER_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    crate::t!("capture-broken-long-headers"),
                ));
            }
        }
    }
}

/// One read, retried when a signal interrupts it.
fn read_once(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match file.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn maildir(root: &Path) {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
    }

    #[test]
    fn folders_of_maildir_plus_plus_and_nested_layouts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        maildir(root);
        maildir(&root.join(".Sent"));
        maildir(&root.join(".Archive.2025"));
        maildir(&root.join("Work/Projects"));
        std::fs::create_dir_all(root.join("not-a-folder")).unwrap();
        let parts: Vec<String> = folders(root).unwrap().into_iter().map(|f| f.part).collect();
        assert_eq!(parts, vec!["", ".Archive.2025", ".Sent", "Work/Projects"]);
    }

    #[test]
    fn names_keep_across_flag_changes() {
        assert_eq!(unique("1731229323.M1P2.host:2,S"), "1731229323.M1P2.host");
        assert_eq!(unique("1731229323.M1P2.host"), "1731229323.M1P2.host");
        assert_eq!(
            name_time("1731229323.M1P2.host").map(|t| t.timestamp()),
            Some(1_731_229_323)
        );
        assert_eq!(name_time("msg-17.eml"), None);
    }

    #[test]
    fn a_listing_leaves_out_what_the_mark_has_seen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        maildir(root);
        touch(&root.join("cur/100000001.a.h:2,S"), "A: b\n\n");
        touch(&root.join("new/100000002.b.h"), "A: b\n\n");
        touch(&root.join("cur/.hidden"), "x");
        let old = SystemTime::now() + std::time::Duration::from_secs(10);
        let first = list(root, None, false, old).unwrap();
        assert!(!first.unchanged);
        assert_eq!(first.present, vec!["100000001.a.h", "100000002.b.h"]);
        assert_eq!(first.todo.len(), 2);
        let mark = FolderMark {
            cur: first.cur,
            new: first.new,
            names: first.present.iter().cloned().collect(),
        };
        assert!(mark.cur.is_some(), "an mtime 10 s old is trusted");
        let again = list(root, Some(&mark), false, old).unwrap();
        assert!(again.unchanged);
        // A moved file (new/ → cur/ with flags) is not new; an added one is.
        std::fs::rename(
            root.join("new/100000002.b.h"),
            root.join("cur/100000002.b.h:2,RS"),
        )
        .unwrap();
        touch(&root.join("new/100000003.c.h"), "A: b\n\n");
        let later = list(root, Some(&mark), false, old).unwrap();
        assert!(!later.unchanged);
        let todo: Vec<&str> = later.todo.iter().map(Entry::unique).collect();
        assert_eq!(todo, vec!["100000003.c.h"]);
        assert_eq!(list(root, Some(&mark), true, old).unwrap().todo.len(), 3);
    }

    #[test]
    fn fresh_mtimes_are_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        maildir(dir.path());
        let listing = list(dir.path(), None, false, SystemTime::now()).unwrap();
        assert_eq!((listing.cur, listing.new), (None, None));
    }

    #[test]
    fn marks_round_trip() {
        let names = ["a", "b"];
        let pieces = vec![
            (0, times_piece(Some(17), None)),
            (1, names_piece(names)),
            (2, names_piece(["c"])),
        ];
        let mark = FolderMark::decode(&pieces);
        assert_eq!((mark.cur, mark.new), (Some(17), None));
        assert_eq!(mark.names.len(), 3);
        assert_eq!(
            FolderMark::decode(&[(0, b"garbage".to_vec())]),
            FolderMark::default()
        );
    }

    #[test]
    fn head_reader_stops_at_the_blank_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m");
        let long = "X-Long: ".to_string() + &"y".repeat(CHUNK - 10) + "\r\n";
        let text = format!("From: a@b.de\r\n{long}Subject: s\r\n\r\nbody\r\n");
        std::fs::write(&path, &text).unwrap();
        let mut reader = HeadReader::default();
        let head = reader.read(&path).unwrap();
        assert!(head.ends_with(b"Subject: s\r\n\r\n"), "{}", head.len());
        std::fs::write(&path, "From: a@b.de\nNo-Body: true\n").unwrap();
        assert_eq!(
            reader.read(&path).unwrap(),
            b"From: a@b.de\nNo-Body: true\n"
        );
    }
}
