//! `stats`: the shape of each relationship over a window — aligned tables,
//! bar charts and weekly sparklines (ASCII with `--ascii`), or JSON.

use chrono::{Datelike, NaiveDate};
use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::render::{self, Fit, Table, clean};
use crate::app::{self, Who};
use crate::error::{Error, Result};
use crate::insight::charts::{self, Glyphs};
use crate::insight::{
    self, ChannelRow, ContactStats, GroupBy, GroupStats, History, KeptRatio, Subject, Trend, Window,
};
use crate::model::{Id, Sphere};
use crate::parse::{Lean, parse_date};
use crate::text::{self, DateStyle};
use crate::{i18n, t, tr};

/// How far back `--since` may reach, in days (50 years).
const MAX_SINCE_DAYS: i64 = 50 * 365;
/// Width of bar charts, in cells: wide beside channels, narrow beside the
/// wider warmth and group tables (which stay within 100 columns).
const BAR_WIDTH: usize = 20;
const NARROW_BAR_WIDTH: usize = 10;
/// Weeks in the heat map of one contact.
const HEAT_WEEKS: usize = 53;

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(super::shell::contact_names))]
    pub contact: Option<String>,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    #[arg(long, value_name = "GROUP", value_parser = ["sphere", "tag", "channel"], conflicts_with = "contact")]
    pub by: Option<String>,
    #[arg(long)]
    pub ascii: bool,
}

/// `stats --json`: one object, the same shape with or without a contact.
#[derive(Serialize)]
struct Report<'a> {
    window: Window,
    previous: Window,
    half_life_days: f64,
    totals: &'a GroupStats,
    channels: &'a [ChannelRow],
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<&'a [GroupStats]>,
    /// Jour fixe occurrences kept in the window (of the contact, or of
    /// every active Jour fixe); `null` when none was due.
    jourfixe: Option<KeptRatio>,
    contacts: Vec<ContactRow<'a>>,
    cooling: Vec<CoolingRow<'a>>,
}

#[derive(Serialize)]
struct ContactRow<'a> {
    name: &'a str,
    sphere: Sphere,
    tags: &'a [String],
    #[serde(flatten)]
    stats: &'a ContactStats,
}

#[derive(Serialize)]
struct CoolingRow<'a> {
    contact_id: Id,
    name: &'a str,
    warmth: f64,
    warmth_before: f64,
}

pub fn stats(ctx: &mut Ctx, args: &StatsArgs) -> Result<String> {
    let today = ctx.today();
    let window = window(args.since.as_deref(), today)?;
    let contact = args.contact.as_deref();
    let who = contact.map(Who::Named);
    let app::stats::Measured {
        histories,
        heat,
        kept,
    } = app::stats::measure(&mut ctx.store, who, window, today, 7 * HEAT_WEEKS as u32)?;
    let all: Vec<ContactStats> = histories
        .iter()
        .map(|h| insight::contact_stats(h, window))
        .collect();
    let subjects = || histories.iter().map(|h| &h.subject).zip(all.iter());
    let totals = insight::aggregate(None, &all);
    let channels = insight::by_channel(&all);
    let groups = match args.by.as_deref() {
        Some("sphere") => Some(insight::group_by(subjects(), GroupBy::Sphere)),
        Some("tag") => Some(insight::group_by(subjects(), GroupBy::Tag)),
        _ => None,
    };
    let cooling = insight::cooling(&all);
    let name_of = |id: Id| {
        histories
            .iter()
            .find(|h| h.subject.contact_id == id)
            .map_or("", |h| h.subject.name.as_str())
    };
    if ctx.json {
        return ctx.to_json(&Report {
            window,
            previous: window.previous(),
            half_life_days: insight::HALF_LIFE_DAYS,
            totals: &totals,
            channels: &channels,
            groups: groups.as_deref(),
            jourfixe: kept,
            contacts: subjects()
                .map(|(s, stats)| ContactRow {
                    name: &s.name,
                    sphere: s.sphere,
                    tags: &s.tags,
                    stats,
                })
                .collect(),
            cooling: cooling
                .iter()
                .map(|&(contact_id, warmth, warmth_before)| CoolingRow {
                    contact_id,
                    name: name_of(contact_id),
                    warmth,
                    warmth_before,
                })
                .collect(),
        });
    }

    let glyphs = if args.ascii {
        Glyphs::Ascii
    } else {
        Glyphs::Unicode
    };
    let view = View {
        ctx,
        glyphs,
        marks: Marks::of(glyphs),
        today,
        window,
        kept,
    };
    if let Some(one) = histories.first().filter(|_| contact.is_some()) {
        return Ok(view.contact(one, &all[0], &heat));
    }
    let mut out = view.header(None);
    out.push_str(&view.summary(&totals, None));
    match args.by.as_deref() {
        Some("channel") => out.push_str(&view.channels(&channels, true)),
        Some(by) => out.push_str(&view.groups(by, groups.as_deref().unwrap_or_default())),
        None => {
            out.push_str(&view.channels(&channels, true));
            out.push_str(&view.warmth(&histories, &all));
            out.push_str(&view.cooling(&cooling, name_of));
        }
    }
    Ok(out)
}

