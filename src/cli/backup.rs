//! `backup` and `check`: a consistent copy of the live database, and a
//! health report in words.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::app;
use crate::app::backup::{Dangling, Health, default_backup_path};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy [default: draht-YYYYMMDD-HHMMSS.db next to the database]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Serialize)]
struct BackupDone {
    path: PathBuf,
    bytes: u64,
    contacts: i64,
    touches: i64,
}

/// Copies the database with SQLite's online backup API: safe while other
/// drahts (or the TUI) keep writing.
pub fn backup(ctx: &mut Ctx, args: &BackupArgs) -> Result<String> {
    let target = match (&args.output, ctx.store.path()) {
        (Some(path), _) => path.clone(),
        (None, Some(db)) => default_backup_path(db, ctx.local_now()),
        (None, None) => {
            return Err(Error::input(
                "this database lives in memory (--demo); name a file for the copy with -o FILE",
            ));
        }
    };
    let copied = app::backup::copy(&ctx.store, &target)?;
    let done = BackupDone {
        contacts: copied.contacts,
        touches: copied.touches,
        path: target,
        bytes: copied.bytes,
    };
    if ctx.json {
        return ctx.to_json(&done);
    }
    Ok(format!(
        "Backed up {} contacts and {} touches to {} ({}).\nTo restore: quit draht, move the database and its -wal and -shm files aside, and copy this file in its place.\n",
        done.contacts,
        done.touches,
        super::render::path(&done.path),
        size(done.bytes)
    ))
}

fn size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{} KB", bytes.div_ceil(1024)),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

/// Runs the integrity and foreign-key checks; an unhealthy database is an
/// error (exit 1) that says what is wrong and what to do.
pub fn check(ctx: &mut Ctx) -> Result<String> {
    let health = app::backup::check(&ctx.store)?;
    let place = ctx
        .store
        .path()
        .map_or_else(|| "the database".to_string(), super::render::path);
    if !health.is_ok() {
        return Err(Error::Database(format!(
            "{place} is damaged: {}; keep this file, and restore your latest backup (see \"Your data\" in the README)",
            problems(&health)
        )));
    }
    if ctx.json {
        return ctx.to_json(&health);
    }
    let others = if health.other_tables.is_empty() {
        String::new()
    } else {
        format!(
            "  also: {} — not draht's, left as {}\n",
            health
                .other_tables
                .iter()
                .map(|t| super::render::clean(t))
                .collect::<Vec<_>>()
                .join(", "),
            if health.other_tables.len() == 1 {
                "it is"
            } else {
                "they are"
            }
        )
    };
    Ok(format!(
        "{place} is healthy.\n  integrity: ok — every page and index is consistent\n  references: ok — every touch, hook and follow-up belongs to an existing contact\n  schema: ok — the tables, columns, indexes and triggers of level {}{}\n{others}  {} contacts, {} touches\n",
        health.schema_level,
        if health.schema_level == health.latest_level {
            " (current)".to_string()
        } else {
            format!(
                " (the next command upgrades it to level {})",
                health.latest_level
            )
        },
        health.contacts,
        health.touches
    ))
}

/// The problems in one line, the first few of each kind.
fn problems(health: &Health) -> String {
    const SHOWN: usize = 3;
    let mut parts = Vec::new();
    if !health.integrity.is_empty() {
        let mut text = format!(
            "the integrity check found {} problem{}: {}",
            health.integrity.len(),
            plural(health.integrity.len()),
            health
                .integrity
                .iter()
                .take(SHOWN)
                .map(|p| super::render::clean(p))
                .collect::<Vec<_>>()
                .join("; ")
        );
        if health.integrity.len() > SHOWN {
            text.push_str("; …");
        }
        parts.push(text);
    }
    if !health.schema.is_empty() {
        let mut text = format!(
            "its schema is not that of level {} ({}",
            health.schema_level,
            health
                .schema
                .iter()
                .take(SHOWN)
                .map(|p| super::render::clean(p))
                .collect::<Vec<_>>()
                .join("; ")
        );
        if health.schema.len() > SHOWN {
            text.push_str("; …");
        }
        text.push(')');
        parts.push(text);
    }
    if !health.dangling.is_empty() {
        let shown: Vec<String> = health
            .dangling
            .iter()
            .take(SHOWN)
            .map(dangling_text)
            .collect();
        let mut text = format!(
            "{} row{} point at missing records ({}",
            health.dangling.len(),
            plural(health.dangling.len()),
            shown.join(", ")
        );
        if health.dangling.len() > SHOWN {
            text.push_str(", …");
        }
        text.push(')');
        parts.push(text);
    }
    parts.join("; ")
}

fn dangling_text(d: &Dangling) -> String {
    match d.rowid {
        Some(id) => format!("{} row {id} → {}", d.table, d.parent),
        None => format!("a {} row → {}", d.table, d.parent),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
