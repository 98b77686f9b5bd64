//! Writing the user's data to disk: owner-only and all-or-nothing. Every
//! file draht writes outside the database (exports, backups) goes through
//! here, so none of it is ever readable by other users of the machine.
//! And the one rule for trusting a folder's time as a watermark
//! ([`settled_mtime`]: capture's maildirs, sync's vdirs).

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::error::{IoContext, Result};

/// Writes `bytes` to `path` with mode 0600, replacing any file there in one
/// step: readers see the old content or the new, never half of it, and a
/// crash midway leaves the old file intact. A symbolic link is followed
/// (its target is replaced); a device or pipe (`-o /dev/stdout`) is written
/// to directly.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = resolve_link(path);
    if let Ok(meta) = std::fs::metadata(&target) {
        let kind = meta.file_type();
        if kind.is_char_device() || kind.is_fifo() || kind.is_socket() {
            let mut file = OpenOptions::new()
                .write(true)
                .open(&target)
                .at_path(&target)?;
            return file.write_all(bytes).at_path(&target);
        }
    }
    let written = synced_temp(&target, bytes).and_then(|temp| {
        std::fs::rename(&temp, &target).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    });
    written.at_path(&target)?;
    if let Some(dir) = parent(&target) {
        sync_dir(dir);
    }
    Ok(())
}

/// A new owner-only (0600) file beside `target` holding `bytes`, synced
/// to disk, for the caller to rename or link to its name; on an error
/// nothing is left behind.
pub fn synced_temp(target: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let temp = temp_beside(target, "tmp");
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temp)?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    Ok(temp)
}

/// Creates the folder `path` (and missing parents) with mode 0700; an
/// existing folder is left as it is.
pub fn create_private_dir(path: &Path) -> Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .at_path(path)
}

/// Flushes a folder's entries (a new or renamed file) to disk. Best effort:
/// some file systems cannot sync a folder, and the data itself is synced.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

fn parent(path: &Path) -> Option<&Path> {
    path.parent().filter(|d| !d.as_os_str().is_empty())
}

