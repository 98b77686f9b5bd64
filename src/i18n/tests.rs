use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// Each message id of an .ftl text with the `$variables` it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("does not parse: {errors:?}");
    });
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut variables);
            }
            out.insert(message.id.name.to_owned(), variables);
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

/// What keeps two languages apart: ids in one only, ids whose arguments
/// differ.
fn differences(en: &str, de: &str) -> Vec<String> {
    let (en, de) = (messages(en), messages(de));
    let mut found = Vec::new();
    for (id, variables) in &en {
        match de.get(id) {
            None => found.push(format!("{id}: in en, not in de")),
            Some(other) if other != variables => {
                found.push(format!("{id}: en uses {variables:?}, de uses {other:?}"));
            }
            Some(_) => {}
        }
    }
    for id in de.keys().filter(|id| !en.contains_key(*id)) {
        found.push(format!("{id}: in de, not in en"));
    }
    found
}

#[test]
fn both_languages_have_the_same_message_ids_and_arguments() {
    let found = differences(Lang::En.source(), Lang::De.source());
    assert!(found.is_empty(), "{found:#?}");
    assert!(messages(Lang::En.source()).len() > 20);
}

#[test]
fn an_id_in_one_language_only_is_found() {
    let en = "a = A\nb = B { $count }\nc = C\n";
    let de = "a = A\nb = B\nd = D\n";
    assert_eq!(
        differences(en, de),
        [
            "b: en uses {\"count\"}, de uses {}",
            "c: in en, not in de",
            "d: in de, not in en",
        ]
    );
}

#[test]
fn both_ftl_files_parse_without_an_error_or_a_duplicate() {
    for lang in Lang::ALL {
        let (_, problems) = build(lang, lang.source());
        assert!(
            problems.is_empty(),
            "i18n/{}/draht.ftl: {problems:#?}",
            lang.code()
        );
    }
}

/// The words of the informal "du" that German draht never says to a
/// person: the pronouns, the verb forms that go with them, and the
/// imperatives an instruction would start with ("Trag … ein", "gib …"),
/// in any case.
const DU_WORDS: [&str; 24] = [
    "du",
    "dich",
    "dir",
    "dein",
    "deine",
    "deinen",
    "deinem",
    "deiner",
    "deines",
    "hast",
    "bist",
    "willst",
    "kannst",
    "musst",
    "sollst",
    "schreibst",
    "trag",
    "gib",
    "lies",
    "lass",
    "zeig",
    "sag",
    "nimm",
    "schau",
];

/// Imperatives that are also nouns ("der Versuch"): du-form only in
/// lower case ("versuch `draht capture ~/Mail`").
const DU_LOWER_CASE: [&str; 1] = ["versuch"];

/// The du-form words of an .ftl text's messages (comments aside), with
/// their line numbers. A word runs over letters, `-`, `$` and `_`, so the
/// option `--dir` and the variable `$dir` are not the pronoun "dir".
fn du_words(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let words = line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '$' | '_')));
        for word in words {
            if DU_WORDS.contains(&word.to_lowercase().as_str()) || DU_LOWER_CASE.contains(&word) {
                found.push(format!("line {}: {word:?} in {line:?}", n + 1));
            }
        }
    }
    found
}

#[test]
fn german_speaks_to_the_user_as_sie_never_du() {
    let found = du_words(Lang::De.source());
    assert!(
        found.is_empty(),
        "du-form in i18n/de/draht.ftl:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_du_word_in_a_message_is_found() {
    let found = du_words("capture-note = Hinweis: Trag dein Land ein\nx = Du hast es\n");
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(
        du_words("y = Noch nichts: versuch `draht capture`\n").len(),
        1
    );
    assert!(du_words("z = Nächster Versuch in 3 Tagen\n").is_empty());
    assert!(du_words("man = mit --dir VERZ { $dir }\n# du im Kommentar\n").is_empty());
}

#[test]
fn a_broken_ftl_file_is_reported() {
    let (bundle, problems) = build(Lang::En, "good = fine\nbroken = { $x\n");
    assert!(!problems.is_empty(), "an unclosed placeable is reported");
    assert!(bundle.has_message("good"), "what parsed is kept");
    let (_, problems) = build(Lang::En, "same = one\nsame = two\n");
    assert!(!problems.is_empty(), "a message defined twice is reported");
}

#[test]
fn plurals_follow_each_languages_rules() {
    let overdue = |lang, count: u32| t!(lang; "days-overdue", count = count);
    assert_eq!(overdue(Lang::De, 1), "1 Tag überfällig");
    assert_eq!(overdue(Lang::De, 12), "12 Tage überfällig");
    assert_eq!(overdue(Lang::De, 0), "0 Tage überfällig");
    let days = |lang, count: u32| t!(lang; "span-days", count = count);
    assert_eq!(days(Lang::En, 1), "1 day");
    assert_eq!(days(Lang::En, 12), "12 days");
    assert_eq!(days(Lang::De, 1), "1 Tag");
    assert_eq!(days(Lang::De, 12), "12 Tage");
}

#[test]
fn no_bidi_isolation_marks_reach_the_terminal() {
    let text = t!(Lang::De; "days-overdue", count = 3);
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
}

#[test]
fn a_missing_message_falls_back_to_its_id() {
    assert_eq!(text(Lang::De, "no-such-message", None), "no-such-message");
}

fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    |name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    }
}