/// The window from `--since` (default: the last 90 days), ending today.
fn window(since: Option<&str>, today: NaiveDate) -> Result<Window> {
    let Some(since) = since else {
        return Ok(Window::ending(today, insight::DEFAULT_WINDOW_DAYS));
    };
    let from = parse_date(since, today, Lean::Past)?;
    if (today - from).num_days() > MAX_SINCE_DAYS {
        return Err(Error::input(t!(
            "error-since-too-early",
            since = from.format("%Y-%m-%d").to_string(),
            example = (today - chrono::Days::new(365))
                .format("%Y-%m-%d")
                .to_string()
        )));
    }
    Window::new(from, today).ok_or_else(|| {
        Error::input(t!(
            "error-since-future",
            since = from.format("%Y-%m-%d").to_string(),
            example = (today - chrono::Days::new(30))
                .format("%Y-%m-%d")
                .to_string()
        ))
    })
}

/// Text output for one window.
struct View<'a> {
    ctx: &'a Ctx,
    glyphs: Glyphs,
    marks: Marks,
    today: NaiveDate,
    window: Window,
    kept: Option<KeptRatio>,
}

/// Separators between figures, in Unicode or ASCII like the charts.
#[derive(Copy, Clone)]
struct Marks {
    dot: &'static str,
    dash: &'static str,
    arrow: &'static str,
}

impl Marks {
    fn of(glyphs: Glyphs) -> Marks {
        match glyphs {
            Glyphs::Unicode => Marks {
                dot: " · ",
                dash: " – ",
                arrow: " →",
            },
            Glyphs::Ascii => Marks {
                dot: " | ",
                dash: " - ",
                arrow: " ->",
            },
        }
    }
}

