//! The shell and the manual. `draht completions SHELL` prints a script
//! that asks draht itself what to complete (clap_complete's dynamic
//! completion, `COMPLETE=SHELL draht -- …`): subcommands and options, and
//! from the database contact names, channels, Jour fixe and follow-up ids.
//! `draht man` prints the manual page, or writes one per command.

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::EnvCompleter;
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::app;
use crate::error::{Error, IoContext, Result};
use crate::matching;
use crate::model::Channel;
use crate::store::Store;
use crate::{i18n, t, tr};

/// The variable that turns a run of draht into a completion request.
pub const COMPLETE_VAR: &str = "COMPLETE";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath, conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

/// Answers a completion request (`COMPLETE=bash draht -- draht show an`)
/// and exits; any other run goes on.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(|| {
        // the descriptions in the language the completed command line asks for
        let words: Vec<OsString> = std::env::args_os().skip_while(|a| a != "--").collect();
        super::help::early_language(&words);
        super::help::command()
    })
    .var(COMPLETE_VAR)
    .complete();
}

/// `draht completions SHELL`: the script that registers draht's
/// completion with the shell, the same `COMPLETE=SHELL draht` prints.
pub fn completions(args: &CompletionsArgs) -> Result<String> {
    use clap_complete::Shell;
    use clap_complete::env::{Bash, Elvish, Fish, Powershell, Zsh};
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Elvish => &Elvish,
        Shell::PowerShell => &Powershell,
        other => {
            return Err(Error::input(t!(
                "error-no-completions",
                shell = other.to_string()
            )));
        }
    };
    let mut out = Vec::new();
    shell
        .write_registration(COMPLETE_VAR, "draht", "draht", &completer(), &mut out)
        .map_err(|e| Error::Database(t!("error-write-completions", problem = e.to_string())))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The program the script calls: draht as it was started (a path with a
/// folder made absolute), as `CompleteEnv` does.
fn completer() -> String {
    let first = std::env::args_os().next().unwrap_or_else(|| "draht".into());
    let mut path = PathBuf::from(first);
    if path.components().count() > 1
        && let Ok(dir) = std::env::current_dir()
    {
        path = dir.join(path);
    }
    path.to_string_lossy().into_owned()
}

// --- what the completers offer ---------------------------------------------

/// Contact names (active ones) that `current` could be the start of, as
/// a CONTACT argument matches: any word, nickname, accents optional.
pub fn contact_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquote(current);
    let Some(mut store) = store_asked_for() else {
        return Vec::new();
    };
    let Ok(people) = app::contacts::all(&mut store, false) else {
        return Vec::new();
    };
    let mut names: Vec<CompletionCandidate> = people
        .iter()
        .filter(|c| {
            typed.is_empty()
                || matching::match_quality(&typed, &c.name, c.nickname.as_deref()).is_some()
        })
        .map(|c| {
            let sphere = crate::text::sphere_name(i18n::current(), c.sphere);
            let help = match &c.nickname {
                Some(nick) => format!("{nick} · {sphere}"),
                None => sphere.to_string(),
            };
            CompletionCandidate::new(for_shell(&c.name)).help(Some(help.into()))
        })
        .collect();
    names.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    names
}

/// Channel names and their aliases that start with `current`.
pub fn channels(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquote(current).to_lowercase();
    let mut out = Vec::new();
    for channel in Channel::ALL {
        let name = channel.as_str();
        if name.starts_with(&typed) {
            let aliases = channel.aliases().join(", ");
            out.push(CompletionCandidate::new(name).help(Some(aliases.into())));
        }
    }
    for channel in Channel::ALL {
        for alias in channel.aliases() {
            if !typed.is_empty() && alias.starts_with(&typed) {
                out.push(CompletionCandidate::new(*alias).help(Some(channel.as_str().into())));
            }
        }
    }
    out
}

/// Jour fixe ids, each with its contact and rule.
pub fn jourfixe_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquote(current);
    let Some(mut store) = store_asked_for() else {
        return Vec::new();
    };
    let Ok(now) = crate::clock::now() else {
        return Vec::new();
    };
    let today = crate::clock::local_day(now);
    let settings = crate::schedule::Settings::default();
    let Ok(all) = app::jourfixe::list(&mut store, today, &settings) else {
        return Vec::new();
    };
    all.iter()
        .map(|t| {
            (
                t.jf.id.to_string(),
                format!("{} · {}", t.name, t.jf.describe_in(i18n::current())),
            )
        })
        .filter(|(id, _)| id.starts_with(typed.as_str()))
        .map(|(id, help)| CompletionCandidate::new(id).help(Some(crate::text::clean(&help).into())))
        .collect()
}

