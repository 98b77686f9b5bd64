//! `draht sync`, the calendar half: each Jour fixe as a `VEVENT` (with its
//! `RRULE` and `EXDATE`s), each follow-up a `VTODO`, each touch a
//! `VJOURNAL`, in a calendar vdir, one `.ics` per item, read back when it
//! changed there. The same rules as the contacts half (`app::sync`): stat,
//! hash, fields against the last pass's state; `sync::decide`; a
//! field-wise `sync::merge` whose losing values are kept in the contact's
//! note. The folder is read once per pass, whatever kinds it holds; how
//! each kind becomes its item and back is `sync_cal_kinds`. Items that are
//! not draht's (an event made in khal) are left alone.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::path::Path;

use chrono::{DateTime, Utc};

use super::sync::{
    How, Report, folder_files, hash_of, keep_lost, now_ns, open_folder, remove_temps, stat_of,
};
use super::sync_cal_kinds::{self as kinds, KINDS, People, Rec};
use crate::error::{Error, IoContext, Result};
use crate::fsutil::{Batch, create_private_dir};
use crate::interop::sync_ics::{CalItem, CalRecord, ReadItem, item_fields, read_item, render_item};
use crate::model::Id;
use crate::store::sync::{self as state, Folder, Item, Kind, Stat};
use crate::store::{Tx, contacts};
use crate::sync::{Action, Digest, Side, decide, merge, newer};
use crate::t;

/// What one pass did with each kind of the calendar folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalReports {
    pub jourfixe: Report,
    pub followups: Report,
    pub touches: Report,
}

impl CalReports {
    fn of(&mut self, kind: Kind) -> &mut Report {
        match kind {
            Kind::FollowUp => &mut self.followups,
            Kind::Touch => &mut self.touches,
            _ => &mut self.jourfixe,
        }
    }
}

/// One calendar file as found in the folder.
struct File {
    kind: Kind,
    stat: state::Stat,
    mtime_ms: i64,
    /// The item it holds and its text, when it had to be read.
    read: Option<(CalItem, String)>,
}

