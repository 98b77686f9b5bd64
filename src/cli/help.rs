//! `--help`, the manual and the completions' descriptions in the
//! interface language. The clap types in `args` carry no words: every
//! about and help text is message `cmd-PATH` or `arg-PATH-ID` (else the
//! shared `arg-ID`) of the .ftl files, put on a `Command` built at run
//! time ([`command`]). A run that parses needs none of it: [`parse`]
//! parses with the bare command and asks for the words only to print help,
//! a version or a usage error.
//!
//! In German the parts clap writes itself are German too: the headings
//! (Befehle, Argumente, Optionen, Globale Optionen, Aufruf), the help and
//! version flags and the help command, the defaults, environment
//! variables and possible values after a help text, and the first line of
//! a usage error.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::args::{Cli, GLOBAL};
use crate::i18n::{self, Lang};
use crate::{t, tr};

/// The name of the root command in message ids: `cmd-draht`.
const ROOT: &str = "draht";

/// Parses the command line. The bare command (no words) parses; help, a
/// version or a mistake parse again with the words in the language
/// `--lang`, the config or the locale choose, and print from there.
pub fn parse() -> Cli {
    parse_from(std::env::args_os())
}

/// [`parse`] of `args`.
pub fn parse_from(args: impl IntoIterator<Item = OsString>) -> Cli {
    let args: Vec<OsString> = args.into_iter().collect();
    match Cli::command().try_get_matches_from(&args) {
        Ok(matches) => {
            if let Ok(cli) = Cli::from_arg_matches(&matches) {
                return cli;
            }
        }
        // The version reads the same in every language: clap reports it
        // as an error, and building the localized command line for it
        // (with the config read for its language) was 6 of the 7.9
        // million instructions of `draht --version`.
        Err(error) if error.kind() == ErrorKind::DisplayVersion => error.exit(),
        Err(_) => {}
    }
    early_language(&args);
    let error = match command().try_get_matches_from(&args) {
        Ok(matches) => match Cli::from_arg_matches(&matches) {
            Ok(cli) => return cli,
            Err(error) => error,
        },
        Err(error) => error,
    };
    exit(error)
}