impl View<'_> {
    /// "Insight · 3 Sep – 1 Dec 2026 · 90 days, against the 90 before"
    fn header(&self, who: Option<&Subject>) -> String {
        let p = self.ctx.paint;
        let lang = i18n::current();
        let Marks { dot, dash, .. } = self.marks;
        let w = self.window;
        let from = if w.from.year() == w.to.year() {
            text::date(lang, w.from, DateStyle::DayMonth)
        } else {
            text::date(lang, w.from, DateStyle::DayMonthYear)
        };
        let title = match who {
            Some(s) => format!(
                "{}{dot}{}",
                clean(&s.name),
                text::sphere_name(lang, s.sphere)
            ),
            None => tr!("stats-title").to_string(),
        };
        let parts = [
            p.bold(&title),
            format!(
                "{from}{dash}{}",
                text::date(lang, w.to, DateStyle::DayMonthYear)
            ),
            t!("stats-window", days = w.days()),
        ];
        let mut out = render::join_fit(&parts, dot, "  ", self.ctx.width);
        out.push_str("\n\n");
        out
    }

    /// The key figures of a contact or of everyone.
    /// `one` is a single contact's (cadence, days since the last touch).
    fn summary(&self, g: &GroupStats, one: Option<(Option<u32>, Option<u32>)>) -> String {
        let dot = self.marks.dot;
        let lang = i18n::current();
        let num = |n: u32| text::number(lang, u64::from(n));
        let mut t = Table::default();
        t.fit(&[Fit::Keep, Fit::Cut(0)]);
        if one.is_none() {
            t.plain(vec![
                tr!("stats-contacts").into(),
                text::number(lang, g.contacts as u64),
            ]);
        }
        let share = g
            .personal_share
            .map(|s| format!(" ({})", percent(s)))
            .unwrap_or_default();
        t.plain(vec![
            tr!("stats-touches").into(),
            format!(
                "{}{dot}{}{dot}{}",
                num(g.touches.total()),
                t!("stats-personal", count = num(g.personal), share = share),
                t!("stats-missed", count = num(g.missed))
            ),
        ]);
        let mut gaps = match (g.longest_gap, g.median_gap) {
            (Some(l), Some(m)) => format!(
                "{}{dot}{}",
                t!("stats-gap-longest", days = l),
                t!("stats-gap-median", days = trim_float(m))
            ),
            _ => tr!("stats-gaps-none").into(),
        };
        if let Some((_, Some(days))) = one {
            gaps.push_str(dot);
            gaps.push_str(&t!(
                "stats-last-touch",
                when = crate::text::ago(i64::from(days))
            ));
        }
        t.plain(vec![tr!("stats-gaps").into(), gaps]);
        t.plain(vec![
            tr!("stats-rating").into(),
            match g.rating {
                Some(r) => t!("stats-rated", rating = signed(r), count = g.rated),
                None => tr!("stats-none-rated").into(),
            },
        ]);
        let on_time = || {
            format!(
                "{}{dot}{}",
                t!("stats-on-time", count = num(g.on_time)),
                t!("stats-late", count = num(g.late))
            )
        };
        let checkins = match one {
            Some((None, _)) => tr!("stats-no-cadence").to_string(),
            Some((Some(days), _)) => t!(
                "stats-checkins-every",
                checkins = on_time(),
                every = text::every(days)
            ),
            None => on_time(),
        };
        t.plain(vec![tr!("stats-checkins").into(), checkins]);
        if let Some(k) = self.kept {
            t.plain(vec![
                tr!("stats-jourfixe").into(),
                t!(
                    "stats-kept",
                    kept = k.kept,
                    of = k.of,
                    share = percent(k.ratio())
                ),
            ]);
        }
        let trend = self.trend(g.trend);
        let warmth = t!(
            "stats-warmth-before",
            now = decimal(g.warmth),
            before = decimal(g.warmth_before)
        );
        t.row(vec![
            plain(tr!("stats-warmth")),
            (
                format!("{warmth}{dot}{}", trend.0),
                format!("{warmth}{dot}{}", trend.1),
            ),
        ]);
        t.plain(vec![
            tr!("stats-weekly").into(),
            charts::sparkline(&g.weekly_totals(), self.glyphs),
        ]);
        t.render_in("  ", self.ctx.width)
    }

    /// A trend word in its colour: (styled, plain).
    fn trend(&self, trend: Trend) -> (String, String) {
        let p = self.ctx.paint;
        let word = tr!(match trend {
            Trend::Warming => "trend-warming",
            Trend::Cooling => "trend-cooling",
            Trend::Steady => "trend-steady",
        });
        let styled = match trend {
            Trend::Warming => p.green(word),
            Trend::Cooling => p.red(word),
            Trend::Steady => word.to_string(),
        };
        (styled, word.to_string())
    }

    /// Touches per channel; `people` adds how many contacts each reached.
    fn channels(&self, rows: &[ChannelRow], people: bool) -> String {
        let p = self.ctx.paint;
        let max = rows.iter().map(|r| r.touches).max().unwrap_or(0);
        let mut t = Table::default();
        let bar = Fit::Drop(0);
        match people {
            true => t.fit(&[Fit::Keep, Fit::Keep, Fit::Keep, Fit::Keep, bar]),
            false => t.fit(&[Fit::Keep, Fit::Keep, Fit::Keep, bar]),
        };
        let lang = i18n::current();
        let mut head = vec![
            tr!("stats-col-channel").to_string(),
            tr!("stats-col-touches").into(),
            tr!("stats-col-share").into(),
        ];
        if people {
            head.push(tr!("stats-col-contacts").into());
        }
        t.plain(head);
        for r in rows {
            let mut cells = vec![
                text::channel_name(lang, r.channel).to_string(),
                text::number(lang, u64::from(r.touches)),
                r.share.map(percent).unwrap_or_else(|| "-".into()),
            ];
            if people {
                cells.push(text::number(lang, r.contacts as u64));
            }
            cells.push(self.bar(f64::from(r.touches), f64::from(max), BAR_WIDTH));
            t.plain(cells);
        }
        format!(
            "\n{}\n{}",
            p.bold(tr!("stats-channels")),
            t.render_in("  ", self.ctx.width)
        )
    }

    fn groups(&self, by: &str, groups: &[GroupStats]) -> String {
        let p = self.ctx.paint;
        let max = groups.iter().map(|g| g.warmth).fold(0.0, f64::max);
        let mut t = Table::default();
        // narrow: the bar, then the gaps and the rating go; the key stays
        t.fit(&[
            Fit::Name,
            Fit::Keep,
            Fit::Keep,
            Fit::Keep,
            Fit::Drop(2),
            Fit::Drop(1),
            Fit::Keep,
            Fit::Keep,
            Fit::Keep,
            Fit::Drop(0),
        ]);
        let lang = i18n::current();
        let by_word = match by {
            "sphere" => tr!("stats-by-sphere"),
            _ => tr!("stats-by-tag"),
        };
        t.plain(
            [
                by_word,
                tr!("stats-col-people"),
                tr!("stats-col-touches"),
                tr!("stats-col-personal"),
                tr!("stats-col-gaps"),
                tr!("stats-col-rating"),
                tr!("stats-col-on-time"),
                tr!("stats-col-warmth"),
                tr!("stats-col-trend"),
            ]
            .map(String::from)
            .to_vec(),
        );
        for g in groups {
            let key = match (by, g.key.as_deref()) {
                (_, None) => tr!("stats-no-tag").into(),
                ("sphere", Some(key)) => Sphere::from_name(key)
                    .map_or_else(|| clean(key), |s| text::sphere_name(lang, s).into()),
                (_, Some(key)) => clean(key),
            };
            let trend = self.trend(g.trend);
            t.row(vec![
                plain(&key),
                plain(&text::number(lang, g.contacts as u64)),
                plain(&text::number(lang, u64::from(g.touches.total()))),
                plain(&g.personal_share.map(percent).unwrap_or_else(|| "-".into())),
                plain(&match (g.longest_gap, g.median_gap) {
                    (Some(l), Some(m)) => {
                        t!("stats-gaps-cell", longest = l, median = trim_float(m))
                    }
                    _ => "-".into(),
                }),
                plain(&g.rating.map_or("-".into(), signed)),
                plain(&format!("{}/{}", g.on_time, g.on_time + g.late)),
                plain(&decimal(g.warmth)),
                trend,
                plain(&self.bar(g.warmth, max, NARROW_BAR_WIDTH)),
            ]);
        }
        format!(
            "\n{}\n{}",
            p.bold(&by_word.to_uppercase()),
            t.render_in("  ", self.ctx.width)
        )
    }

    /// Every contact by warmth, warmest first.
    fn warmth(&self, histories: &[History], all: &[ContactStats]) -> String {
        let p = self.ctx.paint;
        let mut rows: Vec<(&Subject, &ContactStats)> =
            histories.iter().map(|h| &h.subject).zip(all).collect();
        rows.sort_by(|a, b| {
            b.1.warmth
                .total_cmp(&a.1.warmth)
                .then(a.0.name.cmp(&b.0.name))
        });
        let max = rows.iter().map(|r| r.1.warmth).fold(0.0, f64::max);
        let mut t = Table::default();
        // narrow: the bar, then the sparkline go; names stay
        t.fit(&[
            Fit::Name,
            Fit::Keep,
            Fit::Keep,
            Fit::Keep,
            Fit::Keep,
            Fit::Keep,
            Fit::Drop(1),
            Fit::Drop(0),
        ]);
        t.plain(
            [
                tr!("stats-col-contact"),
                tr!("stats-col-sphere"),
                tr!("stats-col-now"),
                tr!("stats-col-before"),
                tr!("stats-col-trend"),
                tr!("stats-col-last"),
                tr!("stats-col-weekly"),
            ]
            .map(String::from)
            .to_vec(),
        );
        let lang = i18n::current();
        for (s, c) in rows {
            t.row(vec![
                plain(&clean(&s.name)),
                plain(text::sphere_name(lang, s.sphere)),
                plain(&decimal(c.warmth)),
                plain(&decimal(c.warmth_before)),
                self.trend(c.trend),
                plain(
                    &c.days_since_last
                        .map_or("-".into(), |d| render::age(i64::from(d))),
                ),
                plain(&charts::sparkline(&c.weekly_totals(), self.glyphs)),
                plain(&self.bar(c.warmth, max, NARROW_BAR_WIDTH)),
            ]);
        }
        format!(
            "\n{}\n{}",
            p.bold(tr!("stats-warmth-heading")),
            t.render_in("  ", self.ctx.width)
        )
    }

    fn cooling<'n>(&self, cooling: &[(Id, f64, f64)], name_of: impl Fn(Id) -> &'n str) -> String {
        let p = self.ctx.paint;
        if cooling.is_empty() {
            return format!(
                "\n{}\n  {}\n",
                p.bold(tr!("stats-cooling")),
                tr!("stats-nobody-cooling")
            );
        }
        let mut t = Table::default();
        t.fit(&[Fit::Name]);
        for &(id, now, before) in cooling {
            let drop = format!("{}{} {}", decimal(before), self.marks.arrow, decimal(now));
            t.row(vec![
                plain(&clean(name_of(id))),
                (p.red(&drop), drop.clone()),
                plain(&format!("-{}", decimal(before - now))),
            ]);
        }
        format!(
            "\n{}\n{}",
            p.bold(tr!("stats-cooling")),
            t.render_in("  ", self.ctx.width)
        )
    }

    /// One contact: key figures, channels, and a year of touches by day.
    fn contact(&self, h: &History, c: &ContactStats, heat: &[(NaiveDate, u32)]) -> String {
        let p = self.ctx.paint;
        let mut out = self.header(Some(&h.subject));
        let g = insight::aggregate(None, std::slice::from_ref(c));
        out.push_str(&self.summary(&g, Some((h.subject.cadence_days, c.days_since_last))));
        let rows: Vec<ChannelRow> = insight::by_channel(std::slice::from_ref(c))
            .into_iter()
            .filter(|r| r.touches > 0)
            .collect();
        if !rows.is_empty() {
            out.push_str(&self.channels(&rows, false));
        }
        let week_start = self.ctx.config.settings.week_start;
        // "  Mon  " and a cell a week: on a narrow terminal, the latest weeks
        let weeks = self
            .ctx
            .width
            .map_or(HEAT_WEEKS, |w| HEAT_WEEKS.min(w.saturating_sub(7)).max(1));
        let map = charts::heat_map(heat, self.today, weeks, week_start, self.glyphs);
        out.push_str(&format!(
            "\n{} {}\n",
            p.bold(tr!("stats-year")),
            p.dim(tr!("stats-year-note"))
        ));
        let lang = i18n::current();
        let mut day = week_start;
        for row in map {
            let line = format!("  {}  {row}", text::weekday_of(lang, day));
            out.push_str(&render::fit_line(line.trim_end(), self.ctx.width));
            out.push('\n');
            day = day.succ();
        }
        out
    }

    fn bar(&self, value: f64, max: f64, width: usize) -> String {
        charts::bar(value, max, width, self.glyphs)
    }
}

fn plain(text: &str) -> (String, String) {
    (text.to_string(), text.to_string())
}

fn percent(share: f64) -> String {
    text::percent(i18n::current(), share)
}

/// One decimal: "2.5" — "2,5".
fn decimal(value: f64) -> String {
    text::decimal(i18n::current(), value)
}

/// A rating with its sign and one decimal: "+0.5" — "+0,5".
fn signed(value: f64) -> String {
    let sign = if value.is_sign_negative() { "" } else { "+" };
    format!("{sign}{}", decimal(value))
}

/// "4" for 4.0, "4.5" for 4.5 ("4,5").
fn trim_float(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        decimal(value)
    }
}
