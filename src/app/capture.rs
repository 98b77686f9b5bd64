//! `draht capture`: touches from the user's own mail and calendars, and
//! from the phone's exports (SMS Backup & Restore, WhatsApp, Telegram).
//!
//! A run reads each source (a maildir, an mbox, a calendar file or vdir, a
//! phone export or a folder of them) with its reader from
//! `crate::capture`, matches what it finds to
//! contacts, and records one touch per contact, channel and local day —
//! joining a touch already there (captured before, or logged by hand, which
//! keeps its note). Every message or event is counted once per contact by
//! its source key, so capturing the same data again adds nothing.
//!
//! Big sources commit as they go (every [`session::COMMIT_EVERY`] or so):
//! the keys, the touches and the watermark of what was read land in the same
//! transaction, so a run that is killed resumes where its last commit
//! left off. `--dry-run` runs the same steps in one transaction that is
//! rolled back.
//!
//! Each source's watermarks are kept with a fingerprint of the matching
//! rules (the contacts' addresses, the user's own, `max_recipients`, …);
//! when that changes — a contact gained an address — the source is read
//! again from its start, and the keys keep that from counting anything
//! twice.

mod drive;
mod phone;
mod session;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use crate::capture::address::{Book, Entry};
use crate::capture::report::{Tally, Unknown, guess_name};
use crate::capture::{Kind, detect};
use crate::clock;
use crate::config::{CaptureConfig, Config};
use crate::error::{Error, Result};
use crate::matching::fold;
use crate::model::{Channel, Contact, Id};
use crate::store::capture::{self as stored, Forgotten};
use crate::store::{Store, Tx, contacts};
use crate::t;
use crate::text;

pub use crate::capture::whatsapp::DateOrder;
pub use session::{ContactRun, SourceRun, Tried};

/// One source to read, as given on the command line or in the config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSpec {
    pub path: PathBuf,
    /// `None`: recognised from the path.
    pub kind: Option<Kind>,
    /// `None`: the path's last part.
    pub name: Option<String>,
    /// Calendar: match contacts named in an event's summary.
    pub match_names: bool,
    /// Chats: what the user said about them (`--groups`, `--date-order`,
    /// `--contact`).
    pub chats: ChatSpec,
}

/// What the user says about chat exports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatSpec {
    /// Group chats are touches with their participants.
    pub groups: bool,
    /// WhatsApp's date order, when a file does not tell.
    pub date_order: Option<DateOrder>,
    /// The contact a chat is with, as a name (`draht show` takes).
    pub contact: Option<String>,
}

impl SourceSpec {
    pub fn at(path: impl Into<PathBuf>) -> SourceSpec {
        SourceSpec {
            path: path.into(),
            kind: None,
            name: None,
            match_names: false,
            chats: ChatSpec::default(),
        }
    }
}

/// The sources the config names, for `draht capture` without arguments.
pub fn configured(config: &CaptureConfig) -> Vec<SourceSpec> {
    config
        .sources
        .iter()
        .map(|s| SourceSpec {
            path: s.path.clone(),
            kind: s.kind,
            name: s.name.clone(),
            match_names: s.match_names,
            chats: ChatSpec {
                groups: s.groups,
                date_order: s.date_order,
                contact: s.contact.clone(),
            },
        })
        .collect()
}

/// What a run is asked to do.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub sources: &'a [SourceSpec],
    /// Nothing before this local day.
    pub since: Option<NaiveDate>,
    /// Read and match everything, write nothing.
    pub dry_run: bool,
    pub config: &'a CaptureConfig,
    pub now: DateTime<Utc>,
}

/// What a run did (or, in a dry run, would do).
#[derive(Clone, Debug, Serialize)]
pub struct Run {
    pub dry_run: bool,
    pub sources: Vec<SourceRun>,
    /// Per contact and channel: the day touches made or added to.
    pub contacts: Vec<ContactRun>,
    /// Whether `[me] emails` is set (without it, sent mail is not known).
    pub knows_me: bool,
    /// Contacts who called and whom the user did not answer, by the last
    /// such call (latest first).
    pub tried: Vec<Tried>,
    /// Whether a phone source was read without `[me] region` (so numbers
    /// without a country code match only as written).
    pub needs_region: bool,
}

