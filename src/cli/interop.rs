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
use crate::{t, tr};

/// How many names an import report lists before it only counts.
const LISTED: usize = 20;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    #[arg(long, value_parser = ["vcard", "csv", "json"])]
    pub format: Option<String>,
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub every: Option<String>,
    #[arg(long)]
    pub sphere: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub skip_invalid: bool,
}

// Where an export goes.
#[derive(Debug, Args)]
pub struct OutputArg {
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VersionArg {
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

// What `draht export` writes. A format is one variant here and one arm
// in [`export`].
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    Vcard {
        #[command(flatten)]
        out: OutputArg,
        #[command(flatten)]
        version: VersionArg,
    },
    Vdir {
        #[arg(short = 'o', long = "output", value_name = "DIR")]
        output: PathBuf,
        #[command(flatten)]
        version: VersionArg,
    },
    Csv(OutputArg),
    Json(OutputArg),
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
        return Err(Error::input(t!("error-import-every", every = every)));
    }
    Ok(days)
}

fn import_text(report: &ImportReport, path: &Path, today: chrono::NaiveDate) -> String {
    let counts = t!(
        "import-counts",
        added = report.added.len(),
        updated = report.updated.len(),
        unchanged = report.unchanged
    );
    let path = path.display().to_string();
    let mut out = match report.dry_run {
        true => t!("import-dry-run", path = path, counts = counts),
        false => t!("import-done", path = path, counts = counts),
    };
    out.push('\n');
    let lines = report
        .added
        .iter()
        .map(|name| format!("  + {}", clean(name)))
        .chain(report.updated.iter().map(|u| {
            let fields: Vec<String> = u
                .fields
                .iter()
                .map(|&field| t!("contact-field", field = field))
                .collect();
            format!("  ~ {} ({})", clean(&u.name), fields.join(", "))
        }));
    let total = report.added.len() + report.updated.len();
    for line in lines.take(LISTED) {
        out.push_str(&line);
        out.push('\n');
    }
    if total > LISTED {
        out.push_str(&format!("  … {}\n", t!("and-more", count = total - LISTED)));
    }
    if report.skipped_groups > 0 {
        out.push_str(&t!("import-skipped-groups", count = report.skipped_groups));
        out.push('\n');
    }
    if !report.invalid.is_empty() {
        out.push_str(&t!("import-skipped-invalid", count = report.invalid.len()));
        out.push('\n');
        for bad in report.invalid.iter().take(LISTED_ERRORS) {
            let line = one_line(&format!("{}: {}", bad.origin, bad.reason));
            out.push_str(&format!("  {}\n", clean(&line)));
        }
        if report.invalid.len() > LISTED_ERRORS {
            out.push_str(&format!(
                "  … {}\n",
                t!("and-more", count = report.invalid.len() - LISTED_ERRORS)
            ));
        }
    }
    if let Some(spread) = &report.spread {
        out.push_str(&t!(
            "import-spread",
            count = spread.contacts,
            from = render::day(spread.from, today),
            to = render::day(spread.to, today)
        ));
        out.push('\n');
    }
    if report.without_cadence > 0 {
        out.push_str(&t!(
            "import-without-cadence",
            count = report.without_cadence
        ));
        out.push('\n');
    }
    out
}

fn restore(ctx: &mut Ctx, args: &ImportArgs) -> Result<String> {
    if args.every.is_some() || args.sphere.is_some() || args.skip_invalid {
        return Err(Error::input(tr!("error-restore-options")));
    }
    let source = args.path.display().to_string();
    let backup = json::parse(&source, &read_text(&args.path)?)?;
    let now = ctx.now;
    let restored = app::backup::restore_json(&mut ctx.store, &source, &backup, args.dry_run, now)?;
    if ctx.json {
        return ctx.to_json(&restored);
    }
    let mut what = t!(
        "restore-what",
        contacts = restored.contacts,
        touches = restored.touches,
        hooks = restored.hooks,
        followups = restored.followups,
        jourfixe = restored.jourfixe
    );
    if restored.capture_sources > 0 {
        what.push_str(&t!(
            "restore-capture",
            sources = restored.capture_sources,
            keys = restored.capture_keys
        ));
    }
    let mut out = match restored.dry_run {
        true => t!("restore-dry-run", source = source, what = what),
        false => t!("restore-done", source = source, what = what),
    };
    out.push('\n');
    Ok(out)
}

pub fn export(ctx: &mut Ctx, command: &ExportCommand) -> Result<String> {
    match command {
        ExportCommand::Vcard { out, version } => {
            let book = address_book(&mut ctx.store, version.version())?;
            let text: String = book.iter().map(|(_, card)| card.as_str()).collect();
            let what = t!("export-contacts", count = book.len());
            deliver(text, out, &what, |t| ctx.data(t))
        }
        ExportCommand::Vdir { output, version } => {
            let book = address_book(&mut ctx.store, version.version())?;
            let files = write_vdir(output, &book)?;
            Ok(format!(
                "{}\n",
                t!(
                    "export-vdir-done",
                    count = files.len(),
                    path = super::render::path(output)
                )
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
            let what = t!("export-contacts", count = rows.len());
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
            let what = t!(
                "export-backup",
                contacts = backup.contacts,
                touches = backup.touches
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
                return Err(Error::input(t!(
                    "error-export-folder",
                    path = path.display().to_string()
                )));
            }
            write_private(path, text.as_bytes())?;
            Ok(format!(
                "{}\n",
                t!("export-done", what = what, path = super::render::path(path))
            ))
        }
    }
}
