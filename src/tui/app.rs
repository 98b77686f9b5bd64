//! The application state: which tab, which mode, what is selected, and the
//! loaded data. Plain Rust: no terminal, no database. Keys are handled in
//! `update.rs`; the contact list's filter and sort in `list.rs`.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::layout::Rect;
use tui_input::Input;

use super::brief::Brief;
use super::data::{Snapshot, TodayRow, Urgency};
use super::effects::{Applied, Effect, Undo};
use super::forms::Form;
use super::insight::Insight;
use super::list::{ContactList, Sort};
use super::pick::Pick;
use super::triage::Triage;
use crate::clock;
use crate::config::Config;
use crate::jourfixe::OccurrenceState;
use crate::jourfixe::agenda::Dated;
use crate::model::Id;
use crate::t;

/// The four tabs, in order.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tab {
    Today,
    Contacts,
    JourFixe,
    Stats,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Today, Tab::Contacts, Tab::JourFixe, Tab::Stats];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Today => crate::tr!("tui-tab-today"),
            Tab::Contacts => crate::tr!("tui-tab-contacts"),
            Tab::JourFixe => crate::tr!("tui-tab-jourfixe"),
            Tab::Stats => crate::tr!("tui-tab-stats"),
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// A yes/no question before a write that is hard to undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub effect: Effect,
}

/// What sits on top of the tabs and gets the keys first.
#[derive(Clone, Debug)]
pub enum Modal {
    Form(Form),
    Confirm(Confirm),
    /// Whom to merge a contact into (`M`).
    Pick(Pick),
}

/// The one mode the app is in.
#[derive(Clone, Debug)]
pub enum Mode {
    Normal,
    /// Typing a `/` filter on the Contacts tab.
    Filter,
    /// The key reference, scrolled by `scroll` lines, over the mode it
    /// goes back to (a form keeps what was typed).
    Help {
        scroll: u16,
        back: Box<Mode>,
    },
    Modal(Box<Modal>),
    /// Walking the contacts without a cadence (`t`).
    Triage(Triage),
}

/// What a key or click asks of the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Quit,
    /// Perform this write, then call [`App::effect_done`].
    Effect(Box<Effect>),
}

/// A line for the footer after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What was drawn where, for mouse clicks.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    Tab(Tab),
    /// A row of the current tab's list (its index in that list).
    Row(usize),
}

/// A selection in a list and the first row drawn.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Moves the window so that the selection is visible in `height` rows.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

pub struct App {
    pub now: DateTime<Utc>,
    pub config: Config,
    pub tab: Tab,
    pub mode: Mode,
    pub data: Snapshot,
    /// Selection on Today: an index into `data.today_rows` (a contact row).
    pub today: ListState,
    pub contacts: ContactList,
    /// Selection on the Jour fixe tab: an index into [`App::jourfixe_list`].
    pub jourfixe: ListState,
    pub filter: Input,
    /// The detail card fills the body; its touches can be picked.
    pub zoom: bool,
    /// The touch selected in the open card (an index into the brief's).
    pub card_touch: usize,
    pub brief: Option<Brief>,
    /// The Stats tab's numbers and the cooling list; the last ones stay
    /// while fresh ones are computed.
    pub insight: Option<Insight>,
    /// Why the numbers could not be computed.
    pub insight_error: Option<String>,
    /// Selection in the Stats tab's cooling list.
    pub cooling: ListState,
    pub message: Option<Message>,
    /// Rows of the list drawn last (for paging).
    pub page: usize,
    /// Where things were drawn last (for clicks).
    pub hits: Vec<(Rect, Hit)>,
    /// Whom to select once the data has been reloaded after a write.
    select_after_reload: Option<Id>,
    /// After logging on Today: the row the logged person was on and who
    /// was in the touch, to select the next person who still needs a call.
    after_log: Option<(usize, Vec<Id>)>,
    /// How to take the last write of this session back (`u`).
    pub undo: Option<Undo>,
    /// A merge picked (`keep`, `gone`) whose plan the next refresh reads,
    /// to ask with it.
    merge_wanted: Option<(Id, Id)>,
    /// What the write being performed undoes, when it is an undo.
    undoing: Option<String>,
    /// Why `u` has nothing to take back, when the session made a change
    /// (none: nothing was changed since draht started).
    pub no_undo: Option<String>,
    /// A Jour fixe about to start, shown on every tab.
    pub banner: super::banner::Banner,
}