/// A source resolved: its real path, kind and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub path: PathBuf,
    pub kind: Kind,
    pub name: String,
    /// The name was given (so a known source takes it).
    pub named: bool,
    pub match_names: bool,
    pub chats: ChatSpec,
    /// The contact `chats.contact` names (set as a run starts).
    pub contact: Option<(Id, String)>,
}

fn resolve(spec: &SourceSpec) -> Result<Resolved> {
    let path = std::fs::canonicalize(&spec.path).map_err(|e| {
        Error::input(t!(
            "capture-error-source",
            path = spec.path.display().to_string(),
            reason = io_reason(&e)
        ))
    })?;
    let kind = match spec.kind {
        Some(kind) => kind,
        None => detect::detect(&path)
            .map_err(|e| read_error(&path, &e))?
            .ok_or_else(|| {
                Error::input(t!("capture-error-what", path = path.display().to_string()))
            })?,
    };
    // As the store keeps it (`text::tidy_line`): a name of nothing but
    // control characters is no name.
    let given = spec
        .name
        .as_deref()
        .map(text::tidy_line)
        .filter(|n| !n.is_empty());
    let named = given.is_some();
    let name = given.unwrap_or_else(|| default_name(&path, kind));
    Ok(Resolved {
        path,
        kind,
        name,
        named,
        match_names: spec.match_names,
        chats: spec.chats.clone(),
        contact: None,
    })
}

/// The name a source is shown with unless one is given: its folder's or
/// file's name without the extension, tidied (`text::tidy_line`), or the
/// whole path when that leaves nothing.
fn default_name(path: &Path, kind: Kind) -> String {
    let stem = match kind {
        Kind::Maildir => path.file_name(),
        _ if path.is_dir() => path.file_name(),
        // Telegram names every export result.json: its folder says more.
        Kind::Telegram if path.file_stem().is_some_and(|s| s == "result") => {
            path.parent().and_then(Path::file_name).or(path.file_stem())
        }
        Kind::Mbox | Kind::Calendar | Kind::SmsBackup | Kind::Whatsapp | Kind::Telegram => {
            path.file_stem()
        }
    };
    stem.and_then(|s| s.to_str())
        .map(text::tidy_line)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| text::tidy_line(&path.display().to_string()))
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => t!("capture-reason-missing"),
        std::io::ErrorKind::PermissionDenied => t!("capture-reason-denied"),
        _ => e.to_string(),
    }
}

/// "cannot read PATH: why".
pub(crate) fn read_error(path: &Path, e: &std::io::Error) -> Error {
    Error::input(t!(
        "capture-error-read",
        path = path.display().to_string(),
        reason = io_reason(e)
    ))
}

/// The address book capture matches against.
fn book(tx: &Tx, config: &CaptureConfig) -> Result<Book> {
    let entries: Vec<Entry> = contacts::all(tx, true)?
        .into_iter()
        .map(|c| Entry {
            id: c.id,
            name: c.name,
            nickname: c.nickname,
            emails: c.emails.into_iter().map(|h| h.value).collect(),
            phones: c.phones.into_iter().map(|h| h.value).collect(),
            archived: c.archived,
        })
        .collect();
    Ok(Book::with_region(
        &entries,
        &config.me,
        config.gmail_aliases,
        config.region,
    ))
}

/// Finds the contacts `--contact` names, before anything is read.
fn resolve_contacts(tx: &Tx, sources: &mut [Resolved]) -> Result<()> {
    for source in sources {
        if let Some(name) = &source.chats.contact {
            let id = contacts::find_id(tx, name, false)?;
            source.contact = Some((id, contacts::get(tx, id)?.name));
        }
    }
    Ok(())
}

