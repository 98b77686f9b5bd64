//! `import`, `export`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::render::{self, clean};
use super::{Ctx, sphere_arg};
use crate::app::export::address_book;
use crate::app::import::{
    ImportOptions, ImportReport, LISTED_ERRORS, import as import_batch, one_line,
};
use crate::error::{Error, Result};
use crate::fsutil::write_private;
use crate::interop::csv::write_contacts;
use crate::interop::json;
use crate::interop::source::{Format, read_batch, read_text};
use crate::interop::vcard::VcardVersion;
use crate::interop::vdir::write_vdir;
use crate::parse::parse_duration;

use crate::app;

/// How many names an import report lists before it only counts.
const LISTED: usize = 20;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .vcf file, a vdir folder of .vcf files, a .csv file, or a backup from `export json`
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// What PATH holds [default: from its name or its first line]
    #[arg(long, value_parser = ["vcard", "csv", "json"])]
    pub format: Option<String>,
    /// Cadence for imported contacts that have none: 2w, 1mo, 3mo, 1y …
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub every: Option<String>,
    /// Sphere of the contacts the import adds: work or private
    #[arg(long)]
    pub sphere: Option<String>,
    /// Show what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good cards and list the bad ones, instead of aborting
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Where an export goes.
#[derive(Debug, Args)]
pub struct OutputArg {
    /// Write to this file (owner-only) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VersionArg {
    /// vCard version to write, 4.0 or 3.0 [default: each imported card in its own (2.1 as 3.0), others 4.0]
    #[arg(long, value_name = "VERSION", value_parser = ["3.0", "4.0"])]
    pub vcard_version: Option<String>,
}

impl VersionArg {
    fn version(&self) -> Option<VcardVersion> {
        self.vcard_version
            .as_deref()
            .and_then(VcardVersion::from_name)
    }
}

/// What `draht export` writes. A format is one variant here and one arm
/// in [`export`].
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Active contacts as one vCard file
    Vcard {
        #[command(flatten)]
        out: OutputArg,
        #[command(flatten)]
        version: VersionArg,
    },
    /// One .vcf file per active contact in a folder (a vdir, for khard and vdirsyncer)
    Vdir {
        /// The folder (created owner-only if missing)
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
        #[command(flatten)]
        version: VersionArg,
    },
    /// One row per active contact, with last touch, due date and status
    Csv(OutputArg),
    /// Everything, with ids: a backup that `draht import` restores into an empty database
    Json(OutputArg),
    /// Every Jour fixe, open follow-ups and due check-ins as one calendar to subscribe to
    Ics(OutputArg),
}

pub fn import(ctx: &mut Ctx, args: &ImportArgs) -> Result<String> {
    let given = args.format.as_deref().and_then(Format::from_name);
    let format = Format::detect(&args.path, given)?;
    if format == Format::Json {
        return restore(ctx, args);
    }
    let every = args.every.as_deref().map(cadence_arg).transpose()?;
    let options = ImportOptions {
        every,
        sphere: args.sphere.as_deref().map(sphere_arg).transpose()?,
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
    };
    let batch = read_batch(&args.path, format)?;
    let report = import_batch(&mut ctx.store, batch, &options, &ctx.config, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&report);
    }
    Ok(import_text(&report, &args.path, ctx.today()))
}

/// `--every`: a duration of at least a day.
fn cadence_arg(every: &str) -> Result<u32> {
    let days = parse_duration(every)?.approx_days();
    if days == 0 {
        return Err(Error::input(format!(
            "--every {every} is no cadence; use at least a day, e.g. 2w, 1mo or 3mo"
        )));
    }
    Ok(days)
}

fn import_text(report: &ImportReport, path: &Path, today: chrono::NaiveDate) -> String {
    let counts = format!(
        "{} added, {} updated, {} unchanged",
        report.added.len(),
        report.updated.len(),
        report.unchanged
    );
    let mut out = if report.dry_run {
        format!(
            "Dry run, nothing was written. Importing {} would give: {counts}.\n",
            path.display()
        )
    } else {
        format!("Imported {}: {counts}.\n", path.display())
    };
    let lines = report
        .added
        .iter()
        .map(|name| format!("  + {}", clean(name)))
        .chain(
            report
                .updated
                .iter()
                .map(|u| format!("  ~ {} ({})", clean(&u.name), u.fields.join(", "))),
        );
    let total = report.added.len() + report.updated.len();
    for line in lines.take(LISTED) {
        out.push_str(&line);
        out.push('\n');
    }
    if total > LISTED {
        out.push_str(&format!("  … and {} more\n", total - LISTED));
    }
    if report.skipped_groups > 0 {
        out.push_str(&format!(
            "Skipped {} group card{} (a list of people, not a person).\n",
            report.skipped_groups,
            plural(report.skipped_groups)
        ));
    }
    if !report.invalid.is_empty() {
        out.push_str(&format!(
            "Skipped {} invalid record{}:\n",
            report.invalid.len(),
            plural(report.invalid.len())
        ));
        for bad in report.invalid.iter().take(LISTED_ERRORS) {
            let line = one_line(&format!("{}: {}", bad.origin, bad.reason));
            out.push_str(&format!("  {}\n", clean(&line)));
        }
        if report.invalid.len() > LISTED_ERRORS {
            out.push_str(&format!(
                "  … and {} more\n",
                report.invalid.len() - LISTED_ERRORS
            ));
        }
    }
    if let Some(spread) = &report.spread {
        out.push_str(&format!(
            "First check-ins of {} contact{} are spread from {} to {}, so they do not all come due at once.\n",
            spread.contacts,
            plural(spread.contacts),
            render::day(spread.from, today),
            render::day(spread.to, today)
        ));
    }
    if report.without_cadence > 0 {
        out.push_str(&format!(
            "{} contact{} no cadence yet: `draht triage` sets one with a single key each.\n",
            report.without_cadence,
            if report.without_cadence == 1 {
                " has"
            } else {
                "s have"
            }
        ));
    }
    out
}

