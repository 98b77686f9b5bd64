//! `draht sync`: one two-way pass between the database and the contacts
//! vdir that vdirsyncer keeps in step with a CardDAV server.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::app::sync::{Report, pass};
use crate::error::{Error, Result};
use crate::text;

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The contacts vdir (one .vcf per contact) [default: [sync] contacts in the config]
    #[arg(long, value_name = "DIR")]
    pub contacts: Option<PathBuf>,
    /// Show what each side would change; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    dry_run: bool,
    added: &'a [String],
    updated: &'a [String],
    archived: &'a [String],
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

pub fn sync(ctx: &mut Ctx, args: &SyncArgs) -> Result<String> {
    let dir = args
        .contacts
        .clone()
        .or_else(|| ctx.config.sync_contacts.clone())
        .ok_or_else(|| {
            Error::input(
                "no contacts folder to sync; pass --contacts DIR or set [sync] contacts = \"~/.contacts/draht\" in the config",
            )
        })?;
    let report = pass(&mut ctx.store, &dir, ctx.now, args.dry_run)?;
    if ctx.json {
        return ctx.to_json(&JsonReport {
            dry_run: args.dry_run,
            added: &report.added,
            updated: &report.updated,
            archived: &report.archived,
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
        });
    }
    Ok(render(&report, args.dry_run))
}

fn render(report: &Report, dry_run: bool) -> String {
    if report.is_empty() {
        return "In step: nothing changed on either side.\n".to_string();
    }
    let (would, prefix) = if dry_run {
        ("would be ", "Dry run, nothing changed.\n")
    } else {
        ("", "")
    };
    let mut out = prefix.to_string();
    let mut line = |what: &str, names: &[String]| {
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|n| text::clean(n)).collect();
            out.push_str(&format!("{what}: {}\n", names.join(", ")));
        }
    };
    line(
        &format!("Contacts {would}added from the folder"),
        &report.added,
    );
    line(
        &format!("Contacts {would}updated from their cards"),
        &report.updated,
    );
    line(
        &format!("Contacts {would}archived (card deleted)"),
        &report.archived,
    );
    line(&format!("Cards {would}written"), &report.written);
    line(
        &format!("Cards {would}deleted (contact archived here)"),
        &report.deleted,
    );
    line(
        &format!("Contacts {would}merged (both sides changed)"),
        &report.merged,
    );
    line(
        "Files left alone (not a card draht can read)",
        &report.unreadable,
    );
    for (contact, field, lost) in &report.conflicts {
        out.push_str(&format!(
            "Conflict: {} {}: the other value {} kept in the note: {}\n",
            text::clean(contact),
            text::clean(field),
            if dry_run { "would be" } else { "is" },
            text::clean(lost)
        ));
    }
    out
}
