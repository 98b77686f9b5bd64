//! The Stats tab (a first look until the insight feature lands): touches per
//! channel this month, personal against written, and where everyone stands.
//! Numbers are computed when the tab is opened after a change, not per frame.

use chrono::{Datelike, NaiveDate};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::clock;
use crate::error::Result;
use crate::model::{Channel, Outcome};
use crate::schedule::Status;
use crate::store::{Store, touches};
use crate::tui::app::App;
use crate::tui::data::Snapshot;
use crate::tui::text::channel_glyph;
use crate::tui::theme;

/// The numbers on the Stats tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub month_start: NaiveDate,
    /// `done` touches this month per channel, in `Channel::ALL` order.
    pub per_channel: [u32; 6],
    /// The same over the last 30 days.
    pub per_channel_30: [u32; 6],
    pub missed: u32,
    /// Distinct people touched this month.
    pub people: u32,
    /// Active contacts per status, in `STATUSES` order, then without cadence.
    pub per_status: [u32; 6],
    /// Written-only streaks of three or more.
    pub drifting: u32,
    pub active: u32,
    pub archived: u32,
}

const STATUSES: [Status; 5] = [
    Status::Overdue,
    Status::Due,
    Status::Planned,
    Status::Soon,
    Status::Ok,
];

/// Counts this month's touches and everyone's status.
pub fn compute(store: &mut Store, data: &Snapshot) -> Result<Stats> {
    let today = data.today;
    let month_start = today.with_day(1).unwrap_or(today);
    let all = store.read(|tx| touches::all(tx))?;
    let mut stats = Stats {
        month_start,
        active: data.facts.len() as u32,
        archived: u32::try_from(data.archived).unwrap_or(0),
        ..Stats::default()
    };
    let mut people = std::collections::HashSet::new();
    for t in all.iter().filter(|t| {
        let day = clock::local_day(t.at);
        day >= month_start && day <= today
    }) {
        match t.outcome {
            Outcome::Done => {
                let i = Channel::ALL
                    .iter()
                    .position(|c| *c == t.channel)
                    .unwrap_or(0);
                stats.per_channel[i] += 1;
                people.extend(t.participants.iter().copied());
            }
            Outcome::Missed => stats.missed += 1,
        }
    }
    stats.people = people.len() as u32;
    for ch in &data.checkins {
        let i = match ch {
            Some(c) => STATUSES.iter().position(|s| *s == c.status).unwrap_or(4),
            None => 5,
        };
        stats.per_status[i] += 1;
    }
    stats.drifting = data.facts.iter().filter(|f| f.written_streak >= 3).count() as u32;
    Ok(stats)
}

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let Some(stats) = &app.stats else {
        frame.render_widget(Paragraph::new(" counting…").block(Block::bordered()), area);
        return;
    };
    let max = stats
        .per_channel_30
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_w = left.width.saturating_sub(28).max(1) as u32;
    let mut lines = Vec::new();
    for (i, channel) in Channel::ALL.iter().enumerate().rev() {
        let n = stats.per_channel[i];
        let n30 = stats.per_channel_30[i];
        let bar = "█".repeat((n30 * bar_w).div_ceil(max) as usize);
        let style = if channel.is_written() {
            theme::dim()
        } else {
            theme::accent()
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{} {:<6}",
                channel_glyph(*channel),
                channel.as_str()
            )),
            Span::styled(format!("{n:>4} "), theme::bold()),
            Span::styled(format!("{n30:>4} "), theme::dim()),
            Span::styled(bar, style),
        ]));
    }
    let personal: u32 = stats.per_channel[3..].iter().sum();
    let written: u32 = stats.per_channel[..3].iter().sum();
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "{personal} spoken or met · {written} written · {} missed",
        stats.missed
    )));
    lines.push(Line::from(format!("{} people touched", stats.people)));
    lines.insert(
        0,
        Line::from(Span::styled(
            format!(
                "         {:>4} {:>4}  (done touches)",
                stats.month_start.format("%b"),
                "30d"
            ),
            theme::dim(),
        )),
    );
    let title = format!(" Touches since {} ", stats.month_start.format("%-d %B"));
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .border_type(BorderType::Plain)
                .title(title),
        ),
        left,
    );
    let mut lines = Vec::new();
    for (i, status) in STATUSES.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<10}", status.as_str()), theme::status(*status)),
            Span::styled(format!("{:>5}", stats.per_status[i]), theme::bold()),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<10}", "no cadence"), theme::dim()),
        Span::styled(format!("{:>5}", stats.per_status[5]), theme::bold()),
    ]));
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "{} active · {} archived",
        stats.active, stats.archived
    )));
    if stats.drifting > 0 {
        lines.push(Line::from(Span::styled(
            format!("{} only written to for 3 touches or more", stats.drifting),
            theme::warn(),
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .border_type(BorderType::Plain)
                .title(" Check-ins "),
        ),
        right,
    );
}
