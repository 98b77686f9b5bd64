//! draht — a terminal personal relationship tracker.
//!
//! Data flows one way: store → schedule (pure) → app → CLI / TUI.

pub mod app;
pub mod capture;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod error;
pub mod fast;
pub mod fsutil;
#[doc(hidden)]
/// The fuzz targets: built for the unit tests and for the `fuzz/` crate
/// (feature `fuzzing`), never into the shipped library.
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzz;
pub mod i18n;
pub mod insight;
pub mod interop;
pub mod jourfixe;
pub mod matching;
pub mod model;
pub mod parse;
pub mod remind;
pub mod schedule;
pub mod store;
pub mod text;
pub mod tui;