/// One pass over the calendar folder `dir`, in the transaction `tx`.
pub(super) fn run(
    tx: &Tx,
    dir: &Path,
    now: DateTime<Utc>,
    how: How,
    batch: &mut Batch,
    reports: &mut CalReports,
) -> Result<()> {
    let dry_run = how.dry_run;
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(t!(
            "error-sync-calendar-not-folder",
            path = dir.display().to_string()
        )));
    }
    if !dry_run {
        create_private_dir(dir)?;
    }
    let folder = open_folder(tx, Folder::Calendar, &KINDS, dir, how)?;
    if folder.skip {
        return Ok(());
    }
    let items: Vec<Item> = match folder.known {
        Some(_) => state::items(tx, Folder::Calendar)?,
        None => Vec::new(),
    };
    let path_text = folder
        .known
        .unwrap_or_else(|| dir.to_string_lossy().to_string());
    // an item whose people this database has not met yet is looked at
    // again by the next pass (see below)
    let mut waiting = false;
    let by_href: HashMap<&str, &Item> = items.iter().map(|i| (i.href.as_str(), i)).collect();
    let dirty: HashMap<(Kind, Id), i64> = state::dirty(tx)?
        .into_iter()
        .map(|(k, id, at)| ((k, id), at))
        .collect();

    // the folder, read once for every kind
    let mut files: HashMap<String, File> = HashMap::new();
    let listed = folder_files(dir, "ics")?;
    if !dry_run {
        remove_temps(&listed.temps);
    }
    // the files there that are not draht's: their state is kept
    let mut others: HashSet<String> = HashSet::new();
    for (href, stat, mtime_ms) in listed.files {
        let known = by_href.get(href.as_str());
        if known.is_some_and(|i| !KINDS.contains(&i.kind)) {
            continue; // someone else's item
        }
        let file = match known {
            Some(i) if i.stat == stat => File {
                kind: i.kind,
                stat,
                mtime_ms,
                read: None,
            },
            _ => {
                let path = dir.join(&href);
                let text = std::fs::read_to_string(&path).at_path(&path)?;
                match read_item(&text) {
                    Ok(ReadItem::Draht { item, .. }) => File {
                        kind: kinds::kind_of(&item.record),
                        stat,
                        mtime_ms,
                        read: Some((item, text)),
                    },
                    Ok(ReadItem::Other { .. }) => {
                        others.insert(href);
                        continue;
                    }
                    Err(_) => {
                        reports.jourfixe.unreadable.push(href.clone());
                        others.insert(href);
                        continue;
                    }
                }
            }
        };
        files.insert(href, file);
    }

    // draht's files the state does not know, by what they hold: a record
    // without a file takes the one that holds it (written by a pass that
    // was stopped before it committed) rather than a second one
    let mut orphans: HashMap<(Kind, String), Vec<String>> = HashMap::new();
    for (href, f) in &files {
        if let Some((cal, _)) = &f.read
            && !by_href.contains_key(href.as_str())
        {
            let key = (f.kind, item_fields(cal).digest().encode());
            orphans.entry(key).or_default().push(href.clone());
        }
    }
    // the records to look at: changed here since the last pass, without a
    // file yet, or whose file changed or went; the others are in step and
    // are not read
    let mut handled: HashSet<String> = HashSet::new();
    let mut kept: HashSet<(Kind, Id)> = HashSet::new();
    let mut looks = Vec::new();
    for kind in KINDS {
        let item_of: HashMap<Id, &Item> = items
            .iter()
            .filter(|i| i.kind == kind)
            .filter_map(|i| i.record_id.map(|id| (id, i)))
            .collect();
        let keys = state::record_keys(tx, kind)?;
        let total = keys.len();
        let mut look = Vec::new();
        for (id, key) in keys {
            let in_step = item_of.get(&id).filter(|i| {
                !dirty.contains_key(&(kind, id))
                    && files
                        .get(&i.href)
                        .is_some_and(|f| f.kind == kind && f.read.is_none() && f.stat == i.stat)
            });
            match in_step {
                Some(i) => {
                    kept.insert((kind, id));
                    handled.insert(i.href.clone());
                }
                None => look.push((key, id)),
            }
        }
        look.sort_unstable();
        let look: Vec<Id> = look.into_iter().map(|(_, id)| id).collect();
        looks.push((kind, item_of, look, total));
    }
    // the contacts and hooks, when there is anything to look at
    let anything = looks.iter().any(|(_, _, look, _)| !look.is_empty())
        || files.keys().any(|h| !handled.contains(h));
    let everyone = match anything {
        true => contacts::all(tx, true)?,
        false => Vec::new(),
    };
    let people = match anything {
        true => People::new(tx, &everyone)?,
        false => People::none(),
    };
    for (kind, item_of, look, total) in looks {
        let report = reports.of(kind);
        let records = kinds::records_of(tx, kind, &people, &look, total)?;
        kept.extend(records.iter().map(|r| (kind, r.id)));
        for rec in &records {
            let item = item_of.get(&rec.id).copied();
            let orphan = match item {
                None if !orphans.is_empty() => adopt(&mut orphans, kind, rec, &files),
                _ => None,
            };
            let (uid, href) = match (item, orphan) {
                (Some(i), _) => (i.uid.clone(), i.href.clone()),
                (None, Some(found)) => found,
                (None, None) => {
                    let uid = contacts::new_uid();
                    let href = format!("{uid}.ics");
                    (uid, href)
                }
            };
            handled.insert(href.clone());
            let mut ctx = One {
                tx,
                dir,
                now,
                dry_run,
                people: &people,
                kind,
                batch: &mut *batch,
            };
            let file = files.get(&href).filter(|f| f.kind == kind);
            let changed_at = dirty.get(&(kind, rec.id)).copied();
            ctx.record(rec, item, &uid, &href, file, changed_at, report)?;
        }
    }

    // files of records this database does not have
    let mut rest: Vec<(&String, &File)> = files
        .iter()
        .filter(|(href, _)| !handled.contains(*href))
        .collect();
    rest.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (href, f) in rest {
        let report = reports.of(f.kind);
        if let Some(item) = by_href.get(href.as_str())
            && item.record_id.is_some()
            && f.read.is_none()
        {
            // its record was removed here, and the file did not change
            report.deleted.push(href.clone());
            if !dry_run {
                let path = dir.join(href);
                std::fs::remove_file(&path).at_path(&path)?;
                state::remove(tx, Folder::Calendar, href)?;
            }
            continue;
        }
        let (cal, text) = load(dir, href, Some(f))?;
        if dry_run {
            if let Some(name) = names_known(&cal.record, &people) {
                report.added.push(name);
            }
            continue;
        }
        // someone this database has not met yet: the next pass, after
        // the contacts half brought the card, takes it
        let Some(id) = kinds::insert(tx, &cal.record, &people, now)? else {
            waiting = true;
            continue;
        };
        // the state holds the record as stored (see `One::record`)
        let (name, stored) = match kinds::record(tx, f.kind, id, &people)? {
            Some(r) => (r.name, r.cal),
            None => (String::new(), cal.record.clone()),
        };
        report.added.push(name);
        let cal = CalItem {
            uid: cal.uid,
            record: stored,
        };
        remember(tx, href, &cal, f.kind, id, (f.stat, hash_of(&text)), now)?;
    }
    if !dry_run {
        for item in items.iter().filter(|i| KINDS.contains(&i.kind)) {
            if !files.contains_key(&item.href) && !others.contains(&item.href) {
                let gone = item
                    .record_id
                    .is_none_or(|id| !kept.contains(&(item.kind, id)));
                if gone {
                    state::remove(tx, Folder::Calendar, &item.href)?;
                }
            }
        }
        // a file that could not be read, or waits for its contact, is
        // looked at again
        let open = waiting || !reports.jourfixe.unreadable.is_empty();
        let mark = folder.mark.filter(|_| !open);
        state::set_folder(tx, Folder::Calendar, &path_text, now, mark)?;
    }
    Ok(())
}

