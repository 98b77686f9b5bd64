//! Keys and clicks → state changes and effects. A modal gets the event
//! first; otherwise the keymap table says what a key means here. Nothing in
//! this file writes to the database or reads a clock.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;
use tui_input::backend::crossterm::EventHandler;

use super::app::{App, Confirm, Hit, Message, Modal, Mode, Outcome, Tab};
use super::effects::Effect;
use super::forms::{self, Step};
use super::keymap::{self, Action, Scope, action_for};
use super::pick::{Pick, PickStep};
use crate::clock;
use crate::model::Id;

/// Rows a mouse wheel notch moves.
const WHEEL_ROWS: isize = 3;

impl App {
    /// The key scopes in force, most specific first (also the footer's).
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.mode {
            Mode::Modal(modal) => match &**modal {
                Modal::Form(form) => form.scopes().to_vec(),
                Modal::Confirm(_) => vec![Scope::Confirm],
                Modal::Pick(_) => vec![Scope::Pick],
            },
            Mode::Filter => vec![Scope::Filter],
            Mode::Help { .. } => vec![],
            Mode::Triage(_) => vec![Scope::Triage],
            Mode::Normal => {
                let mut scopes = Vec::new();
                if self.zoom {
                    scopes.push(Scope::Card);
                } else if self.tab == Tab::JourFixe {
                    scopes.push(Scope::JourFixeTab);
                }
                scopes.push(Scope::Contact);
                if self.tab == Tab::Contacts {
                    scopes.push(Scope::Contacts);
                }
                scopes.push(Scope::Global);
                scopes
            }
        }
    }

    /// The scopes whose keys the footer offers: as [`App::scopes`], without
    /// the contact (and Jour fixe) keys while nobody is selected.
    pub fn footer_scopes(&self) -> Vec<Scope> {
        let mut scopes = self.scopes();
        if self.selected_id().is_none() {
            scopes.retain(|s| !matches!(s, Scope::Contact | Scope::JourFixeTab | Scope::Card));
        }
        scopes
    }

    /// The footer's keys: on a form's choice field its options' keys
    /// first, then the table's hints for the scopes in force, with the
    /// help key last (it is what a person looks for when lost).
    pub fn footer_hints(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        if let Mode::Modal(modal) = &self.mode
            && let Modal::Form(form) = &**modal
            && let Some(field) = form.focused()
        {
            out.extend(field.key_hints());
        }
        let hints = keymap::hints(&self.footer_scopes());
        let (help, rest): (Vec<_>, Vec<_>) = hints
            .into_iter()
            .map(|(k, l)| (k, l.to_string()))
            .partition(|(_, l)| l == crate::tr!(keymap::HELP_HINT));
        out.extend(rest);
        out.extend(help.into_iter().take(1));
        out
    }

    /// Handles any terminal event; resizes and focus changes just redraw.
    pub fn handle_event(&mut self, event: &Event) -> Outcome {
        match event {
            Event::Key(key) => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(mouse),
            _ => Outcome::Continue,
        }
    }

    /// One key press.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Continue;
        }
        if key.code == KeyCode::Char('c') && key.modifiers == KeyModifiers::CONTROL {
            return Outcome::Quit;
        }
        self.message = None;
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match mode {
            Mode::Modal(modal) => self.modal_key(*modal, key),
            Mode::Triage(triage) => self.triage_key(triage, key),
            Mode::Help { scroll, back } => {
                self.mode = match key.code {
                    KeyCode::Char('j') | KeyCode::Down => Mode::Help {
                        scroll: scroll.saturating_add(1),
                        back,
                    },
                    KeyCode::Char('k') | KeyCode::Up => Mode::Help {
                        scroll: scroll.saturating_sub(1),
                        back,
                    },
                    KeyCode::PageDown | KeyCode::Char(' ') => Mode::Help {
                        scroll: scroll.saturating_add(self.page as u16),
                        back,
                    },
                    KeyCode::PageUp => Mode::Help {
                        scroll: scroll.saturating_sub(self.page as u16),
                        back,
                    },
                    _ => *back,
                };
                Outcome::Continue
            }
            Mode::Filter => {
                if action_for(&[Scope::Filter], key) == Some(Action::Help) {
                    self.help_over(Mode::Filter);
                    return Outcome::Continue;
                }
                self.mode = Mode::Filter;
                self.filter_key(key);
                Outcome::Continue
            }
            Mode::Normal => match action_for(&self.scopes(), key) {
                Some(action) => self.dispatch(action),
                None => Outcome::Continue,
            },
        }
    }

    fn modal_key(&mut self, modal: Modal, key: &KeyEvent) -> Outcome {
        match modal {
            Modal::Confirm(confirm) => match action_for(&[Scope::Confirm], key) {
                Some(Action::Confirm) => Outcome::Effect(Box::new(confirm.effect)),
                Some(Action::Close) => Outcome::Continue,
                Some(Action::Help) => {
                    self.help_over(Mode::Modal(Box::new(Modal::Confirm(confirm))));
                    Outcome::Continue
                }
                _ => {
                    self.mode = Mode::Modal(Box::new(Modal::Confirm(confirm)));
                    Outcome::Continue
                }
            },
            Modal::Pick(mut pick) => {
                match pick.handle_key(key, &self.data.contacts) {
                    PickStep::Stay => self.mode = Mode::Modal(Box::new(Modal::Pick(pick))),
                    PickStep::Cancel => {}
                    PickStep::Help => self.help_over(Mode::Modal(Box::new(Modal::Pick(pick)))),
                    PickStep::Picked(keep) => self.want_merge(keep, pick.gone),
                }
                Outcome::Continue
            }
            Modal::Form(mut form) => {
                let step = form.handle_key(key);
                self.read_others(&mut form);
                match step {
                    Step::Cancel => Outcome::Continue,
                    Step::Help => {
                        self.help_over(Mode::Modal(Box::new(Modal::Form(form))));
                        Outcome::Continue
                    }
                    Step::Stay => {
                        self.mode = Mode::Modal(Box::new(Modal::Form(form)));
                        Outcome::Continue
                    }
                    Step::Save => {
                        let ctx = forms::Ctx {
                            now: self.now,
                            local_now: clock::local(self.now).naive_local(),
                            today: self.today_date(),
                            config: &self.config,
                        };
                        let result = form.submit(&ctx);
                        match result {
                            Ok(effect) => {
                                if let Effect::Log(touch) = &effect {
                                    self.logging_from(&touch.participants);
                                }
                                form.error = None;
                                self.mode = Mode::Modal(Box::new(Modal::Form(form)));
                                Outcome::Effect(Box::new(effect))
                            }
                            Err(error) => {
                                form.error = Some(error);
                                self.mode = Mode::Modal(Box::new(Modal::Form(form)));
                                Outcome::Continue
                            }
                        }
                    }
                }
            }
        }
    }

    /// Opens the key reference over `back`, which it returns to.
    fn help_over(&mut self, back: Mode) {
        self.mode = Mode::Help {
            scroll: 0,
            back: Box::new(back),
        };
    }

    /// Reads the log form's "with" names again when they changed: against
    /// the loaded contacts, once per key that changes them.
    fn read_others(&self, form: &mut forms::Form) {
        let text = form
            .fields
            .get(forms::log::WITH)
            .map(|f| f.text_value().to_string());
        if let forms::FormKind::Log { others, .. } = &mut form.kind
            && let Some(text) = text
            && others.text != text
        {
            *others = forms::Others::read(&text, |name| self.data.find_contact(name));
        }
    }

    fn filter_key(&mut self, key: &KeyEvent) {
        match action_for(&[Scope::Filter], key) {
            Some(Action::Save) => self.mode = Mode::Normal,
            Some(Action::Close) => {
                self.filter.reset();
                self.refilter();
                self.mode = Mode::Normal;
            }
            Some(Action::Down) => self.contacts.move_by(1),
            Some(Action::Up) => self.contacts.move_by(-1),
            _ => {
                if self.filter.handle_event(&Event::Key(*key)).is_some() {
                    self.refilter();
                }
            }
        }
    }

    fn refilter(&mut self) {
        self.contacts
            .refilter(&self.data.contacts, self.filter.value(), None);
    }

    fn dispatch(&mut self, action: Action) -> Outcome {
        match action {
            Action::Quit => return Outcome::Quit,
            Action::NextTab => self.go_tab(Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()]),
            Action::PrevTab => {
                self.go_tab(Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Action::GoTab(i) => self.go_tab(Tab::ALL[i.min(Tab::ALL.len() - 1)]),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page.max(1) as isize),
            Action::PageUp => self.move_by(-(self.page.max(1) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Help => self.help_over(Mode::Normal),
            Action::Undo => {
                return match self.take_undo() {
                    Some(effect) => Outcome::Effect(Box::new(effect)),
                    None => {
                        let why = self.no_undo.clone().unwrap_or_else(|| {
                            "nothing to undo: no change made here since draht started".into()
                        });
                        self.say(why, true);
                        Outcome::Continue
                    }
                };
            }
            Action::NextTouch => self.move_touch(1),
            Action::PrevTouch => self.move_touch(-1),
            Action::EditTouch | Action::RemoveTouch => self.touch_action(action),
            Action::EditJourFixe => self.edit_jourfixe(),
            Action::Filter => {
                self.tab = Tab::Contacts;
                self.zoom = false;
                self.mode = Mode::Filter;
            }
            Action::Sort => {
                let next = self.contacts.sort.next();
                self.contacts
                    .set_sort(&self.data.contacts, self.filter.value(), next);
                self.say(crate::t!("tui-sorted-by", sort = next.label()), false);
            }
            Action::Close => {
                if self.zoom {
                    self.zoom = false;
                    self.card_touch = 0;
                } else if !self.filter.value().is_empty() {
                    self.filter.reset();
                    self.refilter();
                }
            }
            Action::Add => self.open_form(forms::add_form()),
            Action::Triage => self.start_triage(),
            Action::SkipDate | Action::DeleteJourFixe => self.jourfixe_action(action),
            Action::Open => {
                self.zoom = !self.zoom;
                self.card_touch = 0;
            }
            other => return self.contact_action(other),
        }
        Outcome::Continue
    }

    /// The actions on the selected contact.
    fn contact_action(&mut self, action: Action) -> Outcome {
        let Some(id) = self.selected_id() else {
            self.say("no contact selected; add one with a", true);
            return Outcome::Continue;
        };
        let Some(facts) = self.data.facts_of(id) else {
            return Outcome::Continue;
        };
        let contact = facts.contact.clone();
        let name = contact.name.clone();
        match action {
            Action::Log => {
                let hooks = match self.current_brief() {
                    Some(brief) => brief.hooks.clone(),
                    None => facts.freshest_hook.iter().cloned().collect(),
                };
                self.open_form(forms::log_form(id, &name, contact.min_channel(), &hooks));
            }
            Action::Edit => self.open_form(forms::edit_form(&contact)),
            Action::Cadence => self.open_form(forms::cadence_form(id, &name, contact.cadence_days)),
            Action::Snooze => self.open_form(forms::snooze_form(id, &name)),
            Action::Hook => self.open_form(forms::hook_form(id, &name)),
            Action::FollowUp => self.open_form(forms::followup_form(id, &name)),
            Action::JourFixe => {
                let today = self.today_date();
                self.open_form(forms::jourfixe_form(id, &name, today));
            }
            Action::Archive => self.ask(
                crate::t!("tui-ask-archive", name = name.clone()),
                Effect::Archive { contact: id },
            ),
            Action::Merge => {
                let pick = Pick::new(id, &name, &self.data.contacts);
                self.mode = Mode::Modal(Box::new(Modal::Pick(pick)));
            }
            Action::Delete => self.ask(
                crate::t!("tui-ask-delete", name = name.clone()),
                Effect::Delete { contact: id },
            ),
            _ => {}
        }
        Outcome::Continue
    }

    /// Moves the selection among the open card's touches.
    fn move_touch(&mut self, by: isize) {
        let n = self.current_brief().map_or(0, |b| b.touches.len());
        let last = n.saturating_sub(1) as isize;
        self.card_touch = (self.card_touch as isize + by).clamp(0, last.max(0)) as usize;
    }

    /// The touch selected in the open card.
    pub fn selected_touch(&self) -> Option<&crate::model::Touch> {
        self.current_brief()?.touches.get(self.card_touch)
    }

    /// Fix or remove the touch selected in the open card.
    fn touch_action(&mut self, action: Action) {
        let Some(touch) = self.selected_touch().cloned() else {
            self.say("no touch to pick here; log one with l", true);
            return;
        };
        if action == Action::EditTouch {
            self.open_form(forms::touch_form(&touch));
            return;
        }
        let day = crate::text::day_short(clock::local_day(touch.at), self.data.ov.today);
        let others = touch.participants.len().saturating_sub(1);
        let channel = crate::text::channel_name(crate::i18n::current(), touch.channel);
        self.ask(
            crate::t!(
                "tui-ask-remove-touch",
                channel = channel,
                day = day,
                others = others
            ),
            Effect::RemoveTouch { touch: touch.id },
        );
    }

    /// Opens the form that changes the Jour fixe selected on its tab.
    fn edit_jourfixe(&mut self) {
        let Some(o) = self.jourfixe_selected() else {
            self.say("no Jour fixe selected; set one with f on a contact", true);
            return;
        };
        let (id, name) = (o.jourfixe_id, o.name.clone());
        let Some(t) = self.data.tracked(id) else {
            return;
        };
        let form = forms::edit_jourfixe_form(&t.jf, &name, self.today_date());
        self.open_form(form);
    }

    /// Skip the next date of, or delete, the Jour fixe selected on its tab.
    fn jourfixe_action(&mut self, action: Action) {
        let Some(o) = self.jourfixe_selected() else {
            self.say("no Jour fixe selected; set one with f on a contact", true);
            return;
        };
        let (id, date, name, rule) = (o.jourfixe_id, o.date, o.name.clone(), o.rule.clone());
        let today = self.data.ov.today;
        if action == Action::SkipDate {
            self.ask(
                crate::t!(
                    "tui-ask-skip-jourfixe",
                    day = crate::text::day_short(date, today),
                    name = &*name,
                    rule = &*rule
                ),
                Effect::SkipJourFixe { jourfixe: id, date },
            );
        } else {
            self.ask(
                crate::t!("tui-ask-delete-jourfixe", name = &*name, rule = &*rule),
                Effect::DeleteJourFixe { jourfixe: id },
            );
        }
    }

    fn open_form(&mut self, form: forms::Form) {
        self.mode = Mode::Modal(Box::new(Modal::Form(form)));
    }

    fn ask(&mut self, question: String, effect: Effect) {
        self.mode = Mode::Modal(Box::new(Modal::Confirm(Confirm {
            question: crate::text::clean(&question),
            effect,
        })));
    }

    fn go_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.zoom = false;
    }

    /// Moves the selection of the current tab's list by `by` rows.
    fn move_by(&mut self, by: isize) {
        match self.tab {
            Tab::Today => {
                let step = by.signum();
                let mut at = self.today.selected;
                for _ in 0..by.unsigned_abs().min(self.data.today_rows.len()) {
                    match self.next_today_row(at, step) {
                        Some(next) => at = next,
                        None => break,
                    }
                }
                self.today.selected = at;
            }
            Tab::Contacts => self.contacts.move_by(by),
            Tab::JourFixe => {
                let last = self.jourfixe_list().len().saturating_sub(1) as isize;
                self.jourfixe.selected =
                    (self.jourfixe.selected as isize + by).clamp(0, last.max(0)) as usize;
            }
            Tab::Stats => {
                let rows = self.insight.as_ref().map_or(0, |i| i.cooling.len());
                let last = rows.saturating_sub(1) as isize;
                self.cooling.selected =
                    (self.cooling.selected as isize + by).clamp(0, last.max(0)) as usize;
            }
        }
    }

    /// Selects row `index` of the current tab's list, if it can be selected.
    fn select_row(&mut self, index: usize) {
        match self.tab {
            Tab::Today => {
                if self
                    .data
                    .today_rows
                    .get(index)
                    .is_some_and(|r| r.contact_id().is_some())
                {
                    self.today.selected = index;
                }
            }
            Tab::Contacts => {
                if index < self.contacts.view.len() {
                    self.contacts.state.selected = index;
                }
            }
            Tab::JourFixe => {
                if index < self.jourfixe_list().len() {
                    self.jourfixe.selected = index;
                }
            }
            Tab::Stats => {
                if index < self.insight.as_ref().map_or(0, |i| i.cooling.len()) {
                    self.cooling.selected = index;
                }
            }
        }
    }

    /// Mouse: the wheel scrolls the list, a click selects a row or a tab.
    pub fn handle_mouse(&mut self, mouse: &MouseEvent) -> Outcome {
        if !matches!(self.mode, Mode::Normal | Mode::Filter) {
            return Outcome::Continue;
        }
        match mouse.kind {
            MouseEventKind::ScrollDown => self.move_by(WHEEL_ROWS),
            MouseEventKind::ScrollUp => self.move_by(-WHEEL_ROWS),
            MouseEventKind::Down(MouseButton::Left) => {
                let at = Position::new(mouse.column, mouse.row);
                let hit = self
                    .hits
                    .iter()
                    .find(|(rect, _)| rect.contains(at))
                    .map(|(_, hit)| *hit);
                match hit {
                    Some(Hit::Tab(tab)) => self.go_tab(tab),
                    Some(Hit::Row(i)) => self.select_row(i),
                    None => {}
                }
            }
            _ => {}
        }
        Outcome::Continue
    }

    /// Selects contact `id` on the current tab if it is listed there.
    pub fn select_contact(&mut self, id: Id) {
        match self.tab {
            Tab::Today => {
                if let Some(i) = self
                    .data
                    .today_rows
                    .iter()
                    .position(|r| r.contact_id() == Some(id))
                {
                    self.today.selected = i;
                }
            }
            Tab::Contacts => {
                if let Some(i) = self
                    .contacts
                    .view
                    .iter()
                    .position(|i| self.data.contacts[*i].id == id)
                {
                    self.contacts.state.selected = i;
                }
            }
            _ => {}
        }
    }

    /// The footer's message, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }
}
