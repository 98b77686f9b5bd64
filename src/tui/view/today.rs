//! The Today tab: the agenda as one list with section headings; only the
//! rows about a contact can be selected. A contact whose warmth fell
//! against the 90 days before (the Stats tab's cooling list) is marked ↘.
//!
//! A person's row says why they are due (or what plan covers them) and
//! the freshest hook. When the row is too narrow for all of it, the hook —
//! and, narrower still, the why — moves to a second line under the name,
//! so neither is lost at 80 columns. Only the rows in view are laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{fit, pad, spread};
use crate::jourfixe::OccurrenceState;
use crate::tui::app::{App, Hit, ListState};
use crate::tui::data::{TodayRow, Urgency};
use crate::tui::{theme, words};
use crate::{i18n, text, tr};

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(format!(" {} ", tr!("tui-today-title")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let name_w = app.data.today_name_width;
    let width = (inner.width as usize).saturating_sub(2);
    let rows = &app.data.today_rows;
    let lines_of = |i: usize| row_lines(&rows[i], name_w, width, false).len();
    scroll_rows(&mut app.today, rows.len(), height, lines_of);
    app.page = height / 2;
    let mut lines = Vec::with_capacity(height);
    let mut hits = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(app.today.offset) {
        if lines.len() >= height {
            break;
        }
        let selected = i == app.today.selected && row.contact_id().is_some();
        let cooling = row.contact_id().is_some_and(|id| app.is_cooling(id));
        for (k, mut line) in row_lines(row, name_w, width, cooling)
            .into_iter()
            .enumerate()
        {
            if lines.len() >= height {
                break;
            }
            let marker = if selected && k == 0 { "▶ " } else { "  " };
            line.spans.insert(0, Span::styled(marker, theme::accent()));
            if selected {
                line = line.style(theme::selected());
            }
            let y = inner.y + lines.len() as u16;
            hits.push((Rect::new(inner.x, y, inner.width, 1), Hit::Row(i)));
            lines.push(line);
        }
    }
    app.hits.extend(hits);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Moves `state.offset` so that the selected row, `lines(i)` lines high,
/// is wholly in a window of `height` lines.
pub fn scroll_rows(
    state: &mut ListState,
    rows: usize,
    height: usize,
    lines: impl Fn(usize) -> usize,
) {
    let selected = state.selected.min(rows.saturating_sub(1));
    if selected < state.offset {
        state.offset = selected;
        return;
    }
    // Lines from the selected row's bottom up to the offset; only these
    // rows are measured, however long the list.
    let mut used = 0;
    let mut first = selected + 1;
    while first > state.offset {
        let h = lines(first - 1);
        if used + h > height.max(1) && first <= selected {
            break;
        }
        used += h;
        first -= 1;
    }
    state.offset = state.offset.max(first);
}

/// The marker beside a contact whose warmth fell (see the Stats tab).
pub const COOLING_MARK: &str = "↘";

/// The lines of one row in `width` cells (one, or two when a person's
/// why and hook do not fit beside the name).
fn row_lines(row: &TodayRow, name_w: usize, width: usize, cooling: bool) -> Vec<Line<'static>> {
    match row {
        TodayRow::Section(title) => vec![Line::from(Span::styled(*title, theme::section()))],
        TodayRow::Note(text) => vec![Line::from(Span::styled(fit(text, width), theme::dim()))],
        TodayRow::Contact {
            name,
            sphere,
            why,
            drifting,
            when,
            urgency,
            hook,
            plan,
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
                Style::new()
            };
            let mark = match cooling {
                true => Span::styled(COOLING_MARK, theme::cooling()),
                false => Span::raw(" "),
            };
            let head = vec![
                Span::raw(format!("{} ", pad(name, name_w))),
                mark,
                Span::styled(
                    format!("{} ", pad(sphere, words::sphere_width())),
                    theme::dim(),
                ),
            ];
            let mut parts = Vec::new();
            if let Some(plan) = plan {
                parts.push(vec![Span::styled(plan.clone(), theme::accent())]);
            }
            parts.push(vec![Span::styled(why.clone(), why_style)]);
            if let Some(hook) = hook {
                parts.push(vec![Span::styled(format!("◆ {hook}"), theme::hook())]);
            }
            let right = vec![Span::styled(when.clone(), when_style)];
            person_lines(head, parts, right, width)
        }
        TodayRow::JourFixe {
            date,
            today,
            name,
            channel,
            state,
            note,
            ..
        } => {
            let date_style = match today {
                true => theme::warn(),
                false => Style::new(),
            };
            let mut line = vec![
                Span::styled(pad(date, 13), date_style),
                Span::raw(pad(name, name_w + 1)),
                Span::styled(pad(channel, words::channel_width() + 1), theme::dim()),
            ];
            if let Some((word, style)) = jourfixe_state(*state) {
                line.push(Span::styled(format!(" {word}"), style));
            }
            if let Some(note) = note {
                line.push(Span::styled(format!("  {note}"), theme::dim()));
            }
            vec![spread(line, Vec::new(), width + 1)]
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
                Style::new()
            };
            vec![spread(
                vec![
                    Span::styled(pad(date, 8), date_style),
                    Span::raw(pad(name, name_w + 1)),
                    Span::raw(note.clone()),
                ],
                Vec::new(),
                width + 1,
            )]
        }
        TodayRow::Birthday { date, who, .. } => vec![spread(
            vec![
                Span::raw(pad(date, 8)),
                Span::raw(format!("{who} ")),
                Span::styled(tr!("tui-birthday"), theme::dim()),
            ],
            Vec::new(),
            width + 1,
        )],
    }
}

