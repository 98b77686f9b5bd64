//! The demo in German (issue 21 §6): `draht --demo` under a German locale
//! seeds the same people with German notes, hooks, follow-ups and Jour fixe
//! notes; the English demo stays as it was.

use crate::harness::Env;

/// Monday 7 December 2026, 09:00 in Berlin.
const NOW: &str = "2026-12-07T09:00:00+01:00";

/// Every demo text (`demo-*` in the `.ftl` files) that differs between the
/// languages, as (English, German).
fn translated_demo_texts() -> Vec<(String, String)> {
    let texts = |source: &str| -> Vec<(String, String)> {
        source
            .lines()
            .filter(|line| line.starts_with("demo-"))
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, text)| (id.to_string(), text.to_string()))
            .collect()
    };
    let en = texts(include_str!("../../i18n/en/draht.ftl"));
    let de = texts(include_str!("../../i18n/de/draht.ftl"));
    assert!(en.len() > 40, "the demo texts are in the .ftl files");
    en.into_iter()
        .filter_map(|(id, english)| {
            let german = de.iter().find(|(other, _)| *other == id)?.1.clone();
            (german != english).then_some((english, german))
        })
        .collect()
}

/// What a person reads of the demo: the agenda, each person's page, the
/// Jour fixe and the list, in the language `vars` choose.
fn demo_pages(env: &Env, vars: &[(&str, &str)]) -> String {
    let mut pages = String::new();
    let commands: [&[&str]; 12] = [
        &["today"],
        &["list"],
        &["jourfixe", "list"],
        &["show", "anna"],
        &["show", "jonas"],
        &["show", "mama"],
        &["show", "lea"],
        &["show", "ben"],
        &["show", "thomas"],
        &["show", "sophie"],
        &["show", "jürgen"],
        &["show", "clara"],
    ];
    for args in commands {
        let mut cmd = env.cmd();
        cmd.arg("--demo").args(args);
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let out = cmd.output().expect("run draht");
        assert!(out.status.success(), "draht --demo {args:?} {vars:?}");
        pages.push_str(&String::from_utf8(out.stdout).expect("utf-8"));
    }
    pages
}

#[test]
fn the_german_demo_shows_german_notes_and_hooks() {
    let env = Env::new(NOW);
    let german = demo_pages(&env, &[("LANG", "de_DE.UTF-8")]);
    for text in [
        "◆ Q3-Launch ist live — fragen, wie die Zahlen aussehen",
        "die Fotos vom Abendessen schicken",
        "nach dem Workshop-Termin fragen",
        "Roadmap-Abstimmung",
        "Vertriebsleiterin, ACME GmbH",
        "Telefoniert am liebsten vor 10:00 Uhr.",
        "AW: AW: Vertragsentwurf",
        "Sonntagsanruf",
        "Segeln auf dem Wannsee",
        "nachbarin",
    ] {
        assert!(german.contains(text), "{text:?} missing in\n{german}");
    }
    for (english, _) in translated_demo_texts() {
        assert!(
            !german.contains(&english),
            "English demo text {english:?} in the German demo:\n{german}"
        );
    }
    let flag = demo_pages(&env, &[]);
    let flag_de = {
        let out = env
            .cmd()
            .args(["--demo", "--lang", "de", "today"])
            .output()
            .expect("run draht");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    assert!(
        flag_de.contains("Q3-Launch ist live"),
        "--lang de: {flag_de}"
    );
    assert!(flag.contains("Q3 launch went live — ask how the numbers look"));
}

#[test]
fn the_english_demo_keeps_its_english_texts() {
    let env = Env::new(NOW);
    let english = demo_pages(&env, &[("LANG", "en_GB.UTF-8")]);
    for text in [
        "◆ Q3 launch went live — ask how the numbers look",
        "send the photos from the dinner",
        "roadmap sync",
        "Head of Sales, ACME GmbH",
        "Prefers calls before 10:00.",
        "re: re: contract draft",
    ] {
        assert!(english.contains(text), "{text:?} missing in\n{english}");
    }
    for (_, german) in translated_demo_texts() {
        assert!(
            !english.contains(&german),
            "German demo text {german:?} in the English demo"
        );
    }
}
