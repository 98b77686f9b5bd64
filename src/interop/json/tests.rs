//! The JSON backup: exact round trip, refusals, compatibility.

use chrono::{NaiveDate, TimeZone};

use super::*;
use crate::app::backup::{export_json, records, restore_json};
use crate::jourfixe::JourFixe;
use crate::model::{Birthday, Channel, Handle, HookKind, Outcome, Sphere};
use crate::remind::{Key, Kind, Remind};
use crate::store::{Store, contacts, followups, hooks, jourfixe, reminders, touches};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn person(name: &str) -> Contact {
    Contact {
        id: 0,
        uid: String::new(),
        name: name.to_string(),
        nickname: None,
        sphere: Sphere::Private,
        tags: vec![],
        company: None,
        role: None,
        emails: vec![],
        phones: vec![],
        birthday: None,
        notes: None,
        cadence_days: None,
        min_channel: None,
        snoozed_until: None,
        archived: false,
        created_at: at(1, 9),
    }
}

/// A database with a bit of everything, and a gap in the contact ids.
fn filled() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let anna = contacts::insert(
                tx,
                &Contact {
                    nickname: Some("Anni".into()),
                    sphere: Sphere::Work,
                    tags: vec!["client".into(), "sailing".into()],
                    company: Some("ACME".into()),
                    emails: vec![Handle {
                        value: "anna@acme.example".into(),
                        label: Some("work".into()),
                    }],
                    phones: vec![Handle::new("+49 170 1")],
                    birthday: Birthday::new(None, 4, 12),
                    notes: Some("two\nlines".into()),
                    cadence_days: Some(14),
                    min_channel: Some(Channel::Video),
                    snoozed_until: NaiveDate::from_ymd_opt(2026, 12, 1),
                    ..person("Anna Schmidt")
                },
                at(1, 9),
            )?;
            let gone = contacts::insert(tx, &person("Gone"), at(1, 9))?;
            let ben = contacts::insert(
                tx,
                &Contact {
                    archived: true,
                    ..person("Ben")
                },
                at(2, 9),
            )?;
            contacts::delete(tx, gone)?;
            let hook = hooks::insert(tx, anna, HookKind::Project, "Q3 launch", at(3, 9))?;
            hooks::insert(tx, ben, HookKind::Hobby, "chess", at(3, 9))?;
            touches::insert(
                tx,
                &Touch {
                    id: 0,
                    at: at(10, 15),
                    channel: Channel::Meet,
                    note: Some("coffee".into()),
                    outcome: Outcome::Done,
                    rating: Some(1),
                    hook_id: Some(hook),
                    participants: vec![ben, anna],
                    captured: Vec::new(),
                },
                at(10, 16),
            )?;
            touches::insert(
                tx,
                &Touch::new(at(12, 8), Channel::Call, Outcome::Missed, vec![anna]),
                at(12, 8),
            )?;
            let f = followups::insert(
                tx,
                anna,
                NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                "send offer",
                at(4, 9),
            )?;
            followups::mark_done(tx, f, at(5, 9))?;
            followups::insert(
                tx,
                ben,
                NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
                "call back",
                at(4, 9),
            )?;
            let standing = JourFixe {
                id: 0,
                contact_id: anna,
                start: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
                rrule: "FREQ=MONTHLY;BYDAY=2TU".into(),
                time: chrono::NaiveTime::from_hms_opt(10, 0, 0),
                duration_minutes: Some(30),
                channel: Channel::Video,
                note: Some("status".into()),
                active: true,
                skipped: vec![NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()],
            };
            let monthly = jourfixe::insert(tx, &standing, at(4, 9))?;
            let paused = JourFixe {
                contact_id: ben,
                active: false,
                skipped: vec![],
                ..standing
            };
            let paused = jourfixe::insert(tx, &paused, at(4, 9))?;
            reminders::set(tx, monthly, Remind::Before(15))?;
            reminders::set(tx, paused, Remind::Off)?;
            let sent = Key {
                kind: Kind::JourFixe,
                subject: monthly,
                day: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            };
            reminders::record(tx, &sent, at(10, 9))?;
            Ok(())
        })
        .unwrap();
    store
}

fn backup_text(store: &mut Store) -> String {
    to_text(&records(store, at(20, 9)).unwrap()).unwrap()
}

