//! Integration tests: the real binary against temp databases, with
//! `DRAHT_NOW` fixing the clock and `TZ` fixing the zone.

mod alarms;
mod backup;
mod concurrency;
mod crash;
mod errors;
mod export;
mod faces;
mod harness;
mod hostile_corpus;
mod hostile_export;
mod hostile_files;
mod hostile_input;
mod hostile_tui;
mod import;
mod jourfixe;
mod language;
mod list;
mod migrate;
mod notify;
mod rel_support;
mod roundtrip;
mod shell;
mod stats;
mod status;
mod timer;
mod touch_ids;
mod triage;
mod tui;
mod week;
mod width;
mod wording;
