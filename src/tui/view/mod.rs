//! Drawing: header with tabs, the current tab's body, the footer with the
//! keys that apply now, and whatever modal is open on top. Views only read
//! the state, except that they note where rows were drawn (for clicks) and
//! scroll lists so that the selection stays visible.

mod banner;
mod charts;
mod contacts;
mod detail;
mod help;
mod jourfixe;
mod stats;
pub mod today;
mod triage;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Hit, Modal, Mode, Tab};
use super::forms::centered;
use super::keymap;
use super::theme;
use crate::text;
use crate::tr;

/// Below this size the interface shows a notice instead of a squeezed mess.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the whole interface.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.hits.clear();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = crate::t!(
            "tui-too-small",
            min_width = MIN_WIDTH,
            min_height = MIN_HEIGHT,
            width = area.width,
            height = area.height
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let [header, banner_area, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner::height(app)),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, app, header);
    banner::draw(frame, app, banner_area);
    let (mode, help) = match &app.mode {
        Mode::Help { scroll, back } => (&**back, Some(*scroll)),
        mode => (mode, None),
    };
    if matches!(mode, Mode::Triage(_)) {
        with_detail(frame, app, body, triage::draw, today_list());
    } else if app.data.is_empty() {
        draw_welcome(frame, body);
    } else {
        match app.tab {
            Tab::Today => with_detail(frame, app, body, today::draw, today_list()),
            Tab::Contacts => with_detail(frame, app, body, contacts::draw, CONTACTS_LIST),
            Tab::JourFixe => jourfixe::draw(frame, app, body),
            Tab::Stats if app.zoom => detail::draw(frame, app, body),
            Tab::Stats => stats::draw(frame, app, body),
        }
    }
    draw_footer(frame, app, footer);
    let mode = match &app.mode {
        Mode::Help { back, .. } => &**back,
        mode => mode,
    };
    if let Mode::Modal(modal) = mode {
        match &**modal {
            Modal::Form(form) => form.render(frame, body),
            Modal::Confirm(confirm) => draw_confirm(frame, body, &confirm.question),
            Modal::Pick(pick) => pick.render(frame, body, &app.data.contacts),
        }
    }
    if let Some(scroll) = help {
        app.page = help::draw(frame, body, scroll) as usize;
    }
}

/// The narrowest the Today list (and triage) may get beside the card: a
/// translator's number, since a row's name, why and when should fit on
/// one line (64 in English; German whys are longer, and below its width
/// the list takes the whole width rather than push people off screen).
fn today_list() -> u16 {
    tr!("tui-today-list-width").trim().parse().unwrap_or(64)
}
/// The narrowest the Contacts table may get beside the card: every column
/// readable.
const CONTACTS_LIST: u16 = 84;
/// The narrowest card worth drawing beside a list.
const CARD: u16 = 36;

