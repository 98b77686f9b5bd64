//! Keys in, state and effects out: no terminal, and (with `press`) no store.

use chrono::{Duration, NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::Got as Outcome;
use super::{Fixture, form_error, id_of, now, selected_name};
use crate::clock;
use crate::model::{Channel, HookKind, Outcome as TouchOutcome};
use crate::tui::app::{Modal, Mode, Tab};
use crate::tui::effects::Effect;
use crate::tui::keymap::{self, Scope};
use crate::tui::list::Sort;

fn today() -> NaiveDate {
    clock::local_day(now())
}

#[test]
fn opens_on_today_with_the_most_urgent_contact_selected() {
    let f = Fixture::demo();
    assert_eq!(f.app.tab, Tab::Today);
    assert_eq!(selected_name(&f.app), "Anna Schmidt");
}

#[test]
fn j_and_k_move_between_contacts_skipping_headings() {
    let mut f = Fixture::demo();
    f.press("jjj");
    // Anna → Jonas → Jürgen → (PLANNED heading skipped) Sophie
    assert_eq!(selected_name(&f.app), "Sophie Lang");
    f.press("k");
    assert_eq!(selected_name(&f.app), "Jürgen Müller");
    f.press("G");
    assert_eq!(selected_name(&f.app), "Ben Okafor");
    f.press("g");
    assert_eq!(selected_name(&f.app), "Anna Schmidt");
}

#[test]
fn l_enter_logs_a_call_now_with_the_selected_contact() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    // Anna's calls count: the channel starts at call
    let outcome = f.press("l<Enter>");
    let Outcome::Effect(Effect::Log(touch)) = outcome else {
        panic!("expected a log effect, got {outcome:?}");
    };
    assert_eq!(touch.channel, Channel::Call);
    assert_eq!(touch.participants, vec![anna]);
    assert_eq!(touch.at, now());
    assert_eq!(touch.outcome, TouchOutcome::Done);
    assert_eq!(touch.note, None);
}

#[test]
fn the_log_form_opens_on_the_note_and_channel_keys_pick_on_the_channel() {
    let mut f = Fixture::demo();
    // the note first; Tab to the channel, 6 = meet
    let outcome = f.press("lcoffee at Mo's, 4 of us<Tab>6<Enter>");
    let Outcome::Effect(Effect::Log(touch)) = outcome else {
        panic!("expected a log effect, got {outcome:?}");
    };
    assert_eq!(touch.channel, Channel::Meet);
    assert_eq!(
        touch.note.as_deref(),
        Some("coffee at Mo's, 4 of us"),
        "digits in the note are text"
    );
    let Outcome::Effect(Effect::Log(touch)) = f.press("<Esc>l<Tab>1<Enter>") else {
        panic!("expected a log effect");
    };
    assert_eq!(touch.channel, Channel::Sms);
}

/// Typing text never changes a choice: a note full of spaces, digits and
/// the letters of the outcome's keys leaves channel and outcome as they
/// were.
#[test]
fn typing_a_note_leaves_every_choice_as_it_was() {
    let mut f = Fixture::demo();
    let Outcome::Effect(Effect::Log(touch)) = f.press("lmissed 2 trains, 1 done deal<Enter>")
    else {
        panic!("expected a log effect");
    };
    assert_eq!(touch.note.as_deref(), Some("missed 2 trains, 1 done deal"));
    assert_eq!(touch.channel, Channel::Call);
    assert_eq!(touch.outcome, TouchOutcome::Done);
    assert_eq!(touch.rating, None);
}

#[test]
fn a_missed_call_yesterday_evening_with_a_rating_and_a_hook() {
    let mut f = Fixture::demo();
    // the brief with both of Anna's hooks is loaded by `open`
    assert_eq!(f.app.current_brief().map(|b| b.hooks.len()), Some(2));
    // when, then m(issed), + (good), and the first hook by its key
    let outcome = f.press("l<Tab><Tab><C-u>yesterday 18:30<Tab><Tab>m<Tab>+<Tab><Right><Enter>");
    let Outcome::Effect(Effect::Log(touch)) = outcome else {
        panic!("expected a log effect, got {outcome:?}");
    };
    let evening =
        (today() - Duration::days(1)).and_time(NaiveTime::from_hms_opt(18, 30, 0).unwrap());
    assert_eq!(touch.at, clock::from_local(evening));
    assert_eq!(touch.outcome, TouchOutcome::Missed);
    assert_eq!(touch.rating, Some(1));
    assert!(touch.hook_id.is_some());
}

