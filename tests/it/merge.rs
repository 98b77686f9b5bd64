//! `draht merge A B`: the duplicates two address books give made one,
//! nothing lost; a dry run first, a question on a terminal, `--yes` in a
//! pipe.

use serde_json::json;

use crate::harness::Env;
use crate::import::{NOW, contact, fixture};
use crate::tty::Tmux;

/// The same Anna from a second address book: another name, a UID, a
/// photo, a home address and a private e-mail.
const SECOND: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:apple-anna-1\r\nFN:Anna M. Schmidt\r\n\
    N:Schmidt;Anna;M.;;\r\nEMAIL;TYPE=HOME:anna.m@private.example\r\nEMAIL;TYPE=WORK:ANNA.SCHMIDT@acme.example\r\n\
    TEL;TYPE=CELL:+49 170 1234567\r\nitem1.ADR;TYPE=HOME:;;Seestraße 5;Potsdam;;14467;Deutschland\r\n\
    item1.X-ABLabel:Sommerhaus\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==\r\n\
    CATEGORIES:Segeln\r\nX-SOCIALPROFILE;TYPE=mastodon:https://social.example/@anna\r\nEND:VCARD\r\n";

fn two_books() -> (Env, String) {
    let env = Env::new(NOW);
    env.ok(&["import", &fixture("google.vcf")]);
    let second = env.dir.path().join("second.vcf");
    std::fs::write(&second, SECOND).unwrap();
    let second = second.to_str().unwrap().to_string();
    env.ok(&["import", &second]);
    env.ok(&[
        "log",
        "Anna Schmidt",
        "call",
        "Q3 review",
        "--at",
        "2026-11-02 10:00",
    ]);
    env.ok(&[
        "log",
        "Anna M. Schmidt",
        "coffee",
        "sailing plans",
        "--at",
        "2026-11-10 16:00",
    ]);
    env.ok(&[
        "log",
        "Anna Schmidt",
        "meet",
        "lunch",
        "--with",
        "Anna M. Schmidt",
        "--at",
        "2026-11-12 12:00",
    ]);
    env.ok(&[
        "hook",
        "Anna M. Schmidt",
        "regatta in June",
        "--kind",
        "hobby",
    ]);
    env.ok(&["remind", "Anna M. Schmidt", "2026-12-01", "send the photos"]);
    env.ok(&[
        "jourfixe",
        "add",
        "Anna M. Schmidt",
        "monthly last fri 16:30",
    ]);
    env.ok(&["edit", "Anna M. Schmidt", "--every", "2w"]);
    (env, second)
}

#[test]
fn a_dry_run_shows_what_would_happen_and_changes_nothing() {
    let (env, _) = two_books();
    let before = env.db_bytes();
    let out = env.ok(&["merge", "Anna Schmidt", "Anna M. Schmidt", "--dry-run"]);
    assert!(
        out.starts_with(
            "Dry run, nothing was changed.\nMerge Anna M. Schmidt into Anna Schmidt:\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("moves 2 touches (1 with both, kept once), 1 hook, 1 follow-up, 1 Jour fixe"),
        "{out}"
    );
    assert!(
        out.contains("adds e-mails anna.m@private.example; tags Segeln"),
        "{out}"
    );
    assert!(out.contains("takes from Anna M. Schmidt: cadence"), "{out}");
    let plan = env.json(&["merge", "anna schmidt", "anna m", "--dry-run"]);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["added_emails"], json!(["anna.m@private.example"]));
    assert_eq!(env.db_bytes(), before);
}

#[test]
fn in_a_pipe_a_merge_needs_yes() {
    let (env, _) = two_books();
    let before = env.db_bytes();
    let err = env.fails(&["merge", "Anna Schmidt", "Anna M. Schmidt"], 2);
    assert!(err.contains("add --yes to confirm, or --dry-run"), "{err}");
    assert_eq!(env.db_bytes(), before);
    let err = env.fails(&["merge", "Anna Schmidt", "anna schmidt", "--yes"], 2);
    assert!(err.contains("name two different contacts"), "{err}");
}

#[test]
fn one_contact_keeps_both_sides_and_a_reimport_brings_no_duplicate_back() {
    let (env, second) = two_books();
    let out = env.ok(&["merge", "Anna Schmidt", "Anna M. Schmidt", "--yes"]);
    assert_eq!(out, "Merged Anna M. Schmidt into Anna Schmidt.\n");
    let brief = env.json(&["show", "Anna Schmidt"]);
    let anna = &brief["contact"];
    assert_eq!(brief["touches"].as_array().unwrap().len(), 3, "{brief}");
    assert_eq!(brief["hooks"][0]["text"], "regatta in June");
    assert_eq!(brief["followups"][0]["note"], "send the photos");
    assert_eq!(anna["cadence_days"], 14, "the shorter cadence");
    let emails: Vec<&str> = anna["emails"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        [
            "anna.schmidt@acme.example",
            "anna@schmidt.example",
            "anna@segelclub-wannsee.example",
            "anna.m@private.example"
        ]
    );
    assert_eq!(anna["tags"], json!(["Kunden", "Segeln"]));
    let jourfixe = env.ok(&["jourfixe", "list"]);
    assert!(jourfixe.contains("Anna Schmidt"), "{jourfixe}");
    assert!(
        env.fails(&["show", "Anna M. Schmidt"], 2)
            .contains("no contact matches"),
        "B is gone"
    );
    // The card holds what both cards held.
    let card = env.ok(&["export", "vcard"]);
    let anna_card = card
        .split("BEGIN:VCARD")
        .find(|c| c.contains("FN:Anna Schmidt"))
        .unwrap();
    for line in [
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==",
        "ADR;TYPE=HOME:;;Seestraße 5;Potsdam;;14467;Deutschland",
        "X-ABLabel:Sommerhaus",
        "X-SOCIALPROFILE;TYPE=mastodon:https://social.example/@anna",
        "ADR;TYPE=WORK:;;Friedrichstraße 100;Berlin;;10117;Deutschland",
        "EMAIL;TYPE=HOME:anna.m@private.example",
        "N:Schmidt;Anna;;;",
    ] {
        assert!(anna_card.contains(line), "{line} in {anna_card}");
    }
    // Both address books again: they update the one contact.
    for file in [fixture("google.vcf"), second] {
        let report = env.json(&["import", &file]);
        assert_eq!(report["added"], json!([]), "{file}: {report}");
    }
    let list = env.json(&["list", "--archived"]);
    assert_eq!(list.as_array().unwrap().len(), 4, "{list}");
    assert_eq!(contact(&env, "Anna Schmidt")["cadence_days"], 14);
}

/// On a terminal the merge shows what it will do and asks; "n" keeps both.
#[test]
fn on_a_terminal_it_asks_first() {
    let (env, _) = two_books();
    let run = |answer: &str| -> String {
        let tty = Tmux::draht(
            &env,
            "merge 'Anna Schmidt' 'Anna M. Schmidt'",
            "true",
            (100, 30),
        );
        let asked = tty.wait_for("Merge them? [y/N]");
        assert!(asked.contains("moves 2 touches"), "{asked}");
        tty.keys(&[answer, "Enter"]);
        tty.wait_for("rc=")
    };
    let shown = run("n");
    assert!(
        shown.contains("not merged") && shown.contains("rc=2"),
        "{shown}"
    );
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 5);
    let shown = run("y");
    assert!(
        shown.contains("Merged Anna M. Schmidt into Anna Schmidt."),
        "{shown}"
    );
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 4);
}