/// A list on the left and the selected contact's card on the right, when
/// both fit (the list at least `min_list` wide); the list alone on a
/// narrow terminal (Enter opens the card); the card alone when zoomed.
fn with_detail(
    frame: &mut Frame,
    app: &mut App,
    area: Rect,
    list: fn(&mut Frame, &mut App, Rect),
    min_list: u16,
) {
    if app.zoom {
        detail::draw(frame, app, area);
        return;
    }
    let Some(list_w) = list_beside_card(area.width, min_list) else {
        list(frame, app, area);
        return;
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
    list(frame, app, left);
    detail::draw(frame, app, right);
}

/// The list's width when the card fits beside it on `width` columns (the
/// list at least `min_list` wide), else `None`.
fn list_beside_card(width: u16, min_list: u16) -> Option<u16> {
    let list_w = (width * 58 / 100).max(min_list);
    (width >= list_w + CARD).then_some(list_w)
}

/// Whether the card shows beside the list on `width` columns (for the
/// tests that check what a screen holds).
pub fn card_beside(width: u16, tab: Tab) -> bool {
    let min_list = match tab {
        Tab::Contacts => CONTACTS_LIST,
        _ => today_list(),
    };
    list_beside_card(width, min_list).is_some()
}

fn draw_header(frame: &mut Frame, app: &mut App, area: Rect) {
    let mut spans = vec![
        Span::styled(" draht ", theme::accent().patch(theme::bold())),
        Span::raw(" "),
    ];
    let mut x = area.x + 8;
    for (i, tab) in Tab::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme::dim()));
            x += 3;
        }
        let title = tab.title();
        let style = if *tab == app.tab {
            theme::accent().patch(theme::bold()).underlined()
        } else {
            theme::dim()
        };
        let w = title.width() as u16;
        app.hits.push((Rect::new(x, area.y, w, 1), Hit::Tab(*tab)));
        x += w;
        spans.push(Span::styled(title, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let lang = crate::i18n::current();
    let day = text::date(lang, app.today_date(), text::DateStyle::WeekdayDayMonthYear);
    let date = format!("{day} ");
    frame.render_widget(Paragraph::new(Line::from(date).right_aligned()), area);
}

fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let line = match (app.message(), &app.mode) {
        (Some(m), _) => {
            let style = if m.error { theme::error() } else { theme::ok() };
            Line::from(Span::styled(
                format!(
                    " {}",
                    fit(&crate::text::clean(&m.text), area.width as usize - 1)
                ),
                style,
            ))
        }
        (None, Mode::Help { .. }) => Line::from(Span::styled(
            format!(" {}", tr!("tui-help-footer")),
            theme::dim(),
        )),
        (None, _) => hint_line(&app.footer_hints(), area.width as usize),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// "l log  s snooze …  ? help" with the keys in bold, as many as fit in
/// `width`; the last hint (help) always stays.
fn hint_line<L: AsRef<str>>(hints: &[(String, L)], width: usize) -> Line<'static> {
    // The space between two hints is the language's (German labels are
    // longer: one space keeps at 80 columns every key English shows there).
    let gap = tr!("tui-footer-gap").trim().parse::<usize>().unwrap_or(2);
    let cells = |(key, label): &(String, L)| key.width() + 1 + label.as_ref().width() + gap;
    let last = hints.last().map_or(0, cells);
    let mut used = 1 + last;
    let mut shown: Vec<&(String, L)> = Vec::new();
    for hint in &hints[..hints.len().saturating_sub(1)] {
        if used + cells(hint) > width {
            break;
        }
        used += cells(hint);
        shown.push(hint);
    }
    shown.extend(hints.last());
    let mut spans = vec![Span::raw(" ")];
    let count = shown.len();
    for (i, (key, label)) in shown.into_iter().enumerate() {
        spans.push(Span::styled(
            key.clone(),
            theme::accent().patch(theme::bold()),
        ));
        let after = if i + 1 < count { gap } else { 0 };
        spans.push(Span::raw(format!(
            " {}{}",
            label.as_ref(),
            " ".repeat(after)
        )));
    }
    Line::from(spans)
}

fn draw_welcome(frame: &mut Frame, area: Rect) {
    let key = |k: &'static str| Span::styled(k, theme::accent().patch(theme::bold()));
    let mut lines = vec![
        Line::from(Span::styled(tr!("tui-welcome-heading"), theme::bold())),
        Line::from(""),
    ];
    lines.extend(tr!("tui-welcome-intro").lines().map(Line::from));
    lines.extend([
        Line::from(""),
        Line::from(vec![key("  a "), Span::raw(tr!("tui-welcome-add"))]),
        Line::from(vec![key("  ? "), Span::raw(tr!("tui-welcome-keys"))]),
        Line::from(""),
        Line::from(tr!("tui-welcome-shell")),
    ]);
    // the commands stay as typed; only what they do is translated
    let shell = [
        "  draht add \"Anna Schmidt\" --sphere work --every 3w".to_string(),
        format!("  draht log anna call \"{}\"", tr!("tui-welcome-log-note")),
        format!("  draht --demo          {}", tr!("tui-welcome-demo")),
    ];
    lines.extend(
        shell
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme::dim()))),
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {} ", tr!("tui-welcome-title")));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn draw_confirm(frame: &mut Frame, area: Rect, question: &str) {
    let width = area.width.saturating_sub(4).min(60);
    // a question may hold several lines (a merge's plan)
    let text_lines: u16 = question
        .lines()
        .map(|l| (l.width() as u16 / width.saturating_sub(4).max(1)) + 1)
        .sum();
    let rect = centered(area, width, text_lines + 4);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::error())
        .title(format!(" {} ", tr!("tui-confirm-title")));
    let mut lines: Vec<Line> = question
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect();
    lines.extend([
        Line::from(""),
        hint_line(&keymap::hints(&[keymap::Scope::Confirm]), width as usize),
    ]);
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        rect,
    );
}

/// `text` cut to `width` display cells, with "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` cut to `width` cells after a whole word (at a space or comma),
/// with "…" when cut; a first word longer than `width` is cut inside.
pub fn fit_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let cut = fit(text, width);
    let kept = cut.trim_end_matches('…');
    if text[kept.len()..].starts_with([' ', ',']) {
        return format!("{}…", kept.trim_end_matches([',', ' ']));
    }
    match kept.rfind([' ', ',']) {
        Some(at) if at > 0 => format!("{}…", kept[..at].trim_end_matches([',', ' '])),
        _ => cut,
    }
}

/// `text` broken at spaces into lines of at most `width` cells (a word
/// longer than that is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() { 0 } else { 1 } + word.width();
        if !line.is_empty() && line.width() + needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&fit(word, width));
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut or padded to exactly `width` cells.
pub fn pad(text: &str, width: usize) -> String {
    let cut = fit(text, width);
    let w = cut.width();
    format!("{cut}{}", " ".repeat(width.saturating_sub(w)))
}

/// Spans on the left, cut to leave room for the spans on the right, which
/// end at `width`.
pub fn spread(left: Vec<Span<'static>>, right: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let right_w: usize = right.iter().map(|s| s.content.width()).sum();
    let room = width.saturating_sub(right_w + 1);
    let mut spans = Vec::new();
    let mut used = 0;
    for span in left {
        if used >= room {
            break;
        }
        let w = span.content.width();
        if used + w <= room {
            used += w;
            spans.push(span);
        } else {
            let cut = fit(&span.content, room - used);
            used += cut.width();
            spans.push(Span::styled(cut, span.style));
            break;
        }
    }
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used + right_w))));
    spans.extend(right);
    Line::from(spans)
}
