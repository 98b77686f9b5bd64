//! Modal forms: a title, a few fields (single-line text via `tui-input`, or
//! a choice among a few words), an error line. One generic form handles keys
//! and draws; each kind of form (`log`, `contact`, `plans`) only says which
//! fields it has and how their values become an [`Effect`].

mod contact;
mod jourfixe;
mod log;
mod plans;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;
use unicode_width::UnicodeWidthStr;

pub use contact::{add_form, edit_form};
pub use jourfixe::jourfixe_form;
pub use log::log_form;
pub use plans::{cadence_form, followup_form, hook_form, snooze_form};

use super::effects::Effect;
use super::keymap::{Action, Scope, action_for};
use super::theme;
use crate::config::Config;
use crate::model::Id;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// What a form is for; decides how its values become an effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormKind {
    Log {
        contact: Id,
        hooks: Vec<Id>,
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
    /// `today` is the day the live preview counts the next dates from.
    JourFixe {
        contact: Id,
        today: NaiveDate,
    },
}

/// A field's value.
#[derive(Clone, Debug)]
pub enum Value {
    Text(Input),
    Choice { options: Vec<String>, index: usize },
}

#[derive(Clone, Debug)]
pub struct Field {
    pub label: &'static str,
    pub value: Value,
    /// Shown under the field while it has the focus.
    pub hint: &'static str,
}

impl Field {
    pub fn text(label: &'static str, value: &str, hint: &'static str) -> Field {
        Field {
            label,
            value: Value::Text(Input::new(value.to_string())),
            hint,
        }
    }

    pub fn choice(
        label: &'static str,
        options: Vec<String>,
        index: usize,
        hint: &'static str,
    ) -> Field {
        let index = index.min(options.len().saturating_sub(1));
        Field {
            label,
            value: Value::Choice { options, index },
            hint,
        }
    }

    /// The text typed, trimmed ("" for a choice).
    pub fn text_value(&self) -> &str {
        match &self.value {
            Value::Text(input) => input.value().trim(),
            Value::Choice { .. } => "",
        }
    }

    /// The chosen index (0 for a text field).
    pub fn choice_index(&self) -> usize {
        match &self.value {
            Value::Choice { index, .. } => *index,
            Value::Text(_) => 0,
        }
    }

    fn is_text(&self) -> bool {
        matches!(self.value, Value::Text(_))
    }
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
}

/// What submitting needs besides the form: the clock and the config.
pub struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub local_now: NaiveDateTime,
    pub today: NaiveDate,
    pub config: &'a Config,
}

impl Form {
    pub fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The form's channel field and the field a channel key moves on to.
    fn channel_field(&self) -> Option<(usize, usize)> {
        match self.kind {
            FormKind::Log { .. } => Some((log::CHANNEL, log::NOTE)),
            FormKind::JourFixe { .. } => Some((jourfixe::CHANNEL, jourfixe::CHANNEL + 1)),
            _ => None,
        }
    }

    /// The key scopes in force: the channel keys on a channel field.
    pub fn scopes(&self) -> &'static [Scope] {
        match self.channel_field() {
            Some((field, _)) if field == self.focus => &[Scope::ChannelField, Scope::Form],
            _ => &[Scope::Form],
        }
    }

    /// A line computed from what is typed so far, shown under the fields:
    /// the Jour fixe rule in words with its next dates, or why it cannot be
    /// read (`Err`). `None` when the form has none.
    pub fn live(&self) -> Option<Result<String, String>> {
        match self.kind {
            FormKind::JourFixe { today, .. } => jourfixe::preview(self, today),
            _ => None,
        }
    }

    /// Feeds one key. Text fields take every key except Enter, Esc, Tab and
    /// the arrows up and down; choice fields take the form's keys.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Step {
        let action = action_for(self.scopes(), key);
        let text_field = self.fields.get(self.focus).is_some_and(Field::is_text);
        let action = match action {
            Some(Action::ChoiceLeft | Action::ChoiceRight) if text_field => None,
            other => other,
        };
        match action {
            Some(Action::Save) => return Step::Save,
            Some(Action::Close) => return Step::Cancel,
            Some(Action::NextField) => self.focus = (self.focus + 1) % self.fields.len().max(1),
            Some(Action::PrevField) => {
                self.focus = (self.focus + self.fields.len().max(1) - 1) % self.fields.len().max(1)
            }
            Some(Action::ChoiceLeft) => self.turn(-1),
            Some(Action::ChoiceRight) => self.turn(1),
            Some(Action::Channel(rank)) => {
                if let Some((field, then)) = self.channel_field() {
                    if let Some(Field {
                        value: Value::Choice { index, .. },
                        ..
                    }) = self.fields.get_mut(field)
                    {
                        *index = rank;
                    }
                    self.focus = then;
                }
            }
            Some(_) => {}
            None => {
                if let Some(Field {
                    value: Value::Text(input),
                    ..
                }) = self.fields.get_mut(self.focus)
                {
                    input.handle_event(&Event::Key(*key));
                }
            }
        }
        Step::Stay
    }

    fn turn(&mut self, by: isize) {
        if let Some(Field {
            value: Value::Choice { options, index },
            ..
        }) = self.fields.get_mut(self.focus)
        {
            let n = options.len() as isize;
            if n > 0 {
                *index = ((*index as isize + by).rem_euclid(n)) as usize;
            }
        }
    }

    /// The effect this form asks for, or why not (shown in the form).
    pub fn submit(&self, ctx: &Ctx) -> Result<Effect, String> {
        match &self.kind {
            FormKind::Log { contact, hooks } => log::submit(self, ctx, *contact, hooks),
            FormKind::Contact { id } => contact::submit(self, ctx, *id),
            FormKind::Cadence { contact } => plans::submit_cadence(self, *contact),
            FormKind::Snooze { contact } => plans::submit_snooze(self, ctx, *contact),
            FormKind::Hook { contact } => plans::submit_hook(self, *contact),
            FormKind::FollowUp { contact } => plans::submit_followup(self, ctx, *contact),
            FormKind::JourFixe { contact, .. } => jourfixe::submit(self, ctx, *contact),
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
                Value::Choice { options, index } => {
                    frame.render_widget(
                        Paragraph::new(choice_line(options, *index, focused, value_w as usize)),
                        value_area,
                    );
                }
            }
            y += 1;
            if focused && !field.hint.is_empty() && y < inner.bottom() {
                frame.render_widget(
                    Paragraph::new(Span::styled(field.hint, theme::dim())),
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

/// All options in a row, the chosen one marked; when they do not fit in
/// `width`, only the chosen one between arrows.
fn choice_line(options: &[String], index: usize, focused: bool, width: usize) -> Line<'static> {
    let style = if focused {
        theme::field_focus()
    } else {
        theme::chosen()
    };
    let all: usize = options.iter().map(|o| o.width() + 3).sum();
    if all > width {
        let chosen = options.get(index).map(String::as_str).unwrap_or("");
        let room = width.saturating_sub(10);
        return Line::from(vec![
            Span::styled("‹ ", theme::dim()),
            Span::styled(super::view::fit(chosen, room), style),
            Span::styled(format!(" › {}/{}", index + 1, options.len()), theme::dim()),
        ]);
    }
    let mut spans = Vec::new();
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        if i == index {
            spans.push(Span::styled(format!("[{option}]"), style));
        } else {
            spans.push(Span::styled(format!(" {option} "), theme::dim()));
        }
    }
    Line::from(spans)
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
