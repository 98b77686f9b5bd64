//! The detail card: the `draht show` brief of the selected contact —
//! check-in, details, hooks, open follow-ups, Jour fixe, a timeline of recent
//! touches with channel markers, and the channel mix.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{fit, pad};
use crate::model::{Outcome, Sphere, Touch};
use crate::schedule::{ContactFacts, Status};
use crate::text::{self, DateStyle, channel_glyph, clean, day_short};
use crate::tui::app::App;
use crate::tui::brief::Brief;
use crate::tui::data::why;
use crate::tui::{theme, words};
use crate::{clock, i18n, t, tr};

/// The most markers one channel gets in the mix line.
const MIX_MARKS: i64 = 8;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(facts) = app.selected_id().and_then(|id| app.data.facts_of(id)) else {
        let block = Block::bordered().border_type(BorderType::Plain);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", tr!("tui-card-nobody")),
                theme::dim(),
            ))
            .block(block),
            area,
        );
        return;
    };
    let c = &facts.contact;
    let sphere = match c.sphere {
        Sphere::Work => tr!("tui-card-sphere-work"),
        Sphere::Private => tr!("tui-card-sphere-private"),
    };
    let mut title = format!(" {} · {sphere}", clean(&c.name));
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
    let mut lines = checkin_lines(app, facts, width);
    lines.extend(detail_lines(app, facts));
    if let Some(brief) = app.current_brief() {
        lines.extend(brief_lines(app, brief));
    }
    let lines: Vec<Line> = lines.into_iter().map(|line| cut(line, width)).collect();
    // (the why wraps above: it is the reason the contact is listed)
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

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), theme::bold()))
}

/// The check-in and, wrapped to `width`, why the contact is where it is.
fn checkin_lines(app: &App, facts: &ContactFacts, width: usize) -> Vec<Line<'static>> {
    let today = app.data.ov.today;
    let mut spans = Vec::new();
    match app.data.checkin_of(facts.contact.id) {
        Some(ch) => {
            let every = t!(
                "tui-card-every",
                every = text::every(ch.cadence_days),
                day = day_short(ch.due, today),
                date = text::date(i18n::current(), ch.due, DateStyle::DayMonth)
            );
            spans.push(Span::raw(format!("{every} ")));
            let (text, style) = match ch.days_overdue {
                // kept per count: the card is drawn on every frame
                d if d > 0 => (
                    i18n::kept_by(i18n::current(), "tui-card-overdue", d, || {
                        t!("tui-card-overdue", days = d)
                    }),
                    theme::overdue(),
                ),
                0 => (tr!("tui-card-due-today"), theme::warn()),
                d => (
                    i18n::kept_by(i18n::current(), "tui-card-due-in", -d, || {
                        t!("tui-card-due-in", days = -d)
                    }),
                    theme::dim(),
                ),
            };
            spans.push(Span::styled(text, style));
            if ch.status == Status::Planned {
                let planned = text::status_name(i18n::current(), Status::Planned);
                spans.push(Span::styled(
                    format!(" · {planned}"),
                    theme::status(Status::Planned),
                ));
            }
        }
        None => spans.push(Span::styled(tr!("tui-card-no-cadence"), theme::dim())),
    }
    if let Some(snooze) = facts.contact.snoozed_until.filter(|s| *s > today) {
        let until = t!("tui-card-snoozed", day = day_short(snooze, today));
        spans.push(Span::raw(format!(" · {until}")));
    }
    let why_style = if facts.written_streak >= 3 {
        theme::warn()
    } else {
        theme::dim()
    };
    let mut lines = vec![Line::from(spans)];
    for part in super::wrap(&why(facts, today), width.max(1)) {
        lines.push(Line::from(Span::styled(part, why_style)));
    }
    lines
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
            Some(age) => t!(
                "tui-card-birthday-turns",
                day = day_short(next, today),
                age = age
            ),
            None => t!("tui-card-birthday", day = day_short(next, today)),
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
    let lang = i18n::current();
    let mut lines = Vec::new();
    if !brief.hooks.is_empty() {
        lines.push(heading(tr!("tui-card-hooks")));
        // the widest kind shown and a space: 9 cells in English
        let kinds = brief
            .hooks
            .iter()
            .map(|h| text::hook_kind_name(lang, h.kind));
        let kind_w = 1 + words::widest(8, kinds);
        for h in &brief.hooks {
            let style = if h.used_at.is_some() {
                theme::dim()
            } else {
                theme::hook()
            };
            lines.push(Line::from(vec![
                Span::styled(" ◆ ", style),
                Span::styled(
                    pad(text::hook_kind_name(lang, h.kind), kind_w),
                    theme::dim(),
                ),
                Span::raw(clean(&h.text)),
            ]));
        }
    }
    if !brief.followups.is_empty() {
        lines.push(heading(tr!("tui-card-follow-ups")));
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
            t!("tui-card-next", day = day_short(o.date, today)),
            text::channel_name(lang, o.channel).to_string(),
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
                Span::styled(tr!("tui-card-touches"), theme::bold()),
                Span::styled(format!("  {}", tr!("tui-card-touch-keys")), theme::dim()),
            ])),
            false => lines.push(heading(tr!("tui-card-touches"))),
        }
        // the widest date and channel shown: 8 and 6 cells in English
        let date_of = |t: &Touch| touch_date(app, t);
        let date_w = words::widest(
            8,
            brief
                .touches
                .iter()
                .map(date_of)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        );
        let channels = brief
            .touches
            .iter()
            .map(|t| text::channel_name(lang, t.channel));
        let channel_w = 1 + words::widest(5, channels);
        for (i, t) in brief.touches.iter().enumerate() {
            let line = touch_line(app, brief, t, (date_w, channel_w));
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
        let mut spans = vec![Span::styled(
            format!("{} ", tr!("tui-card-mix")),
            theme::bold(),
        )];
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
        lines.push(heading(tr!("tui-card-notes")));
        lines.push(Line::from(fit(&clean(notes), 200)));
    }
    lines
}

/// A touch's day in the timeline: " 6 Dec", "Oct 2025" — " 6. Dez.".
fn touch_date(app: &App, t: &Touch) -> String {
    let local = clock::local(t.at).date_naive();
    let style = match local.year() == app.data.ov.today.year() {
        true => DateStyle::PaddedDayMonth,
        false => DateStyle::MonthYear,
    };
    text::date(i18n::current(), local, style)
}

/// One touch of the timeline, its date and channel `widths` wide.
fn touch_line(app: &App, brief: &Brief, t: &Touch, widths: (usize, usize)) -> Line<'static> {
    let lang = i18n::current();
    let (date_w, channel_w) = widths;
    let date = touch_date(app, t);
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(format!("{} ", pad(&date, date_w)), theme::dim()),
        Span::raw(format!(
            "{} {}",
            channel_glyph(t.channel),
            pad(text::channel_name(lang, t.channel), channel_w)
        )),
    ];
    if t.outcome == Outcome::Missed {
        let missed = text::outcome_name(lang, Outcome::Missed);
        spans.push(Span::styled(format!("{missed} "), theme::warn()));
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
        let with = t!("tui-card-with", names = others.join(", "));
        spans.push(Span::styled(format!("{with} "), theme::dim()));
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
