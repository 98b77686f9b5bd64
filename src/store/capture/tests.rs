use chrono::TimeZone;

use super::*;
use crate::model::Contact;
use crate::store::{Store, contacts};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn setup() -> (Store, Id, Id) {
    let mut store = Store::open_in_memory().unwrap();
    let (a, b) = store
        .write(|tx| {
            Ok((
                contacts::insert(tx, &Contact::new("Anna", at(1, 0)), at(1, 0))?,
                contacts::insert(tx, &Contact::new("Ben", at(1, 0)), at(1, 0))?,
            ))
        })
        .unwrap();
    (store, a, b)
}

fn email(contact: Id, when: DateTime<Utc>) -> Touch {
    Touch::new(when, Channel::Email, Outcome::Done, vec![contact])
}

#[test]
fn a_key_counts_once_per_contact() {
    let (mut store, anna, ben) = setup();
    store
        .write(|tx| {
            let s = ensure_source(tx, SourceKind::Maildir, "/m", ("work mail", true), at(1, 0))?;
            assert!(add_key(tx, s.id, "<a@x>", anna)?);
            assert!(!add_key(tx, s.id, "<a@x>", anna)?);
            assert!(add_key(tx, s.id, "<a@x>", ben)?);
            Ok(())
        })
        .unwrap();
}

#[test]
fn sources_are_one_per_path_and_keep_their_id() {
    let (mut store, _, _) = setup();
    store
        .write(|tx| {
            let first = ensure_source(tx, SourceKind::Maildir, "/m", ("m", true), at(1, 0))?;
            let again =
                ensure_source(tx, SourceKind::Maildir, "/m", ("work mail", true), at(2, 0))?;
            assert_eq!(first.id, again.id);
            assert_eq!(again.name, "work mail");
            assert_eq!(again.created_at, at(1, 0));
            start_run(tx, first.id, 42, NaiveDate::from_ymd_opt(2026, 1, 1))?;
            finish_run(tx, first.id, at(3, 0))?;
            let s = source_at(tx, "/m")?.unwrap();
            assert_eq!(s.rules, Some(42));
            assert_eq!(s.since, NaiveDate::from_ymd_opt(2026, 1, 1));
            assert_eq!(s.last_run_at, Some(at(3, 0)));
            assert_eq!(sources(tx)?.len(), 1);
            Ok(())
        })
        .unwrap();
}