/// The language for help and usage errors, before the command line is
/// parsed: `--lang` as typed, then the config's `language` (the file
/// `--config` or `DRAHT_CONFIG` names, else the default one), then the
/// locale. The run that follows chooses the same way.
pub fn early_language(args: &[OsString]) {
    let value_of = |name: &str| -> Option<String> {
        let words: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let prefix = format!("{name}=");
        words
            .iter()
            .enumerate()
            .find_map(|(i, w)| match w.strip_prefix(&prefix) {
                Some(value) => Some(value.to_string()),
                None if w == name => words.get(i + 1).cloned(),
                None => None,
            })
    };
    let flag = value_of("--lang").as_deref().and_then(Lang::from_code);
    let config = value_of("--config")
        .or_else(|| std::env::var("DRAHT_CONFIG").ok())
        .filter(|p| !p.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(super::default_config_path)
        .and_then(|path| crate::config::Config::load(&path).ok())
        .and_then(|config| config.language);
    i18n::select(flag, config);
}

/// The whole command line with its words in the current language, built.
pub fn command() -> Command {
    let lang = i18n::current();
    let mut cmd = localized(lang);
    cmd.build();
    finish(cmd, lang)
}

/// The command line with its words in `lang`, not built yet (the manual
/// leaves out the help command first); [`finish`] it after building.
pub fn localized(lang: Lang) -> Command {
    let cmd = Cli::command();
    let globals_long = cmd
        .get_arguments()
        .any(|a| a.is_global_set() && wants_long(a));
    localize(cmd, ROOT, lang, globals_long)
}

/// A message of the help texts: `id` in `lang`, or `None` when there is
/// none.
fn message(lang: Lang, id: &str) -> Option<String> {
    i18n::lookup(lang, id, None)
}

/// The help of an argument `id` of the command at `path`: its own
/// message, else the one its namesakes share.
fn arg_message(lang: Lang, path: &str, id: &str, suffix: &str) -> Option<String> {
    let id = id.replace('_', "-");
    message(lang, &format!("arg-{path}-{id}{suffix}"))
        .or_else(|| message(lang, &format!("arg-{id}{suffix}")))
}

/// The words of `cmd` (at `path`: `log`, `jourfixe-add`) and its
/// subcommands, in `lang`.
fn localize(mut cmd: Command, path: &str, lang: Lang, globals_long: bool) -> Command {
    let root = path == ROOT;
    if let Some(about) = message(lang, &format!("cmd-{path}")) {
        cmd = cmd.about(about);
    }
    if let Some(long) = message(lang, &format!("cmd-{path}-long")) {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = message(lang, &format!("cmd-{path}-after")) {
        cmd = cmd.after_help(after);
    }
    if let Some(after) = message(lang, &format!("cmd-{path}-after-long")) {
        cmd = cmd.after_long_help(after);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .filter(|a| root || !a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        let help = arg_message(lang, path, id, "");
        let long = arg_message(lang, path, id, "-long");
        cmd = cmd.mut_arg(id, |mut arg| {
            if let Some(help) = help {
                arg = arg.help(help);
            }
            if let Some(long) = long {
                arg = arg.long_help(long);
            }
            match lang {
                Lang::En => arg,
                _ => in_other_words(arg, lang),
            }
        });
    }
    // clap's own --help and --version, with their words from the messages
    let long = wants_long_help(&cmd, globals_long);
    let mut help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help);
    help = match long {
        true => help
            .help(tr!(lang; "help-flag-more"))
            .long_help(tr!(lang; "help-flag-summary")),
        false => help.help(tr!(lang; "help-flag")),
    };
    let version = Arg::new("version")
        .short('V')
        .long("version")
        .action(ArgAction::Version)
        .help(tr!(lang; "version-flag"));
    if lang != Lang::En {
        help = help.help_heading(tr!(lang; "help-heading-options"));
        cmd = cmd
            .subcommand_help_heading(tr!(lang; "help-heading-commands"))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                tr!(lang; "help-usage")
            ));
    }
    cmd = cmd.disable_help_flag(true).arg(help);
    if root && cmd.get_version().is_some() {
        let version = match lang {
            Lang::En => version,
            _ => version.help_heading(tr!(lang; "help-heading-options")),
        };
        cmd = cmd.disable_version_flag(true).arg(version);
    }
    if root && lang != Lang::En {
        // clap orders the headings by their first argument: the help and
        // version flags (Optionen) go before the global options, as the
        // nameless heading does in English. Before the build, `mut_arg`
        // only moves an argument to the end.
        for id in &ids {
            cmd = cmd.mut_arg(id, |arg| arg);
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = match root {
            true => name.clone(),
            false => format!("{path}-{name}"),
        };
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_path, lang, globals_long));
    }
    cmd
}

