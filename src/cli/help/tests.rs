use super::*;

/// Every command and argument a person can see, with its help text.
fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
    out.push((path.to_string(), cmd.get_about().map(StyledStr::to_string)));
    for (what, text) in [
        ("long about", cmd.get_long_about()),
        ("after help", cmd.get_after_help()),
        ("after long help", cmd.get_after_long_help()),
    ] {
        if let Some(text) = text {
            out.push((format!("{path} ({what})"), Some(text.to_string())));
        }
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        out.push((
            format!("{path} {}", arg.get_id()),
            arg.get_help().map(StyledStr::to_string),
        ));
    }
    for sub in cmd.get_subcommands() {
        texts(sub, &format!("{path} {}", sub.get_name()), out);
    }
}

#[test]
fn every_command_and_argument_has_words_in_both_languages() {
    for lang in Lang::ALL {
        let mut cmd = localized(lang);
        cmd.build();
        let cmd = finish(cmd, lang);
        let mut all = Vec::new();
        texts(&cmd, "draht", &mut all);
        let missing: Vec<&String> = all
            .iter()
            .filter(|(_, text)| text.as_deref().is_none_or(|t| t.trim().is_empty()))
            .map(|(what, _)| what)
            .collect();
        assert!(missing.is_empty(), "{lang:?}: no words for {missing:#?}");
        assert!(all.len() > 150, "{}", all.len());
    }
}

#[test]
fn the_bare_command_carries_no_words_of_its_own() {
    // the words live in the .ftl files only
    let mut all = Vec::new();
    texts(&Cli::command(), "draht", &mut all);
    let worded: Vec<&String> = all
        .iter()
        .filter(|(_, text)| text.is_some())
        .map(|(what, _)| what)
        .collect();
    assert!(worded.is_empty(), "{worded:#?}");
}

fn help_of(lang: Lang, args: &[&str]) -> String {
    let cmd = i18n::with_lang(lang, || {
        let mut cmd = localized(lang);
        cmd.build();
        finish(cmd, lang)
    });
    let error = cmd
        .try_get_matches_from(args)
        .expect_err("help is an error");
    match lang {
        Lang::En => error.render().to_string(),
        _ => i18n::with_lang(lang, || in_language(&error, lang)),
    }
}

#[test]
fn german_help_is_german_from_the_headings_to_the_defaults() {
    let mut cmd = localized(Lang::De);
    cmd.build();
    let mut cmd = finish(cmd, Lang::De);
    let show = cmd
        .find_subcommand_mut("show")
        .expect("show")
        .render_help()
        .to_string();
    for words in [
        "Vor dem Anruf",
        "Aufruf: draht show",
        "Argumente:",
        "Optionen:",
        "Globale Optionen:",
        "[Standard: 10]",
        "[möglich: de, en]",
        "Hilfe anzeigen",
    ] {
        assert!(show.contains(words), "{words:?} in\n{show}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Arguments:",
        "[default:",
        "Print help",
    ] {
        assert!(!show.contains(english), "{english:?} in\n{show}");
    }
    let root = cmd.render_long_help().to_string();
    assert!(root.contains("Befehle:"), "{root}");
    assert!(
        root.contains("Diese Hilfe oder die Hilfe der genannten Befehle"),
        "{root}"
    );
    assert!(!root.contains("Commands:"), "{root}");
    let options = root.find("\nOptionen:").expect("Optionen");
    let globals = root.find("\nGlobale Optionen:").expect("Globale Optionen");
    assert!(options < globals, "Optionen first, as in English:\n{root}");
    assert!(root.contains("Version anzeigen"), "{root}");
}

#[test]
fn a_usage_error_in_german_says_what_was_wrong_and_where_to_read_on() {
    let text = help_of(Lang::De, &["draht", "today", "--frob"]);
    assert_eq!(
        text,
        "Fehler: unerwartetes Argument '--frob'\n\nAufruf: draht today [OPTIONS]\n\nMehr dazu mit '--help'.\n"
    );
    let text = help_of(Lang::De, &["draht", "tody"]);
    assert!(
        text.starts_with("Fehler: unbekannter Befehl 'tody'\n"),
        "{text}"
    );
    assert!(
        text.contains("Tipp: es gibt einen ähnlichen Befehl: 'today'"),
        "{text}"
    );
    let text = help_of(Lang::De, &["draht", "today", "--lang", "fr"]);
    assert!(
        text.starts_with(
            "Fehler: 'fr' ist kein gültiger Wert für '--lang <LANG>' [möglich: de, en]"
        ),
        "{text}"
    );
}

#[test]
fn an_english_usage_error_is_clap_s_own() {
    let text = help_of(Lang::En, &["draht", "today", "--frob"]);
    assert_eq!(
        text,
        "error: unexpected argument '--frob' found\n\nUsage: draht today [OPTIONS]\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn the_command_with_words_parses_as_the_bare_one() {
    // help and usage errors parse again with the words; what they read
    // must be the same command line
    let lines: [&[&str]; 6] = [
        &["draht", "--lang", "de", "today", "--days", "3"],
        &["draht", "--lang=de", "--json", "--width", "60", "list"],
        &["draht", "today", "--lang", "de", "--db", "/tmp/x.db"],
        &["draht", "log", "Anna", "call", "Kaffee", "--at", "gestern"],
        &[
            "draht",
            "jourfixe",
            "add",
            "Anna",
            "jeden Mittwoch um 19 Uhr",
        ],
        &["draht", "help", "today"],
    ];
    for lang in Lang::ALL {
        let cmd = i18n::with_lang(lang, || {
            let mut cmd = localized(lang);
            cmd.build();
            finish(cmd, lang)
        });
        for line in lines {
            let bare = Cli::command().try_get_matches_from(line);
            let worded = cmd.clone().try_get_matches_from(line);
            match (bare, worded) {
                (Ok(bare), Ok(worded)) => {
                    let bare = Cli::from_arg_matches(&bare).expect("bare");
                    let worded = Cli::from_arg_matches(&worded).expect("worded");
                    assert_eq!(
                        format!("{bare:?}"),
                        format!("{worded:?}"),
                        "{lang:?} {line:?}"
                    );
                }
                (Err(bare), Err(worded)) => {
                    assert_eq!(bare.kind(), worded.kind(), "{lang:?} {line:?}")
                }
                (bare, worded) => panic!("{lang:?} {line:?}: {bare:?} but {worded:?}"),
            }
        }
    }
}
