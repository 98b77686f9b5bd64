//! What kind of source a path is, from its shape and first bytes: a folder
//! with `cur/` and `new/` (or maildir folders below it) is a maildir; a
//! file that starts with `From ` an mbox; a file that starts with
//! `BEGIN:VCALENDAR`, or a folder of `.ics` files, a calendar. The phone's
//! exports: XML with an `<smses>` or `<calls>` root is an SMS backup, a
//! JSON object with a chat's or the full export's keys a Telegram export,
//! a text whose first line is a WhatsApp message (or a `.zip` with one in
//! it) a WhatsApp chat; a folder of one kind of them is that kind.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::Kind;
use super::{maildir, sms_backup, telegram, whatsapp};

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
        let kinds = phone_kinds(path, DEPTH)?;
        return Ok(match kinds.as_slice() {
            [one] => Some(*one),
            _ => None,
        });
    }
    kind_of_file(path)
}

/// How many first bytes tell a file's kind.
const START: usize = 4096;

/// The kind of a file, from its first bytes (and, for a `.zip`, the chat
/// in it), else its name.
pub fn kind_of_file(path: &Path) -> io::Result<Option<Kind>> {
    let mut start = vec![0u8; START];
    let mut file = File::open(path)?;
    let mut n = 0;
    while n < start.len() {
        match file.read(&mut start[n..])? {
            0 => break,
            got => n += got,
        }
    }
    if start[..n].starts_with(b"PK\x03\x04") {
        let chat = zip::ZipArchive::new(File::open(path)?)
            .ok()
            .and_then(|mut zip| whatsapp::chat_in_zip(&mut zip));
        return Ok(chat.map(|_| Kind::Whatsapp));
    }
    Ok(kind_of_bytes(&start[..n]).or_else(|| kind_of_extension(path)))
}

/// The phone export kinds of the files in `dir` and below, each once.
pub fn phone_kinds(dir: &Path, depth: usize) -> io::Result<Vec<Kind>> {
    let mut kinds = Vec::new();
    for path in files_below(dir, depth)? {
        if let Ok(Some(kind)) = kind_of_file(&path)
            && kind.is_phone()
            && !kinds.contains(&kind)
        {
            kinds.push(kind);
        }
    }
    kinds.sort_by_key(|k| k.as_str());
    Ok(kinds)
}

/// The files in `dir` and its folders down to `depth`, sorted; hidden
/// ones (`.…`) left out.
pub fn files_below(dir: &Path, depth: usize) -> io::Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), 1usize)];
    while let Some((folder, level)) = stack.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if level == 1 => return Err(e),
            Err(_) => continue,
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() && level < depth => stack.push((path, level + 1)),
                Ok(t) if t.is_file() || t.is_symlink() && path.is_file() => found.push(path),
                _ => {}
            }
        }
    }
    found.sort();
    Ok(found)
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
    if sms_backup::looks_like_backup(bytes) {
        return Some(Kind::SmsBackup);
    }
    if telegram::looks_like_export(bytes) {
        return Some(Kind::Telegram);
    }
    if whatsapp::looks_like_chat(bytes) {
        return Some(Kind::Whatsapp);
    }
    None
}

/// An empty `.mbox` or `.ics` file is still its kind; so is an (empty)
/// `calls-….xml` or `sms-….xml`, a Telegram `result.json` and a file named
/// as WhatsApp names its exports.
fn kind_of_extension(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    if whatsapp::title_of(&name).is_some() && !name.ends_with(".zip") {
        return Some(Kind::Whatsapp);
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "mbox" | "mbx" => Some(Kind::Mbox),
        "ics" | "ical" | "ifb" => Some(Kind::Calendar),
        "xml" if name.starts_with("sms-") || name.starts_with("calls-") => Some(Kind::SmsBackup),
        "json" if name == "result.json" => Some(Kind::Telegram),
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

    #[test]
    fn the_phones_exports_from_their_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |p: &str, text: &str| {
            let path = root.join(p);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "sms/calls-20261207.xml",
            "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.22.001 on 07/12/2026 18:03:11-->\n<calls count=\"0\" />\n",
        );
        write(
            "sms/sms-20261207.xml",
            "<?xml version='1.0'?>\n<smses count=\"0\">\n</smses>\n",
        );
        write("sms/empty/sms-20261101.xml", "");
        write(
            "chats/WhatsApp Chat with Anna.txt",
            "07.12.26, 18:03 - Anna: Hallo\n",
        );
        write("chats/renamed.txt", "[07.12.26, 18:03:11] Anna: Hallo\n");
        write(
            "tg/result.json",
            "{\n \"name\": \"Anna\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": []\n}\n",
        );
        write("mixed/sms-1.xml", "<smses/>");
        write("mixed/WhatsApp Chat mit Ben.txt", "");
        let zip_path = root.join("chats/WhatsApp Chat - Ben.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
        zip.start_file("_chat.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, "[07.12.26, 18:03:11] Ben: Hi\n".as_bytes()).unwrap();
        zip.finish().unwrap();
        let kind = |p: &str| detect(&root.join(p)).unwrap();
        assert_eq!(kind("sms/calls-20261207.xml"), Some(Kind::SmsBackup));
        assert_eq!(kind("sms/sms-20261207.xml"), Some(Kind::SmsBackup));
        assert_eq!(kind("sms/empty/sms-20261101.xml"), Some(Kind::SmsBackup));
        assert_eq!(kind("sms"), Some(Kind::SmsBackup));
        assert_eq!(
            kind("chats/WhatsApp Chat with Anna.txt"),
            Some(Kind::Whatsapp)
        );
        assert_eq!(kind("chats/renamed.txt"), Some(Kind::Whatsapp));
        assert_eq!(kind("chats/WhatsApp Chat - Ben.zip"), Some(Kind::Whatsapp));
        assert_eq!(kind("chats"), Some(Kind::Whatsapp));
        assert_eq!(kind("tg/result.json"), Some(Kind::Telegram));
        assert_eq!(kind("tg"), Some(Kind::Telegram));
        assert_eq!(kind("mixed"), None, "two kinds: --kind says which");
    }
}
