//! The Stats tab's numbers and the Today tab's cooling marks
//! (`app::stats::insight`), computed off the render path. Over a whole database they take a few tenths of a
//! second, so a file database is read on a background thread with its own
//! read-only connection, and the result comes back over a channel; the
//! screen keeps the last numbers meanwhile. An in-memory database (`--demo`,
//! tests) cannot be seen from a second connection and is tiny: it is read
//! at once.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;

use crate::app::stats::insight;
use crate::store::Store;

pub use crate::app::stats::{Cooling, Insight, SphereMix};

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
            return Some(insight(store, today).map_err(|e| e.to_string()));
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
                .and_then(|mut store| insight(&mut store, today))
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
            Err(TryRecvError::Disconnected) => Err(crate::t!("tui-error-stats-stopped")),
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
