use chrono::{TimeZone, Utc};

use super::*;
use crate::model::{Channel, Contact, HookKind, Outcome, Touch};
use crate::store::{Store, contacts, followups, hooks, jourfixe, touches};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap()
}

fn item(href: &str, uid: &str, kind: Kind, record: Option<Id>) -> Item {
    Item {
        folder: Folder::Contacts,
        href: href.to_string(),
        uid: uid.to_string(),
        kind,
        record_id: record,
        stat: Stat {
            mtime_ns: 1,
            size: 2,
            inode: 3,
        },
        seen_ns: 4,
        hash: [7; 16],
        digest: "name=00000000".to_string(),
    }
}

#[test]
fn changes_are_recorded_only_once_a_folder_is_synced() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let anna = contacts::insert(tx, &Contact::new("Anna", now()), now())?;
            assert!(dirty(tx)?.is_empty(), "no sync yet: nothing recorded");
            set_folder(tx, Folder::Contacts, "/tmp/c", now(), None)?;
            let ben = contacts::insert(tx, &Contact::new("Ben", now()), now())?;
            hooks::insert(tx, anna, HookKind::Hobby, "sailing", now())?;
            let touch = touches::insert(
                tx,
                &Touch::new(now(), Channel::Call, Outcome::Done, vec![anna, ben]),
                now(),
            )?;
            let followup = followups::insert(tx, ben, now().date_naive(), "offer", now())?;
            let jf = jourfixe::insert(
                tx,
                &JourFixe {
                    id: 0,
                    contact_id: anna,
                    start: now().date_naive(),
                    rrule: "FREQ=WEEKLY".into(),
                    time: None,
                    duration_minutes: None,
                    channel: Channel::Call,
                    note: None,
                    active: true,
                    skipped: vec![],
                },
                now(),
            )?;
            let kinds: Vec<(Kind, Id)> = dirty(tx)?.into_iter().map(|(k, id, _)| (k, id)).collect();
            for wanted in [
                (Kind::Contact, anna),
                (Kind::Contact, ben),
                (Kind::Touch, touch),
                (Kind::FollowUp, followup),
                (Kind::JourFixe, jf),
            ] {
                assert!(kinds.contains(&wanted), "{wanted:?} in {kinds:?}");
            }
            assert!(any_dirty_of(tx, &[Kind::Touch])?);
            assert!(!any_dirty_of(tx, &[])?);
            clear_dirty(tx)?;
            assert!(!any_dirty_of(
                tx,
                &[Kind::Contact, Kind::Touch, Kind::FollowUp, Kind::JourFixe]
            )?);
            // a skipped date, a deleted touch, an archived contact
            jourfixe::skip(tx, jf, now().date_naive(), crate::jourfixe::Tz::UTC)?;
            touches::delete(tx, touch)?;
            let mut b = contacts::get(tx, ben)?;
            b.archived = true;
            contacts::update(tx, &b, now())?;
            let kinds: Vec<(Kind, Id)> = dirty(tx)?.into_iter().map(|(k, id, _)| (k, id)).collect();
            assert_eq!(
                kinds,
                [
                    (Kind::Contact, ben),
                    (Kind::JourFixe, jf),
                    (Kind::Touch, touch)
                ]
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn items_are_found_by_file_and_uid_and_a_record_has_one_file() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            put(tx, &item("a.vcf", "A", Kind::Contact, Some(1)))?;
            put(tx, &item("b.vcf", "B", Kind::Contact, Some(2)))?;
            assert_eq!(by_uid(tx, Folder::Contacts, "A")?.unwrap().href, "a.vcf");
            assert_eq!(by_uid(tx, Folder::Calendar, "A")?, None);
            // contact 1's file renamed
            put(tx, &item("a2.vcf", "A", Kind::Contact, Some(1)))?;
            let hrefs: Vec<String> = items(tx, Folder::Contacts)?
                .into_iter()
                .map(|i| i.href)
                .collect();
            assert_eq!(hrefs, ["a2.vcf", "b.vcf"]);
            let stat = Stat {
                mtime_ns: 9,
                size: 9,
                inode: 9,
            };
            restat(tx, Folder::Contacts, "b.vcf", stat, 10)?;
            let b = by_uid(tx, Folder::Contacts, "B")?.unwrap();
            assert_eq!((b.stat, b.seen_ns, b.hash), (stat, 10, [7; 16]));
            remove(tx, Folder::Contacts, "b.vcf")?;
            assert_eq!(by_uid(tx, Folder::Contacts, "B")?, None);
            Ok(())
        })
        .unwrap();
}

