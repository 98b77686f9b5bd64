//! `draht sync` with nothing changed: a folder whose own time is the one
//! the last full look found, with no record of its kinds changed here, is
//! not listed at all (migration 0012). Every vdir writer renames files
//! into place, which moves the folder's time; an edit written in place
//! does not, and is seen by `--full` or by the first pass a day after the
//! last full look. The same folder named another way (a link, a relative
//! path) keeps its state.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::harness::{Env, replace_file};
use crate::sync::card_of;

const NOW: &str = "2026-12-07T10:00:00Z";

/// Dates the folder `dir` at `time`.
fn date_folder(dir: &Path, time: SystemTime) {
    std::fs::File::open(dir)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

/// Dates the folder `dir` ten seconds back: old enough to be trusted as
/// a mark (a pass trusts no time younger than two seconds).
fn settle(dir: &Path) {
    date_folder(dir, SystemTime::now() - Duration::from_secs(10));
}

/// A device with Anna (and `more` people) and the two folders it syncs,
/// after a first pass.
fn synced(more: &[&str]) -> (Env, tempfile::TempDir, PathBuf, PathBuf) {
    let env = Env::new(NOW);
    let folder = tempfile::tempdir().unwrap();
    let contacts = folder.path().join("contacts");
    let calendar = folder.path().join("calendar");
    env.ok(&["add", "Anna Schmidt", "--every", "3w", "--company", "ACME"]);
    for name in more {
        env.ok(&["add", name]);
    }
    env.ok(&["log", "Anna", "call", "--at", "2026-12-01"]);
    let first = env.ok(&sync_args(&contacts, &calendar, &[]));
    assert!(first.contains("Cards written: Anna Schmidt"), "{first}");
    (env, folder, contacts, calendar)
}

fn sync_args<'a>(contacts: &'a Path, calendar: &'a Path, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "sync",
        "--contacts",
        contacts.to_str().unwrap(),
        "--calendar",
        calendar.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    args
}

/// Anna with a call, synced into both folders, and a second pass that
/// finds the folders settled and keeps their marks.
fn marked() -> (Env, tempfile::TempDir, PathBuf, PathBuf) {
    let (env, folder, contacts, calendar) = synced(&[]);
    settle(&contacts);
    settle(&calendar);
    let second = env.ok(&sync_args(&contacts, &calendar, &[]));
    assert!(second.contains("In step"), "{second}");
    (env, folder, contacts, calendar)
}

/// A pass with `more` arguments that takes Anna's changed card.
fn takes_annas_card(env: &Env, contacts: &Path, calendar: &Path, more: &[&str]) {
    let out = env.ok(&sync_args(contacts, calendar, more));
    assert!(
        out.contains("updated from their cards: Anna Schmidt"),
        "{out}"
    );
}

/// Writes the card over itself, as an editor told to write in place
/// does: the folder's time stays.
fn edit_in_place(card: &Path) {
    let text = std::fs::read_to_string(card).unwrap();
    std::fs::write(card, text.replace("ORG:ACME", "ORG:Initech")).unwrap();
}

#[test]
fn an_edit_renamed_into_place_is_seen_by_the_next_pass() {
    let (env, _folder, contacts, calendar) = marked();
    let card = card_of(&contacts, "Anna Schmidt");
    let text = std::fs::read_to_string(&card).unwrap();
    replace_file(&card, text.replace("ORG:ACME", "ORG:Initech"));
    takes_annas_card(&env, &contacts, &calendar, &[]);
    assert!(env.ok(&["show", "Anna"]).contains("Initech"));
}

