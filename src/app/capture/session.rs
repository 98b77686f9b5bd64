//! One source's run: what its reader found, counted; the items that match
//! contacts turned into day touches; the tallies a face prints.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use super::{Request, Resolved, since_instant};
use crate::capture::address::Book;
use crate::capture::day::{DayKey, Days as DayTouches};
use crate::capture::report::Tally;
use crate::capture::{Found, Item, Kind, Skip, Window};
use crate::clock;
use crate::error::Result;
use crate::model::{Channel, Id};
use crate::store::capture as stored;
use crate::store::{Tx, facts};

/// A long run commits about this often (and after this many items), so
/// that a kill loses little and the write lock is shared with other drahts.
pub const COMMIT_EVERY: Duration = Duration::from_millis(500);
pub const COMMIT_ITEMS: usize = 20_000;

/// How many broken records a run names (it counts them all).
const EXAMPLES: usize = 5;

/// Capturing, or only tallying unknown people for the report.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Capture,
    Report,
}

/// What one source's run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SourceRun {
    /// The stored source's id (0 in a report).
    pub id: Id,
    pub name: String,
    pub kind: Option<Kind>,
    pub path: String,
    /// Read from its start (first run, or the matching rules changed).
    pub whole: bool,
    /// Nothing had changed since the last run: nothing was read.
    pub unchanged: bool,
    /// Messages or events read.
    pub read: u64,
    /// Of those, how many were touches with contacts, new ones.
    pub touches: u64,
    /// Day touches made, and day touches added to (made before, or logged
    /// by hand).
    pub made: u64,
    pub joined: u64,
    /// Why the others were not, by reason.
    pub skipped: BTreeMap<&'static str, u64>,
    /// Unreadable messages, files or events, and the first few of them.
    pub broken: u64,
    pub broken_examples: Vec<String>,
    /// Contacts whose calls the user did not take (new in this run).
    pub tried: Vec<Tried>,
}

/// A contact who called and whom the user did not answer: "Anna tried to
/// call you" (missed, rejected while ringing, sent to voicemail).
#[derive(Clone, Debug, Serialize)]
pub struct Tried {
    pub id: Id,
    /// Filled in by the run (empty in a source's own run).
    pub name: String,
    pub calls: u32,
    pub last: DateTime<Utc>,
}

/// One contact and channel: how many day touches a run made or added to,
/// holding how many items.
#[derive(Clone, Debug, Serialize)]
pub struct ContactRun {
    pub id: Id,
    pub name: String,
    pub channel: Channel,
    pub days: u32,
    pub items: u32,
}

/// The run of one source.
pub struct Session<'a> {
    pub(super) source: &'a Resolved,
    pub(super) book: &'a Book,
    pub(super) mode: Mode,
    pub(super) max_recipients: usize,
    pub(super) window: Window,
    pub(super) since: Option<NaiveDate>,
    pub(super) now: DateTime<Utc>,
    /// The stored source (set once the driver has it).
    pub(super) id: Id,
    days: DayTouches,
    concerned: BTreeSet<Id>,
    /// The touches this run made (a later batch's items of the same day
    /// join them without counting as "added to").
    made: std::collections::HashSet<Id>,
    run: SourceRun,
    contacts: &'a mut BTreeMap<(Id, Channel), ContactRun>,
    tally: Tally,
    tried: BTreeMap<Id, (u32, DateTime<Utc>)>,
}

