//! The stored summary must always say what a full recomputation from the
//! touches says (`schedule::facts_from_touches`): named cases for each kind
//! of write, and a property test over random sequences of them.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use rusqlite::Connection;

use super::*;
use crate::model::{Channel, Contact, Handle, HookKind, Outcome, Sphere, Touch};
use crate::schedule::facts_from_touches;
use crate::store::{Store, open, touches};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0)
        .single()
        .expect("a valid test instant")
}

fn person(name: &str, min: Option<Channel>) -> Contact {
    Contact {
        sphere: Sphere::Work,
        cadence_days: Some(14),
        min_channel: min,
        ..Contact::new(name, at(1, 9))
    }
}

fn touch(when: DateTime<Utc>, channel: Channel, outcome: Outcome, who: &[Id]) -> Touch {
    Touch::new(when, channel, outcome, who.to_vec())
}

fn add(conn: &Connection, name: &str, min: Option<Channel>) -> Id {
    contacts::insert(conn, &person(name, min), at(1, 9)).expect("insert contact")
}

fn log(conn: &Connection, t: Touch) -> Id {
    touches::insert(conn, &t, t.at).expect("insert touch")
}

/// What a full recomputation from every touch says about `id`.
fn recomputed(conn: &Connection, id: Id) -> ContactFacts {
    let contact = contacts::get(conn, id).expect("contact");
    let added = local_day(contact.created_at);
    let all = touches::all(conn).expect("touches");
    let hooks = hooks::all(conn).expect("hooks");
    let mut expected = facts_from_touches(contact, added, &all, &hooks, local_day);
    // The store brings up hooks in its own tie order; hooks are not part of the summary.
    expected.freshest_hook = hooks::freshest(conn, id).expect("hook");
    expected
}

fn stored(conn: &Connection, id: Id) -> ContactFacts {
    let contact = contacts::get(conn, id).expect("contact");
    for_contact(conn, contact).expect("facts")
}

/// Participant rows whose copies of time, channel, outcome or rating differ
/// from their touch's (or whose touch is gone).
fn stale_copies(conn: &Connection) -> i64 {
    conn.query_row(
        "SELECT count(*) FROM touch_participants p LEFT JOIN touches t ON t.id = p.touch_id
         WHERE t.id IS NULL OR p.at != t.at OR p.channel != t.channel
            OR p.outcome != t.outcome OR p.rating IS NOT t.rating",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

/// A contact's participant copies `(channel, outcome, rating)`, oldest first.
fn copies(conn: &Connection, contact: Id) -> Vec<(String, String, Option<i8>)> {
    conn.prepare(
        "SELECT channel, outcome, rating FROM touch_participants
         WHERE contact_id = ?1 ORDER BY at, touch_id",
    )
    .expect("prepare")
    .query_map([contact], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

#[test]
fn editing_a_touch_rewrites_every_participants_copies() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    let ben = add(conn, "Ben", None);
    let id = log(
        conn,
        touch(at(2, 10), Channel::Email, Outcome::Done, &[anna, ben]),
    );
    let want = |c: &str, o: &str, r: Option<i8>| vec![(c.to_string(), o.to_string(), r)];
    assert_eq!(copies(conn, ben), want("email", "done", None));
    let mut edited = touches::get(conn, id).expect("touch");
    edited.channel = Channel::Meet;
    edited.outcome = Outcome::Missed;
    edited.rating = Some(1);
    touches::update(conn, &edited).expect("update");
    assert_eq!(copies(conn, anna), want("meet", "missed", Some(1)));
    assert_eq!(copies(conn, ben), want("meet", "missed", Some(1)));
    assert_eq!(stale_copies(conn), 0);
}

fn assert_consistent(conn: &Connection) {
    let everyone = load(conn, true, Detail::Full).expect("load");
    for facts in &everyone {
        assert_eq!(*facts, recomputed(conn, facts.contact.id));
        assert_eq!(*facts, stored(conn, facts.contact.id));
    }
}

#[test]
fn logged_call_after_mails_ends_the_written_streak() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    for day in 2..5 {
        log(
            conn,
            touch(at(day, 10), Channel::Email, Outcome::Done, &[anna]),
        );
    }
    assert_eq!(stored(conn, anna).written_streak, 3);
    assert_eq!(stored(conn, anna).last_personal, None);
    log(
        conn,
        touch(at(6, 10), Channel::Call, Outcome::Done, &[anna]),
    );
    let facts = stored(conn, anna);
    assert_eq!(facts.written_streak, 0);
    assert_eq!(facts.last_personal.map(|t| t.channel), Some(Channel::Call));
    assert_eq!(facts.last_touch.map(|t| t.at), Some(at(6, 10)));
    assert_consistent(conn);
}

#[test]
fn missed_call_after_the_last_personal_touch_is_remembered() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    log(
        conn,
        touch(at(2, 10), Channel::Call, Outcome::Missed, &[anna]),
    );
    log(
        conn,
        touch(at(3, 10), Channel::Meet, Outcome::Done, &[anna]),
    );
    assert_eq!(stored(conn, anna).last_missed, None);
    log(
        conn,
        touch(at(5, 10), Channel::Call, Outcome::Missed, &[anna]),
    );
    assert_eq!(stored(conn, anna).last_missed, Some(at(5, 10).date_naive()));
    assert_consistent(conn);
}

#[test]
fn deleting_the_last_personal_touch_brings_back_the_one_before() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    log(
        conn,
        touch(at(2, 10), Channel::Video, Outcome::Done, &[anna]),
    );
    log(
        conn,
        touch(at(3, 10), Channel::Email, Outcome::Done, &[anna]),
    );
    let call = log(
        conn,
        touch(at(4, 10), Channel::Call, Outcome::Done, &[anna]),
    );
    touches::delete(conn, call).expect("delete");
    let facts = stored(conn, anna);
    assert_eq!(facts.last_personal.map(|t| t.channel), Some(Channel::Video));
    assert_eq!(facts.written_streak, 1);
    assert_consistent(conn);
}

