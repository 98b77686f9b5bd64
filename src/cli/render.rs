//! Plain-text output: aligned columns, ages, dates, colour. Colour only when
//! stdout is a terminal and `NO_COLOR` is not set.

use std::fmt::Write as _;

use crate::schedule::Status;
pub(crate) use crate::text::display_width;
pub use crate::text::{
    age, cadence, clean, day, push_age, push_cadence, push_clean, push_day, push_num,
    push_touch_age, touch_age,
};

/// A file's path for a message: as [`clean`] shows text (a name with a
/// control character, such as an escape, is shown harmless).
pub fn path(path: &std::path::Path) -> String {
    clean(&path.display().to_string())
}

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
        let word = crate::text::status_name(crate::i18n::current(), status);
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
    /// How each column gives way within a width (see [`Fit`]).
    fits: Vec<Fit>,
}

impl Table {
    /// An empty table with room for `rows` rows of `columns` short cells.
    pub fn with_capacity(rows: usize, columns: usize) -> Table {
        Table {
            text: String::with_capacity(rows * columns * 10),
            cells: Vec::with_capacity(rows * columns),
            rows: Vec::with_capacity(rows),
            fits: Vec::new(),
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
    fn rows(&self) -> impl Iterator<Item = impl Iterator<Item = (&str, usize)> + Clone> {
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

    /// Says how each column gives way when the table is rendered within a
    /// width ([`Table::render_in`]); columns past the end of `fits` are kept.
    pub fn fit(&mut self, fits: &[Fit]) -> &mut Table {
        self.fits.clear();
        self.fits.extend_from_slice(fits);
        self
    }

    /// The widest cell of each column.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = Vec::new();
        for row in self.rows() {
            for (i, (_, width)) in row.enumerate() {
                match widths.get_mut(i) {
                    Some(w) => *w = (*w).max(width),
                    None => widths.push(width),
                }
            }
        }
        widths
    }

    /// The rows, each column padded to its widest cell, without a limit.
    pub fn render(&self, indent: &str) -> String {
        self.render_widths(indent, &self.widths())
    }

    fn render_widths(&self, indent: &str, widths: &[usize]) -> String {
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

    /// The rows within `limit` columns (`None`: no limit, as [`Table::render`]).
    /// When the widest row would not fit, the columns give way by their
    /// [`Fit`] (see [`fit_widths`]) and a cut cell ends in `…`; a line the
    /// kept columns alone make too wide is cut at the limit. No line of the
    /// result is wider than `limit`.
    pub fn render_in(&self, indent: &str, limit: Option<usize>) -> String {
        let widths = self.widths();
        let Some(limit) = limit else {
            return self.render_widths(indent, &widths);
        };
        let indent_width = display_width(indent);
        if line_width(indent_width, widths.iter().map(|w| Some(*w))) <= limit {
            return self.render_widths(indent, &widths);
        }
        let caps = fit_widths(&widths, &self.fits, indent_width, limit);
        let mut out = String::with_capacity(self.text.len() + self.rows.len() * (limit + 1));
        let mut line = String::with_capacity(limit * 2);
        for row in self.rows() {
            line.clear();
            line.push_str(indent);
            let mut column = indent_width;
            let mut cells = row
                .enumerate()
                .filter_map(|(i, cell)| Some((i, caps.get(i).copied().flatten()?, cell)))
                .peekable();
            while let Some((i, cap, (text, width))) = cells.next() {
                let last = cells.peek().is_none();
                // the last cell with text may take the rest of the line
                let rest_empty = cells.clone().all(|(_, _, (_, w))| w == 0);
                let cap = match rest_empty {
                    true => cap.max(limit.saturating_sub(column)),
                    false => cap,
                };
                let last = last || rest_empty;
                let wrap = matches!(self.fits.get(i), Some(Fit::Wrap(_)));
                if last && wrap && width > cap {
                    push_wrapped(&mut line, text, cap, column);
                    break;
                }
                let shown = push_cut(&mut line, text, width, cap);
                if !last {
                    push_spaces(&mut line, cap - shown + 2);
                    column += cap + 2;
                }
            }
            for part in line.split('\n') {
                let part = part.trim_end();
                let width = display_width(&strip_ansi(part));
                push_cut(&mut out, part, width, limit);
                out.push('\n');
            }
        }
        out
    }
}

/// Appends `text` word-wrapped into lines of `max` columns, each line
/// after the first starting at `column` (a word longer than a line is
/// broken); ANSI styles count as no width.
fn push_wrapped(out: &mut String, text: &str, max: usize, column: usize) {
    let max = max.max(1);
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let width = display_width(&strip_ansi(word));
        if used > 0 && used + 1 + width <= max {
            out.push(' ');
            used += 1;
        } else if used > 0 {
            out.push('\n');
            push_spaces(out, column);
            used = 0;
        }
        if width <= max - used {
            out.push_str(word);
            used += width;
            continue;
        }
        // a word wider than the line: broken where the line ends
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > max {
                out.push('\n');
                push_spaces(out, column);
                used = 0;
            }
            out.push(c);
            used += w;
        }
    }
}

/// How a column gives way when a table is wider than the terminal
/// ([`Table::render_in`]). The rule, in order: columns that may be cut or
/// wrapped are narrowed down to [`MIN_CUT`] columns and columns that may
/// go are left out, lowest rank first (the rightmost first among equal
/// ranks); then cut columns at their minimum are left out in the same
/// order, and the room that frees goes back to the narrowed columns, the
/// last to give way first; then names are cut, never below
/// [`MIN_NAME`]. Kept columns
/// never change; a line they alone make too wide is cut at the limit.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Fit {
    /// Never cut: ids, dates, times, numbers, status words.
    #[default]
    Keep,
    /// Free text (a note, a hook, a reason): cut with `…`, left out last.
    Cut(u8),
    /// Left out whole, never cut (a bar, a sparkline, a second date).
    Drop(u8),
    /// Text that matters whole (notes in a brief), in the last column:
    /// wrapped onto more lines, never cut nor left out.
    Wrap(u8),
    /// A person's name: cut only when nothing else gives way.
    Name,
}

