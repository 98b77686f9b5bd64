//! vdir: a folder with one `.vcf` file per contact, as khard and
//! vdirsyncer keep an address book.
//!
//! A card's file is named after its UID when the UID is a safe file name
//! (letters, digits, `-`, `_`, `.`, `@`, `+`; not starting with a dot; at
//! most 200 bytes). Any other UID (`urn:uuid:…`, one with `/` or spaces) is
//! written as its safe characters with `_` for the rest, followed by `-`
//! and a 16-digit FNV-1a hash of the whole UID, so two UIDs never share a
//! file and the same UID always gets the same file.

use std::path::{Path, PathBuf};

use super::vcard::{VcardVersion, write_card};
use crate::error::{Error, IoContext, Result};
use crate::fsutil::{create_private_dir, write_private};
use crate::model::Contact;

const MAX_NAME: usize = 200;

/// The file name (with `.vcf`) for a card with this UID.
pub fn file_name(uid: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | '+');
    if !uid.is_empty() && !uid.starts_with('.') && uid.len() <= MAX_NAME && uid.chars().all(safe) {
        return format!("{uid}.vcf");
    }
    let stem: String = uid
        .chars()
        .map(|c| if safe(c) { c } else { '_' })
        .take(64)
        .collect();
    let stem = stem.trim_start_matches('.');
    format!("{stem}-{:016x}.vcf", fnv1a(uid.as_bytes()))
}

/// 64-bit FNV-1a: small, stable across builds and platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Writes one owner-only card per contact into `dir` (created 0700 when
/// missing) and returns the files written. Other files in the folder are
/// left alone.
pub fn write_vdir(dir: &Path, contacts: &[Contact], version: VcardVersion) -> Result<Vec<PathBuf>> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(format!(
            "{} exists and is not a folder; give a folder for `export vdir -o DIR`",
            dir.display()
        )));
    }
    create_private_dir(dir)?;
    let mut written = Vec::with_capacity(contacts.len());
    for contact in contacts {
        let path = dir.join(file_name(&contact.uid));
        write_private(&path, write_card(contact, version).as_bytes())?;
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
        return Err(Error::input(format!(
            "{} holds no .vcf files; give a vdir folder (one .vcf per contact) or a .vcf, .csv or .json file",
            dir.display()
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
            name.starts_with("urn_uuid_4fbe8971-0bc3-424c-9c26-36c3e1eff6b1-"),
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
            "/abs",
            "a\0b",
            "",
            "x".repeat(300).as_str(),
        ] {
            let name = file_name(uid);
            assert!(
                !name.contains('/') && !name.starts_with('.'),
                "{uid:?} → {name}"
            );
            assert!(name.len() <= MAX_NAME + 4, "{name}");
        }
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
