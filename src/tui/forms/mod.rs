//! Modal forms: a title, a few fields (single-line text via `tui-input`, or
//! a choice among a few words), an error line. One generic form handles keys
//! and draws; each kind of form (`log`, `contact`, `plans`) only says which
//! fields it has and how their values become an [`Effect`].

mod contact;
mod field;
mod jourfixe;
pub mod log;
mod plans;
mod touch;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

pub use contact::{add_form, edit_form};
pub use field::{Field, Value};
pub use jourfixe::{edit_jourfixe_form, jourfixe_form};
pub use log::{Others, log_form};
pub use plans::{cadence_form, followup_form, hook_form, snooze_form};
pub use touch::touch_form;

use super::effects::Effect;
use super::keymap::{Action, Scope, action_for};
use super::theme;
use crate::config::Config;
use crate::jourfixe::JourFixe;
use crate::model::{Id, Touch};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// What a form is for; decides how its values become an effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormKind {
    Log {
        contact: Id,
        hooks: Vec<Id>,
        /// Whom the "with" field names, as read so far.
        others: Others,
    },
    Contact {
        id: Option<Id>,
    },
    Cadence {
        contact: Id,
    },
    Snooze {
        contact: Id,
    },
    Hook {
        contact: Id,
    },
    FollowUp {
        contact: Id,
    },
    /// `today` is the day the live preview counts the next dates from;
    /// `editing` the Jour fixe being changed (`None`: a new one).
    JourFixe {
        contact: Id,
        today: NaiveDate,
        editing: Option<Box<JourFixe>>,
    },
    /// Fixing a logged touch, as it was.
    Touch {
        touch: Box<Touch>,
    },
}

/// An open form.
#[derive(Clone, Debug)]
pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused; the form stays open to fix it.
    pub error: Option<String>,
}

/// What a key did to a form.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Stay,
    Cancel,
    Save,
    /// Show the keys (over the form, which stays as it is).
    Help,
}

/// What submitting needs besides the form: the clock and the config.
pub struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub local_now: NaiveDateTime,
    pub today: NaiveDate,
    pub config: &'a Config,
}