fn resolve_link(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// A folder's mtime is only trusted as a watermark when it is at least
/// this old: a file added in the same clock tick as the last change would
/// otherwise leave the time as it was.
pub const SETTLE_NANOS: i128 = 2_000_000_000;

/// The modification time of `path` in nanoseconds since the epoch.
pub fn mtime_nanos(path: &Path) -> std::io::Result<i128> {
    let modified = std::fs::metadata(path)?.modified()?;
    Ok(
        match modified.duration_since(std::time::SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        },
    )
}

/// `mtime` (ns) when it is old enough at `wall` (the machine's real time,
/// not `DRAHT_NOW`) to be kept as a watermark: a folder whose time still
/// equals it later has had no file added, removed or renamed in it since.
/// Take the time before listing the folder, so that a file arriving while
/// it is listed changes it for the next look.
pub fn settled_mtime(mtime: i128, wall: std::time::SystemTime) -> Option<i128> {
    let wall = wall
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    (wall - mtime >= SETTLE_NANOS).then_some(mtime)
}

/// A temporary name beside `target` for a file that will be given its
/// name when it is whole: `.NAME.TAG-PID-NANOS` in the same folder (so the
/// last step is a rename or link within one file system).
pub fn temp_beside(target: &Path, tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(format!(".{tag}-{}-{nanos}", std::process::id()));
    target.with_file_name(name)
}

/// Many files written as one step, each all-or-nothing, with one sync of
/// their data for all of them (a pass of `draht sync` writes thousands;
/// a sync per file was most of the time of a first pass). [`Batch::stage`]
/// writes a hidden temporary file beside each target (owner-only, as
/// [`write_private`]) and returns its metadata: the renamed file keeps its
/// inode, size and time. [`Batch::finish`] syncs each file system the
/// temporary files are on once, renames each to its name and syncs each
/// folder once. Until then no target has changed; a crash midway leaves
/// each target with its old content or its new, never half of either.
/// Temporary files not yet renamed are removed when the batch is dropped.
#[derive(Debug, Default)]
pub struct Batch {
    /// (temporary file, target), in the order staged.
    staged: Vec<(PathBuf, PathBuf)>,
    /// One temporary file on each file system (device) the staged files
    /// are on: a card linked to another disk, or a calendar folder on one,
    /// needs that disk synced too.
    devices: Vec<(u64, PathBuf)>,
}

impl Batch {
    /// Writes `bytes` for `path` (a symbolic link: for its target) to a
    /// temporary file, without syncing it; its metadata.
    pub fn stage(&mut self, path: &Path, bytes: &[u8]) -> Result<std::fs::Metadata> {
        let target = resolve_link(path);
        let temp = temp_beside(&target, "tmp");
        let written = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
            .and_then(|mut file| {
                file.write_all(bytes)?;
                file.metadata()
            });
        match written {
            Ok(meta) => {
                use std::os::unix::fs::MetadataExt;
                if !self.devices.iter().any(|(dev, _)| *dev == meta.dev()) {
                    self.devices.push((meta.dev(), temp.clone()));
                }
                self.staged.push((temp, target));
                Ok(meta)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&temp);
                Err(e).at_path(&target)
            }
        }
    }

    /// Puts every staged file in place: their data synced to disk, each
    /// renamed to its name, each folder synced.
    pub fn finish(mut self) -> Result<()> {
        // synced before they leave `self`: on an error the drop removes them
        sync_data(&self.devices, &self.staged)?;
        let staged = std::mem::take(&mut self.staged);
        let mut folders: Vec<&Path> = Vec::new();
        for (i, (temp, target)) in staged.iter().enumerate() {
            if let Err(e) = std::fs::rename(temp, target) {
                for (left, _) in &staged[i..] {
                    let _ = std::fs::remove_file(left);
                }
                return Err(e).at_path(target);
            }
            if let Some(dir) = parent(target)
                && !folders.contains(&dir)
            {
                folders.push(dir);
            }
        }
        for dir in folders {
            sync_dir(dir);
        }
        Ok(())
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        for (temp, _) in &self.staged {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Syncs the data of the files `staged`: on Linux each file system they
/// are on at once (`syncfs` through one file of each of `devices`),
/// elsewhere one file at a time.
#[cfg(target_os = "linux")]
fn sync_data(devices: &[(u64, PathBuf)], _staged: &[(PathBuf, PathBuf)]) -> Result<()> {
    for (_, temp) in devices {
        std::fs::File::open(temp)
            .and_then(|file| Ok(rustix::fs::syncfs(&file)?))
            .at_path(temp)?;
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn sync_data(_devices: &[(u64, PathBuf)], staged: &[(PathBuf, PathBuf)]) -> Result<()> {
    for (temp, _) in staged {
        std::fs::File::open(temp)
            .and_then(|file| file.sync_all())
            .at_path(temp)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_file_is_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("contacts.csv");
        write_private(&path, b"name\nAnna\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"name\nAnna\n");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn replacing_a_world_readable_file_makes_it_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("contacts.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(mode(&path), 0o600);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_symlink_keeps_pointing_at_the_new_content() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ics");
        let link = dir.path().join("link.ics");
        std::fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_private(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn writing_into_a_missing_folder_fails_and_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("x.csv");
        let err = write_private(&path, b"x").unwrap_err().to_string();
        assert!(err.contains("nope/x.csv"), "{err}");
    }

    #[test]
    fn a_batch_changes_nothing_until_it_is_finished() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("a.vcf");
        std::fs::write(&old, b"old").unwrap();
        let new = dir.path().join("b.vcf");
        let mut batch = Batch::default();
        let meta_a = batch.stage(&old, b"new a").unwrap();
        let meta_b = batch.stage(&new, b"new b").unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"old");
        assert!(!new.exists());
        batch.finish().unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"new a");
        assert_eq!(std::fs::read(&new).unwrap(), b"new b");
        assert_eq!(mode(&new), 0o600);
        // the stat a pass records is the file's in place
        use std::os::unix::fs::MetadataExt;
        for (path, staged) in [(&old, meta_a), (&new, meta_b)] {
            let now = std::fs::metadata(path).unwrap();
            assert_eq!(
                (now.ino(), now.size(), now.mtime(), now.mtime_nsec()),
                (
                    staged.ino(),
                    staged.size(),
                    staged.mtime(),
                    staged.mtime_nsec()
                )
            );
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind");
    }

    #[test]
    fn a_batch_dropped_unfinished_leaves_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("a.ics");
        std::fs::write(&old, b"old").unwrap();
        let mut batch = Batch::default();
        batch.stage(&old, b"new").unwrap();
        batch.stage(&dir.path().join("b.ics"), b"new").unwrap();
        drop(batch);
        assert_eq!(std::fs::read(&old).unwrap(), b"old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the old file is there");
    }

    /// A batch over two folders syncs each file system they are on: a
    /// calendar folder on another disk than the cards (here /dev/shm, a
    /// tmpfs, beside the temp folder) is not left to the first one's sync.
    #[test]
    fn a_batch_syncs_every_file_system_it_writes_to() {
        use std::os::unix::fs::MetadataExt;
        let cards = tempfile::tempdir().unwrap();
        let shm = std::path::Path::new("/dev/shm");
        let calendar = tempfile::tempdir_in(if shm.is_dir() { shm } else { cards.path() }).unwrap();
        let mut batch = Batch::default();
        for i in 0..3 {
            batch
                .stage(&cards.path().join(format!("{i}.vcf")), b"card")
                .unwrap();
            batch
                .stage(&calendar.path().join(format!("{i}.ics")), b"event")
                .unwrap();
        }
        let mut devices: Vec<u64> = [cards.path(), calendar.path()]
            .iter()
            .map(|d| std::fs::metadata(d).unwrap().dev())
            .collect();
        devices.dedup();
        assert_eq!(
            batch
                .devices
                .iter()
                .map(|(dev, _)| *dev)
                .collect::<Vec<_>>(),
            devices
        );
        batch.finish().unwrap();
        for i in 0..3 {
            assert_eq!(
                std::fs::read(cards.path().join(format!("{i}.vcf"))).unwrap(),
                b"card"
            );
            assert_eq!(
                std::fs::read(calendar.path().join(format!("{i}.ics"))).unwrap(),
                b"event"
            );
        }
        assert_eq!(std::fs::read_dir(calendar.path()).unwrap().count(), 3);
    }

    #[test]
    fn private_dir_is_0700() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vdir").join("contacts");
        create_private_dir(&path).unwrap();
        assert_eq!(mode(&path), 0o700);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        create_private_dir(&path).unwrap();
    }
}
