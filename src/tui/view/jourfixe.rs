//! The Jour fixe tab: last month and this month as calendars, weeks from
//! the configured first day, with occurrences marked — planned, kept,
//! missed and skipped each with its own symbol before the day (so they
//! read apart without colour too) and in its own style — beside the list
//! of Jour fixe: each with its next date, channel, rule, length and note
//! on two lines; `e` changes the selected one, `s` skips its next date,
//! `d` deletes it.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::spread;
use crate::jourfixe::OccurrenceState;
use crate::text::{self, clean, day_short};
use crate::tui::app::{App, Hit};
use crate::tui::theme;
use crate::{i18n, t, tr};

/// The symbol before a day of the calendar (and beside a state word).
pub fn state_symbol(state: OccurrenceState) -> &'static str {
    match state {
        OccurrenceState::Upcoming => "•",
        OccurrenceState::Kept => "✓",
        OccurrenceState::Missed => "✗",
        OccurrenceState::Skipped => "–",
    }
}

pub fn state_style(state: OccurrenceState) -> Style {
    match state {
        OccurrenceState::Upcoming => theme::color(Color::Cyan).add_modifier(Modifier::BOLD),
        OccurrenceState::Kept => theme::color(Color::Green),
        OccurrenceState::Missed => theme::color(Color::Red).add_modifier(Modifier::BOLD),
        OccurrenceState::Skipped => {
            Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
        }
    }
}

/// The legend under the calendar: the four states two by two, the second
/// column after the widest word of the first, and today; one state a line
/// when two do not fit in `width` (longer words than English ones).
fn legend(today: NaiveDate, width: usize) -> Vec<Line<'static>> {
    let word = |state| match state {
        OccurrenceState::Upcoming => tr!("tui-jf-legend-planned"),
        OccurrenceState::Kept => tr!("tui-jf-legend-kept"),
        OccurrenceState::Missed => tr!("tui-jf-legend-missed"),
        OccurrenceState::Skipped => tr!("tui-jf-legend-skipped"),
    };
    let pairs = [
        (OccurrenceState::Upcoming, OccurrenceState::Kept),
        (OccurrenceState::Missed, OccurrenceState::Skipped),
    ];
    let first_w = pairs
        .iter()
        .map(|(a, _)| word(*a).width())
        .max()
        .unwrap_or(0)
        + 2;
    let row_w = |(_, b): &(OccurrenceState, OccurrenceState)| 2 + first_w + 2 + word(*b).width();
    let entry = |state: OccurrenceState, pad: usize| {
        vec![
            Span::styled(state_symbol(state), state_style(state)),
            Span::raw(format!(" {:<pad$}", word(state))),
        ]
    };
    let mut lines = Vec::new();
    if pairs.iter().all(|p| row_w(p) <= width) {
        for (a, b) in pairs {
            lines.push(Line::from([entry(a, first_w), entry(b, 0)].concat()));
        }
    } else {
        for (a, b) in pairs {
            lines.push(Line::from(entry(a, 0)));
            lines.push(Line::from(entry(b, 0)));
        }
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:>2}", today.day()), theme::selected()),
        Span::raw(format!(" {}", tr!("tui-jf-legend-today"))),
    ]));
    lines
}

/// The symbol and style of `date` on the calendar: those of the state of
/// its occurrence that most wants attention (see [`day_state`]), today
/// reversed on top of it (or plain when there is none).
fn day_look(app: &App, date: NaiveDate) -> (&'static str, Style) {
    // The occurrences are in date order: the day's are one run.
    let all = &app.data.ov.calendar;
    let start = all.partition_point(|o| o.date < date);
    let end = all.partition_point(|o| o.date <= date);
    let state = day_state(all[start..end].iter().map(|o| o.state));
    let symbol = state.map_or(" ", state_symbol);
    let base = state.map_or(Style::new(), state_style);
    match date == app.data.ov.today {
        true => (symbol, base.add_modifier(Modifier::REVERSED)),
        false => (symbol, base),
    }
}