#[test]
fn marks_are_pieces_in_order() {
    let (mut store, _, _) = setup();
    store
        .write(|tx| {
            let s = ensure_source(tx, SourceKind::Maildir, "/m", ("m", true), at(1, 0))?;
            append_mark(tx, s.id, "", b"names 1")?;
            append_mark(tx, s.id, "", b"names 2")?;
            put_mark(tx, s.id, "", 0, b"times")?;
            append_mark(tx, s.id, ".Sent", b"sent")?;
            let m = marks(tx, s.id)?;
            let pieces: Vec<(i64, &[u8])> =
                m[""].iter().map(|(seq, b)| (*seq, b.as_slice())).collect();
            assert_eq!(
                pieces,
                vec![(0, &b"times"[..]), (1, b"names 1"), (2, b"names 2")]
            );
            clear_part(tx, s.id, "")?;
            assert_eq!(marks(tx, s.id)?.keys().collect::<Vec<_>>(), vec![".Sent"]);
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_day_touch_is_found_within_its_bounds_and_joined() {
    let (mut store, anna, _) = setup();
    store
        .write(|tx| {
            let s = ensure_source(tx, SourceKind::Maildir, "/m", ("m", true), at(1, 0))?;
            let day = (at(10, 0), at(11, 0));
            assert_eq!(
                day_touch(tx, anna, Channel::Email, Outcome::Done, day)?,
                None
            );
            let id = make_touch(tx, s.id, &email(anna, at(10, 15)), 2, at(12, 0))?;
            let found = day_touch(tx, anna, Channel::Email, Outcome::Done, day)?.unwrap();
            assert_eq!(
                (found.id, found.at, found.made_by_capture),
                (id, at(10, 15), true)
            );
            assert_eq!(
                day_touch(tx, anna, Channel::Meet, Outcome::Done, day)?,
                None
            );
            assert_eq!(
                day_touch(
                    tx,
                    anna,
                    Channel::Email,
                    Outcome::Done,
                    (at(11, 0), at(12, 0))
                )?,
                None
            );
            join_touch(tx, id, s.id, 3)?;
            move_earlier(tx, id, at(10, 8))?;
            move_earlier(tx, id, at(10, 9))?;
            let t = touches::get(tx, id)?;
            assert_eq!(t.at, at(10, 8));
            assert_eq!(t.captured.len(), 1);
            assert_eq!(t.captured[0].items, 5);
            assert_eq!(t.captured[0].name, "m");
            assert!(t.captured[0].created);
            Ok(())
        })
        .unwrap();
}

#[test]
fn forgetting_removes_only_what_the_source_alone_made() {
    let (mut store, anna, ben) = setup();
    let (work, takeout, hand, shared, noted, alone) = store
        .write(|tx| {
            let work =
                ensure_source(tx, SourceKind::Maildir, "/work", ("work", true), at(1, 0))?.id;
            let takeout =
                ensure_source(tx, SourceKind::Mbox, "/t.mbox", ("takeout", true), at(1, 0))?.id;
            let hand = touches::insert(tx, &email(anna, at(3, 9)), at(3, 9))?;
            join_touch(tx, hand, work, 2)?;
            let shared = make_touch(tx, work, &email(anna, at(4, 9)), 1, at(4, 9))?;
            join_touch(tx, shared, takeout, 1)?;
            let noted = make_touch(tx, work, &email(ben, at(5, 9)), 1, at(5, 9))?;
            let mut t = touches::get(tx, noted)?;
            t.note = Some("the offer".into());
            touches::update(tx, &t)?;
            let alone = make_touch(tx, work, &email(ben, at(6, 9)), 4, at(6, 9))?;
            add_key(tx, work, "<k1>", ben)?;
            facts::refresh_all_of(tx, &[anna, ben])?;
            Ok((work, takeout, hand, shared, noted, alone))
        })
        .unwrap();
    let forgotten = store.write(|tx| forget(tx, work)).unwrap();
    assert_eq!(
        forgotten,
        Forgotten {
            removed: 1,
            kept: 2,
            unjoined: 1,
            keys: 1
        }
    );
    store
        .read(|tx| {
            assert!(touches::get(tx, alone).is_err(), "made by work alone");
            let h = touches::get(tx, hand)?;
            assert!(
                h.captured.is_empty(),
                "the hand-logged touch stays, unjoined"
            );
            let s = touches::get(tx, shared)?;
            assert_eq!(s.captured.len(), 1);
            assert_eq!(s.captured[0].source, takeout);
            assert!(s.captured[0].created, "takeout now holds it");
            let n = touches::get(tx, noted)?;
            assert_eq!(
                n.note.as_deref(),
                Some("the offer"),
                "a touch written on stays"
            );
            assert!(source_at(tx, "/work")?.is_none());
            assert!(marks(tx, work)?.is_empty());
            // Ben's summary no longer counts the removed touch.
            let f = facts::for_contact(tx, contacts::get(tx, ben)?)?;
            assert_eq!(
                f.last_touch.map(|t| t.on.to_string()),
                Some("2026-11-05".into())
            );
            Ok(())
        })
        .unwrap();
    // Forgetting takeout now removes the shared touch.
    let forgotten = store.write(|tx| forget(tx, takeout)).unwrap();
    assert_eq!(forgotten.removed, 1);
}

#[test]
fn a_shared_key_counts_once_across_sources() {
    let (mut store, anna, ben) = setup();
    store
        .write(|tx| {
            let nov = ensure_source(
                tx,
                SourceKind::SmsBackup,
                "/calls-11.xml",
                ("nov", true),
                at(1, 0),
            )?;
            let dec = ensure_source(
                tx,
                SourceKind::SmsBackup,
                "/calls-12.xml",
                ("dec", true),
                at(1, 0),
            )?;
            let key = "call:+491701234567:1796000000000:1";
            assert!(add_shared_key(tx, nov.id, key, anna)?);
            assert!(!add_shared_key(tx, dec.id, key, anna)?, "the overlap");
            assert!(!add_shared_key(tx, nov.id, key, anna)?);
            assert!(add_shared_key(tx, dec.id, key, ben)?, "another contact");
            let plan: String = tx.query_row(
                "EXPLAIN QUERY PLAN SELECT 1 FROM capture_keys WHERE contact_id = 1 AND key = 'x'",
                [],
                |row| row.get(3),
            )?;
            assert!(plan.contains("capture_keys_contact_key"), "{plan}");
            Ok(())
        })
        .unwrap();
}

#[test]
fn touches_made_in_batches_keep_their_order_contact_and_items() {
    let (mut store, anna, ben) = setup();
    store
        .write(|tx| {
            let s = ensure_source(tx, SourceKind::Mbox, "/m", ("m", true), at(1, 0))?;
            let before = make_touch(tx, s.id, &email(anna, at(1, 9)), 1, at(1, 9))?;
            // More than one statement's rows, alternating contacts and channels.
            let new: Vec<NewTouch> = (0..(ROWS as u32 * 2 + 7))
                .map(|k| NewTouch {
                    contact: if k % 2 == 0 { anna } else { ben },
                    at: at(2 + k % 20, k % 24),
                    channel: if k % 3 == 0 {
                        Channel::Sms
                    } else {
                        Channel::Email
                    },
                    outcome: if k % 5 == 0 {
                        Outcome::Missed
                    } else {
                        Outcome::Done
                    },
                    items: k + 1,
                })
                .collect();
            let ids = make_touches(tx, s.id, &new, at(25, 0))?;
            assert_eq!(ids.len(), new.len());
            assert!(ids.windows(2).all(|w| w[0] < w[1]) && ids[0] > before);
            for (n, id) in new.iter().zip(&ids) {
                let t = touches::get(tx, *id)?;
                assert_eq!(
                    (t.participants.clone(), t.at, t.channel, t.outcome),
                    (vec![n.contact], n.at, n.channel, n.outcome)
                );
                assert_eq!(t.captured.len(), 1);
                assert_eq!(t.captured[0].items, n.items);
                let day = (
                    n.at - chrono::Duration::hours(1),
                    n.at + chrono::Duration::hours(1),
                );
                let found = day_touch(tx, n.contact, n.channel, n.outcome, day)?.unwrap();
                assert!(found.made_by_capture);
            }
            assert!(make_touches(tx, s.id, &[], at(25, 0))?.is_empty());
            Ok(())
        })
        .unwrap();
}