/// The instant a `--since` day starts (local midnight).
fn since_instant(since: Option<NaiveDate>) -> Option<DateTime<Utc>> {
    since.map(|day| clock::from_local(day.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

/// Captures from `request.sources`.
pub fn capture(store: &mut Store, request: &Request) -> Result<Run> {
    let mut resolved: Vec<Resolved> = request.sources.iter().map(resolve).collect::<Result<_>>()?;
    store.read(|tx| resolve_contacts(tx, &mut resolved))?;
    if request.dry_run {
        store.rehearse(|tx| {
            let mut sink = drive::Rehearse(tx);
            run_all(&mut sink, &resolved, request)
        })
    } else {
        let mut sink = drive::Commit(store);
        run_all(&mut sink, &resolved, request)
    }
}

fn run_all<S: drive::Sink>(sink: &mut S, sources: &[Resolved], request: &Request) -> Result<Run> {
    let book = sink.tx(|tx| book(tx, request.config))?;
    let mut contacts: BTreeMap<(Id, Channel), ContactRun> = BTreeMap::new();
    let mut runs = Vec::new();
    for source in sources {
        let mut session = session::Session::new(
            source,
            &book,
            request,
            session::Mode::Capture,
            &mut contacts,
        );
        drive::source(sink, &mut session)?;
        runs.push(session.finish());
    }
    let mut contacts: Vec<ContactRun> = contacts.into_values().collect();
    let mut tried: BTreeMap<Id, Tried> = BTreeMap::new();
    for t in runs.iter().flat_map(|r: &SourceRun| r.tried.iter()) {
        let entry = tried.entry(t.id).or_insert_with(|| Tried {
            calls: 0,
            ..t.clone()
        });
        entry.calls += t.calls;
        entry.last = entry.last.max(t.last);
    }
    let mut tried: Vec<Tried> = tried.into_values().collect();
    sink.tx(|tx| {
        for c in &mut contacts {
            c.name = contacts::get(tx, c.id)?.name;
        }
        for t in &mut tried {
            t.name = contacts::get(tx, t.id)?.name;
        }
        Ok(())
    })?;
    tried.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.name.cmp(&b.name)));
    let needs_region = book.region().is_none() && sources.iter().any(|s| s.kind.is_phone());
    // Each name folded once: folded in every comparison, it was 6 % of the
    // instructions of a 10,000-message capture (callgrind).
    // (`sort_by_cached_key` is not stable: the id keeps equal names in the
    // order they were, by id.)
    contacts.sort_by_cached_key(|c| (fold(&c.name), std::cmp::Reverse(c.channel), c.id));
    Ok(Run {
        dry_run: request.dry_run,
        sources: runs,
        contacts,
        knows_me: book.knows_me(),
        tried,
        needs_region,
    })
}

/// The unknown-correspondent report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The first day looked at.
    pub since: NaiveDate,
    pub unknown: Vec<Unknown>,
    /// Whether `[me] emails` is set; without it the report cannot tell the
    /// mail the user wrote and lists everyone who wrote.
    pub knows_me: bool,
    /// Messages and events read.
    pub read: u64,
}

/// How far back the report looks unless `--since` says.
pub const REPORT_DAYS: u64 = 90;

/// Reads every source whole (no watermarks, nothing written) and ranks
/// the people in it whom draht does not know.
pub fn report(store: &mut Store, request: &Request) -> Result<Report> {
    let mut resolved: Vec<Resolved> = request.sources.iter().map(resolve).collect::<Result<_>>()?;
    store.read(|tx| resolve_contacts(tx, &mut resolved))?;
    let today = clock::local_day(request.now);
    let since = request.since.unwrap_or_else(|| {
        today
            .checked_sub_days(Days::new(REPORT_DAYS))
            .unwrap_or(today)
    });
    let request = Request {
        since: Some(since),
        ..request.clone()
    };
    store.read(|tx| {
        let book = book(tx, request.config)?;
        let mut sink = drive::Rehearse(tx);
        let mut tally = Tally::default();
        let mut read = 0;
        let mut contacts = BTreeMap::new();
        for source in &resolved {
            let mut session = session::Session::new(
                source,
                &book,
                &request,
                session::Mode::Report,
                &mut contacts,
            );
            drive::source(&mut sink, &mut session)?;
            read += session.read();
            tally.merge(session.take_tally());
        }
        Ok(Report {
            since,
            unknown: tally.ranked(book.knows_me()),
            knows_me: book.knows_me(),
            read,
        })
    })
}

/// One person `--add` added, or why not.
#[derive(Clone, Debug, Serialize)]
pub struct Added {
    pub address: String,
    pub name: String,
    /// The new contact, or `None` when a contact of that name exists.
    pub id: Option<Id>,
}