#[test]
fn export_then_restore_into_an_empty_database_then_export_is_byte_identical() {
    let text = backup_text(&mut filled());
    let backup = parse("backup.json", &text).unwrap();
    assert_eq!(
        backup.contacts.iter().map(|c| c.id).collect::<Vec<_>>(),
        [1, 3],
        "ids keep their gap"
    );
    let mut fresh = Store::open_in_memory().unwrap();
    let restored = restore_json(&mut fresh, "backup.json", &backup, false, at(21, 9)).unwrap();
    assert_eq!(
        (
            restored.contacts,
            restored.touches,
            restored.hooks,
            restored.followups,
            restored.jourfixe
        ),
        (2, 2, 2, 2, 2)
    );
    assert_eq!(backup_text(&mut fresh), text);
}

#[test]
fn backup_holds_participants_hook_use_archive_and_done_follow_ups() {
    let backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    assert_eq!(backup.format, "draht-backup");
    assert_eq!(backup.version, 2);
    assert_eq!(backup.touches[0].participants, [1, 3]);
    assert_eq!(backup.touches[0].hook_id, Some(backup.hooks[0].id));
    assert_eq!(backup.hooks[0].used_at, Some(at(10, 15)));
    assert!(backup.contacts[1].archived);
    assert_eq!(backup.followups[0].done_at, Some(at(5, 9)));
    assert_eq!(backup.contacts[0].birthday, Birthday::new(None, 4, 12));
    assert_eq!(backup.jourfixe[0].rrule, "FREQ=MONTHLY;BYDAY=2TU");
    assert_eq!(
        backup.jourfixe[0].skipped,
        [NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()]
    );
    assert!(
        !backup.jourfixe[1].active,
        "inactive Jour fixe are kept too"
    );
}

#[test]
fn restore_into_a_database_with_contacts_is_refused_and_changes_nothing() {
    let backup = parse("backup.json", &backup_text(&mut filled())).unwrap();
    let mut store = filled();
    let before = backup_text(&mut store);
    let err = restore_json(&mut store, "backup.json", &backup, false, at(21, 9))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("already holds 2 contacts and 2 touches"),
        "{err}"
    );
    assert!(
        err.contains("draht --db NEW.db import BACKUP.json"),
        "{err}"
    );
    assert_eq!(backup_text(&mut store), before);
}

#[test]
fn dry_run_restore_counts_and_writes_nothing() {
    let backup = parse("backup.json", &backup_text(&mut filled())).unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    let restored = restore_json(&mut fresh, "backup.json", &backup, true, at(21, 9)).unwrap();
    assert!(restored.dry_run);
    assert_eq!(restored.contacts, 2);
    assert!(fresh.read(|tx| contacts::all(tx, true)).unwrap().is_empty());
}

#[test]
fn backup_from_a_newer_draht_is_refused() {
    let err = parse(
        "b.json",
        r#"{"format":"draht-backup","version":3,"exported_at":"2026-11-20T09:00:00Z"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("written by a newer draht (backup format 3, this draht reads up to 2)"),
        "{err}"
    );
}

#[test]
fn other_json_is_not_taken_for_a_backup() {
    let err = parse("x.json", r#"{"contacts": []}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a draht backup"), "{err}");
    let err = parse("x.json", "[1, 2").unwrap_err().to_string();
    assert!(err.contains("not a JSON file draht can read"), "{err}");
}

#[test]
fn jour_fixe_missing_from_an_older_file_reads_as_none() {
    let backup = parse(
        "old.json",
        r#"{"format":"draht-backup","version":1,"exported_at":"2026-11-20T09:00:00Z","contacts":[],"touches":[],"hooks":[],"followups":[]}"#,
    )
    .unwrap();
    assert!(
        backup.jourfixe.is_empty(),
        "a file from before Jour fixe has none"
    );
    assert!(
        backup.capture_sources.is_empty() && backup.capture_keys.is_empty(),
        "a file from before capture has none"
    );
}

/// A store with one captured touch (two sources, one of them joined), a
/// touch logged by hand that capture joined, and source keys.
fn captured() -> Store {
    use crate::model::SourceKind;
    use crate::store::capture;
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let anna = contacts::insert(tx, &person("Anna Schmidt"), at(1, 9))?;
            let work = capture::ensure_source(
                tx,
                SourceKind::Maildir,
                "/mail/work",
                ("work mail", true),
                at(1, 9),
            )?;
            let cal = capture::ensure_source(
                tx,
                SourceKind::Calendar,
                "/cal",
                ("calendar", true),
                at(1, 9),
            )?;
            let mail = Touch::new(at(10, 9), Channel::Email, Outcome::Done, vec![anna]);
            let made = capture::make_touch(tx, work.id, &mail, 3, at(10, 12))?;
            capture::join_touch(tx, made, cal.id, 1)?;
            let mut hand = Touch::new(at(11, 9), Channel::Meet, Outcome::Done, vec![anna]);
            hand.note = Some("coffee".into());
            let hand = touches::insert(tx, &hand, at(11, 9))?;
            capture::join_touch(tx, hand, cal.id, 1)?;
            for key in ["<a@x>", "<b@x>", "<c@x>"] {
                capture::add_key(tx, work.id, key, anna)?;
            }
            capture::add_key(tx, cal.id, "uid-1", anna)?;
            crate::store::facts::refresh(tx, anna)
        })
        .unwrap();
    store
}

