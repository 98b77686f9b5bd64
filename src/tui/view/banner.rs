//! The banner line under the tabs: a Jour fixe about to start.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::theme;
use crate::text::reminder::jourfixe;

/// Rows the banner takes: one while a Jour fixe is about to start.
pub fn height(app: &App) -> u16 {
    u16::from(app.banner.soon.is_some())
}

/// " ⏰ Jour fixe with Anna at 10:00 (in 12 min) — call · ask about the Q3 launch"
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(soon) = &app.banner.soon else {
        return;
    };
    let now = crate::clock::local(app.now).naive_local();
    // whole minutes, rounded up: "in 1 min" up to the start
    let minutes = ((soon.starts() - now).num_seconds().max(0) + 59) / 60;
    let when = match minutes {
        m if m > 60 => crate::t!("tui-banner-in-hours", hours = m / 60, minutes = m % 60),
        m => crate::t!("tui-banner-in-minutes", minutes = m),
    };
    // the time left before the body, so that a narrow terminal cuts the
    // talking points, not when it starts
    let words = jourfixe(soon, now.date());
    let style = theme::warn().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    let text = format!(" ⏰ {} {when} — {}", words.title, words.body);
    let content = super::fit(&text, usize::from(area.width));
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            super::pad(&content, usize::from(area.width)),
            style,
        ))),
        area,
    );
}