impl App {
    /// A new app on the Today tab with the most urgent contact selected.
    pub fn new(data: Snapshot, now: DateTime<Utc>, config: Config) -> App {
        let mut app = App {
            now,
            config,
            tab: Tab::Today,
            mode: Mode::Normal,
            contacts: ContactList::new(&data.contacts),
            data,
            today: ListState::default(),
            jourfixe: ListState::default(),
            filter: Input::default(),
            zoom: false,
            card_touch: 0,
            brief: None,
            insight: None,
            insight_error: None,
            cooling: ListState::default(),
            message: None,
            page: 10,
            hits: Vec::new(),
            select_after_reload: None,
            after_log: None,
            undo: None,
            merge_wanted: None,
            undoing: None,
            no_undo: None,
            banner: Default::default(),
        };
        app.today.selected = app.first_today_row().unwrap_or(0);
        app
    }

    pub fn today_date(&self) -> NaiveDate {
        clock::local_day(self.now)
    }

    /// Moves the clock; `true` when the day changed (the data needs a reload).
    pub fn set_now(&mut self, now: DateTime<Utc>) -> bool {
        self.now = now;
        clock::local_day(now) != self.data.ov.today
    }

    /// Swaps in freshly loaded data, keeping the selection by contact id.
    pub fn set_data(&mut self, data: Snapshot) {
        let kept = self.selection();
        self.data = data;
        self.reselect(kept);
    }

    /// Lets `change` bring the data up to date in place (an error leaves
    /// it as it was), then keeps the selection by contact id as
    /// [`App::set_data`] does.
    pub fn update_data(
        &mut self,
        change: impl FnOnce(&mut Snapshot) -> crate::error::Result<()>,
    ) -> crate::error::Result<()> {
        let kept = self.selection();
        if let Err(e) = change(&mut self.data) {
            self.select_after_reload = kept.wanted;
            self.after_log = kept.after_log;
            return Err(e);
        }
        self.reselect(kept);
        Ok(())
    }

    /// What is selected, by contact id, before the data changes.
    fn selection(&mut self) -> Selection {
        let wanted = self.select_after_reload.take();
        Selection {
            after_log: self.after_log.take(),
            wanted,
            today: wanted.or_else(|| self.today_row_id()),
            contact: wanted.or_else(|| self.contacts.selected_id(&self.data.contacts)),
            jourfixe: wanted.or_else(|| self.jourfixe_selected_id()),
            today_row: self.today.selected,
        }
    }

    /// Selects the same contacts in the changed data.
    fn reselect(&mut self, kept: Selection) {
        self.brief = None;
        // Today: after a log the next person who still needs a call; else
        // the same contact, else the row now at the old place.
        let rows = &self.data.today_rows;
        self.today.selected = kept
            .after_log
            .and_then(|(at, logged)| self.next_needing_a_call(at, &logged))
            .or_else(|| {
                kept.today
                    .and_then(|id| rows.iter().position(|r| r.contact_id() == Some(id)))
            })
            .or_else(|| self.next_today_row(kept.today_row.saturating_sub(1), 1))
            .or_else(|| self.first_today_row())
            .unwrap_or(0);
        self.contacts
            .rebuild(&self.data.contacts, self.filter.value(), kept.contact);
        let list = self.jourfixe_list();
        self.jourfixe.selected = kept
            .jourfixe
            .and_then(|id| {
                list.iter()
                    .position(|i| self.data.ov.calendar[*i].contact_id == id)
            })
            .unwrap_or(self.jourfixe.selected)
            .min(list.len().saturating_sub(1));
    }

    /// Swaps the whole snapshot in for the first frame's partial one. Its
    /// Today rows are the same (at the same data version), so the selection
    /// stays and so does the brief already loaded for it.
    pub fn complete_data(&mut self, data: Snapshot) {
        let brief = self.brief.take();
        self.set_data(data);
        self.brief = brief.filter(|b| Some(b.id) == self.selected_id());
    }

