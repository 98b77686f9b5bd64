//! The detail card: the `draht show` brief of the selected contact —
//! check-in, details, hooks, open follow-ups, Jour fixe, a timeline of recent
//! touches with channel markers, and the channel mix.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::fit;
use crate::clock;
use crate::model::{Outcome, Touch};
use crate::schedule::{ContactFacts, Status};
use crate::text::{cadence, channel_glyph, clean, day_short};
use crate::tui::app::App;
use crate::tui::brief::Brief;
use crate::tui::data::why;
use crate::tui::theme;

/// The most markers one channel gets in the mix line.
const MIX_MARKS: i64 = 8;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(facts) = app.selected_id().and_then(|id| app.data.facts_of(id)) else {
        let block = Block::bordered().border_type(BorderType::Plain);
        frame.render_widget(
            Paragraph::new(Span::styled(" Nobody selected.", theme::dim())).block(block),
            area,
        );
        return;
    };
    let c = &facts.contact;
    let mut title = format!(" {} · {}", clean(&c.name), c.sphere.as_str());
    if let Some(company) = &c.company {
        title.push_str(&format!(" · {}", clean(company)));
    }
    title.push(' ');
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(Span::styled(title, theme::bold()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width.saturating_sub(1) as usize;
    let mut lines = checkin_lines(app, facts);
    lines.extend(detail_lines(app, facts));
    if let Some(brief) = app.current_brief() {
        lines.extend(brief_lines(app, brief));
    }
    let lines: Vec<Line> = lines.into_iter().map(|line| cut(line, width)).collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
    );
}

/// Cuts a line to `width` cells.
fn cut(line: Line<'static>, width: usize) -> Line<'static> {
    super::spread(line.spans, Vec::new(), width + 1)
}

fn heading(text: &'static str) -> Line<'static> {
    Line::from(Span::styled(text, theme::bold()))
}

fn checkin_lines(app: &App, facts: &ContactFacts) -> Vec<Line<'static>> {
    let today = app.data.ov.today;
    let mut spans = Vec::new();
    match app.data.checkin_of(facts.contact.id) {
        Some(ch) => {
            spans.push(Span::raw(format!(
                "every {} · due {} ",
                cadence(ch.cadence_days),
                day_short(ch.due, today)
            )));
            let (text, style) = match ch.days_overdue {
                d if d > 0 => (format!("({d}d overdue)"), theme::overdue()),
                0 => ("(today)".to_string(), theme::warn()),
                d => (format!("(in {}d)", -d), theme::dim()),
            };
            spans.push(Span::styled(text, style));
            if ch.status == Status::Planned {
                spans.push(Span::styled(" · planned", theme::status(Status::Planned)));
            }
        }
        None => spans.push(Span::styled(
            "no cadence: never comes due (c sets one)",
            theme::dim(),
        )),
    }
    if let Some(snooze) = facts.contact.snoozed_until.filter(|s| *s > today) {
        spans.push(Span::raw(format!(
            " · snoozed until {}",
            day_short(snooze, today)
        )));
    }
    let why_style = if facts.written_streak >= 3 {
        theme::warn()
    } else {
        theme::dim()
    };
    vec![
        Line::from(spans),
        Line::from(Span::styled(why(facts, today), why_style)),
    ]
}

fn detail_lines(app: &App, facts: &ContactFacts) -> Vec<Line<'static>> {
    let c = &facts.contact;
    let today = app.data.ov.today;
    let mut lines = Vec::new();
    let mut facts_line = Vec::new();
    if let Some(role) = &c.role {
        facts_line.push(clean(role));
    }
    if let Some(e) = c.emails.first() {
        facts_line.push(format!("✉ {}", clean(&e.value)));
    }
    if let Some(p) = c.phones.first() {
        facts_line.push(format!("☎ {}", clean(&p.value)));
    }
    if !facts_line.is_empty() {
        lines.push(Line::from(Span::styled(
            facts_line.join("  "),
            theme::dim(),
        )));
    }
    if let Some(b) = c.birthday {
        let next = b.next_on_or_after(today);
        let text = match b.age_on(next) {
            Some(age) => format!("birthday {} (turns {age})", day_short(next, today)),
            None => format!("birthday {}", day_short(next, today)),
        };
        lines.push(Line::from(Span::styled(text, theme::dim())));
    }
    if !c.tags.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("# {}", clean(&c.tags.join(", "))),
            theme::dim(),
        )));
    }
    lines
}

