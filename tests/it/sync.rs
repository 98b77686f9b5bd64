//! `draht sync`: two devices (two databases) and one contacts vdir, as
//! vdirsyncer leaves it on each machine. A contact added on one device
//! reaches the other, a card edited elsewhere updates its contact and
//! keeps what draht does not read, a conflict keeps both values, a
//! deleted card archives its contact, and a dry run changes nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::harness::Env;

const NOW: &str = "2026-12-07T10:00:00Z";

fn device() -> Env {
    Env::new(NOW)
}

fn sync(env: &Env, dir: &Path) -> String {
    env.ok(&["sync", "--contacts", dir.to_str().unwrap()])
}

fn card_of(dir: &Path, name: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .contains(&format!("FN:{name}"))
        })
        .unwrap_or_else(|| panic!("no card of {name} in {}", dir.display()))
}

/// Edits a card as khard would, and dates the file `secs` from now (the
/// newer side wins a conflict).
fn edit_card(path: &Path, edit: impl Fn(&str) -> String, secs: u64) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, edit(&text)).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(secs))
        .unwrap();
}

fn add_line(text: &str, line: &str) -> String {
    text.replace("END:VCARD", &format!("{line}\r\nEND:VCARD"))
}

#[test]
fn a_contact_added_on_one_device_reaches_the_other() {
    let (a, b) = (device(), device());
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    a.ok(&["add", "Anna Schmidt", "--every", "3w", "--company", "ACME"]);
    a.ok(&["hook", "Anna", "sailing in June", "--kind", "hobby"]);
    let first = sync(&a, &dir);
    assert!(first.contains("Cards written: Anna Schmidt"), "{first}");
    let on_b = sync(&b, &dir);
    assert!(
        on_b.contains("added from the folder: Anna Schmidt"),
        "{on_b}"
    );
    let show = b.ok(&["show", "Anna"]);
    assert!(show.contains("ACME"), "{show}");
    assert!(show.contains("every 3w"), "{show}");
    assert!(show.contains("sailing in June"), "{show}");
    // the same UID on both devices: one person, one card
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    for env in [&a, &b] {
        assert!(
            sync(env, &dir).contains("In step"),
            "a second pass changes nothing"
        );
    }
}

#[test]
fn a_card_edited_elsewhere_updates_the_contact_and_keeps_what_draht_does_not_read() {
    let a = device();
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    a.ok(&["add", "Anna Schmidt", "--company", "ACME"]);
    sync(&a, &dir);
    let card = card_of(&dir, "Anna Schmidt");
    edit_card(
        &card,
        |t| {
            add_line(
                &t.replace("ORG:ACME", "ORG:Initech"),
                "ADR;TYPE=home:;;Weg 1;Berlin;;;\r\nX-PHONE-APP:kept",
            )
        },
        0,
    );
    let out = sync(&a, &dir);
    assert!(
        out.contains("updated from their cards: Anna Schmidt"),
        "{out}"
    );
    assert!(a.ok(&["show", "Anna"]).contains("Initech"));
    // draht changes the contact: the card is rewritten, the address and
    // the phone app's property stay
    a.ok(&["edit", "Anna", "--role", "CTO"]);
    let out = sync(&a, &dir);
    assert!(out.contains("Cards written: Anna Schmidt"), "{out}");
    let text = std::fs::read_to_string(&card).unwrap();
    for line in [
        "TITLE:CTO",
        "ORG:Initech",
        "ADR;TYPE=home:;;Weg 1;Berlin;;;",
        "X-PHONE-APP:kept",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
}

#[test]
fn a_conflict_keeps_both_sides_values() {
    let a = device();
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    a.ok(&["add", "Anna Schmidt", "--company", "ACME"]);
    sync(&a, &dir);
    a.ok(&["edit", "Anna", "--company", "Globex"]);
    // the folder changed the same field later, and another field too
    edit_card(
        &card_of(&dir, "Anna Schmidt"),
        |t| add_line(&t.replace("ORG:ACME", "ORG:Umbrella"), "NICKNAME:Annie"),
        5,
    );
    let out = sync(&a, &dir);
    assert!(
        out.contains("merged (both sides changed): Anna Schmidt"),
        "{out}"
    );
    assert!(out.contains("Conflict: Anna Schmidt company"), "{out}");
    assert!(
        out.contains("Globex"),
        "the losing value is reported: {out}"
    );
    let show = a.ok(&["show", "Anna"]);
    assert!(show.contains("Umbrella"), "the newer value wins: {show}");
    assert!(
        show.contains("(Annie)"),
        "a field only one side changed is taken: {show}"
    );
    assert!(
        show.contains("Globex"),
        "the losing value is kept in the note: {show}"
    );
    let text = std::fs::read_to_string(card_of(&dir, "Anna Schmidt")).unwrap();
    assert!(
        text.contains("ORG:Umbrella") && text.contains("Globex"),
        "{text}"
    );
    assert!(sync(&a, &dir).contains("In step"));
}

#[test]
fn a_deleted_card_archives_its_contact_and_keeps_the_history() {
    let a = device();
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    a.ok(&["add", "Anna Schmidt"]);
    a.ok(&[
        "log",
        "Anna",
        "call",
        "Q3 review",
        "--at",
        "2026-12-01 10:00",
    ]);
    sync(&a, &dir);
    std::fs::remove_file(card_of(&dir, "Anna Schmidt")).unwrap();
    let out = sync(&a, &dir);
    assert!(
        out.contains("archived (card deleted): Anna Schmidt"),
        "{out}"
    );
    let list = a.ok(&["list", "--archived"]);
    assert!(
        list.contains("Anna Schmidt") && list.contains("archived"),
        "{list}"
    );
    assert!(a.ok(&["show", "Anna"]).contains("Q3 review"));
    assert!(sync(&a, &dir).contains("In step"));
}

#[test]
fn a_dry_run_says_what_would_change_and_changes_nothing() {
    let a = device();
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    a.ok(&["add", "Anna Schmidt"]);
    sync(&a, &dir);
    a.ok(&["edit", "Anna", "--company", "Globex"]);
    let card = card_of(&dir, "Anna Schmidt");
    let card_before = std::fs::read(&card).unwrap();
    let db_before = a.db_bytes();
    let out = a.ok(&["sync", "--contacts", dir.to_str().unwrap(), "--dry-run"]);
    assert!(out.contains("Dry run, nothing changed."), "{out}");
    assert!(
        out.contains("Cards would be written: Anna Schmidt"),
        "{out}"
    );
    assert_eq!(std::fs::read(&card).unwrap(), card_before);
    assert_eq!(a.db_bytes(), db_before);
}

#[test]
fn the_folder_comes_from_the_config_or_the_error_says_how_to_give_it() {
    let a = device();
    a.ok(&["add", "Anna Schmidt"]);
    let err = a.fails(&["sync"], 2);
    assert!(
        err.contains("--contacts DIR") && err.contains("[sync] contacts"),
        "{err}"
    );
    let config = a.dir.path().join("config").join("draht");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[sync]\ncontacts = \"~/.contacts/draht\"\n",
    )
    .unwrap();
    assert!(a.ok(&["sync"]).contains("Cards written: Anna Schmidt"));
    let dir = a.dir.path().join(".contacts").join("draht");
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}