    /// The contact selected on the current tab (or shown in triage), if any.
    pub fn selected_id(&self) -> Option<Id> {
        if let Mode::Triage(triage) = &self.mode {
            return triage.current();
        }
        match self.tab {
            Tab::Today => self.today_row_id(),
            Tab::Contacts => self.contacts.selected_id(&self.data.contacts),
            Tab::JourFixe => self.jourfixe_selected_id(),
            Tab::Stats => self.cooling_selected_id(),
        }
    }

    /// The selected row of the cooling list, when that contact is active.
    fn cooling_selected_id(&self) -> Option<Id> {
        let cooling = &self.insight.as_ref()?.cooling;
        cooling
            .get(self.cooling.selected)
            .map(|c| c.id)
            .filter(|id| self.data.position(*id).is_some())
    }

    /// Swaps in freshly computed numbers (or why there are none), keeping
    /// the cooling selection on the same contact.
    pub fn set_insight(&mut self, answer: Result<Insight, String>) {
        match answer {
            Ok(insight) => {
                let keep = self.cooling_selected_id();
                self.cooling.selected = keep
                    .and_then(|id| insight.cooling.iter().position(|c| c.id == id))
                    .unwrap_or(self.cooling.selected)
                    .min(insight.cooling.len().saturating_sub(1));
                self.insight = Some(insight);
                self.insight_error = None;
            }
            Err(error) => self.insight_error = Some(error),
        }
    }

    /// Whether the contact's warmth fell (the Today tab's marker).
    pub fn is_cooling(&self, id: Id) -> bool {
        self.insight.as_ref().is_some_and(|i| i.is_cooling(id))
    }

    /// The contact whose brief should be loaded now, if it is not yet.
    pub fn wants_brief(&self) -> Option<Id> {
        let id = self.selected_id()?;
        match &self.brief {
            Some(b) if b.id == id => None,
            _ => Some(id),
        }
    }

    pub fn set_brief(&mut self, brief: Brief) {
        self.brief = Some(brief);
    }

    /// The brief of the selected contact, when loaded.
    pub fn current_brief(&self) -> Option<&Brief> {
        let id = self.selected_id()?;
        self.brief.as_ref().filter(|b| b.id == id)
    }

    fn today_row_id(&self) -> Option<Id> {
        self.data
            .today_rows
            .get(self.today.selected)
            .and_then(|r| r.contact_id())
    }

    /// The first Today row from `at` on (then from the top) of someone
    /// overdue or due today who was not in the touch just logged.
    fn next_needing_a_call(&self, at: usize, logged: &[Id]) -> Option<usize> {
        let rows = &self.data.today_rows;
        let needs = |i: &usize| match &rows[*i] {
            TodayRow::Contact { id, urgency, .. } => {
                matches!(urgency, Urgency::Overdue | Urgency::Due) && !logged.contains(id)
            }
            _ => false,
        };
        (at.min(rows.len())..rows.len())
            .find(needs)
            .or_else(|| (0..at.min(rows.len())).find(needs))
    }

    /// Notes, before a log from Today goes out, where the logged person's
    /// row is: once it is written the selection moves on from there.
    pub(super) fn logging_from(&mut self, participants: &[Id]) {
        if self.tab == Tab::Today && !self.zoom {
            self.after_log = Some((self.today.selected, participants.to_vec()));
        }
    }

    pub(super) fn first_today_row(&self) -> Option<usize> {
        self.data
            .today_rows
            .iter()
            .position(|r| r.contact_id().is_some())
    }

    /// The next selectable Today row from `from` (exclusive) going `step`.
    pub(super) fn next_today_row(&self, from: usize, step: isize) -> Option<usize> {
        let rows = &self.data.today_rows;
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < rows.len() {
            if rows[i as usize].contact_id().is_some() {
                return Some(i as usize);
            }
            i += step;
        }
        None
    }

