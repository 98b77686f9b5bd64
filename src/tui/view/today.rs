//! The Today tab: the agenda as one list with section headings; only the
//! rows about a contact can be selected. A contact whose warmth fell
//! against the 90 days before (the Stats tab's cooling list) is marked ↘.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{pad, spread};
use crate::jourfixe::OccurrenceState;
use crate::tui::app::{App, Hit};
use crate::tui::data::{TodayRow, Urgency};
use crate::tui::theme;

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(" Wie läuft's? ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    app.page = height;
    app.today.scroll_into_view(height);
    let rows = &app.data.today_rows;
    let name_w = app.data.today_name_width;
    let width = inner.width as usize;
    let mut lines = Vec::with_capacity(height);
    for (i, row) in rows.iter().enumerate().skip(app.today.offset).take(height) {
        let selected = i == app.today.selected && row.contact_id().is_some();
        let cooling = row.contact_id().is_some_and(|id| app.is_cooling(id));
        let mut line = row_line(row, name_w, width.saturating_sub(2), cooling);
        let marker = if selected { "▶ " } else { "  " };
        line.spans.insert(0, Span::styled(marker, theme::accent()));
        if selected {
            line = line.style(theme::selected());
        }
        let y = inner.y + (i - app.today.offset) as u16;
        app.hits
            .push((Rect::new(inner.x, y, inner.width, 1), Hit::Row(i)));
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The marker beside a contact whose warmth fell (see the Stats tab).
pub const COOLING_MARK: &str = "↘";

fn row_line(row: &TodayRow, name_w: usize, width: usize, cooling: bool) -> Line<'static> {
    match row {
        TodayRow::Section(title) => Line::from(Span::styled(*title, theme::section())),
        TodayRow::Note(text) => Line::from(Span::styled(text.clone(), theme::dim())),
        TodayRow::Contact {
            name,
            sphere,
            why,
            drifting,
            when,
            urgency,
            hook,
            ..
        } => {
            let when_style = match urgency {
                Urgency::Overdue => theme::overdue(),
                Urgency::Due => theme::warn(),
                Urgency::Planned => theme::accent(),
                Urgency::Later => theme::dim(),
            };
            let why_style = if *drifting {
                theme::warn()
            } else {
                ratatui::style::Style::new()
            };
            let mark = match cooling {
                true => Span::styled(COOLING_MARK, theme::cooling()),
                false => Span::raw(" "),
            };
            let mut left = vec![
                Span::raw(format!("{} ", pad(name, name_w))),
                mark,
                Span::styled(format!("{} ", pad(sphere, 5)), theme::dim()),
                Span::styled(why.clone(), why_style),
            ];
            if let Some(hook) = hook {
                left.push(Span::styled(format!("  ◆ {hook}"), theme::hook()));
            }
            spread(left, vec![Span::styled(when.clone(), when_style)], width)
        }
        TodayRow::JourFixe {
            date,
            name,
            channel,
            state,
            ..
        } => {
            let mut line = vec![
                Span::raw(pad(date, 13)),
                Span::raw(pad(name, name_w + 1)),
                Span::styled(channel.clone(), theme::dim()),
            ];
            if let Some((word, style)) = jourfixe_state(*state) {
                line.push(Span::raw("  "));
                line.push(Span::styled(word, style));
            }
            Line::from(line)
        }
        TodayRow::FollowUp {
            date,
            overdue,
            name,
            note,
            ..
        } => {
            let date_style = if *overdue {
                theme::overdue()
            } else {
                ratatui::style::Style::new()
            };
            Line::from(vec![
                Span::styled(pad(date, 8), date_style),
                Span::raw(pad(name, name_w + 1)),
                Span::raw(note.clone()),
            ])
        }
        TodayRow::Birthday { date, who, .. } => Line::from(vec![
            Span::raw(pad(date, 8)),
            Span::raw(format!("{who} ")),
            Span::styled("birthday", theme::dim()),
        ]),
    }
}

/// How a Jour fixe date of the week went, as `draht today` says it:
/// nothing while it is still to come.
fn jourfixe_state(state: OccurrenceState) -> Option<(&'static str, ratatui::style::Style)> {
    match state {
        OccurrenceState::Upcoming => None,
        other => Some((other.as_str(), super::jourfixe::state_style(other))),
    }
}
