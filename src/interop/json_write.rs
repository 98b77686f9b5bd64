//! Writing the JSON backup: the header fields, then each section with one
//! record per line (compact JSON), so a file of a million touches stays a
//! quarter of its pretty size, is written fast and still diffs line by
//! line. Every list is ordered by id, so the same database always gives
//! the same file.
//!
//! [`export_text`] streams the touches from the database straight into the
//! text (no list of a million records in between); [`export`] and
//! [`to_text`] do the same in two steps and give the same bytes.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Rows};
use serde::Serialize;

use super::json::{
    Backup, CadenceStart, CardRecord, FORMAT, JourFixeReminder, SentReminder, SourceRecord, VERSION,
};
use crate::error::{Error, Result};
use crate::jourfixe::JourFixe;
use crate::model::{Channel, Contact, Id, Outcome, Touch};
use crate::remind::Remind;
use crate::store::{bad_value, cards, contacts, followups, from_secs, hooks, jourfixe, reminders};

/// The whole database as a [`Backup`].
pub fn export(conn: &Connection, now: DateTime<Utc>) -> Result<Backup> {
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
        jourfixe: all_jourfixe(conn)?,
        cards: all_cards(conn)?,
        sources: all_sources(conn)?,
        cadence_starts: cadence_starts(conn)?,
        jourfixe_reminders: jourfixe_reminders(conn)?,
        reminders_sent: reminders_sent(conn)?,
    })
}

/// Every contact's vCard, by contact id.
fn all_cards(conn: &Connection) -> Result<Vec<CardRecord>> {
    let mut all: Vec<CardRecord> = cards::all_cards(conn)?
        .into_iter()
        .map(|(contact_id, vcard)| CardRecord { contact_id, vcard })
        .collect();
    all.sort_by_key(|c| c.contact_id);
    Ok(all)
}

/// Every import source, by source.
fn all_sources(conn: &Connection) -> Result<Vec<SourceRecord>> {
    Ok(cards::all_sources(conn)?
        .into_iter()
        .map(|(source, contact_id, vcard)| SourceRecord {
            source,
            contact_id,
            vcard,
        })
        .collect())
}

fn cadence_starts(conn: &Connection) -> Result<Vec<CadenceStart>> {
    Ok(contacts::cadence_starts(conn)?
        .into_iter()
        .map(|(contact_id, from)| CadenceStart { contact_id, from })
        .collect())
}

/// Every Jour fixe's own reminder lead, by Jour fixe id.
fn jourfixe_reminders(conn: &Connection) -> Result<Vec<JourFixeReminder>> {
    let mut all: Vec<JourFixeReminder> = reminders::settings(conn)?
        .into_iter()
        .filter_map(|(jourfixe_id, setting)| {
            let minutes = match setting {
                Remind::Default => return None,
                Remind::Before(minutes) => Some(minutes),
                Remind::Off => None,
            };
            Some(JourFixeReminder {
                jourfixe_id,
                minutes,
            })
        })
        .collect();
    all.sort_by_key(|r| r.jourfixe_id);
    Ok(all)
}

/// Every reminder sent, oldest day first.
fn reminders_sent(conn: &Connection) -> Result<Vec<SentReminder>> {
    // every day a date can hold in the store (`YYYY-MM-DD`) is from year 1 on
    let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN);
    Ok(reminders::sent_log(conn, first)?
        .into_iter()
        .map(|(key, sent_at)| SentReminder {
            kind: key.kind.as_str().to_string(),
            subject: key.subject,
            day: key.day,
            sent_at,
        })
        .collect())
}

