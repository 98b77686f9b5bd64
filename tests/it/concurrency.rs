//! Concurrency: the TUI open on the database while four streams of
//! `draht log` processes write. Every touch lands, no command fails with
//! "database is locked", and the TUI's live refresh (`tui::open`,
//! `Sync::refresh`, the detail card's brief) always reads a consistent,
//! growing database and ends up showing every new touch.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use draht::clock::parse_now;
use draht::config::Config;
use draht::model::{Channel, Id};
use draht::store::Store;
use draht::tui::{self, App, Reload, Sync, Tab};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::rel_support::{draht_cmd, env_in_memory, integrity, notes};

const NOW: &str = "2026-11-23T12:00:00+01:00";
const WRITERS: usize = 4;
const TOUCHES_EACH: usize = 250;
const PEOPLE: [&str; WRITERS] = ["Anna Schmidt", "Ben Okafor", "Cleo Brandt", "Dora Weber"];

/// What the TUI saw: refreshes done, the rising call counts its detail
/// card showed, anything that went wrong, and the app and store at the end.
struct ReaderLog {
    refreshes: u64,
    counts_seen: Vec<i64>,
    problems: Vec<String>,
    end: Option<(App, Sync, Store)>,
}

/// Calls on the card of the contact selected in the TUI.
fn calls_on_card(app: &App) -> Option<i64> {
    let brief = app.current_brief()?;
    Some(
        brief
            .mix
            .iter()
            .filter(|(channel, _)| *channel == Channel::Call)
            .map(|(_, n)| *n)
            .sum(),
    )
}

/// Opens the TUI's data on `db` (Contacts tab, first contact selected) and
/// refreshes it in a loop as the event loop does, checking each time that
/// the refresh worked and the card's call count never went down.
fn tui_until(db: std::path::PathBuf, stop: Arc<AtomicBool>) -> ReaderLog {
    let mut log = ReaderLog {
        refreshes: 0,
        counts_seen: Vec::new(),
        problems: Vec::new(),
        end: None,
    };
    let opened = Store::open(&db).and_then(|mut store| {
        let now = parse_now(NOW)?;
        let (app, sync) = tui::open(&mut store, now, Config::default())?;
        Ok((app, sync, store))
    });
    let (mut app, mut sync, mut store) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            log.problems.push(format!("open: {e}"));
            return log;
        }
    };
    app.handle_key(&KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    if app.tab != Tab::Contacts {
        log.problems
            .push("the TUI did not switch to Contacts".into());
    }
    while !stop.load(Ordering::Relaxed) {
        match sync.refresh(&mut app, &mut store, Reload::Nothing) {
            Ok(()) => {
                log.refreshes += 1;
                let count = calls_on_card(&app).unwrap_or(-1);
                if let Some(brief) = app.current_brief()
                    && brief.touches.iter().any(|t| t.participants.is_empty())
                {
                    log.problems
                        .push("the card shows a touch without participants".into());
                }
                match log.counts_seen.last() {
                    Some(&last) if count < last => log
                        .problems
                        .push(format!("the card went from {last} to {count} calls")),
                    Some(&last) if count == last => {}
                    _ => log.counts_seen.push(count),
                }
                // a breath between refreshes, as the event loop takes
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(e) => log.problems.push(format!("refresh: {e}")),
        }
    }
    log.end = Some((app, sync, store));
    log
}

#[test]
fn four_writers_and_the_tui_lose_nothing() {
    let env = env_in_memory(NOW);
    for name in PEOPLE {
        env.ok(&["add", name, "--every", "2w"]);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (db, stop) = (env.db(), Arc::clone(&stop));
        std::thread::spawn(move || tui_until(db, stop))
    };
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (home, db) = (env.dir.path().to_path_buf(), env.db());
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..TOUCHES_EACH {
                    let note = format!("writer {w} touch {i}");
                    let who = PEOPLE[w].split(' ').next().unwrap_or_default();
                    let out = draht_cmd(&home, &db, &["log", who, "call", &note])
                        .output()
                        .expect("run draht");
                    if !out.status.success() {
                        failures.push(format!(
                            "{note}: {}",
                            String::from_utf8_lossy(&out.stderr).trim()
                        ));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().expect("writer thread"))
        .collect();
    stop.store(true, Ordering::Relaxed);
    let read = reader.join().expect("reader thread");

    assert!(
        failures.is_empty(),
        "{} logs failed, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
    assert!(read.problems.is_empty(), "TUI: {:?}", read.problems);
    assert!(read.refreshes > 0, "the TUI never refreshed");
    let stored = notes(&env.db());
    assert_eq!(stored.len(), WRITERS * TOUCHES_EACH);
    for w in 0..WRITERS {
        for i in 0..TOUCHES_EACH {
            let note = format!("writer {w} touch {i}");
            assert!(stored.iter().any(|(_, n)| *n == note), "{note} is missing");
        }
    }
    assert_eq!(integrity(&env.db()), "ok");
    let listed = env.json(&["list"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(WRITERS));

    // one more refresh, as the next tick of the event loop: the screen
    // shows every touch
    let (mut app, mut sync, mut store) = read.end.expect("the TUI's state");
    sync.refresh(&mut app, &mut store, Reload::Nothing)
        .expect("refresh after the writers");
    assert_eq!(calls_on_card(&app), Some(TOUCHES_EACH as i64));
    let ids: Vec<Id> = app.data.ov.facts.iter().map(|f| f.contact.id).collect();
    assert_eq!(ids.len(), WRITERS);
    for id in ids {
        let brief =
            tui::brief::load(&mut store, &app.data, id, &app.config.settings).expect("brief");
        assert_eq!(brief.mix, vec![(Channel::Call, TOUCHES_EACH as i64)]);
        let facts = app.data.facts_of(id).expect("facts");
        assert_eq!(
            facts.last_touch.map(|t| t.channel),
            Some(Channel::Call),
            "{}",
            facts.contact.name
        );
    }
    eprintln!(
        "the TUI refreshed {} times; its card showed {} different call counts, {:?} to {:?}",
        read.refreshes,
        read.counts_seen.len(),
        read.counts_seen.first(),
        read.counts_seen.last()
    );
}