#[test]
fn captured_touches_their_sources_and_keys_survive_a_round_trip() {
    let mut store = captured();
    let text = backup_text(&mut store);
    assert!(
        text.contains(r#""captured":[{"source":1,"name":"work mail","kind":"maildir","items":3,"created":true},{"source":2,"name":"calendar","kind":"calendar","items":1,"created":false}]"#),
        "{text}"
    );
    let backup = parse("b.json", &text).unwrap();
    assert_eq!(backup.capture_sources.len(), 2);
    assert_eq!(backup.capture_sources[0].path, "/mail/work");
    assert_eq!(backup.capture_keys.len(), 4);
    assert_eq!(backup.touches[1].note.as_deref(), Some("coffee"));
    assert_eq!(backup.touches[1].captured.len(), 1);
    assert_eq!(
        export_json(&mut store, at(20, 9)).unwrap().text,
        text,
        "the streamed text and the two-step export agree"
    );
    let mut fresh = Store::open_in_memory().unwrap();
    let restored = restore_json(&mut fresh, "b.json", &backup, false, at(21, 9)).unwrap();
    assert_eq!((restored.capture_sources, restored.capture_keys), (2, 4));
    assert_eq!(backup_text(&mut fresh), text);
}

#[test]
fn a_key_of_a_missing_source_is_damage() {
    let mut backup = parse("b.json", &backup_text(&mut captured())).unwrap();
    backup.capture_keys[0].source = 9;
    let mut fresh = Store::open_in_memory().unwrap();
    let err = restore_json(&mut fresh, "b.json", &backup, false, at(21, 9))
        .unwrap_err()
        .to_string();
    assert!(err.contains("capture source #9"), "{err}");
    assert_eq!(
        records(&mut fresh, at(21, 9)).unwrap().capture_sources,
        [],
        "nothing was restored"
    );
}

#[test]
fn damaged_backup_is_explained_and_restores_nothing() {
    let mut backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    backup.touches[1].participants = vec![99];
    let mut fresh = Store::open_in_memory().unwrap();
    let err = restore_json(&mut fresh, "b.json", &backup, false, at(21, 9))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("b.json: the backup is damaged: touch #2 names contact #99, which the file does not hold"),
        "{err}"
    );
    assert!(fresh.read(|tx| contacts::all(tx, true)).unwrap().is_empty());
}

#[test]
fn jour_fixe_of_an_unknown_contact_is_damage() {
    let mut backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    backup.jourfixe[0].contact_id = 42;
    assert_eq!(
        validate(&backup, at(30, 12)).unwrap_err(),
        "Jour fixe #1 names contact #42, which the file does not hold"
    );
}

#[test]
fn a_damaged_backup_is_explained_in_german_record_by_record() {
    use crate::i18n::{Lang, with_lang};
    let mut backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    backup.jourfixe[0].contact_id = 42;
    with_lang(Lang::De, || {
        assert_eq!(
            validate(&backup, at(30, 12)).unwrap_err(),
            "Jour fixe #1 nennt Kontakt #42, den die Datei nicht enthält"
        );
        backup.jourfixe[0].contact_id = backup.contacts[0].id;
        backup.touches[0].rating = Some(5);
        let id = backup.touches[0].id;
        assert_eq!(
            validate(&backup, at(30, 12)).unwrap_err(),
            format!("Eintrag #{id} hat eine Bewertung außerhalb von -1, 0, 1")
        );
    });
}

#[test]
fn two_active_contacts_with_one_name_are_damage() {
    let mut backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    backup.contacts[1].archived = false;
    backup.contacts[1].name = "anna schmidt".into();
    let err = validate(&backup, at(30, 12)).unwrap_err();
    assert_eq!(
        err,
        "contacts #1 and #3 are both active and named \"anna schmidt\""
    );
}

#[test]
fn text_holds_every_field_of_the_backup() {
    let backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    let written: serde_json::Value = serde_json::from_str(&to_text(&backup).unwrap()).unwrap();
    assert_eq!(written, serde_json::to_value(&backup).unwrap());
}

