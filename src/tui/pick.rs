//! The contact picker `M` opens: whom to merge the selected contact into.
//! Typing narrows the list as the `/` filter does (nucleo over the same
//! haystacks: name, nickname, company, tags); ↑ ↓ move; Enter picks. Two
//! duplicates often share a name, so each row also shows what tells them
//! apart (sphere, tags, last touch) and the picked one is taken by id.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::data::ContactRow;
use super::forms::centered;
use super::keymap::{Action, Scope, action_for};
use super::theme;
use crate::matching;
use crate::model::Id;

/// The open picker.
#[derive(Clone, Debug)]
pub struct Pick {
    /// The contact that goes (the one selected when `M` was pressed).
    pub gone: Id,
    pub gone_name: String,
    pub input: Input,
    /// The rows shown (indices into the snapshot's contact rows), best first.
    pub view: Vec<usize>,
    pub selected: usize,
}

/// What a key did to the picker.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PickStep {
    Stay,
    Cancel,
    Help,
    /// Merge into this contact.
    Picked(Id),
}

impl Pick {
    /// A picker over every contact but `gone`, in name order.
    pub fn new(gone: Id, gone_name: &str, rows: &[ContactRow]) -> Pick {
        let mut pick = Pick {
            gone,
            gone_name: gone_name.to_string(),
            input: Input::default(),
            view: Vec::new(),
            selected: 0,
        };
        pick.refilter(rows);
        pick
    }

    /// The contact highlighted, if any row is shown.
    pub fn highlighted(&self, rows: &[ContactRow]) -> Option<Id> {
        self.view
            .get(self.selected)
            .and_then(|i| rows.get(*i))
            .map(|r| r.id)
    }

    /// Feeds one key.
    pub fn handle_key(&mut self, key: &KeyEvent, rows: &[ContactRow]) -> PickStep {
        match action_for(&[Scope::Pick], key) {
            Some(Action::Save) => {
                return match self.highlighted(rows) {
                    Some(id) => PickStep::Picked(id),
                    None => PickStep::Stay,
                };
            }
            Some(Action::Close) => return PickStep::Cancel,
            Some(Action::Help) => return PickStep::Help,
            Some(Action::Down) => self.move_by(1),
            Some(Action::Up) => self.move_by(-1),
            _ => {
                if self.input.handle_event(&Event::Key(*key)).is_some() {
                    self.refilter(rows);
                }
            }
        }
        PickStep::Stay
    }

    fn move_by(&mut self, by: isize) {
        let last = self.view.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + by).clamp(0, last.max(0)) as usize;
    }

    /// The rows matching what is typed, best first, then by name.
    fn refilter(&mut self, rows: &[ContactRow]) {
        let mut by_name: Vec<usize> = (0..rows.len())
            .filter(|i| rows[*i].id != self.gone)
            .collect();
        by_name.sort_by(|a, b| rows[*a].name_key.cmp(&rows[*b].name_key));
        let [folded, alt_query] = matching::keys(self.input.value());
        self.view = if folded.is_empty() {
            by_name
        } else {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let pattern = Pattern::parse(&folded, CaseMatching::Ignore, Normalization::Smart);
            let alt = Pattern::parse(&alt_query, CaseMatching::Ignore, Normalization::Smart);
            let mut scored: Vec<(u32, usize)> = by_name
                .into_iter()
                .filter_map(|i| {
                    let row = &rows[i];
                    pattern
                        .score(row.haystack.slice(..), &mut matcher)
                        .or_else(|| alt.score(row.haystack_alt.slice(..), &mut matcher))
                        .map(|score| (score, i))
                })
                .collect();
            scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
            scored.into_iter().map(|(_, i)| i).collect()
        };
        self.selected = 0;
    }

    /// Draws the picker centred in `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, rows: &[ContactRow]) {
        let width = area.width.saturating_sub(4).min(72);
        let height = area.height.saturating_sub(2).min(16);
        let rect = centered(area, width, height);
        frame.render_widget(Clear, rect);
        let title = crate::t!(
            "tui-merge-title",
            name = crate::text::clean(&self.gone_name)
        );
        let title = format!(" {title} ");
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme::accent())
            .title(Line::from(super::view::fit(&title, width as usize - 2)).bold());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        if inner.height < 3 {
            return;
        }
        let label = format!(" {} ", crate::tr!("tui-merge-into"));
        let label_w = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
        let input_w = inner.width.saturating_sub(label_w + 1);
        let scroll = self.input.visual_scroll(input_w.saturating_sub(1) as usize);
        frame.render_widget(
            Paragraph::new(Span::styled(
                label,
                theme::accent().add_modifier(Modifier::BOLD),
            )),
            Rect::new(inner.x, inner.y, label_w, 1),
        );
        frame.render_widget(
            Paragraph::new(crate::text::clean(self.input.value()))
                .style(theme::field_focus())
                .scroll((0, scroll as u16)),
            Rect::new(inner.x + label_w, inner.y, input_w, 1),
        );
        let x = self.input.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position(Position::new(inner.x + label_w + x.min(input_w), inner.y));
        let hint = crate::tr!("tui-merge-hint");
        frame.render_widget(
            Paragraph::new(Span::styled(
                super::view::fit(hint, inner.width as usize - 1),
                theme::dim(),
            )),
            Rect::new(inner.x + 1, inner.y + 1, inner.width.saturating_sub(1), 1),
        );
        let list = Rect::new(
            inner.x,
            inner.y + 2,
            inner.width,
            inner.height.saturating_sub(2),
        );
        if self.view.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!(" {}", crate::tr!("tui-merge-nobody")),
                    theme::warn(),
                )),
                list,
            );
            return;
        }
        let shown = list.height as usize;
        let offset = self.selected.saturating_sub(shown.saturating_sub(1));
        for (n, &i) in self.view.iter().skip(offset).take(shown).enumerate() {
            let row = &rows[i];
            let mut text = format!(" {}", crate::text::clean(&row.name));
            for extra in [row.sphere, row.tags.as_str(), row.last_touch.as_str()] {
                if !extra.is_empty() {
                    text.push_str(" · ");
                    text.push_str(&crate::text::clean(extra));
                }
            }
            let text = super::view::fit(&text, list.width as usize);
            let style = if offset + n == self.selected {
                theme::accent().add_modifier(Modifier::REVERSED)
            } else {
                ratatui::style::Style::default()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(text, style)),
                Rect::new(list.x, list.y + n as u16, list.width, 1),
            );
        }
    }
}
