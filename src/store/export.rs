//! Reading the whole database in id order, for the backup export: every
//! record, archived contacts and inactive Jour fixe included, so the same
//! database always gives the same records in the same order.

use rusqlite::{Connection, Rows};

use super::{capture, contacts, from_secs, jourfixe};
use crate::error::Result;
use crate::jourfixe::JourFixe;
use crate::model::{Captured, Contact, Id, SourceKey, Touch};

/// Every contact (archived ones too), by id, with its lists.
pub fn contacts_by_id(conn: &Connection) -> Result<Vec<Contact>> {
    let mut contacts = contacts::all(conn, true)?;
    contacts.sort_by_key(|c| c.id);
    Ok(contacts)
}

/// Every Jour fixe (inactive ones and archived contacts' too) by id, with
/// its skipped dates.
pub fn jourfixe_by_id(conn: &Connection) -> Result<Vec<JourFixe>> {
    let ids: Vec<Id> = conn
        .prepare("SELECT id FROM jourfixes ORDER BY id")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| jourfixe::get(conn, id)).collect()
}

/// How many touches the database holds.
pub fn touch_count(conn: &Connection) -> Result<usize> {
    let n: i64 = conn.query_row("SELECT count(*) FROM touches", [], |row| row.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Calls `f` with every touch by id, with its participants (ascending)
/// and the capture sources it came from (by source): three scans in
/// touch order merged, instead of lookups per touch.
/// The export of a million touches reads them here.
pub fn for_each_touch(conn: &Connection, mut f: impl FnMut(Touch) -> Result<()>) -> Result<()> {
    let mut participants = conn.prepare(
        "SELECT touch_id, contact_id FROM touch_participants ORDER BY touch_id, contact_id",
    )?;
    let mut participants = participants.query([])?;
    let mut pending = next_pair(&mut participants)?;
    let mut captured = conn.prepare(&format!(
        "{} ORDER BY c.touch_id, c.source_id",
        capture::CAPTURED
    ))?;
    let mut captured = captured.query([])?;
    let mut next_captured = next_source(&mut captured)?;
    let mut stmt = conn.prepare(
        "SELECT id, at, channel, note, outcome, rating, hook_id FROM touches ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut touch = Touch {
            id: row.get_ref(0)?.as_i64().map_err(rusqlite::Error::from)?,
            at: from_secs(row.get_ref(1)?.as_i64().map_err(rusqlite::Error::from)?),
            channel: row.get(2)?,
            note: row.get(3)?,
            outcome: row.get(4)?,
            rating: row.get(5)?,
            hook_id: row.get(6)?,
            participants: Vec::new(),
            captured: Vec::new(),
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
        while let Some((touch_id, _)) = &next_captured {
            if *touch_id > touch.id {
                break;
            }
            if let Some((touch_id, c)) = next_captured.take()
                && touch_id == touch.id
            {
                touch.captured.push(c);
            }
            next_captured = next_source(&mut captured)?;
        }
        f(touch)?;
    }
    Ok(())
}

fn next_source(rows: &mut Rows) -> Result<Option<(Id, Captured)>> {
    Ok(match rows.next()? {
        Some(row) => Some(capture::captured_row(row)?),
        None => None,
    })
}

/// Every source key capture counted, by source, key and contact.
pub fn capture_keys(conn: &Connection) -> Result<Vec<SourceKey>> {
    let mut keys = Vec::new();
    capture::for_each_key(conn, |key| {
        keys.push(key);
        Ok(())
    })?;
    Ok(keys)
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
