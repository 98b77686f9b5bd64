//! Text charts, pure and widget-free so that the CLI prints them and the TUI
//! puts them in its cells: horizontal bars in eighths of a cell, weekly
//! sparklines, a channel mix split into segment widths, and a heat map with
//! one cell per day. Each has a Unicode and an ASCII form.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::ChannelCounts;
use crate::model::Channel;

/// Which characters to draw with.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Glyphs {
    /// Block elements (█▉▊…, ▁▂▃…, ░▒▓).
    #[default]
    Unicode,
    /// Plain ASCII, for terminals and pipes that cannot show blocks.
    Ascii,
}

/// Partial cells of a bar, one to seven eighths.
const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/// Sparkline levels one to eight.
const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const SPARK_ASCII: [char; 8] = ['_', ',', '-', '~', '=', '+', '*', '#'];
/// Heat-map levels zero to four.
const HEAT: [char; 5] = ['·', '░', '▒', '▓', '█'];
const HEAT_ASCII: [char; 5] = ['.', '-', '+', '*', '#'];

/// A bar of `value` on a scale where `max` fills `width` cells. Unicode bars
/// resolve eighths of a cell, ASCII bars whole cells (`#`). A positive value
/// always shows at least the thinnest mark; zero, negative or a `max` of 0
/// give an empty string. Never wider than `width`.
pub fn bar(value: f64, max: f64, width: usize, glyphs: Glyphs) -> String {
    if !(value > 0.0 && max > 0.0) || width == 0 {
        return String::new();
    }
    let share = (value / max).min(1.0);
    match glyphs {
        Glyphs::Unicode => {
            let eighths = ((share * (width * 8) as f64).round() as usize).max(1);
            let mut out = "█".repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                out.push(EIGHTHS[eighths % 8 - 1]);
            }
            out
        }
        Glyphs::Ascii => "#".repeat(((share * width as f64).round() as usize).max(1)),
    }
}

/// One character per value, scaled to the largest: zero is `·` (ASCII `.`),
/// any positive value at least the lowest block.
pub fn sparkline(values: &[u32], glyphs: Glyphs) -> String {
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v == 0 {
                return match glyphs {
                    Glyphs::Unicode => '·',
                    Glyphs::Ascii => '.',
                };
            }
            // 1..=8, the largest value always the full block.
            let level = (u64::from(v) * 8).div_ceil(u64::from(max)).clamp(1, 8) as usize;
            match glyphs {
                Glyphs::Unicode => SPARK[level - 1],
                Glyphs::Ascii => SPARK_ASCII[level - 1],
            }
        })
        .collect()
}

/// Splits `width` cells among the channels in proportion to `counts`,
/// richest channel first, by largest remainder so the widths add up to
/// `width` exactly (when there is any touch). Channels with no touch are left
/// out; a channel with a touch gets at least one cell while cells last.
pub fn mix_segments(counts: &ChannelCounts, width: usize) -> Vec<(Channel, usize)> {
    let total = counts.total();
    if total == 0 || width == 0 {
        return Vec::new();
    }
    let present: Vec<Channel> = Channel::ALL
        .iter()
        .rev()
        .copied()
        .filter(|c| counts.get(*c) > 0)
        .collect();
    let exact: Vec<f64> = present
        .iter()
        .map(|c| f64::from(counts.get(*c)) * width as f64 / f64::from(total))
        .collect();
    let mut cells: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut left = width - cells.iter().sum::<usize>();
    // Give the remaining cells to the empty segments first, then by remainder.
    let mut order: Vec<usize> = (0..present.len()).collect();
    order.sort_by(|&a, &b| {
        (cells[a] > 0)
            .cmp(&(cells[b] > 0))
            .then((exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())))
            .then(a.cmp(&b))
    });
    for i in order {
        if left == 0 {
            break;
        }
        cells[i] += 1;
        left -= 1;
    }
    present
        .into_iter()
        .zip(cells)
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The heat level 0..=4 of a day with `count` touches, when the busiest day
/// of the map has `max`: 0 only for no touch, 4 for the busiest.
pub fn heat_level(count: u32, max: u32) -> u8 {
    if count == 0 || max == 0 {
        return 0;
    }
    (u64::from(count.min(max)) * 4)
        .div_ceil(u64::from(max))
        .clamp(1, 4) as u8
}

/// The character of a heat level (levels above 4 draw as 4).
pub fn heat_cell(level: u8, glyphs: Glyphs) -> char {
    let i = usize::from(level.min(4));
    match glyphs {
        Glyphs::Unicode => HEAT[i],
        Glyphs::Ascii => HEAT_ASCII[i],
    }
}

