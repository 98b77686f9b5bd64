//! A real terminal for tests: `draht` in a session of a private tmux
//! server, keys sent to it, the screen read back. The server stops when
//! the value is dropped.

use std::process::{Command, Output};

use crate::harness::Env;

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `draht ARGS` (quoted for a shell) against `env`'s database
    /// and clock in a `width`×`height` terminal; after it exits the
    /// session prints `rc=` and its exit code, then `after` runs.
    pub fn draht(env: &Env, args: &str, after: &str, (width, height): (u16, u16)) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "tmux is not installed: sudo apt-get install tmux (.ci/run does)"
        );
        let tmux = Tmux {
            socket: format!("draht-test-{}-{}", std::process::id(), fastrand::u64(..)),
        };
        let script = format!(
            "DRAHT_DB='{}' DRAHT_NOW='{}' TZ=Europe/Berlin NO_COLOR=1 HOME='{}' XDG_CONFIG_HOME='{}/config' '{}' {args}; echo \"rc=$?\"; {after}; sleep 60",
            env.db().display(),
            env.now,
            env.dir.path().display(),
            env.dir.path().display(),
            assert_cmd::cargo::cargo_bin("draht").display(),
        );
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&["new-session", "-d", "-s", "t", "-x", &w, "-y", &h, &script]);
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// The screen as it is now.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t", "-J"]).stdout)
            .into_owned()
    }

    /// The screen once it shows `text` (at most ten seconds).
    pub fn wait_for(&self, text: &str) -> String {
        for _ in 0..100 {
            let shown = self.screen();
            if shown.contains(text) {
                return shown;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("\"{text}\" did not appear: {}", self.screen());
    }

    /// Types `keys` (tmux key names: `w`, `Enter`, `Escape`).
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        let sent = self.run(&args);
        assert!(
            sent.status.success(),
            "{}",
            String::from_utf8_lossy(&sent.stderr)
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
