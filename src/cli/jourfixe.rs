//! `jourfixe add | list | skip | rm`, the Jour fixe parts of `show` and
//! `today`, and `export ics`.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use super::render::{self, Fit, Paint, Table, clean};
use super::shell::{channels, contact_names, jourfixe_ids};
use super::{Ctx, channel_arg};
use crate::app::jourfixe::{self, Listed, TZ, upcoming};
use crate::app::{self, Who};
use crate::error::{Error, Result};
use crate::interop::ics;
use crate::jourfixe::agenda::{Occurrence, Tracked};
use crate::jourfixe::{Draft, OccurrenceState, parse_rule};
use crate::model::Id;
use crate::parse::{Lean, minutes_text, parse_date, parse_minutes};
use crate::remind::Remind;
use crate::schedule::{ContactFacts, JourFixeEntry, followup_is_open};
use crate::text::occurrence_name;
use crate::{i18n, t, tr};

#[derive(Debug, Subcommand)]
pub enum JourFixeCommand {
    Add(AddArgs),
    List,
    Skip {
        #[arg(add = ArgValueCompleter::new(jourfixe_ids))]
        id: Id,
        #[arg(allow_hyphen_values = true)]
        date: String,
    },
    Edit(EditArgs),
    Rm {
        #[arg(add = ArgValueCompleter::new(jourfixe_ids))]
        id: Id,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(add = ArgValueCompleter::new(contact_names))]
    pub contact: String,
    pub rule: String,
    #[arg(long, default_value = "call", add = ArgValueCompleter::new(channels))]
    pub channel: String,
    #[arg(long)]
    pub duration: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    #[arg(long, value_name = "LENGTH", conflicts_with = "no_remind")]
    pub remind: Option<String>,
    #[arg(long)]
    pub no_remind: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: Id,
    #[arg(long)]
    pub rule: Option<String>,
    #[arg(long, value_name = "HH:MM", conflicts_with = "all_day")]
    pub time: Option<String>,
    #[arg(long)]
    pub all_day: bool,
    #[arg(long)]
    pub channel: Option<String>,
    #[arg(long, conflicts_with = "no_duration")]
    pub duration: Option<String>,
    #[arg(long)]
    pub no_duration: bool,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long, value_name = "LENGTH", conflicts_with = "no_remind")]
    pub remind: Option<String>,
    #[arg(long)]
    pub no_remind: bool,
}

// `export ics`. The other export formats join this command at merge.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_parser = ["ics"])]
    pub format: String,
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, command: &JourFixeCommand) -> Result<String> {
    match command {
        JourFixeCommand::Add(args) => add(ctx, args),
        JourFixeCommand::List => list(ctx),
        JourFixeCommand::Skip { id, date } => skip(ctx, *id, date),
        JourFixeCommand::Edit(args) => edit(ctx, args),
        JourFixeCommand::Rm { id } => remove(ctx, *id),
    }
}

fn days_text(dates: &[NaiveDate], today: NaiveDate) -> String {
    match dates {
        [] => tr!("jf-no-more-dates").to_owned(),
        _ => dates
            .iter()
            .map(|d| render::day(*d, today))
            .collect::<Vec<_>>()
            .join(tr!("dates-separator")),
    }
}

fn add(ctx: &mut Ctx, args: &AddArgs) -> Result<String> {
    let today = ctx.today();
    let spec = parse_rule(&args.rule).map_err(|e| Error::input(e.to_string()))?;
    let rule_words = spec.describe_in(i18n::current());
    let channel = channel_arg(&args.channel)?;
    let duration = args.duration.as_deref().map(parse_minutes).transpose()?;
    let from = match &args.from {
        Some(text) => parse_date(text, today, Lean::Future)?,
        None => today,
    };
    let draft =
        Draft::new(spec, from, channel, duration, args.note.as_deref(), TZ).ok_or_else(|| {
            Error::input(t!(
                "error-jf-no-date",
                rule = args.rule.trim(),
                words = rule_words.as_str(),
                from = render::day(from, today)
            ))
        })?;
    let remind = remind_arg(args.remind.as_deref(), args.no_remind)?;
    let settings = ctx.config.settings.clone();
    let who = Who::Named(&args.contact);
    let tracked = match remind {
        None => jourfixe::add(&mut ctx.store, who, &draft, today, &settings, ctx.now)?,
        Some(remind) => app::jourfixe_edit::add(
            &mut ctx.store,
            who,
            &draft,
            remind,
            today,
            &settings,
            ctx.now,
        )?,
    };
    if ctx.json {
        return ctx.to_json(&Listed::of(&tracked, today));
    }
    let jf = &tracked.jf;
    let mut how = crate::text::channel_name(i18n::current(), jf.channel).to_string();
    if let Some(minutes) = jf.duration_minutes {
        how.push_str(&format!(", {}", minutes_text(minutes)));
    }
    if let Some(remind) = remind {
        how.push_str(&format!(", {}", remind_words(remind)));
    }
    let mut out = t!(
        "jf-added",
        id = jf.id,
        name = clean(&tracked.name),
        how = how,
        rule = jf.describe_in(i18n::current()),
        next = days_text(&upcoming(&tracked, today, 3), today)
    );
    out.push('\n');
    Ok(out)
}

