//! Plain-text output: aligned columns, ages, dates, colour. Colour only when
//! stdout is a terminal and `NO_COLOR` is not set.

use std::fmt::Write as _;

use crate::schedule::Status;
pub(crate) use crate::text::display_width;
pub use crate::text::{
    age, cadence, clean, day, push_age, push_cadence, push_clean, push_day, push_num,
    push_touch_age, touch_age,
};

/// ANSI styling that turns itself off when colour is not wanted.
#[derive(Copy, Clone, Debug)]
pub struct Paint {
    pub color: bool,
}

/// The ANSI codes [`Paint`] uses, for [`Table::painted_with`].
pub const RED: &str = "31";
pub const YELLOW: &str = "33";
pub const CYAN: &str = "36";

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
        self.wrap(RED, text)
    }
    pub fn yellow(self, text: &str) -> String {
        self.wrap(YELLOW, text)
    }
    pub fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }
    pub fn cyan(self, text: &str) -> String {
        self.wrap(CYAN, text)
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

/// Columns padded to their widest cell (by display width); the last column
/// is not padded. Cells are written one after another into one buffer:
/// [`Table::cell`], [`Table::styled`] or [`Table::cell_with`], then
/// [`Table::end_row`]; or a whole row at once with [`Table::row`].
#[derive(Default)]
pub struct Table {
    /// The (styled) text of every cell, back to back.
    text: String,
    /// Per cell: where its text ends in `text`, and its display width.
    cells: Vec<(usize, usize)>,
    /// Per row: where its cells end in `cells`.
    rows: Vec<usize>,
}

impl Table {
    /// An empty table with room for `rows` rows of `columns` short cells.
    pub fn with_capacity(rows: usize, columns: usize) -> Table {
        Table {
            text: String::with_capacity(rows * columns * 10),
            cells: Vec::with_capacity(rows * columns),
            rows: Vec::with_capacity(rows),
        }
    }

    /// Adds a row of (styled text, plain text) cells; width is taken from the plain text.
    pub fn row(&mut self, cells: Vec<(String, String)>) {
        for (styled, plain) in &cells {
            self.styled(styled, plain);
        }
        self.end_row();
    }

    /// Adds a row of unstyled cells.
    pub fn plain(&mut self, cells: Vec<String>) {
        for cell in &cells {
            self.cell(cell);
        }
        self.end_row();
    }

    /// Adds an unstyled cell to the current row.
    pub fn cell(&mut self, text: &str) {
        self.text.push_str(text);
        self.cells.push((self.text.len(), display_width(text)));
    }

    /// Adds a cell shown as `styled`, as wide as `plain`.
    pub fn styled(&mut self, styled: &str, plain: &str) {
        self.text.push_str(styled);
        self.cells.push((self.text.len(), display_width(plain)));
    }

    /// Adds an unstyled cell that `write` appends to the buffer it is given.
    pub fn cell_with(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        let width = display_width(&self.text[start..]);
        self.cells.push((self.text.len(), width));
    }

    /// Adds a cell that `write` appends, in the ANSI style `code` if there
    /// is one and `paint` has colour, as [`Paint`] styles it (an empty
    /// cell stays plain); as wide as what `write` wrote.
    pub fn painted_with(
        &mut self,
        paint: Paint,
        code: Option<&str>,
        write: impl FnOnce(&mut String),
    ) {
        let start = self.text.len();
        let code = code.filter(|_| paint.color);
        if let Some(code) = code {
            let _ = write!(self.text, "\x1b[{code}m");
        }
        let from = self.text.len();
        write(&mut self.text);
        let width = display_width(&self.text[from..]);
        if code.is_some() {
            if self.text.len() == from {
                self.text.truncate(start);
            } else {
                self.text.push_str("\x1b[0m");
            }
        }
        self.cells.push((self.text.len(), width));
    }

    /// Ends the current row (a row with no cells prints as an empty line).
    pub fn end_row(&mut self) {
        self.rows.push(self.cells.len());
    }

    /// The rows as (text, display width) cells.
    fn rows(&self) -> impl Iterator<Item = impl Iterator<Item = (&str, usize)>> {
        let mut first_cell = 0;
        self.rows.iter().map(move |&end| {
            let row = &self.cells[first_cell..end];
            let mut from = self.cells[..first_cell].last().map_or(0, |c| c.0);
            first_cell = end;
            row.iter().map(move |&(to, width)| {
                let text = &self.text[from..to];
                from = to;
                (text, width)
            })
        })
    }

    pub fn render(&self, indent: &str) -> String {
        let mut widths: Vec<usize> = Vec::new();
        for row in self.rows() {
            for (i, (_, width)) in row.enumerate() {
                match widths.get_mut(i) {
                    Some(w) => *w = (*w).max(width),
                    None => widths.push(width),
                }
            }
        }
        let line = indent.len() + widths.iter().map(|w| w + 2).sum::<usize>() + 1;
        let mut out = String::with_capacity(self.text.len() + self.rows.len() * line);
        for row in self.rows() {
            let start = out.len();
            out.push_str(indent);
            let mut row = row.enumerate().peekable();
            while let Some((i, (text, width))) = row.next() {
                out.push_str(text);
                if row.peek().is_some() {
                    push_spaces(&mut out, widths[i] - width + 2);
                }
            }
            let kept = out[start..].trim_end().len();
            out.truncate(start + kept);
            out.push('\n');
        }
        out
    }
}

fn push_spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                ";
    let mut left = n;
    while left > 0 {
        let step = left.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        left -= step;
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::text::is_bidi_control;

    #[test]
    fn ages_are_short() {
        assert_eq!(age(0), "today");
        assert_eq!(age(12), "12d");
        assert_eq!(age(140), "20w");
        assert_eq!(age(800), "2y");
        assert_eq!(age(-3), "in 3d");
    }

    #[test]
    fn painted_cells_align_by_their_text_and_style_it_as_paint_does() {
        for color in [false, true] {
            let p = Paint { color };
            let mut t = Table::default();
            t.painted_with(p, Some(RED), |s| s.push_str("3d over"));
            t.painted_with(p, Some(CYAN), |_| {});
            t.cell("x");
            t.end_row();
            t.styled(&p.red("today"), "today");
            t.styled(&p.cyan(""), "");
            t.cell("y");
            t.end_row();
            // the empty middle column is two spaces wide
            let expected = format!("{}    x\n{}      y\n", p.red("3d over"), p.red("today"));
            assert_eq!(t.render(""), expected, "colour {color}");
        }
    }

    #[test]
    fn table_aligns_by_display_width() {
        let mut t = Table::default();
        t.plain(vec!["Jürgen".into(), "x".into()]);
        t.plain(vec!["Bo".into(), "y".into()]);
        assert_eq!(t.render(""), "Jürgen  x\nBo      y\n");
    }

    #[test]
    fn ages_round_down_to_weeks_and_years_at_the_edges() {
        assert_eq!(age(1), "1d");
        assert_eq!(age(99), "99d");
        assert_eq!(age(100), "14w");
        assert_eq!(age(729), "104w");
        assert_eq!(age(730), "2y");
        assert_eq!(age(-1), "in 1d");
        assert_eq!(age(-800), "in 2y");
        assert_eq!(age(i64::MIN), "in 25269512429739111y");
    }

    #[test]
    fn days_read_like_chrono_formats_them() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let today = d(2026, 6, 1);
        assert_eq!(day(d(2026, 12, 4), today), "Fri 4 Dec");
        assert_eq!(day(d(2027, 1, 12), today), "Tue 12 Jan 2027");
        for date in [d(999, 3, 1), d(12, 1, 1), d(-5, 7, 31), d(10_000, 2, 29)] {
            assert_eq!(
                day(date, today),
                date.format("%a %-d %b %Y").to_string(),
                "{date:?}"
            );
        }
        assert_eq!(day(d(10_000, 2, 29), today), "Tue 29 Feb +10000");
    }

    proptest::proptest! {
        #[test]
        fn day_equals_chrono_strftime(days in -4_000_000i32..4_000_000, year in 1i32..3000) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let today = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            let reference = if date.year() == today.year() {
                date.format("%a %-d %b").to_string()
            } else {
                date.format("%a %-d %b %Y").to_string()
            };
            proptest::prop_assert_eq!(day(date, today), reference);
        }

        #[test]
        fn age_equals_its_definition(days in -5000i64..5000) {
            let reference = |n: i64| match n {
                0 => "today".to_string(),
                1..=99 => format!("{n}d"),
                100..=729 => format!("{}w", n / 7),
                _ => format!("{}y", n / 365),
            };
            let expected = match days {
                ..0 => format!("in {}", reference(-days)),
                _ => reference(days),
            };
            proptest::prop_assert_eq!(age(days), expected);
        }

        #[test]
        fn clean_maps_each_character(text in "[\\x00-\\x7f]{0,12}|(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]| |~){0,24}") {
            let reference: String = text
                .chars()
                .map(|c| match c {
                    '\n' | '\r' | '\t' => ' ',
                    c if c.is_control() || is_bidi_control(c) => '\u{fffd}',
                    c => c,
                })
                .collect();
            proptest::prop_assert_eq!(clean(&text), reference);
        }

        #[test]
        fn widths_equal_unicode_width(text in "(\\PC|[\\x00-\\x7f]){0,16}") {
            proptest::prop_assert_eq!(display_width(&text), UnicodeWidthStr::width(text.as_str()));
        }
    }

    #[test]
    fn cadences_are_the_shortest_exact_phrase() {
        for (days, text) in [(0, "0d"), (10, "10d"), (14, "2w"), (30, "1mo"), (365, "1y")] {
            assert_eq!(cadence(days), text);
            let mut out = String::from("every ");
            push_cadence(&mut out, days);
            assert_eq!(out, format!("every {text}"));
        }
    }

    #[test]
    fn cells_written_in_place_align_like_whole_rows() {
        let mut t = Table::default();
        t.styled("\x1b[2mNAME\x1b[0m", "NAME");
        t.cell("X");
        t.end_row();
        t.cell_with(|s| push_clean(s, "Jürgen\tM"));
        t.cell_with(|s| push_age(s, 3));
        t.cell("");
        t.end_row();
        t.cell("Bo");
        t.end_row();
        t.end_row();
        assert_eq!(
            t.render("  "),
            "  \x1b[2mNAME\x1b[0m      X\n  Jürgen M  3d\n  Bo\n\n"
        );
        let mut rows = Table::default();
        rows.row(vec![
            ("\x1b[2mNAME\x1b[0m".into(), "NAME".into()),
            ("X".into(), "X".into()),
        ]);
        rows.plain(vec![clean("Jürgen\tM"), age(3), String::new()]);
        rows.plain(vec!["Bo".into()]);
        rows.plain(Vec::new());
        assert_eq!(rows.render("  "), t.render("  "));
    }

    #[test]
    fn wide_padding_and_an_empty_table() {
        let mut t = Table::default();
        t.plain(vec!["a".repeat(70), "b".into()]);
        t.plain(vec!["c".into(), "d".into()]);
        let out = t.render("");
        assert_eq!(
            out.lines().nth(1),
            Some(format!("c{}d", " ".repeat(71)).as_str())
        );
        assert_eq!(Table::default().render("  "), "");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("a\nb\u{1b}[31m"), "a b\u{fffd}[31m");
        assert_eq!(clean("a\u{7f}b\u{0}"), "a\u{fffd}b\u{fffd}");
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
