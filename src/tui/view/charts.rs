//! The Stats tab's pictures as lines of styled cells: weekly bars stacked by
//! channel, a channel-mix bar per sphere, and a year heat map of one
//! contact's touches. The arithmetic is `insight::charts`'; this file only
//! lays it out and colours it.

use chrono::{Datelike, NaiveDate, Weekday};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{pad, spread};
use crate::insight::ChannelCounts;
use crate::insight::charts::{self, Glyphs};
use crate::model::Channel;
use crate::text::{self, DateStyle};
use crate::tui::insight::SphereMix;
use crate::tui::{theme, words};
use crate::{i18n, t, tr};

/// Cells left of the bars for the scale.
const GUTTER: usize = 4;

/// Weekly bars, one column per week (oldest left), each split among the
/// channels in proportion to their touches, the richest at the bottom; the
/// tallest week fills `height` rows. Below them the first and last day.
pub fn weekly_bars(
    weekly: &[ChannelCounts],
    first: NaiveDate,
    last: NaiveDate,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let weeks = weekly.len().max(1);
    let column = ((width.saturating_sub(GUTTER)) / weeks).clamp(1, 5);
    let bar = if column > 1 { column - 1 } else { 1 };
    let max = weekly.iter().map(ChannelCounts::total).max().unwrap_or(0);
    // each week's cells from the bottom up
    let stacks: Vec<Vec<Channel>> = weekly
        .iter()
        .map(|counts| {
            let total = counts.total();
            if max == 0 || total == 0 {
                return Vec::new();
            }
            let cells = (total as usize * height).div_ceil(max as usize).max(1);
            charts::mix_segments(counts, cells)
                .into_iter()
                .flat_map(|(channel, n)| std::iter::repeat_n(channel, n))
                .collect()
        })
        .collect();
    let mut lines = Vec::with_capacity(height + 1);
    for row in 0..height {
        let level = height - 1 - row;
        let label = match row {
            0 => format!("{max:>3} "),
            _ if level == 0 => format!("{:>3} ", 0),
            _ => " ".repeat(GUTTER),
        };
        let mut spans = vec![Span::styled(label, theme::dim())];
        for stack in &stacks {
            match stack.get(level) {
                Some(channel) => spans.push(Span::styled(
                    theme::channel_block(*channel).repeat(bar),
                    theme::channel(*channel),
                )),
                None => spans.push(Span::raw(" ".repeat(bar))),
            }
            if column > 1 {
                spans.push(Span::raw(" "));
            }
        }
        lines.push(Line::from(spans));
    }
    let span = column * weeks;
    let lang = i18n::current();
    lines.push(spread(
        vec![Span::styled(
            format!(
                "{}{}",
                " ".repeat(GUTTER),
                text::date(lang, first, DateStyle::DayMonth)
            ),
            theme::dim(),
        )],
        vec![Span::styled(
            text::date(lang, last, DateStyle::DayMonth),
            theme::dim(),
        )],
        (GUTTER + span).max(GUTTER + 16).min(width),
    ));
    lines
}

/// "☻ meet  ▣ video  ☎ call  ❝ chat  ✉ email  ✎ sms", each in its colour.
pub fn legend() -> Line<'static> {
    let lang = i18n::current();
    let mut spans = Vec::new();
    for channel in Channel::ALL.iter().rev() {
        spans.push(Span::styled(
            theme::channel_block(*channel),
            theme::channel(*channel),
        ));
        spans.push(Span::raw(format!(
            " {}  ",
            text::channel_name(lang, *channel)
        )));
    }
    Line::from(spans)
}