/// The narrowest a [`Fit::Cut`] column is cut to before it is left out.
pub const MIN_CUT: usize = 10;
/// The narrowest a [`Fit::Name`] column is cut to.
pub const MIN_NAME: usize = 12;

/// The widest line columns of `widths` make (`None`: left out), each
/// padded by two spaces but the last.
fn line_width(indent: usize, widths: impl Iterator<Item = Option<usize>>) -> usize {
    let (sum, shown) = widths
        .flatten()
        .fold((0, 0usize), |(sum, shown), w| (sum + w, shown + 1));
    indent + sum + 2 * shown.saturating_sub(1)
}

/// The width each column gets within `limit` (`None`: left out), by the
/// rule of [`Fit`].
pub fn fit_widths(
    widths: &[usize],
    fits: &[Fit],
    indent: usize,
    limit: usize,
) -> Vec<Option<usize>> {
    let fit_of = |i: usize| fits.get(i).copied().unwrap_or_default();
    let mut caps: Vec<Option<usize>> = widths.iter().map(|w| Some(*w)).collect();
    let over =
        |caps: &[Option<usize>]| line_width(indent, caps.iter().copied()).saturating_sub(limit);
    // lowest rank first; among equal ranks the rightmost first
    let mut order: Vec<(u8, usize)> = (0..widths.len())
        .filter_map(|i| match fit_of(i) {
            Fit::Cut(rank) | Fit::Drop(rank) | Fit::Wrap(rank) => Some((rank, usize::MAX - i)),
            Fit::Keep | Fit::Name => None,
        })
        .collect();
    order.sort_unstable();
    let columns = || order.iter().map(|&(_, i)| usize::MAX - i);
    for i in columns() {
        let excess = over(&caps);
        if excess == 0 {
            return caps;
        }
        caps[i] = match (fit_of(i), caps[i]) {
            (Fit::Cut(_) | Fit::Wrap(_), Some(w)) => {
                Some(w.saturating_sub(excess).max(w.min(MIN_CUT)))
            }
            _ => None,
        };
    }
    for i in columns().filter(|&i| matches!(fit_of(i), Fit::Cut(_))) {
        if over(&caps) == 0 {
            break;
        }
        caps[i] = None;
    }
    // what a left-out column freed goes back to the narrowed ones, the
    // last to give way first
    for i in columns().collect::<Vec<_>>().into_iter().rev() {
        let room = limit.saturating_sub(line_width(indent, caps.iter().copied()));
        if let Some(w) = caps[i] {
            caps[i] = Some(widths[i].min(w + room));
        }
    }
    if over(&caps) == 0 {
        return caps;
    }
    for i in (0..widths.len()).filter(|&i| fit_of(i) == Fit::Name) {
        let excess = over(&caps);
        if excess == 0 {
            break;
        }
        if let Some(w) = caps[i] {
            caps[i] = Some(w.saturating_sub(excess).max(w.min(MIN_NAME)));
        }
    }
    caps
}

