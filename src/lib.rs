//! draht — a terminal personal relationship tracker.
//!
//! Data flows one way: store → schedule (pure) → CLI / TUI.

pub mod jourfixe;
pub mod model;
pub mod parse;
pub mod schedule;
