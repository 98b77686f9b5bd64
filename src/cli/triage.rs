//! `triage`: walks the active contacts without a cadence, by name, and
//! sets one with a single key each — the quick way from an imported
//! address book to a working agenda.
//!
//! Keys: `w` every 2 weeks, `m` monthly (30 days), `q` quarterly (90
//! days), `y` yearly (365 days), `s` skip, `a` archive; `x`, Esc, Ctrl-C
//! or Ctrl-D stop (`q` is taken by quarterly, so it does not quit here).
//! On a terminal one key press is read without Enter (raw mode, always
//! restored); otherwise one letter per line is read from standard input,
//! and the end of input stops. Each answer is saved at once, so stopping
//! keeps what was done. Prompts go to standard error, the summary to
//! standard output.
//!
//! First check-ins are spread like an import's: the `i`-th (from 0) of the
//! `n` contacts walked, given a cadence of `C` days, is snoozed to
//! `today + floor(i · C / n)` (a snooze is only moved later), so a triage
//! of 300 people does not make them all due tomorrow.

use std::io::{BufRead, Write};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;
use serde::Serialize;

use super::Ctx;
use super::render;
use crate::app::triage::{self, Choice, choice};
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::text::describe;
use crate::{t, tr};

/// "w every 2 weeks · m monthly · q quarterly · y yearly · s skip · a archive · x stop"
fn keys_help() -> &'static str {
    tr!("triage-keys")
}

/// Where keys come from. `Ok(None)` means stop.
trait Keys {
    fn next_key(&mut self) -> Result<Option<char>>;
}

/// One letter per line (tests, pipes).
struct LineKeys<R>(R);

impl<R: BufRead> Keys for LineKeys<R> {
    fn next_key(&mut self) -> Result<Option<char>> {
        let mut line = String::new();
        let read = self
            .0
            .read_line(&mut line)
            .map_err(|e| Error::Database(t!("error-read-stdin", problem = e.to_string())))?;
        if read == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim().chars().next().unwrap_or('\n')))
    }
}

/// Single key presses from the terminal.
struct TerminalKeys;

/// Leaves raw mode when dropped, also when unwinding from a panic.
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

impl Keys for TerminalKeys {
    fn next_key(&mut self) -> Result<Option<char>> {
        let fail =
            |e: std::io::Error| Error::Database(t!("error-read-key", problem = e.to_string()));
        terminal::enable_raw_mode().map_err(fail)?;
        let _raw = RawMode;
        loop {
            let Event::Key(key) = event::read().map_err(fail)? else {
                continue;
            };
            if key.kind != KeyEventKind::Press {
                continue;
            }
            match key.code {
                KeyCode::Esc => return Ok(None),
                KeyCode::Char('c' | 'd') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    return Ok(None);
                }
                KeyCode::Char(c) => return Ok(Some(c)),
                _ => {}
            }
        }
    }
}

/// What a triage did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub cadence_set: usize,
    pub archived: usize,
    pub skipped: usize,
    /// Active contacts still without a cadence.
    pub left: usize,
}

pub fn triage(ctx: &mut Ctx) -> Result<String> {
    let people: Vec<Contact> = triage::pending(&mut ctx.store)?;
    if people.is_empty() {
        return Ok(if ctx.json {
            ctx.to_json(&Summary::default())?
        } else {
            format!("{}\n", tr!("triage-nothing"))
        });
    }
    let mut prompts = std::io::stderr().lock();
    let summary = if ctx.interactive {
        walk(ctx, &people, &mut TerminalKeys, &mut prompts)?
    } else {
        walk(
            ctx,
            &people,
            &mut LineKeys(std::io::stdin().lock()),
            &mut prompts,
        )?
    };
    if ctx.json {
        return ctx.to_json(&summary);
    }
    Ok(format!(
        "{}\n",
        t!(
            "triage-done",
            set = summary.cadence_set,
            archived = summary.archived,
            skipped = summary.skipped,
            left = summary.left
        )
    ))
}

fn walk(
    ctx: &mut Ctx,
    people: &[Contact],
    keys: &mut dyn Keys,
    out: &mut dyn Write,
) -> Result<Summary> {
    let n = people.len();
    let today = ctx.today();
    let now = ctx.now;
    let mut summary = Summary {
        left: n,
        ..Summary::default()
    };
    say(
        out,
        &format!("{} {}\n", t!("triage-start", count = n), keys_help()),
    );
    for (i, person) in people.iter().enumerate() {
        say(out, &format!("[{}/{n}] {} ", i + 1, describe(person)));
        let picked = loop {
            match keys.next_key()? {
                None => break Choice::Stop,
                Some(key) => match choice(key) {
                    Some(picked) => break picked,
                    None => say(
                        out,
                        &format!("\n  {} ", t!("triage-press", keys = keys_help())),
                    ),
                },
            }
        };
        let done = match picked {
            Choice::Stop => {
                say(out, &format!("→ {}\n", tr!("triage-stopped")));
                break;
            }
            Choice::Skip => {
                summary.skipped += 1;
                tr!("triage-skipped").to_string()
            }
            Choice::Archive => {
                triage::answer(&mut ctx.store, person.id, picked, (i, n), today, now)?;
                summary.archived += 1;
                summary.left -= 1;
                tr!("triage-archived").to_string()
            }
            Choice::Every(days) => {
                let answered =
                    triage::answer(&mut ctx.store, person.id, picked, (i, n), today, now)?;
                let first = answered.first.unwrap_or(today);
                summary.cadence_set += 1;
                summary.left -= 1;
                t!(
                    "triage-every",
                    every = crate::text::every(days),
                    first = render::day(first, today)
                )
            }
        };
        say(out, &format!("→ {done}\n"));
    }
    Ok(summary)
}

/// Prompts are best effort: a closed stderr must not stop the triage.
fn say(out: &mut dyn Write, text: &str) {
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_keys_take_the_first_letter_and_stop_at_the_end_of_input() {
        let mut keys = LineKeys("  monthly\n\nq\n".as_bytes());
        assert_eq!(keys.next_key().unwrap(), Some('m'));
        assert_eq!(keys.next_key().unwrap(), Some('\n'));
        assert_eq!(keys.next_key().unwrap(), Some('q'));
        assert_eq!(keys.next_key().unwrap(), None);
    }
}