#[test]
fn editing_a_touch_moves_it_between_contacts() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    let ben = add(conn, "Ben", None);
    let id = log(
        conn,
        touch(at(2, 10), Channel::Call, Outcome::Done, &[anna]),
    );
    let mut t = touches::get(conn, id).expect("touch");
    t.participants = vec![ben];
    t.channel = Channel::Meet;
    touches::update(conn, &t).expect("update");
    assert_eq!(stored(conn, anna).last_touch, None);
    assert_eq!(
        stored(conn, ben).last_personal.map(|t| t.channel),
        Some(Channel::Meet)
    );
    assert_consistent(conn);
}

#[test]
fn raising_the_minimum_channel_drops_calls_from_personal() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let jonas = add(conn, "Jonas", None);
    log(
        conn,
        touch(at(2, 10), Channel::Meet, Outcome::Done, &[jonas]),
    );
    log(
        conn,
        touch(at(4, 10), Channel::Call, Outcome::Done, &[jonas]),
    );
    log(
        conn,
        touch(at(5, 10), Channel::Chat, Outcome::Done, &[jonas]),
    );
    let mut c = contacts::get(conn, jonas).expect("contact");
    c.min_channel = Some(Channel::Meet);
    contacts::update(conn, &c, at(6, 9)).expect("update");
    let facts = stored(conn, jonas);
    assert_eq!(facts.last_personal.map(|t| t.at), Some(at(2, 10)));
    assert_eq!(facts.written_streak, 1);
    assert_consistent(conn);
}

#[test]
fn removing_a_contact_keeps_the_shared_touches_of_others() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    let ben = add(conn, "Ben", None);
    log(
        conn,
        touch(at(2, 10), Channel::Meet, Outcome::Done, &[anna, ben]),
    );
    log(
        conn,
        touch(at(3, 10), Channel::Email, Outcome::Done, &[anna]),
    );
    contacts::delete(conn, anna).expect("delete");
    let facts = stored(conn, ben);
    assert_eq!(facts.last_personal.map(|t| t.at), Some(at(2, 10)));
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM contact_summary", [], |r| r.get(0))
        .expect("count");
    assert_eq!(rows, 1, "the removed contact's summary goes with it");
    assert_consistent(conn);
}

#[test]
fn equal_instants_are_ordered_by_touch_id() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    log(
        conn,
        touch(at(2, 10), Channel::Call, Outcome::Done, &[anna]),
    );
    log(
        conn,
        touch(at(2, 10), Channel::Email, Outcome::Done, &[anna]),
    );
    assert_eq!(stored(conn, anna).written_streak, 1);
    assert_consistent(conn);
}

