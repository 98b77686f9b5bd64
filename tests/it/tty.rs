//! A real terminal for tests: a tmux server of our own (its own socket, so
//! tests run in parallel), a session `e2e` in it, keys sent to it, the
//! screen read back. The server stops when the value is dropped.
//!
//! tmux (installed by .ci/run when missing) is the terminal: it is what a
//! person would use to try the program, it answers "is the alternate screen
//! on?" directly, and it needs no extra crate.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::harness::Env;

static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A tmux server of our own, killed on drop.
pub(crate) struct Tmux {
    socket: String,
}

impl Tmux {
    pub(crate) fn new() -> Tmux {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            ok,
            "this test needs tmux: apt-get install tmux (.ci/run does)"
        );
        Tmux {
            // one server per Tmux: tests run in parallel, and a drop kills it
            socket: format!(
                "draht-e2e-{}-{}",
                std::process::id(),
                SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            ),
        }
    }

    /// Starts `draht ARGS` (quoted for a shell) against `env`'s database,
    /// home and clock in a `width`×`height` terminal (session `e2e`); after
    /// it exits the session prints `rc=` and its exit code, then runs
    /// `after`.
    pub(crate) fn draht(env: &Env, args: &str, after: &str, (width, height): (u16, u16)) -> Tmux {
        let script = format!(
            "{}; echo \"rc=$?\"; {after}; sleep 60",
            draht_line(env, &env.now, "NO_COLOR=1", args)
        );
        let tmux = Tmux::new();
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            &script,
        ]);
        tmux
    }

    /// Runs `tmux ARGS` on this server; panics when tmux fails.
    pub(crate) fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen of session `e2e` as it is now.
    pub(crate) fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen shows `text`; panics with the screen after 10 s.
    pub(crate) fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited 10 s for {text:?}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Types keys (tmux key names: `w`, `Enter`, `Escape`), one call each,
    /// with a pause so that Esc and the next key are never read as Alt.
    pub(crate) fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    /// Types `text` literally.
    pub(crate) fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
        std::thread::sleep(Duration::from_millis(80));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// `value` quoted for `sh`.
pub(crate) fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// The shell line that runs the draht binary with `args` on `env`'s
/// database at `now`, in an environment of nothing but PATH, HOME, the
/// config under HOME, Berlin time, a colour terminal and `extra`
/// (`NAME=value` words): what a person's terminal would pass it.
pub(crate) fn draht_line(env: &Env, now: &str, extra: &str, args: &str) -> String {
    let home = env.dir.path().display().to_string();
    format!(
        "env -i PATH={path} HOME={home} DRAHT_DB={db} DRAHT_NOW={now} TZ=Europe/Berlin TERM=xterm-256color {extra} XDG_CONFIG_HOME={config} {bin} {args}",
        path = quote(&std::env::var("PATH").unwrap_or_default()),
        home = quote(&home),
        db = quote(&env.db().display().to_string()),
        now = quote(now),
        config = quote(&format!("{home}/config")),
        bin = quote(&assert_cmd::cargo::cargo_bin("draht").display().to_string()),
    )
}