/// The UID and name of an unknown file of the folder that holds `rec`
/// as it is, taken from `orphans`.
fn adopt(
    orphans: &mut HashMap<(Kind, String), Vec<String>>,
    kind: Kind,
    rec: &Rec,
    files: &HashMap<String, File>,
) -> Option<(String, String)> {
    let probe = CalItem {
        uid: String::new(),
        record: rec.cal.clone(),
    };
    let key = (kind, item_fields(&probe).digest().encode());
    let hrefs = orphans.get_mut(&key)?;
    let href = hrefs.pop()?;
    if hrefs.is_empty() {
        orphans.remove(&key);
    }
    let (cal, _) = files.get(&href)?.read.as_ref()?;
    Some((cal.uid.clone(), href))
}

/// The names an item of the folder concerns, when all are known here.
fn names_known(cal: &CalRecord, people: &People) -> Option<String> {
    let names: Option<Vec<String>> = cal
        .people()
        .iter()
        .map(|p| {
            p.uid
                .as_deref()
                .and_then(|u| people.by_uid.get(u))
                .map(|c| c.name.clone())
        })
        .collect();
    names.filter(|n| !n.is_empty()).map(|n| n.join(", "))
}

/// What the pass over one record needs.
struct One<'a, 'p> {
    tx: &'a Tx,
    dir: &'a Path,
    now: DateTime<Utc>,
    dry_run: bool,
    people: &'a People<'p>,
    kind: Kind,
    batch: &'a mut Batch,
}

