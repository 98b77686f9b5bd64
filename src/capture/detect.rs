//! What kind of source a path is, from its shape and first bytes: a folder
//! with `cur/` and `new/` (or maildir folders below it) is a maildir; a
//! file that starts with `From ` an mbox; a file that starts with
//! `BEGIN:VCALENDAR`, or a folder of `.ics` files, a calendar.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::Kind;
use super::maildir;

/// How deep below a folder calendars and maildir folders are looked for.
const DEPTH: usize = 3;

/// The kind of `path`, or `None` when it is none that draht reads.
pub fn detect(path: &Path) -> io::Result<Option<Kind>> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        if maildir::is_folder(path) || has_below(path, DEPTH, &|p| maildir::is_folder(p))? {
            return Ok(Some(Kind::Maildir));
        }
        if has_ics(path, DEPTH)? {
            return Ok(Some(Kind::Calendar));
        }
        return Ok(None);
    }
    let mut start = [0u8; 512];
    let mut file = File::open(path)?;
    let mut n = 0;
    while n < start.len() {
        match file.read(&mut start[n..])? {
            0 => break,
            got => n += got,
        }
    }
    Ok(kind_of_bytes(&start[..n]).or_else(|| kind_of_extension(path)))
}

/// The kind the first bytes of a file say (a BOM and white space first
/// are allowed).
pub fn kind_of_bytes(bytes: &[u8]) -> Option<Kind> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    if bytes.starts_with(b"From ") {
        return Some(Kind::Mbox);
    }
    if bytes.len() >= 15 && bytes[..15].eq_ignore_ascii_case(b"BEGIN:VCALENDAR") {
        return Some(Kind::Calendar);
    }
    None
}

/// An empty `.mbox` or `.ics` file is still its kind.
fn kind_of_extension(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "mbox" | "mbx" => Some(Kind::Mbox),
        "ics" | "ical" | "ifb" => Some(Kind::Calendar),
        _ => None,
    }
}

fn has_below(dir: &Path, depth: usize, test: &dyn Fn(&Path) -> bool) -> io::Result<bool> {
    if depth == 0 {
        return Ok(false);
    }
    for entry in std::fs::read_dir(dir)?.flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let path = entry.path();
            if test(&path) || has_below(&path, depth - 1, test).unwrap_or(false) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Whether `dir` (or a folder below it) holds an `.ics` file.
fn has_ics(dir: &Path, depth: usize) -> io::Result<bool> {
    for entry in std::fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir && is_ics(&path) {
            return Ok(true);
        }
        if is_dir && depth > 1 && has_ics(&path, depth - 1).unwrap_or(false) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether a file name ends in `.ics`.
pub fn is_ics(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ics"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_shapes_and_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in [
            "mail/cur",
            "mail/new",
            "mail/tmp",
            "tree/Work/cur",
            "tree/Work/new",
        ] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        std::fs::create_dir_all(root.join("cal/personal")).unwrap();
        std::fs::write(root.join("cal/personal/a.ics"), "BEGIN:VCALENDAR\n").unwrap();
        std::fs::write(root.join("box"), "From - Tue Nov 10 10:00:00 2026\n").unwrap();
        std::fs::write(root.join("one.txt"), "\u{feff}\r\nbegin:vcalendar\r\n").unwrap();
        std::fs::write(root.join("empty.mbox"), "").unwrap();
        std::fs::write(root.join("notes.txt"), "hello").unwrap();
        std::fs::create_dir_all(root.join("empty")).unwrap();
        let kind = |p: &str| detect(&root.join(p)).unwrap();
        assert_eq!(kind("mail"), Some(Kind::Maildir));
        assert_eq!(kind("tree"), Some(Kind::Maildir));
        assert_eq!(kind("cal"), Some(Kind::Calendar));
        assert_eq!(kind("cal/personal/a.ics"), Some(Kind::Calendar));
        assert_eq!(kind("box"), Some(Kind::Mbox));
        assert_eq!(kind("one.txt"), Some(Kind::Calendar));
        assert_eq!(kind("empty.mbox"), Some(Kind::Mbox));
        assert_eq!(kind("notes.txt"), None);
        assert_eq!(kind("empty"), None);
        assert!(detect(&root.join("missing")).is_err());
    }
}
