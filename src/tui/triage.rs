//! Triage mode: walks the active contacts without a cadence, by name, one
//! at a time, with the single keys of `draht triage` (w m q y s a; Esc or x
//! stops). An answer that writes goes out as an [`Effect::Triage`] through
//! the same store functions as the CLI; the walk moves on once it landed.

use super::app::{App, Mode};
use super::effects::Effect;
use super::keymap::{Action, Scope, action_for};
use crate::app::triage::Choice;
use crate::model::Id;
use crate::t;
use ratatui::crossterm::event::KeyEvent;

use super::app::Outcome;

/// Where a triage stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Triage {
    /// The contacts to walk, in the order of `draht triage` (by name).
    pub ids: Vec<Id>,
    /// The one shown now (an index into `ids`).
    pub at: usize,
    pub cadence_set: usize,
    pub archived: usize,
    pub skipped: usize,
    /// The answer sent out and not yet confirmed by `effect_done`.
    pub pending: Option<Choice>,
}

impl Triage {
    /// The contact shown now.
    pub fn current(&self) -> Option<Id> {
        self.ids.get(self.at).copied()
    }

    /// "3 of 41"
    pub fn progress(&self) -> String {
        t!(
            "tui-triage-progress",
            at = (self.at + 1).min(self.ids.len()),
            total = self.ids.len()
        )
    }

    /// "set 2 cadences, archived 1, skipped 0"
    pub fn summary(&self) -> String {
        t!(
            "tui-triage-summary",
            set = self.cadence_set,
            archived = self.archived,
            skipped = self.skipped
        )
    }
}

impl App {
    /// Starts a triage over the active contacts without a cadence.
    pub(super) fn start_triage(&mut self) {
        let ids: Vec<Id> = self
            .data
            .ov
            .facts
            .iter()
            .filter(|f| f.contact.cadence_days.is_none())
            .map(|f| f.contact.id)
            .collect();
        if ids.is_empty() {
            self.say(t!("triage-nothing"), false);
            return;
        }
        self.zoom = false;
        self.mode = Mode::Triage(Triage {
            ids,
            at: 0,
            cadence_set: 0,
            archived: 0,
            skipped: 0,
            pending: None,
        });
    }

    /// A key in triage mode (the mode was taken out of `self.mode`).
    pub(super) fn triage_key(&mut self, mut triage: Triage, key: &KeyEvent) -> Outcome {
        let Some(contact) = triage.current() else {
            return Outcome::Continue;
        };
        match action_for(&[Scope::Triage], key) {
            Some(Action::Close) => {
                self.say(t!("tui-triage-stopped", summary = triage.summary()), false);
            }
            Some(Action::Help) => {
                self.mode = Mode::Help {
                    scroll: 0,
                    back: Box::new(Mode::Triage(triage)),
                };
            }
            Some(Action::TriageAnswer(Choice::Skip)) => {
                triage.skipped += 1;
                self.advance(triage);
            }
            Some(Action::TriageAnswer(choice)) if choice != Choice::Stop => {
                let place = (triage.at, triage.ids.len());
                triage.pending = Some(choice);
                self.mode = Mode::Triage(triage);
                return Outcome::Effect(Box::new(Effect::Triage {
                    contact,
                    choice,
                    place,
                }));
            }
            _ => self.mode = Mode::Triage(triage),
        }
        Outcome::Continue
    }

    /// After an answer landed (`Ok`) or failed (`Err`, which stops the walk).
    pub(super) fn triage_done(&mut self, mut triage: Triage, result: Result<String, String>) {
        match result {
            Ok(message) => {
                match triage.pending.take() {
                    Some(Choice::Archive) => triage.archived += 1,
                    Some(Choice::Every(_)) => triage.cadence_set += 1,
                    _ => {}
                }
                self.say(message, false);
                self.advance(triage);
            }
            Err(error) => self.say(
                t!(
                    "tui-triage-failed",
                    error = error,
                    summary = triage.summary()
                ),
                true,
            ),
        }
    }

    /// On to the next contact, or the end of the walk.
    fn advance(&mut self, mut triage: Triage) {
        triage.at += 1;
        if triage.at >= triage.ids.len() {
            let left = triage.ids.len() - triage.cadence_set - triage.archived;
            self.say(
                t!("tui-triage-done", summary = triage.summary(), left = left),
                false,
            );
        } else {
            self.mode = Mode::Triage(triage);
        }
    }
}
