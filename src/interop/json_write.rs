//! Writing the JSON backup: the header fields, then each section with one
//! record per line (compact JSON), so a file of a million touches stays a
//! quarter of its pretty size, is written fast and still diffs line by
//! line. Every list is ordered by id, so the same database always gives
//! the same file.
//!
//! [`stream_text`] takes the touches one by one as the caller reads them
//! (no list of a million records in between); [`to_text`] writes a whole
//! [`Backup`] and gives the same bytes. Every record is written by serde.
//! Pure: records in, text out (`app::backup` reads the database).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::json::{
    Backup, CadenceStart, CardRecord, CardSource, FORMAT, JourFixeReminder, SentReminder, VERSION,
};
use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::model::{Contact, FollowUp, Hook, SourceKey, SourceRecord, Touch};

/// A backup written by [`stream_text`], with what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    pub contacts: usize,
    pub touches: usize,
}

/// Everything of a backup but its touches, each list by id.
#[derive(Copy, Clone, Debug)]
pub struct Sections<'a> {
    pub contacts: &'a [Contact],
    pub hooks: &'a [Hook],
    pub followups: &'a [FollowUp],
    pub jourfixe: &'a [JourFixe],
    pub cards: &'a [CardRecord],
    pub sources: &'a [CardSource],
    pub cadence_starts: &'a [CadenceStart],
    pub jourfixe_reminders: &'a [JourFixeReminder],
    pub reminders_sent: &'a [SentReminder],
    pub capture_sources: &'a [SourceRecord],
    pub capture_keys: &'a [SourceKey],
    /// About how many touches `touches` will hand over (to size the text).
    pub touches_expected: usize,
}

/// A backup as text with its touches streamed: `touches` is called once
/// with a function that takes every touch by id (the caller reads them
/// from the database as they are written, no list of a million records in
/// between). The same bytes as [`to_text`] of the same records.
pub fn stream_text(
    now: DateTime<Utc>,
    sections: Sections,
    touches: impl FnOnce(&mut dyn FnMut(Touch) -> Result<()>) -> Result<()>,
) -> Result<Exported> {
    // Sized up front: growing a buffer of a few hundred megabytes by
    // doubling would copy it several times over.
    let estimate = 4096
        + sections.contacts.len() * 600
        + sections.touches_expected * 160
        + sections.capture_keys.len() * 80;
    let mut out = Vec::with_capacity(estimate);
    header(&mut out, FORMAT, VERSION, &now)?;
    whole_section(&mut out, "contacts", sections.contacts, false)?;
    let count = touches_section(&mut out, touches)?;
    whole_section(&mut out, "hooks", sections.hooks, false)?;
    whole_section(&mut out, "followups", sections.followups, false)?;
    whole_section(&mut out, "jourfixe", sections.jourfixe, false)?;
    whole_section(&mut out, "cards", sections.cards, false)?;
    whole_section(&mut out, "sources", sections.sources, false)?;
    whole_section(&mut out, "cadence_starts", sections.cadence_starts, false)?;
    whole_section(
        &mut out,
        "jourfixe_reminders",
        sections.jourfixe_reminders,
        false,
    )?;
    whole_section(&mut out, "reminders_sent", sections.reminders_sent, false)?;
    whole_section(&mut out, "capture_sources", sections.capture_sources, false)?;
    whole_section(&mut out, "capture_keys", sections.capture_keys, true)?;
    Ok(Exported {
        text: finish(out)?,
        contacts: sections.contacts.len(),
        touches: count,
    })
}