/// Open follow-up ids, each with its contact, date and note.
pub fn followup_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquote(current);
    let Some(mut store) = store_asked_for() else {
        return Vec::new();
    };
    let Ok(open) = app::plans::open_followups(&mut store) else {
        return Vec::new();
    };
    open.iter()
        .map(|(f, name)| {
            let day = crate::text::day(f.due, crate::clock::local_day(chrono::Utc::now()));
            (f.id.to_string(), format!("{name} · {day}: {}", f.note))
        })
        .filter(|(id, _)| id.starts_with(typed.as_str()))
        .map(|(id, help)| CompletionCandidate::new(id).help(Some(crate::text::clean(&help).into())))
        .collect()
}

/// Whether the request comes from bash, which puts a candidate on the
/// command line as it is: a name with a space must come escaped.
fn from_bash() -> bool {
    std::env::var_os("_CLAP_COMPLETE_COMP_TYPE").is_some()
}

/// `name` as the shell asking wants it on its command line.
fn for_shell(name: &str) -> String {
    if !from_bash() {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_whitespace() || "\\'\"`$&;|<>()[]{}*?!#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What was typed so far, without the shell's quoting (`"Anna S`,
/// `Anna\ S`).
fn unquote(current: &OsStr) -> String {
    let text = current.to_string_lossy();
    let text = text.trim_start_matches(['"', '\'']);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// The database the command line being completed would use: `--demo`,
/// `--db PATH`, `DRAHT_DB`, else the default file. Never created here: a
/// database that does not exist yet has nothing to complete.
fn store_asked_for() -> Option<Store> {
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let mut db: Option<PathBuf> = None;
    let mut words_iter = words.iter();
    while let Some(word) = words_iter.next() {
        if word == "--demo" {
            return crate::clock::now().ok().and_then(|now| app::demo(now).ok());
        }
        if word == "--db" {
            db = words_iter.next().map(PathBuf::from);
        } else if let Some(path) = word.to_str().and_then(|w| w.strip_prefix("--db=")) {
            db = Some(PathBuf::from(path));
        }
    }
    let path = db
        .or_else(|| {
            std::env::var_os("DRAHT_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| super::default_db_path().ok())?;
    if !path.is_file() {
        return None;
    }
    Store::open(&path).ok()
}

// --- the manual --------------------------------------------------------------

/// `draht man`: the whole page on standard output, one command's page, or
/// every page written into `--dir`.
pub fn man(args: &ManArgs) -> Result<String> {
    let lang = i18n::current();
    let mut cli = super::help::localized(lang).disable_help_subcommand(true);
    cli.build();
    let cli = super::help::finish(cli, lang);
    if let Some(dir) = &args.dir {
        return write_pages(&cli, dir);
    }
    if args.command.is_empty() {
        return Ok(full_page(&cli));
    }
    let words: Vec<&str> = args
        .command
        .iter()
        .flat_map(|c| c.split_whitespace())
        .collect();
    let mut cmd = &cli;
    for word in &words {
        cmd = cmd.find_subcommand(word).ok_or_else(|| {
            let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            Error::input(t!(
                "error-man-no-command",
                command = words.join(" "),
                names = names.join(", ")
            ))
        })?;
    }
    Ok(command_page(cmd))
}

/// Every page into `dir`: draht.1 and draht-COMMAND.1 for each command
/// and subcommand (draht-jourfixe-add.1).
fn write_pages(cli: &clap::Command, dir: &Path) -> Result<String> {
    std::fs::create_dir_all(dir).at_path(dir)?;
    let mut written = 0;
    let mut write = |name: &str, text: &str| -> Result<()> {
        let path = dir.join(format!("{name}.1"));
        let mut file = std::fs::File::create(&path).at_path(&path)?;
        file.write_all(text.as_bytes()).at_path(&path)?;
        written += 1;
        Ok(())
    };
    write("draht", &full_page(cli))?;
    let mut stack: Vec<&clap::Command> = cli.get_subcommands().collect();
    while let Some(cmd) = stack.pop() {
        write(&page_name(cmd), &command_page(cmd))?;
        stack.extend(cmd.get_subcommands());
    }
    Ok(format!(
        "{}\n",
        t!("man-wrote", count = written, dir = super::render::path(dir))
    ))
}

/// "draht-jourfixe-add" for `draht jourfixe add`.
fn page_name(cmd: &clap::Command) -> String {
    cmd.get_display_name()
        .map(String::from)
        .unwrap_or_else(|| format!("draht-{}", cmd.get_name()))
}

/// The page of one command, as clap_mangen renders it, with the exit
/// status and the way back to draht(1).
fn command_page(cmd: &clap::Command) -> String {
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(cmd.clone())
        .title(page_name(cmd))
        .source(format!("draht {}", env!("CARGO_PKG_VERSION")))
        .manual(tr!("man-manual"));
    let _ = page.render(&mut out);
    let mut roff = Roff::new();
    exit_status(&mut roff);
    roff.control("SH", [tr!("man-see-also")]);
    roff.text([bold("draht"), roman(tr!("man-see-also-text"))]);
    out.extend(roff.render().into_bytes());
    in_language(String::from_utf8_lossy(&out).into_owned())
}

/// draht(1): name, synopsis, description, options and global options as
/// clap_mangen renders them, then every command with its own options, and
/// FILES, ENVIRONMENT, EXIT STATUS and EXAMPLES.
fn full_page(cli: &clap::Command) -> String {
    let page = clap_mangen::Man::new(cli.clone())
        .source(format!("draht {}", env!("CARGO_PKG_VERSION")))
        .manual(tr!("man-manual"));
    let mut out = Vec::new();
    let _ = page.render_title(&mut out);
    let _ = page.render_name_section(&mut out);
    let _ = page.render_synopsis_section(&mut out);
    let _ = page.render_description_section(&mut out);
    let _ = page.render_options_section(&mut out);
    let mut roff = Roff::new();
    roff.control("SH", [tr!("man-commands")]);
    roff.text([roman(tr!("man-commands-text"))]);
    let mut stack: Vec<&clap::Command> = cli.get_subcommands().collect();
    stack.reverse();
    while let Some(cmd) = stack.pop() {
        command_section(&mut roff, cmd);
        let mut subs: Vec<&clap::Command> = cmd.get_subcommands().collect();
        subs.reverse();
        stack.extend(subs);
    }
    files(&mut roff);
    environment(&mut roff);
    exit_status(&mut roff);
    examples(&mut roff);
    out.extend(roff.render().into_bytes());
    in_language(String::from_utf8_lossy(&out).into_owned())
}

/// One command of the full page: its usage, what it does, its own options.
fn command_section(roff: &mut Roff, cmd: &clap::Command) {
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    roff.control("SS", [name]);
    let mut usage = vec![bold(name)];
    for arg in cmd
        .get_arguments()
        .filter(|a| shown(a) && a.is_positional())
    {
        usage.push(roman(" "));
        usage.push(italic(value_name(arg)));
    }
    if cmd.get_arguments().any(|a| shown(a) && !a.is_positional()) {
        usage.push(roman(" "));
        usage.push(roman(tr!("man-options-word")));
    }
    if cmd.has_subcommands() {
        usage.push(roman(" "));
        usage.push(italic("COMMAND"));
    }
    roff.text(usage);
    if let Some(about) = cmd.get_long_about().or_else(|| cmd.get_about()) {
        roff.control("PP", []);
        roff.text([roman(about.to_string())]);
    }
    for arg in cmd.get_arguments().filter(|a| shown(a)) {
        roff.control("TP", []);
        let mut head = Vec::new();
        if arg.is_positional() {
            head.push(italic(value_name(arg)));
        } else {
            let mut flags = Vec::new();
            if let Some(short) = arg.get_short() {
                flags.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                flags.push(format!("--{long}"));
            }
            head.push(bold(flags.join(", ")));
            if arg.get_action().takes_values() {
                head.push(roman(" "));
                head.push(italic(value_name(arg)));
            }
        }
        roff.text(head);
        let mut help = arg
            .get_long_help()
            .or_else(|| arg.get_help())
            .map(|h| h.to_string())
            .unwrap_or_default();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            help.push(' ');
            help.push_str(&t!("help-default", value = defaults.join(", ")));
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty()
            && !arg.is_hide_possible_values_set()
            && !matches!(arg.get_action(), clap::ArgAction::SetTrue)
        {
            help.push(' ');
            help.push_str(&t!("help-possible-values", values = values.join(", ")));
        }
        roff.text([roman(help)]);
    }
}

/// An argument of the command's own (not a global one, not help).
fn shown(arg: &clap::Arg) -> bool {
    !arg.is_hide_set()
        && !arg.is_global_set()
        && arg.get_id() != "help"
        && arg.get_id() != "version"
}

fn value_name(arg: &clap::Arg) -> String {
    arg.get_value_names()
        .map(|names| names.join(" "))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

fn files(roff: &mut Roff) {
    roff.control("SH", [tr!("man-files")]);
    let items = [
        ("$XDG_DATA_HOME/draht/draht.db", tr!("man-file-db")),
        ("$XDG_CONFIG_HOME/draht/config.toml", tr!("man-file-config")),
    ];
    tagged(roff, &items);
}

fn environment(roff: &mut Roff) {
    roff.control("SH", [tr!("man-environment")]);
    let items = [
        ("DRAHT_DB", tr!("man-env-db")),
        ("DRAHT_CONFIG", tr!("man-env-config")),
        ("DRAHT_NOW", tr!("man-env-now")),
        ("NO_COLOR", tr!("man-env-no-color")),
        ("COLUMNS", tr!("man-env-columns")),
        ("COMPLETE", tr!("man-env-complete")),
        ("TZ", tr!("man-env-tz")),
        ("XDG_DATA_HOME, XDG_CONFIG_HOME", tr!("man-env-xdg")),
    ];
    tagged(roff, &items);
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", [tr!("man-exit-status")]);
    tagged(
        roff,
        &[
            ("0", tr!("man-exit-0")),
            ("1", tr!("man-exit-1")),
            ("2", tr!("man-exit-2")),
        ],
    );
}

/// Paragraphs each under a bold tag (a path, a variable, a command).
fn tagged(roff: &mut Roff, items: &[(&str, &str)]) {
    for (tag, what) in items {
        roff.control("TP", []);
        roff.text([bold(*tag)]);
        roff.text([roman(*what)]);
    }
}

fn examples(roff: &mut Roff) {
    roff.control("SH", [tr!("man-examples")]);
    let items = [
        ("draht --demo today", tr!("man-example-demo")),
        (
            "draht import contacts.vcf --every 3mo",
            tr!("man-example-import"),
        ),
        (
            "draht add \"Anna Schmidt\" --sphere work --every 2w",
            tr!("man-example-add"),
        ),
        (
            "draht log anna call \"Q3 launch went well\" --rating 1",
            tr!("man-example-log"),
        ),
        (
            "draht remind anna friday \"send the offer\"",
            tr!("man-example-remind"),
        ),
        (
            "draht jourfixe add anna \"every 2nd tue 10:00\" --channel video",
            tr!("man-example-jourfixe"),
        ),
        ("draht today --json", tr!("man-example-json")),
        (
            "draht list --tag client --width 80",
            tr!("man-example-list"),
        ),
        (
            "source <(draht completions bash)",
            tr!("man-example-completions"),
        ),
    ];
    tagged(roff, &items);
}

/// A page of clap_mangen's in the interface language: its section titles
/// (NAME, SYNOPSIS, …) are English words of its own.
fn in_language(page: String) -> String {
    if i18n::current() == i18n::Lang::En {
        return page;
    }
    const TITLES: [(&str, &str); 6] = [
        ("NAME", "man-name"),
        ("SYNOPSIS", "man-synopsis"),
        ("DESCRIPTION", "man-description"),
        ("OPTIONS", "man-options"),
        ("SUBCOMMANDS", "man-subcommands"),
        ("VERSION", "man-version"),
    ];
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let title = TITLES
            .iter()
            .find(|(title, _)| line.trim_end() == format!(".SH {title}"));
        match title {
            Some((_, id)) => {
                out.push_str(".SH ");
                out.push_str(tr!(id));
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
}
