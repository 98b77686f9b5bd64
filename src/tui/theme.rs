//! The few styles of the interface, in one place. Colours are the 16 ANSI
//! ones, so the user's terminal theme decides how they look. With
//! `NO_COLOR` set, or on a terminal that says it has no colours, there are
//! none: only bold, dim, underline and reverse video, and every meaning
//! that colour carries is also a symbol or a word.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

use crate::model::Channel;
use crate::schedule::Status;

thread_local! {
    /// Whether this thread draws without colour (the event loop's, or a
    /// test's: each its own).
    static MONOCHROME: Cell<bool> = const { Cell::new(false) };
}

/// Draw without colour from now on (on this thread), or with.
pub fn set_monochrome(on: bool) {
    MONOCHROME.with(|m| m.set(on));
}

pub fn monochrome() -> bool {
    MONOCHROME.with(Cell::get)
}

/// Whether the environment asks for no colour: `NO_COLOR` set and not
/// empty (no-color.org), or a `TERM` without colours (`dumb`, `*-mono`,
/// `*-m`, `vt100`-style terminals).
pub fn wants_monochrome(no_color: Option<&str>, term: Option<&str>) -> bool {
    let no_color = no_color.is_some_and(|v| !v.is_empty());
    let mono_term = term.is_some_and(|t| {
        t == "dumb"
            || t.ends_with("-mono")
            || t.ends_with("-m")
            || t.starts_with("vt")
            || t == "ansi-m"
    });
    no_color || mono_term
}

/// A style in colour `c`, or plain when drawing without colour.
pub fn color(c: Color) -> Style {
    match monochrome() {
        true => Style::new(),
        false => Style::new().fg(c),
    }
}

pub fn accent() -> Style {
    color(Color::Cyan)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    color(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    color(Color::Green)
}

pub fn warn() -> Style {
    color(Color::Yellow)
}

pub fn overdue() -> Style {
    color(Color::Red)
}

/// The selected row.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A section heading in a list.
pub fn section() -> Style {
    color(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn field() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn field_focus() -> Style {
    match monochrome() {
        true => Style::new().add_modifier(Modifier::REVERSED),
        false => Style::new().fg(Color::Black).bg(Color::Cyan),
    }
}

pub fn chosen() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn hook() -> Style {
    color(Color::Cyan)
}

/// A check-in status in its colour.
pub fn status(status: Status) -> Style {
    match status {
        Status::Overdue => overdue().add_modifier(Modifier::BOLD),
        Status::Due => warn().add_modifier(Modifier::BOLD),
        Status::Planned => accent(),
        Status::Soon => ok(),
        Status::Ok => Style::new(),
    }
}

/// A relationship growing cold (the cooling marker and list).
pub fn cooling() -> Style {
    color(Color::Blue).add_modifier(Modifier::BOLD)
}

/// Each channel's colour in charts: written ones cool, spoken ones warm.
pub fn channel(channel: Channel) -> Style {
    color(match channel {
        Channel::Sms => Color::Gray,
        Channel::Email => Color::Blue,
        Channel::Chat => Color::Cyan,
        Channel::Call => Color::Green,
        Channel::Video => Color::Yellow,
        Channel::Meet => Color::Red,
    })
}

/// A chart cell of `channel`: its own glyph (the timeline's), so the six
/// channels read apart in colour and without it.
pub fn channel_block(channel: Channel) -> &'static str {
    crate::text::channel_glyph(channel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_and_mono_terminals_ask_for_no_colour() {
        assert!(wants_monochrome(Some("1"), Some("xterm-256color")));
        assert!(
            !wants_monochrome(Some(""), Some("xterm-256color")),
            "empty NO_COLOR is unset"
        );
        assert!(!wants_monochrome(None, Some("tmux-256color")));
        assert!(wants_monochrome(None, Some("xterm-mono")));
        assert!(wants_monochrome(None, Some("dumb")));
        assert!(wants_monochrome(None, Some("vt100")));
    }

    #[test]
    fn without_colour_the_styles_keep_their_emphasis_only() {
        set_monochrome(true);
        assert_eq!(accent(), Style::new());
        assert_eq!(error(), Style::new().add_modifier(Modifier::BOLD));
        assert_eq!(field_focus(), Style::new().add_modifier(Modifier::REVERSED));
        set_monochrome(false);
        assert_eq!(accent(), Style::new().fg(Color::Cyan));
    }
}
