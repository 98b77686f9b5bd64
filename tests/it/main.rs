//! Integration tests: the real binary against temp databases, with
//! `DRAHT_NOW` fixing the clock and `TZ` fixing the zone.

mod errors;
mod harness;
mod tui;
mod week;
