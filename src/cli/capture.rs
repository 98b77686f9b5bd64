//! `capture`: touches from the user's mail and calendars; `--report` of
//! the people not in draht yet (`--add N` adds them); `--forget`, `--list`.

use serde::Serialize;

use super::Ctx;
use super::args::CaptureArgs;
use super::render::{Fit, Table, clean};
use crate::app::capture::{self as app, Report, Request, Run, SourceRun, SourceSpec};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Channel, SourceKind};
use crate::parse::{Lean, parse_when};
use crate::{i18n, t, text};

pub fn capture(ctx: &mut Ctx, args: &CaptureArgs) -> Result<String> {
    if let Some(which) = &args.forget {
        return forget(ctx, which, args.dry_run);
    }
    if args.list {
        return list(ctx);
    }
    let sources = sources(ctx, args)?;
    let since = match &args.since {
        Some(text) => Some(parse_when(text, ctx.local_now(), Lean::Past)?.date()),
        None => None,
    };
    let request = Request {
        sources: &sources,
        since,
        dry_run: args.dry_run,
        config: &ctx.config.capture,
        now: ctx.now,
    };
    if args.report {
        let report = app::report(&mut ctx.store, &request)?;
        let Some(n) = args.add else {
            return if ctx.json {
                ctx.to_json(&report)
            } else {
                Ok(report_text(ctx, &report))
            };
        };
        if args.dry_run {
            return Err(Error::input(t!("capture-error-add-dry-run")));
        }
        let added = app::add_unknown(&mut ctx.store, &report.unknown, n, &ctx.config, ctx.now)?;
        let run = app::capture(&mut ctx.store, &request)?;
        if ctx.json {
            return ctx.to_json(&Added {
                added: &added,
                run: &run,
            });
        }
        let mut out = String::new();
        for a in &added {
            let (name, address) = (clean(&a.name), clean(&a.address));
            out.push_str(&match a.id {
                Some(_) => t!("capture-added", name = name, address = address),
                None => t!("capture-not-added", name = name, address = address),
            });
            out.push('\n');
        }
        if added.is_empty() {
            out.push_str(&t!("capture-nobody-to-add"));
            out.push('\n');
        }
        out.push_str(&run_text(ctx, &run));
        return Ok(out);
    }
    let run = app::capture(&mut ctx.store, &request)?;
    if ctx.json {
        return ctx.to_json(&run);
    }
    Ok(run_text(ctx, &run))
}

/// `draht notify` reads the config's `[[capture]]` sources first, so that
/// what it decides sees the touches they hold (a meeting captured from the
/// calendar keeps its Jour fixe; a call resets a check-in). A source that
/// cannot be read is said on stderr, and the reminders still go out.
pub fn before_notify(ctx: &mut Ctx) {
    let sources = app::configured(&ctx.config.capture);
    if sources.is_empty() {
        return;
    }
    let request = Request {
        sources: &sources,
        since: None,
        dry_run: false,
        config: &ctx.config.capture,
        now: ctx.now,
    };
    if let Err(e) = app::capture(&mut ctx.store, &request) {
        eprintln!(
            "{}",
            t!("capture-notify-failed", error = clean(&e.to_string()))
        );
    }
}

#[derive(Serialize)]
struct Added<'a> {
    added: &'a [app::Added],
    run: &'a Run,
}

/// The sources asked for: the arguments, else the config's.
fn sources(ctx: &Ctx, args: &CaptureArgs) -> Result<Vec<SourceSpec>> {
    let kind = args
        .kind
        .as_deref()
        .map(|k| {
            SourceKind::from_name(k)
                .ok_or_else(|| Error::input(t!("capture-error-unknown-kind", kind = clean(k))))
        })
        .transpose()?;
    if args.sources.is_empty() {
        let configured = app::configured(&ctx.config.capture);
        if configured.is_empty() {
            return Err(Error::input(t!("capture-error-no-source")));
        }
        if kind.is_some() || args.name.is_some() {
            return Err(Error::input(t!("capture-error-kind-name-configured")));
        }
        return Ok(configured
            .into_iter()
            .map(|mut s| {
                s.match_names |= args.match_names;
                s
            })
            .collect());
    }
    if args.name.is_some() && args.sources.len() > 1 {
        return Err(Error::input(t!("capture-error-name-one-source")));
    }
    Ok(args
        .sources
        .iter()
        .map(|path| SourceSpec {
            path: path.clone(),
            kind,
            name: args
                .name
                .clone()
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
            match_names: args.match_names,
        })
        .collect())
}

/// "yes" or "no", for a message's selector.
fn yes(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// The word a source's items are counted in, for `capture-items`.
fn unit_of(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "mail",
        Channel::Sms => "text",
        Channel::Chat => "message",
        Channel::Call | Channel::Video | Channel::Meet => "event",
    }
}

/// Why records were skipped, as the reasons of `capture-skip` (their
/// names in `--json`; anything else is "other").
fn skip_reason(reason: &str) -> &str {
    match reason {
        "list" | "automated" | "own" | "too_many" | "undated" | "future" | "before_since"
        | "cancelled" | "declined" | "not_attended" | "yearly" | "unknown" | "seen" => reason,
        _ => "other",
    }
}

