//! The fuzz target for opening a database file: whatever file `--db`
//! names, draht opens it as a draht database (and then it is one, at the
//! latest level) or refuses it in one line that names it, leaving the file
//! byte for byte as it was and nothing new beside it.
//!
//! The input is mostly a recipe for a damaged copy of a real draht
//! database (random bytes are almost never an SQLite file): its first byte
//! picks what to do, the rest says where and what.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::DateTime;

use crate::model::{Channel, Contact, Outcome, Touch};
use crate::store::{Store, contacts, touches};

/// Pieces of the input language: SQLite's header and names from draht's
/// schema and its pragmas' world.
pub(super) const OPEN_WORDS: &[&str] = &[
    "SQLite format 3\0",
    "\u{10}\0\u{1}\u{1}\0@  ",
    "\u{2}\u{2}",
    "\u{1}\u{1}",
    "\0\0\0\u{4}",
    "\u{ff}\u{ff}\u{ff}\u{ff}",
    "\0\0\0\u{5}",
    "CREATE TABLE contacts",
    "CREATE TABLE moz_places (url TEXT)",
    "touch_participants",
    "WITHOUT ROWID",
    "\0",
    "\u{7f}",
];

/// A small draht database as a file holds it after draht exits: two
/// contacts, a touch, every table at the latest level.
fn seed() -> &'static [u8] {
    static SEED: OnceLock<Vec<u8>> = OnceLock::new();
    SEED.get_or_init(|| {
        let dir = scratch();
        let path = dir.join("seed.db");
        let mut store = Store::open(&path).unwrap_or_else(|e| panic!("a seed database: {e}"));
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default();
        store
            .write(|tx| {
                let anna = contacts::insert(tx, &Contact::new("Anna Schmidt", now), now)?;
                contacts::insert(tx, &Contact::new("Ben Okafor", now), now)?;
                touches::insert(
                    tx,
                    &Touch::new(now, Channel::Call, Outcome::Done, vec![anna]),
                    now,
                )
            })
            .unwrap_or_else(|e| panic!("the seed's records: {e}"));
        drop(store);
        let bytes = std::fs::read(&path).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&dir);
        bytes
    })
}

/// A fresh private folder under the temp folder.
fn scratch() -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "draht-fuzz-open-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// The file the input describes. First byte: 0–3 patch the seed (each
/// three bytes after it: an offset in 1/256ths of the file, the offset's
/// low byte, the new byte), 4 cuts the seed short, 5 writes a schema level
/// into its header, anything else takes the input itself as the file.
fn file_of(data: &[u8]) -> Vec<u8> {
    let seed = seed();
    let rest = data.get(1..).unwrap_or_default();
    match data.first().copied().unwrap_or(0) {
        0..=3 => {
            let mut file = seed.to_vec();
            for patch in rest.chunks_exact(3) {
                let at = (usize::from(patch[0]) * file.len() / 256 + usize::from(patch[1]))
                    .min(file.len().saturating_sub(1));
                if let Some(byte) = file.get_mut(at) {
                    *byte = patch[2];
                }
            }
            file
        }
        4 => {
            let cut = rest.iter().fold(0usize, |n, &b| {
                n.wrapping_mul(256).wrapping_add(usize::from(b))
            });
            seed[..cut % (seed.len() + 1)].to_vec()
        }
        5 => {
            let mut file = seed.to_vec();
            for (i, b) in rest.iter().take(4).enumerate() {
                file[60 + i] = *b;
            }
            file
        }
        _ => data.to_vec(),
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Opening the file the input describes.
pub fn open_database(data: &[u8]) {
    let file = file_of(data);
    let dir = scratch();
    let path = dir.join("draht.db");
    std::fs::write(&path, &file).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let before = listing(&dir);
    let opened = Store::open(&path);
    match opened {
        Ok(store) => {
            // what `draht check` would say of it: its data may be damaged
            // (open reads no data pages), its schema may not
            if let Ok(health) = crate::store::backup::check(store.conn()) {
                assert_eq!(
                    (health.schema_level, health.schema),
                    (crate::store::open::latest_version() as i64, Vec::new()),
                    "a file was opened but is not a draht database of the latest level"
                );
            }
            drop(store);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(&path.display().to_string()) || message.contains("draht.db"),
                "a refusal that does not name the file: {message:?}"
            );
            assert!(
                !message.contains('\n'),
                "a refusal in more than one line: {message:?}"
            );
            assert!(
                std::fs::read(&path).ok().as_deref() == Some(&file[..]),
                "a refused file was changed ({message})"
            );
            assert_eq!(
                listing(&dir),
                before,
                "files appeared beside a refused file ({message})"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recipes reach both sides: an intact seed opens, damaged ones
    /// are refused (each run checks its side's promises).
    #[test]
    fn the_recipes_make_good_and_broken_files() {
        let opens = |data: &[u8]| {
            let dir = scratch();
            let path = dir.join("draht.db");
            std::fs::write(&path, file_of(data)).unwrap();
            let opened = Store::open(&path).is_ok();
            let _ = std::fs::remove_dir_all(&dir);
            opened
        };
        assert!(opens(&[0]), "the intact seed");
        assert!(
            !opens(&[5, 0, 0, 0, 3]),
            "the latest schema claiming level 3 is not level 3's"
        );
        assert!(!opens(&[5, 0xff, 0xff, 0xff, 0xff]), "level -1");
        assert!(!opens(&[4, 0, 50]), "cut in its header");
        assert!(!opens(b"\x09plain text"), "not SQLite");
        for data in [&[0][..], &[5, 0xff, 0xff, 0xff, 0xff], &[4, 0x10, 0]] {
            open_database(data);
        }
    }
}
