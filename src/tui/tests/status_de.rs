//! The footer's status lines and the questions before a write, in German:
//! what a German user reads after logging, undoing, deleting, removing a
//! touch, a Jour fixe and a triage walk.

use super::{Fixture, message};
use crate::i18n::{Lang, with_lang};
use crate::tui::app::{Modal, Mode};

/// The question of the open confirmation, or what is open instead.
fn question(f: &Fixture) -> String {
    match &f.app.mode {
        Mode::Modal(m) => match &**m {
            Modal::Confirm(c) => c.question.clone(),
            _ => "a form or a picker, not a confirmation".into(),
        },
        other => format!("nothing asked: {other:?}"),
    }
}

#[test]
fn a_logged_call_and_its_undo_are_said_in_german() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.keys("lQ4 Planung<Tab>4<Enter>");
        assert_eq!(message(&f.app), "Anruf mit Anna Schmidt eingetragen.");
        f.keys("u");
        assert_eq!(message(&f.app), "Zurückgenommen: Anruf mit Anna Schmidt.");
        f.keys("u");
        assert_eq!(
            message(&f.app),
            "nichts mehr zurückzunehmen: u nimmt nur die letzte Änderung zurück"
        );
    });
}

#[test]
fn a_missed_call_says_when_draht_tries_again_with_a_german_plural() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.keys("l<Tab>4<Tab><Tab><Tab>m<Enter>");
        assert_eq!(
            message(&f.app),
            "Anruf mit Anna Schmidt eingetragen: nicht erreicht. Neuer Versuch in 3 Tagen."
        );
        // the whole line fits the footer of an 80-column terminal
        let screen = f.screen(80, 24);
        assert!(
            screen.contains("eingetragen: nicht erreicht. Neuer Versuch in 3 Tagen."),
            "{screen}"
        );
    });
}

#[test]
fn deleting_asks_and_answers_in_german_and_says_why_u_cannot_take_it_back() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.press("d");
        assert_eq!(
            question(&f),
            "Anna Schmidt mit allen Einträgen endgültig löschen?"
        );
        f.keys("y");
        assert_eq!(message(&f.app), "Anna Schmidt gelöscht.");
        f.keys("u");
        assert_eq!(
            message(&f.app),
            "nichts zurückzunehmen: die letzte Änderung ist endgültig (Anna Schmidt gelöscht)"
        );
    });
}

#[test]
fn removing_a_touch_from_the_card_names_it_with_a_german_day() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.keys("<Enter>d");
        assert_eq!(
            question(&f),
            "E-Mail vom Mo., 30. Nov. entfernen? u macht es rückgängig."
        );
        f.keys("y");
        assert!(
            message(&f.app).starts_with("Entfernt: E-Mail vom Mo., 30. Nov. mit Anna Schmidt"),
            "{}",
            message(&f.app)
        );
    });
}

#[test]
fn the_jourfixe_tab_asks_in_german_before_it_deletes() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.press("3d");
        let asked = question(&f);
        assert!(
            asked.starts_with("Jour fixe mit Ingrid Rau (")
                && asked.ends_with(") löschen? Die Einträge bleiben."),
            "{asked}"
        );
        f.keys("y");
        let said = message(&f.app);
        assert!(
            said.starts_with("Jour fixe mit Ingrid Rau (")
                && said.ends_with(") gelöscht; die Einträge bleiben."),
            "{said}"
        );
    });
}

#[test]
fn a_triage_walk_counts_in_german() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.keys("aZoe Park<Enter>");
        assert_eq!(message(&f.app), "Zoe Park hinzugefügt.");
        f.keys("t");
        let Mode::Triage(walk) = &f.app.mode else {
            panic!("no triage: {}", message(&f.app));
        };
        assert_eq!(walk.progress(), "1 von 2");
        let screen = f.screen(100, 30);
        assert!(screen.contains("Sichten · 1 von 2"), "{screen}");
        assert!(
            screen.contains("bisher: 0 Rhythmen festgelegt, 0 archiviert, 0 übersprungen"),
            "{screen}"
        );
        f.keys("s<Esc>");
        assert_eq!(
            message(&f.app),
            "Sichten beendet: 0 Rhythmen festgelegt, 0 archiviert, 1 übersprungen."
        );
    });
}

#[test]
fn the_merge_picker_and_its_question_are_german() {
    with_lang(Lang::De, || {
        let mut f = Fixture::demo();
        f.press("2M");
        let screen = f.screen(100, 30);
        assert!(
            screen.contains("Anna Schmidt zusammenführen mit …")
                && screen.contains(" mit: ")
                && screen.contains("der Kontakt, der bleibt"),
            "{screen}"
        );
        f.keys("Jonas<Enter>");
        assert!(
            question(&f).ends_with(
                "Zusammenführen? Das lässt sich nicht rückgängig machen (u nimmt es nicht zurück)."
            ),
            "{}",
            question(&f)
        );
    });
}