#[test]
fn folders_forget() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let mark = Mark { mtime_ns: 5, at: 7 };
            set_folder(tx, Folder::Contacts, "/c", now(), None)?;
            set_folder(tx, Folder::Calendar, "/k", now(), Some(mark))?;
            assert_eq!(
                folder(tx, Folder::Calendar)?,
                Some(("/k".to_string(), Some(mark)))
            );
            assert_eq!(
                folder(tx, Folder::Contacts)?,
                Some(("/c".to_string(), None))
            );
            put(tx, &item("a.vcf", "A", Kind::Contact, Some(1)))?;
            assert!(by_uid(tx, Folder::Contacts, "A")?.is_some());
            forget_folder(tx, Folder::Contacts)?;
            assert!(items(tx, Folder::Contacts)?.is_empty());
            assert!(folder(tx, Folder::Calendar)?.is_some());
            assert_eq!(folder(tx, Folder::Contacts)?, None);
            Ok(())
        })
        .unwrap();
}

#[test]
fn records_are_put_exactly_as_another_draht_had_them() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| {
            let anna = contacts::insert(tx, &Contact::new("Anna", now()), now())?;
            let earlier = Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap();
            set_contact_created(tx, anna, earlier)?;
            assert_eq!(contacts::get(tx, anna)?.created_at, earlier);
            let hook = hooks::insert(tx, anna, HookKind::Hobby, "sailing", now())?;
            put_hook(
                tx,
                &Hook {
                    id: hook,
                    contact_id: anna,
                    kind: HookKind::Project,
                    text: "the boat".into(),
                    created_at: earlier,
                    used_at: Some(now()),
                },
            )?;
            let h = hooks::get(tx, hook)?;
            assert_eq!(
                (h.kind, h.text.as_str(), h.created_at, h.used_at),
                (HookKind::Project, "the boat", earlier, Some(now()))
            );
            let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
            let f = followups::insert(tx, anna, day, "offer", now())?;
            put_followup(
                tx,
                &FollowUp {
                    id: f,
                    contact_id: anna,
                    due: day.succ_opt().unwrap(),
                    note: "the offer".into(),
                    created_at: earlier,
                    done_at: Some(now()),
                },
            )?;
            let back = followups::get(tx, f)?;
            assert_eq!(
                (back.note.as_str(), back.created_at, back.done_at),
                ("the offer", earlier, Some(now()))
            );
            let mut jf = JourFixe {
                id: 0,
                contact_id: anna,
                start: day,
                rrule: "FREQ=WEEKLY".into(),
                time: None,
                duration_minutes: None,
                channel: Channel::Call,
                note: None,
                active: true,
                skipped: vec![day],
            };
            jf.id = jourfixe::insert(tx, &jf, now())?;
            jf.skipped = vec![NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()];
            jf.note = Some("bring cake".into());
            jf.active = false;
            put_jourfixe(tx, &jf)?;
            assert_eq!(jourfixe::get(tx, jf.id)?, jf);
            set_cadence_from(tx, anna, Some(day))?;
            assert_eq!(contacts::cadence_from(tx, anna)?, Some(day));
            set_cadence_from(tx, anna, None)?;
            assert_eq!(contacts::cadence_from(tx, anna)?, None);
            let people = people(tx)?;
            assert_eq!(people.len(), 1);
            assert_eq!(people[0].2, "Anna");
            assert!(exists(tx, Kind::FollowUp, f)? && !exists(tx, Kind::Touch, 99)?);
            Ok(())
        })
        .unwrap();
}
