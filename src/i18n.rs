//! The words on screen in the user's language, through Project Fluent.
//!
//! The messages live in `i18n/en/draht.ftl` and `i18n/de/draht.ftl`, built
//! into the binary. Each message is parsed on its first lookup, alone: the
//! first lookup in a language only notes where each message begins (one
//! pass over the file's lines), and a command parses just the messages it
//! shows. (Parsing the whole English file was 2.7 of `draht today`'s 34
//! million instructions at 10,000 contacts, for the dozen words of its
//! Jour fixe lines; no message refers to another or to a term, which the
//! tests hold, so each parses the same alone.) Bidi isolation marks are
//! off — they would take columns in a terminal and break the tables.
//!
//! Look a message up with [`t!`](crate::t): `t!("status-overdue")` in the
//! language chosen at start-up, `t!("days-overdue", count = 12)` with
//! arguments, `t!(Lang::De; "days-overdue", count = 1)` in a given one.
//! Plurals follow CLDR through Fluent's selectors (`{ $count -> [one] …
//! *[other] … }`). A message missing from a language falls back to English,
//! then to its id; the tests below keep both files parsing and holding the
//! same ids with the same arguments.
//!
//! The language ([`choose`]): `--lang`, then `language` in the config, then
//! the first set of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` (`de_DE.UTF-8`
//! and `de_AT` are German), else English. As gettext does, `LANGUAGE` is
//! passed over when the locale is `C` or `POSIX`, so `LC_ALL=C draht …` in a
//! script gives English whatever `LANGUAGE` says.
//!
//! Machine output (`--json`, CSV, vCard, iCalendar) never goes through here.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// Arguments of a message: `args.set("count", 12)`.
pub type Args<'a> = FluentArgs<'a>;

/// A language draht speaks.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// `en`, `de`: the code of `--lang` and the config.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// `de` or `en` (any case), as given to `--lang` or in the config.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a locale name: `de_DE.UTF-8`, `de_AT@euro`, `de-CH`
    /// and `de` are German, `C`, `POSIX` and `en_*` English; `None` for a
    /// language draht does not speak (`fr_FR`).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        if is_c_locale(locale) {
            return Some(Lang::En);
        }
        let language = locale
            .trim()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        Lang::from_code(language)
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::De => 1,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../i18n/en/draht.ftl"),
            Lang::De => include_str!("../i18n/de/draht.ftl"),
        }
    }
}

/// The variables that name the locale, in the order they are asked.
const LOCALE_VARIABLES: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The interface language: `flag` (`--lang`), then `config` (`language =
/// "de"`), then the locale variables read through `env`, else English.
/// Pure: `env` is `std::env::var` in the program and a table in tests.
pub fn choose(
    flag: Option<Lang>,
    config: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    flag.or(config).unwrap_or_else(|| from_environment(env))
}

fn from_environment(env: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| env(name).filter(|value| !value.trim().is_empty());
    // The locale proper: the first set of LC_ALL, LC_MESSAGES, LANG.
    let locale = LOCALE_VARIABLES[1..].iter().find_map(|name| set(name));
    if !locale.as_deref().is_some_and(is_c_locale)
        && let Some(list) = set(LOCALE_VARIABLES[0])
    {
        // `de_DE:en`: the first entry draht speaks.
        return list
            .split(':')
            .find_map(Lang::from_locale)
            .unwrap_or(Lang::En);
    }
    locale
        .as_deref()
        .and_then(Lang::from_locale)
        .unwrap_or(Lang::En)
}

/// `C`, `C.UTF-8`, `POSIX`: no locale, English.
fn is_c_locale(locale: &str) -> bool {
    let locale = locale.trim();
    locale == "C" || locale == "POSIX" || locale.starts_with("C.")
}

/// The language chosen for this process; English until [`set`].
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of [`current`] and of [`t!`](crate::t) for the rest of
/// the process.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index() as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language for this thread only ([`with_lang`]): tests render both
    /// languages side by side in one process.
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language chosen at start-up (English when nothing chose one), or
/// the one [`with_lang`] set for this thread.
pub fn current() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::De,
        _ => Lang::En,
    }
}

/// Runs `f` with [`current`] answering `lang` on this thread (the tests'
/// way to draw a German screen beside an English one).
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|o| o.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|o| o.replace(Some(lang))));
    f()
}

/// Chooses the language from `flag`, `config` and the process environment
/// (see [`choose`]), makes it [`current`] and returns it.
pub fn select(flag: Option<Lang>, config: Option<Lang>) -> Lang {
    let lang = choose(flag, config, |name| std::env::var(name).ok());
    set(lang);
    lang
}

type Bundle = FluentBundle<FluentResource>;

/// One language's messages: where each lies in its file, and those parsed
/// so far.
struct Messages {
    source: &'static str,
    /// A message's id → the byte range of its entry in `source`.
    entries: HashMap<&'static str, (usize, usize), foldhash::fast::RandomState>,
    parsed: RwLock<Bundle>,
}

static MESSAGES: [OnceLock<Messages>; 2] = [OnceLock::new(), OnceLock::new()];

/// An empty bundle for `lang`, with Fluent's built-in functions.
fn new_bundle(lang: Lang, problems: &mut Vec<String>) -> Bundle {
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    // NUMBER($n, type: "ordinal") for English ordinals (1st, 2nd, 3rd)
    if let Err(error) = bundle.add_builtins() {
        problems.push(format!("{error:?}"));
    }
    bundle
}

