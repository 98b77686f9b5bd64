//! The Contacts tab: a table of every active contact, sorted and filtered by
//! `ContactList`. Only the rows in view are turned into table rows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Row, Table};

use crate::tui::app::{App, Hit, Mode};
use crate::tui::theme;

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let list = &app.contacts;
    let filtering = matches!(app.mode, Mode::Filter);
    let query = app.filter.value();
    let mut title = format!(" Contacts {} · by {} ", list.view.len(), list.sort.label());
    if !query.is_empty() && !filtering {
        title.push_str(&format!("· /{} ", crate::text::clean(query)));
    }
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (table_area, filter_area) = if filtering {
        let [t, f] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        (t, Some(f))
    } else {
        (inner, None)
    };
    let height = table_area.height.saturating_sub(1) as usize;
    app.page = height;
    app.contacts.state.scroll_into_view(height);
    let list = &app.contacts;
    let rows = &app.data.contacts;
    let offset = list.state.offset;
    let mut table_rows = Vec::with_capacity(height);
    for (pos, &i) in list.view.iter().enumerate().skip(offset).take(height) {
        let r = &rows[i];
        let status = match r.status {
            Some(s) => Span::styled(s.as_str(), theme::status(s)),
            None => Span::styled("—", theme::dim()),
        };
        let mut row = Row::new(vec![
            Line::from(r.name.as_str()),
            Line::from(Span::styled(r.sphere, theme::dim())),
            Line::from(Span::styled(r.tags.as_str(), theme::dim())),
            Line::from(r.last_touch.as_str()),
            Line::from(Span::styled(r.next_jourfixe.as_str(), theme::accent())),
            Line::from(status),
        ]);
        if pos == list.state.selected {
            row = row.style(theme::selected());
        }
        table_rows.push(row);
        let y = table_area.y + 1 + (pos - offset) as u16;
        app.hits.push((
            Rect::new(table_area.x, y, table_area.width, 1),
            Hit::Row(pos),
        ));
    }
    let header = Row::new([
        "NAME",
        "SPHERE",
        "TAGS",
        "LAST TOUCH",
        "JOUR FIXE",
        "STATUS",
    ])
    .style(theme::dim().patch(theme::bold()));
    let table = Table::new(
        table_rows,
        [
            Constraint::Length(app.data.contacts_name_width as u16),
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Length(app.data.contacts_touch_width as u16),
            Constraint::Fill(2),
            Constraint::Length(8),
        ],
    )
    .header(header)
    .column_spacing(1);
    frame.render_widget(table, table_area);
    if app.contacts.view.is_empty() {
        let text = if query.is_empty() {
            "No active contacts. Press a to add one."
        } else {
            "Nobody matches; Esc clears the filter."
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme::dim())),
            Rect::new(
                table_area.x + 1,
                table_area.y + 1,
                table_area.width.saturating_sub(1),
                1,
            ),
        );
    }
    if let Some(f) = filter_area {
        let value = crate::text::clean(query);
        let line = Line::from(vec![
            Span::styled("/", theme::accent().patch(theme::bold())),
            Span::raw(value),
        ]);
        frame.render_widget(Paragraph::new(line), f);
        let cursor = app.filter.visual_cursor() as u16;
        frame.set_cursor_position((f.x + 1 + cursor.min(f.width.saturating_sub(2)), f.y));
    }
}
