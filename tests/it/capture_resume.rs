//! A `draht capture` killed after its first commit resumes where it
//! stopped and ends exactly as a run that was never interrupted.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::capture::{NOW, add, capture, config, days, env, path, touches};
use super::capture_fixtures::{self as fx, ME, date, deliver, maildir, unix};
use super::harness::Env;

#[test]
fn a_killed_capture_resumes_and_ends_as_an_uninterrupted_one() {
    const MESSAGES: usize = 30_000;
    let make = |env: &Env| -> PathBuf {
        add(env, "Anna", "anna@x.de");
        add(env, "Ben", "ben@x.de");
        let mail = env.dir.path().join("Mail");
        if !mail.exists() {
            maildir(env.dir.path(), "Mail");
            for i in 0..MESSAGES {
                let d = 1 + (i % 29) as u32;
                let who = if i % 3 == 0 { "ben@x.de" } else { "anna@x.de" };
                let text = fx::plain(
                    who,
                    ME,
                    &date(d, (i % 20) as u32, (i % 60) as u32),
                    &format!("k{i}@x"),
                );
                deliver(&mail, unix(d, 0, 0) + i as i64, i, &text);
            }
        }
        mail
    };
    let env = env();
    let mail = make(&env);
    let mut child =
        super::rel_support::draht_cmd(env.dir.path(), &env.db(), &["capture", path(&mail)])
            .env("DRAHT_NOW", NOW)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn draht");
    // Wait for the first commit, then kill it without warning.
    let start = Instant::now();
    loop {
        let keys: i64 = rusqlite::Connection::open(env.db())
            .and_then(|c| c.query_row("SELECT count(*) FROM capture_keys", [], |r| r.get(0)))
            .unwrap_or(0);
        if keys > 0 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "draht finished before its first commit was seen"
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no commit within a minute"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "killed mid-way, not finished: {status:?}"
    );
    let resumed = capture(&env, &[path(&mail)]);
    let read = resumed["sources"][0]["read"].as_u64().unwrap();
    assert!(
        read < MESSAGES as u64,
        "the resumed run read only what was left: {read}"
    );
    assert_eq!(resumed["sources"][0]["whole"], false);
    // The same as a run that was never interrupted.
    let fresh = Env::new(NOW);
    config(&fresh, &format!("[me]\nemails = [\"{ME}\"]\n"));
    add(&fresh, "Anna", "anna@x.de");
    add(&fresh, "Ben", "ben@x.de");
    capture(&fresh, &[path(&mail)]);
    for name in ["Anna", "Ben"] {
        let strip = |v: Vec<Value>| -> Vec<(String, String, u64)> { days(&v) };
        assert_eq!(
            strip(touches(&env, name)),
            strip(touches(&fresh, name)),
            "{name}"
        );
        let got = env.json(&["show", name])["written_streak"].clone();
        assert_eq!(got, fresh.json(&["show", name])["written_streak"]);
    }
    let items = |e: &Env| -> u64 {
        days(&touches(e, "Anna"))
            .iter()
            .chain(days(&touches(e, "Ben")).iter())
            .map(|d| d.2)
            .sum()
    };
    assert_eq!(items(&env), MESSAGES as u64, "every message counted once");
    assert_eq!(items(&fresh), MESSAGES as u64);
}
