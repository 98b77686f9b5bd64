//! The Stats tab: touches per week stacked by channel, the channel mix per
//! sphere and the relationships cooling off (largest drop in warmth first),
//! over the last 90 days against the 90 before, as `draht stats` counts
//! them. Beside them the selected cooling contact's year of touches as a
//! heat map, above their card. The numbers come from `tui::insight`, which
//! computes them off the render path; until they are there the tab says so.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::{charts, detail, pad, spread};
use crate::text::{self, DateStyle, age, clean, sphere_short};
use crate::tui::app::{App, Hit, Tab};
use crate::tui::insight::Insight;
use crate::tui::{theme, words};
use crate::{i18n, t, tr};

/// Rows of the weekly bars.
const BAR_ROWS: u16 = 7;

/// Below this width the charts take the whole width and the heat map and
/// card give way (Enter opens the card).
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let (left, right) = match area.width >= SIDE_BY_SIDE {
        true => {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(56), Constraint::Percentage(44)])
                    .areas(area);
            (left, Some(right))
        }
        false => (area, None),
    };
    let Some(insight) = app.insight.take() else {
        let text = match &app.insight_error {
            Some(e) => Span::styled(
                format!(" {}", t!("tui-stats-error", error = clean(e))),
                theme::error(),
            ),
            None => Span::styled(format!(" {}", tr!("tui-stats-counting")), theme::dim()),
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(format!(" {} ", Tab::Stats.title()))),
            left,
        );
        if let Some(right) = right {
            detail::draw(frame, app, right);
        }
        return;
    };
    let spheres = insight.spheres.len().max(1) as u16;
    let [weekly, mix, cooling] = Layout::vertical([
        Constraint::Length(BAR_ROWS + 4),
        Constraint::Length(spheres + 2),
        Constraint::Min(3),
    ])
    .areas(left);
    draw_weekly(frame, &insight, weekly);
    draw_spheres(frame, &insight, mix);
    draw_cooling(frame, app, &insight, cooling);
    app.insight = Some(insight);
    if let Some(right) = right {
        let [heat, card] =
            Layout::vertical([Constraint::Length(9), Constraint::Min(0)]).areas(right);
        draw_heat(frame, app, heat);
        detail::draw(frame, app, card);
    }
}

fn draw_weekly(frame: &mut Frame, insight: &Insight, area: Rect) {
    let total: u32 = insight.weekly.iter().map(|w| w.total()).sum();
    let lang = i18n::current();
    let title = t!(
        "tui-stats-weekly",
        from = text::date(lang, insight.window.from, DateStyle::DayMonth),
        to = text::date(lang, insight.window.to, DateStyle::DayMonth),
        total = text::number(lang, u64::from(total))
    );
    let title = format!(" {title} ");
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = charts::weekly_bars(
        &insight.weekly,
        insight.window.from,
        insight.window.to,
        inner.width as usize,
        inner.height.saturating_sub(2) as usize,
    );
    lines.push(charts::legend());
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_spheres(frame: &mut Frame, insight: &Insight, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(format!(" {} ", tr!("tui-stats-spheres")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines: Vec<Line> = match insight.spheres.is_empty() {
        true => vec![Line::from(Span::styled(
            tr!("tui-stats-no-touches"),
            theme::dim(),
        ))],
        false => insight
            .spheres
            .iter()
            .map(|m| charts::sphere_line(m, width))
            .collect(),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_cooling(frame: &mut Frame, app: &mut App, insight: &Insight, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(format!(" {} ", tr!("tui-stats-cooling")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if insight.cooling.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(tr!("tui-stats-nobody-cooling"), theme::dim()))
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = inner.height as usize;
    app.page = height;
    app.cooling.selected = app.cooling.selected.min(insight.cooling.len() - 1);
    app.cooling.scroll_into_view(height);
    let width = inner.width as usize;
    let lang = i18n::current();
    let sphere_w = words::sphere_width();
    let mut lines = Vec::new();
    for (i, c) in insight
        .cooling
        .iter()
        .enumerate()
        .skip(app.cooling.offset)
        .take(height)
    {
        let selected = i == app.cooling.selected;
        let last = match c.since_last {
            Some(0) => tr!("tui-stats-today").to_string(),
            Some(days) => {
                let lang = crate::i18n::current();
                crate::i18n::kept_by(
                    lang,
                    "tui-stats-ago",
                    i64::from(days),
                    || t!(lang; "tui-stats-ago", age = age(i64::from(days))),
                )
                .to_string()
            }
            None => tr!("tui-stats-not-in-window").to_string(),
        };
        let mut line = spread(
            vec![
                Span::styled(if selected { "▶ " } else { "  " }, theme::accent()),
                Span::raw(pad(&clean(&c.name), 16)),
                Span::styled(
                    format!(" {} ", pad(sphere_short(c.sphere), sphere_w)),
                    theme::dim(),
                ),
                Span::raw(format!(
                    "{:>4} ← {:<5}",
                    text::decimal(lang, c.warmth),
                    text::decimal(lang, c.before)
                )),
                Span::styled(format!(" {last}"), theme::dim()),
            ],
            vec![Span::styled(
                format!("↘{}", text::decimal(lang, c.before - c.warmth)),
                theme::cooling(),
            )],
            width,
        );
        if selected {
            line = line.style(theme::selected());
        }
        let y = inner.y + (i - app.cooling.offset) as u16;
        app.hits
            .push((Rect::new(inner.x, y, inner.width, 1), Hit::Row(i)));
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected contact's touches per day over the last weeks that fit.
fn draw_heat(frame: &mut Frame, app: &App, area: Rect) {
    let end = app.data.ov.today;
    let week_start = app.config.settings.week_start;
    let width = area.width.saturating_sub(3) as usize;
    let weeks = charts::heat_weeks(width);
    let first = charts::heat_first(end, week_start, weeks);
    let lang = i18n::current();
    let title = t!(
        "tui-stats-heat",
        from = text::date(lang, first, DateStyle::MonthYear),
        to = text::date(lang, end, DateStyle::MonthYear)
    );
    let title = format!(" {title} ");
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(brief) = app.current_brief() else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", tr!("tui-stats-heat-nobody")),
                theme::dim(),
            )),
            inner,
        );
        return;
    };
    let rows = charts::heat_rows(&brief.heat, end, week_start, width);
    frame.render_widget(
        Paragraph::new(rows),
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
    );
}