/// A [`Backup`] as text. Every field of [`Backup`] must be written here;
/// the test `text_holds_every_field_of_the_backup` checks that.
pub fn to_text(backup: &Backup) -> Result<String> {
    let mut out = Vec::with_capacity(256 + backup.touches.len() * 140);
    header(
        &mut out,
        &backup.format,
        backup.version,
        &backup.exported_at,
    )?;
    whole_section(&mut out, "contacts", &backup.contacts, false)?;
    whole_section(&mut out, "touches", &backup.touches, false)?;
    whole_section(&mut out, "hooks", &backup.hooks, false)?;
    whole_section(&mut out, "followups", &backup.followups, false)?;
    whole_section(&mut out, "jourfixe", &backup.jourfixe, false)?;
    whole_section(&mut out, "cards", &backup.cards, false)?;
    whole_section(&mut out, "sources", &backup.sources, false)?;
    whole_section(&mut out, "cadence_starts", &backup.cadence_starts, false)?;
    whole_section(
        &mut out,
        "jourfixe_reminders",
        &backup.jourfixe_reminders,
        false,
    )?;
    whole_section(&mut out, "reminders_sent", &backup.reminders_sent, false)?;
    whole_section(&mut out, "capture_sources", &backup.capture_sources, false)?;
    whole_section(&mut out, "capture_keys", &backup.capture_keys, true)?;
    finish(out)
}

fn whole_section<T: Serialize>(
    out: &mut Vec<u8>,
    name: &str,
    items: &[T],
    last: bool,
) -> Result<()> {
    let mut section = Section::open(out, name);
    for item in items {
        section.item(item)?;
    }
    section.close(last);
    Ok(())
}

fn cannot_write(e: serde_json::Error) -> Error {
    Error::Database(crate::t!("error-write-json", problem = e.to_string()))
}

fn header(out: &mut Vec<u8>, format: &str, version: u32, at: &DateTime<Utc>) -> Result<()> {
    out.extend_from_slice(b"{\n");
    field(out, "format", &format)?;
    field(out, "version", &version)?;
    field(out, "exported_at", at)
}

fn finish(mut out: Vec<u8>) -> Result<String> {
    out.extend_from_slice(b"}\n");
    String::from_utf8(out)
        .map_err(|e| Error::Database(crate::t!("error-write-json", problem = e.to_string())))
}

fn field<T: Serialize + ?Sized>(out: &mut Vec<u8>, name: &str, value: &T) -> Result<()> {
    out.extend_from_slice(format!("  \"{name}\": ").as_bytes());
    serde_json::to_writer(&mut *out, value).map_err(cannot_write)?;
    out.extend_from_slice(b",\n");
    Ok(())
}

/// One `"name": [ … ]` array, a record per line.
struct Section<'a> {
    out: &'a mut Vec<u8>,
    items: usize,
}

impl<'a> Section<'a> {
    fn open(out: &'a mut Vec<u8>, name: &str) -> Section<'a> {
        out.extend_from_slice(format!("  \"{name}\": [").as_bytes());
        Section { out, items: 0 }
    }

    fn item<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.next();
        serde_json::to_writer(&mut *self.out, value).map_err(cannot_write)
    }

    /// Starts the next record's line; the caller writes the record.
    fn next(&mut self) {
        self.out.extend_from_slice(if self.items == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        self.items += 1;
    }

    /// Closes the array; returns how many records it holds.
    fn close(self, last: bool) -> usize {
        if self.items > 0 {
            self.out.extend_from_slice(b"\n  ");
        }
        self.out
            .extend_from_slice(if last { b"]\n" } else { b"],\n" });
        self.items
    }
}

/// Writes the `touches` section as `touches` hands them over, one at a
/// time, through serde. Returns how many it wrote.
///
/// This was a reading thread and a writing one with a hand-written touch
/// writer; serde alone holds the budget (`export json` ≤ 2 s at 10,000
/// contacts and 1,000,000 touches, bench/compare.sh): 616 ms against the
/// hand-written 386 ms on a quiet machine, 1.57 s against 1.12 s at load 7
/// (bench/ab.py, interleaved, two CPUs), so the crate path stays.
fn touches_section(
    out: &mut Vec<u8>,
    touches: impl FnOnce(&mut dyn FnMut(Touch) -> Result<()>) -> Result<()>,
) -> Result<usize> {
    let mut section = Section::open(out, "touches");
    touches(&mut |touch| section.item(&touch))?;
    Ok(section.close(false))
}