#[test]
fn an_unreadable_time_keeps_the_log_form_open_and_lists_the_forms() {
    let mut f = Fixture::demo();
    let outcome = f.press("l<Tab><Tab><C-u>blorp<Enter>");
    assert_eq!(outcome, Outcome::Continue);
    let error = form_error(&f).expect("an error in the form");
    assert!(
        error.contains("blorp") && error.contains("yesterday"),
        "{error}"
    );
}

#[test]
fn a_touch_in_the_future_is_refused() {
    let mut f = Fixture::demo();
    f.press("l<Tab><Tab><C-u>tomorrow<Enter>");
    let error = form_error(&f).expect("an error in the form");
    assert!(error.contains("future"), "{error}");
}

#[test]
fn esc_cancels_a_form_without_an_effect() {
    let mut f = Fixture::demo();
    assert_eq!(f.press("lhalf a note<Esc>"), Outcome::Continue);
    assert!(matches!(f.app.mode, Mode::Normal));
}

#[test]
fn snooze_defaults_to_one_week() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(
        f.press("s<Enter>"),
        Outcome::Effect(Effect::Snooze {
            contact: anna,
            until: today() + Duration::days(7)
        })
    );
}

#[test]
fn snooze_choices_and_a_typed_date() {
    let mut f = Fixture::demo();
    // Tab to the choice, → 2w
    let Outcome::Effect(Effect::Snooze { until, .. }) = f.press("s<Tab><Right><Enter>") else {
        panic!("expected a snooze");
    };
    assert_eq!(until, today() + Duration::days(14));
    // or its key: m = a month
    let Outcome::Effect(Effect::Snooze { until, .. }) = f.press("<Esc>s<Tab>m<Enter>") else {
        panic!("expected a snooze");
    };
    assert_eq!(until, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    // the form opens on the date
    let Outcome::Effect(Effect::Snooze { until, .. }) = f.press("<Esc>s2026-12-24<Enter>") else {
        panic!("expected a snooze");
    };
    assert_eq!(until, NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
    f.press("<Esc>syesterday<Enter>");
    assert!(form_error(&f).is_some_and(|e| e.contains("not in the future")));
}

#[test]
fn a_hook_needs_text_and_keeps_its_kind() {
    let mut f = Fixture::demo();
    f.press("h<Enter>");
    assert!(form_error(&f).is_some_and(|e| e.contains("needs some text")));
    let Outcome::Effect(Effect::AddHook { kind, text, .. }) =
        f.press("sailing in June<Tab><Left><Enter>")
    else {
        panic!("expected a hook");
    };
    assert_eq!(kind, HookKind::Offer);
    assert_eq!(text, "sailing in June");
}

/// The words of the issue: typing "ask about the Berlin marathon" in the
/// hook form gives that text and leaves the kind as it was — no Space
/// turns it, no letter picks one.
#[test]
fn typing_a_hook_gives_that_text_and_leaves_the_kind() {
    let mut f = Fixture::demo();
    let Outcome::Effect(Effect::AddHook { kind, text, .. }) =
        f.press("hask about the Berlin marathon<Enter>")
    else {
        panic!("expected a hook");
    };
    assert_eq!(text, "ask about the Berlin marathon");
    assert_eq!(kind, HookKind::default());
    // on the kind, its letters pick: h(obby)
    let Outcome::Effect(Effect::AddHook { kind, .. }) = f.press("<Esc>hmarathon<Tab>h<Enter>")
    else {
        panic!("expected a hook");
    };
    assert_eq!(kind, HookKind::Hobby);
}

/// Every form opens with the focus on its first text field.
#[test]
fn every_form_opens_on_its_first_text_field() {
    for keys in ["l", "a", "e", "c", "s", "h", "r", "f", "3e", "<Enter>e"] {
        let mut f = Fixture::demo();
        f.press(keys);
        let Mode::Modal(modal) = &f.app.mode else {
            panic!("{keys}: no form");
        };
        let Modal::Form(form) = &**modal else {
            panic!("{keys}: not a form");
        };
        let first = form.fields.iter().position(|f| f.is_text());
        assert_eq!(Some(form.focus), first, "{keys}: {}", form.title);
    }
}

#[test]
fn a_follow_up_on_friday_is_the_next_friday() {
    let mut f = Fixture::demo();
    let Outcome::Effect(Effect::AddFollowUp { due, note, .. }) =
        f.press("rfri<Tab>send the offer<Enter>")
    else {
        panic!("expected a follow-up");
    };
    assert_eq!(due, NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
    assert_eq!(note, "send the offer");
}

#[test]
fn cadence_reads_a_duration_and_empty_means_none() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(
        f.press("c<C-u>3w<Enter>"),
        Outcome::Effect(Effect::SetCadence {
            contact: anna,
            days: Some(21)
        })
    );
    assert_eq!(
        f.press("<Esc>c<C-u><Enter>"),
        Outcome::Effect(Effect::SetCadence {
            contact: anna,
            days: None
        })
    );
}

#[test]
fn delete_and_archive_ask_first() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    assert_eq!(f.press("d"), Outcome::Continue);
    assert!(matches!(&f.app.mode, Mode::Modal(m) if matches!(**m, Modal::Confirm(_))));
    assert_eq!(f.press("n"), Outcome::Continue);
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(
        f.press("dy"),
        Outcome::Effect(Effect::Delete { contact: anna })
    );
    assert_eq!(
        f.press("<Esc>xy"),
        Outcome::Effect(Effect::Archive { contact: anna })
    );
}

#[test]
fn adding_a_contact_needs_a_name_and_reads_the_cadence() {
    let mut f = Fixture::demo();
    f.press("a<Enter>");
    assert!(form_error(&f).is_some_and(|e| e.contains("needs a name")));
    let Outcome::Effect(Effect::SaveContact { id: None, draft }) =
        f.press("Zoe Park<Tab><Left><Tab>2w<Enter>")
    else {
        panic!("expected a new contact");
    };
    assert_eq!(draft.name, "Zoe Park");
    assert_eq!(draft.sphere, crate::model::Sphere::Work);
    assert_eq!(draft.cadence_days, Some(14));
}

#[test]
fn editing_keeps_what_was_not_touched() {
    let mut f = Fixture::demo();
    let anna = id_of(&f.app, "Anna Schmidt");
    let Outcome::Effect(Effect::SaveContact { id, draft }) = f.press("e<Enter>") else {
        panic!("expected an edit");
    };
    assert_eq!(id, Some(anna));
    let c = &f.app.data.facts_of(anna).unwrap().contact;
    assert_eq!(draft.name, c.name);
    assert_eq!(draft.cadence_days, c.cadence_days);
    assert_eq!(draft.company, c.company);
    let emails: Vec<String> = c.emails.iter().map(|h| h.value.clone()).collect();
    assert_eq!(draft.emails, emails);
}

#[test]
fn the_filter_narrows_as_you_type_and_reads_umlauts_both_ways() {
    let mut f = Fixture::demo();
    f.press("/j");
    assert_eq!(f.app.tab, Tab::Contacts);
    let narrowed = f.app.contacts.view.len();
    assert!(narrowed < f.app.data.contacts.len());
    f.press("ue");
    assert!(f.app.contacts.view.len() <= narrowed);
    assert_eq!(selected_name(&f.app), "Jürgen Müller");
    f.press("<Esc>/mueller<Enter>");
    assert!(matches!(f.app.mode, Mode::Normal));
    assert_eq!(selected_name(&f.app), "Jürgen Müller");
    // the filter stays after Enter; Esc in the list clears it
    assert!(f.app.contacts.view.len() < f.app.data.contacts.len());
    f.press("<Esc>");
    assert_eq!(f.app.contacts.view.len(), f.app.data.contacts.len());
}

#[test]
fn o_cycles_the_sort_and_keeps_the_selection() {
    let mut f = Fixture::demo();
    f.press("2jj");
    let before = selected_name(&f.app);
    f.press("o");
    assert_eq!(f.app.sort(), Sort::Status);
    assert_eq!(selected_name(&f.app), before);
    let first = f.app.contacts.view[0];
    assert_eq!(f.app.data.contacts[first].name, "Jürgen Müller"); // 30d overdue
    f.press("o");
    assert_eq!(f.app.sort(), Sort::LastTouch);
    let first = f.app.contacts.view[0];
    assert_eq!(f.app.data.contacts[first].name, "Clara Hoffmann"); // never touched
}

#[test]
fn tabs_by_number_tab_and_shift_tab() {
    let mut f = Fixture::demo();
    f.press("2");
    assert_eq!(f.app.tab, Tab::Contacts);
    f.press("<Tab>");
    assert_eq!(f.app.tab, Tab::JourFixe);
    f.press("4");
    assert_eq!(f.app.tab, Tab::Stats);
    f.press("<Tab>");
    assert_eq!(f.app.tab, Tab::Today);
    f.press("<BackTab>");
    assert_eq!(f.app.tab, Tab::Stats);
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut f = Fixture::demo();
    f.press("?");
    assert!(matches!(f.app.mode, Mode::Help { scroll: 0, .. }));
    f.press("j");
    assert!(matches!(f.app.mode, Mode::Help { scroll: 1, .. }));
    assert_eq!(f.press("q"), Outcome::Continue);
    assert!(matches!(f.app.mode, Mode::Normal));
}

#[test]
fn q_quits_and_ctrl_c_quits_even_inside_a_form() {
    let mut f = Fixture::demo();
    assert_eq!(f.press("q"), Outcome::Quit);
    assert_eq!(f.press("l4<C-c>"), Outcome::Quit);
}

#[test]
fn the_footer_shows_the_keys_that_apply_now() {
    let mut f = Fixture::demo();
    let labels = |f: &Fixture| -> Vec<&'static str> {
        keymap::hints(&f.app.footer_scopes())
            .into_iter()
            .map(|(_, l)| l)
            .collect()
    };
    assert_eq!(labels(&f)[..3], ["log", "snooze", "jour fixe"]);
    assert!(!labels(&f).contains(&"sort"));
    f.press("2");
    assert!(labels(&f).contains(&"sort"));
    f.press("l");
    assert_eq!(f.app.scopes(), vec![Scope::Form]);
    assert!(
        !labels(&f).contains(&"call"),
        "the note field has no channel keys"
    );
    f.press("<Tab>");
    assert_eq!(f.app.scopes(), vec![Scope::Choice, Scope::Form]);
    let footer: Vec<String> = f.app.footer_hints().into_iter().map(|(_, l)| l).collect();
    assert_eq!(
        footer[..6],
        ["sms", "email", "chat", "call", "video", "meet"]
    );
    assert_eq!(footer.last().map(String::as_str), Some("help"));
}