impl One<'_, '_> {
    /// Brings record `rec` and its file `href` in step.
    #[allow(clippy::too_many_arguments)]
    fn record(
        &mut self,
        rec: &Rec,
        item: Option<&Item>,
        uid: &str,
        href: &str,
        file: Option<&File>,
        changed_at: Option<i64>,
        report: &mut Report,
    ) -> Result<()> {
        let (tx, dir, now, dry_run) = (self.tx, self.dir, self.now, self.dry_run);
        // (a record in step on both sides is not looked at: see `looks`)
        let base = item.map(|i| Digest::decode(&i.digest));
        let cal = CalItem {
            uid: uid.to_string(),
            record: rec.cal.clone(),
        };
        let record_fields = item_fields(&cal);
        let record_side = match &base {
            Some(base) if base.changed(&record_fields).is_empty() => Side::Same,
            _ => Side::Changed,
        };
        let file_side = match (file, &base) {
            (None, _) => Side::Absent,
            (Some(f), Some(base)) => match &f.read {
                None => Side::Same,
                Some((_, text)) if item.is_some_and(|i| i.hash == hash_of(text)) => Side::Same,
                Some((read, _)) if base.changed(&item_fields(read)).is_empty() => Side::Same,
                Some(_) => Side::Changed,
            },
            (Some(_), None) => Side::Changed,
        };
        let name = rec.name.clone();
        match decide(item.is_some(), file_side, record_side) {
            Action::Nothing => {
                if let (Some(f), Some(item)) = (file, item)
                    && f.stat != item.stat
                    && !dry_run
                {
                    state::restat(tx, Folder::Calendar, href, f.stat, now_ns(now))?;
                }
            }
            Action::Export => {
                report.written.push(name);
                if !dry_run {
                    // the file as it is, when there is one: its other lines stay
                    let previous = match file {
                        Some(File {
                            read: Some((_, text)),
                            ..
                        }) => Some(text.clone()),
                        Some(_) => std::fs::read_to_string(dir.join(href)).ok(),
                        None => None,
                    };
                    self.write(href, &cal, rec.id, previous.as_deref())?;
                }
            }
            Action::Import | Action::Merge => {
                let (read, text) = load(dir, href, file)?;
                let f = file.expect("a file to read");
                let both = file_side == Side::Changed && record_side == Side::Changed;
                if both && item_fields(&read).differing(&record_fields).is_empty() {
                    // both sides hold the same (an item written by a pass
                    // that did not commit, or the same edit made on both)
                    if !dry_run {
                        let seen = (f.stat, hash_of(&text));
                        remember(tx, href, &read, self.kind, rec.id, seen, now)?;
                    }
                    return Ok(());
                }
                let mut merged_rec = read.record.clone();
                if file_side == Side::Changed && record_side == Side::Changed {
                    let merged = merge(
                        base.as_ref(),
                        &record_fields,
                        &item_fields(&read),
                        newer(changed_at, file.map(|f| f.mtime_ms)),
                    );
                    report.merged.push(name.clone());
                    merged_rec = rec.cal.clone();
                    kinds::take(&mut merged_rec, &read.record, &merged.theirs);
                    for lost in &merged.lost {
                        report.conflicts.push((
                            name.clone(),
                            lost.field.clone(),
                            lost.value.clone(),
                        ));
                    }
                    if !dry_run && !merged.lost.is_empty() {
                        keep_lost(tx, rec.owner, &merged.lost, now)?;
                    }
                } else {
                    report.updated.push(name.clone());
                }
                if !dry_run {
                    kinds::update(tx, rec.id, &merged_rec, self.people)?;
                    // the record as stored now: what the file must say
                    let stored = kinds::record(tx, self.kind, rec.id, self.people)?
                        .map_or(merged_rec, |r| r.cal);
                    let cal = CalItem {
                        uid: read.uid.clone(),
                        record: stored,
                    };
                    if file_side == Side::Changed && record_side == Side::Changed {
                        self.write(href, &cal, rec.id, Some(&text))?;
                    } else {
                        // taken as it is: the file is not written back (what
                        // draht could not take, a hook it does not have, stays
                        // in it), the state holds the record as stored
                        let seen = (f.stat, hash_of(&text));
                        remember(tx, href, &cal, self.kind, rec.id, seen, now)?;
                    }
                }
            }
            Action::RemoveRecord => {
                report.archived.push(name);
                if !dry_run {
                    kinds::delete(tx, self.kind, rec.id)?;
                    state::remove(tx, Folder::Calendar, href)?;
                }
            }
            Action::DeleteFile | Action::Forget => {
                if !dry_run {
                    state::remove(tx, Folder::Calendar, href)?;
                }
            }
        }
        Ok(())
    }

    /// Stages the file of `cal` (put in place when the pass ends) and
    /// records it as synced.
    fn write(&mut self, href: &str, cal: &CalItem, id: Id, previous: Option<&str>) -> Result<()> {
        let text = render_item(cal, previous, self.now);
        let meta = self.batch.stage(&self.dir.join(href), text.as_bytes())?;
        let seen = (stat_of(&meta), hash_of(&text));
        remember(self.tx, href, cal, self.kind, id, seen, self.now)
    }
}

/// The item of file `href`, reading it if its stat said unchanged.
fn load(dir: &Path, href: &str, file: Option<&File>) -> Result<(CalItem, String)> {
    if let Some((cal, text)) = file.and_then(|f| f.read.as_ref()) {
        return Ok((cal.clone(), text.clone()));
    }
    let path = dir.join(href);
    let text = std::fs::read_to_string(&path).at_path(&path)?;
    match read_item(&text) {
        Ok(ReadItem::Draht { item, .. }) => Ok((item, text)),
        _ => Err(Error::input(crate::t!(
            "error-sync-item-unreadable",
            path = path.display().to_string()
        ))),
    }
}

/// Records file `href` as the pass leaves it: its stat and content hash
/// (`seen`) and the fields of `cal`.
fn remember(
    tx: &Tx,
    href: &str,
    cal: &CalItem,
    kind: Kind,
    id: Id,
    (stat, hash): (Stat, [u8; 16]),
    now: DateTime<Utc>,
) -> Result<()> {
    state::put(
        tx,
        &Item {
            folder: Folder::Calendar,
            href: href.to_string(),
            uid: cal.uid.clone(),
            kind,
            record_id: Some(id),
            stat,
            seen_ns: now_ns(now),
            hash,
            digest: item_fields(cal).digest().encode(),
        },
    )
}
