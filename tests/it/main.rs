//! Integration tests: the real binary against temp databases, with
//! `DRAHT_NOW` fixing the clock and `TZ` fixing the zone.

mod errors;
mod export;
mod harness;
mod import;
mod roundtrip;
mod shell;
mod triage;
mod week;
