//! Tests of the interface without a terminal: keys go into `App`, effects
//! are applied to an in-memory store exactly as the event loop does, and
//! frames are drawn into a `TestBackend` at a fixed size and a fixed "now".

mod banner;
mod card;
mod first;
mod german;
mod insight;
mod jourfixe;
mod keys;
mod live;
mod merge;
mod reload;
mod snapshots;
mod status_de;
mod triage;
mod undo;

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Outcome};
use super::{Reload, Sync, open, perform, view};
use crate::clock;
use crate::config::Config;
use crate::store::Store;

/// Tuesday 1 December 2026, noon local time: the demo's "today".
pub fn now() -> DateTime<Utc> {
    clock::parse_now("2026-12-01").expect("fixed now")
}

/// An [`Outcome`] with the effect unboxed, for matching in tests.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq, Eq)]
pub enum Got {
    Continue,
    Quit,
    Effect(crate::tui::effects::Effect),
}

/// The app on a fresh demo database.
pub struct Fixture {
    pub app: App,
    pub store: Store,
    pub sync: Sync,
}

impl Fixture {
    pub fn demo() -> Fixture {
        let mut store = Store::open_in_memory().expect("store");
        crate::demo::seed(&mut store, now()).expect("demo");
        Fixture::on(store)
    }

    pub fn empty() -> Fixture {
        Fixture::on(Store::open_in_memory().expect("store"))
    }

    pub fn on(mut store: Store) -> Fixture {
        let (app, sync) = open(&mut store, now(), Config::default()).expect("open");
        Fixture { app, store, sync }
    }

    /// Feeds one key; performs the effect it asks for, as the event loop does.
    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        let outcome = self.app.handle_key(&key);
        match &outcome {
            Outcome::Effect(effect) => {
                self.effect(effect);
            }
            _ => self
                .sync
                .refresh(&mut self.app, &mut self.store, Reload::Nothing)
                .expect("refresh"),
        }
        outcome
    }

    /// Performs `effect` and refreshes, as the event loop does; returns
    /// what the refresh reloaded.
    pub fn effect(&mut self, effect: &crate::tui::effects::Effect) -> Reload {
        let reload = perform(&mut self.app, &mut self.store, effect);
        self.sync
            .refresh(&mut self.app, &mut self.store, reload.clone())
            .expect("refresh");
        reload
    }

    /// Types keys: each char is a key; `<Enter>`, `<Esc>`, `<Tab>`,
    /// `<BackTab>`, `<Down>`, `<Up>`, `<Left>`, `<Right>`, `<C-u>` name others.
    pub fn keys(&mut self, keys: &str) -> Vec<Outcome> {
        parse_keys(keys).into_iter().map(|k| self.key(k)).collect()
    }

    /// Feeds keys to the app only (no store): the outcome of the last one.
    pub fn press(&mut self, keys: &str) -> Got {
        let mut last = Outcome::Continue;
        for k in parse_keys(keys) {
            last = self.app.handle_key(&k);
        }
        match last {
            Outcome::Continue => Got::Continue,
            Outcome::Quit => Got::Quit,
            Outcome::Effect(effect) => Got::Effect(*effect),
        }
    }

    /// Draws one frame at `width` × `height` and returns the cells.
    pub fn buffer(&mut self, width: u16, height: u16) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| view::draw(frame, &mut self.app))
            .expect("draw");
        terminal.backend().buffer().clone()
    }

    /// Draws one frame at `width` × `height` and returns the screen as text.
    pub fn screen(&mut self, width: u16, height: u16) -> String {
        let buffer = &self.buffer(width, height);
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                line.push_str(symbol);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" => Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                "Esc" => Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
                "Tab" => Some(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
                "BackTab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "Down" => Some(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
                "Up" => Some(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
                "Left" => Some(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE)),
                "Right" => Some(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)),
                "C-u" => Some(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
                "C-c" => Some(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                _ => None,
            };
            if let Some(key) = key {
                out.push(key);
                rest = &rest[end + 1..];
                continue;
            }
        }
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The id of the demo contact called `name`.
pub fn id_of(app: &App, name: &str) -> i64 {
    app.data
        .ov
        .facts
        .iter()
        .find(|f| f.contact.name == name)
        .map(|f| f.contact.id)
        .unwrap_or_else(|| panic!("no {name} in the demo"))
}

/// The name of the selected contact.
pub fn selected_name(app: &App) -> String {
    app.selected_id()
        .and_then(|id| app.data.facts_of(id))
        .map(|f| f.contact.name.clone())
        .unwrap_or_default()
}

/// The message in the footer, if any.
pub fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// Why the open form refused to save, if a form is open and did.
pub fn form_error(f: &Fixture) -> Option<String> {
    match &f.app.mode {
        crate::tui::app::Mode::Modal(m) => match &**m {
            crate::tui::app::Modal::Form(form) => form.error.clone(),
            crate::tui::app::Modal::Confirm(_) | crate::tui::app::Modal::Pick(_) => None,
        },
        _ => None,
    }
}
