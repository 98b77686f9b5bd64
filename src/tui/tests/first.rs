//! The first frame is drawn from a partial snapshot (the agenda's contacts
//! and the selected one in full): it must look exactly like the frame the
//! whole snapshot gives, and the whole snapshot must be in place before
//! the first key.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::{Fixture, now};
use crate::config::Config;
use crate::jourfixe::{Draft, Tz, parse_rule};
use crate::model::{Birthday, Channel, Contact, Handle, HookKind, Outcome, Touch};
use crate::schedule::Settings;
use crate::store::{Store, contacts, followups, hooks, jourfixe, touches};
use crate::tui::data::TodayRow;
use crate::tui::{Reload, data, open, open_first};

/// The demo plus people without a cadence, who come onto Today only by a
/// birthday, a follow-up or a Jour fixe.
fn store_with_extras(now: DateTime<Utc>) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    crate::demo::seed(&mut store, now).expect("demo");
    let today = crate::clock::local_day(now);
    store
        .write(|tx| {
            let mut opa = Contact::new("Opa Heinz", now);
            opa.birthday = Birthday::new(Some(1941), 12, 12);
            contacts::insert(tx, &opa, now)?;
            let notar = contacts::insert(tx, &Contact::new("Notarin Berg", now), now)?;
            let due = today + Days::new(9);
            followups::insert(tx, notar, due, "sign the lease", now)?;
            add_kai(tx, now, today + Days::new(2))?;
            Ok(())
        })
        .expect("extras");
    store
}

/// Kai: no cadence, tags, an e-mail, and a weekly Jour fixe from `start`.
fn add_kai(
    tx: &crate::store::Tx,
    now: DateTime<Utc>,
    start: NaiveDate,
) -> crate::error::Result<()> {
    let mut kai = Contact::new("Kai Ödegaard", now);
    kai.tags = vec!["band".into(), "neighbour".into()];
    kai.emails = vec![Handle {
        value: "kai@example.org".into(),
        label: None,
    }];
    kai.role = Some("drummer".into());
    kai.notes = Some("owes me a record".into());
    let kai = contacts::insert(tx, &kai, now)?;
    let spec = parse_rule("weekly fri 18:00").expect("rule");
    let draft = Draft::new(spec, start, Channel::Meet, None, None, Tz::LOCAL).expect("draft");
    jourfixe::add(tx, kai, &draft, now)?;
    Ok(())
}

/// Both snapshots for the day of `now`.
fn both(store: &mut Store, now: DateTime<Utc>) -> (data::Snapshot, data::Snapshot) {
    let settings = Settings::default();
    let partial = data::first(store, now, &settings).expect("partial");
    let whole = data::load(store, now, &settings).expect("whole");
    (partial, whole)
}

#[test]
fn the_partial_snapshot_gives_the_same_today_rows_on_every_day() {
    let mut store = store_with_extras(now());
    let mut smaller = 0;
    let mut rows = 0;
    for offset in 0..70 {
        let at = now() + Days::new(offset);
        let (partial, whole) = both(&mut store, at);
        let day = partial.ov.today;
        assert!(partial.is_partial() && !whole.is_partial());
        assert_eq!(partial.today_rows, whole.today_rows, "{day}");
        assert_eq!(partial.today_name_width, whole.today_name_width, "{day}");
        assert_eq!(partial.ov.agenda, whole.ov.agenda, "{day}");
        assert_eq!(partial.is_empty(), whole.is_empty(), "{day}");
        // the first selection's card: the whole record, check-in, Jour fixe
        let id = whole.today_rows.iter().find_map(|r| r.contact_id());
        let id = id.expect("somebody on Today");
        assert_eq!(partial.facts_of(id), whole.facts_of(id), "{day}");
        assert_eq!(partial.checkin_of(id), whole.checkin_of(id), "{day}");
        assert_eq!(partial.next_jourfixe(id), whole.next_jourfixe(id), "{day}");
        // every contact on Today reads the same facts
        for r in &whole.today_rows {
            if let Some(id) = r.contact_id()
                && let Some(p) = partial.facts_of(id)
            {
                let w = whole.facts_of(id).expect("active");
                assert_eq!(p.last_personal, w.last_personal, "{day}");
                assert_eq!(p.written_streak, w.written_streak, "{day}");
            }
        }
        if partial.ov.facts.len() < whole.ov.facts.len() {
            smaller += 1;
        }
        rows += whole.today_rows.len();
    }
    assert!(smaller > 30, "the partial snapshot reads fewer people");
    assert!(rows > 70 * 5, "Today has rows to compare");
}

/// The first frame from each snapshot, on stores made alike.
fn first_frames(make: impl Fn() -> Store, at: DateTime<Utc>) -> (String, String) {
    let mut store = make();
    let (app, sync) = open_first(&mut store, at, Config::default()).expect("first");
    assert!(app.data.is_partial());
    let mut partial = Fixture { app, store, sync };
    let mut store = make();
    let (app, sync) = open(&mut store, at, Config::default()).expect("open");
    let mut whole = Fixture { app, store, sync };
    assert_eq!(partial.buffer(150, 40), whole.buffer(150, 40), "{at}");
    (partial.screen(150, 40), whole.screen(150, 40))
}

#[test]
fn the_first_frame_looks_like_the_whole_one() {
    for offset in [0, 3, 6, 11, 25] {
        let at = now() + Days::new(offset);
        let (partial, whole) = first_frames(|| store_with_extras(now()), at);
        assert_eq!(partial, whole);
        assert!(
            whole.contains("OVERDUE") || whole.contains("DUE TODAY"),
            "{whole}"
        );
    }
}