impl Form {
    /// A form with the focus on its first text field.
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        let focus = fields.iter().position(Field::is_text).unwrap_or(0);
        Form {
            kind,
            title,
            fields,
            focus,
            error: None,
        }
    }

    /// The field with the focus.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// The key scopes in force: the choice keys on a choice field.
    pub fn scopes(&self) -> &'static [Scope] {
        match self.focused().is_some_and(|f| !f.is_text()) {
            true => &[Scope::Choice, Scope::Form],
            false => &[Scope::Form],
        }
    }

    /// A line computed from what is typed so far, shown under the fields:
    /// the Jour fixe rule in words with its next dates, or whom the log
    /// form's "with" names; `Err` says why it cannot be read. `None` when
    /// there is nothing to say.
    pub fn live(&self) -> Option<Result<String, String>> {
        match &self.kind {
            FormKind::JourFixe { today, .. } => jourfixe::preview(self, *today),
            FormKind::Log { others, .. } => others.said(),
            _ => None,
        }
    }

    /// Feeds one key. A text field takes every key but Enter, Esc, Tab,
    /// the arrows up and down and F1; a choice field ← → and the key of
    /// each option, never a typed letter that is not one (nor Space).
    pub fn handle_key(&mut self, key: &KeyEvent) -> Step {
        let n = self.fields.len().max(1);
        match action_for(self.scopes(), key) {
            Some(Action::Save) => return Step::Save,
            Some(Action::Close) => return Step::Cancel,
            Some(Action::Help) => return Step::Help,
            Some(Action::NextField) => self.focus = (self.focus + 1) % n,
            Some(Action::PrevField) => self.focus = (self.focus + n - 1) % n,
            Some(Action::ChoiceLeft) => self.turn(-1),
            Some(Action::ChoiceRight) => self.turn(1),
            Some(_) => {}
            None => {
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return Step::Stay;
                };
                match &mut field.value {
                    Value::Text(input) => {
                        input.handle_event(&Event::Key(*key));
                    }
                    Value::Choice { .. } => {
                        if let KeyCode::Char(c) = key.code
                            && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
                        {
                            field.pick(c);
                        }
                    }
                }
            }
        }
        Step::Stay
    }

    fn turn(&mut self, by: isize) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.turn(by);
        }
    }

    /// The effect this form asks for, or why not (shown in the form).
    pub fn submit(&self, ctx: &Ctx) -> Result<Effect, String> {
        match &self.kind {
            FormKind::Log {
                contact,
                hooks,
                others,
            } => log::submit(self, ctx, *contact, hooks, others),
            FormKind::Contact { id } => contact::submit(self, ctx, *id),
            FormKind::Cadence { contact } => plans::submit_cadence(self, *contact),
            FormKind::Snooze { contact } => plans::submit_snooze(self, ctx, *contact),
            FormKind::Hook { contact } => plans::submit_hook(self, *contact),
            FormKind::FollowUp { contact } => plans::submit_followup(self, ctx, *contact),
            FormKind::JourFixe {
                contact, editing, ..
            } => jourfixe::submit(self, ctx, *contact, editing.as_deref()),
            FormKind::Touch { touch } => touch::submit(self, ctx, touch),
        }
    }

    /// Draws the form centred in `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let label_w = self
            .fields
            .iter()
            .map(|f| f.label.width())
            .max()
            .unwrap_or(0) as u16;
        let width = area.width.saturating_sub(4).min(72);
        let hint_lines = u16::from(
            self.fields
                .get(self.focus)
                .is_some_and(|f| !f.hint.is_empty()),
        );
        let wrapped = |text: &str| (text.width() as u16 / width.saturating_sub(4).max(1)) + 1;
        let error_lines = self.error.as_deref().map_or(0, wrapped);
        let live = self.live();
        let live_lines = match &live {
            Some(Ok(text) | Err(text)) => wrapped(text),
            None => 0,
        };
        let height =
            (self.fields.len() as u16 + hint_lines + live_lines + error_lines + 2).min(area.height);
        let rect = centered(area, width, height);
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme::accent())
            .title(Line::from(format!(" {} ", self.title)).bold());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let value_x = inner.x + label_w + 3;
        let value_w = inner.width.saturating_sub(label_w + 3);
        let mut y = inner.y;
        for (i, field) in self.fields.iter().enumerate() {
            if y >= inner.bottom() {
                break;
            }
            let focused = i == self.focus;
            let label = format!(" {:>w$} ", field.label, w = label_w as usize);
            let label_style = if focused {
                theme::accent().add_modifier(Modifier::BOLD)
            } else {
                theme::dim()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(label, label_style)),
                Rect::new(inner.x, y, label_w + 2, 1),
            );
            let value_area = Rect::new(value_x, y, value_w, 1);
            match &field.value {
                Value::Text(input) => {
                    let scroll = input.visual_scroll(value_w.saturating_sub(1) as usize);
                    let style = if focused {
                        theme::field_focus()
                    } else {
                        theme::field()
                    };
                    frame.render_widget(
                        Paragraph::new(crate::text::clean(input.value()))
                            .style(style)
                            .scroll((0, scroll as u16)),
                        value_area,
                    );
                    if focused {
                        let x = input.visual_cursor().saturating_sub(scroll) as u16;
                        frame.set_cursor_position(Position::new(value_x + x.min(value_w), y));
                    }
                }
                Value::Choice {
                    options,
                    index,
                    keys,
                } => {
                    let line = field::choice_line(options, keys, *index, focused, value_w as usize);
                    frame.render_widget(Paragraph::new(line), value_area);
                }
            }
            y += 1;
            if focused && !field.hint.is_empty() && y < inner.bottom() {
                frame.render_widget(
                    // a hint too long is cut with "…", never silently
                    Paragraph::new(Span::styled(
                        crate::tui::view::fit(field.hint, value_w as usize),
                        theme::dim(),
                    )),
                    Rect::new(value_x, y, value_w, 1),
                );
                y += 1;
            }
        }
        if let Some(live) = &live
            && y < inner.bottom()
        {
            let (text, style) = match live {
                Ok(text) => (text, theme::ok()),
                Err(text) => (text, theme::warn()),
            };
            let lines = live_lines.min(inner.bottom() - y);
            frame.render_widget(
                Paragraph::new(Span::styled(crate::text::clean(text), style))
                    .wrap(Wrap { trim: true }),
                Rect::new(inner.x + 1, y, inner.width.saturating_sub(2), lines),
            );
            y += lines;
        }
        if let Some(error) = &self.error
            && y < inner.bottom()
        {
            frame.render_widget(
                Paragraph::new(Span::styled(crate::text::clean(error), theme::error()))
                    .wrap(Wrap { trim: true }),
                Rect::new(
                    inner.x + 1,
                    y,
                    inner.width.saturating_sub(2),
                    inner.bottom() - y,
                ),
            );
        }
    }
}

/// A rectangle of at most `width` × `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// `Some(text)` unless blank.
pub fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A comma-separated list, blanks dropped, duplicates kept once.
pub fn list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.iter().any(|x| x == item) {
            out.push(item.to_string());
        }
    }
    out
}
