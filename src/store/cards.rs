//! The address book as it came: each contact's vCard (`contact_cards`)
//! and the identity of every record an import read, with the record as
//! last read (`card_sources`). See migrations/0005_cards.sql.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::model::Id;

/// The vCard an export of contact `id` starts from, if it has one.
pub fn card(conn: &Connection, id: Id) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT vcard FROM contact_cards WHERE contact_id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?)
}

/// Every contact's vCard, by contact id.
pub fn all_cards(conn: &Connection) -> Result<HashMap<Id, String>> {
    Ok(conn
        .prepare_cached("SELECT contact_id, vcard FROM contact_cards")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Sets the vCard of contact `id` (without control characters, as every
/// text the store keeps).
pub fn put_card(conn: &Connection, id: Id, vcard: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO contact_cards (contact_id, vcard) VALUES (?1, ?2)",
    )?
    .execute(params![id, crate::text::without_controls(vcard)])?;
    Ok(())
}

/// Forgets the vCard of contact `id`.
pub fn drop_card(conn: &Connection, id: Id) -> Result<()> {
    conn.prepare_cached("DELETE FROM contact_cards WHERE contact_id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Every source identity with its contact.
pub fn sources(conn: &Connection) -> Result<Vec<(String, Id)>> {
    Ok(conn
        .prepare_cached("SELECT source, contact_id FROM card_sources")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The record last read from `source`, if any.
pub fn source_card(conn: &Connection, source: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT vcard FROM card_sources WHERE source = ?1")?
        .query_row([source], |row| row.get(0))
        .optional()?)
}

/// Records that `source` is contact `id`, as last read in `vcard`.
pub fn put_source(conn: &Connection, source: &str, id: Id, vcard: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO card_sources (source, contact_id, vcard) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![source, id, crate::text::without_controls(vcard)])?;
    Ok(())
}

/// The source identities of contact `id`.
pub fn sources_of(conn: &Connection, id: Id) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT source FROM card_sources WHERE contact_id = ?1 ORDER BY source")?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every source with its contact and record, ordered by source (for the
/// JSON backup).
pub fn all_sources(conn: &Connection) -> Result<Vec<(String, Id, String)>> {
    Ok(conn
        .prepare_cached("SELECT source, contact_id, vcard FROM card_sources ORDER BY source")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Moves every source identity of contact `from` to contact `to`.
pub fn move_sources(conn: &Connection, from: Id, to: Id) -> Result<()> {
    conn.prepare_cached("UPDATE card_sources SET contact_id = ?2 WHERE contact_id = ?1")?
        .execute(params![from, to])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::Contact;
    use crate::store::{Store, contacts};

    #[test]
    fn cards_and_sources_go_with_their_contact() {
        let mut store = Store::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        store
            .write(|tx| {
                let anna = contacts::insert(tx, &Contact::new("Anna", now), now)?;
                let ben = contacts::insert(tx, &Contact::new("Ben", now), now)?;
                put_card(tx, anna, "BEGIN:VCARD\r\nEND:VCARD\r\n")?;
                put_source(tx, "uid:a", anna, "A")?;
                put_source(tx, "card:b", ben, "B")?;
                assert_eq!(
                    card(tx, anna)?.as_deref(),
                    Some("BEGIN:VCARD\r\nEND:VCARD\r\n")
                );
                assert_eq!(card(tx, ben)?, None);
                move_sources(tx, ben, anna)?;
                assert_eq!(sources_of(tx, anna)?, ["card:b", "uid:a"]);
                put_source(tx, "uid:a", anna, "A2")?;
                assert_eq!(source_card(tx, "uid:a")?.as_deref(), Some("A2"));
                contacts::delete(tx, anna)?;
                assert!(sources(tx)?.is_empty(), "they go when the contact goes");
                assert!(all_cards(tx)?.is_empty());
                Ok(())
            })
            .unwrap();
    }
}