impl<'a> Session<'a> {
    pub fn new(
        source: &'a Resolved,
        book: &'a Book,
        request: &Request,
        mode: Mode,
        contacts: &'a mut BTreeMap<(Id, Channel), ContactRun>,
    ) -> Session<'a> {
        Session {
            source,
            book,
            mode,
            max_recipients: request.config.max_recipients,
            window: Window {
                now: request.now,
                since: since_instant(request.since),
            },
            since: request.since,
            now: request.now,
            id: 0,
            days: DayTouches::default(),
            concerned: BTreeSet::new(),
            made: std::collections::HashSet::new(),
            run: SourceRun {
                name: source.name.clone(),
                kind: Some(source.kind),
                path: source.path.display().to_string(),
                ..SourceRun::default()
            },
            contacts,
            tally: Tally::default(),
            tried: BTreeMap::new(),
        }
    }

    pub fn read(&self) -> u64 {
        self.run.read
    }

    pub fn take_tally(&mut self) -> Tally {
        std::mem::take(&mut self.tally)
    }

    pub(super) fn set_source(&mut self, id: Id, name: String, whole: bool) {
        self.id = id;
        self.run.id = id;
        self.run.name = name;
        self.run.whole = whole;
    }

    /// The fingerprint of everything that decides what this source's
    /// records become: the address book, `max_recipients`, `--match-names`,
    /// and for chats `--groups`, `--date-order` and `--contact`.
    pub(super) fn rules(&self) -> u64 {
        let chats = &self.source.chats;
        crate::capture::hash::Stable::new()
            .number(self.book.fingerprint())
            .number(self.max_recipients as u64)
            .number(u64::from(self.source.match_names))
            .number(u64::from(chats.groups))
            .field(chats.date_order.map_or("", |o| o.as_str()))
            .number(self.source.contact.as_ref().map_or(0, |(id, _)| *id as u64))
            .finish()
    }

    pub(super) fn set_unchanged(&mut self) {
        self.run.unchanged = true;
    }

    pub fn finish(mut self) -> SourceRun {
        self.run.tried = self
            .tried
            .into_iter()
            .map(|(id, (calls, last))| Tried {
                id,
                name: String::new(),
                calls,
                last,
            })
            .collect();
        self.run
    }

    /// Counts a broken record; `place` says where it is (a file, an offset).
    pub(super) fn broken(&mut self, place: &str, why: &str) {
        self.run.read += 1;
        self.run.broken += 1;
        if self.run.broken_examples.len() < EXAMPLES {
            self.run.broken_examples.push(format!("{place}: {why}"));
        }
    }

    /// Takes what the reader found in one record at `place`.
    pub(super) fn take(&mut self, tx: &Tx, place: &str, found: Found) -> Result<()> {
        match found {
            Found::Broken(why) => {
                self.broken(place, &why);
                Ok(())
            }
            Found::Skip(skip) => {
                self.run.read += 1;
                self.skip(skip);
                Ok(())
            }
            Found::Item(item) => {
                self.run.read += 1;
                self.items(tx, item, 1)
            }
            Found::Items(item, n) => {
                self.run.read += u64::from(n);
                self.items(tx, item, n)
            }
            Found::Tried(item) => {
                self.run.read += 1;
                self.tried(tx, item)
            }
            Found::Skipped(skip, n) => {
                self.run.read += u64::from(n);
                self.skip_n(skip, n);
                Ok(())
            }
        }
    }

    fn skip(&mut self, skip: Skip) {
        self.skip_n(skip, 1);
    }

    fn skip_n(&mut self, skip: Skip, n: u32) {
        *self.run.skipped.entry(skip.as_str()).or_default() += u64::from(n);
    }

    /// Records `key` of this source for `contact`; `false` when it was
    /// counted before. The phone's exports overlap, so their keys count
    /// once whichever source holds them.
    fn add_key(&self, tx: &Tx, key: &str, contact: Id) -> Result<bool> {
        if self.source.kind.is_phone() {
            stored::add_shared_key(tx, self.id, key, contact)
        } else {
            stored::add_key(tx, self.id, key, contact)
        }
    }

    /// An item that stands for `n` records (one, or a day's texts).
    fn items(&mut self, tx: &Tx, item: Item, n: u32) -> Result<()> {
        let ids = self.book.contacts_of(&item, self.source.match_names);
        if self.mode == Mode::Report {
            self.tally
                .add_items(&item, n, self.source.kind == Kind::Calendar, self.book);
            return Ok(());
        }
        if ids.is_empty() {
            self.skip_n(Skip::Unknown, n);
            return Ok(());
        }
        let day = clock::local_day(item.at);
        let mut new = false;
        for contact in ids {
            if self.add_key(tx, &item.key, contact)? {
                new = true;
                let key = DayKey {
                    contact,
                    day,
                    channel: item.channel,
                    outcome: item.outcome,
                };
                self.days.add_items(key, item.at, n);
            }
        }
        if new {
            self.run.touches += u64::from(n);
        } else {
            self.skip_n(Skip::Seen, n);
        }
        Ok(())
    }

    /// A call to the user that the user did not take: no touch, but the
    /// contact is named in the run (once per call, by its key).
    fn tried(&mut self, tx: &Tx, item: Item) -> Result<()> {
        if self.mode == Mode::Report {
            self.tally.add(&item, false, self.book);
            return Ok(());
        }
        let ids = self.book.contacts_of(&item, false);
        if ids.is_empty() {
            self.skip(Skip::Unknown);
            return Ok(());
        }
        let mut new = false;
        for contact in ids {
            if self.add_key(tx, &item.key, contact)? {
                new = true;
                let entry = self.tried.entry(contact).or_insert((0, item.at));
                entry.0 += 1;
                entry.1 = entry.1.max(item.at);
            }
        }
        self.skip(if new { Skip::Tried } else { Skip::Seen });
        Ok(())
    }

    /// Whether enough has been taken to be worth a commit.
    pub(super) fn full(&self) -> bool {
        self.days.len() >= COMMIT_ITEMS
    }

    /// Turns the day groups taken so far into touches: each joins the
    /// touch of its contact, channel and day if there is one (captured
    /// before, or logged by hand), else makes one. Then brings the
    /// summaries of the contacts concerned up to date.
    pub(super) fn flush(&mut self, tx: &Tx) -> Result<()> {
        let mut new = Vec::new();
        for (key, group) in self.days.take() {
            let bounds = day_bounds(key.day);
            match stored::day_touch(tx, key.contact, key.channel, key.outcome, bounds)? {
                Some(touch) => {
                    stored::join_touch(tx, touch.id, self.id, group.items)?;
                    if touch.made_by_capture && group.first < touch.at {
                        stored::move_earlier(tx, touch.id, group.first)?;
                    }
                    if !self.made.contains(&touch.id) {
                        self.run.joined += 1;
                    }
                }
                // Made together below (each key is another contact or day,
                // so none of them is a day touch for another).
                None => new.push(stored::NewTouch {
                    contact: key.contact,
                    at: group.first,
                    channel: key.channel,
                    outcome: key.outcome,
                    items: group.items,
                }),
            }
            let c = self
                .contacts
                .entry((key.contact, key.channel))
                .or_insert_with(|| ContactRun {
                    id: key.contact,
                    name: String::new(),
                    channel: key.channel,
                    days: 0,
                    items: 0,
                });
            c.days += 1;
            c.items += group.items;
            self.concerned.insert(key.contact);
        }
        let made = stored::make_touches(tx, self.id, &new, self.now)?;
        self.run.made += made.len() as u64;
        self.made.extend(made);
        let concerned: Vec<Id> = std::mem::take(&mut self.concerned).into_iter().collect();
        facts::refresh_all_of(tx, &concerned)
    }

    /// Records that the source was read to its end.
    pub(super) fn seal(&self, tx: &Tx) -> Result<()> {
        stored::finish_run(tx, self.id, self.now)
    }
}

/// The instants of a local day: from its midnight to the next.
fn day_bounds(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = |d: NaiveDate| clock::from_local(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    (start(day), start(next))
}
