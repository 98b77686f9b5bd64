//! Concurrency: a long-lived reader (standing in for the TUI) while four
//! streams of `draht log` processes write. Every touch lands, no command
//! fails with "database is locked", and the reader always sees a
//! consistent, growing database.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use draht::store::Store;

use crate::rel_support::{draht_cmd, env_in_memory, integrity, notes};

const WRITERS: usize = 4;
const TOUCHES_EACH: usize = 250;
const PEOPLE: [&str; WRITERS] = ["Anna Schmidt", "Ben Okafor", "Cleo Brandt", "Dora Weber"];

/// What the reader saw: snapshots taken, and anything that went wrong.
struct ReaderLog {
    snapshots: u64,
    problems: Vec<String>,
}

/// Holds read transactions in a loop through draht's own store, as the TUI
/// does, checking each snapshot: touches never decrease and every touch has
/// its participant.
fn read_until(db: std::path::PathBuf, stop: Arc<AtomicBool>) -> ReaderLog {
    let mut log = ReaderLog {
        snapshots: 0,
        problems: Vec::new(),
    };
    let mut store = match Store::open(&db) {
        Ok(store) => store,
        Err(e) => {
            log.problems.push(format!("open: {e}"));
            return log;
        }
    };
    let mut last = 0;
    while !stop.load(Ordering::Relaxed) {
        let seen = store.read(|tx| {
            let touches: i64 = tx.query_row("SELECT count(*) FROM touches", [], |r| r.get(0))?;
            let linked: i64 = tx.query_row(
                "SELECT count(DISTINCT touch_id) FROM touch_participants",
                [],
                |r| r.get(0),
            )?;
            Ok((touches, linked))
        });
        match seen {
            Ok((touches, linked)) => {
                if touches < last {
                    log.problems
                        .push(format!("touches went {last} → {touches}"));
                }
                if linked != touches {
                    log.problems
                        .push(format!("{touches} touches but {linked} with participants"));
                }
                last = touches;
                log.snapshots += 1;
                // a breath between refreshes, as a screen would take
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(e) => log.problems.push(format!("read: {e}")),
        }
    }
    log
}

#[test]
fn four_writers_and_a_reader_lose_nothing() {
    let env = env_in_memory("2026-11-23T12:00:00+01:00");
    for name in PEOPLE {
        env.ok(&["add", name, "--every", "2w"]);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (db, stop) = (env.db(), Arc::clone(&stop));
        std::thread::spawn(move || read_until(db, stop))
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
    assert!(read.problems.is_empty(), "reader: {:?}", read.problems);
    assert!(read.snapshots > 0, "the reader never got a snapshot");
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
    eprintln!("reader took {} snapshots", read.snapshots);
}
