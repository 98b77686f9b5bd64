//! `capture`: touches from the user's mail and calendars; `--report` of
//! the people not in draht yet (`--add N` adds them); `--forget`, `--list`.

use serde::Serialize;

use super::Ctx;
use super::args::CaptureArgs;
use super::render::{Table, clean};
use crate::app::capture::{self as app, Report, Request, Run, SourceRun, SourceSpec};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Channel, SourceKind};
use crate::parse::{Lean, parse_when};
use crate::text;

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
            return Err(Error::input(
                "--add writes contacts; leave out --dry-run (or run --report alone to see who would be added)",
            ));
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
            match a.id {
                Some(_) => out.push_str(&format!("Added {} <{}>.\n", clean(&a.name), clean(&a.address))),
                None => out.push_str(&format!(
                    "Did not add {} <{}>: a contact of that name exists; give it the address with `draht edit \"{}\" --email {}`.\n",
                    clean(&a.name),
                    clean(&a.address),
                    clean(&a.name),
                    clean(&a.address)
                )),
            }
        }
        if added.is_empty() {
            out.push_str("Nobody to add.\n");
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
            SourceKind::from_name(k).ok_or_else(|| {
                Error::input(format!(
                    "unknown kind {k:?}; use {}",
                    crate::config::KIND_NAMES
                ))
            })
        })
        .transpose()?;
    let date_order = args
        .date_order
        .as_deref()
        .and_then(app::DateOrder::from_name);
    if args.sources.is_empty() {
        let configured = app::configured(&ctx.config.capture);
        if configured.is_empty() {
            return Err(Error::input(
                "no source to capture from: give a path (draht capture ~/Mail/work), or add [[capture]] sources to config.toml",
            ));
        }
        if kind.is_some() || args.name.is_some() || args.contact.is_some() {
            return Err(Error::input(
                "--kind, --name and --contact are for a SOURCE given here; the config's [[capture]] sources say their own",
            ));
        }
        return Ok(configured
            .into_iter()
            .map(|mut s| {
                s.match_names |= args.match_names;
                s.chats.groups |= args.groups;
                s.chats.date_order = date_order.or(s.chats.date_order);
                s
            })
            .collect());
    }
    if args.name.is_some() && args.sources.len() > 1 {
        return Err(Error::input(
            "--name names one source; give one SOURCE with it, or capture them one at a time",
        ));
    }
    if args.contact.is_some() && args.sources.len() > 1 {
        return Err(Error::input(
            "--contact says who one chat is with; give one SOURCE with it, or capture them one at a time",
        ));
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
            chats: app::ChatSpec {
                groups: args.groups,
                date_order,
                contact: args
                    .contact
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(String::from),
            },
        })
        .collect())
}

fn num(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", num(n), if n == 1 { one } else { many })
}

/// Why records were skipped, in words.
fn skip_words(reason: &str) -> &'static str {
    match reason {
        "list" => "lists and bulk mail",
        "automated" => "sent by machines",
        "own" => "only between your own addresses",
        "too_many" => "with too many people",
        "undated" => "without a date",
        "future" => "still to come",
        "before_since" => "before --since",
        "cancelled" => "cancelled",
        "declined" => "declined",
        "not_attended" => "not accepted by you",
        "yearly" => "birthdays and anniversaries",
        "unknown" => "with nobody in draht",
        "seen" => "counted before",
        "not_sent" => "drafts and unsent texts",
        "refused" => "calls you rejected or blocked",
        "tried" => "calls you did not take",
        "system" => "lines the app wrote itself",
        "group" => "group chats (--groups counts them)",
        _ => "other",
    }
}

fn source_text(ctx: &Ctx, s: &SourceRun) -> String {
    let p = ctx.paint;
    let kind = s.kind.map_or("source", SourceKind::as_str);
    let mut out = format!("{} ({kind}, {})", p.bold(&clean(&s.name)), clean(&s.path));
    if s.unchanged {
        out.push_str(": unchanged since the last capture.\n");
        return out;
    }
    let unit = match s.kind {
        Some(SourceKind::Calendar) => ("event", "events"),
        Some(SourceKind::SmsBackup) => ("call or text", "calls and texts"),
        _ => ("message", "messages"),
    };
    if s.read == 0 {
        out.push_str(": nothing new since the last capture.\n");
        return out;
    }
    out.push_str(&format!(": {} read", plural(s.read, unit.0, unit.1)));
    if s.whole && s.id != 0 {
        out.push_str(" from the start");
    }
    out.push('\n');
    if s.touches > 0 {
        out.push_str(&format!(
            "  {} with contacts: {} made, {} added to touches already there\n",
            num(s.touches),
            plural(s.made, "touch", "touches"),
            num(s.joined),
        ));
    }
    let skipped: Vec<String> = s
        .skipped
        .iter()
        .map(|(reason, n)| format!("{} {}", num(*n), skip_words(reason)))
        .collect();
    if !skipped.is_empty() {
        out.push_str(&format!("  skipped: {}\n", skipped.join(", ")));
    }
    if s.broken > 0 {
        out.push_str(&format!(
            "  {} skipped as unreadable, such as:\n",
            p.yellow(&plural(s.broken, "record", "records"))
        ));
        for example in &s.broken_examples {
            out.push_str(&format!("    {}\n", clean(example)));
        }
    }
    out
}

