//! Backups and what moves whole databases in and out: the copy of the file
//! (`draht backup`), the health check (`draht check`), the JSON backup
//! (`export json`) and its restore (`import BACKUP.json`), and importing
//! address books read by `interop`. Each is one transaction.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::error::Result;
use crate::interop::import::{Batch, ImportOptions, ImportReport};
use crate::interop::json::{self, Backup, Exported, Restored, Sections};
pub use crate::store::backup::{Copied, Dangling, Health, default_backup_path};
use crate::store::{Store, backup, export, followups, hooks, restore};

/// A consistent copy of the database in the new file `target` (see
/// `store::backup::copy_to_new_file`: never over a file, never half made).
pub fn copy(s: &Store, target: &Path) -> Result<Copied> {
    backup::copy_to_new_file(s.conn(), target)
}

/// Integrity, references and schema of the database.
pub fn check(s: &Store) -> Result<Health> {
    backup::check(s.conn())
}

/// The whole database as backup text (`export json`), the touches
/// streamed from the database into the text in one read transaction.
pub fn export_json(s: &mut Store, now: DateTime<Utc>) -> Result<Exported> {
    s.read(|tx| {
        let contacts = export::contacts_by_id(tx)?;
        let hooks = hooks::all(tx)?;
        let followups = followups::all(tx)?;
        let jourfixe = export::jourfixe_by_id(tx)?;
        let sections = Sections {
            contacts: &contacts,
            hooks: &hooks,
            followups: &followups,
            jourfixe: &jourfixe,
            touches_expected: export::touch_count(tx)?,
        };
        json::stream_text(now, sections, |take| export::for_each_touch(tx, take))
    })
}

/// The whole database as a [`Backup`] (the records `export json` writes).
pub fn records(s: &mut Store, now: DateTime<Utc>) -> Result<Backup> {
    s.read(|tx| {
        let mut touches = Vec::new();
        export::for_each_touch(tx, |touch| {
            touches.push(touch);
            Ok(())
        })?;
        Ok(Backup {
            format: json::FORMAT.to_string(),
            version: json::VERSION,
            exported_at: now,
            contacts: export::contacts_by_id(tx)?,
            touches,
            hooks: hooks::all(tx)?,
            followups: followups::all(tx)?,
            jourfixe: export::jourfixe_by_id(tx)?,
        })
    })
}

/// Restores `backup` (read from `source`) into the empty database with
/// the same ids, in one write transaction: a damaged backup, or a database
/// that already holds contacts or touches, writes nothing. With `dry_run`,
/// only says what it would write.
pub fn restore_json(
    s: &mut Store,
    source: &str,
    backup: &Backup,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<Restored> {
    s.write(|tx| {
        let (contacts, touches) = restore::held(tx)?;
        if contacts > 0 || touches > 0 {
            return Err(json::not_empty(contacts, touches));
        }
        let restored = json::check(source, backup, dry_run, now)?;
        if !dry_run {
            let records = restore::Records {
                contacts: &backup.contacts,
                touches: &backup.touches,
                hooks: &backup.hooks,
                followups: &backup.followups,
                jourfixe: &backup.jourfixe,
            };
            restore::write(tx, records, now)?;
        }
        Ok(restored)
    })
}

/// Every active contact, whole, by name: what the vCard and vdir exports
/// write.
pub fn people(s: &mut Store) -> Result<Vec<crate::model::Contact>> {
    s.read(|tx| crate::store::contacts::all(tx, false))
}

/// Imports the people `batch` holds (read from vCard, a vdir or CSV), in
/// one write transaction: all of them or, unless `options` say to skip the
/// bad ones, none.
pub fn import(
    s: &mut Store,
    batch: Batch,
    options: &ImportOptions,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<ImportReport> {
    s.write(|tx| crate::interop::import::import(tx, batch, options, config, now))
}
