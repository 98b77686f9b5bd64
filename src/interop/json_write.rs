//! Writing the JSON backup: the header fields, then each section with one
//! record per line (compact JSON), so a file of a million touches stays a
//! quarter of its pretty size, is written fast and still diffs line by
//! line. Every list is ordered by id, so the same database always gives
//! the same file.
//!
//! [`export_text`] streams the touches from the database straight into the
//! text (no list of a million records in between); [`export`] and
//! [`to_text`] do the same in two steps and give the same bytes.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::json::{Backup, FORMAT, VERSION};
use crate::error::{Error, Result};
use crate::model::Touch;
use crate::store::export::{contacts_by_id, for_each_touch, jourfixe_by_id, touch_count};
use crate::store::{Tx, followups, hooks};

/// The whole database as a [`Backup`].
pub fn export(conn: &Tx, now: DateTime<Utc>) -> Result<Backup> {
    let mut touches = Vec::new();
    for_each_touch(conn, |touch| {
        touches.push(touch);
        Ok(())
    })?;
    Ok(Backup {
        format: FORMAT.to_string(),
        version: VERSION,
        exported_at: now,
        contacts: contacts_by_id(conn)?,
        touches,
        hooks: hooks::all(conn)?,
        followups: followups::all(conn)?,
        jourfixe: jourfixe_by_id(conn)?,
    })
}

/// A backup written by [`export_text`], with what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub text: String,
    pub contacts: usize,
    pub touches: usize,
}

/// The whole database as backup text, streamed: the same bytes as
/// `to_text(&export(conn, now)?)`. The touches are read on this thread and
/// written as JSON on a second one, so reading and writing overlap.
pub fn export_text(conn: &Tx, now: DateTime<Utc>) -> Result<Exported> {
    let contacts = contacts_by_id(conn)?;
    // Sized up front: growing a buffer of a few hundred megabytes by
    // doubling would copy it several times over.
    let estimate = 4096 + contacts.len() * 600 + touch_count(conn)? * 160;
    let mut out = Vec::with_capacity(estimate);
    header(&mut out, FORMAT, VERSION, &now)?;
    whole_section(&mut out, "contacts", &contacts, false)?;
    let touches = touches_section(conn, &mut out)?;
    whole_section(&mut out, "hooks", &hooks::all(conn)?, false)?;
    whole_section(&mut out, "followups", &followups::all(conn)?, false)?;
    whole_section(&mut out, "jourfixe", &jourfixe_by_id(conn)?, true)?;
    Ok(Exported {
        text: finish(out)?,
        contacts: contacts.len(),
        touches,
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
    whole_section(&mut out, "jourfixe", &backup.jourfixe, true)?;
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
    Error::Database(format!("cannot write JSON: {e}"))
}

fn header(out: &mut Vec<u8>, format: &str, version: u32, at: &DateTime<Utc>) -> Result<()> {
    out.extend_from_slice(b"{\n");
    field(out, "format", &format)?;
    field(out, "version", &version)?;
    field(out, "exported_at", at)
}

fn finish(mut out: Vec<u8>) -> Result<String> {
    out.extend_from_slice(b"}\n");
    String::from_utf8(out).map_err(|e| Error::Database(format!("cannot write JSON: {e}")))
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

/// Touches read per message from the reading to the writing thread.
const CHUNK: usize = 4096;

/// Writes the `touches` section: this thread reads them in chunks, a
/// second thread turns them into JSON. Returns how many it wrote.
fn touches_section(conn: &Tx, out: &mut Vec<u8>) -> Result<usize> {
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Touch>>(4);
        let writer = scope.spawn(move || -> Result<usize> {
            let mut section = Section::open(out, "touches");
            for chunk in receiver {
                for touch in &chunk {
                    section.next();
                    write_touch(section.out, touch)?;
                }
            }
            Ok(section.close(false))
        });
        let mut chunk = Vec::with_capacity(CHUNK);
        let read = for_each_touch(conn, |touch| {
            chunk.push(touch);
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                sender.send(full).map_err(|_| writer_gone())?;
            }
            Ok(())
        })
        .and_then(|()| sender.send(chunk).map_err(|_| writer_gone()));
        drop(sender);
        let written = writer.join().map_err(|_| writer_gone())?;
        read?;
        written
    })
}

fn writer_gone() -> Error {
    Error::Database("cannot write JSON: the writing thread stopped".to_string())
}

/// One touch as compact JSON: the very bytes `serde_json::to_writer` gives
/// for it (a property test holds them equal), written field by field; serde
/// formatted the time through `fmt` a character at a time and was most of
/// the cost of exporting a million touches.
pub(crate) fn write_touch(out: &mut Vec<u8>, touch: &Touch) -> Result<()> {
    out.extend_from_slice(b"{\"id\":");
    push_int(out, touch.id);
    out.extend_from_slice(b",\"at\":");
    push_instant(out, &touch.at)?;
    out.extend_from_slice(b",\"channel\":\"");
    out.extend_from_slice(touch.channel.as_str().as_bytes());
    out.extend_from_slice(b"\",\"note\":");
    match &touch.note {
        Some(note) => serde_json::to_writer(&mut *out, note).map_err(cannot_write)?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"outcome\":\"");
    out.extend_from_slice(touch.outcome.as_str().as_bytes());
    out.extend_from_slice(b"\",\"rating\":");
    push_opt(out, touch.rating.map(i64::from));
    out.extend_from_slice(b",\"hook_id\":");
    push_opt(out, touch.hook_id);
    out.extend_from_slice(b",\"participants\":[");
    for (i, id) in touch.participants.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_int(out, *id);
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

fn push_opt(out: &mut Vec<u8>, value: Option<i64>) {
    match value {
        Some(n) => push_int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

fn push_int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `"YYYY-MM-DDTHH:MM:SSZ"` as chrono writes a whole-second instant; other
/// years and fractions of a second go through chrono itself.
fn push_instant(out: &mut Vec<u8>, at: &DateTime<Utc>) -> Result<()> {
    let mut buf = [0u8; 20];
    match crate::fast::json::instant_text(at, &mut buf) {
        Some(text) => {
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
            Ok(())
        }
        None => serde_json::to_writer(&mut *out, at).map_err(cannot_write),
    }
}
