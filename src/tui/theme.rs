//! The few styles of the interface, in one place. Colours are the 16 ANSI
//! ones, so the user's terminal theme decides how they look.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Channel;
use crate::schedule::Status;

pub fn accent() -> Style {
    Style::new().fg(Color::Cyan)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

pub fn warn() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn overdue() -> Style {
    Style::new().fg(Color::Red)
}

/// The selected row.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A section heading in a list.
pub fn section() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn field() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn field_focus() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn chosen() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn hook() -> Style {
    Style::new().fg(Color::Cyan)
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
    Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD)
}

/// Each channel's colour in charts: written ones cool, spoken ones warm.
pub fn channel(channel: Channel) -> Style {
    let color = match channel {
        Channel::Sms => Color::Gray,
        Channel::Email => Color::Blue,
        Channel::Chat => Color::Cyan,
        Channel::Call => Color::Green,
        Channel::Video => Color::Yellow,
        Channel::Meet => Color::Red,
    };
    Style::new().fg(color)
}

/// A chart cell of `channel`: solid for a spoken or met touch, shaded for a
/// written one, so the two read apart without colour too.
pub fn channel_block(channel: Channel) -> &'static str {
    if channel.is_written() { "▒" } else { "█" }
}
