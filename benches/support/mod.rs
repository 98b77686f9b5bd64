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

/// Both mixes of people, for benches that report each.
pub const MIXES: [synth::Mix; 2] = [synth::Mix::Realistic, synth::Mix::Stress];

/// A database of `contacts` contacts and `touches` touches of the `mix`
/// (seed 1, and its default of Jour fixe), in a temp folder that lives as
/// long as the returned guard.
pub fn database(mix: synth::Mix, contacts: usize, touches: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bench.db");
    let options = synth::Options {
        mix,
        contacts,
        touches,
        jourfixe: mix.default_jourfixe(contacts),
        seed: 1,
        now: today(),
        vdir: None,
    };
    let started = std::time::Instant::now();
    let counts = synth::generate(&db, &options).expect("synthetic database");
    eprintln!(
        "bench database: {} mix, {} contacts, {} touches ({:.1}s)",
        mix.name(),
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
