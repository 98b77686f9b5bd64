//! The `?` popup: every key of the keymap table, by scope, in two columns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::tui::forms::centered;
use crate::tui::keymap;
use crate::tui::theme;

pub fn draw(frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = centered(area, area.width.saturating_sub(4).min(110), area.height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::accent())
        .title(" Keys ");
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut sections: Vec<Vec<Line>> = Vec::new();
    for (scope, bindings) in keymap::help() {
        let mut lines = vec![Line::from(Span::styled(scope.title(), theme::section()))];
        for (keys, help) in bindings {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {keys:<12}"),
                    theme::accent().patch(theme::bold()),
                ),
                Span::raw(help),
            ]));
        }
        lines.push(Line::from(""));
        sections.push(lines);
    }
    // fill the left column with whole sections up to half of all lines
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
    let [l, r] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    frame.render_widget(Paragraph::new(left).scroll((scroll, 0)), l);
    frame.render_widget(Paragraph::new(right).scroll((scroll, 0)), r);
}