#[test]
fn text_has_one_record_per_line() {
    let text = backup_text(&mut filled());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "{");
    assert_eq!(lines[1], "  \"format\": \"draht-backup\",");
    assert_eq!(lines[2], "  \"version\": 2,");
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("    {\"id\":1,\"at\":\"2026-11-10T15:00:00Z\",\"channel\":\"meet\"")),
        "{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with("    {")).count(),
        2 + 2 + 2 + 2 + 2 + 1 + 2 + 1,
        "two of each, the one cadence's start, two reminder leads, one sent"
    );
    let empty = Backup {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: at(20, 9),
        contacts: vec![],
        touches: vec![],
        hooks: vec![],
        followups: vec![],
        jourfixe: vec![],
        cards: vec![],
        sources: vec![],
        cadence_starts: vec![],
        jourfixe_reminders: vec![],
        reminders_sent: vec![],
        capture_sources: vec![],
        capture_keys: vec![],
    };
    assert_eq!(
        to_text(&empty).unwrap(),
        "{\n  \"format\": \"draht-backup\",\n  \"version\": 2,\n  \"exported_at\": \"2026-11-20T09:00:00Z\",\n  \
         \"contacts\": [],\n  \"touches\": [],\n  \"hooks\": [],\n  \"followups\": [],\n  \"jourfixe\": [],\n  \
         \"cards\": [],\n  \"sources\": [],\n  \"cadence_starts\": [],\n  \"jourfixe_reminders\": [],\n  \
         \"reminders_sent\": [],\n  \"capture_sources\": [],\n  \"capture_keys\": []\n}\n"
    );
}

#[test]
fn touches_are_exported_with_all_their_participants_in_order() {
    let backup = records(&mut filled(), at(20, 9)).unwrap();
    let shape: Vec<(Id, Vec<Id>)> = backup
        .touches
        .iter()
        .map(|t| (t.id, t.participants.clone()))
        .collect();
    assert_eq!(shape, [(1, vec![1, 3]), (2, vec![1])]);
    assert_eq!(backup.touches[0].channel, Channel::Meet);
    assert_eq!(backup.touches[1].outcome, Outcome::Missed);
}

#[test]
fn streamed_export_gives_the_same_bytes_as_the_two_step_one() {
    let mut store = filled();
    let streamed = export_json(&mut store, at(20, 9)).unwrap();
    assert_eq!(streamed.text, export_text_two_step(&mut store));
    assert_eq!((streamed.contacts, streamed.touches), (2, 2));
    let empty = export_json(&mut Store::open_in_memory().unwrap(), at(20, 9)).unwrap();
    let two_step = export_text_two_step(&mut Store::open_in_memory().unwrap());
    assert_eq!(empty.text, two_step);
}

fn export_text_two_step(store: &mut Store) -> String {
    to_text(&records(store, at(20, 9)).unwrap()).unwrap()
}

#[test]
fn a_backup_with_a_byte_order_mark_is_read_like_vcard_and_csv() {
    let text = backup_text(&mut filled());
    let with_bom = format!("\u{feff}{text}");
    assert_eq!(
        parse("b.json", &with_bom).unwrap(),
        parse("b.json", &text).unwrap()
    );
}

#[test]
fn a_backup_without_its_touches_is_refused_not_read_as_none() {
    let text = backup_text(&mut filled());
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for section in ["touches", "contacts", "hooks", "followups"] {
        let mut without = value.clone();
        without.as_object_mut().unwrap().remove(section);
        let err = parse("b.json", &without.to_string())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("b.json: the backup is damaged: missing field `")
                && err.contains(section),
            "{section}: {err}"
        );
    }
    // Jour fixe came later: a backup from before it has none
    value.as_object_mut().unwrap().remove("jourfixe");
    assert!(
        parse("b.json", &value.to_string())
            .unwrap()
            .jourfixe
            .is_empty()
    );
}

#[test]
fn a_touch_in_the_future_is_refused_as_log_refuses_it() {
    let mut backup = parse("b.json", &backup_text(&mut filled())).unwrap();
    backup.touches.sort_by_key(|t| std::cmp::Reverse(t.at));
    let latest = backup.touches[0].at;
    let now = latest - chrono::Duration::seconds(Touch::FUTURE_GRACE_SECS);
    assert_eq!(validate(&backup, now), Ok(()), "within the grace");
    let now = latest - chrono::Duration::seconds(Touch::FUTURE_GRACE_SECS + 1);
    let err = validate(&backup, now).unwrap_err();
    assert!(
        err.starts_with(&format!(
            "touch #{} is in the future (",
            backup.touches[0].id
        )),
        "{err}"
    );
}
