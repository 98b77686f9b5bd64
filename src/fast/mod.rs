//! Speed code: hand-written replacements of what a crate already does,
//! kept only where a benchmark shows that the crate path misses the budget
//! `bench/compare.sh` checks (docs/performance.md). Each file names the
//! benchmark and the figure that holds it here; the crate path stays the
//! reference its tests compare against.
//!
//! - `rrule.rs`: the dates of phrase-shaped Jour fixe rules by arithmetic,
//!   beside the rrule crate.
//! - `status_cache.rs`: `draht status`'s remembered answer
//!   (`bench/status.sh`).

pub(crate) mod rrule;
pub mod status_cache;
