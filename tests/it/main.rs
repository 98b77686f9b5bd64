//! Integration tests: the real binary against temp databases, with
//! `DRAHT_NOW` fixing the clock and `TZ` fixing the zone.

mod backup;
mod capture;
mod capture_fixtures;
mod capture_phone;
mod concurrency;
mod crash;
mod errors;
mod export;
mod harness;
mod hostile_files;
mod hostile_input;
mod hostile_tui;
mod import;
mod jourfixe;
mod list;
mod migrate;
mod rel_support;
mod roundtrip;
mod shell;
mod stats;
mod triage;
mod tui;
mod week;
