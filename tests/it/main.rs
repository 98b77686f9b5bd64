//! Integration tests: the real binary against temp databases, with
//! `DRAHT_NOW` fixing the clock and `TZ` fixing the zone.

mod backup;
mod cards;
mod concurrency;
mod crash;
mod errors;
mod export;
mod faces;
mod harness;
mod hostile_files;
mod hostile_input;
mod hostile_tui;
mod import;
mod jourfixe;
mod language;
mod list;
mod merge;
mod migrate;
mod reimport;
mod rel_support;
mod roundtrip;
mod shell;
mod stats;
mod sync;
mod sync_dav;
mod tags;
mod triage;
mod tui;
mod week;
