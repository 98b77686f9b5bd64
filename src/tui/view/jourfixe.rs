//! The Jour fixe tab: last month and this month as calendars (ratatui's
//! `Monthly`) with occurrences marked — planned, kept, missed and skipped
//! each in their own style — beside the list of Jour fixe with their next
//! date; `s` skips the selected one's next date, `d` deletes it.

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::calendar::{CalendarEventStore, Monthly};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::{pad, spread};
use crate::tui::app::{App, Hit};
use crate::tui::jourfixe::OccurrenceState;
use crate::tui::text::{clean, day_short};
use crate::tui::theme;

/// The calendar's own date type.
fn to_time(date: NaiveDate) -> Option<time::Date> {
    let month = time::Month::try_from(u8::try_from(date.month()).ok()?).ok()?;
    time::Date::from_calendar_date(date.year(), month, u8::try_from(date.day()).ok()?).ok()
}

pub fn state_style(state: OccurrenceState) -> Style {
    match state {
        OccurrenceState::Planned => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        OccurrenceState::Kept => Style::new().fg(Color::Green),
        OccurrenceState::Missed => Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::CROSSED_OUT),
        OccurrenceState::Skipped => {
            Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
        }
    }
}

/// Rows of one month (header, weekdays, up to six weeks) and of the legend.
const MONTH_ROWS: u16 = 8;
const LEGEND_ROWS: u16 = 5;

/// The occurrences of `month` styled by state; today reversed on top of its
/// occurrence's style (or plain when there is none).
fn month_events(app: &App, month: NaiveDate) -> CalendarEventStore {
    let today = app.data.today;
    let mut events = CalendarEventStore::default();
    for o in app
        .data
        .occurrences
        .iter()
        .filter(|o| (o.date.year(), o.date.month()) == (month.year(), month.month()))
    {
        if let Some(d) = to_time(o.date) {
            events.add(d, state_style(o.state));
        }
    }
    if (today.year(), today.month()) == (month.year(), month.month())
        && let Some(d) = to_time(today)
    {
        let base = app
            .data
            .occurrences
            .iter()
            .find(|o| o.date == today)
            .map_or(Style::new(), |o| state_style(o.state));
        events.add(d, base.add_modifier(Modifier::REVERSED));
    }
    events
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Length(26), Constraint::Min(0)]).areas(area);
    draw_calendar(frame, app, left);
    draw_list(frame, app, right);
}

fn draw_calendar(frame: &mut Frame, app: &App, area: Rect) {
    let today = app.data.today;
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(" Calendar ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // last month too when there is room: that is where kept and missed show
    let last_month = (today.with_day(1).unwrap_or(today) - chrono::Duration::days(1))
        .with_day(1)
        .filter(|_| inner.height >= 2 * MONTH_ROWS + LEGEND_ROWS);
    let months: Vec<NaiveDate> = last_month.into_iter().chain([today]).collect();
    let mut y = inner.y;
    for month in months {
        let rect = Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), MONTH_ROWS);
        if rect.bottom() > inner.bottom() {
            break;
        }
        if let Some(shown) = to_time(month) {
            let calendar = Monthly::new(shown, month_events(app, month))
                .show_month_header(theme::bold())
                .show_weekdays_header(theme::dim())
                .show_surrounding(theme::dim());
            frame.render_widget(calendar, rect);
        }
        y += MONTH_ROWS;
    }
    let legend = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    let legend_lines = vec![
        Line::from(vec![
            Span::styled("■", state_style(OccurrenceState::Planned)),
            Span::raw(" planned"),
        ]),
        Line::from(vec![
            Span::styled("■", state_style(OccurrenceState::Kept)),
            Span::raw(" kept"),
        ]),
        Line::from(vec![
            Span::styled("■", state_style(OccurrenceState::Missed)),
            Span::raw(" missed"),
        ]),
        Line::from(vec![
            Span::styled("■", state_style(OccurrenceState::Skipped)),
            Span::raw(" skipped"),
        ]),
        Line::from(vec![
            Span::styled("■", theme::selected()),
            Span::raw(" today"),
        ]),
    ];
    frame.render_widget(
        Paragraph::new(legend_lines),
        Rect {
            x: legend.x + 1,
            width: legend.width.saturating_sub(1),
            ..legend
        },
    );
}

fn draw_list(frame: &mut Frame, app: &mut App, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(" Jour fixe ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = app.jourfixe_list();
    if list.is_empty() {
        let text = vec![
            Line::from(Span::styled(
                "No Jour fixe yet — press f on a contact.",
                theme::bold(),
            )),
            Line::from(""),
            Line::from("A Jour fixe is a standing call or coffee with someone who matters:"),
            Line::from("it keeps things going when everything else is busy."),
            Line::from(Span::styled(
                "e.g. every 2nd tue 10:00 · weekly fri · monthly last fri 16:30",
                theme::dim(),
            )),
        ];
        frame.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: true }),
            Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(1),
                ..inner
            },
        );
        return;
    }
    let height = inner.height as usize;
    app.page = height;
    app.jourfixe.selected = app.jourfixe.selected.min(list.len() - 1);
    app.jourfixe.scroll_into_view(height);
    let today = app.data.today;
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for (pos, &i) in list
        .iter()
        .enumerate()
        .skip(app.jourfixe.offset)
        .take(height)
    {
        let o = &app.data.occurrences[i];
        let when = match o.time {
            Some(t) => format!("{} {}", day_short(o.date, today), t.format("%H:%M")),
            None => day_short(o.date, today),
        };
        let mut line = spread(
            vec![
                Span::raw(if pos == app.jourfixe.selected {
                    "▶ "
                } else {
                    "  "
                }),
                Span::raw(pad(&clean(&o.name), 18)),
                Span::raw(" "),
                Span::styled(clean(&o.rule), theme::dim()),
            ],
            vec![Span::styled(
                format!("{when} {}", o.channel.as_str()),
                theme::accent(),
            )],
            width,
        );
        if pos == app.jourfixe.selected {
            line = line.style(theme::selected());
        }
        let y = inner.y + (pos - app.jourfixe.offset) as u16;
        app.hits
            .push((Rect::new(inner.x, y, inner.width, 1), Hit::Row(pos)));
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
