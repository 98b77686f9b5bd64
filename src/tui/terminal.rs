//! The event loop: draw, wait up to a quarter second for an event, handle
//! it, perform the effect it asks for, and look for changes made by other
//! processes. The terminal is restored on every way out: normal exit, error,
//! panic (ratatui's hook, plus mouse capture off) and Ctrl-C (a key in raw
//! mode).

use std::io::{self, Write, stdout};
use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::app::{App, Outcome};
use super::{Reload, Sync, open_first, perform, view};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::store::Store;

/// How long to wait for a key before looking at the clock and the database.
const TICK: Duration = Duration::from_millis(250);

fn terminal_error(source: io::Error) -> Error {
    Error::Io {
        path: "terminal".into(),
        source,
    }
}

/// Runs the interface on `store` until the user quits. `clock` gives "now"
/// (it honours `DRAHT_NOW`, so a fixed clock gives a fixed screen).
pub fn run(mut store: Store, config: Config, clock: impl Fn() -> DateTime<Utc>) -> Result<()> {
    // Load before touching the terminal, so a database error prints plainly;
    // only what the first frame shows, the rest right after drawing it.
    let (mut app, mut sync) = open_first(&mut store, clock(), config)?;
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    super::theme::set_monochrome(super::theme::wants_monochrome(
        no_color.as_deref(),
        term.as_deref(),
    ));
    let mut terminal = ratatui::try_init().map_err(terminal_error)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .map_err(terminal_error)
        .and_then(|()| {
            terminal
                .draw(|frame| view::draw(frame, &mut app))
                .map_err(terminal_error)?;
            // the whole snapshot, before any key is read
            sync.refresh(&mut app, &mut store, Reload::Nothing)?;
            event_loop(&mut terminal, &mut app, &mut sync, &mut store, &clock)
        });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = std::panic::take_hook();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    sync: &mut Sync,
    store: &mut Store,
    clock: &impl Fn() -> DateTime<Utc>,
) -> Result<()> {
    let mut reload = Reload::Nothing;
    loop {
        if app.set_now(clock()) {
            reload = Reload::Everything;
        }
        if let Err(e) = sync.refresh(app, store, std::mem::take(&mut reload)) {
            app.say(
                crate::t!("tui-error-read-db", problem = e.to_string()),
                true,
            );
        }
        terminal
            .draw(|frame| view::draw(frame, app))
            .map_err(terminal_error)?;
        if app.banner.take_ring() {
            let _ = stdout().write_all(b"\x07").and_then(|()| stdout().flush());
        }
        if !event::poll(TICK).map_err(terminal_error)? {
            continue;
        }
        let event = event::read().map_err(terminal_error)?;
        match app.handle_event(&event) {
            Outcome::Continue => {}
            Outcome::Quit => return Ok(()),
            Outcome::Effect(effect) => reload = perform(app, store, &effect),
        }
    }
}
