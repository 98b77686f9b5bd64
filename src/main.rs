//! The `draht` binary: parse the command line, run one command, print the
//! result or a one-line error. Exit codes: 0 ok, 1 failure, 2 bad usage or input.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use draht::cli::{self, Cli};

fn main() -> ExitCode {
    // a completion request from the shell is answered before anything else
    cli::shell::complete_if_asked();
    let cli = cli::help::parse();
    let Some(command) = &cli.command else {
        // The TUI on a terminal; the agenda as text for pipes and --json.
        if cli.json || !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            let today = cli::Command::Today { days: None };
            return finish(cli::run(&cli, &today));
        }
        return finish(open_tui(&cli).map(|()| String::new()));
    };
    finish(cli::run(&cli, command))
}

/// `draht` (or `draht --demo`) on a terminal: the interactive review.
fn open_tui(cli: &Cli) -> draht::error::Result<()> {
    let now = draht::clock::now()?;
    draht::i18n::select(cli.lang(), None);
    let config = cli::load_config(cli)?;
    draht::i18n::select(cli.lang(), config.language);
    let store = cli::open_store(cli, None, now)?;
    draht::tui::run(store, config, || draht::clock::now().unwrap_or(now))
}

fn finish(result: draht::error::Result<String>) -> ExitCode {
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`draht list | head -1`) is not an error.
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!(
                        "draht: {}",
                        draht::t!("error-write-output", problem = e.to_string())
                    );
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            // one line, whatever names or input it quotes (a list of bad
            // records: one line per record)
            let lines: Vec<String> = e.lines().iter().map(|l| draht::text::clean(l)).collect();
            eprintln!("draht: {}", lines.join("\n"));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
