//! Small words and glyphs shared by the views: channel markers, ages, short
//! dates. User text goes through [`clean`] before it reaches the screen.

use chrono::{Datelike, NaiveDate};

use crate::model::{Channel, Sphere};

/// Control characters in user text become spaces or U+FFFD, so a note cannot
/// move the cursor or change the terminal. The CLI's own function, shared.
pub use crate::cli::render::clean;

/// Days as a short age: "today", "12d", "15w", "3y" (the CLI's words).
pub use crate::cli::render::age;

/// A one-cell marker per channel, for timelines and the channel mix.
pub fn channel_glyph(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "✎",
        Channel::Email => "✉",
        Channel::Chat => "❝",
        Channel::Call => "☎",
        Channel::Video => "▣",
        Channel::Meet => "☻",
    }
}

/// "work" / "priv." — the sphere in five cells.
pub fn sphere_short(sphere: Sphere) -> &'static str {
    match sphere {
        Sphere::Work => "work",
        Sphere::Private => "priv.",
    }
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day_short(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%a %-d %b").to_string()
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// "2w", "1mo", "10d": a cadence as the shortest exact phrase.
pub fn cadence(days: u32) -> String {
    crate::cli::render::cadence(days)
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn channel_glyphs_are_one_cell_wide_and_distinct() {
        let glyphs: Vec<&str> = Channel::ALL.iter().map(|c| channel_glyph(*c)).collect();
        for g in &glyphs {
            assert_eq!(g.width(), 1, "{g}");
        }
        let mut unique = glyphs.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), glyphs.len());
    }

    #[test]
    fn escape_sequences_in_names_are_defused() {
        assert_eq!(clean("Eve\u{1b}[2J"), "Eve\u{fffd}[2J");
    }
}
