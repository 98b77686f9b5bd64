//! `draht sync --setup URL --write`: puts the vdirsyncer config (its text
//! from [`crate::interop::vdirsyncer`]) where vdirsyncer reads it, never
//! over a config that is there: the user's own pairs stay as they were.
//! And `draht sync --run`'s call of `vdirsyncer sync`.

use std::path::Path;

use crate::error::{Error, IoContext, Result};
use crate::fsutil::{create_private_dir, sync_dir, synced_temp};
use crate::t;

/// Writes `text` as a new file `path` (mode 0600, its folder made 0700
/// when missing), whole or not at all: a temp file beside it, synced,
/// then linked to its name, which fails if a file took the name
/// meanwhile. A file already at `path` is an error and left alone.
pub fn write_config(path: &Path, text: &str) -> Result<()> {
    let exists = || {
        Error::Database(t!(
            "error-vdirsyncer-config-exists",
            path = path.display().to_string()
        ))
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let written = synced_temp(path, text.as_bytes()).and_then(|temp| {
        let linked = std::fs::hard_link(&temp, path);
        let _ = std::fs::remove_file(&temp);
        linked
    });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists()),
        Err(e) => return Err(e).at_path(path),
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir);
    }
    Ok(())
}

/// Runs `vdirsyncer sync` (its own config: `~/.config/vdirsyncer/config`
/// or `VDIRSYNCER_CONFIG`), which moves the folders to and from the
/// server. draht itself opens no network connection.
pub fn vdirsyncer_sync() -> Result<()> {
    let out = std::process::Command::new("vdirsyncer")
        .arg("sync")
        .stdin(std::process::Stdio::null())
        .output();
    let out = match out {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Database(t!("error-vdirsyncer-missing")));
        }
        Err(e) => {
            return Err(Error::Database(t!(
                "error-vdirsyncer-run",
                problem = e.to_string()
            )));
        }
    };
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| crate::text::clean(l.trim()))
        .unwrap_or_else(|| t!("vdirsyncer-no-message"));
    Err(Error::Database(t!(
        "error-vdirsyncer-failed",
        status = out.status.to_string(),
        message = last
    )))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_new_config_is_written_owner_only_and_an_old_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vdirsyncer").join("config");
        write_config(&path, "[general]\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[general]\n");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let err = write_config(&path, "other\n").unwrap_err();
        assert_eq!(err.exit_code(), 1);
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[general]\n");
        // no temp file is left beside it
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }
}