/// The unit of `n` items on `channel`: "3 mails", "1 event".
fn items_on(channel: Channel, n: u32) -> String {
    let (one, many) = match channel {
        Channel::Email => ("mail", "mails"),
        Channel::Sms => ("text", "texts"),
        Channel::Chat => ("message", "messages"),
        Channel::Call | Channel::Video | Channel::Meet => ("event", "events"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

fn run_text(ctx: &Ctx, run: &Run) -> String {
    let mut out = String::new();
    if run.dry_run {
        out.push_str("Dry run: nothing was written.\n");
    }
    for s in &run.sources {
        out.push_str(&source_text(ctx, s));
    }
    if run.dry_run && !run.contacts.is_empty() {
        out.push_str(&format!("\n{}\n", ctx.paint.bold("Would log")));
        let mut table = Table::default();
        let mut i = 0;
        while i < run.contacts.len() {
            let id = run.contacts[i].id;
            let mut parts = Vec::new();
            while i < run.contacts.len() && run.contacts[i].id == id {
                let c = &run.contacts[i];
                let days = if c.days == 1 {
                    "1 day".to_string()
                } else {
                    format!("{} days", c.days)
                };
                parts.push(format!(
                    "{} {} on {days} ({})",
                    text::channel_glyph(c.channel),
                    c.channel.as_str(),
                    items_on(c.channel, c.items)
                ));
                i += 1;
            }
            let name = run.contacts[i - 1].name.clone();
            table.plain(vec![clean(&name), parts.join(" · ")]);
        }
        out.push_str(&table.render("  "));
    }
    for t in &run.tried {
        let today = clock::local_day(ctx.now);
        let last = clock::local_day(t.last);
        out.push_str(&format!(
            "{} tried to call you ({}, the last {}).\n",
            ctx.paint.bold(&clean(&t.name)),
            plural(u64::from(t.calls), "call", "calls"),
            text::day(last, today)
        ));
    }
    if run.needs_region {
        out.push_str(
            "Note: set your country in config.toml ([me] region = \"DE\") so that numbers without a country code (0170 1234567) match +49 170 1234567.\n",
        );
    }
    let mail_read = run
        .sources
        .iter()
        .any(|s| s.kind.is_none_or(|k| !k.is_phone()));
    if !run.knows_me && mail_read {
        out.push_str(
            "Note: set your own addresses in config.toml ([me] emails = [\"you@example.org\"]) so that the mail you send counts, and mail between your own addresses does not.\n",
        );
    }
    out
}

fn report_text(ctx: &Ctx, report: &Report) -> String {
    let today = clock::local_day(ctx.now);
    let days = (today - report.since).num_days();
    let mut out = String::new();
    if report.unknown.is_empty() {
        out.push_str(&format!(
            "Everyone you wrote to in the last {days} days is in draht ({} read).\n",
            plural(report.read, "message or event", "messages and events")
        ));
        return out;
    }
    let shown = report.unknown.iter().take(20);
    out.push_str(&format!(
        "{} since {} ({} of them):\n",
        ctx.paint.bold(if report.knows_me {
            "The people you wrote to most who are not in draht"
        } else {
            "The people who wrote to you most who are not in draht"
        }),
        text::day(report.since, today),
        num(report.unknown.len() as u64)
    ));
    for (i, u) in shown.enumerate() {
        let name = u
            .name
            .clone()
            .unwrap_or_else(|| crate::capture::report::guess_name(&u.address));
        let what = if u.sent > 0 {
            format!(
                "You wrote {} to",
                plural(u64::from(u.sent), "time", "times")
            )
        } else if u.events > 0 {
            format!(
                "You met {} with",
                plural(u64::from(u.events), "time", "times")
            )
        } else {
            format!("{} from", plural(u64::from(u.received), "mail", "mails"))
        };
        out.push_str(&format!(
            "{:>3}. {what} {} in {days} days — `draht add \"{}\" --email {}`?\n",
            i + 1,
            clean(&u.address),
            clean(&name),
            clean(&u.address)
        ));
    }
    out.push_str("Add the first N of them with `draht capture --report --add N`.\n");
    if !report.knows_me {
        out.push_str(
            "Note: set [me] emails in config.toml so that draht can tell the mail you wrote.\n",
        );
    }
    out
}

fn forget(ctx: &mut Ctx, which: &str, dry_run: bool) -> Result<String> {
    let f = app::forget(&mut ctx.store, which, dry_run)?;
    if ctx.json {
        return ctx.to_json(&f);
    }
    let g = &f.forgotten;
    let mut out = format!(
        "{} {} ({}): removed {}",
        if dry_run { "Would forget" } else { "Forgot" },
        clean(&f.source.name),
        clean(&f.source.path),
        plural(g.removed as u64, "touch", "touches"),
    );
    if g.kept > 0 {
        out.push_str(&format!(
            ", kept {} that you wrote on or another source also has",
            plural(g.kept as u64, "touch", "touches")
        ));
    }
    if g.unjoined > 0 {
        out.push_str(&format!(
            ", left {} you logged yourself as they were",
            plural(g.unjoined as u64, "touch", "touches")
        ));
    }
    out.push_str(&format!(
        " and dropped {}.\n",
        plural(g.keys as u64, "key", "keys")
    ));
    Ok(out)
}

fn list(ctx: &mut Ctx) -> Result<String> {
    let known = app::known(&mut ctx.store)?;
    if ctx.json {
        return ctx.to_json(&known);
    }
    if known.is_empty() {
        return Ok(
            "Nothing captured yet: try `draht capture ~/Mail` or `draht capture ~/.calendars`.\n"
                .to_string(),
        );
    }
    let today = ctx.today();
    let mut t = Table::default();
    for k in &known {
        let last = k
            .source
            .last_run_at
            .map(|at| text::day(clock::local_day(at), today))
            .unwrap_or_else(|| "never finished".to_string());
        t.plain(vec![
            clean(&k.source.name),
            k.source.kind.as_str().to_string(),
            plural(k.touches as u64, "touch", "touches"),
            format!("last {last}"),
            clean(&k.source.path),
        ]);
    }
    let mut out = t.render("");
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}
