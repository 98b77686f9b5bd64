//! `draht sync --setup URL --write`: the vdirsyncer config it writes works
//! as written (the user fills in only the login) against a real Radicale
//! on 127.0.0.1 and real vdirsyncer: `vdirsyncer discover` makes the
//! collections, `draht sync --run` puts a contact and a Jour fixe on the
//! server, and a second device set up the same way gets them into folders
//! that real khal and khard read.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::harness::Env;
use crate::sync::{khal_list, khard_list};
use crate::sync_dav::{INSTALL, Radicale};

const NOW: &str = "2026-12-07T10:00:00Z";

/// A device whose draht config names both folders in `[sync]`.
fn device() -> Env {
    let env = Env::new(NOW);
    let config = env.dir.path().join("config/draht");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[sync]\ncontacts = \"~/.contacts/draht\"\ncalendar = \"~/.calendars/draht\"\n",
    )
    .unwrap();
    env
}

/// Where vdirsyncer reads its config in `env` (XDG_CONFIG_HOME).
fn vdirsyncer_config(env: &Env) -> PathBuf {
    env.dir.path().join("config/vdirsyncer/config")
}

/// Sets the device up as a user does: `--setup URL --write`, the login
/// filled in where the comments say, `vdirsyncer discover`.
fn set_up(env: &Env, server: &Radicale) {
    let url = format!("http://127.0.0.1:{}/", server.port);
    let out = env.ok(&["sync", "--setup", &url, "--write"]);
    let path = vdirsyncer_config(env);
    assert!(
        out.contains(&path.display().to_string()) && out.contains("vdirsyncer discover"),
        "{out}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("# username = ").count(), 2, "{text}");
    let filled = text
        .replace("# username = \"you@example.com\"", "username = \"u\"")
        .replace(
            "# password.fetch = [\"command\", \"pass\", \"show\", \"dav\"]",
            "password.fetch = [\"command\", \"echo\", \"p\"]",
        );
    assert_eq!(filled.matches("\nusername = \"u\"").count(), 2, "{filled}");
    std::fs::write(&path, filled).unwrap();
    let out = Command::new("vdirsyncer")
        .arg("discover")
        .env_clear()
        .envs(env.vars())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run vdirsyncer ({e}); {INSTALL}"));
    assert!(
        out.status.success(),
        "vdirsyncer discover failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn server_texts(server: &Radicale, collection: &str) -> Vec<String> {
    server
        .collection(collection)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn the_written_config_brings_a_contact_to_the_server_and_to_khal_and_khard_elsewhere() {
    let server = Radicale::start();
    let a = device();
    a.ok(&["add", "Anna Schmidt", "--every", "3w"]);
    a.ok(&["jourfixe", "add", "anna", "every 2nd tue 10:00"]);
    set_up(&a, &server);
    let out = a.ok(&["sync", "--run"]);
    assert!(out.contains("Cards written: Anna Schmidt"), "{out}");
    let cards = server_texts(&server, "draht-contacts");
    assert!(
        cards.len() == 1 && cards[0].contains("FN:Anna Schmidt"),
        "the server holds Anna's card: {cards:?}"
    );
    let events = server_texts(&server, "draht-calendar");
    assert!(
        events
            .iter()
            .any(|e| e.contains("RRULE:FREQ=MONTHLY;BYDAY=2TU")),
        "the server holds the Jour fixe: {events:?}"
    );

    // a second machine, set up the same way, gets both
    let b = device();
    set_up(&b, &server);
    let out = b.ok(&["sync", "--run"]);
    assert!(out.contains("Anna Schmidt"), "{out}");
    assert!(b.ok(&["jourfixe", "list"]).contains("next Tue 8 Dec"));
    // and khal and khard read the folders vdirsyncer filled there
    let home = b.dir.path();
    let khal = khal_list(home, &home.join(".calendars/draht"));
    for line in [
        "2026-12-08",
        "10:00-10:30 Jour fixe: call with Anna Schmidt",
    ] {
        assert!(khal.contains(line), "khal lists {line}: {khal}");
    }
    let khard = khard_list(home, &home.join(".contacts/draht"));
    assert!(khard.contains("Anna Schmidt"), "{khard}");

    // a config that is there is never overwritten
    let path = vdirsyncer_config(&a);
    let before = std::fs::read(&path).unwrap();
    let url = format!("http://127.0.0.1:{}/", server.port);
    let err = a.fails(&["sync", "--setup", &url, "--write"], 1);
    assert!(
        err.contains("already exists") && err.contains("move it away"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn setup_prints_the_config_and_says_what_is_missing() {
    let a = Env::new(NOW);
    let err = a.fails(&["sync", "--setup", "https://dav.example.com/"], 2);
    assert!(
        err.contains("[sync] contacts = \"~/.contacts/draht\"")
            && err.contains("calendar = \"~/.calendars/draht\""),
        "{err}"
    );
    let a = device();
    let err = a.fails(&["sync", "--setup", "dav.example.com"], 2);
    assert!(err.contains("https://"), "{err}");
    let text = a.ok(&["sync", "--setup", "https://dav.example.com/"]);
    let home = a.dir.path().display().to_string();
    for line in [
        "type = \"carddav\"".to_string(),
        "type = \"caldav\"".to_string(),
        "url = \"https://dav.example.com/\"".to_string(),
        format!("path = \"{home}/.contacts/\""),
        format!("path = \"{home}/.calendars/\""),
        format!("status_path = \"{home}/data/vdirsyncer/status/\""),
        "conflict_resolution = \"a wins\"".to_string(),
    ] {
        assert!(text.contains(&line), "{line} in {text}");
    }
    assert!(!vdirsyncer_config(&a).exists(), "printing writes nothing");
    // VDIRSYNCER_CONFIG names the file to write
    let chosen = a.dir.path().join("vdirsyncer.conf");
    let out = a
        .cmd()
        .env("VDIRSYNCER_CONFIG", &chosen)
        .args(["sync", "--setup", "https://dav.example.com/", "--write"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&chosen).unwrap(), text);
    assert!(!vdirsyncer_config(&a).exists());
}
