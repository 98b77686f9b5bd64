//! `draht sync`: two devices (two databases) and one contacts vdir, as
//! vdirsyncer leaves it on each machine. A contact added on one device
//! reaches the other, a card edited elsewhere updates its contact and
//! keeps what draht does not read, a conflict keeps both values, a
//! deleted card archives its contact, and a dry run changes nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::harness::{Env, replace_file};

const NOW: &str = "2026-12-07T10:00:00Z";

fn device() -> Env {
    Env::new(NOW)
}

fn sync(env: &Env, dir: &Path) -> String {
    env.ok(&["sync", "--contacts", dir.to_str().unwrap()])
}

/// The card file of `dir` that holds `FN:name` (shared by the sync tests).
pub(crate) fn card_of(dir: &Path, name: &str) -> PathBuf {
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
    replace_file(path, edit(&text));
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

fn sync_both(env: &Env, contacts: &Path, calendar: &Path) -> String {
    env.ok(&[
        "sync",
        "--contacts",
        contacts.to_str().unwrap(),
        "--calendar",
        calendar.to_str().unwrap(),
    ])
}

fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_jour_fixe_travels_as_an_event_and_comes_back_changed() {
    let (a, b) = (device(), device());
    let folder = tempfile::tempdir().unwrap();
    let (contacts, calendar) = (
        folder.path().join("contacts"),
        folder.path().join("calendar"),
    );
    a.ok(&["add", "Anna Schmidt", "--every", "3w"]);
    a.ok(&["jourfixe", "add", "anna", "every 2nd tue 10:00"]);
    let out = sync_both(&a, &contacts, &calendar);
    assert!(
        out.contains("Jour fixe written to the calendar, with: Anna Schmidt"),
        "{out}"
    );
    let ics = only_file(&calendar);
    let text = std::fs::read_to_string(&ics).unwrap();
    for line in [
        "BEGIN:VEVENT",
        "RRULE:FREQ=MONTHLY;BYDAY=2TU",
        "DTSTART:20261208T100000",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    // B takes the contact and then its Jour fixe in one pass
    let out = sync_both(&b, &contacts, &calendar);
    assert!(
        out.contains("Jour fixe added from the calendar, with: Anna Schmidt"),
        "{out}"
    );
    assert!(b.ok(&["jourfixe", "list"]).contains("next Tue 8 Dec"));
    // B skips a date: an EXDATE that A takes
    b.ok(&["jourfixe", "skip", "1", "2026-12-08"]);
    sync_both(&b, &contacts, &calendar);
    assert!(
        std::fs::read_to_string(&ics)
            .unwrap()
            .contains("EXDATE:20261208T100000")
    );
    sync_both(&a, &contacts, &calendar);
    assert!(a.ok(&["jourfixe", "list"]).contains("next Tue 12 Jan 2027"));
    // another calendar moves it an hour and adds a place: A takes the
    // time and keeps the place when it writes the event again
    let text = std::fs::read_to_string(&ics).unwrap();
    replace_file(
        &ics,
        text.replace("DTSTART:20261208T100000", "DTSTART:20261208T110000")
            .replace(
                "DTEND:20261208T103000",
                "DTEND:20261208T113000\r\nLOCATION:Café Kranzler",
            ),
    );
    let out = sync_both(&a, &contacts, &calendar);
    assert!(out.contains("Jour fixe updated from the calendar"), "{out}");
    assert!(a.ok(&["jourfixe", "list"]).contains("at 11:00"));
    a.ok(&["jourfixe", "skip", "1", "2027-01-12"]);
    sync_both(&a, &contacts, &calendar);
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(
        text.contains("LOCATION:Café Kranzler") && text.contains("20270112T110000"),
        "{text}"
    );
    // removed on B: the file goes, and A's Jour fixe with it
    sync_both(&b, &contacts, &calendar);
    b.ok(&["jourfixe", "rm", "1"]);
    let out = sync_both(&b, &contacts, &calendar);
    assert!(out.contains("Calendar files deleted"), "{out}");
    assert!(!ics.exists());
    let out = sync_both(&a, &contacts, &calendar);
    assert!(
        out.contains("Jour fixe removed (its .ics was deleted)"),
        "{out}"
    );
    assert!(a.ok(&["jourfixe", "list"]).contains("No Jour fixe yet"));
    assert!(
        a.ok(&["show", "Anna"]).contains("Anna Schmidt"),
        "the contact stays"
    );
}

#[test]
fn an_event_made_in_another_calendar_is_left_alone() {
    let a = device();
    let folder = tempfile::tempdir().unwrap();
    let (contacts, calendar) = (
        folder.path().join("contacts"),
        folder.path().join("calendar"),
    );
    std::fs::create_dir_all(&calendar).unwrap();
    let event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//khal//EN\r\nBEGIN:VEVENT\r\nUID:khal-1\r\n\
                 DTSTAMP:20261201T090000Z\r\nDTSTART:20261210T120000\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    std::fs::write(calendar.join("khal-1.ics"), event).unwrap();
    a.ok(&["add", "Anna Schmidt"]);
    sync_both(&a, &contacts, &calendar);
    assert_eq!(
        std::fs::read_to_string(calendar.join("khal-1.ics")).unwrap(),
        event
    );
    assert!(a.ok(&["jourfixe", "list"]).contains("No Jour fixe yet"));
    assert!(sync_both(&a, &contacts, &calendar).contains("In step"));
}

/// Runs `program ARGS` with `home` as its home, expects success.
fn run_tool(program: &str, install: &str, home: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("TZ", "Europe/Berlin")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} ({e}); {install}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `khal list 2026-12-01 60d` with a khal config under `home` naming the
/// calendar folder `calendar`.
pub(crate) fn khal_list(home: &Path, calendar: &Path) -> String {
    let khal_config = home.join(".config/khal");
    std::fs::create_dir_all(&khal_config).unwrap();
    std::fs::write(
        khal_config.join("config"),
        format!(
            "[calendars]\n[[draht]]\npath = {}\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n\
             longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
            calendar.display()
        ),
    )
    .unwrap();
    run_tool(
        "khal",
        "install it with: apt-get install khal (.ci/run does)",
        home,
        &["list", "2026-12-01", "60d"],
    )
}

/// `khard list --parsable` with a khard config under `home` naming the
/// contacts folder `contacts`.
pub(crate) fn khard_list(home: &Path, contacts: &Path) -> String {
    let khard_config = home.join(".config/khard");
    std::fs::create_dir_all(&khard_config).unwrap();
    std::fs::write(
        khard_config.join("khard.conf"),
        format!("[addressbooks]\n[[draht]]\npath = {}\n", contacts.display()),
    )
    .unwrap();
    run_tool(
        "khard",
        "install it with: apt-get install khard (.ci/run does)",
        home,
        &["list", "--parsable"],
    )
}

#[test]
fn khal_and_khard_read_the_synced_folders() {
    let a = device();
    let home = a.dir.path().join("home");
    let (contacts, calendar) = (home.join(".contacts/draht"), home.join(".calendars/draht"));
    a.ok(&["add", "Anna Schmidt"]);
    a.ok(&["jourfixe", "add", "anna", "every 2nd tue 10:00"]);
    sync_both(&a, &contacts, &calendar);
    let khal = khal_list(&home, &calendar);
    for line in [
        "2026-12-08",
        "2027-01-12",
        "10:00-10:30 Jour fixe: call with Anna Schmidt",
    ] {
        assert!(khal.contains(line), "khal lists {line}: {khal}");
    }
    let khard = khard_list(&home, &contacts);
    assert!(khard.contains("Anna Schmidt"), "{khard}");
}

#[test]
fn run_without_vdirsyncer_says_how_to_install_it_and_changes_nothing() {
    let a = device();
    a.ok(&["add", "Anna Schmidt"]);
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("contacts");
    let empty = tempfile::tempdir().unwrap();
    let out = a
        .cmd()
        .env("PATH", empty.path())
        .args(["sync", "--run", "--contacts", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("vdirsyncer is not installed") && err.contains("pipx install vdirsyncer"),
        "{err}"
    );
    assert!(!dir.exists(), "no pass ran");
    let err = a.fails(&["sync", "--run", "--dry-run", "--contacts", "x"], 2);
    assert!(err.contains("--dry-run") || err.contains("--run"), "{err}");
}
