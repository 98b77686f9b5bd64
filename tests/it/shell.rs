//! The shell and the manual: completions that real bash, zsh and fish ask
//! draht for (contact names from a temp database, channels, Jour fixe and
//! follow-up ids), the manual pages read back by groff and man, `--help` of
//! every command, the `--config` rule and `DRAHT_NOW` as people type it.

use std::path::Path;
use std::process::Command;

use clap::CommandFactory;

use crate::harness::Env;

const NOW: &str = "2026-12-07T09:00:00+01:00";

/// A shell from the system; a missing one fails with the line that
/// installs it (.ci/run does).
fn shell(name: &str) -> Command {
    let found = Command::new(name)
        .arg("-c")
        .arg("exit 0")
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "the completion test needs {name}: apt-get install {name} (.ci/run does)"
    );
    Command::new(name)
}

fn address_book() -> Env {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt", "--every", "2w", "--sphere", "work"]);
    env.ok(&["add", "Anna Weber", "--every", "3w"]);
    env.ok(&["add", "Ingrid Rau", "--nickname", "Mama", "--every", "1w"]);
    env.ok(&["add", "Jürgen Müller", "--every", "1mo"]);
    env.ok(&["add", "Old Friend"]);
    env.ok(&["archive", "old friend"]);
    env.ok(&["jourfixe", "add", "mama", "weekly sun 18:00"]);
    env.ok(&["remind", "anna s", "friday", "send the offer"]);
    env
}

/// A shell command with the env's database, clock and zone, and draht on
/// its PATH (the scripts call `draht` by the name they were made with).
fn in_env(env: &Env, mut cmd: Command) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("draht");
    let dir = bin.parent().expect("the binary's folder").to_path_buf();
    let path = std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    cmd.env_clear()
        .envs(env.vars())
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    cmd
}

fn run(mut cmd: Command) -> String {
    let out = cmd.output().expect("run the shell");
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What bash's completion function puts in COMPREPLY for the words of
/// `line` as bash would split them (`anna\ s` is one word); a line that
/// ends in a space completes a new, empty word.
fn bash_completes(env: &Env, script: &Path, line: &str) -> Vec<String> {
    let mut words: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let last = words.last_mut().unwrap();
                last.push('\\');
                last.extend(chars.next());
            }
            ' ' => words.push(String::new()),
            c => words.last_mut().unwrap().push(c),
        }
    }
    let array: Vec<String> = words.iter().map(|w| shell_quote(w)).collect();
    let mut bash = in_env(env, shell("bash"));
    bash.arg("-c").arg(format!(
        r#"source {script}
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE={line}; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
_clap_complete_draht draht "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script = script.display(),
        words = array.join(" "),
        line = shell_quote(line),
    ));
    run(bash)
        .lines()
        .map(String::from)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn bash_completes_names_escaped_channels_and_ids_from_the_database() {
    let env = address_book();
    let script = env.dir.path().join("draht.bash");
    std::fs::write(&script, env.ok(&["completions", "bash"])).unwrap();

    assert_eq!(
        bash_completes(&env, &script, "draht show Ann"),
        ["Anna\\ Schmidt", "Anna\\ Weber"]
    );
    assert_eq!(
        bash_completes(&env, &script, "draht log anna\\ s"),
        ["Anna\\ Schmidt"]
    );
    // any word, the nickname, accents optional; archived people are not offered
    assert_eq!(
        bash_completes(&env, &script, "draht show mul"),
        ["Jürgen\\ Müller"]
    );
    assert_eq!(
        bash_completes(&env, &script, "draht hook mam"),
        ["Ingrid\\ Rau"]
    );
    assert!(bash_completes(&env, &script, "draht show old").is_empty());
    assert_eq!(
        bash_completes(&env, &script, "draht log --with ing"),
        ["Ingrid\\ Rau"]
    );
    assert_eq!(
        bash_completes(&env, &script, "draht stats jü"),
        ["Jürgen\\ Müller"]
    );
    // channels and their aliases
    assert_eq!(
        bash_completes(&env, &script, "draht log mama c"),
        ["chat", "call", "coffee"]
    );
    assert_eq!(
        bash_completes(&env, &script, "draht jourfixe add mama weekly --channel v"),
        ["video", "videocall", "visit"]
    );
    // Jour fixe and follow-up ids
    let ids = bash_completes(&env, &script, "draht jourfixe rm ");
    assert_eq!(ids.first().map(String::as_str), Some("1"), "{ids:?}");
    let ids = bash_completes(&env, &script, "draht done ");
    assert_eq!(ids.first().map(String::as_str), Some("1"), "{ids:?}");
    // subcommands as ever
    assert!(bash_completes(&env, &script, "draht jour").contains(&"jourfixe".to_string()));
}

