//! `draht notify --install` / `--uninstall`: the systemd user service and
//! timer that run `draht notify` every five minutes, written to (and
//! removed from) the user's unit folder, `$XDG_CONFIG_HOME/systemd/user/`.
//! The unit text comes from [`crate::interop::timer`].

use std::path::{Path, PathBuf};

use crate::error::{IoContext, Result};
use crate::fsutil::write_private;
use crate::interop::timer::{self, Job, SERVICE, TIMER};

/// The unit files written or removed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Units {
    pub service: PathBuf,
    pub timer: PathBuf,
}

impl Units {
    /// The two units in `dir`.
    pub fn in_dir(dir: &Path) -> Units {
        Units {
            service: dir.join(SERVICE),
            timer: dir.join(TIMER),
        }
    }
}

/// Writes the service (running `job`) and the timer into `dir`, creating
/// it; files already there are replaced, each whole or not at all
/// (owner-only, as everything draht writes).
pub fn install(dir: &Path, job: &Job) -> Result<Units> {
    std::fs::create_dir_all(dir).at_path(dir)?;
    let units = Units::in_dir(dir);
    write_private(&units.service, timer::service(job).as_bytes())?;
    write_private(&units.timer, timer::timer().as_bytes())?;
    Ok(units)
}

/// Removes the units from `dir`, and the link `systemctl --user enable`
/// made for the timer; returns those that were there.
pub fn uninstall(dir: &Path) -> Result<Vec<PathBuf>> {
    let units = Units::in_dir(dir);
    let link = dir.join("timers.target.wants").join(TIMER);
    let mut removed = Vec::new();
    for path in [link, units.timer, units.service] {
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).at_path(&path),
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_writes_both_units_and_uninstall_removes_them_with_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let units_dir = dir.path().join("systemd/user");
        let job = Job {
            program: Path::new("/usr/bin/draht"),
            args: vec!["notify".into()],
            env: Vec::new(),
        };
        let units = install(&units_dir, &job).unwrap();
        assert!(
            std::fs::read_to_string(&units.timer)
                .unwrap()
                .contains("OnCalendar=*:0/5")
        );
        assert!(
            std::fs::read_to_string(&units.service)
                .unwrap()
                .contains("ExecStart=/usr/bin/draht notify")
        );
        // what `systemctl --user enable` would add
        let wants = units_dir.join("timers.target.wants");
        std::fs::create_dir_all(&wants).unwrap();
        std::os::unix::fs::symlink(&units.timer, wants.join(TIMER)).unwrap();
        assert_eq!(uninstall(&units_dir).unwrap().len(), 3);
        assert_eq!(
            std::fs::read_dir(&units_dir).unwrap().count(),
            1,
            "only the wants folder"
        );
        assert!(uninstall(&units_dir).unwrap().is_empty(), "twice is fine");
    }
}