/// `--remind LENGTH|default` / `--no-remind`; `None` when neither is given.
fn remind_arg(remind: Option<&str>, off: bool) -> Result<Option<Remind>> {
    if off {
        return Ok(Some(Remind::Off));
    }
    let Some(text) = remind else {
        return Ok(None);
    };
    if text.trim().eq_ignore_ascii_case("default") {
        return Ok(Some(Remind::Default));
    }
    parse_minutes(text)
        .map(|m| Some(Remind::Before(m)))
        .map_err(|e| Error::input(t!("error-jf-remind", problem = e.to_string())))
}

/// "reminder 1 h before", "no reminder", "reminder as configured".
fn remind_words(remind: Remind) -> String {
    match remind {
        Remind::Before(m) => t!("jf-remind-before", length = minutes_text(m)),
        Remind::Off => tr!("jf-remind-off").into(),
        Remind::Default => tr!("jf-remind-default").into(),
    }
}

/// `jourfixe edit ID [--rule …] [--time …] … [--remind …|--no-remind]`.
fn edit(ctx: &mut Ctx, args: &EditArgs) -> Result<String> {
    let today = ctx.today();
    let rule = args
        .rule
        .as_deref()
        .map(|r| parse_rule(r).map_err(|e| Error::input(e.to_string())))
        .transpose()?;
    let time = match (&args.time, args.all_day) {
        (_, true) => Some(None),
        (Some(text), false) => Some(Some(
            NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .map_err(|_| Error::input(t!("error-jf-time", text = format!("{text:?}"))))?,
        )),
        (None, false) => None,
    };
    let duration_minutes = match (&args.duration, args.no_duration) {
        (_, true) => Some(None),
        (Some(text), false) => Some(Some(parse_minutes(text)?)),
        (None, false) => None,
    };
    let change = app::jourfixe_edit::Change {
        rule,
        time,
        channel: args.channel.as_deref().map(channel_arg).transpose()?,
        duration_minutes,
        note: args
            .note
            .as_ref()
            .map(|n| Some(n.trim().to_string()).filter(|n| !n.is_empty())),
        remind: remind_arg(args.remind.as_deref(), args.no_remind)?,
    };
    let settings = ctx.config.settings.clone();
    let edited = app::jourfixe_edit::edit(&mut ctx.store, args.id, &change, today, &settings, TZ)?;
    let tracked = &edited.tracked;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({
            "jourfixe": Listed::of(tracked, today),
            "remind": edited.remind,
        }));
    }
    let jf = &tracked.jf;
    let mut how = crate::text::channel_name(i18n::current(), jf.channel).to_string();
    if let Some(minutes) = jf.duration_minutes {
        how.push_str(&format!(", {}", minutes_text(minutes)));
    }
    how.push_str(&format!(", {}", remind_words(edited.remind)));
    let mut out = t!(
        "jf-changed",
        id = jf.id,
        name = clean(&tracked.name),
        how = how,
        rule = jf.describe_in(i18n::current()),
        next = days_text(&upcoming(tracked, today, 3), today)
    );
    out.push('\n');
    Ok(out)
}