#[test]
fn a_change_here_is_written_though_the_folders_did_not_move() {
    let (env, _folder, contacts, calendar) = marked();
    env.ok(&["edit", "Anna", "--role", "CTO"]);
    env.ok(&["log", "Anna", "video", "--at", "2026-12-05"]);
    let out = env.ok(&sync_args(&contacts, &calendar, &[]));
    assert!(out.contains("Cards written: Anna Schmidt"), "{out}");
    let card = std::fs::read_to_string(card_of(&contacts, "Anna Schmidt")).unwrap();
    assert!(card.contains("TITLE:CTO"), "{card}");
    let journals = std::fs::read_dir(&calendar)
        .unwrap()
        .filter(|e| {
            std::fs::read_to_string(e.as_ref().unwrap().path())
                .unwrap()
                .contains("VJOURNAL")
        })
        .count();
    assert_eq!(journals, 2, "both touches are in the calendar folder");
}

#[test]
fn an_edit_written_in_place_waits_for_full_or_a_day() {
    let (env, _folder, contacts, calendar) = marked();
    let card = card_of(&contacts, "Anna Schmidt");
    edit_in_place(&card);
    // the folder's time did not move: the pass trusts its mark
    let out = env.ok(&sync_args(&contacts, &calendar, &[]));
    assert!(out.contains("In step"), "{out}");
    assert!(env.ok(&["show", "Anna"]).contains("ACME"));
    // --full looks at every file (a dry run first: it says, changes nothing)
    takes_annas_card(&env, &contacts, &calendar, &["--full", "--dry-run"]);
    assert!(env.ok(&["show", "Anna"]).contains("ACME"));
    takes_annas_card(&env, &contacts, &calendar, &["--full"]);
    assert!(env.ok(&["show", "Anna"]).contains("Initech"));
}

#[test]
fn a_mark_older_than_a_day_is_not_trusted() {
    let (env, _folder, contacts, calendar) = marked();
    edit_in_place(&card_of(&contacts, "Anna Schmidt"));
    // the last full look was two days ago
    let db = rusqlite::Connection::open(env.db()).unwrap();
    let moved = db
        .execute(
            "UPDATE sync_folders SET marked_at = marked_at - 2 * 86400 WHERE mark_ns IS NOT NULL",
            [],
        )
        .unwrap();
    assert_eq!(moved, 2, "both folders had a mark");
    drop(db);
    takes_annas_card(&env, &contacts, &calendar, &[]);
}

#[test]
fn a_fresh_folder_time_is_not_kept_as_a_mark() {
    let (env, _folder, contacts, calendar) = synced(&[]);
    // a folder time younger than two seconds (here: one a clock ahead of
    // this machine's gave it) is kept as no mark, so an in-place edit
    // right after the pass is still seen
    for dir in [&contacts, &calendar] {
        date_folder(dir, SystemTime::now() + Duration::from_secs(60));
    }
    env.ok(&sync_args(&contacts, &calendar, &[]));
    edit_in_place(&card_of(&contacts, "Anna Schmidt"));
    takes_annas_card(&env, &contacts, &calendar, &[]);
}

#[test]
fn the_same_folder_by_another_name_keeps_its_state() {
    let (env, folder, contacts, calendar) = synced(&["Ben Meyer"]);
    // the folders through a link, as `~/.contacts` often is
    let link = folder.path().join("link");
    std::os::unix::fs::symlink(folder.path(), &link).unwrap();
    let (linked_contacts, linked_calendar) = (link.join("contacts"), link.join("calendar"));
    let out = env.ok(&sync_args(&linked_contacts, &linked_calendar, &[]));
    assert!(out.contains("In step"), "{out}");
    // a card deleted elsewhere (khard remove) archives its contact: the
    // pass knows the card was there, it is not a new folder without it
    std::fs::remove_file(card_of(&contacts, "Ben Meyer")).unwrap();
    let out = env.ok(&sync_args(&linked_contacts, &linked_calendar, &[]));
    assert!(
        out.contains("Contacts archived (card deleted): Ben Meyer"),
        "{out}"
    );
    assert!(!out.contains("Cards written"), "{out}");
    // and a card edited there is seen through either name
    let card = card_of(&contacts, "Anna Schmidt");
    let text = std::fs::read_to_string(&card).unwrap();
    replace_file(&card, text.replace("ORG:ACME", "ORG:Initech"));
    takes_annas_card(&env, &contacts, &calendar, &[]);
}
