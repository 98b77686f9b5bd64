//! Moving everything of one contact onto another: the store half of
//! `draht merge` (the fields are merged by `app::merge`).

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{cards, facts};
use crate::error::{Error, Result};
use crate::model::Id;

/// What belongs to a contact apart from its own fields.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Belongings {
    pub touches: usize,
    /// Touches both contacts took part in (they stay one touch).
    pub shared_touches: usize,
    pub hooks: usize,
    pub followups: usize,
    pub jourfixe: usize,
    /// Identities of the records imports read for it.
    pub sources: usize,
}

/// What contact `gone` has that a merge into `keep` would move.
pub fn belongings(conn: &Connection, gone: Id, keep: Id) -> Result<Belongings> {
    let count = |table: &str| -> Result<usize> {
        let n: i64 = conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM {table} WHERE contact_id = ?1"
            ))?
            .query_row([gone], |row| row.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    let shared: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM touch_participants p WHERE p.contact_id = ?1
             AND EXISTS (SELECT 1 FROM touch_participants q
                         WHERE q.touch_id = p.touch_id AND q.contact_id = ?2)",
        )?
        .query_row(params![gone, keep], |row| row.get(0))?;
    Ok(Belongings {
        touches: count("touch_participants")?,
        shared_touches: usize::try_from(shared).unwrap_or(0),
        hooks: count("hooks")?,
        followups: count("followups")?,
        jourfixe: count("jourfixes")?,
        sources: count("card_sources")?,
    })
}

/// Moves the touches (a touch both took part in keeps one participant
/// row), hooks, follow-ups, Jour fixe and import sources of contact `gone`
/// to contact `keep`, deletes `gone` with its own fields and refreshes
/// `keep`'s facts. The caller has written `keep`'s merged fields.
pub fn move_all(conn: &Connection, gone: Id, keep: Id) -> Result<()> {
    if gone == keep {
        return Err(Error::input(crate::t!("error-merge-itself")));
    }
    for sql in [
        // a touch both took part in would get its participant twice: skipped
        // here, and the row of `gone` deleted below
        "UPDATE OR IGNORE touch_participants SET contact_id = ?2 WHERE contact_id = ?1",
        "UPDATE hooks SET contact_id = ?2 WHERE contact_id = ?1",
        "UPDATE followups SET contact_id = ?2 WHERE contact_id = ?1",
        "UPDATE jourfixes SET contact_id = ?2 WHERE contact_id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute(params![gone, keep])?;
    }
    conn.prepare_cached("DELETE FROM touch_participants WHERE contact_id = ?1")?
        .execute([gone])?;
    cards::move_sources(conn, gone, keep)?;
    let removed = conn
        .prepare_cached("DELETE FROM contacts WHERE id = ?1")?
        .execute([gone])?;
    if removed == 0 {
        return Err(Error::input(crate::t!(
            "error-contact-missing",
            id = gone.to_string()
        )));
    }
    facts::refresh(conn, keep)
}