/// With more people due than any screen holds, the first frame builds
/// only the rows it can show, and looks the same; the rows come in full
/// with the first refresh.
#[test]
fn a_long_agenda_draws_its_first_frame_from_the_first_rows() {
    let make = || {
        let mut store = store_with_extras(now());
        store
            .write(|tx| {
                for i in 0..700 {
                    let mut c = Contact::new(format!("Person {i:03}"), now() - Days::new(40));
                    c.cadence_days = Some(7 + i % 30);
                    let id = contacts::insert(tx, &c, now())?;
                    if i % 2 == 0 {
                        let text = format!("hook of {i}");
                        hooks::insert(tx, id, HookKind::Project, &text, now())?;
                    }
                }
                // the widest name comes last
                let mut c = Contact::new("Zacharias Wolkenkuckucksheim", now());
                c.cadence_days = Some(7);
                contacts::insert(tx, &c, now())?;
                Ok(())
            })
            .expect("people");
        store
    };
    let (partial, whole) = both(&mut make(), now());
    assert!(whole.today_rows.len() > 700, "{}", whole.today_rows.len());
    assert_eq!(partial.today_rows.len(), 500);
    assert_eq!(partial.today_rows[..], whole.today_rows[..500]);
    // the hooks on them, read contact by contact for the first frame
    let hooked = partial.today_rows.iter().filter(
        |r| matches!(r, TodayRow::Contact { hook: Some(h), .. } if h.starts_with("hook of")),
    );
    assert!(hooked.count() > 200);
    assert_eq!(partial.today_name_width, 18);
    assert_eq!(partial.today_name_width, whole.today_name_width);
    let (partial, whole) = first_frames(make, now());
    assert_eq!(partial, whole);
    let mut store = make();
    let (mut app, mut sync) = open_first(&mut store, now(), Config::default()).expect("first");
    sync.refresh(&mut app, &mut store, Reload::Nothing)
        .expect("refresh");
    assert!(app.data.today_rows.len() > 700);
}

#[test]
fn a_first_row_without_a_cadence_shows_its_contact_in_full() {
    // Only Kai: the first row is his Jour fixe, and he is on no check-in list.
    let make = || {
        let mut store = Store::open_in_memory().expect("store");
        store
            .write(|tx| add_kai(tx, now(), crate::clock::local_day(now())))
            .expect("kai");
        store
    };
    let (partial, whole) = first_frames(make, now());
    assert_eq!(partial, whole);
    assert!(partial.contains("JOUR FIXE"), "{partial}");
    for shown in [
        "drummer",
        "kai@example.org",
        "band, neighbour",
        "owes me a record",
    ] {
        assert!(partial.contains(shown), "{shown} missing:\n{partial}");
    }
}

#[test]
fn an_empty_store_welcomes_from_the_first_frame() {
    let (partial, whole) = first_frames(|| Store::open_in_memory().expect("store"), now());
    assert_eq!(partial, whole);
    assert!(partial.contains("Welcome to draht"), "{partial}");
}

#[test]
fn nobody_due_is_said_from_the_first_frame() {
    // someone with a cadence, touched today: nothing on Today
    let make = || {
        let mut store = Store::open_in_memory().expect("store");
        store
            .write(|tx| {
                let mut lea = Contact::new("Lea Brandt", now());
                lea.cadence_days = Some(30);
                let lea = contacts::insert(tx, &lea, now())?;
                let call = Touch::new(now(), Channel::Call, Outcome::Done, vec![lea]);
                touches::insert(tx, &call, now())?;
                Ok(())
            })
            .expect("lea");
        store
    };
    let (partial, whole) = first_frames(make, now());
    assert_eq!(partial, whole);
    assert!(partial.contains("Nobody is due"), "{partial}");
}

#[test]
fn the_first_refresh_swaps_in_everything_and_keeps_the_selection() {
    let mut store = store_with_extras(now());
    let (mut app, mut sync) = open_first(&mut store, now(), Config::default()).expect("first");
    let selected = app.selected_id();
    assert!(
        app.brief.is_some(),
        "the card's brief is loaded for the first frame"
    );
    assert!(app.data.contacts.is_empty());
    sync.refresh(&mut app, &mut store, Reload::Nothing)
        .expect("refresh");
    assert!(!app.data.is_partial());
    let (whole, _) = open(&mut store, now(), Config::default()).expect("open");
    assert_eq!(app.data.ov.facts, whole.data.ov.facts);
    assert_eq!(app.data.contacts.len(), whole.data.contacts.len());
    assert_eq!(app.contacts.view, whole.contacts.view);
    assert_eq!(app.today, whole.today);
    assert_eq!(app.selected_id(), selected);
    assert_eq!(app.brief, whole.brief);
}

#[test]
fn a_file_store_reads_the_statistics_after_the_whole_snapshot() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("draht.db");
    let mut store = Store::open(&path).expect("store");
    crate::demo::seed(&mut store, now()).expect("demo");
    let (mut app, mut sync) = open_first(&mut store, now(), Config::default()).expect("first");
    assert!(
        !sync.computing(),
        "nothing competes with the rest of the data"
    );
    sync.refresh(&mut app, &mut store, Reload::Nothing)
        .expect("refresh");
    assert!(!app.data.is_partial());
    assert!(
        sync.computing() || app.insight.is_some(),
        "asked for them then"
    );
}