#[test]
fn batch_hooks_match_the_per_contact_choice() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    let ben = add(conn, "Ben", None);
    // Same creation second: the tie order must match hooks::freshest.
    hooks::insert(conn, anna, HookKind::Hobby, "sailing", at(2, 9)).expect("hook");
    hooks::insert(conn, anna, HookKind::Project, "Q3 launch", at(2, 9)).expect("hook");
    let used = hooks::insert(conn, ben, HookKind::Offer, "offer", at(2, 9)).expect("hook");
    hooks::insert(conn, ben, HookKind::Common, "Hamburg", at(1, 9)).expect("hook");
    let mut t = touch(at(3, 10), Channel::Call, Outcome::Done, &[ben]);
    t.hook_id = Some(used);
    log(conn, t);
    for facts in load(conn, false, Detail::Full).expect("load") {
        let id = facts.contact.id;
        assert_eq!(
            facts.freshest_hook,
            hooks::freshest(conn, id).expect("hook")
        );
    }
    let ben_facts = stored(conn, ben);
    assert_eq!(
        ben_facts.freshest_hook.map(|h| h.text),
        Some("Hamburg".into())
    );
}

#[test]
fn migration_backfill_matches_refresh() {
    // A database at level 1 with history written before the summary existed.
    let mut conn = Connection::open_in_memory().expect("db");
    open::configure(&conn).expect("configure");
    open::migrate_with(&mut conn, None, &open::MIGRATIONS_SQL[..1]).expect("level 1");
    conn.execute_batch(
        "INSERT INTO contacts (id, uid, name, name_key, min_channel, created_at, updated_at) VALUES
             (1, 'a', 'Anna', 'anna', NULL, 0, 0), (2, 'b', 'Ben', 'ben', 'meet', 0, 0),
             (3, 'c', 'Cleo', 'cleo', 'chat', 0, 0), (4, 'd', 'Dora', 'dora', NULL, 0, 0);
         INSERT INTO touches (id, at, channel, outcome, created_at) VALUES
             (1, 100, 'email', 'done', 0), (2, 200, 'call', 'done', 0),
             (3, 300, 'email', 'done', 0), (4, 300, 'chat', 'done', 0),
             (5, 400, 'call', 'missed', 0), (6, 500, 'meet', 'done', 0),
             (7, 600, 'sms', 'done', 0), (8, 600, 'video', 'missed', 0);
         INSERT INTO touch_participants (touch_id, contact_id, at) VALUES
             (1, 1, 100), (2, 1, 200), (2, 2, 200), (3, 1, 300), (4, 1, 300), (4, 3, 300),
             (5, 1, 400), (5, 2, 400), (6, 2, 500), (7, 2, 600), (7, 3, 600), (8, 2, 600);
         UPDATE touches SET rating = -1 WHERE id = 2;",
    )
    .expect("history");
    open::migrate(&mut conn, None).expect("migrate");
    let dump = |conn: &Connection| -> Vec<(Id, Summary)> {
        let mut rows: Vec<(Id, Summary)> = all_summaries(conn).expect("rows").into_iter().collect();
        rows.sort_by_key(|r| r.0);
        rows
    };
    let migrated = dump(&conn);
    rebuild_summary(&conn).expect("rebuild");
    assert_eq!(migrated, dump(&conn));
    assert_eq!(migrated.len(), 4);
    let anna = migrated[0].1;
    assert_eq!(anna.last_personal.map(|p| p.0), Some(2));
    assert_eq!(anna.written_streak, 2);
    assert_eq!(anna.last_missed, Some(400));
    assert_consistent(&conn);
    // level 4 copied channel, outcome and rating into every participant row
    assert_eq!(stale_copies(&conn), 0);
    assert_eq!(
        copies(&conn, 2)[..2],
        [
            ("call".into(), "done".into(), Some(-1)),
            ("call".into(), "missed".into(), None),
        ]
    );
}

/// One write the CLI can make, with indexes taken modulo what exists.
#[derive(Clone, Debug)]
enum Op {
    Log {
        who: Vec<usize>,
        day: u32,
        hour: u32,
        channel: Channel,
        missed: bool,
    },
    Edit {
        touch: usize,
        who: Vec<usize>,
        day: u32,
        channel: Channel,
        missed: bool,
        rating: Option<i8>,
    },
    RmTouch(usize),
    RmContact(usize),
    MinChannel(usize, Option<Channel>),
}