#[test]
fn fish_completes_names_with_their_sphere_and_ids_with_what_they_are() {
    let env = address_book();
    let script = env.dir.path().join("draht.fish");
    std::fs::write(&script, env.ok(&["completions", "fish"])).unwrap();
    let completes = |line: &str| {
        let mut fish = in_env(&env, shell("fish"));
        fish.arg("--no-config").arg("-c").arg(format!(
            "source {}; complete -C {}",
            script.display(),
            shell_quote(line)
        ));
        run(fish)
    };
    let names = completes("draht show Ann");
    assert!(names.contains("Anna Schmidt\twork"), "{names}");
    assert!(names.contains("Anna Weber\tprivate"), "{names}");
    let jf = completes("draht jourfixe skip ");
    assert!(jf.contains("1\tIngrid Rau · every Sunday at 18:00"), "{jf}");
    let followups = completes("draht done ");
    assert!(
        followups.contains("1\tAnna Schmidt · Fri 11 Dec: send the offer"),
        "{followups}"
    );
}

#[test]
fn zsh_completes_a_name_at_the_prompt() {
    let env = address_book();
    let script = env.dir.path().join("_draht");
    std::fs::write(&script, env.ok(&["completions", "zsh"])).unwrap();
    // an interactive zsh in a pseudo-terminal (zsh's own zpty): Tab, then
    // the completed line is printed instead of run
    let test = format!(
        r#"zmodload zsh/zpty
zpty -b z zsh -f -i
zpty -w z 'PS1="> "; bindkey -e; setopt nobeep; autoload -U compinit && compinit -u -D; source {script}'
zpty -w -n z $'draht show Ingr\t'
sleep 1
zpty -w -n z $'\C-aprint -r -- COMPLETED: \r'
out=""
for i in {{1..100}}; do
  zpty -r -t z chunk && out+=$chunk
  [[ $out == *$'\n'COMPLETED:* ]] && break
  sleep 0.1
done
zpty -d z
print -r -- "$out""#,
        script = script.display()
    );
    let mut zsh = in_env(&env, shell("zsh"));
    zsh.arg("-f").arg("-c").arg(test);
    let out = run(zsh);
    let line = out
        .lines()
        .find(|l| l.starts_with("COMPLETED:"))
        .unwrap_or_else(|| panic!("zsh printed no completed line:\n{out}"));
    assert_eq!(line.trim_end(), "COMPLETED: draht show Ingrid Rau", "{out}");
}

#[test]
fn completion_requests_open_no_database_that_is_not_there() {
    let env = Env::new(NOW);
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .args(["--", "draht", "show", "a"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "names from nowhere"
    );
    assert!(!env.db().exists(), "a completion created the database");
    // the demo's people, without a database of one's own
    let out = env
        .cmd()
        .env("COMPLETE", "fish")
        .args(["--", "draht", "--demo", "show", "jon"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Jonas Weber\tprivate\n"
    );
    assert!(!env.db().exists());
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[test]
fn unknown_shell_is_a_usage_error_listing_the_shells() {
    let env = Env::new(NOW);
    let err = env.fails(&["completions", "tcsh"], 2);
    assert!(
        err.contains("bash") && err.contains("zsh") && err.contains("fish"),
        "{err}"
    );
}

// --- the manual ----------------------------------------------------------------

/// Every command and subcommand, as the words that name it.
fn commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut words = path.to_vec();
            words.push(sub.get_name().to_string());
            out.push(words.clone());
            walk(sub, &words, out);
        }
    }
    let mut out = Vec::new();
    walk(&draht::cli::Cli::command(), &[], &mut out);
    out
}

