//! Writing export files owner-only (mode 0600).
//!
//! Exports hold a whole address book, so nobody but the owner may read them.
//! This is the one small place that does it until a shared helper lands:
//! the bytes go to a new owner-only temp file beside the target, which is
//! then renamed over it, so a failed export never leaves half a file.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::error::{Error, IoContext, Result};

/// Writes `bytes` to `path` with mode 0600, replacing any file there.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.is_dir() {
        return Err(Error::input(format!(
            "{} is a folder; give a file name with -o (a folder is only for `export vdir`)",
            path.display()
        )));
    }
    let temp = temp_path(path);
    let written = (|| -> std::io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.at_path(path)?;
    // A file replaced by rename keeps the temp file's 0600; say so explicitly
    // in case a umask or an ACL widened it.
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).at_path(path)
}

/// Creates `dir` (and its parents) owner-only (0700) if it does not exist.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        return Err(Error::input(format!(
            "{} exists and is not a folder; give a folder for `export vdir -o DIR`",
            dir.display()
        )));
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .at_path(dir)
}

/// `.NAME.draht-PID.tmp` beside `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.draht-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_file_is_owner_only_and_replaces_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.vcf");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file is left behind");
    }

    #[test]
    fn writing_onto_a_folder_is_refused_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_private(dir.path(), b"x").unwrap_err().to_string();
        assert!(err.contains("is a folder"), "{err}");
    }

    #[test]
    fn vdir_folder_is_created_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let vdir = dir.path().join("a/contacts");
        create_private_dir(&vdir).unwrap();
        let mode = fs::metadata(&vdir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        create_private_dir(&vdir).unwrap();
    }
}