    /// The Jour fixe tab's list: for each Jour fixe, its next planned
    /// occurrence (indices into `data.ov.calendar`), by date.
    pub fn jourfixe_list(&self) -> Vec<usize> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, o) in self.data.ov.calendar.iter().enumerate() {
            if o.state == OccurrenceState::Upcoming
                && o.date >= self.data.ov.today
                && seen.insert(o.jourfixe_id)
            {
                out.push(i);
            }
        }
        out
    }

    fn jourfixe_selected_id(&self) -> Option<Id> {
        self.jourfixe_selected().map(|o| o.contact_id)
    }

    /// The next occurrence of the Jour fixe selected on its tab.
    pub fn jourfixe_selected(&self) -> Option<&Dated> {
        let list = self.jourfixe_list();
        list.get(self.jourfixe.selected)
            .map(|i| &self.data.ov.calendar[*i])
    }

    /// Called by the event loop after performing an effect.
    pub fn effect_done(&mut self, result: Result<Applied, String>) {
        let undoing = self.undoing.take();
        if result.is_err() {
            self.after_log = None;
        }
        if let Mode::Triage(_) = &self.mode
            && let Mode::Triage(triage) = std::mem::replace(&mut self.mode, Mode::Normal)
        {
            let message = result.map(|applied| {
                self.undo = applied.undo;
                self.no_undo = Some(final_change(&applied.message));
                applied.message
            });
            self.triage_done(triage, message);
            return;
        }
        match result {
            Ok(applied) => {
                if matches!(self.mode, Mode::Modal(_)) {
                    self.mode = Mode::Normal;
                }
                if self.after_log.is_none() {
                    self.select_after_reload = applied.select;
                }
                self.no_undo = Some(match &undoing {
                    Some(_) => {
                        t!("tui-undo-twice")
                    }
                    None => final_change(&applied.message),
                });
                // An undo is not undone in turn: `u` takes back one write.
                let text = match &undoing {
                    Some(what) => t!("tui-undone", what = what.as_str()),
                    None => applied.message,
                };
                self.undo = match undoing {
                    Some(_) => None,
                    None => applied.undo,
                };
                self.message = Some(Message { text, error: false });
            }
            Err(error) => match &mut self.mode {
                Mode::Modal(modal) if matches!(**modal, Modal::Form(_)) => {
                    if let Modal::Form(form) = &mut **modal {
                        form.error = Some(error);
                    }
                }
                _ => {
                    self.mode = Mode::Normal;
                    self.message = Some(Message {
                        text: error,
                        error: true,
                    });
                }
            },
        }
    }

    /// The inverse of the last write, marked as an undo under way.
    pub(super) fn take_undo(&mut self) -> Option<Effect> {
        let undo = self.undo.take()?;
        self.undoing = Some(undo.what);
        Some(undo.effect)
    }

    /// Asks for the plan of merging `gone` into `keep` (read on the next
    /// refresh, then asked about).
    pub(super) fn want_merge(&mut self, keep: Id, gone: Id) {
        self.merge_wanted = Some((keep, gone));
    }

    /// The merge whose plan the refresh should read now, if any.
    pub fn take_merge_wanted(&mut self) -> Option<(Id, Id)> {
        self.merge_wanted.take()
    }

    /// Asks about the merge `plan` says (what moves, what it adds), or
    /// says why it cannot be done.
    pub fn merge_planned(&mut self, plan: Result<crate::app::merge::MergePlan, String>) {
        match plan {
            Ok(plan) => {
                let mut question: Vec<String> = crate::text::merge::merge_plan(&plan)
                    .lines()
                    .map(|l| crate::text::clean(l.trim()))
                    .collect();
                question.push(t!("tui-merge-ask"));
                self.mode = Mode::Modal(Box::new(Modal::Confirm(Confirm {
                    question: question.join("\n"),
                    effect: Effect::Merge {
                        keep: plan.kept.id,
                        gone: plan.gone.id,
                    },
                })));
            }
            Err(error) => self.say(error, true),
        }
    }

    /// Shows a line in the footer until the next key.
    pub fn say(&mut self, text: impl Into<String>, error: bool) {
        self.message = Some(Message {
            text: text.into(),
            error,
        });
    }

    /// The current sort of the contact list.
    pub fn sort(&self) -> Sort {
        self.contacts.sort
    }
}

/// The selections of an [`App`] by contact id, kept across a data change.
struct Selection {
    /// After logging on Today: the logged row's place and who was in it.
    after_log: Option<(usize, Vec<Id>)>,
    /// Whom the last write asked to select.
    wanted: Option<Id>,
    today: Option<Id>,
    contact: Option<Id>,
    jourfixe: Option<Id>,
    /// The selected Today row's place.
    today_row: usize,
}

/// What `u` says after a write that has no inverse (a merge, a deletion).
fn final_change(message: &str) -> String {
    t!("tui-undo-final", change = message.trim_end_matches('.'))
}
