//! Triage mode: the contact being asked about, how far the walk is ("3 of
//! 41"), and the answer keys (from the keymap table), beside their card.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use crate::text::describe;
use crate::text::{age, channel_glyph, channel_name};
use crate::tui::app::{App, Mode};
use crate::tui::keymap::{self, Scope};
use crate::tui::theme;
use crate::{i18n, t, tr};

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let Mode::Triage(triage) = &app.mode else {
        return;
    };
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .border_type(BorderType::Rounded)
        .border_style(theme::accent())
        .title(Span::styled(
            format!(" {} ", t!("tui-triage-title", progress = triage.progress())),
            theme::bold(),
        ));
    let Some(facts) = triage.current().and_then(|id| app.data.facts_of(id)) else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", tr!("tui-triage-gone")),
                theme::dim(),
            ))
            .block(block),
            area,
        );
        return;
    };
    let today = app.data.ov.today;
    let last = match facts.last_touch {
        Some(t) => t!(
            "tui-triage-last",
            glyph = channel_glyph(t.channel),
            channel = channel_name(i18n::current(), t.channel),
            age = age((today - t.on).num_days())
        ),
        None => tr!("tui-triage-never").to_string(),
    };
    let mut lines = vec![
        Line::from(Span::styled(describe(&facts.contact), theme::bold())),
        Line::from(Span::styled(last, theme::dim())),
        Line::from(""),
        Line::from(tr!("tui-triage-question")),
    ];
    for (scope, bindings) in keymap::help() {
        if scope != Scope::Triage {
            continue;
        }
        for (keys, help) in bindings {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<6}"), theme::accent().patch(theme::bold())),
                Span::raw(help),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        t!("tui-triage-so-far", summary = triage.summary()),
        theme::dim(),
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
