//! `backup` and `check`: a consistent copy of the live database, and a
//! health report in words.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::app;
use crate::app::backup::{Dangling, Health, default_backup_path};
use crate::error::{Error, Result};
use crate::{i18n, t, tr};

#[derive(Debug, Args)]
pub struct BackupArgs {
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
            return Err(Error::input(tr!("error-backup-demo")));
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
        "{}\n{}\n",
        t!(
            "backup-done",
            contacts = done.contacts,
            touches = done.touches,
            path = super::render::path(&done.path),
            size = size(done.bytes)
        ),
        tr!("backup-restore")
    ))
}

fn size(bytes: u64) -> String {
    let lang = i18n::current();
    match bytes {
        0..1024 => t!("size-bytes", count = bytes),
        1024..1_048_576 => t!(
            "size-kb",
            count = crate::text::number(lang, bytes.div_ceil(1024))
        ),
        _ => t!(
            "size-mb",
            count = crate::text::decimal(lang, bytes as f64 / 1_048_576.0)
        ),
    }
}

/// Runs the integrity and foreign-key checks; an unhealthy database is an
/// error (exit 1) that says what is wrong and what to do.
pub fn check(ctx: &mut Ctx) -> Result<String> {
    let health = app::backup::check(&ctx.store)?;
    let place = ctx.store.path().map_or_else(
        || tr!("check-the-database").to_string(),
        super::render::path,
    );
    if !health.is_ok() {
        return Err(Error::Database(t!(
            "error-check-damaged",
            place = place,
            problems = problems(&health)
        )));
    }
    if ctx.json {
        return ctx.to_json(&health);
    }
    let others = match health.other_tables.len() {
        0 => String::new(),
        count => format!(
            "  {}\n",
            t!(
                "check-other-tables",
                count = count,
                tables = health
                    .other_tables
                    .iter()
                    .map(|t| super::render::clean(t))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        ),
    };
    let schema = match health.schema_level == health.latest_level {
        true => t!("check-schema-ok-current", level = health.schema_level),
        false => t!(
            "check-schema-ok-upgrade",
            level = health.schema_level,
            latest = health.latest_level
        ),
    };
    Ok(format!(
        "{}\n  {}\n  {}\n  {schema}\n{others}  {}\n",
        t!("check-healthy", place = place),
        tr!("check-integrity-ok"),
        tr!("check-references-ok"),
        t!(
            "check-counts",
            contacts = health.contacts,
            touches = health.touches
        )
    ))
}

/// The problems in one line, the first few of each kind.
fn problems(health: &Health) -> String {
    const SHOWN: usize = 3;
    let mut parts = Vec::new();
    if !health.integrity.is_empty() {
        let mut text = t!(
            "check-integrity-problems",
            count = health.integrity.len(),
            problems = health
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
        let mut shown = health
            .schema
            .iter()
            .take(SHOWN)
            .map(|p| super::render::clean(p))
            .collect::<Vec<_>>()
            .join("; ");
        if health.schema.len() > SHOWN {
            shown.push_str("; …");
        }
        parts.push(t!(
            "check-schema-problems",
            level = health.schema_level,
            problems = shown
        ));
    }
    if !health.dangling.is_empty() {
        let shown: Vec<String> = health
            .dangling
            .iter()
            .take(SHOWN)
            .map(dangling_text)
            .collect();
        let mut rows = shown.join(", ");
        if health.dangling.len() > SHOWN {
            rows.push_str(", …");
        }
        let text = t!("check-dangling", count = health.dangling.len(), rows = rows);
        parts.push(text);
    }
    parts.join("; ")
}

fn dangling_text(d: &Dangling) -> String {
    match d.rowid {
        Some(id) => t!(
            "check-dangling-row",
            table = d.table.as_str(),
            id = id,
            parent = d.parent.as_str()
        ),
        None => t!(
            "check-dangling-a-row",
            table = d.table.as_str(),
            parent = d.parent.as_str()
        ),
    }
}