fn channel() -> impl Strategy<Value = Channel> {
    prop::sample::select(Channel::ALL.to_vec())
}

fn op() -> impl Strategy<Value = Op> {
    let who = prop::collection::vec(0usize..4, 1..3);
    prop_oneof![
        6 => (who.clone(), 1u32..8, prop::sample::select(vec![9u32, 10]), channel(), prop::bool::weighted(0.2))
            .prop_map(|(who, day, hour, channel, missed)| Op::Log { who, day, hour, channel, missed }),
        2 => (0usize..64, who, 1u32..8, channel(), prop::bool::weighted(0.2), prop::option::of(-1i8..=1))
            .prop_map(|(touch, who, day, channel, missed, rating)| Op::Edit { touch, who, day, channel, missed, rating }),
        2 => (0usize..64).prop_map(Op::RmTouch),
        1 => (0usize..4).prop_map(Op::RmContact),
        1 => (0usize..4, prop::option::of(channel())).prop_map(|(who, ch)| Op::MinChannel(who, ch)),
    ]
}

fn apply(conn: &Connection, people: &mut Vec<Id>, op: &Op) {
    let ids = |who: &[usize]| -> Vec<Id> {
        let mut out: Vec<Id> = who.iter().map(|&i| people[i % people.len()]).collect();
        out.dedup();
        out
    };
    let existing: Vec<Id> = touches::all(conn)
        .expect("touches")
        .into_iter()
        .map(|t| t.id)
        .collect();
    let outcome = |missed: bool| {
        if missed {
            Outcome::Missed
        } else {
            Outcome::Done
        }
    };
    match op {
        _ if people.is_empty() => {}
        Op::Log {
            who,
            day,
            hour,
            channel,
            missed,
        } => {
            log(
                conn,
                touch(at(*day, *hour), *channel, outcome(*missed), &ids(who)),
            );
        }
        Op::Edit {
            touch: i,
            who,
            day,
            channel,
            missed,
            rating,
        } if !existing.is_empty() => {
            let mut t = touches::get(conn, existing[i % existing.len()]).expect("touch");
            t.participants = ids(who);
            t.at = at(*day, 10);
            t.channel = *channel;
            t.outcome = outcome(*missed);
            t.rating = *rating;
            touches::update(conn, &t).expect("update");
        }
        Op::RmTouch(i) if !existing.is_empty() => {
            touches::delete(conn, existing[i % existing.len()]).expect("delete");
        }
        Op::RmContact(i) => {
            let id = people.remove(i % people.len());
            contacts::delete(conn, id).expect("delete contact");
        }
        Op::MinChannel(i, min) => {
            let mut c = contacts::get(conn, people[i % people.len()]).expect("contact");
            c.min_channel = *min;
            contacts::update(conn, &c, at(8, 9)).expect("update contact");
        }
        Op::Edit { .. } | Op::RmTouch(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn summary_always_equals_a_full_recomputation(ops in prop::collection::vec(op(), 1..40)) {
        let store = Store::open_in_memory().expect("store");
        let conn = store.conn();
        let mut people: Vec<Id> = ["Anna", "Ben", "Cleo", "Dora"]
            .iter()
            .zip([None, Some(Channel::Meet), Some(Channel::Chat), Some(Channel::Email)])
            .map(|(name, min)| add(conn, name, min))
            .collect();
        for op in &ops {
            apply(conn, &mut people, op);
            for facts in load(conn, true, Detail::Full).expect("load") {
                prop_assert_eq!(&facts, &recomputed(conn, facts.contact.id), "after {:?}", op);
            }
            prop_assert_eq!(stale_copies(conn), 0, "after {:?}", op);
        }
    }
}

#[test]
fn a_restored_json_backup_has_the_same_summaries() {
    let store = Store::open_in_memory().expect("store");
    let conn = store.conn();
    let anna = add(conn, "Anna", None);
    let ben = add(conn, "Ben", Some(Channel::Meet));
    log(
        conn,
        touch(at(2, 10), Channel::Meet, Outcome::Done, &[anna, ben]),
    );
    let mut rated = touch(at(3, 10), Channel::Email, Outcome::Done, &[anna]);
    rated.rating = Some(-1);
    log(conn, rated);
    log(
        conn,
        touch(at(4, 10), Channel::Call, Outcome::Missed, &[ben]),
    );
    let mut touches = Vec::new();
    crate::store::export::for_each_touch(conn, |t| {
        touches.push(t);
        Ok(())
    })
    .expect("touches");
    let contacts = crate::store::export::contacts_by_id(conn).expect("contacts");
    let hooks = crate::store::hooks::all(conn).expect("hooks");
    let fresh = Store::open_in_memory().expect("store");
    let records = crate::store::restore::Records {
        contacts: &contacts,
        touches: &touches,
        hooks: &hooks,
        followups: &[],
        jourfixe: &[],
        capture_sources: &[],
        capture_keys: &[],
    };
    crate::store::restore::write(fresh.conn(), records, at(5, 9)).expect("restore");
    assert_eq!(
        load(fresh.conn(), true, Detail::Full).expect("load"),
        load(conn, true, Detail::Full).expect("load")
    );
    assert_consistent(fresh.conn());
    assert_eq!(stale_copies(fresh.conn()), 0);
    assert_eq!(
        copies(fresh.conn(), anna)[1],
        ("email".into(), "done".into(), Some(-1))
    );
}

#[test]
fn permute_puts_each_item_where_it_is_asked_for() {
    let mut runner = proptest::test_runner::TestRunner::default();
    let strategy = Just((0..40).collect::<Vec<usize>>()).prop_shuffle();
    runner
        .run(&strategy, |from| {
            let items: Vec<String> = (0..from.len()).map(|i| format!("item {i}")).collect();
            let expected: Vec<String> = from.iter().map(|&i| items[i].clone()).collect();
            let mut moved = items;
            permute(&mut moved, &mut from.clone());
            prop_assert_eq!(moved, expected);
            Ok(())
        })
        .expect("permute");
}

proptest! {
    /// `load` orders by the stored folded name, then id, as the name index
    /// does, and gives every contact its own tags (in tag order), e-mails
    /// and phones, whatever order they were written in.
    #[test]
    fn load_orders_by_name_and_attaches_each_contacts_lists(
        people in prop::collection::vec(
            ("[aAäÄbB ]{1,3}", prop::collection::vec("[a-c]{1,2}", 0..4), 0..3usize, any::<bool>()),
            1..25,
        ),
        include_archived in any::<bool>(),
        detail in prop::sample::select(vec![Detail::Full, Detail::Brief, Detail::Bare]),
    ) {
        let store = Store::open_in_memory().expect("store");
        let conn = store.conn();
        for (i, (name, tags, handles, archived)) in people.iter().enumerate() {
            let mut c = person(&format!("{name}{}", i % 3), None);
            c.tags = tags.clone();
            c.archived = *archived;
            c.emails = (0..*handles)
                .map(|h| Handle { value: format!("p{i}h{h}@x"), label: None })
                .collect();
            c.phones = c.emails.iter().rev().cloned().collect();
            // Names that fold alike collide while active: skip those.
            let _ = contacts::insert(conn, &c, at(1, 9));
        }
        let full = detail == Detail::Full;
        let loaded = load(conn, include_archived, detail).expect("load");
        let mut expected: Vec<(String, Id)> = conn
            .prepare("SELECT name_key, id FROM contacts WHERE archived = 0 OR ?1")
            .expect("prepare")
            .query_map([include_archived], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        expected.sort();
        let ids: Vec<Id> = loaded.iter().map(|f| f.contact.id).collect();
        prop_assert_eq!(ids, expected.iter().map(|e| e.1).collect::<Vec<_>>());
        for f in &loaded {
            let whole = contacts::get(conn, f.contact.id).expect("get");
            prop_assert_eq!(&f.contact.name, &whole.name);
            let tags = if detail == Detail::Bare { Vec::new() } else { whole.tags };
            prop_assert_eq!(&f.contact.tags, &tags);
            let handles = if full { (whole.emails, whole.phones) } else { Default::default() };
            prop_assert_eq!((&f.contact.emails, &f.contact.phones), (&handles.0, &handles.1));
        }
    }
}
