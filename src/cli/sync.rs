//! `draht sync`: one two-way pass between the database and the vdir
//! folders that vdirsyncer keeps in step with a CardDAV/CalDAV server: the
//! contacts (one .vcf each) and the calendar (each Jour fixe, follow-up
//! and touch an .ics).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::app::sync::{How, Report, pass, vdirsyncer_sync};
use crate::error::{Error, Result};
use crate::t;
use crate::text;

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(long, value_name = "DIR")]
    pub contacts: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub calendar: Option<PathBuf>,
    #[arg(long, conflicts_with = "run")]
    pub dry_run: bool,
    #[arg(long)]
    pub run: bool,
    // Look at every file, even in a folder whose time says nothing
    // changed (an edit written in place does not move it).
    #[arg(long, conflicts_with = "setup")]
    pub full: bool,
    // Print (or with `--write` write) a vdirsyncer config for the folders
    // and the server at URL, instead of a pass.
    #[arg(long, value_name = "URL", conflicts_with_all = ["run", "dry_run"])]
    pub setup: Option<String>,
    #[arg(long, requires = "setup")]
    pub write: bool,
}

#[derive(Serialize)]
struct JsonPasses<'a> {
    dry_run: bool,
    contacts: Option<JsonReport<'a>>,
    calendar: Option<JsonReport<'a>>,
    followups: Option<JsonReport<'a>>,
    touches: Option<JsonReport<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    added: &'a [String],
    updated: &'a [String],
    removed: &'a [String],
    written: &'a [String],
    deleted: &'a [String],
    merged: &'a [String],
    conflicts: Vec<JsonConflict<'a>>,
    unreadable: &'a [String],
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    contact: &'a str,
    field: &'a str,
    lost: &'a str,
}

fn json_report(report: &Report) -> JsonReport<'_> {
    JsonReport {
        added: &report.added,
        updated: &report.updated,
        removed: &report.archived,
        written: &report.written,
        deleted: &report.deleted,
        merged: &report.merged,
        conflicts: report
            .conflicts
            .iter()
            .map(|(contact, field, lost)| JsonConflict {
                contact,
                field,
                lost,
            })
            .collect(),
        unreadable: &report.unreadable,
    }
}

pub fn sync(ctx: &mut Ctx, args: &SyncArgs) -> Result<String> {
    let contacts = args
        .contacts
        .clone()
        .or_else(|| ctx.config.sync_contacts.clone());
    let calendar = args
        .calendar
        .clone()
        .or_else(|| ctx.config.sync_calendar.clone());
    if let Some(url) = &args.setup {
        return super::sync_setup::setup(ctx, url, contacts, calendar, args.write);
    }
    if contacts.is_none() && calendar.is_none() {
        return Err(Error::input(t!("error-sync-no-folder")));
    }
    if args.run {
        vdirsyncer_sync()?;
    }
    let passes = pass(
        &mut ctx.store,
        contacts.as_deref(),
        calendar.as_deref(),
        ctx.now,
        How {
            dry_run: args.dry_run,
            full: args.full,
            wall: std::time::SystemTime::now(),
        },
    )?;
    if args.run {
        vdirsyncer_sync()?;
    }
    if ctx.json {
        return ctx.to_json(&JsonPasses {
            dry_run: args.dry_run,
            contacts: passes.contacts.as_ref().map(json_report),
            calendar: passes.calendar.as_ref().map(json_report),
            followups: passes.followups.as_ref().map(json_report),
            touches: passes.touches.as_ref().map(json_report),
        });
    }
    let quiet = passes.contacts.as_ref().is_none_or(Report::is_empty)
        && passes.calendar.as_ref().is_none_or(Report::is_empty)
        && passes.followups.as_ref().is_none_or(Report::is_empty)
        && passes.touches.as_ref().is_none_or(Report::is_empty);
    if quiet {
        return Ok(format!("{}\n", t!("sync-in-step")));
    }
    let mut out = String::new();
    if args.dry_run {
        out.push_str(&format!("{}\n", t!("sync-dry-run")));
    }
    if let Some(report) = &passes.contacts {
        out.push_str(&render(report, args.dry_run, &CONTACT_WORDS));
    }
    if let Some(report) = &passes.calendar {
        out.push_str(&render(report, args.dry_run, &JOURFIXE_WORDS));
    }
    if let Some(report) = &passes.followups {
        out.push_str(&render(report, args.dry_run, &FOLLOWUP_WORDS));
    }
    if let Some(report) = &passes.touches {
        out.push_str(&render(report, args.dry_run, &TOUCH_WORDS));
    }
    Ok(out)
}

