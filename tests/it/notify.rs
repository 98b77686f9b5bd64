//! `draht notify` against a real session bus: a private `dbus-daemon` on a
//! socket in a temp folder, and a real org.freedesktop.Notifications
//! service on it (tests/it/fixtures/notifications.py, Debian's python3-dbus
//! with the GLib main loop) that records every call. Both are started here
//! and killed when the test ends; the receiver also stops on its own after
//! two minutes or when the bus goes away.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

use crate::harness::Env;

/// What the receiver needs, with the line that installs it.
const INSTALL: &str = "apt-get install dbus python3-dbus python3-gi (.ci/run installs them)";

/// A private session bus with a recording notification service.
pub struct Bus {
    dir: TempDir,
    daemon: Child,
    receiver: Option<Child>,
    pub address: String,
}

impl Bus {
    /// Starts the bus and the receiver, and waits until the receiver owns
    /// its name.
    pub fn start() -> Bus {
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = dir.path().join("bus");
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .arg(format!("--address=unix:path={}", socket.display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start dbus-daemon ({e}); {INSTALL}"));
        let address = first_line(&mut daemon, "dbus-daemon's address");
        let mut bus = Bus {
            dir,
            daemon,
            receiver: None,
            address: address.trim().to_string(),
        };
        bus.start_receiver();
        bus
    }

    fn start_receiver(&mut self) {
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures/notifications.py");
        let mut receiver = Command::new("/usr/bin/python3")
            .arg(script)
            .arg(self.record())
            .arg("120")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start /usr/bin/python3 ({e}); {INSTALL}"));
        let ready = first_line(&mut receiver, "the receiver's ready line");
        if ready.trim() != "ready" {
            let mut err = String::new();
            if let Some(mut stderr) = receiver.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut stderr, &mut err);
            }
            panic!("the notification receiver did not start: {ready}{err}; {INSTALL}");
        }
        self.receiver = Some(receiver);
    }

    /// Stops the receiver: the bus stays, with nobody to show notifications.
    pub fn stop_receiver(&mut self) {
        if let Some(mut r) = self.receiver.take() {
            let _ = r.kill();
            let _ = r.wait();
        }
    }

    fn record(&self) -> PathBuf {
        self.dir.path().join("calls.jsonl")
    }

    /// Every Notify call so far: (app name, title, body).
    pub fn calls(&self) -> Vec<(String, String, String)> {
        let text = std::fs::read_to_string(self.record()).unwrap_or_default();
        text.lines()
            .map(|line| {
                let v: Value = serde_json::from_str(line).expect("a JSON line");
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                (s("app_name"), s("summary"), s("body"))
            })
            .collect()
    }

