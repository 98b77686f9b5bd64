//! Backups and what moves whole databases in and out: the copy of the file
//! (`draht backup`), the health check (`draht check`), the JSON backup
//! (`export json`) and its restore (`import BACKUP.json`), and importing
//! address books read by `interop`. Each is one transaction.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::interop::json::{
    self, Backup, CadenceStart, CardRecord, CardSource, Exported, JourFixeReminder, Restored,
    Sections, SentReminder,
};
use crate::remind::{Key, Kind, Remind};
pub use crate::store::backup::{Copied, Dangling, Health, default_backup_path};
use crate::store::{
    Store, Tx, backup, capture, cards, contacts, export, followups, hooks, reminders, restore,
};

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
        let capture_sources = capture::sources(tx)?;
        let capture_keys = export::capture_keys(tx)?;
        let v2 = Kept::read(tx)?;
        let sections = Sections {
            contacts: &contacts,
            hooks: &hooks,
            followups: &followups,
            jourfixe: &jourfixe,
            capture_sources: &capture_sources,
            capture_keys: &capture_keys,
            cards: &v2.cards,
            sources: &v2.sources,
            cadence_starts: &v2.cadence_starts,
            jourfixe_reminders: &v2.jourfixe_reminders,
            reminders_sent: &v2.reminders_sent,
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
        let v2 = Kept::read(tx)?;
        Ok(Backup {
            format: json::FORMAT.to_string(),
            version: json::VERSION,
            exported_at: now,
            contacts: export::contacts_by_id(tx)?,
            touches,
            hooks: hooks::all(tx)?,
            followups: followups::all(tx)?,
            jourfixe: export::jourfixe_by_id(tx)?,
            capture_sources: capture::sources(tx)?,
            capture_keys: export::capture_keys(tx)?,
            cards: v2.cards,
            sources: v2.sources,
            cadence_starts: v2.cadence_starts,
            jourfixe_reminders: v2.jourfixe_reminders,
            reminders_sent: v2.reminders_sent,
        })
    })
}

/// What a backup holds from format version 2 on, beside the records of
/// version 1: the kept cards and import sources, the cadence starts, each
/// Jour fixe's own reminder lead and the reminders already sent.
struct Kept {
    cards: Vec<CardRecord>,
    sources: Vec<CardSource>,
    cadence_starts: Vec<CadenceStart>,
    jourfixe_reminders: Vec<JourFixeReminder>,
    reminders_sent: Vec<SentReminder>,
}

impl Kept {
    /// Every list ordered, so the same database gives the same file.
    fn read(tx: &Tx) -> Result<Kept> {
        let mut cards: Vec<CardRecord> = cards::all_cards(tx)?
            .into_iter()
            .map(|(contact_id, vcard)| CardRecord { contact_id, vcard })
            .collect();
        cards.sort_by_key(|c| c.contact_id);
        let sources = cards::all_sources(tx)?
            .into_iter()
            .map(|(source, contact_id, vcard)| CardSource {
                source,
                contact_id,
                vcard,
            })
            .collect();
        let cadence_starts = contacts::cadence_starts(tx)?
            .into_iter()
            .map(|(contact_id, from)| CadenceStart { contact_id, from })
            .collect();
        let mut jourfixe_reminders: Vec<JourFixeReminder> = reminders::settings(tx)?
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
        jourfixe_reminders.sort_by_key(|r| r.jourfixe_id);
        // every day the store can hold (`YYYY-MM-DD`) is from year 1 on
        let first = chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(chrono::NaiveDate::MIN);
        let reminders_sent = reminders::sent_log(tx, first)?
            .into_iter()
            .map(|(key, sent_at)| SentReminder {
                kind: key.kind.as_str().to_string(),
                subject: key.subject,
                day: key.day,
                sent_at,
            })
            .collect();
        Ok(Kept {
            cards,
            sources,
            cadence_starts,
            jourfixe_reminders,
            reminders_sent,
        })
    }
}

/// Writes the version-2 sections of `backup` (checked by `json::check`).
fn restore_kept(tx: &Tx, source: &str, backup: &Backup) -> Result<()> {
    for card in &backup.cards {
        cards::put_card(tx, card.contact_id, &card.vcard)?;
    }
    for s in &backup.sources {
        cards::put_source(tx, &s.source, s.contact_id, &s.vcard)?;
    }
    for start in &backup.cadence_starts {
        contacts::set_cadence_from(tx, start.contact_id, start.from)?;
    }
    for lead in &backup.jourfixe_reminders {
        let setting = lead.minutes.map_or(Remind::Off, Remind::Before);
        reminders::set(tx, lead.jourfixe_id, setting)?;
    }
    for sent in &backup.reminders_sent {
        let kind = Kind::from_name(&sent.kind)
            .ok_or_else(|| Error::input(format!("{source}: unknown reminder kind")))?;
        let key = Key {
            kind,
            subject: sent.subject,
            day: sent.day,
        };
        reminders::record(tx, &key, sent.sent_at)?;
    }
    Ok(())
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
                capture_sources: &backup.capture_sources,
                capture_keys: &backup.capture_keys,
            };
            restore::write(tx, records, now)?;
            restore_kept(tx, source, backup)?;
        }
        Ok(restored)
    })
}

/// Every active contact, whole, by name: what the vCard and vdir exports
/// write.
pub fn people(s: &mut Store) -> Result<Vec<crate::model::Contact>> {
    s.read(|tx| crate::store::contacts::all(tx, false))
}