/// The message ids of one folder's lines (each selects on `$dry`).
struct Words {
    added: &'static str,
    updated: &'static str,
    removed: &'static str,
    written: &'static str,
    deleted: &'static str,
    merged: &'static str,
}

const CONTACT_WORDS: Words = Words {
    added: "sync-contacts-added",
    updated: "sync-contacts-updated",
    removed: "sync-contacts-removed",
    written: "sync-cards-written",
    deleted: "sync-cards-deleted",
    merged: "sync-contacts-merged",
};

const JOURFIXE_WORDS: Words = Words {
    added: "sync-jf-added",
    updated: "sync-jf-updated",
    removed: "sync-jf-removed",
    written: "sync-jf-written",
    deleted: "sync-calendar-deleted",
    merged: "sync-jf-merged",
};

const FOLLOWUP_WORDS: Words = Words {
    added: "sync-fu-added",
    updated: "sync-fu-updated",
    removed: "sync-fu-removed",
    written: "sync-fu-written",
    deleted: "sync-fu-deleted",
    merged: "sync-fu-merged",
};

const TOUCH_WORDS: Words = Words {
    added: "sync-touch-added",
    updated: "sync-touch-updated",
    removed: "sync-touch-removed",
    written: "sync-touch-written",
    deleted: "sync-touch-deleted",
    merged: "sync-touch-merged",
};

fn render(report: &Report, dry_run: bool, words: &Words) -> String {
    let dry = if dry_run { "yes" } else { "no" };
    let lang = crate::i18n::current();
    let mut out = String::new();
    let mut line = |id: &str, names: &[String]| {
        if !names.is_empty() {
            let names = grouped(names);
            out.push_str(&format!(
                "{}: {}\n",
                t!(lang; id, dry = dry),
                names.join(", ")
            ));
        }
    };
    line(words.added, &report.added);
    line(words.updated, &report.updated);
    line(words.removed, &report.archived);
    line(words.written, &report.written);
    line(words.deleted, &report.deleted);
    line(words.merged, &report.merged);
    line("sync-unreadable", &report.unreadable);
    for (contact, field, lost) in &report.conflicts {
        let field = text::clean(field);
        out.push_str(&format!(
            "{}\n",
            t!(
                "sync-conflict",
                contact = text::clean(contact),
                field = t!("contact-field", field = field.as_str()),
                dry = dry,
                lost = text::clean(lost)
            )
        ));
    }
    out
}

/// The names of one report line, each once: a name that comes up more than
/// once (the touches of one person) carries its count, "Anna Schmidt ×52",
/// and the most frequent come first; names seen once keep their order.
fn grouped(names: &[String]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for name in names {
        let name = text::clean(name);
        match at.get(&name) {
            Some(&i) => counts[i].1 += 1,
            None => {
                at.insert(name.clone(), counts.len());
                counts.push((name, 1));
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
        .into_iter()
        .map(|(name, n)| if n > 1 { format!("{name} ×{n}") } else { name })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn a_line_names_each_person_once_with_the_count_of_their_items() {
        let names: Vec<String> = ["Jonas", "Anna", "Jonas", "Ben", "Anna", "Anna"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(grouped(&names), ["Anna ×3", "Jonas ×2", "Ben"]);
        let once: Vec<String> = ["Clara", "Anna"].into_iter().map(String::from).collect();
        assert_eq!(grouped(&once), ["Clara", "Anna"]);
    }
}
