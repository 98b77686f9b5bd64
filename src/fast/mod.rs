//! Speed code: hand-written replacements of what a crate already does,
//! kept only where a benchmark shows the crate path misses a target. Each
//! file names the benchmark and the figure that holds it here; the crate
//! path is the reference its tests compare against.

pub mod fold;
pub mod json;
pub mod status_cache;
