//! The `?` popup: every key of the keymap table, by scope. Two columns when
//! each gets room for a key and a readable description, one otherwise; a
//! description too long for its column wraps under itself, so no column
//! runs into the next. j/k and the page keys scroll.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap;

use crate::tui::forms::centered;
use crate::tui::keymap;
use crate::tui::theme;

/// The key column's width (the widest keys, "PgDn Ctrl-d").
const KEYS: usize = 13;
/// A column narrower than this gets one column for all.
const COLUMN: usize = 52;

/// Draws the popup over `area`, scrolled by `scroll` lines; returns the
/// lines it shows at once (a page).
pub fn draw(frame: &mut Frame, area: Rect, scroll: u16) -> u16 {
    let rect = centered(area, area.width.saturating_sub(2).min(120), area.height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::accent())
        .title(format!(" {} ", crate::tr!("tui-help-title")));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let two = inner.width as usize >= 2 * COLUMN + 2;
    let column = match two {
        true => (inner.width as usize - 2) / 2,
        false => inner.width as usize,
    };
    let sections: Vec<Vec<Line>> = keymap::help()
        .into_iter()
        .map(|(scope, bindings)| section(scope.title(), &bindings, column))
        .collect();
    if !two {
        let lines: Vec<Line> = sections.into_iter().flatten().collect();
        let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize) as u16);
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
        return inner.height;
    }
    // whole sections in the left column up to half of all lines
    let total: usize = sections.iter().map(Vec::len).sum();
    let mut left = Vec::new();
    let mut right = Vec::new();
    for section in sections {
        if left.len() + section.len() / 2 < total / 2 {
            left.extend(section);
        } else {
            right.extend(section);
        }
    }
    let longest = left.len().max(right.len());
    let scroll = scroll.min(longest.saturating_sub(inner.height as usize) as u16);
    let [l, _, r] = Layout::horizontal([
        Constraint::Length(column as u16),
        Constraint::Length(2),
        Constraint::Length(column as u16),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(left).scroll((scroll, 0)), l);
    frame.render_widget(Paragraph::new(right).scroll((scroll, 0)), r);
    inner.height
}

/// A scope's heading, its keys with their descriptions wrapped to
/// `width`, and a blank line.
fn section(
    title: &'static str,
    bindings: &[(String, &'static str)],
    width: usize,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(title, theme::section()))];
    let room = width.saturating_sub(KEYS + 2).max(12);
    for (keys, help) in bindings {
        let keys_w = keys.width();
        for (i, part) in wrap(help, room).into_iter().enumerate() {
            let lead = match (i, keys_w + 2 > KEYS + 2) {
                // keys wider than their column get a line of their own
                (0, true) => {
                    lines.push(Line::from(Span::styled(
                        format!("  {keys}"),
                        theme::accent().patch(theme::bold()),
                    )));
                    " ".repeat(KEYS + 2)
                }
                (0, false) => format!("  {keys:<w$}", w = KEYS),
                _ => " ".repeat(KEYS + 2),
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme::accent().patch(theme::bold())),
                Span::raw(part),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_wrap_at_spaces() {
        assert_eq!(
            wrap("delete the selected Jour fixe; its touches stay", 20),
            ["delete the selected", "Jour fixe; its", "touches stay"]
        );
        assert_eq!(wrap("", 10), [""]);
        assert!(wrap("a-very-long-word-indeed", 8)[0].width() <= 8);
    }
}