    /// The calls as "title — body" lines.
    pub fn lines(&self) -> Vec<String> {
        self.calls()
            .into_iter()
            .map(|(app, title, body)| {
                assert_eq!(app, "draht");
                format!("{title} — {body}")
            })
            .collect()
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        self.stop_receiver();
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// The first line `child` prints, within ten seconds.
fn first_line(child: &mut Child, what: &str) -> String {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    rx.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("no {what} within 10 s; {INSTALL}"))
}

/// Tuesday 8 December 2026 at `hh:mm` in Berlin.
fn at(hhmm: &str) -> String {
    format!("2026-12-08T{hhmm}:00+01:00")
}

/// Anna (a Jour fixe every Tuesday at 10:00, a hook, a follow-up today),
/// Jonas three weeks overdue, Mama due today.
fn people() -> Env {
    let env = Env::new(&at("07:00"));
    env.ok(&["add", "Anna Schmidt", "--every", "2w"]);
    env.ok(&["hook", "anna", "ask about the Q3 launch"]);
    env.ok(&["add", "Jonas Weber", "--every", "1w"]);
    env.ok(&["log", "jonas", "call", "--at", "2026-11-10"]);
    env.ok(&["add", "Mama", "--every", "1w"]);
    env.ok(&["log", "mama", "call", "--at", "2026-12-01"]);
    env.ok(&["jourfixe", "add", "anna", "weekly tue 10:00"]);
    env.ok(&["remind", "anna", "2026-12-08", "send the offer"]);
    env
}

/// `draht notify` at `now` on `bus`; returns what it printed.
fn notify(env: &mut Env, bus: &Bus, now: &str) -> String {
    env.at(now);
    let out = env
        .cmd()
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .arg("notify")
        .output()
        .expect("run draht");
    assert!(
        out.status.success(),
        "notify at {now}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_day_of_timer_runs_sends_each_reminder_once_at_its_time() {
    let bus = Bus::start();
    let mut env = people();
    let mut seen = Vec::new();
    for (now, expect) in [
        ("08:00", vec![]),
        ("08:30", vec!["2 people to call — Jonas Weber (21d), Mama"]),
        ("08:35", vec![]),
        (
            "09:00",
            vec!["Follow-up with Anna Schmidt — send the offer"],
        ),
        ("09:40", vec![]),
        (
            "09:45",
            vec!["Jour fixe with Anna Schmidt at 10:00 — call · ask about the Q3 launch"],
        ),
        ("09:50", vec![]),
        ("10:05", vec![]),
    ] {
        let printed = notify(&mut env, &bus, &at(now));
        seen.extend(expect.iter().map(|s| s.to_string()));
        assert_eq!(bus.lines(), seen, "after the run at {now}");
        assert_eq!(printed.lines().count(), expect.len(), "{now}: {printed}");
    }
    // Every run again, in the same order: nothing new.
    for now in ["08:30", "09:00", "09:45", "09:50"] {
        assert_eq!(notify(&mut env, &bus, &at(now)), "");
    }
    assert_eq!(bus.lines().len(), 3);
}

#[test]
fn after_a_sleep_a_reminder_less_than_an_hour_late_is_sent_an_older_one_not() {
    let bus = Bus::start();
    let mut env = Env::new(&at("07:00"));
    env.ok(&["add", "Ben Okafor"]);
    env.ok(&["add", "Lea Brandt"]);
    // Ben's reminder is due at 11:00, Lea's at 13:45.
    env.ok(&[
        "jourfixe",
        "add",
        "ben",
        "weekly tue 12:00",
        "--remind",
        "1h",
    ]);
    env.ok(&["jourfixe", "add", "lea", "weekly tue 14:00"]);
    assert_eq!(notify(&mut env, &bus, &at("10:55")), "");
    // asleep from 10:55 to 11:59: Ben's reminder is 59 minutes late
    notify(&mut env, &bus, &at("11:59"));
    assert_eq!(
        bus.lines(),
        ["Jour fixe with Ben Okafor at 12:00 — call"],
        "caught up"
    );
    // asleep from 13:40 to 14:45: Lea's is an hour late, and stays unsent
    notify(&mut env, &bus, &at("13:40"));
    notify(&mut env, &bus, &at("14:45"));
    notify(&mut env, &bus, &at("14:50"));
    assert_eq!(bus.lines().len(), 1, "{:?}", bus.lines());
}

#[test]
fn without_a_session_bus_it_says_so_and_records_nothing() {
    let mut env = people();
    env.at(&at("09:45"));
    // as under cron: no DBUS_SESSION_BUS_ADDRESS, no XDG_RUNTIME_DIR
    let err = env.fails(&["notify"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("draht: no session bus: DBUS_SESSION_BUS_ADDRESS is not set"),
        "{err}"
    );
    // All three are still due: nothing was recorded as sent.
    let pending = env.json(&["notify", "--dry-run"]);
    let kinds: Vec<&str> = pending["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["morning", "followup", "jourfixe"]);

    // A bus without a notification service: the same, with its own words.
    let mut bus = Bus::start();
    bus.stop_receiver();
    let out = env
        .cmd()
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .arg("notify")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no notification service on the session bus"),
        "{err}"
    );
    assert_eq!(
        env.json(&["notify", "--dry-run"])["reminders"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn dry_run_prints_what_it_would_send_and_json_says_what_was_sent() {
    let bus = Bus::start();
    let mut env = people();
    env.at(&at("09:46"));
    assert_eq!(
        env.ok(&["notify", "--dry-run"]),
        "Would send:\n  \
         2 people to call: Jonas Weber (21d), Mama\n  \
         Follow-up with Anna Schmidt — send the offer\n  \
         Jour fixe with Anna Schmidt at 10:00 — call · ask about the Q3 launch\n"
    );
    assert!(bus.calls().is_empty(), "a dry run sends nothing");
    let out = env
        .cmd()
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .args(["notify", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let sent: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sent["dry_run"], false);
    let jf = &sent["reminders"][2];
    assert_eq!(jf["kind"], "jourfixe");
    assert_eq!(jf["name"], "Anna Schmidt");
    assert_eq!(jf["time"], "10:00");
    assert_eq!(jf["hook"], "ask about the Q3 launch");
    assert_eq!(bus.calls().len(), 3);
    assert_eq!(env.ok(&["notify", "--dry-run"]), "Nothing to send now.\n");
}

#[test]
fn no_remind_and_a_skipped_date_send_nothing() {
    let bus = Bus::start();
    let mut env = Env::new(&at("07:00"));
    env.ok(&["add", "Ben Okafor"]);
    env.ok(&["add", "Lea Brandt"]);
    env.ok(&["jourfixe", "add", "ben", "weekly tue 10:00", "--no-remind"]);
    env.ok(&["jourfixe", "add", "lea", "weekly tue 10:00"]);
    env.ok(&["jourfixe", "skip", "2", "2026-12-08"]);
    notify(&mut env, &bus, &at("09:50"));
    assert!(bus.calls().is_empty(), "{:?}", bus.lines());
    // turned on again with its own lead, it reminds next week
    env.ok(&["jourfixe", "edit", "1", "--remind", "30min"]);
    notify(&mut env, &bus, "2026-12-15T09:30:00+01:00");
    assert_eq!(bus.lines(), ["Jour fixe with Ben Okafor at 10:00 — call"]);
}
