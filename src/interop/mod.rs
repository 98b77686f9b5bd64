//! Interchange with other tools: vCard (import and export), iCalendar (export).
//!
//! Pure conversions between text and domain records; reading files,
//! matching by UID and writing to the store belong to the callers.

pub mod ics;
pub mod vcard;
mod vcard_read;
mod vcard_write;

#[cfg(test)]
mod vcard_prop_tests;
#[cfg(test)]
mod vcard_tests;
