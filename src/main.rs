//! The `draht` binary: parse the command line, run one command, print the
//! result or a one-line error. Exit codes: 0 ok, 1 failure, 2 bad usage or input.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use draht::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = &cli.command else {
        // The TUI arrives with its own issue; until then the agenda is the face.
        let today = cli::Command::Today { days: None };
        return finish(cli::run(&cli, &today));
    };
    finish(cli::run(&cli, command))
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
                    eprintln!("draht: cannot write output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            // one line, whatever names or input it quotes
            eprintln!("draht: {}", cli::render::clean(&e.to_string()));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
