//! The terminal interface: `draht` without a command.
//!
//! - `app` + `update`: the state and what keys and clicks do to it (plain
//!   Rust; a key returns an [`Outcome`], possibly an [`effects::Effect`] to
//!   perform, and never touches the database itself),
//! - `keymap`: the one table of keys behind dispatch, footer and help,
//! - `data`, `brief`, `jourfixe`: what is shown, loaded from the store once
//!   per change and turned into rows,
//! - `effects`: the writes, through the same store functions as the CLI,
//! - `view`, `forms`: drawing, one file per tab or modal,
//! - `terminal`: the event loop, live refresh and terminal restore.

pub mod app;
pub mod brief;
pub mod data;
pub mod effects;
pub mod forms;
pub mod jourfixe;
pub mod keymap;
pub mod list;
mod terminal;
pub mod text;
pub mod theme;
mod update;
pub mod view;

#[cfg(test)]
mod tests;

pub use app::{App, Mode, Outcome, Tab};
pub use terminal::run;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::error::Result;
use crate::store::Store;

/// Keeps an [`App`] in step with its store: reloads when another process
/// committed (`PRAGMA data_version`) or after our own write, and loads the
/// selected contact's brief and the Stats numbers when they are wanted.
pub struct Sync {
    version: Option<i64>,
}

impl Sync {
    pub fn new(store: &Store) -> Sync {
        Sync {
            version: store.data_version().ok(),
        }
    }

    /// Reloads the data if it changed underneath (or `force`), then loads
    /// whatever the screen now wants. Keeps the selection by contact id.
    pub fn refresh(&mut self, app: &mut App, store: &mut Store, force: bool) -> Result<()> {
        let version = store.data_version()?;
        if force || self.version != Some(version) {
            let data = data::load(store, app.now, &app.config.settings)?;
            app.set_data(data);
            self.version = Some(version);
        }
        if let Some(id) = app.wants_brief() {
            let brief = brief::load(store, &app.data, id)?;
            app.set_brief(brief);
        }
        if app.wants_stats() {
            app.stats = Some(view::stats::compute(store, &app.data)?);
        }
        Ok(())
    }
}

/// Builds an app on `store` at `now`, with the brief of the first selection
/// loaded: what the first frame shows.
pub fn open(store: &mut Store, now: DateTime<Utc>, config: Config) -> Result<(App, Sync)> {
    let data = data::load(store, now, &config.settings)?;
    let mut app = App::new(data, now, config);
    let mut sync = Sync::new(store);
    sync.refresh(&mut app, store, false)?;
    Ok((app, sync))
}