fn source_text(ctx: &Ctx, s: &SourceRun) -> String {
    let p = ctx.paint;
    let kind = s.kind.map_or("source", SourceKind::as_str);
    let source = format!("{} ({kind}, {})", p.bold(&clean(&s.name)), clean(&s.path));
    let mut out = if s.unchanged {
        t!("capture-source-unchanged", source = source)
    } else if s.read == 0 {
        t!("capture-source-nothing-new", source = source)
    } else {
        let unit = match s.kind {
            Some(SourceKind::Calendar) => "event",
            _ => "message",
        };
        t!(
            "capture-source-read",
            source = source,
            unit = unit,
            count = s.read,
            whole = yes(s.whole && s.id != 0)
        )
    };
    out.push('\n');
    if s.unchanged || s.read == 0 {
        return out;
    }
    if s.touches > 0 {
        out.push_str(&t!(
            "capture-source-touches",
            count = s.touches,
            made = s.made,
            joined = s.joined
        ));
        out.push('\n');
    }
    let skipped: Vec<String> = s
        .skipped
        .iter()
        .map(|(reason, n)| t!("capture-skip", count = *n, reason = skip_reason(reason)))
        .collect();
    if !skipped.is_empty() {
        out.push_str(&t!("capture-source-skipped", list = skipped.join(", ")));
        out.push('\n');
    }
    if s.broken > 0 {
        out.push_str(&p.yellow(&t!("capture-source-broken", count = s.broken)));
        out.push('\n');
        for example in &s.broken_examples {
            out.push_str(&format!("    {}\n", clean(example)));
        }
    }
    out
}

fn run_text(ctx: &Ctx, run: &Run) -> String {
    let lang = i18n::current();
    let mut out = String::new();
    if run.dry_run {
        out.push_str(&t!("capture-dry-run"));
        out.push('\n');
    }
    for s in &run.sources {
        out.push_str(&source_text(ctx, s));
    }
    if run.dry_run && !run.contacts.is_empty() {
        out.push_str(&format!("\n{}\n", ctx.paint.bold(&t!("capture-would-log"))));
        let mut table = Table::default();
        table.fit(&[Fit::Name, Fit::Wrap(0)]);
        for person in run.contacts.chunk_by(|a, b| a.id == b.id) {
            let parts: Vec<String> = person
                .iter()
                .map(|c| {
                    t!(
                        "capture-would-log-part",
                        glyph = text::channel_glyph(c.channel),
                        channel = text::channel_name(lang, c.channel),
                        days = c.days,
                        items = text::items_of(unit_of(c.channel), c.items)
                    )
                })
                .collect();
            table.plain(vec![clean(&person[0].name), parts.join(" · ")]);
        }
        out.push_str(&table.render_in("  ", ctx.width));
    }
    if !run.knows_me {
        out.push_str(&t!("capture-note-me"));
        out.push('\n');
    }
    out
}

fn report_text(ctx: &Ctx, report: &Report) -> String {
    let lang = i18n::current();
    let today = clock::local_day(ctx.now);
    let days = (today - report.since).num_days();
    let mut out = String::new();
    if report.unknown.is_empty() {
        out.push_str(&t!(
            "capture-report-everyone",
            days = days,
            count = report.read
        ));
        out.push('\n');
        return out;
    }
    let title = ctx
        .paint
        .bold(&t!("capture-report-title", sent = yes(report.knows_me)));
    out.push_str(&t!(
        "capture-report-since",
        title = title,
        since = text::day_in(lang, report.since, today),
        count = report.unknown.len()
    ));
    out.push('\n');
    for (i, u) in report.unknown.iter().take(20).enumerate() {
        let name = u
            .name
            .clone()
            .unwrap_or_else(|| crate::capture::report::guess_name(&u.address));
        let (what, count) = if u.sent > 0 {
            ("wrote", u.sent)
        } else if u.events > 0 {
            ("met", u.events)
        } else {
            ("received", u.received)
        };
        let line = t!(
            "capture-report-line",
            what = what,
            count = count,
            address = clean(&u.address),
            days = days,
            name = clean(&name)
        );
        out.push_str(&format!("{:>3}. {line}\n", i + 1));
    }
    out.push_str(&t!("capture-report-add-hint"));
    out.push('\n');
    if !report.knows_me {
        out.push_str(&t!("capture-report-note-me"));
        out.push('\n');
    }
    out
}

fn forget(ctx: &mut Ctx, which: &str, dry_run: bool) -> Result<String> {
    let f = app::forget(&mut ctx.store, which, dry_run)?;
    if ctx.json {
        return ctx.to_json(&f);
    }
    let g = &f.forgotten;
    let mut out = t!(
        "capture-forget",
        dry = yes(dry_run),
        name = clean(&f.source.name),
        path = clean(&f.source.path),
        count = g.removed
    );
    if g.kept > 0 {
        out.push_str(&t!("capture-forget-kept", count = g.kept));
    }
    if g.unjoined > 0 {
        out.push_str(&t!("capture-forget-unjoined", count = g.unjoined));
    }
    out.push_str(&t!("capture-forget-keys", count = g.keys));
    out.push('\n');
    Ok(out)
}

fn list(ctx: &mut Ctx) -> Result<String> {
    let known = app::known(&mut ctx.store)?;
    if ctx.json {
        return ctx.to_json(&known);
    }
    if known.is_empty() {
        return Ok(format!("{}\n", t!("capture-list-empty")));
    }
    let lang = i18n::current();
    let today = ctx.today();
    let mut t = Table::default();
    t.fit(&[Fit::Name, Fit::Keep, Fit::Keep, Fit::Keep, Fit::Cut(0)]);
    for k in &known {
        let last = match k.source.last_run_at {
            Some(at) => t!(
                "capture-list-last",
                day = text::day_in(lang, clock::local_day(at), today)
            ),
            None => t!("capture-list-never"),
        };
        t.plain(vec![
            clean(&k.source.name),
            k.source.kind.as_str().to_string(),
            t!("capture-list-touches", count = k.touches),
            last,
            clean(&k.source.path),
        ]);
    }
    Ok(t.render_in("", ctx.width))
}