/// Of a day's occurrence states, the one the calendar shows: a missed one
/// first, then one still to hold, then a kept one; skipped only when all
/// are — a skipped 09:00 must not hide the 14:00 that still stands.
fn day_state(states: impl Iterator<Item = OccurrenceState>) -> Option<OccurrenceState> {
    let rank = |s: &OccurrenceState| match s {
        OccurrenceState::Missed => 0,
        OccurrenceState::Upcoming => 1,
        OccurrenceState::Kept => 2,
        OccurrenceState::Skipped => 3,
    };
    states.min_by_key(rank)
}

/// One month as lines: its name, the weekday names from `week_start`, and
/// its weeks, each day with the symbol and style `look` gives it; days of
/// the months around it fill the first and last week, dimmed.
fn month_lines(
    month: NaiveDate,
    week_start: Weekday,
    look: impl Fn(NaiveDate) -> (&'static str, Style),
) -> Vec<Line<'static>> {
    let first = month.with_day(1).unwrap_or(month);
    let lang = i18n::current();
    let heading = text::date(lang, first, text::DateStyle::LongMonthYear);
    let mut lines = vec![Line::styled(heading, theme::bold()).centered()];
    lines.push(Line::styled(
        text::weekday_header(lang, week_start),
        theme::dim(),
    ));
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first);
    let (mut day, _) = crate::jourfixe::agenda::week_of(first, week_start);
    // at most six weeks: a month never spans more
    for _ in 0..6 {
        if day > last {
            break;
        }
        let mut spans = Vec::with_capacity(21);
        for _ in 0..7 {
            let (symbol, style) = match day.month() == first.month() {
                true => look(day),
                false => (" ", theme::dim()),
            };
            // "•8", "✓12": the symbol right before the day, in three cells
            let digits = day.day().to_string();
            let marked = usize::from(symbol != " ");
            spans.push(Span::raw(" ".repeat(3 - marked - digits.len())));
            if marked == 1 {
                // today's reverse video covers the digits only
                let mut plain = style;
                plain.add_modifier.remove(Modifier::REVERSED);
                spans.push(Span::styled(symbol, plain));
            }
            spans.push(Span::styled(digits, style));
            day = day.succ_opt().unwrap_or(day);
        }
        lines.push(Line::from(spans));
    }
    lines
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Length(26), Constraint::Min(0)]).areas(area);
    draw_calendar(frame, app, left);
    draw_list(frame, app, right);
}

