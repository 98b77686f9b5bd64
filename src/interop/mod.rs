//! Interchange with other tools: vCard, vdir, CSV and the JSON backup;
//! iCalendar (export); the systemd units and crontab line of `notify
//! --install` (`timer`).
//!
//! `vcard` (with `vcard_read` and `vcard_write`) is pure: text in, cards
//! out and back. `source` and `csv` read files into records; `import`
//! matches those records against the store and writes them; `json` dumps
//! and restores the whole store; `vdir` writes one owner-only card per
//! contact (through `crate::fsutil`).

pub mod csv;
pub mod ics;
pub mod ics_alarm;
pub mod import;
pub mod json;
mod json_write;
pub mod source;
pub mod sync_card;
pub mod sync_ics;
mod sync_ics_read;
mod sync_ics_write;
pub mod timer;
pub mod vcard;
mod vcard_convert;
mod vcard_lines;
mod vcard_patch;
mod vcard_read;
mod vcard_write;
pub mod vdir;
pub mod vdirsyncer;

#[cfg(test)]
mod tests;
