//! vdir: a folder with one `.vcf` file per contact, as khard and
//! vdirsyncer keep an address book.
//!
//! A card's file is named after its UID when the UID is a safe file name
//! (ASCII letters, digits, `-`, `_`, `.`, `@`, `+`; starting with a letter
//! or digit; at most 200 bytes). Any other UID (`urn:uuid:…`, one with `/`
//! or spaces, `..`, `-rf`) is written as its safe characters (at most 64,
//! starting with a letter or digit) with `~` and 32 hex digits of the
//! SHA-256 of the whole UID. No safe UID holds a `~`, so a name of the
//! first kind never equals one of the second, and two UIDs of the second
//! kind share a name only if their hashes do. One export also checks each
//! name against those it already wrote, ignoring case (for file systems
//! that do): a name taken is never written twice. So every contact gets a
//! file of its own, `.`, `..` and names starting with `-` or `.` never
//! occur, and the same UID always gets the same file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, IoContext, Result};
use crate::fsutil::{create_private_dir, write_private};
use crate::model::Contact;
use crate::t;

const MAX_NAME: usize = 200;
const MAX_STEM: usize = 64;

fn safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | '+')
}

/// The file name (with `.vcf`) for a card with this UID.
pub fn file_name(uid: &str) -> String {
    let usable = uid.starts_with(|c: char| c.is_ascii_alphanumeric())
        && uid.len() <= MAX_NAME
        && uid.chars().all(safe);
    if usable {
        return format!("{uid}.vcf");
    }
    hashed_name(uid)
}

/// The second kind of name: safe characters, `~`, the hash.
fn hashed_name(uid: &str) -> String {
    let stem: String = uid
        .chars()
        .map(|c| if safe(c) { c } else { '_' })
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take(MAX_STEM)
        .collect();
    let stem = if stem.is_empty() { "card" } else { &stem };
    let digest = Sha256::digest(uid.as_bytes());
    let mut name = String::with_capacity(stem.len() + 38);
    name.push_str(stem);
    name.push('~');
    for byte in &digest[..16] {
        name.push_str(&format!("{byte:02x}"));
    }
    name.push_str(".vcf");
    name
}

/// File names for the cards of one export, each used once.
#[derive(Debug, Default)]
pub struct Names {
    /// Names given so far, lowercased.
    taken: HashSet<String>,
}

impl Names {
    /// Marks `name` as taken (a file already in the folder).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_lowercase());
    }

    /// The name for a card with `uid`: [`file_name`], or when that is
    /// taken (ignoring case) the hashed form, or that with `~2`, `~3`, ….
    pub fn name_for(&mut self, uid: &str) -> String {
        let mut candidates = [file_name(uid), hashed_name(uid)].into_iter();
        let name = candidates
            .find(|name| !self.taken.contains(&name.to_lowercase()))
            .unwrap_or_else(|| {
                let base = hashed_name(uid);
                let stem = base.trim_end_matches(".vcf");
                (2..)
                    .map(|n| format!("{stem}~{n}.vcf"))
                    .find(|name| !self.taken.contains(&name.to_lowercase()))
                    .unwrap_or(base)
            });
        self.taken.insert(name.to_lowercase());
        name
    }
}

/// Writes one owner-only card per contact into `dir` (created 0700 when
/// missing) and returns the files written. Other files in the folder are
/// left alone.
pub fn write_vdir(dir: &Path, book: &[(Contact, String)]) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(t!(
            "error-vdir-not-folder",
            path = dir.display().to_string()
        )));
    }
    create_private_dir(dir)?;
    let mut names = Names::default();
    let mut written = Vec::with_capacity(book.len());
    for (contact, card) in book {
        let path = dir.join(names.name_for(&contact.uid));
        write_private(&path, card.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// The `.vcf` (and `.vcard`) files of a vdir, by name. Hidden files and
/// sub-folders are not read.
pub fn card_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).at_path(dir)? {
        let path = entry.at_path(dir)?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let is_card = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("vcf") || e.eq_ignore_ascii_case("vcard"));
        if is_card && !name.starts_with('.') && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::input(t!(
            "error-vdir-empty",
            path = dir.display().to_string()
        )));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_uid_is_used_as_the_file_name() {
        assert_eq!(
            file_name("6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21"),
            "6A1B9C3E-55F2-4D0B-9A2E-0C4E8B1D7F21.vcf"
        );
        assert_eq!(file_name("anna@example.org"), "anna@example.org.vcf");
    }

    #[test]
    fn unsafe_uid_gets_a_sanitised_name_with_a_hash() {
        let name = file_name("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
        assert!(
            name.starts_with("urn_uuid_4fbe8971-0bc3-424c-9c26-36c3e1eff6b1~"),
            "{name}"
        );
        assert!(name.ends_with(".vcf"));
        assert_eq!(
            name,
            file_name("urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
        );
    }

    #[test]
    fn uids_that_sanitise_alike_get_different_files() {
        assert_ne!(file_name("a/b"), file_name("a:b"));
        assert_ne!(file_name("a/b"), file_name("a_b"));
    }

    #[test]
    fn path_tricks_never_leave_the_folder() {
        for uid in [
            "../../etc/passwd",
            ".hidden",
            "..",
            ".",
            "-rf",
            "--help",
            "/abs",
            "a\0b",
            "",
            "x".repeat(300).as_str(),
        ] {
            let name = file_name(uid);
            assert!(
                !name.contains('/') && !name.contains('\0'),
                "{uid:?} → {name}"
            );
            assert!(
                name.starts_with(|c: char| c.is_ascii_alphanumeric()),
                "{uid:?} → {name}"
            );
            assert!(name.len() <= MAX_NAME + 4, "{name}");
        }
    }

    #[test]
    fn a_safe_uid_crafted_like_a_hashed_name_cannot_take_its_file() {
        let hashed = file_name("a/b");
        let crafted = hashed.trim_end_matches(".vcf");
        assert_ne!(file_name(crafted), hashed, "a ~ is never used as is");
        let mut names = Names::default();
        assert_eq!(names.name_for("Anna"), "Anna.vcf");
        let other = names.name_for("anna");
        assert_ne!(
            other.to_lowercase(),
            "anna.vcf",
            "not even on a file system that ignores case"
        );
        let again = names.name_for("Anna");
        let once_more = names.name_for("Anna");
        let all = ["Anna.vcf".to_string(), other, again, once_more.clone()];
        let distinct: HashSet<String> = all.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(distinct.len(), 4, "{all:?}");
        assert!(once_more.ends_with("~2.vcf"), "{once_more}");
    }

    #[test]
    fn folder_without_cards_is_an_error_naming_what_to_give() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".hidden.vcf"), "x").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let err = card_files(dir.path()).unwrap_err().to_string();
        assert!(err.contains("no .vcf files"), "{err}");
    }
}
