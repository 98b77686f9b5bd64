//! The screens in German (issue 21, item 5): every tab, the card, the
//! help, triage, the merge picker and every form at 80×24 and 100×30, with
//! the German demo data, as snapshots `de_{screen}@{w}x{h}`; and, against
//! the English screen with the same keys, nothing the English one shows is
//! cut or dropped in German.

use insta::assert_snapshot;

use super::Fixture;
use crate::i18n::{self, Lang};
use crate::store::Store;

/// The two sizes the German screens are drawn at.
const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

/// A screen: its name, the keys that open it in English and in German
/// (the same keys; only what is typed into a field is in the language).
const SCREENS: [(&str, &str, &str); 23] = [
    ("today", "", ""),
    ("contacts", "2j", "2j"),
    ("jour_fixe", "3", "3"),
    ("stats", "4", "4"),
    ("card", "<Enter>", "<Enter>"),
    ("help", "?", "?"),
    ("triage", "t", "t"),
    ("merge_picker", "2M", "2M"),
    ("log_form", "l", "l"),
    (
        "log_form_with_others",
        "lcoffee<Tab><Tab><Tab>jonas, lea",
        "lKaffee<Tab><Tab><Tab>jonas, lea",
    ),
    ("add_form", "a", "a"),
    ("edit_form", "e", "e"),
    ("cadence_form", "c", "c"),
    ("snooze_form", "s", "s"),
    (
        "hook_form",
        "hask about the Berlin marathon",
        "hnach dem Berlin-Marathon fragen",
    ),
    ("follow_up_form", "r", "r"),
    (
        "jour_fixe_form",
        "fevery 2nd tue 10:00",
        "fjeden 2. Dienstag im Monat um 10 Uhr",
    ),
    ("jour_fixe_edit_form", "3e", "3e"),
    ("touch_form", "<Enter>je", "<Enter>je"),
    ("delete_confirmation", "d", "d"),
    ("archive_confirmation", "x", "x"),
    ("remove_touch_confirmation", "<Enter>jd", "<Enter>jd"),
    ("jour_fixe_skip_confirmation", "3s", "3s"),
];

/// The app on the demo seeded in `lang`, drawn in `lang`.
fn demo_in(lang: Lang) -> Fixture {
    let mut store = Store::open_in_memory().expect("store");
    crate::demo::seed_in(&mut store, super::now(), lang).expect("demo");
    Fixture::on(store)
}

/// What one screen shows in `lang`: the text, the demo's names, the
/// footer's hints (key and label) the keys there offer, and, under a form
/// or question, the screen it covers (drawn after Esc closed it).
struct Drawn {
    screen: String,
    names: Vec<String>,
    hints: Vec<String>,
    behind: Option<String>,
}

fn draw(lang: Lang, keys: &str, width: u16, height: u16) -> Drawn {
    i18n::with_lang(lang, || {
        let mut f = demo_in(lang);
        f.keys(keys);
        let screen = f.screen(width, height);
        let names = f.app.data.ov.facts.iter();
        let names = names.map(|facts| facts.contact.name.clone()).collect();
        let hints = f.app.footer_hints().into_iter();
        let hints = hints.map(|(key, label)| format!("{key} {label}")).collect();
        let behind = matches!(f.app.mode, crate::tui::app::Mode::Modal(_)).then(|| {
            f.keys("<Esc>");
            f.screen(width, height)
        });
        Drawn {
            screen,
            names,
            hints,
            behind,
        }
    })
}

fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default().trim_end()
}

/// The footer's hints that are drawn in it.
fn offered(drawn: &Drawn) -> usize {
    let footer = footer(&drawn.screen);
    drawn.hints.iter().filter(|h| footer.contains(*h)).count()
}

#[test]
fn every_screen_in_german_at_both_sizes() {
    for (name, _, keys) in SCREENS {
        for (w, h) in SIZES {
            let drawn = draw(Lang::De, keys, w, h);
            assert_snapshot!(format!("de_{name}@{w}x{h}"), drawn.screen);
        }
    }
}

#[test]
fn nothing_the_english_screen_shows_is_cut_in_german() {
    let mut problems = Vec::new();
    for (name, en_keys, de_keys) in SCREENS {
        for (w, h) in SIZES {
            let en = draw(Lang::En, en_keys, w, h);
            let de = draw(Lang::De, de_keys, w, h);
            let at = format!("{name} at {w}×{h}");
            // a form covers other rows in German than in English (the rows
            // under it are laid out apart): a name under it is on the
            // screen it covers, not pushed off
            for person in &en.names {
                let person = person.as_str();
                let shown = de.screen.contains(person)
                    || de.behind.as_ref().is_some_and(|b| b.contains(person));
                if en.screen.contains(person) && !shown {
                    problems.push(format!("{at}: {person} is missing in German"));
                }
            }
            let cuts = |s: &str| s.matches('…').count();
            if cuts(&de.screen) > cuts(&en.screen) {
                problems.push(format!(
                    "{at}: {} cuts (…) in German, {} in English",
                    cuts(&de.screen),
                    cuts(&en.screen)
                ));
            }
            // the help itself says how to scroll and close it
            let de_footer = footer(&de.screen);
            if name != "help"
                && !(de_footer.ends_with("? Hilfe") || de_footer.ends_with("F1 Hilfe"))
            {
                problems.push(format!(
                    "{at}: the footer {de_footer:?} ends without the help"
                ));
            }
            if offered(&de) < offered(&en) {
                problems.push(format!(
                    "{at}: the German footer offers {} keys, the English one {}",
                    offered(&de),
                    offered(&en)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The welcome on an empty database, in German, whole at both sizes.
#[test]
fn the_welcome_in_german() {
    for (w, h) in SIZES {
        let screen = i18n::with_lang(Lang::De, || Fixture::empty().screen(w, h));
        assert!(!screen.contains('…'), "{screen}");
        assert!(footer(&screen).ends_with("? Hilfe"), "{screen}");
        assert_snapshot!(format!("de_welcome@{w}x{h}"), screen);
    }
}
