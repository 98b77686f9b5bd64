//! The terminal interface: `draht` without a command.
//!
//! - `app` + `update`: the state and what keys and clicks do to it (plain
//!   Rust; a key returns an [`Outcome`], possibly an [`effects::Effect`] to
//!   perform, and never touches the database itself),
//! - `keymap`: the one table of keys behind dispatch, footer and help,
//! - `data`, `brief`: what is shown — the app layer's overview of the
//!   day (`app::overview`, the same agenda as `draht today`) turned into
//!   rows once per change; after a write of our own only the contacts it
//!   touched are read again (`data::reload_contacts`); the first frame is
//!   drawn from the part of it that frame shows (`data::first`),
//! - `effects`: the writes, through the same store functions as the CLI,
//!   each saying which contacts it changed,
//! - `view`, `forms`: drawing, one file per tab or modal,
//! - `terminal`: the event loop, live refresh and terminal restore.

pub mod app;
pub mod banner;
pub mod brief;
pub mod data;
pub mod effects;
pub mod forms;
pub mod insight;

pub mod keymap;
pub mod list;
pub mod pick;
mod terminal;
pub mod theme;
pub mod triage;
mod update;
pub mod view;
pub mod words;

#[cfg(test)]
mod tests;

pub use app::{App, Mode, Outcome, Tab};
pub use terminal::run;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::error::Result;
use crate::model::Id;
use crate::store::Store;

/// What the next [`Sync::refresh`] reads again, besides what other
/// processes changed (which it always notices).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Reload {
    #[default]
    Nothing,
    /// Only these contacts changed (by a write of ours).
    Contacts(Vec<Id>),
    /// Everything: on a new day, or after a write that failed (the
    /// database may have changed under it).
    Everything,
}

/// Performs `effect` as the event loop does: one write transaction, the
/// app told how it went; returns what to reload (everything after a failed
/// write, as something else may have changed the database meanwhile).
pub fn perform(app: &mut App, store: &mut Store, effect: &effects::Effect) -> Reload {
    let settings = app.config.settings.clone();
    let result = effects::apply(store, effect, app.now, &settings);
    let reload = result
        .as_ref()
        .map_or(Reload::Everything, |applied| applied.reload.clone());
    app.effect_done(result.map_err(|e| e.to_string()));
    reload
}

/// Keeps an [`App`] in step with its store: reloads when another process
/// committed (`PRAGMA data_version`) or after our own write, loads the
/// selected contact's brief when it is wanted, and has the statistics
/// recomputed off the render path after each change.
pub struct Sync {
    version: Option<i64>,
    insight: insight::Loader,
}

impl Sync {
    pub fn new(store: &Store) -> Sync {
        Sync {
            version: store.data_version().ok(),
            insight: insight::Loader::new(store),
        }
    }

    /// Completes the first frame's partial data, reloads the data if it
    /// changed underneath, or what `reload` asks for, then loads whatever
    /// the screen now wants. Keeps the selection by contact id.
    pub fn refresh(&mut self, app: &mut App, store: &mut Store, reload: Reload) -> Result<()> {
        if app.data.is_partial() {
            // The same data version as the partial snapshot unless another
            // process wrote meanwhile: then the check below reloads again.
            let data = data::load(store, app.now, &app.config.settings)?;
            app.complete_data(data);
        }
        self.update(app, store, reload)
    }

    fn update(&mut self, app: &mut App, store: &mut Store, reload: Reload) -> Result<()> {
        let version = store.data_version()?;
        // A background read of the statistics waits for the whole snapshot,
        // so that it does not compete with it for the processor.
        let first = app.insight.is_none()
            && app.insight_error.is_none()
            && !self.insight.busy()
            && !(app.data.is_partial() && self.insight.in_background());
        // Another process wrote: who knows what changed.
        let reload = match self.version == Some(version) {
            true => reload,
            false => Reload::Everything,
        };
        if reload != Reload::Nothing || first {
            match reload {
                Reload::Nothing => {}
                Reload::Contacts(ids) => {
                    let (now, settings) = (app.now, app.config.settings.clone());
                    app.update_data(|s| data::reload_contacts(store, s, &ids, now, &settings))?;
                }
                Reload::Everything => {
                    let data = data::load(store, app.now, &app.config.settings)?;
                    app.set_data(data);
                }
            }
            self.version = Some(version);
            if let Some(answer) = self.insight.request(store, app.data.ov.today) {
                app.set_insight(answer);
            }
        }
        if let Some(answer) = self.insight.poll() {
            app.set_insight(answer);
        }
        if let Some((keep, gone)) = app.take_merge_wanted() {
            let plan = crate::app::merge::plan(
                store,
                crate::app::Who::Id(keep),
                crate::app::Who::Id(gone),
            );
            app.merge_planned(plan.map_err(|e| e.to_string()));
        }
        if let Some(id) = app.wants_brief() {
            let brief = brief::load(store, &app.data, id, &app.config.settings)?;
            app.set_brief(brief);
        }
        let local = crate::clock::local(app.now).naive_local();
        let soon =
            crate::app::notify::imminent(store, &app.data.ov.agenda.jourfixe, local, &app.config)?;
        app.banner.set(soon, app.config.remind.bell);
        Ok(())
    }

    /// Whether statistics are being computed in the background.
    pub fn computing(&self) -> bool {
        self.insight.busy()
    }
}

/// Builds an app on `store` at `now`, with the brief of the first selection
/// loaded: what the first frame shows, and everything else.
pub fn open(store: &mut Store, now: DateTime<Utc>, config: Config) -> Result<(App, Sync)> {
    let (mut app, mut sync) = open_first(store, now, config)?;
    sync.refresh(&mut app, store, Reload::Nothing)?;
    Ok((app, sync))
}

/// Builds an app on `store` at `now` with only what the first frame shows
/// (see [`first`]): draw it, then [`Sync::refresh`] loads the rest; nothing
/// but drawing may happen in between.
pub fn open_first(store: &mut Store, now: DateTime<Utc>, config: Config) -> Result<(App, Sync)> {
    let mut sync = Sync::new(store);
    let data = data::first(store, now, &config.settings)?;
    let mut app = App::new(data, now, config);
    sync.update(&mut app, store, Reload::Nothing)?;
    Ok((app, sync))
}