/// Appends `text` (`width` columns wide, styled or not) cut to `max`
/// columns: when it is wider, its visible characters up to `max - 1`
/// columns, trailing spaces dropped, then `…`; ANSI styles are kept and
/// closed. Returns the columns appended.
pub fn push_cut(out: &mut String, text: &str, width: usize, max: usize) -> usize {
    if width <= max {
        out.push_str(text);
        return width;
    }
    if max == 0 {
        return 0;
    }
    let start = out.len();
    let mut used = 0;
    let mut styled = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // an SGR sequence of our own (user text never holds ESC: `clean`)
            styled = true;
            out.push(c);
            for c in chars.by_ref() {
                out.push(c);
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    let kept = out[start..].trim_end_matches(' ').len();
    used -= out.len() - start - kept;
    out.truncate(start + kept);
    out.push('…');
    if styled {
        out.push_str("\x1b[0m");
    }
    used + 1
}

/// `text` without its ANSI SGR sequences.
fn strip_ansi(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\x1b') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One line of `text` within `limit` columns: cut with `…` when wider.
pub fn fit_line(text: &str, limit: Option<usize>) -> String {
    let width = display_width(&strip_ansi(text));
    match limit {
        Some(limit) if width > limit => {
            let mut out = String::with_capacity(limit * 2);
            push_cut(&mut out, text, width, limit);
            out
        }
        _ => text.to_string(),
    }
}

/// `parts` joined by `sep` on as few lines within `limit` as they fit,
/// each further line starting with `indent`; a part wider than a line is
/// cut. Without a limit: one line. No trailing newline.
pub fn join_fit(parts: &[String], sep: &str, indent: &str, limit: Option<usize>) -> String {
    let Some(limit) = limit else {
        return parts.join(sep);
    };
    let mut out = String::new();
    let mut used = 0;
    for part in parts {
        let width = display_width(&strip_ansi(part));
        if used > 0 && used + display_width(sep) + width > limit {
            out.push('\n');
            out.push_str(indent);
            used = display_width(indent);
        } else if used > 0 {
            out.push_str(sep);
            used += display_width(sep);
        }
        used += push_cut(&mut out, part, width, limit.saturating_sub(used));
    }
    out
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

    /// A table like `today`'s: name, sphere, when, reason, hook.
    fn agenda_table() -> Table {
        let mut t = Table::default();
        t.fit(&[Fit::Name, Fit::Keep, Fit::Keep, Fit::Cut(1), Fit::Cut(0)]);
        t.plain(vec![
            "Anna-Lena Schmidt-Hoffmann".into(),
            "work".into(),
            "7d over".into(),
            "call 21d ago · 5 written since".into(),
            "◆ Q3 launch went live — ask how the numbers look".into(),
        ]);
        t.plain(vec![
            "Bo".into(),
            "private".into(),
            "today".into(),
            "no personal touch yet".into(),
            String::new(),
        ]);
        t
    }

    fn widest(text: &str) -> usize {
        text.lines().map(display_width).max().unwrap_or(0)
    }

    #[test]
    fn at_80_columns_the_hook_gives_way_first_and_names_stay_whole() {
        let out = agenda_table().render_in("  ", Some(80));
        assert_eq!(widest(&out), 80, "{out}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "  Anna-Lena Schmidt-Hoffmann  work     7d over  call 21d ago · 5 wr…  ◆ Q3 laun…"
        );
        assert_eq!(
            lines[1],
            format!(
                "  Bo{}private  today    no personal touch yet",
                " ".repeat(26)
            )
        );
    }

    #[test]
    fn the_rule_cuts_the_hook_to_its_minimum_before_the_reason() {
        // name 26 + sphere 7 + when 7 + reason 30 + hook 48, gaps 8, indent 2
        let widths = [26, 7, 7, 30, 48];
        let fits = [Fit::Name, Fit::Keep, Fit::Keep, Fit::Cut(1), Fit::Cut(0)];
        let at = |limit| fit_widths(&widths, &fits, 2, limit);
        assert_eq!(at(128), [26, 7, 7, 30, 48].map(Some));
        assert_eq!(at(100), [Some(26), Some(7), Some(7), Some(30), Some(20)]);
        assert_eq!(
            at(80),
            [Some(26), Some(7), Some(7), Some(20), Some(MIN_CUT)]
        );
        assert_eq!(
            at(70),
            [Some(26), Some(7), Some(7), Some(MIN_CUT), Some(MIN_CUT)]
        );
        // both at their minimum: the hook goes, and the room it frees
        // goes back to the reason; then the reason goes too
        assert_eq!(at(60), [Some(26), Some(7), Some(7), Some(12), None]);
        assert_eq!(at(50), [Some(26), Some(7), Some(7), None, None]);
        // then the name is cut, never below its minimum
        assert_eq!(at(30), [Some(MIN_NAME), Some(7), Some(7), None, None]);
    }

    #[test]
    fn at_100_columns_more_of_the_hook_shows_and_without_a_limit_all_of_it() {
        let t = agenda_table();
        let at_100 = t.render_in("  ", Some(100));
        assert!(widest(&at_100) <= 100, "{at_100}");
        assert!(at_100.contains("◆ Q3 launch went li…"), "{at_100}");
        let piped = t.render_in("  ", None);
        assert_eq!(piped, t.render("  "));
        assert!(piped.contains("ask how the numbers look") && !piped.contains('…'));
        // a table that fits is rendered as without a limit
        assert_eq!(t.render_in("  ", Some(200)), piped);
    }

    #[test]
    fn dropped_columns_take_their_gap_along_and_kept_ones_never_change() {
        let mut t = Table::default();
        t.fit(&[Fit::Name, Fit::Drop(0), Fit::Keep]);
        t.plain(vec![
            "Anna".into(),
            "▇▇▇▇▇▇▇▇▇▇".into(),
            "Tue 8 Dec 2027".into(),
        ]);
        assert_eq!(t.render_in("", Some(20)), "Anna  Tue 8 Dec 2027\n");
        // kept columns too wide alone: the line is cut at the limit
        assert_eq!(t.render_in("", Some(12)), "Anna  Tue 8…\n");
    }

    #[test]
    fn a_cut_keeps_the_style_and_ends_the_word_in_an_ellipsis() {
        let p = Paint { color: true };
        let mut t = Table::default();
        t.fit(&[Fit::Name, Fit::Cut(0)]);
        t.cell("Anna");
        t.painted_with(p, Some(CYAN), |s| {
            s.push_str("◆ ask about the Berlin marathon")
        });
        t.end_row();
        let out = t.render_in("", Some(20));
        assert_eq!(out, "Anna  \x1b[36m◆ ask about t…\x1b[0m\n");
        let mut cut = String::new();
        assert_eq!(push_cut(&mut cut, "Jürgen Müller", 13, 8), 7);
        assert_eq!(cut, "Jürgen…");
        let mut wide = String::new();
        assert_eq!(push_cut(&mut wide, "東京の友達です", 14, 6), 5);
        assert_eq!(wide, "東京…");
    }

    #[test]
    fn a_wrapped_column_goes_on_below_itself() {
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Wrap(0)]);
        t.plain(vec![
            "notes".into(),
            "likes sailing, two kids, prefers calls after six".into(),
        ]);
        let out = t.render_in("  ", Some(30));
        assert_eq!(
            out,
            "  notes  likes sailing, two\n         kids, prefers calls\n         after six\n"
        );
        assert!(widest(&out) <= 30);
    }

    #[test]
    fn parts_go_on_as_few_lines_as_fit() {
        let parts: Vec<String> = [
            "every 2w",
            "due Tue 24 Nov (5d overdue)",
            "call 21d ago",
            "3 written since",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            join_fit(&parts, " · ", "  ", None),
            "every 2w · due Tue 24 Nov (5d overdue) · call 21d ago · 3 written since"
        );
        assert_eq!(
            join_fit(&parts, " · ", "  ", Some(40)),
            "every 2w · due Tue 24 Nov (5d overdue)\n  call 21d ago · 3 written since"
        );
        assert_eq!(fit_line("Insight · Anna", Some(9)), "Insight…");
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