/// "work   ☻☻☎☎✉✉✉✉  9 · 44% personal"
pub fn sphere_line(mix: &SphereMix, width: usize) -> Line<'static> {
    let lang = i18n::current();
    let total = mix.touches.total();
    // "100%" is the widest share: the others padded to it
    let share_w = text::percent(lang, 1.0).width();
    let words = match (total, mix.personal_share) {
        (0, _) => tr!("tui-stats-sphere-none").to_string(),
        (n, Some(share)) => t!(
            "tui-stats-sphere-share",
            count = format!("{n:>3}"),
            share = format!("{:>share_w$}", text::percent(lang, share))
        ),
        (n, None) => format!("{n:>3}"),
    };
    // the sphere as the lists beside it name it ("Beruf" here and in the
    // cooling list, not "beruflich" above "Beruf"), and two spaces
    let sphere_w = 2 + words::sphere_width();
    let bar_w = width.saturating_sub(sphere_w + 2 + words.width());
    let mut spans = vec![Span::raw(pad(text::sphere_short(mix.sphere), sphere_w))];
    let mut used = 0;
    for (channel, cells) in charts::mix_segments(&mix.touches, bar_w) {
        spans.push(Span::styled(
            theme::channel_block(channel).repeat(cells),
            theme::channel(channel),
        ));
        used += cells;
    }
    spans.push(Span::raw(" ".repeat(bar_w.saturating_sub(used) + 1)));
    spans.push(Span::styled(words, theme::dim()));
    Line::from(spans)
}

/// Weeks of heat map that fit in `width` cells beside the weekday labels.
pub fn heat_weeks(width: usize) -> usize {
    width.saturating_sub(3).min(53)
}

/// Seven rows (weekdays from `week_start`), one cell per day, the last
/// column holding `end`; darker for more touches that day.
pub fn heat_rows(
    counts: &[(NaiveDate, u32)],
    end: NaiveDate,
    week_start: Weekday,
    width: usize,
) -> Vec<Line<'static>> {
    let weeks = heat_weeks(width);
    let lang = i18n::current();
    let rows = charts::heat_map(counts, end, weeks, week_start, Glyphs::Unicode);
    let mut day = week_start;
    let empty = charts::heat_cell(0, Glyphs::Unicode);
    rows.into_iter()
        .map(|row| {
            let label: String = text::weekday_of(lang, day).chars().take(2).collect();
            day = day.succ();
            let mut spans = vec![Span::styled(format!("{label} "), theme::dim())];
            for c in row.chars() {
                let style = if c == empty {
                    theme::dim()
                } else {
                    theme::ok()
                };
                spans.push(Span::styled(c.to_string(), style));
            }
            Line::from(spans)
        })
        .collect()
}

/// The first day shown by a heat map `weeks` wide ending on `end`.
pub fn heat_first(end: NaiveDate, week_start: Weekday, weeks: usize) -> NaiveDate {
    let back =
        u64::from(end.weekday().days_since(week_start)) + 7 * (weeks as u64).saturating_sub(1);
    end.checked_sub_days(chrono::Days::new(back))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn the_busiest_week_fills_the_height_and_meetings_sit_at_the_bottom() {
        let mut busy = ChannelCounts::default();
        busy.add(Channel::Meet, 1);
        busy.add(Channel::Email, 3);
        let mut quiet = ChannelCounts::default();
        quiet.add(Channel::Call, 1);
        let lines = weekly_bars(&[busy, quiet], d(11, 1), d(11, 14), 40, 4);
        assert_eq!(lines.len(), 5);
        let rows: Vec<String> = lines.iter().map(text).collect();
        // four rows for four touches: three e-mails over one meeting, each
        // channel its own glyph (apart without colour too)
        assert!(rows[0].starts_with("  4 ✉✉✉✉"), "{rows:?}");
        assert!(rows[2].starts_with("    ✉✉✉✉"), "{rows:?}");
        assert!(rows[3].starts_with("  0 ☻☻☻☻ ☎☎☎☎"), "{rows:?}");
        assert!(rows[4].contains("1 Nov") && rows[4].ends_with("14 Nov"));
    }

    #[test]
    fn an_empty_history_draws_no_bars() {
        let lines = weekly_bars(&[ChannelCounts::default(); 3], d(11, 1), d(11, 21), 30, 3);
        assert!(lines[..3].iter().all(|l| text(l)[4..].trim().is_empty()));
    }

    #[test]
    fn the_heat_map_labels_weekdays_from_the_week_start() {
        let rows = heat_rows(&[(d(12, 1), 2)], d(12, 1), Weekday::Mon, 13);
        assert_eq!(rows.len(), 7);
        assert!(text(&rows[0]).starts_with("Mo "));
        // Tue 1 Dec is the busiest (and only) day: the darkest cell, last column
        assert!(text(&rows[1]).ends_with('█'), "{:?}", text(&rows[1]));
        assert_eq!(heat_weeks(13), 10);
        assert_eq!(heat_first(d(12, 1), Weekday::Mon, 10), d(9, 28));
    }
}