#[test]
fn contact_keys_without_a_contact_say_so() {
    let mut f = Fixture::empty();
    assert_eq!(f.press("l"), Outcome::Continue);
    assert!(matches!(f.app.mode, Mode::Normal));
    assert!(
        f.app
            .message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("add one with a"))
    );
    // and the footer does not offer them
    let labels: Vec<&str> = keymap::hints(&f.app.footer_scopes())
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert!(!labels.contains(&"log") && labels.contains(&"add"));
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls() {
    let mut f = Fixture::demo();
    f.screen(100, 30);
    let sophie = id_of(&f.app, "Sophie Lang");
    let row = f
        .app
        .data
        .today_rows
        .iter()
        .position(|r| r.contact_id() == Some(sophie))
        .unwrap();
    let (rect, _) = *f
        .app
        .hits
        .iter()
        .find(|(_, hit)| *hit == crate::tui::app::Hit::Row(row))
        .unwrap();
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: rect.x + 3,
        row: rect.y,
        modifiers: KeyModifiers::NONE,
    };
    f.app.handle_mouse(&click);
    assert_eq!(selected_name(&f.app), "Sophie Lang");
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollUp,
        ..click
    };
    f.app.handle_mouse(&wheel);
    assert_eq!(selected_name(&f.app), "Anna Schmidt");
    // a click on a tab title switches tabs
    let (tab_rect, _) = *f
        .app
        .hits
        .iter()
        .find(|(_, hit)| *hit == crate::tui::app::Hit::Tab(Tab::Stats))
        .unwrap();
    f.app.handle_mouse(&MouseEvent {
        column: tab_rect.x,
        row: tab_rect.y,
        ..click
    });
    assert_eq!(f.app.tab, Tab::Stats);
}

#[test]
fn typing_on_and_back_gives_the_same_list_as_a_fresh_filter() {
    let mut typed = Fixture::demo();
    typed.press("/an");
    let narrowed = typed.app.contacts.view.clone();
    typed.press("na");
    assert!(typed.app.contacts.view.len() <= narrowed.len());
    let mut fresh_anna = Fixture::demo();
    fresh_anna.press("/anna");
    assert_eq!(typed.app.contacts.view, fresh_anna.app.contacts.view);
    let mut fresh = Fixture::demo();
    fresh.press("/ann");
    typed
        .app
        .handle_key(&ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Backspace,
            KeyModifiers::NONE,
        ));
    assert_eq!(typed.app.filter.value(), "ann");
    assert_eq!(typed.app.contacts.view, fresh.app.contacts.view);
    // a negated term is not narrowed from the last matches
    typed.press("<Esc>/!anna");
    assert!(typed.app.contacts.view.len() > 1);
    assert!(
        !typed
            .app
            .contacts
            .view
            .iter()
            .any(|i| typed.app.data.contacts[*i].name == "Anna Schmidt")
    );
}