fn draw_calendar(frame: &mut Frame, app: &App, area: Rect) {
    let today = app.data.ov.today;
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(format!(" {} ", tr!("tui-jf-calendar")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let legend_lines = legend(today, inner.width.saturating_sub(1) as usize);
    // last month too when there is room: that is where kept and missed show
    let week_start = app.config.settings.week_start;
    let this_month = month_lines(today, week_start, |date| day_look(app, date));
    let last_month = (today.with_day(1).unwrap_or(today) - chrono::Duration::days(1))
        .with_day(1)
        .map(|month| month_lines(month, week_start, |date| day_look(app, date)))
        .filter(|last| {
            (last.len() + this_month.len()) as u16 + legend_lines.len() as u16 + 2 <= inner.height
        });
    let mut y = inner.y;
    for lines in last_month.into_iter().chain([this_month]) {
        let rows = lines.len() as u16 + 1;
        let rect = Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), rows);
        if rect.bottom() > inner.bottom() {
            break;
        }
        frame.render_widget(Paragraph::new(lines), rect);
        y += rows;
    }
    let legend = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
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
        .title(format!(" {} ", tr!("tui-tab-jourfixe")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = app.jourfixe_list();
    if list.is_empty() {
        let mut text = vec![
            Line::from(Span::styled(tr!("tui-jf-none"), theme::bold())),
            Line::from(""),
        ];
        text.extend(tr!("tui-jf-none-about").lines().map(Line::from));
        text.push(Line::from(Span::styled(
            tr!("tui-jf-none-examples"),
            theme::dim(),
        )));
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
    app.page = (height / 2).max(1);
    app.jourfixe.selected = app.jourfixe.selected.min(list.len() - 1);
    let today = app.data.ov.today;
    let lang = i18n::current();
    let width = inner.width as usize;
    // a Jour fixe's lines: its name and next date, then its rule, length
    // and note, wrapped
    let about = |pos: usize| -> Vec<String> {
        let o = &app.data.ov.calendar[list[pos]];
        let mut about = vec![clean(&o.rule)];
        if let Some(jf) = app.data.tracked(o.jourfixe_id).map(|t| &t.jf) {
            about.extend(jf.duration_minutes.map(crate::parse::minutes_text));
            about.extend(jf.note.as_deref().map(clean));
        }
        wrap_parts(&about, width.saturating_sub(4).max(8))
    };
    super::today::scroll_rows(&mut app.jourfixe, list.len(), height, |pos| {
        1 + about(pos).len()
    });
    let mut lines = Vec::new();
    for (pos, &i) in list.iter().enumerate().skip(app.jourfixe.offset) {
        let about = about(pos);
        if lines.len() + 1 + about.len() > height.max(2) && pos > app.jourfixe.offset {
            break;
        }
        let o = &app.data.ov.calendar[i];
        let selected = pos == app.jourfixe.selected;
        let when = match o.time {
            Some(t) => format!("{} {}", day_short(o.date, today), text::time(lang, t)),
            None => day_short(o.date, today),
        };
        let first = spread(
            vec![
                Span::styled(if selected { "▶ " } else { "  " }, theme::accent()),
                Span::styled(clean(&o.name), theme::bold()),
            ],
            vec![Span::styled(
                t!(
                    "tui-jf-next",
                    when = when,
                    channel = text::channel_name(lang, o.channel)
                ),
                theme::accent(),
            )],
            width,
        );
        let rest = about
            .into_iter()
            .map(|part| Line::from(Span::styled(format!("    {part}"), theme::dim())));
        for mut line in std::iter::once(first).chain(rest) {
            if lines.len() >= height {
                break;
            }
            if selected {
                line = line.style(theme::selected());
            }
            let y = inner.y + lines.len() as u16;
            app.hits
                .push((Rect::new(inner.x, y, inner.width, 1), Hit::Row(pos)));
            lines.push(line);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `parts` joined by " · " in lines of at most `width` cells, a line
/// breaking between parts (and inside one only when it is longer than a
/// line).
fn wrap_parts(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        let fits = lines
            .last()
            .is_some_and(|l| l.width() + 3 + part.width() <= width);
        match lines.last_mut() {
            Some(line) if fits => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.extend(super::wrap(part, width)),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn rule_length_and_note_break_between_them() {
        let parts = [
            "the 2nd Tuesday of every month at 10:00",
            "45 min",
            "roadmap sync",
        ]
        .map(String::from);
        assert_eq!(
            wrap_parts(&parts, 48),
            [
                "the 2nd Tuesday of every month at 10:00 · 45 min",
                "roadmap sync"
            ]
        );
        assert_eq!(wrap_parts(&parts[1..], 48), ["45 min · roadmap sync"]);
    }

    #[test]
    fn a_day_shows_the_state_that_most_wants_attention() {
        use OccurrenceState::{Kept, Missed, Skipped, Upcoming as Planned};
        let shown = |states: &[OccurrenceState]| day_state(states.iter().copied());
        assert_eq!(shown(&[]), None);
        assert_eq!(shown(&[Skipped, Planned]), Some(Planned));
        assert_eq!(shown(&[Kept, Planned]), Some(Planned));
        assert_eq!(shown(&[Kept, Missed, Skipped]), Some(Missed));
        assert_eq!(shown(&[Skipped, Kept]), Some(Kept));
        assert_eq!(shown(&[Skipped, Skipped]), Some(Skipped));
    }

    /// A skipped 09:00 and a 14:00 that stands on the same Wednesday: the
    /// day is drawn as planned.
    #[test]
    fn a_skipped_morning_does_not_hide_the_afternoon() {
        use crate::jourfixe::{Draft, Tz, parse_rule};
        use crate::model::{Channel, Contact};
        use crate::store::{Store, contacts, jourfixe};
        use crate::tui::tests::{Fixture, now};

        let today = crate::clock::local_day(now());
        let wednesday = (1..=7)
            .map(|k| today + chrono::Days::new(k))
            .find(|d| d.weekday() == Weekday::Wed)
            .expect("a Wednesday");
        let mut store = Store::open_in_memory().expect("store");
        store
            .write(|tx| {
                let anna = contacts::insert(tx, &Contact::new("Anna", now()), now())?;
                for (rule, skip) in [("weekly wed 09:00", true), ("weekly wed 14:00", false)] {
                    let spec = parse_rule(rule).expect("rule");
                    let draft = Draft::new(spec, today, Channel::Call, None, None, Tz::LOCAL)
                        .expect("draft");
                    let id = jourfixe::add(tx, anna, &draft, now())?;
                    if skip {
                        jourfixe::skip(tx, id, wednesday, Tz::LOCAL)?;
                    }
                }
                Ok(())
            })
            .expect("write");
        let f = Fixture::on(store);
        let states: Vec<OccurrenceState> = f
            .app
            .data
            .ov
            .calendar
            .iter()
            .filter(|o| o.date == wednesday)
            .map(|o| o.state)
            .collect();
        assert_eq!(
            states,
            [OccurrenceState::Skipped, OccurrenceState::Upcoming]
        );
        assert_eq!(
            day_look(&f.app, wednesday),
            (
                state_symbol(OccurrenceState::Upcoming),
                state_style(OccurrenceState::Upcoming)
            )
        );
    }

    #[test]
    fn weeks_start_on_the_configured_day_with_the_days_around_dimmed() {
        let dec = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        let marked = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let style_of = |d: NaiveDate| match d == marked {
            true => ("•", Style::new().fg(Color::Cyan)),
            false => (" ", Style::new()),
        };
        let monday = month_lines(dec, Weekday::Mon, style_of);
        let rows: Vec<String> = monday.iter().map(text).collect();
        assert_eq!(
            rows,
            [
                "December 2026",
                " Mo Tu We Th Fr Sa Su",
                " 30 •1  2  3  4  5  6",
                "  7  8  9 10 11 12 13",
                " 14 15 16 17 18 19 20",
                " 21 22 23 24 25 26 27",
                " 28 29 30 31  1  2  3",
            ]
        );
        // 30 November is dimmed, 1 December has its own symbol and style
        let span = |line: &Line<'static>, text: &str| {
            line.spans
                .iter()
                .find(|s| s.content == text)
                .map(|s| s.style)
                .unwrap()
        };
        assert_eq!(span(&monday[2], "30"), theme::dim());
        assert_eq!(span(&monday[2], "•"), Style::new().fg(Color::Cyan));
        assert_eq!(span(&monday[2], "1"), Style::new().fg(Color::Cyan));
        assert_eq!(span(&monday[6], "3"), theme::dim());

        let sunday: Vec<String> = month_lines(dec, Weekday::Sun, style_of)
            .iter()
            .map(text)
            .collect();
        assert_eq!(sunday[1], " Su Mo Tu We Th Fr Sa");
        assert_eq!(sunday[2], " 29 30 •1  2  3  4  5");
        assert_eq!(
            sunday.last().map(String::as_str),
            Some(" 27 28 29 30 31  1  2")
        );
        // February 2026 begins on a Sunday and fills exactly four weeks
        let feb = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let weeks = month_lines(feb, Weekday::Sun, style_of).len() - 2;
        assert_eq!(weeks, 4);
    }
}
