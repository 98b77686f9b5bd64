//! The Stats tab's numbers and the Today tab's cooling marks, computed off
//! the render path. Over a whole database they take a few tenths of a
//! second, so a file database is read on a background thread with its own
//! read-only connection, and the result comes back over a channel; the
//! screen keeps the last numbers meanwhile. An in-memory database (`--demo`,
//! tests) cannot be seen from a second connection and is tiny: it is read
//! at once.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::insight::{self, ChannelCounts, ContactStats, DEFAULT_WINDOW_DAYS, GroupBy, Window};
use crate::model::{Id, Sphere};
use crate::store::{Store, stats};

/// A relationship whose warmth fell against the window before.
#[derive(Clone, Debug, PartialEq)]
pub struct Cooling {
    pub id: Id,
    pub name: String,
    pub sphere: Sphere,
    pub warmth: f64,
    pub before: f64,
    /// Days since the last done touch in the window.
    pub since_last: Option<u32>,
}

/// A sphere's done touches per channel in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct SphereMix {
    pub sphere: Sphere,
    pub contacts: u32,
    pub touches: ChannelCounts,
    pub personal_share: Option<f64>,
}

/// Everything the Stats tab shows, over the window `draht stats` uses by
/// default (the last 90 days against the 90 before), so both agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Insight {
    pub today: NaiveDate,
    pub window: Window,
    /// Done touches per week and channel, oldest week first.
    pub weekly: Vec<ChannelCounts>,
    pub spheres: Vec<SphereMix>,
    /// Largest drop in warmth first (`insight::cooling`).
    pub cooling: Vec<Cooling>,
}

impl Insight {
    pub fn is_cooling(&self, id: Id) -> bool {
        self.cooling.iter().any(|c| c.id == id)
    }
}

/// Reads and measures every active contact's history up to `today`.
pub fn compute(conn: &Connection, today: NaiveDate) -> Result<Insight> {
    let window = Window::ending(today, DEFAULT_WINDOW_DAYS);
    let histories = stats::histories(conn, window)?;
    let all: Vec<ContactStats> = histories
        .iter()
        .map(|h| insight::contact_stats(h, window))
        .collect();
    let weekly = insight::aggregate(None, &all).weekly;
    let subjects = histories.iter().map(|h| &h.subject).zip(all.iter());
    let spheres = insight::group_by(subjects, GroupBy::Sphere)
        .into_iter()
        .filter_map(|g| {
            Some(SphereMix {
                sphere: Sphere::from_name(g.key.as_deref()?)?,
                contacts: g.contacts,
                touches: g.touches,
                personal_share: g.personal_share,
            })
        })
        .collect();
    let cooling = insight::cooling(&all)
        .into_iter()
        .filter_map(|(id, warmth, before)| {
            let i = histories.iter().position(|h| h.subject.contact_id == id)?;
            Some(Cooling {
                id,
                name: histories[i].subject.name.clone(),
                sphere: histories[i].subject.sphere,
                warmth,
                before,
                since_last: all[i].days_since_last,
            })
        })
        .collect();
    Ok(Insight {
        today,
        window,
        weekly,
        spheres,
        cooling,
    })
}

type Answer = std::result::Result<Insight, String>;

/// Computes [`Insight`] when the data changed, without blocking the screen.
pub struct Loader {
    /// The database file; `None` for an in-memory one (computed at once).
    path: Option<PathBuf>,
    running: Option<Receiver<Answer>>,
    /// Asked again while a computation ran: start another when it ends.
    again: Option<NaiveDate>,
}

impl Loader {
    pub fn new(store: &Store) -> Loader {
        Loader {
            path: store.path().map(PathBuf::from),
            running: None,
            again: None,
        }
    }

    /// Asks for the numbers as of `today`. An in-memory store answers at
    /// once; a file store starts a background read (or queues one behind
    /// the read already running) and answers through [`Loader::poll`].
    pub fn request(&mut self, store: &mut Store, today: NaiveDate) -> Option<Answer> {
        let Some(path) = self.path.clone() else {
            return Some(
                store
                    .read(|tx| compute(tx, today))
                    .map_err(|e| e.to_string()),
            );
        };
        if self.running.is_some() {
            self.again = Some(today);
        } else {
            self.spawn(path, today);
        }
        None
    }

    fn spawn(&mut self, path: PathBuf, today: NaiveDate) {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let answer = Store::open_read_only(&path)
                .and_then(|mut store| store.read(|conn| compute(conn, today)))
                .map_err(|e| e.to_string());
            // the app may have quit meanwhile; then nobody listens
            let _ = tx.send(answer);
        });
        self.running = Some(rx);
    }

    /// The answer of the background read, once it is there.
    pub fn poll(&mut self) -> Option<Answer> {
        let rx = self.running.as_ref()?;
        let answer = match rx.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                Err("the statistics could not be computed (the reader stopped)".into())
            }
        };
        self.running = None;
        if let (Some(today), Some(path)) = (self.again.take(), self.path.clone()) {
            self.spawn(path, today);
        }
        Some(answer)
    }

    /// Whether the numbers are read on a background thread (a file store).
    pub fn in_background(&self) -> bool {
        self.path.is_some()
    }

    /// Whether a background read is under way.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }
}
