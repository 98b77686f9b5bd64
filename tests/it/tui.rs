//! The real binary in a real pseudo-terminal: tmux runs `draht`, types the
//! keys to log a call, sees a `draht log` from "another shell" appear, quits,
//! and checks the database row and that the terminal was given back.
//!
//! The terminal is tmux (`tty::Tmux`).

use super::harness::Env;
use super::tty::{Tmux, quote};

const NOW: &str = "2026-12-01T12:00:00+01:00";

#[test]
fn log_a_call_in_the_tui_then_quit_and_the_terminal_is_back() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--sphere", "work", "--every", "2w"]);
    let bin = assert_cmd::cargo::cargo_bin("draht");
    let script = format!(
        "clear; echo 'shell before draht'; env -i PATH={path} HOME={home} DRAHT_DB={db} DRAHT_NOW={now} TZ=Europe/Berlin TERM=xterm-256color XDG_CONFIG_HOME={home}/config {bin}; echo \"draht exited $?\"; sleep 60",
        path = quote(&std::env::var("PATH").unwrap_or_default()),
        home = quote(&env.dir.path().display().to_string()),
        db = quote(&env.db().display().to_string()),
        now = quote(NOW),
        bin = quote(&bin.display().to_string()),
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