/// A person's row: `head` (name, sphere), then `parts` — what plans them,
/// why they are listed, their hook — and at the right end `right` (when).
/// One line when all of it fits; else the parts go, in order, on as many
/// lines under the name as they need (at most one line for each part), each
/// part whole where it fits on a line, else cut there with "…".
fn person_lines(
    head: Vec<Span<'static>>,
    parts: Vec<Vec<Span<'static>>>,
    right: Vec<Span<'static>>,
    width: usize,
) -> Vec<Line<'static>> {
    let w = |spans: &[Span]| spans.iter().map(|s| s.content.width()).sum::<usize>();
    const GAP: &str = "  ";
    let (head_w, right_w) = (w(&head), w(&right));
    // later lines start under the parts when each part fits there whole,
    // else a little in from the name
    let widest = parts.iter().map(|p| w(p)).max().unwrap_or(0);
    let indent = match width.saturating_sub(head_w) >= widest.max(32) {
        true => head_w,
        false => 4,
    };
    let mut lines: Vec<(Vec<Span<'static>>, usize)> = vec![(Vec::new(), 0)];
    for part in parts {
        let part_w = w(&part);
        let n = lines.len();
        let (line, used) = lines.last_mut().expect("a line");
        let room = match n {
            1 => width.saturating_sub(head_w + right_w + 1),
            _ => width.saturating_sub(indent),
        };
        let gap = if *used == 0 { 0 } else { GAP.len() };
        let fits = *used + gap + part_w <= room;
        if fits || (*used == 0 && n > 1) {
            if gap > 0 {
                line.push(Span::raw(GAP));
            }
            line.extend(part);
            *used += gap + part_w;
        } else {
            lines.push((part, part_w));
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, (spans, _)) in lines.into_iter().enumerate() {
        if i == 0 {
            let mut first = head.clone();
            first.extend(spans);
            out.push(spread(first, right.clone(), width));
        } else if !spans.is_empty() {
            let mut line = vec![Span::raw(" ".repeat(indent))];
            line.extend(spans);
            out.push(spread(line, Vec::new(), width + 1));
        }
    }
    out
}

/// How a Jour fixe date of the week went, as `draht today` says it —
/// kept, missed or skipped, with its symbol; nothing while it is still
/// to come.
fn jourfixe_state(state: OccurrenceState) -> Option<(String, Style)> {
    let style = match state {
        OccurrenceState::Upcoming => return None,
        OccurrenceState::Kept => theme::ok(),
        OccurrenceState::Missed => theme::overdue().patch(theme::bold()),
        OccurrenceState::Skipped => theme::dim(),
    };
    let symbol = super::jourfixe::state_symbol(state);
    let word = text::occurrence_name(i18n::current(), state);
    Some((format!("{symbol} {word}"), style))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn anna(width: usize) -> Vec<String> {
        let head = vec![Span::raw("Anna Schmidt  "), Span::raw("work  ")];
        let parts = vec![
            vec![Span::raw("call 21d ago · 5 written since")],
            vec![Span::raw(
                "◆ Q3 launch went live — ask how the numbers look",
            )],
        ];
        text(&person_lines(head, parts, vec![Span::raw("7d")], width))
    }

    #[test]
    fn a_wide_row_says_everything_on_one_line() {
        let lines = anna(120);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].contains("5 written since  ◆ Q3 launch went live — ask how the numbers look")
        );
        assert!(lines[0].ends_with("7d"));
    }

    #[test]
    fn a_narrow_row_moves_the_hook_below_the_name() {
        let lines = anna(78);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].contains("call 21d ago · 5 written since") && lines[0].ends_with("7d"));
        assert_eq!(
            lines[1].trim(),
            "◆ Q3 launch went live — ask how the numbers look"
        );
    }

    #[test]
    fn narrower_still_the_why_and_the_hook_get_a_line_each() {
        let lines = anna(40);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("Anna Schmidt") && lines[0].ends_with("7d"));
        assert_eq!(lines[1].trim(), "call 21d ago · 5 written since");
        assert!(lines[2].trim_start().starts_with("◆ Q3 launch"));
        assert!(
            lines[2].trim_end().ends_with('…'),
            "cut with an ellipsis: {lines:?}"
        );
    }

    #[test]
    fn scrolling_keeps_a_two_line_selection_whole() {
        let heights = [1, 2, 2, 1, 2, 2];
        let mut state = ListState {
            selected: 5,
            offset: 0,
        };
        scroll_rows(&mut state, heights.len(), 5, |i| heights[i]);
        // rows 4 and 5 (four lines) and row 3 (one line) fill five lines
        assert_eq!(state.offset, 3);
        state.selected = 1;
        scroll_rows(&mut state, heights.len(), 5, |i| heights[i]);
        assert_eq!(state.offset, 1);
    }
}