/// Every Jour fixe (inactive ones and archived contacts' too) by id, with
/// its skipped dates.
fn all_jourfixe(conn: &Connection) -> Result<Vec<JourFixe>> {
    let ids: Vec<Id> = conn
        .prepare("SELECT id FROM jourfixes ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| jourfixe::get(conn, id)).collect()
}

fn contacts_by_id(conn: &Connection) -> Result<Vec<Contact>> {
    let mut contacts = contacts::all(conn, true)?;
    contacts.sort_by_key(|c| c.id);
    Ok(contacts)
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
pub fn export_text(conn: &Connection, now: DateTime<Utc>) -> Result<Exported> {
    let contacts = contacts_by_id(conn)?;
    // Sized up front: growing a buffer of a few hundred megabytes by
    // doubling would copy it several times over.
    let touches: i64 = conn.query_row("SELECT count(*) FROM touches", [], |row| row.get(0))?;
    let estimate = 4096 + contacts.len() * 600 + usize::try_from(touches).unwrap_or(0) * 160;
    let mut out = Vec::with_capacity(estimate);
    header(&mut out, FORMAT, VERSION, &now)?;
    whole_section(&mut out, "contacts", &contacts, false)?;
    let touches = touches_section(conn, &mut out)?;
    whole_section(&mut out, "hooks", &hooks::all(conn)?, false)?;
    whole_section(&mut out, "followups", &followups::all(conn)?, false)?;
    whole_section(&mut out, "jourfixe", &all_jourfixe(conn)?, false)?;
    whole_section(&mut out, "cards", &all_cards(conn)?, false)?;
    whole_section(&mut out, "sources", &all_sources(conn)?, false)?;
    whole_section(&mut out, "cadence_starts", &cadence_starts(conn)?, false)?;
    whole_section(
        &mut out,
        "jourfixe_reminders",
        &jourfixe_reminders(conn)?,
        false,
    )?;
    whole_section(&mut out, "reminders_sent", &reminders_sent(conn)?, true)?;
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
    whole_section(&mut out, "reminders_sent", &backup.reminders_sent, true)?;
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
fn touches_section(conn: &Connection, out: &mut Vec<u8>) -> Result<usize> {
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

/// Calls `f` with every touch by id, with its participants (ascending):
/// two scans in primary-key order merged, instead of a lookup per touch.
fn for_each_touch(conn: &Connection, mut f: impl FnMut(Touch) -> Result<()>) -> Result<()> {
    let mut participants = conn.prepare(
        "SELECT touch_id, contact_id FROM touch_participants ORDER BY touch_id, contact_id",
    )?;
    let mut participants = participants.query([])?;
    let mut pending = next_pair(&mut participants)?;
    let mut stmt = conn.prepare(
        "SELECT id, at, channel, note, outcome, rating, hook_id FROM touches ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut touch = Touch {
            id: row.get_ref(0)?.as_i64().map_err(rusqlite::Error::from)?,
            at: from_secs(row.get_ref(1)?.as_i64().map_err(rusqlite::Error::from)?),
            channel: stored_name(row.get_ref(2)?, "channel", &Channel::ALL, |c| c.as_str())?,
            note: row.get(3)?,
            outcome: stored_name(row.get_ref(4)?, "outcome", &OUTCOMES, |o| o.as_str())?,
            rating: row.get(5)?,
            hook_id: row.get(6)?,
            participants: Vec::new(),
        };
        while let Some((touch_id, contact_id)) = pending {
            if touch_id > touch.id {
                break;
            }
            if touch_id == touch.id {
                touch.participants.push(contact_id);
            }
            pending = next_pair(&mut participants)?;
        }
        f(touch)?;
    }
    Ok(())
}

const OUTCOMES: [Outcome; 2] = [Outcome::Done, Outcome::Missed];

/// The value among `all` whose stored name is `value`, compared as bytes
/// (no UTF-8 check per row: the names are ASCII).
fn stored_name<T: Copy>(
    value: ValueRef,
    column: &str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> rusqlite::Result<T> {
    let bytes = value.as_bytes().map_err(rusqlite::Error::from)?;
    all.iter()
        .copied()
        .find(|v| name(*v).as_bytes() == bytes)
        .ok_or_else(|| bad_value(column, &String::from_utf8_lossy(bytes)))
}

fn next_pair(rows: &mut Rows) -> Result<Option<(Id, Id)>> {
    Ok(match rows.next()? {
        Some(row) => Some((
            row.get_ref(0)?.as_i64().map_err(rusqlite::Error::from)?,
            row.get_ref(1)?.as_i64().map_err(rusqlite::Error::from)?,
        )),
        None => None,
    })
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
