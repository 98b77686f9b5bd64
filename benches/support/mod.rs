//! Shared by the benches: a synthetic database in a temp folder, built once
//! per bench run by the same generator as `cargo run --example synth`.
//! Each bench uses only some of it.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
pub mod synth;

/// The day the synthetic history ends; benches compute the agenda for it.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).expect("a valid date")
}

/// A database of `contacts` contacts and `touches` touches (seed 1), in a
/// temp folder that lives as long as the returned guard.
pub fn database(contacts: usize, touches: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let options = synth::Options {
        contacts,
        touches,
        jourfixe: 0,
        seed: 1,
        until: today(),
        vdir: None,
    };
    let started = std::time::Instant::now();
    let counts = synth::generate(&db, &options).expect("synthetic database");
    eprintln!(
        "bench database: {} contacts, {} touches ({:.1}s)",
        counts.contacts,
        counts.touches,
        started.elapsed().as_secs_f64()
    );
    (dir, db)
}

/// `DRAHT_BENCH_TOUCHES` or the default, for comparing history sizes.
pub fn touches_from_env(default: usize) -> usize {
    std::env::var("DRAHT_BENCH_TOUCHES")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}