/// groff's warnings on a page (none for a good one), through its
/// preprocessor for UTF-8 as man runs it.
fn groff_warnings(page: &Path) -> String {
    let out = Command::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
        .arg(page)
        .output()
        .expect("the manual test needs groff: apt-get install groff-base (.ci/run does)");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The page as `man` shows it on an 80-column terminal.
fn man_reads(page: &Path) -> String {
    let out = Command::new("man")
        .args(["-l"])
        .arg(page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("the manual test needs man: apt-get install man-db (.ci/run does)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_whole_page_has_every_command_and_the_sections_of_a_manual() {
    let env = Env::new(NOW);
    let page = env.dir.path().join("draht.1");
    std::fs::write(&page, env.ok(&["man"])).unwrap();
    assert_eq!(groff_warnings(&page), "");
    let text = man_reads(&page);
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "GLOBAL OPTIONS",
        "COMMANDS",
        "FILES",
        "ENVIRONMENT",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(text.lines().any(|l| l == section), "no {section}:\n{text}");
    }
    for words in commands() {
        let title = format!("draht {}", words.join(" "));
        assert!(
            text.lines().any(|l| l.trim() == title),
            "the page has no section for {title}"
        );
    }
    for needle in [
        "DRAHT_NOW",
        "config.toml",
        "draht.db",
        "--rating",
        "use",
        "draht --demo today",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    assert!(!env.db().exists(), "the manual opens no database");
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let env = Env::new(NOW);
    let dir = env.dir.path().join("man1");
    let said = env.ok(&["man", "--dir", dir.to_str().unwrap()]);
    let all = commands();
    assert!(
        said.contains(&format!("Wrote {} manual pages", all.len() + 1)),
        "{said}"
    );
    for words in all.iter().chain([&Vec::new()]) {
        let name = std::iter::once("draht".to_string())
            .chain(words.iter().cloned())
            .collect::<Vec<_>>()
            .join("-");
        let page = dir.join(format!("{name}.1"));
        let roff =
            std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(
            roff.lines()
                .any(|l| l.starts_with(&format!(".TH {name} 1"))),
            "{name}: {}",
            &roff[..200.min(roff.len())]
        );
        assert_eq!(groff_warnings(&page), "", "{name}");
        if !words.is_empty() {
            let text = man_reads(&page);
            assert!(
                text.contains("EXIT STATUS") && text.contains("draht(1)"),
                "{name}:\n{text}"
            );
        }
    }
    // one page on standard output
    let log = env.ok(&["man", "log"]);
    assert!(log.contains("\n.TH draht-log 1 "), "{log}");
    assert!(
        env.ok(&["man", "jourfixe", "add"])
            .contains("\n.TH draht-jourfixe-add 1 ")
    );
    let err = env.fails(&["man", "frobnicate"], 2);
    assert!(err.contains("the pages are for: add, edit"), "{err}");
    assert!(!env.db().exists());
}

#[test]
fn the_manual_in_german_is_german_and_reads_without_warnings() {
    let env = Env::new(NOW);
    let page = env.dir.path().join("draht.1");
    std::fs::write(&page, env.ok(&["--lang", "de", "man"])).unwrap();
    assert_eq!(groff_warnings(&page), "");
    let text = man_reads(&page);
    for section in [
        "BEFEHLE",
        "DATEIEN",
        "UMGEBUNGSVARIABLEN",
        "RÜCKGABEWERT",
        "BEISPIELE",
    ] {
        assert!(text.lines().any(|l| l == section), "no {section}:\n{text}");
    }
    for german in [
        "Einen Kontakt hinzufügen",
        "draht-Handbuch",
        "[Standard: 10]",
    ] {
        assert!(text.contains(german), "{german}:\n{text}");
    }
    for english in ["Add a contact", "EXIT STATUS", "[default:"] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
    let said = env.ok(&[
        "--lang",
        "de",
        "man",
        "--dir",
        env.dir.path().to_str().unwrap(),
    ]);
    assert!(said.contains("Handbuchseiten nach"), "{said}");
    let err = env.fails(&["--lang", "de", "man", "frobnicate"], 2);
    assert!(err.contains("Seiten gibt es für: add, edit"), "{err}");
}

// --- --help ---------------------------------------------------------------------

const GLOBALS: [&str; 6] = ["--db", "--demo", "--config", "--json", "--width", "--lang"];

#[test]
fn every_help_describes_each_option_once_with_globals_apart() {
    let env = Env::new(NOW);
    let mut pages = vec![Vec::new()];
    pages.extend(commands());
    for words in pages {
        let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
        args.push("--help");
        let help = env.ok(&args);
        let (own, globals) = help
            .split_once("\nGlobal options:\n")
            .unwrap_or_else(|| panic!("draht {words:?} --help has no Global options:\n{help}"));
        for flag in GLOBALS {
            assert!(
                globals.contains(&format!("  {flag}")),
                "{words:?}: {flag} not under Global options"
            );
            assert!(
                !own.contains(&format!("  {flag} ")),
                "{words:?}: {flag} among the command's own"
            );
        }
        // each option's entry: its first line and the lines indented below
        let mut entries: Vec<String> = Vec::new();
        for line in help.lines() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            let starts = ['-', '<', '['].iter().any(|c| trimmed.starts_with(*c));
            if (indent == 2 || indent == 6) && starts {
                entries.push(trimmed.to_string());
            } else if indent > 6
                && let Some(last) = entries.last_mut()
            {
                last.push_str("  ");
                last.push_str(trimmed);
            } else if !line.is_empty() {
                entries.push(String::new());
            }
        }
        for entry in entries.iter().filter(|e| !e.is_empty()) {
            let (flag, description) = entry
                .split_once("  ")
                .unwrap_or_else(|| panic!("draht {words:?}: no description for {entry:?}"));
            assert!(
                !description.trim().is_empty(),
                "draht {words:?}: {flag} has no description"
            );
            assert!(
                entry.matches("[default:").count() <= 1,
                "draht {words:?}: {flag} shows its default twice: {entry}"
            );
        }
    }
}

// --- --config and DRAHT_NOW -------------------------------------------------------

#[test]
fn a_config_file_named_must_exist_the_default_one_need_not() {
    let env = Env::new(NOW);
    env.ok(&["add", "Anna Schmidt"]);
    let before = env.db_bytes();
    let missing = env.dir.path().join("typo.toml");
    let err = env.fails(&["--config", missing.to_str().unwrap(), "today"], 2);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("typo.toml") && err.contains("does not exist"),
        "{err}"
    );
    let out = env
        .cmd()
        .env("DRAHT_CONFIG", &missing)
        .args(["log", "anna", "call"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("typo.toml"));
    assert_eq!(before, env.db_bytes(), "a refused run changed the database");
    // the default path ($XDG_CONFIG_HOME/draht/config.toml) is missing: fine
    assert!(!env.dir.path().join("config/draht/config.toml").exists());
    env.ok(&["today"]);
    // and a file that exists is read
    std::fs::write(&missing, "horizon = \"2w\"\n").unwrap();
    env.ok(&["--config", missing.to_str().unwrap(), "today"]);
}

#[test]
fn draht_now_takes_a_local_date_time_as_people_type_it() {
    let mut env = Env::new("2026-12-07T09:00:00");
    env.ok(&["add", "Anna Schmidt"]);
    let touch = env.json(&["log", "anna", "call"]);
    // 09:00 in Berlin is 08:00 UTC in December
    assert_eq!(touch["at"], "2026-12-07T08:00:00Z");
    env.at("2026-12-07 18:30");
    assert_eq!(
        env.json(&["log", "anna", "email"])["at"],
        "2026-12-07T17:30:00Z"
    );
    env.at("07.12.2026");
    let err = env.fails(&["today"], 2);
    assert!(err.contains("2026-11-20T09:00:00"), "{err}");
}
