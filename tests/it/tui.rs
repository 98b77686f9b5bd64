//! The real binary in a real pseudo-terminal: tmux runs `draht`, types the
//! keys to log a call, sees a `draht log` from "another shell" appear, quits,
//! and checks the database row and that the terminal was given back.
//!
//! tmux (installed by .ci/run when missing) is the terminal: it is what a
//! person would use to try the program, it answers "is the alternate screen
//! on?" directly, and it needs no extra crate.

use std::process::Command;
use std::time::{Duration, Instant};

use super::harness::Env;

const NOW: &str = "2026-12-01T12:00:00+01:00";

static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A tmux server of our own (its own socket), killed on drop.
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
            "the TUI end-to-end test needs tmux: apt-get install tmux (.ci/run does)"
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

    fn screen(&self) -> String {
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

    /// Types keys (tmux key names, or literal text with `-l`), one call each,
    /// with a pause so that Esc and the next key are never read as Alt.
    pub(crate) fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    fn text(&self, text: &str) {
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

pub(crate) fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// The shell line that runs the draht binary with `args` on `env`'s
/// database at `now`, in an environment of nothing but PATH, HOME, the
/// config under HOME, Berlin time, a colour terminal and `extra`
/// (`NAME=value` words): what a person's terminal would pass it.
pub(crate) fn draht_line(env: &Env, now: &str, extra: &str, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("draht");
    format!(
        "env -i PATH={path} HOME={home} DRAHT_DB={db} DRAHT_NOW={now} TZ=Europe/Berlin TERM=xterm-256color {extra} XDG_CONFIG_HOME={home}/config {bin} {args}",
        path = quote(&std::env::var("PATH").unwrap_or_default()),
        home = quote(&env.dir.path().display().to_string()),
        db = quote(&env.db().display().to_string()),
        now = quote(now),
        bin = quote(&bin.display().to_string()),
    )
}

#[test]
fn log_a_call_in_the_tui_then_quit_and_the_terminal_is_back() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--sphere", "work", "--every", "2w"]);
    let script = format!(
        "clear; echo 'shell before draht'; {}; echo \"draht exited $?\"; sleep 60",
        draht_line(&env, NOW, "", "")
    );
    let tmux = Tmux::new();
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        "sh",
        "-c",
        &script,
    ]);

    let screen = tmux.wait_for("Wie läuft's?");
    assert!(screen.contains("Anna Schmidt"), "{screen}");
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim(),
        "1"
    );

    tmux.keys(&["l"]);
    tmux.wait_for("Log a touch with Anna Schmidt");
    // the form opens on the note; Tab to the channel, 4 = call
    tmux.text("Q4 planning");
    tmux.keys(&["Tab", "4", "Enter"]);
    tmux.wait_for("Logged call with Anna Schmidt.");

    // Anna is done for today; her card opens from the Contacts tab (at 100
    // columns the table takes the width). Another shell logs an e-mail: the
    // card shows it within a second or so.
    tmux.keys(&["2"]);
    tmux.wait_for("NAME");
    tmux.keys(&["Enter"]);
    tmux.wait_for("j/k pick");
    env.ok(&["log", "Anna Schmidt", "email", "sent the slides"]);
    tmux.wait_for("sent the slides");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("draht exited 0");
    assert!(screen.contains("shell before draht"), "{screen}");
    assert!(
        !screen.contains("Wie läuft's?"),
        "the TUI is still on screen:\n{screen}"
    );
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim(),
        "0"
    );

    let conn = rusqlite::Connection::open(env.db()).expect("open db");
    let (channel, note, outcome): (String, Option<String>, String) = conn
        .query_row(
            "SELECT t.channel, t.note, t.outcome FROM touches t
             JOIN touch_participants p ON p.touch_id = t.id
             JOIN contacts c ON c.id = p.contact_id
             WHERE c.name = 'Anna Schmidt' AND t.channel = 'call'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .expect("the logged call");
    assert_eq!(channel, "call");
    assert_eq!(note.as_deref(), Some("Q4 planning"));
    assert_eq!(outcome, "done");
}