/// Parses all of one language's messages, with what did not parse or was
/// defined twice (the tests hold that list empty for both files).
#[cfg(test)]
fn build(lang: Lang, source: &str) -> (Bundle, Vec<String>) {
    let mut problems = Vec::new();
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            problems.extend(errors.iter().map(|e| format!("{e:?}")));
            resource
        }
    };
    let mut bundle = new_bundle(lang, &mut problems);
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{e:?}")));
    }
    (bundle, problems)
}

/// Where each message of an FTL file lies: an entry begins with `id =` at
/// the start of a line and runs to the next line that starts with
/// anything but white space (the next entry or a comment); its pattern's
/// lines are indented.
fn entries(source: &str) -> HashMap<&str, (usize, usize), foldhash::fast::RandomState> {
    // Built on every run that prints a message (before `draht today`'s
    // first word): lines are found with `memchr` and only a line that can
    // open an entry (a letter first) is searched for its `=`. Scanning
    // with `split_inclusive` and `split_once` took 1.27 million
    // instructions of `draht today` (bench/compare.sh's realistic mix,
    // callgrind), a sixteenth of the command.
    let mut found = HashMap::with_capacity_and_hasher(source.len() / 64, Default::default());
    let mut open: Option<(&str, usize)> = None;
    let bytes = source.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
        let line = &source[at..end];
        if line.starts_with(|c: char| !c.is_whitespace()) {
            if let Some((id, start)) = open.take() {
                found.entry(id).or_insert((start, at));
            }
            let named = line.as_bytes()[0].is_ascii_alphabetic();
            if let Some(eq) = memchr::memchr(b'=', line.as_bytes()).filter(|_| named) {
                let id = line[..eq].trim_end();
                if id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                {
                    open = Some((id, at));
                }
            }
        }
        at = end;
    }
    if let Some((id, start)) = open {
        found.entry(id).or_insert((start, at));
    }
    found
}

/// The messages of `lang`, indexed on first use.
fn messages(lang: Lang) -> &'static Messages {
    MESSAGES[lang.index()].get_or_init(|| {
        let source = lang.source();
        Messages {
            source,
            entries: entries(source),
            parsed: RwLock::new(new_bundle(lang, &mut Vec::new())),
        }
    })
}

/// Message `id` in `lang`, with `args`. Falls back to English, then to the
/// id itself, so a missing message shows as its name rather than nothing.
pub fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// Message `id` in `lang` with `args`, or `None` when `lang` has no such
/// message (no fallback).
pub fn lookup(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    format(lang, id, args)
}

fn format(lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
    let messages = messages(lang);
    let (start, end) = *messages.entries.get(id)?;
    let read = |bundle: &Bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    };
    {
        let bundle = messages.parsed.read().unwrap_or_else(|e| e.into_inner());
        if bundle.has_message(id) {
            return read(&bundle);
        }
    }
    let mut bundle = messages.parsed.write().unwrap_or_else(|e| e.into_inner());
    if !bundle.has_message(id) {
        let entry = messages.source.get(start..end)?.to_owned();
        // What did parse is used even if something did not (the tests keep
        // that from happening).
        let resource = FluentResource::try_new(entry).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
    }
    read(&bundle)
}

/// Messages formatted once per process, language and key, and kept for
/// the rest of it.
type Kept = RwLock<HashMap<(&'static str, i64), &'static str, foldhash::fast::RandomState>>;

static KEPT: [OnceLock<Kept>; 2] = [OnceLock::new(), OnceLock::new()];

/// What `make` formats for message `id` and `key` in `lang`, formatted on
/// its first use and kept: what a screen asks for on every row or every
/// frame costs a map lookup, never a Fluent format. The messages and keys
/// (counts of days, cadences) a process uses are few, so what is kept
/// stays small.
pub fn kept_by(
    lang: Lang,
    id: &'static str,
    key: i64,
    make: impl FnOnce() -> String,
) -> &'static str {
    let map = KEPT[lang.index()].get_or_init(Default::default);
    if let Some(text) = map.read().ok().and_then(|m| m.get(&(id, key)).copied()) {
        return text;
    }
    let text: &'static str = Box::leak(make().into_boxed_str());
    if let Ok(mut m) = map.write() {
        m.insert((id, key), text);
    }
    text
}

/// Message `id`, without arguments, in `lang`: formatted once and kept
/// ([`tr!`](crate::tr) in the current language).
pub fn kept(lang: Lang, id: &'static str) -> &'static str {
    kept_by(lang, id, i64::MIN, || text(lang, id, None))
}

/// Message `id` with `$count` in `lang`: formatted once per count and kept.
pub fn counted(lang: Lang, id: &'static str, count: i64) -> &'static str {
    kept_by(lang, id, count, || {
        let mut args = Args::new();
        args.set("count", count);
        text(lang, id, Some(&args))
    })
}

/// A kept message as `&'static str`: `tr!("id")` in the current
/// language, `tr!(lang; "id")` in a given one (see [`kept`]).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::kept($crate::i18n::current(), $id)
    };
    ($lang:expr; $id:expr) => {
        $crate::i18n::kept($lang, $id)
    };
}

/// Looks a message up: `t!("id")`, `t!("id", count = n, name = s)` in the
/// [`current`](crate::i18n::current) language, or `t!(lang; "id", …)` in a
/// given one.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($crate::i18n::current(), $id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::t!($crate::i18n::current(); $id, $($name = $value),+)
    };
    ($lang:expr; $id:expr) => {
        $crate::i18n::text($lang, $id, None)
    };
    ($lang:expr; $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::text($lang, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