fn list(ctx: &mut Ctx) -> Result<String> {
    let today = ctx.today();
    let settings = ctx.config.settings.clone();
    let all = jourfixe::list(&mut ctx.store, today, &settings)?;
    let rows: Vec<Listed> = all.iter().map(|t| Listed::of(t, today)).collect();
    if ctx.json {
        return ctx.to_json(&rows);
    }
    if rows.is_empty() {
        return Ok(format!("{}\n", tr!("jf-none")));
    }
    let lang = i18n::current();
    let p = ctx.paint;
    let mut t = Table::default();
    // narrow: how the last one went goes first, then the rule is cut
    t.fit(&[
        Fit::Keep,
        Fit::Name,
        Fit::Cut(1),
        Fit::Keep,
        Fit::Keep,
        Fit::Drop(0),
    ]);
    // `rows` carry the rule in English words, as --json prints it
    for (r, tracked) in rows.iter().zip(&all) {
        let next = r
            .next
            .map(|d| t!("jf-next", day = render::day(d, today)))
            .unwrap_or_else(|| tr!("jf-no-more-dates").into());
        t.row(vec![
            plain(format!("#{}", r.id)),
            plain(clean(&r.name)),
            plain(tracked.jf.describe_in(lang)),
            plain(crate::text::channel_name(lang, r.channel).into()),
            plain(next),
            last_cell(p, r.last, today),
        ]);
    }
    Ok(t.render_in("", ctx.width))
}

fn plain(text: String) -> (String, String) {
    (text.clone(), text)
}

/// "last Tue 10 Nov kept", coloured by outcome.
fn last_cell(p: Paint, last: Option<Occurrence>, today: NaiveDate) -> (String, String) {
    let Some(o) = last else {
        return plain(String::new());
    };
    let word = occurrence_name(i18n::current(), o.state);
    let styled = match o.state {
        OccurrenceState::Kept => p.green(word),
        OccurrenceState::Missed => p.red(word),
        _ => p.dim(word),
    };
    let date = render::day(o.date, today);
    (
        t!("jf-last", day = date.as_str(), state = styled),
        t!("jf-last", day = date, state = word),
    )
}

fn skip(ctx: &mut Ctx, id: Id, date: &str) -> Result<String> {
    let today = ctx.today();
    let date = parse_date(date, today, Lean::Future)?;
    let settings = ctx.config.settings.clone();
    let tracked = jourfixe::skip(&mut ctx.store, id, date, today, &settings)?;
    if ctx.json {
        return ctx.to_json(&Listed::of(&tracked, today));
    }
    let next = tracked.standing(today).next;
    let mut out = t!(
        "jf-skipped",
        day = render::day(date, today),
        id = id,
        name = clean(&tracked.name),
        next = days_text(&next.into_iter().collect::<Vec<_>>(), today)
    );
    out.push('\n');
    Ok(out)
}

fn remove(ctx: &mut Ctx, id: Id) -> Result<String> {
    let (jf, name) = jourfixe::remove(&mut ctx.store, id)?;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({ "removed": id, "contact": name }));
    }
    let mut out = t!(
        "jf-removed",
        id = id,
        name = clean(&name),
        rule = jf.describe_in(i18n::current())
    );
    out.push('\n');
    Ok(out)
}

/// The `show` section: rule in words, channel and the next dates.
pub(super) fn brief_section(
    tracked: &[Tracked],
    today: NaiveDate,
    p: Paint,
    width: Option<usize>,
) -> String {
    if tracked.is_empty() {
        return String::new();
    }
    let lang = i18n::current();
    let mut t = Table::default();
    t.fit(&[Fit::Keep, Fit::Cut(1), Fit::Keep, Fit::Drop(0)]);
    for tr in tracked {
        let jf = &tr.jf;
        let s = tr.standing(today);
        let mut what = format!(
            "{} · {}",
            jf.describe_in(lang),
            crate::text::channel_name(lang, jf.channel)
        );
        if let Some(minutes) = jf.duration_minutes {
            what.push_str(&format!(" · {}", minutes_text(minutes)));
        }
        if let Some(note) = jf.note.as_deref().filter(|n| !n.trim().is_empty()) {
            what.push_str(&format!(" · {}", clean(note)));
        }
        if !jf.active {
            what.push_str(" · ");
            what.push_str(tr!("jf-paused"));
        }
        let next = t!("jf-next", day = days_text(&upcoming(tr, today, 2), today));
        t.row(vec![
            plain(format!("#{}", jf.id)),
            plain(what),
            plain(next),
            last_cell(p, s.last, today),
        ]);
    }
    format!(
        "\n{}\n{}",
        p.bold(tr!("heading-show-jourfixe")),
        t.render_in("  ", width)
    )
}