#[test]
fn the_flag_wins_then_the_config_then_the_locale() {
    let german = [("LANG", "de_DE.UTF-8")];
    assert_eq!(
        choose(Some(Lang::En), Some(Lang::De), env(&german)),
        Lang::En
    );
    assert_eq!(choose(None, Some(Lang::En), env(&german)), Lang::En);
    assert_eq!(choose(None, Some(Lang::De), env(&[])), Lang::De);
    assert_eq!(choose(None, None, env(&german)), Lang::De);
    assert_eq!(choose(None, None, env(&[])), Lang::En);
}

#[test]
fn the_locale_variables_are_asked_in_order() {
    let cases: &[(&[(&str, &str)], Lang)] = &[
        (&[("LANG", "de_DE.UTF-8")], Lang::De),
        (&[("LANG", "de_AT")], Lang::De),
        (&[("LANG", "de_CH.UTF-8@euro")], Lang::De),
        (&[("LANG", "de")], Lang::De),
        (&[("LANG", "fr_FR.UTF-8")], Lang::En),
        (&[("LANG", "en_GB.UTF-8")], Lang::En),
        (&[("LANG", "C.UTF-8")], Lang::En),
        (
            &[("LC_MESSAGES", "de_DE.UTF-8"), ("LANG", "en_US")],
            Lang::De,
        ),
        (
            &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "de_DE")],
            Lang::En,
        ),
        (&[("LC_ALL", ""), ("LANG", "de_DE")], Lang::De),
        (&[("LANGUAGE", "de"), ("LC_ALL", "en_US.UTF-8")], Lang::De),
        (&[("LANGUAGE", "fr:de_AT:en"), ("LANG", "en_US")], Lang::De),
        (&[("LANGUAGE", "en:de"), ("LANG", "de_DE")], Lang::En),
        (&[("LANGUAGE", "fr"), ("LANG", "de_DE")], Lang::En),
        // as gettext: a C locale passes LANGUAGE over
        (&[("LANGUAGE", "de"), ("LC_ALL", "C")], Lang::En),
        (&[("LANGUAGE", "de"), ("LANG", "POSIX")], Lang::En),
        (&[("LANGUAGE", "de")], Lang::De),
    ];
    for (pairs, want) in cases {
        assert_eq!(choose(None, None, env(pairs)), *want, "{pairs:?}");
    }
}

#[test]
fn language_codes_are_de_and_en() {
    assert_eq!(Lang::from_code("de"), Some(Lang::De));
    assert_eq!(Lang::from_code(" EN "), Some(Lang::En));
    assert_eq!(Lang::from_code("deu"), None);
    assert_eq!(Lang::from_code(""), None);
}

/// Each message parsed alone on its first lookup formats exactly as in the
/// whole file's bundle, in both languages, for every message and with every
/// argument it uses: so no message leans on another one or on a term.
#[test]
fn each_message_alone_formats_as_in_the_whole_file() {
    for lang in Lang::ALL {
        let source = lang.source();
        let all = messages(source);
        let index = entries(source);
        assert_eq!(
            index.keys().copied().collect::<BTreeSet<_>>(),
            all.keys().map(String::as_str).collect::<BTreeSet<_>>(),
            "i18n/{}/draht.ftl: the index of entries differs from the parser's ids",
            lang.code()
        );
        let (whole, _) = build(lang, source);
        for (id, variables) in &all {
            for value in [1, 2, 7] {
                let mut args = FluentArgs::new();
                for name in variables {
                    args.set(name.clone(), value);
                }
                let expected = whole.get_message(id).and_then(|m| m.value()).map(|p| {
                    whole
                        .format_pattern(p, Some(&args), &mut Vec::new())
                        .into_owned()
                });
                assert_eq!(
                    format(lang, id, Some(&args)),
                    expected,
                    "{}: {id}",
                    lang.code()
                );
            }
        }
    }
    assert_eq!(format(Lang::En, "no-such-message", None), None);
}
