//! Exports in a hostile world: data formats printed on a terminal carry
//! no raw escape (an OSC 52 clipboard write in a name stays text), and the
//! calendar cannot be split by a carriage return in a name or note (read
//! back by Python's icalendar, an independent parser).

use std::path::Path;
use std::process::Command;

use crate::harness::Env;

const NOW: &str = "2026-11-23T12:00:00+01:00";

/// Runs a command on a pseudo-terminal (standard input, output and error)
/// and prints every byte it wrote there; exits as it exited.
const ON_PTY: &str = r#"
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
"#;

/// `draht ARGS` against `db` as the harness runs it, but on a terminal:
/// its exit code and every byte it wrote to the terminal.
pub fn on_terminal(home: &Path, db: &Path, args: &[&str]) -> (Option<i32>, Vec<u8>) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(ON_PTY)
        .arg(assert_cmd::cargo::cargo_bin("draht"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("DRAHT_NOW", NOW)
        .env("TZ", "Europe/Berlin")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .output()
        .expect("python3 (its standard library runs the pseudo-terminal)");
    (out.status.code(), out.stdout)
}

/// What in `bytes` would reach a terminal as a control sequence or
/// reorder its line: bytes that are not UTF-8 (a raw C1 byte is an 8-bit
/// CSI to some terminals), ESC, BEL and the other controls but tab, line
/// feed and carriage return (C1 ones included), and bidi controls.
pub fn raw_escapes(bytes: &[u8]) -> Vec<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return vec![format!("not UTF-8 at byte {}", e.valid_up_to())],
    };
    let unsafe_char = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    text.char_indices()
        .filter(|(_, c)| unsafe_char(*c))
        .map(|(i, c)| {
            let around: String = text[i.saturating_sub(12)..].chars().take(24).collect();
            format!("{c:?} at byte {i}: {around:?}")
        })
        .collect()
}

/// Text an attacker puts in a record: an OSC 52 clipboard write, a CSI in
/// both its forms, a bell, a bidi override.
const EVIL: &str = "Eve\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt";

/// A database with [`EVIL`] in every text field, written past the store
/// (as an older draht or another program could have left it).
fn database_with_raw_escapes(env: &Env) {
    env.ok(&["add", "Eve", "--every", "1w", "--email", "eve@example.org"]);
    env.ok(&["log", "eve", "call", "x"]);
    env.ok(&["hook", "eve", "x"]);
    env.ok(&["remind", "eve", "2026-11-24", "x"]);
    env.ok(&["jourfixe", "add", "eve", "weekly tue 10:00", "--note", "x"]);
    let conn = rusqlite::Connection::open(env.db()).unwrap();
    conn.execute_batch(&format!(
        "UPDATE contacts SET name = '{EVIL}', nickname = '{EVIL}', company = '{EVIL}',
             role = '{EVIL}', notes = '{EVIL}';
         UPDATE contact_tags SET tag = '{EVIL}';
         INSERT INTO contact_tags VALUES (1, 'plain');
         UPDATE contact_emails SET label = '{EVIL}';
         UPDATE touches SET note = '{EVIL}';
         UPDATE hooks SET text = '{EVIL}';
         UPDATE followups SET note = '{EVIL}';
         UPDATE jourfixes SET note = '{EVIL}';"
    ))
    .unwrap();
}

#[test]
fn exports_and_json_on_a_terminal_carry_no_raw_escape() {
    let env = Env::new(NOW);
    database_with_raw_escapes(&env);
    let commands: &[&[&str]] = &[
        &["export", "vcard"],
        &["export", "vcard", "--vcard-version", "3.0"],
        &["export", "csv"],
        &["export", "ics"],
        &["export", "json"],
        &["list", "--csv"],
        &["list", "--json"],
        &["list"],
        &["today"],
        &["today", "--json"],
        &["show", "eve"],
        &["show", "eve", "--json"],
        &["jourfixe", "list"],
        &["jourfixe", "list", "--json"],
        &["stats", "--json"],
    ];
    for args in commands {
        let (code, bytes) = on_terminal(env.dir.path(), &env.db(), args);
        assert_eq!(
            code,
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&bytes)
        );
        let found = raw_escapes(&bytes);
        assert!(found.is_empty(), "{args:?} on a terminal: {found:#?}");
        assert!(
            String::from_utf8_lossy(&bytes).contains("Eve"),
            "{args:?} shows the name"
        );
    }
    // in a pipe or a file the data stays exactly as stored
    let piped = env.ok(&["export", "json"]);
    assert!(piped.contains("\\u001b]52;c;ZXZpbA==\\u0007"), "{piped}");
    assert!(piped.contains('\u{9b}') && piped.contains('\u{202e}'));
    let file = env.dir.path().join("all.json");
    let (code, _) = on_terminal(
        env.dir.path(),
        &env.db(),
        &["export", "json", "-o", file.to_str().unwrap()],
    );
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), piped);
    // and JSON shown on a terminal is still the same JSON
    let (_, shown) = on_terminal(env.dir.path(), &env.db(), &["export", "json"]);
    let shown = String::from_utf8(shown).unwrap().replace("\r\n", "\n");
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        shown,
        serde_json::from_str::<serde_json::Value>(&piped).unwrap()
    );
}

/// Reads a calendar with Python's icalendar in text mode and prints each
/// event's SUMMARY as JSON.
const SUMMARIES: &str = r#"
import json, sys
try:
    import icalendar
except ImportError as e:
    sys.exit("missing Python module: %s — python3 -m pip install icalendar (.ci/run does)" % e)
cal = icalendar.Calendar.from_ical(open(sys.argv[1], newline="").read())
print(json.dumps([str(e.get("SUMMARY", "")) for e in cal.walk("VEVENT")]))
"#;

#[test]
fn a_carriage_return_in_a_card_or_note_cannot_split_the_calendar() {
    let env = Env::new(NOW);
    let vcf = env.dir.path().join("evil.vcf");
    std::fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:2.1\r\n\
         FN;ENCODING=QUOTED-PRINTABLE:Evil=0DEND:VEVENT=0DBEGIN:VEVENT=0DSUMMARY:pwned=0D\r\n\
         END:VCARD\r\n",
    )
    .unwrap();
    env.ok(&["import", vcf.to_str().unwrap(), "--every", "1w"]);
    let name = env.json(&["list"])[0]["name"]
        .as_str()
        .expect("one contact")
        .to_string();
    assert!(!name.contains('\r'), "stored without its CR: {name:?}");
    // due today, as added today (the import spread its first check-in)
    env.ok(&["edit", &name, "--no-snooze"]);
    // past the week that would make the check-in `planned`
    env.ok(&[
        "remind",
        &name,
        "2026-12-10",
        "call\rEND:VEVENT\rBEGIN:VEVENT\rback",
    ]);
    let file = env.dir.path().join("draht.ics");
    let said = env.ok(&["export", "ics", "-o", file.to_str().unwrap()]);
    assert!(said.contains("1 follow-up and 1 check-in"), "{said}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.replace("\r\n", "").contains('\r'),
        "a CR outside a line end: {text:?}"
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(SUMMARIES)
        .arg(&file)
        .output()
        .expect("python3 (with `python3 -m pip install icalendar`, as .ci/run does)");
    assert!(
        out.status.success(),
        "python could not read the calendar: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summaries: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summaries.len(), 2, "one event per record: {summaries:?}");
    assert!(
        summaries.iter().all(|s| s.contains("Evil")),
        "{summaries:?}"
    );
    assert!(
        summaries[0].ends_with("call\nEND:VEVENT\nBEGIN:VEVENT\nback"),
        "{summaries:?}"
    );
}