/// The `today` section, between DUE TODAY and PLANNED.
pub(super) fn agenda_section(
    entries: &[JourFixeEntry],
    today: NaiveDate,
    p: Paint,
    width: Option<usize>,
) -> String {
    let mut t = Table::default();
    t.fit(&[
        Fit::Keep,
        Fit::Keep,
        Fit::Keep,
        Fit::Name,
        Fit::Keep,
        Fit::Keep,
        Fit::Cut(0),
    ]);
    let lang = i18n::current();
    for e in entries {
        let date = render::day(e.date, today);
        let date_cell = match e.date == today {
            true => (p.yellow(&date), date.clone()),
            false => plain(date),
        };
        let time = e
            .time
            .map(|t| crate::text::time(lang, t))
            .unwrap_or_default();
        let word = occurrence_name(lang, e.state);
        let state = match e.state {
            OccurrenceState::Upcoming => plain(String::new()),
            OccurrenceState::Kept => (p.green(word), word.into()),
            OccurrenceState::Missed => (p.red(word), word.into()),
            OccurrenceState::Skipped => (p.dim(word), word.into()),
        };
        let note = e.note.as_deref().map(clean).unwrap_or_default();
        t.row(vec![
            plain(format!("#{}", e.id)),
            date_cell,
            plain(time),
            plain(clean(&e.name)),
            plain(crate::text::channel_name(lang, e.channel).into()),
            state,
            plain(note),
        ]);
    }
    format!(
        "\n{}\n{}",
        p.bold(tr!("heading-jourfixe")),
        t.render_in("  ", width)
    )
}

/// `export ics [-o FILE]`.
pub fn export_ics(ctx: &mut Ctx, args: &ExportArgs) -> Result<String> {
    let today = ctx.today();
    let now = ctx.now;
    let settings = ctx.config.settings.clone();
    let app::export::Calendar {
        agenda,
        facts: all,
        jourfixes: jfs,
        followups: open,
        reminders: remind,
    } = app::export::calendar(&mut ctx.store, today, &settings)?;
    let by_id: HashMap<Id, &ContactFacts> = all.iter().map(|f| (f.contact.id, f)).collect();
    let hooks: HashMap<Id, String> = all
        .iter()
        .filter_map(|f| Some((f.contact.id, f.freshest_hook.as_ref()?.text.clone())))
        .collect();
    let data = ics::CalendarData {
        jourfixes: jfs
            .iter()
            .filter_map(|jf| Some((jf, &by_id.get(&jf.contact_id)?.contact)))
            .collect(),
        followups: open
            .iter()
            .filter_map(|f| {
                let facts = by_id.get(&f.contact_id)?;
                followup_is_open(f, facts).then_some((f, &facts.contact))
            })
            .collect(),
        checkins: agenda
            .overdue
            .iter()
            .chain(&agenda.due)
            .filter_map(|e| Some((e, &by_id.get(&e.contact_id)?.contact)))
            .collect(),
        today,
        now,
    };
    let alarms = crate::interop::ics_alarm::Alarms {
        now,
        remind: &remind,
        settings: &ctx.config.remind,
        hooks: &hooks,
    };
    let out = ics::calendar_with_alarms(&data, &alarms);
    let Some(path) = &args.output else {
        return Ok(out.text);
    };
    crate::fsutil::write_private(path, out.text.as_bytes())?;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({
            "path": path,
            "jourfixe": out.jourfixe,
            "followups": out.followups,
            "checkins": out.checkins,
            "left_out": out.left_out,
        }));
    }
    let mut text = t!(
        "ics-wrote",
        jourfixe = out.jourfixe,
        followups = out.followups,
        checkins = out.checkins,
        path = super::render::path(path)
    );
    text.push('\n');
    if out.left_out > 0 {
        text.push_str(&t!("ics-left-out", count = out.left_out));
        text.push('\n');
    }
    Ok(text)
}
