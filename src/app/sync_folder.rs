//! `draht sync`: how a pass sees a vdir folder — whether it need look at
//! all (its time against the last full look's mark), its files with one
//! stat each, the temporary files a stopped pass left, a file's stat and
//! hash as the sync state keeps them.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use super::sync::How;
use crate::error::{IoContext, Result};
use crate::fsutil::{mtime_nanos, settled_mtime};
use crate::store::Tx;
use crate::store::sync::{self as state, Folder, Kind, Mark, Stat};

/// How long a folder's mark is trusted: an edit that writes a file in
/// place leaves the folder's time as it was, and is seen by the first
/// pass a day after the last full look (or by `draht sync --full`).
const MARK_SECS: i64 = 24 * 60 * 60;

/// Whether a pass may leave a folder alone, and the mark a full look at
/// it keeps.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Look {
    /// Nothing changed on either side since the last full look.
    pub skip: bool,
    /// The folder's time before this look, when settled.
    pub mark: Option<Mark>,
}

/// A folder as a pass finds its state: whether it need be looked at, and
/// under which path its state is kept.
pub(super) struct Opened {
    /// Nothing changed on either side since the last full look.
    pub skip: bool,
    /// The mark a full look now keeps (see [`look`]).
    pub mark: Option<Mark>,
    /// The path the kept state is of, when it is of this folder (the same
    /// text, or another name of it); `None`: no state, start afresh.
    pub known: Option<String>,
}

/// Opens the state of `folder` for a pass over `dir`: the same folder by
/// another name (a relative path, a link) keeps its state; another folder
/// starts afresh (its state forgotten unless `how.dry_run`); and the
/// folder is left alone when [`look`] says nothing changed, no record of
/// `kinds` changed here either.
pub(super) fn open_folder(
    tx: &Tx,
    folder: Folder,
    kinds: &[Kind],
    dir: &Path,
    how: How,
) -> Result<Opened> {
    let recorded = state::folder(tx, folder)?;
    let had_state = recorded.is_some();
    let (known, stored) = match recorded {
        Some((path, mark)) if same_folder(&path, dir) => (Some(path), mark),
        _ => (None, None),
    };
    let clean = !state::any_dirty_of(tx, kinds)?;
    let look = look(dir, stored, clean, how.full, how.wall);
    if !look.skip && had_state && known.is_none() && !how.dry_run {
        state::forget_folder(tx, folder)?;
    }
    Ok(Opened {
        skip: look.skip,
        mark: look.mark,
        known,
    })
}

/// Whether `known` (the path a state was kept for) names `dir`: the same
/// text, or the same folder once links and relative parts are resolved —
/// so that `~/.contacts/draht` given as typed and through a link is not
/// taken for a new folder and read afresh.
fn same_folder(known: &str, dir: &Path) -> bool {
    if Path::new(known) == dir {
        return true;
    }
    match (std::fs::canonicalize(known), std::fs::canonicalize(dir)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Looks at the time of `dir` (before it is listed) against `stored`, the
/// last full look's mark: the folder is left alone when its time is that
/// mark's, the mark is less than a day old at `wall` (the real time), no
/// record of the folder's kinds changed here (`clean`) and `full` was not
/// asked for. Every vdir writer renames files into place, which moves the
/// folder's time (migration 0012).
fn look(
    dir: &Path,
    stored: Option<Mark>,
    clean: bool,
    full: bool,
    wall: std::time::SystemTime,
) -> Look {
    let Ok(mtime) = mtime_nanos(dir) else {
        return Look {
            skip: false,
            mark: None,
        };
    };
    let wall_secs = wall
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let skip = !full
        && clean
        && stored.is_some_and(|m| {
            i128::from(m.mtime_ns) == mtime && (0..MARK_SECS).contains(&(wall_secs - m.at))
        });
    let mark = settled_mtime(mtime, wall).and_then(|t| {
        Some(Mark {
            mtime_ns: i64::try_from(t).ok()?,
            at: wall_secs,
        })
    });
    Look { skip, mark }
}

/// The files of a vdir: its items, and the temporary files a pass that
/// was stopped midway left behind.
pub(super) struct Listed {
    /// Each item's name, stat and time (ms), in no order.
    pub files: Vec<(String, Stat, i64)>,
    pub temps: Vec<PathBuf>,
}

/// The files of the vdir `dir` whose names end in `.EXT` (any case), with
/// their paths and metadata (one `stat` each); hidden files (vdirsyncer's
/// `.tmp`, `.`-status) and folders left out, none when `dir` is missing.
/// Hidden files of the form `fsutil::temp_beside` gives (`.NAME.EXT.tmp-…`)
/// are listed as temporary files.
pub(super) fn folder_files(dir: &Path, ext: &str) -> Result<Listed> {
    let mut out = Listed {
        files: Vec::new(),
        temps: Vec::new(),
    };
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in std::fs::read_dir(dir).at_path(dir)? {
        let entry = entry.at_path(dir)?;
        let name = entry.file_name();
        let href = name.to_string_lossy();
        if let Some(hidden) = href.strip_prefix('.') {
            if is_temp_of(hidden, ext) {
                out.temps.push(entry.path());
            }
            continue;
        }
        let ours = Path::new(&*href)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext));
        if !ours {
            continue;
        }
        let path = entry.path();
        // a link is followed (a link to a card is read as the card); any
        // other entry is stat'ed by its name in the open folder
        let linked = entry.file_type().map_or(true, |t| t.is_symlink());
        let meta = match linked {
            true => std::fs::metadata(&path),
            false => entry.metadata(),
        };
        let meta = match meta {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).at_path(&path),
        };
        if meta.is_file() {
            let mtime_ms = meta.mtime() * 1000 + meta.mtime_nsec() / 1_000_000;
            out.files
                .push((href.into_owned(), stat_of(&meta), mtime_ms));
        }
    }
    Ok(out)
}

/// Whether `name` (without its leading `.`) is `NAME.EXT.tmp-PID-NANOS`.
fn is_temp_of(name: &str, ext: &str) -> bool {
    let Some((stem, tail)) = name.rsplit_once(".tmp-") else {
        return false;
    };
    let ours = Path::new(stem)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    let numbers = tail.split_once('-').is_some_and(|(pid, nanos)| {
        [pid, nanos]
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    ours && numbers
}

/// Removes the temporary files of a pass that was stopped midway (its
/// transaction did not commit; the files it had put in place are read as
/// they are). Best effort: one that cannot be removed is left.
pub(super) fn remove_temps(temps: &[PathBuf]) {
    for temp in temps {
        let _ = std::fs::remove_file(temp);
    }
}

pub(super) fn stat_of(meta: &std::fs::Metadata) -> Stat {
    Stat {
        mtime_ns: meta.mtime() * 1_000_000_000 + meta.mtime_nsec(),
        size: meta.size() as i64,
        inode: meta.ino() as i64,
    }
}

pub(super) fn now_ns(now: DateTime<Utc>) -> i64 {
    now.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

pub(super) fn hash_of(text: &str) -> [u8; 16] {
    let full = Sha256::digest(text.as_bytes());
    let mut out = [0u8; 16];
    out.copy_from_slice(&full[..16]);
    out
}
