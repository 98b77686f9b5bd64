//! Plain-text output: aligned columns, ages, dates, colour. Colour only when
//! stdout is a terminal and `NO_COLOR` is not set.

use chrono::{Datelike, NaiveDate};
use unicode_width::UnicodeWidthStr;

use crate::schedule::{Status, TouchRef};

/// ANSI styling that turns itself off when colour is not wanted.
#[derive(Copy, Clone, Debug)]
pub struct Paint {
    pub color: bool,
}

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }
    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }
    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }
    pub fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }
    pub fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }
    pub fn cyan(self, text: &str) -> String {
        self.wrap("36", text)
    }
    /// A status word in its colour.
    pub fn status(self, status: Status) -> String {
        let word = status.as_str();
        match status {
            Status::Overdue => self.red(word),
            Status::Due => self.yellow(word),
            Status::Planned => self.cyan(word),
            Status::Soon => self.green(word),
            Status::Ok => word.to_string(),
        }
    }
}

/// Days as a short age: "today", "12d", "15w", "3y".
pub fn age(days: i64) -> String {
    match days {
        i64::MIN..=-1 => format!("in {}", age(-days)),
        0 => "today".to_string(),
        1..=99 => format!("{days}d"),
        100..=729 => format!("{}w", days / 7),
        _ => format!("{}y", days / 365),
    }
}

/// "Fri 4 Dec", with the year when it is not `today`'s year.
pub fn day(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%a %-d %b").to_string()
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// A cadence in days as the shortest exact phrase: "2w", "1mo", "10d".
pub fn cadence(days: u32) -> String {
    crate::parse::Span::from_days(days).to_string()
}

/// "call 21d" for a touch seen from `today`.
pub fn touch_age(touch: &TouchRef, today: NaiveDate) -> String {
    format!(
        "{} {}",
        touch.channel.as_str(),
        age((today - touch.on).num_days())
    )
}

/// Makes user text safe to print on one terminal line, for the CLI and the
/// TUI alike: line breaks and tabs become spaces; other control characters
/// (escape sequences, bell, C1 codes) and the bidi embedding, override and
/// isolate characters (U+202A–U+202E, U+2066–U+2069, which would reorder the
/// rest of the line) become U+FFFD, so the user sees that something was
/// there.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Bidi formatting characters that reorder text after them on the line.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Columns padded to their widest cell (by display width); the last column is not padded.
#[derive(Default)]
pub struct Table {
    rows: Vec<Vec<(String, usize)>>,
}

impl Table {
    /// Adds a row of (styled text, plain text) cells; width is taken from the plain text.
    pub fn row(&mut self, cells: Vec<(String, String)>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|(styled, plain)| (styled, UnicodeWidthStr::width(plain.as_str())))
                .collect(),
        );
    }

    /// Adds a row of unstyled cells.
    pub fn plain(&mut self, cells: Vec<String>) {
        self.row(cells.into_iter().map(|c| (c.clone(), c)).collect());
    }

    pub fn render(&self, indent: &str) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i).map(|c| c.1))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::from(indent);
            for (i, (text, width)) in row.iter().enumerate() {
                line.push_str(text);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[i] - width + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_short() {
        assert_eq!(age(0), "today");
        assert_eq!(age(12), "12d");
        assert_eq!(age(140), "20w");
        assert_eq!(age(800), "2y");
        assert_eq!(age(-3), "in 3d");
    }

    #[test]
    fn table_aligns_by_display_width() {
        let mut t = Table::default();
        t.plain(vec!["Jürgen".into(), "x".into()]);
        t.plain(vec!["Bo".into(), "y".into()]);
        assert_eq!(t.render(""), "Jürgen  x\nBo      y\n");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\nb\u{1b}[31m"), "a b\u{fffd}[31m");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_escaped_but_rtl_text_is_kept() {
        assert_eq!(
            clean("\u{202e}exe.txt\u{202c} ok"),
            "\u{fffd}exe.txt\u{fffd} ok"
        );
        for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
            assert_eq!(clean(&format!("a{c}b")), "a\u{fffd}b", "U+{:04X}", c as u32);
        }
        assert_eq!(clean("مرحبا שלום"), "مرحبا שלום");
        assert_eq!(clean("👩\u{200d}👧 e\u{301}"), "👩\u{200d}👧 e\u{301}");
    }
}
