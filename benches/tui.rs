//! Frame rendering with 10,000 contacts (generated through the store, in
//! memory): the first frame (partial load + draw), the same with the whole
//! snapshot loaded, a Contacts and a Today frame at
//! 200×50, one filter keystroke with its re-render, and logging a call
//! with the reload and frame after it.
//!
//! Run: `cargo bench --bench tui`. The README's TUI section has the figures.

use std::hint::black_box;

use chrono::{DateTime, Duration, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use draht::app::overview;
use draht::config::Config;
use draht::model::{Channel, Contact, HookKind, Outcome, Sphere, Touch};
use draht::schedule::Settings;
use draht::store::{Store, contacts, facts, hooks, touches};
use draht::tui::{self, App, data, view};

const CONTACTS: usize = 10_000;
const FIRST: [&str; 10] = [
    "Anna", "Jonas", "Jürgen", "Lea", "Ben", "Sophie", "Thomas", "Ingrid", "Clara", "Mehmet",
];
const LAST: [&str; 10] = [
    "Schmidt", "Weber", "Müller", "Brandt", "Okafor", "Lang", "Keller", "Rau", "Hoffmann", "Yılmaz",
];

fn now() -> DateTime<Utc> {
    draht::clock::parse_now("2026-12-01").expect("fixed now")
}

/// A store with `CONTACTS` people, one or two touches and a hook each.
fn store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let now = now();
    store
        .write(|tx| {
            for i in 0..CONTACTS {
                let contact = Contact {
                    id: 0,
                    uid: String::new(),
                    name: format!("{} {} {i}", FIRST[i % 10], LAST[(i / 10) % 10]),
                    nickname: None,
                    sphere: if i % 3 == 0 {
                        Sphere::Work
                    } else {
                        Sphere::Private
                    },
                    tags: vec![["client", "friend", "family"][i % 3].to_string()],
                    company: (i % 3 == 0).then(|| format!("Company {}", i % 97)),
                    role: None,
                    emails: Vec::new(),
                    phones: Vec::new(),
                    birthday: None,
                    notes: None,
                    cadence_days: Some([7, 14, 21, 42, 90][i % 5]),
                    min_channel: None,
                    snoozed_until: None,
                    archived: false,
                    created_at: now - Duration::days(400),
                };
                let id = contacts::insert(tx, &contact, now - Duration::days(400))?;
                for k in 0..(1 + i % 2) {
                    let touch = Touch {
                        id: 0,
                        at: now - Duration::days(((i * 7 + k * 13) % 120) as i64 + 1),
                        channel: Channel::ALL[(i + k) % 6],
                        note: Some("a note".into()),
                        outcome: Outcome::Done,
                        rating: None,
                        hook_id: None,
                        participants: vec![id],
                        captured: Vec::new(),
                    };
                    touches::insert(tx, &touch, now)?;
                }
                hooks::insert(tx, id, HookKind::Common, "something in common", now)?;
            }
            Ok(())
        })
        .expect("seed");
    store
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn frames(c: &mut Criterion) {
    let mut store = store();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");

    let mut group = c.benchmark_group("tui_10k");
    group.sample_size(10);
    // what the TUI draws before loading the rest (an in-memory store also
    // computes the statistics before it, as `--demo` does)
    group.bench_function("first_frame_load_and_draw", |b| {
        b.iter(|| {
            let (mut app, _sync) =
                tui::open_first(&mut store, now(), Config::default()).expect("open");
            terminal.draw(|f| view::draw(f, &mut app)).expect("draw");
            black_box(app.data.today_rows.len())
        })
    });
    // the first frame with everything loaded, as before the first key
    group.bench_function("whole_load_and_draw", |b| {
        b.iter(|| {
            let (mut app, _sync) = tui::open(&mut store, now(), Config::default()).expect("open");
            terminal.draw(|f| view::draw(f, &mut app)).expect("draw");
            black_box(app.data.contacts.len())
        })
    });
    // the two halves of the first frame: the store's facts, and the TUI's rows
    group.bench_function("store_facts_load_active", |b| {
        b.iter(|| store.read(|tx| facts::load_active(tx)).expect("load").len())
    });
    let loaded = store.read(|tx| facts::load_active(tx)).expect("load");
    let today = draht::clock::local_day(now());
    group.bench_function("tui_build_rows", |b| {
        b.iter_batched(
            || loaded.clone(),
            |all| {
                let ov = overview::of_records(all, &[], 0, Vec::new(), today, &Settings::default());
                data::Snapshot::of(ov).contacts.len()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();

    let (mut app, _sync): (App, _) = tui::open(&mut store, now(), Config::default()).expect("open");
    c.bench_function("today_frame_200x50", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, &mut app))
                .expect("draw")
                .area
        })
    });
    app.handle_key(&key('2'));
    c.bench_function("contacts_frame_200x50", |b| {
        b.iter(|| {
            terminal
                .draw(|f| view::draw(f, &mut app))
                .expect("draw")
                .area
        })
    });
    app.handle_key(&key('/'));
    app.handle_key(&key('m'));
    app.handle_key(&key('u'));
    // one keystroke narrowing "mu" to "mue", redraw, and back: two keystrokes
    c.bench_function("filter_two_keystrokes_with_redraw", |b| {
        b.iter(|| {
            app.handle_key(&key('e'));
            terminal.draw(|f| view::draw(f, &mut app)).expect("draw");
            app.handle_key(&KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
            terminal
                .draw(|f| view::draw(f, &mut app))
                .expect("draw")
                .area
        })
    });

    // Logging a call from the TUI: the write, the reload of what it changed
    // (the contact alone, or everything as before) and the next frame. The
    // statistics, which the TUI recomputes on another thread after a write,
    // are left out.
    app.handle_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let mut group = c.benchmark_group("tui_10k_write");
    group.sample_size(20);
    let ids: Vec<_> = app
        .data
        .ov
        .facts
        .iter()
        .step_by(499)
        .map(|f| f.contact.id)
        .collect();
    let settings = Settings::default();
    for (name, whole) in [
        ("log_call_reload_contact_and_draw", false),
        ("log_call_reload_all_and_draw", true),
    ] {
        let mut k = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                k += 1;
                let effect = tui::effects::Effect::Log(Touch {
                    id: 0,
                    at: now() - Duration::minutes(k),
                    channel: Channel::Call,
                    note: None,
                    outcome: Outcome::Done,
                    rating: None,
                    hook_id: None,
                    participants: vec![ids[k as usize % ids.len()]],
                    captured: Vec::new(),
                });
                let reload = tui::perform(&mut app, &mut store, &effect);
                let tui::Reload::Contacts(changed) = reload else {
                    panic!("a log reloads its contacts, not {reload:?}");
                };
                if whole {
                    let data = data::load(&mut store, now(), &settings).expect("load");
                    app.set_data(data);
                } else {
                    app.update_data(|s| {
                        data::reload_contacts(&mut store, s, &changed, now(), &settings)
                    })
                    .expect("reload");
                }
                terminal
                    .draw(|f| view::draw(f, &mut app))
                    .expect("draw")
                    .area
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