/// An argument's headings and clap's notes after its help (defaults,
/// environment variable, possible values) in the words of `lang`.
fn in_other_words(mut arg: Arg, lang: Lang) -> Arg {
    let heading = match (arg.get_help_heading(), arg.is_positional()) {
        (Some(GLOBAL), _) => "help-heading-global",
        (Some(_), _) => "",
        (None, true) => "help-heading-arguments",
        (None, false) => "help-heading-options",
    };
    if !heading.is_empty() {
        arg = arg.help_heading(tr!(lang; heading));
    }
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = match arg.is_hide_env_values_set() {
            true => String::new(),
            false => format!(
                "={}",
                std::env::var_os(env)
                    .map(|v| v.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
        };
        notes.push(t!(
            lang;
            "help-env",
            name = env.to_string_lossy().into_owned(),
            value = value
        ));
    }
    let takes_value = arg.get_action().takes_values();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        notes.push(t!(lang; "help-default", value = defaults.join(" ")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_value && !arg.is_hide_possible_values_set() && !values.is_empty() {
        notes.push(t!(lang; "help-possible-values", values = values.join(", ")));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(StyledStr::to_string).unwrap_or_default();
    let text = match help.is_empty() {
        true => notes.join(" "),
        false => format!("{help} {}", notes.join(" ")),
    };
    arg.help(text)
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// Whether an argument gives `--help` more to say than `-h` (clap's rule).
fn wants_long(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && (arg.get_long_help().is_some()
            || arg.is_hide_long_help_set()
            || arg.is_hide_short_help_set()
            || (!arg.is_hide_possible_values_set()
                && arg
                    .get_possible_values()
                    .iter()
                    .any(|v| v.get_help().is_some() && !v.is_hide_set())))
}

/// Whether `--help` says more than `-h` for `cmd`, as clap decides it for
/// its own help flag (the global arguments join a subcommand later).
fn wants_long_help(cmd: &Command, globals_long: bool) -> bool {
    cmd.get_long_about().is_some()
        || cmd.get_before_long_help().is_some()
        || cmd.get_after_long_help().is_some()
        || cmd.get_arguments().any(wants_long)
        || globals_long
}

/// What only a built command has: the help command's words. An argument
/// is changed here only where it is a command's one argument (the help
/// command's): `mut_arg` on a built command moves the argument to the end
/// of the list, and the names clap looked up at build time would then
/// point at other arguments. So the root's global options stay under
/// Globale Optionen, as they stay under Global options in English.
pub fn finish(mut cmd: Command, lang: Lang) -> Command {
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |help| {
            let help = help.about(tr!(lang; "help-command"));
            let has_arg = help.get_arguments().any(|a| a.get_id() == "subcommand");
            match has_arg {
                true => help.mut_arg("subcommand", |a| a.help(tr!(lang; "help-command-arg"))),
                false => help,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| finish(sub, lang));
    }
    cmd
}

/// Prints `error` (help, a version, or a mistake in the command line) and
/// exits: in English as clap words it, in another language with its
/// first line and clap's notes in that language.
pub fn exit(error: clap::Error) -> ! {
    let lang = i18n::current();
    if lang == Lang::En || !error.use_stderr() {
        error.exit();
    }
    eprint!("{}", in_language(&error, lang));
    std::process::exit(2);
}

/// A usage error in `lang`: clap's first line in its words, then the
/// usage and the hint where to read more.
pub fn in_language(error: &clap::Error, lang: Lang) -> String {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = string(ContextKind::InvalidArg).unwrap_or_default();
    let value = string(ContextKind::InvalidValue).unwrap_or_default();
    let first = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            Some(t!(lang; "clap-value-missing", arg = arg))
        }
        ErrorKind::InvalidValue => Some(t!(
            lang;
            "clap-invalid-value",
            arg = arg,
            value = value,
            values = strings(ContextKind::ValidValue).join(", ")
        )),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|e| e.to_string())
                .unwrap_or_default();
            Some(t!(lang; "clap-value-validation", arg = arg, value = value, problem = why))
        }
        ErrorKind::UnknownArgument => Some(t!(lang; "clap-unknown-argument", arg = arg)),
        ErrorKind::InvalidSubcommand => Some(t!(
            lang;
            "clap-unknown-command",
            command = string(ContextKind::InvalidSubcommand).unwrap_or_default()
        )),
        ErrorKind::MissingRequiredArgument => Some(t!(
            lang;
            "clap-missing",
            args = strings(ContextKind::InvalidArg).join(", ")
        )),
        ErrorKind::MissingSubcommand => Some(t!(
            lang;
            "clap-missing-command",
            command = string(ContextKind::InvalidSubcommand).unwrap_or_default(),
            commands = strings(ContextKind::ValidSubcommand).join(", ")
        )),
        ErrorKind::ArgumentConflict => Some(t!(
            lang;
            "clap-conflict",
            arg = arg,
            other = strings(ContextKind::PriorArg).join(", ")
        )),
        ErrorKind::TooManyValues => Some(t!(lang; "clap-too-many", arg = arg, value = value)),
        _ => None,
    };
    let Some(first) = first else {
        return error.render().to_string();
    };
    let mut out = format!("{} {first}\n", tr!(lang; "clap-error"));
    let suggested = [
        (
            ContextKind::SuggestedSubcommand,
            "clap-did-you-mean-command",
        ),
        (ContextKind::SuggestedArg, "clap-did-you-mean-argument"),
        (ContextKind::SuggestedValue, "clap-did-you-mean-value"),
    ];
    let mut tips = Vec::new();
    for (kind, id) in suggested {
        let names = strings(kind);
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            tips.push(t!(lang; id, names = names.join(", ")));
        }
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("  {} {tip}\n", tr!(lang; "clap-tip")));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n{} {usage}\n", tr!(lang; "help-usage")));
    }
    out.push_str(&format!("\n{}\n", tr!(lang; "clap-more")));
    out
}

#[cfg(test)]
mod tests;