/// Adds the first `n` people of a report as contacts, named as their mail
/// names them, with the config's default minimum channel and cadence.
pub fn add_unknown(
    store: &mut Store,
    unknown: &[Unknown],
    n: usize,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Vec<Added>> {
    store.write(|tx| {
        let mut added = Vec::new();
        for u in unknown.iter().take(n) {
            let name = u
                .name
                .clone()
                .filter(|n| !n.contains('@'))
                .map(|n| tidy_name(&n))
                .unwrap_or_else(|| match u.kind {
                    "email" => guess_name(&u.address),
                    _ => u.address.clone(),
                });
            let taken = contacts::find_id(tx, &name, false)
                .ok()
                .and_then(|id| contacts::get(tx, id).ok())
                .is_some_and(|c| fold(&c.name) == fold(&name));
            if taken {
                added.push(Added {
                    address: u.address.clone(),
                    name,
                    id: None,
                });
                continue;
            }
            let mut contact = Contact {
                min_channel: config.min_channel,
                ..Contact::new(name.clone(), now)
            };
            match u.kind {
                "phone" => contact.phones = vec![crate::model::Handle::new(u.address.clone())],
                "name" => {}
                _ => contact.emails = vec![crate::model::Handle::new(u.address.clone())],
            }
            contact.cadence_days = config.default_cadence(contact.sphere, &contact.tags);
            let id = contacts::insert(tx, &contact, now)?;
            added.push(Added {
                address: u.address.clone(),
                name,
                id: Some(id),
            });
        }
        Ok(added)
    })
}

/// "Weber, Jonas" → "Jonas Weber"; white space made single.
fn tidy_name(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.split_once(", ") {
        Some((last, first)) if !first.contains(',') && !last.is_empty() && !first.is_empty() => {
            format!("{first} {last}")
        }
        _ => name,
    }
}

/// The known sources with how many touches each made or joined.
#[derive(Clone, Debug, Serialize)]
pub struct Known {
    #[serde(flatten)]
    pub source: stored::Source,
    pub touches: i64,
    pub items: i64,
}

/// Every source draht has read.
pub fn known(store: &mut Store) -> Result<Vec<Known>> {
    store.read(|tx| {
        let counts = stored::source_counts(tx)?;
        Ok(stored::sources(tx)?
            .into_iter()
            .map(|s| {
                let (touches, items) = counts.get(&s.id).copied().unwrap_or((0, 0));
                Known {
                    source: s,
                    touches,
                    items,
                }
            })
            .collect())
    })
}

/// What `--forget` removed, and from which source.
#[derive(Clone, Debug, Serialize)]
pub struct Forget {
    pub dry_run: bool,
    pub source: stored::Source,
    #[serde(flatten)]
    pub forgotten: Forgotten,
}

/// Forgets a source — by its path or its name — with its keys, its
/// watermarks and the touches only it made, in one transaction.
pub fn forget(store: &mut Store, which: &str, dry_run: bool) -> Result<Forget> {
    let run = |tx: &Tx| -> Result<Forget> {
        let source = find_source(tx, which)?;
        let forgotten = stored::forget(tx, source.id)?;
        Ok(Forget {
            dry_run,
            source,
            forgotten,
        })
    };
    if dry_run {
        store.rehearse(|tx| run(tx))
    } else {
        store.write(|tx| run(tx))
    }
}

fn find_source(tx: &Tx, which: &str) -> Result<stored::Source> {
    let path = Path::new(which);
    let candidates = [
        std::fs::canonicalize(path).ok(),
        std::path::absolute(path).ok(),
    ];
    for candidate in candidates.into_iter().flatten() {
        if let Some(s) = stored::source_at(tx, &candidate.to_string_lossy())? {
            return Ok(s);
        }
    }
    let all = stored::sources(tx)?;
    let named: Vec<&stored::Source> = all
        .iter()
        .filter(|s| fold(&s.name) == fold(which))
        .collect();
    match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] if all.is_empty() => Err(Error::input(t!(
            "capture-error-no-such-source",
            name = which.to_string()
        ))),
        [] => Err(Error::input(t!(
            "capture-error-not-a-source",
            name = which.to_string(),
            sources = all
                .iter()
                .map(|s| format!("{} ({})", s.name, s.path))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
        many => Err(Error::input(t!(
            "capture-error-ambiguous-source",
            name = which.to_string(),
            count = many.len(),
            paths = many
                .iter()
                .map(|s| s.path.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

#[cfg(test)]
mod tests;