/// A heat map: seven rows (one per weekday, starting at `week_start`) and
/// `weeks` columns, the last column holding `end`. `counts` are touches per
/// day (days outside the map are ignored, repeated days add up); days after
/// `end` are blank.
pub fn heat_map(
    counts: &[(NaiveDate, u32)],
    end: NaiveDate,
    weeks: usize,
    week_start: Weekday,
    glyphs: Glyphs,
) -> Vec<String> {
    if weeks == 0 {
        return vec![String::new(); 7];
    }
    let offset = u64::from(end.weekday().days_since(week_start));
    let first = end
        .checked_sub_days(Days::new(offset + 7 * (weeks as u64 - 1)))
        .unwrap_or(NaiveDate::MIN);
    let mut grid = vec![vec![0u32; weeks]; 7];
    for &(day, n) in counts {
        if day < first || day > end {
            continue;
        }
        let since = (day - first).num_days() as usize;
        let cell = &mut grid[since % 7][since / 7];
        *cell = cell.saturating_add(n);
    }
    let max = grid.iter().flatten().copied().max().unwrap_or(0);
    let last_row = offset as usize;
    grid.iter()
        .enumerate()
        .map(|(row, cells)| {
            cells
                .iter()
                .enumerate()
                .map(|(col, &n)| {
                    if col == weeks - 1 && row > last_row {
                        ' '
                    } else {
                        heat_cell(heat_level(n, max), glyphs)
                    }
                })
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bar_resolves_eighths_and_shows_any_positive_value() {
        assert_eq!(bar(10.0, 10.0, 4, Glyphs::Unicode), "████");
        assert_eq!(bar(5.0, 10.0, 3, Glyphs::Unicode), "█▌");
        assert_eq!(bar(0.01, 10.0, 4, Glyphs::Unicode), "▏");
        assert_eq!(bar(0.0, 10.0, 4, Glyphs::Unicode), "");
        assert_eq!(bar(3.0, 0.0, 4, Glyphs::Unicode), "");
        assert_eq!(bar(f64::NAN, 1.0, 4, Glyphs::Unicode), "");
    }

    #[test]
    fn bar_never_exceeds_its_width() {
        assert_eq!(bar(50.0, 10.0, 3, Glyphs::Unicode), "███");
        assert_eq!(bar(50.0, 10.0, 3, Glyphs::Ascii), "###");
    }

    #[test]
    fn ascii_bar_rounds_to_whole_cells() {
        assert_eq!(bar(5.0, 10.0, 3, Glyphs::Ascii), "##");
        assert_eq!(bar(0.1, 10.0, 3, Glyphs::Ascii), "#");
    }

    #[test]
    fn sparkline_scales_to_the_busiest_week() {
        assert_eq!(sparkline(&[0, 1, 2, 4, 8], Glyphs::Unicode), "·▁▂▄█");
        assert_eq!(sparkline(&[0, 1, 2, 4, 8], Glyphs::Ascii), "._,~#");
        assert_eq!(sparkline(&[], Glyphs::Unicode), "");
        assert_eq!(sparkline(&[0, 0], Glyphs::Unicode), "··");
    }

    #[test]
    fn mix_segments_add_up_to_the_width() {
        let mut counts = ChannelCounts::default();
        counts.add(Channel::Email, 7);
        counts.add(Channel::Call, 2);
        counts.add(Channel::Meet, 1);
        let segments = mix_segments(&counts, 10);
        assert_eq!(
            segments,
            vec![(Channel::Meet, 1), (Channel::Call, 2), (Channel::Email, 7)]
        );
        let narrow = mix_segments(&counts, 3);
        assert_eq!(narrow.iter().map(|s| s.1).sum::<usize>(), 3);
        assert!(narrow.iter().all(|s| s.1 > 0), "{narrow:?}");
        assert!(mix_segments(&ChannelCounts::default(), 10).is_empty());
    }

    #[test]
    fn heat_levels_reserve_zero_for_no_touch() {
        assert_eq!(heat_level(0, 5), 0);
        assert_eq!(heat_level(1, 100), 1);
        assert_eq!(heat_level(5, 5), 4);
        assert_eq!(heat_level(9, 5), 4);
        assert_eq!(heat_cell(7, Glyphs::Ascii), '#');
    }

    #[test]
    fn heat_map_puts_days_under_their_weekday_and_blanks_the_future() {
        // Wed 2 Dec 2026 is the last day; weeks start on Monday.
        let end = d(2026, 12, 2);
        let counts = [
            (d(2026, 11, 23), 2),
            (d(2026, 12, 2), 1),
            (d(2025, 1, 1), 9),
        ];
        let rows = heat_map(&counts, end, 2, Weekday::Mon, Glyphs::Ascii);
        assert_eq!(rows.len(), 7);
        assert_eq!(rows[0], "#."); // Mon 23 Nov busiest, Mon 30 Nov none
        assert_eq!(rows[2], ".+"); // Wed 2 Dec: 1 of max 2
        assert_eq!(rows[3], "."); // Thu 3 Dec lies ahead: blank
        assert_eq!(rows[6], ".");
    }
}