fn brief_lines(app: &App, brief: &Brief) -> Vec<Line<'static>> {
    let today = app.data.ov.today;
    let mut lines = Vec::new();
    if !brief.hooks.is_empty() {
        lines.push(heading("hooks"));
        for h in &brief.hooks {
            let style = if h.used_at.is_some() {
                theme::dim()
            } else {
                theme::hook()
            };
            lines.push(Line::from(vec![
                Span::styled(" ◆ ", style),
                Span::styled(format!("{:<9}", h.kind.as_str()), theme::dim()),
                Span::raw(clean(&h.text)),
            ]));
        }
    }
    if !brief.followups.is_empty() {
        lines.push(heading("follow-ups"));
        for f in &brief.followups {
            let style = if f.due < today {
                theme::overdue()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::from(vec![
                Span::raw(" □ "),
                // a day is 10 cells in English, more in German: a space always
                Span::styled(format!("{:<10} ", day_short(f.due, today)), style),
                Span::raw(clean(&f.note)),
            ]));
        }
    }
    if let Some(o) = app.data.next_jourfixe(brief.id) {
        let mut about = vec![
            clean(&o.rule),
            format!("next {}", day_short(o.date, today)),
            o.channel.as_str().to_string(),
        ];
        if let Some(jf) = app.data.tracked(o.jourfixe_id).map(|t| &t.jf) {
            about.extend(jf.duration_minutes.map(crate::parse::minutes_text));
            about.extend(jf.note.as_deref().map(clean));
        }
        lines.push(Line::from(vec![
            Span::styled("Jour fixe: ", theme::bold()),
            Span::raw(about.join(" · ")),
        ]));
    }
    if !brief.touches.is_empty() {
        match app.zoom {
            true => lines.push(Line::from(vec![
                Span::styled("touches", theme::bold()),
                Span::styled("  j/k pick · e fix · d remove", theme::dim()),
            ])),
            false => lines.push(heading("touches")),
        }
        for (i, t) in brief.touches.iter().enumerate() {
            let line = touch_line(app, brief, t);
            lines.push(match app.zoom && i == app.card_touch {
                true => {
                    let mut spans = vec![Span::styled("▶", theme::accent())];
                    spans.extend(line.spans.into_iter().skip(1));
                    Line::from(spans).style(theme::selected())
                }
                false => line,
            });
        }
    }
    if !brief.mix.is_empty() {
        let mut spans = vec![Span::styled("mix ", theme::bold())];
        for (channel, count) in &brief.mix {
            let marks = channel_glyph(*channel).repeat((*count).clamp(0, MIX_MARKS) as usize);
            spans.push(Span::raw(marks));
            if *count > MIX_MARKS {
                spans.push(Span::styled(
                    format!("+{}", count - MIX_MARKS),
                    theme::dim(),
                ));
            }
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    if let Some(notes) = &app
        .data
        .facts_of(brief.id)
        .and_then(|f| f.contact.notes.clone())
    {
        lines.push(heading("notes"));
        lines.push(Line::from(fit(&clean(notes), 200)));
    }
    lines
}

fn touch_line(app: &App, brief: &Brief, t: &Touch) -> Line<'static> {
    let local = clock::local(t.at).date_naive();
    let date = if local.year() == app.data.ov.today.year() {
        local.format("%e %b").to_string()
    } else {
        local.format("%b %Y").to_string()
    };
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(format!("{date:<8} "), theme::dim()),
        Span::raw(format!(
            "{} {:<6}",
            channel_glyph(t.channel),
            t.channel.as_str()
        )),
    ];
    if t.outcome == Outcome::Missed {
        spans.push(Span::styled("missed ", theme::warn()));
    }
    if !t.captured.is_empty() {
        let from = format!("· {} ", crate::text::captured(&t.captured, t.channel));
        spans.push(Span::styled(from, theme::dim()));
    }
    let others: Vec<String> = t
        .participants
        .iter()
        .filter_map(|p| brief.others.get(p).map(|n| clean(n)))
        .collect();
    if !others.is_empty() {
        spans.push(Span::styled(
            format!("with {} ", others.join(", ")),
            theme::dim(),
        ));
    }
    if let Some(note) = &t.note {
        spans.push(Span::raw(clean(note)));
    }
    match t.rating {
        Some(1) => spans.push(Span::styled(" +1", theme::ok())),
        Some(-1) => spans.push(Span::styled(" -1", theme::overdue())),
        _ => {}
    }
    Line::from(spans)
}
