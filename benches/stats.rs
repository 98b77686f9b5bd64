//! Stats over a synthetic database of 10,000 contacts and 1,000,000 touches
//! (100 per contact over three years): load the histories of the default
//! 90-day window and its predecessor, measure every contact, roll up per
//! sphere and find the cooling ones. Target: under 300 ms.
//!
//! Run with `cargo bench --bench stats`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::params;

use draht::clock;
use draht::insight::{self, ContactStats, GroupBy, Window};
use draht::store::{Store, stats};

const CONTACTS: i64 = 10_000;
const TOUCHES_PER_CONTACT: i64 = 100;
const HISTORY_DAYS: i64 = 3 * 365;
const CHANNELS: [&str; 6] = ["sms", "email", "chat", "call", "video", "meet"];

/// A small deterministic generator (xorshift), so every run sees the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid date")
}

fn synthetic_store() -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let noon = |days_ago: i64| {
        let day = today() - chrono::Duration::days(days_ago);
        clock::from_local(day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon")))
            .timestamp()
    };
    let created = noon(HISTORY_DAYS);
    store
        .write(|tx| {
            let mut rng = Rng(0x5eed_cafe_f00d_d00d);
            let mut contact = tx.prepare(
                "INSERT INTO contacts (id, uid, name, name_key, sphere, cadence_days, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?6)",
            )?;
            let mut tag = tx.prepare("INSERT INTO contact_tags VALUES (?1, ?2)")?;
            let mut touch = tx.prepare(
                "INSERT INTO touches (id, at, channel, outcome, rating, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?2)",
            )?;
            let mut participant =
                tx.prepare("INSERT INTO touch_participants VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
            let mut touch_id = 0i64;
            for id in 1..=CONTACTS {
                let sphere = if id % 3 == 0 { "work" } else { "private" };
                let cadence = [None, Some(7), Some(14), Some(28), Some(90)][(id % 5) as usize];
                contact.execute(params![id, format!("uid-{id}"), format!("person {id}"), sphere, cadence, created])?;
                tag.execute(params![id, ["client", "friend", "family", "sailing"][(id % 4) as usize]])?;
                for _ in 0..TOUCHES_PER_CONTACT {
                    touch_id += 1;
                    let at = noon(rng.below(HISTORY_DAYS as u64) as i64) + rng.below(36_000) as i64 - 18_000;
                    let channel = CHANNELS[rng.below(6) as usize];
                    let outcome = if rng.below(20) == 0 { "missed" } else { "done" };
                    let rating: Option<i64> = (rng.below(4) == 0).then(|| rng.below(3) as i64 - 1);
                    touch.execute(params![touch_id, at, channel, outcome, rating])?;
                    participant.execute(params![touch_id, id, at, channel, outcome, rating])?;
                }
            }
            Ok(())
        })
        .expect("synthetic data");
    store
}

/// Everything `draht stats` computes for the default window.
fn compute(store: &mut Store, window: Window) -> (Vec<ContactStats>, usize) {
    let histories = store
        .read(|tx| stats::histories(tx, window))
        .expect("histories");
    let all: Vec<ContactStats> = histories
        .iter()
        .map(|h| insight::contact_stats(h, window))
        .collect();
    let groups = insight::group_by(
        histories.iter().map(|h| &h.subject).zip(&all),
        GroupBy::Sphere,
    );
    let cooling = insight::cooling(&all);
    (all, groups.len() + cooling.len())
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let mut store = synthetic_store();
    eprintln!(
        "synthetic db: {CONTACTS} contacts, {} touches, built in {:.1?}",
        CONTACTS * TOUCHES_PER_CONTACT,
        started.elapsed()
    );
    let window = Window::ending(today(), insight::DEFAULT_WINDOW_DAYS);
    let once = Instant::now();
    let histories = store
        .read(|tx| stats::histories(tx, window))
        .expect("histories");
    let loaded = once.elapsed();
    let rows: usize = histories.iter().map(|h| h.touches.len()).sum();
    let (all, _) = compute(&mut store, window);
    eprintln!(
        "one run: {} contacts, {rows} touches loaded in {loaded:.1?}; load and measure in {:.1?}",
        all.len(),
        once.elapsed() - loaded
    );
    let mut group = c.benchmark_group("stats");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("10k_contacts_1m_touches_90_days", |b| {
        b.iter(|| black_box(compute(&mut store, window)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