/// `n` and the noun for it: "1 touch", "2 touches".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn restore(ctx: &mut Ctx, args: &ImportArgs) -> Result<String> {
    if args.every.is_some() || args.sphere.is_some() || args.skip_invalid {
        return Err(Error::input(
            "--every, --sphere and --skip-invalid are for vCard and CSV; a JSON backup is restored exactly as it was written",
        ));
    }
    let source = args.path.display().to_string();
    let backup = json::parse(&source, &read_text(&args.path)?)?;
    let now = ctx.now;
    let restored = app::backup::restore_json(&mut ctx.store, &source, &backup, args.dry_run, now)?;
    if ctx.json {
        return ctx.to_json(&restored);
    }
    let mut what = format!(
        "{}, {}, {}, {} and {}",
        count(restored.contacts, "contact", "contacts"),
        count(restored.touches, "touch", "touches"),
        count(restored.hooks, "hook", "hooks"),
        count(restored.followups, "follow-up", "follow-ups"),
        count(restored.jourfixe, "Jour fixe", "Jour fixe")
    );
    if restored.capture_sources > 0 {
        what.push_str(&format!(
            ", with {} and the {} it counted",
            count(
                restored.capture_sources,
                "capture source",
                "capture sources"
            ),
            count(restored.capture_keys, "source key", "source keys")
        ));
    }
    Ok(if restored.dry_run {
        format!("Dry run, nothing was written. {source} would restore {what}.\n")
    } else {
        format!("Restored {what} from {source}.\n")
    })
}

pub fn export(ctx: &mut Ctx, command: &ExportCommand) -> Result<String> {
    match command {
        ExportCommand::Vcard { out, version } => {
            let book = address_book(&mut ctx.store, version.version())?;
            let text: String = book.iter().map(|(_, card)| card.as_str()).collect();
            let what = format!("{} contact{}", book.len(), plural(book.len()));
            deliver(text, out, &what, |t| ctx.data(t))
        }
        ExportCommand::Vdir { output, version } => {
            let book = address_book(&mut ctx.store, version.version())?;
            let files = write_vdir(output, &book)?;
            Ok(format!(
                "Wrote {} card{} to {}.\n",
                files.len(),
                plural(files.len()),
                super::render::path(output)
            ))
        }
        ExportCommand::Csv(out) => {
            let today = ctx.today();
            let settings = ctx.config.settings.clone();
            let listing = crate::app::contacts::listing(
                &mut ctx.store,
                today,
                &settings,
                false,
                crate::app::contacts::Detail::Full,
            )?;
            let rows: Vec<_> = listing.facts.into_iter().zip(listing.checkins).collect();
            let text = write_contacts(&rows)?;
            let what = format!("{} contact{}", rows.len(), plural(rows.len()));
            deliver(text, out, &what, |t| ctx.data(t))
        }
        ExportCommand::Ics(out) => {
            let args = super::jourfixe::ExportArgs {
                format: "ics".to_string(),
                output: out.output.clone(),
            };
            let text = super::jourfixe::export_ics(ctx, &args)?;
            Ok(match out.output {
                None => ctx.data(text),
                Some(_) => text,
            })
        }
        ExportCommand::Json(out) => {
            let now = ctx.now;
            let backup = app::backup::export_json(&mut ctx.store, now)?;
            let what = format!(
                "a backup of {} and {}",
                count(backup.contacts, "contact", "contacts"),
                count(backup.touches, "touch", "touches")
            );
            deliver(backup.text, out, &what, |t| ctx.json_out(t))
        }
    }
}

/// The export text for standard output (through `for_stdout`: `Ctx::data`
/// or `Ctx::json_out`, which make it safe for a terminal), or written
/// owner-only to `-o` exactly as it is.
fn deliver(
    text: String,
    out: &OutputArg,
    what: &str,
    for_stdout: impl FnOnce(String) -> String,
) -> Result<String> {
    match &out.output {
        None => Ok(for_stdout(text)),
        Some(path) => {
            if path.is_dir() {
                return Err(Error::input(format!(
                    "{} is a folder; give a file name with -o (a folder is only for `export vdir`)",
                    path.display()
                )));
            }
            write_private(path, text.as_bytes())?;
            Ok(format!("Wrote {what} to {}.\n", super::render::path(path)))
        }
    }
}
