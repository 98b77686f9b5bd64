//! The optional config file (`$XDG_CONFIG_HOME/draht/config.toml` or
//! `--config PATH`): default cadences per sphere and tag, the default
//! minimum channel, the retry interval, the agenda horizon, the first day
//! of the week and the language of the words on screen. A missing file
//! means the documented defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Weekday;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Channel, Sphere};
use crate::parse::parse_duration;
use crate::schedule::Settings;

/// The settings read from the config file, with defaults filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub settings: Settings,
    /// Minimum channel given to new contacts (`None`: `call`).
    pub min_channel: Option<Channel>,
    /// Default cadence in days for new contacts, per sphere.
    pub sphere_cadence: BTreeMap<String, u32>,
    /// Default cadence in days for new contacts, per tag (wins over sphere).
    pub tag_cadence: BTreeMap<String, u32>,
    /// `language = "de"`: the words on screen, unless `--lang` says
    /// otherwise (`None`: the locale decides).
    pub language: Option<Lang>,
    /// `[sync] contacts = "~/.contacts/draht"`: the contacts vdir
    /// `draht sync` keeps (a leading `~/` is the home folder).
    pub sync_contacts: Option<PathBuf>,
    /// `[sync] calendar = "~/.calendars/draht"`: the calendar vdir that
    /// holds each Jour fixe as an `.ics`.
    pub sync_calendar: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    min_channel: Option<String>,
    retry: Option<String>,
    horizon: Option<String>,
    week_start: Option<String>,
    language: Option<String>,
    #[serde(default)]
    sphere: BTreeMap<String, String>,
    #[serde(default)]
    tag: BTreeMap<String, String>,
    sync: Option<RawSync>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSync {
    contacts: Option<String>,
    calendar: Option<String>,
}

impl Config {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text)
                .map_err(|e| Error::input(format!("config {}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::input(format!(
                "cannot read config {}: {e}",
                path.display()
            ))),
        }
    }

    /// Parses config text; errors name the line and key.
    pub fn parse(text: &str) -> std::result::Result<Config, String> {
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |i| i + 1)
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = e.message().trim();
            // An unknown key's span is its whole table; find the key itself.
            let unknown = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next());
            let line = match (unknown, e.span()) {
                (Some(key), _) => line_of(key),
                (None, Some(span)) => {
                    let start = span.start.min(text.len());
                    text[..start].matches('\n').count() + 1
                }
                (None, None) => 1,
            };
            format!("line {line}: {message}")
        })?;
        let days = |key: &str, value: &str| -> std::result::Result<u32, String> {
            parse_duration(value)
                .map(|span| span.approx_days())
                .map_err(|e| format!("line {}: {key}: {e}", line_of(key)))
        };
        let mut config = Config::default();
        if let Some(contacts) = raw.sync.as_ref().and_then(|s| s.contacts.as_deref()) {
            config.sync_contacts = Some(home_path(contacts));
        }
        if let Some(calendar) = raw.sync.as_ref().and_then(|s| s.calendar.as_deref()) {
            config.sync_calendar = Some(home_path(calendar));
        }
        if let Some(ch) = &raw.min_channel {
            config.min_channel = Some(Channel::from_name(ch).ok_or_else(|| {
                format!(
                    "line {}: min_channel: unknown channel {ch:?}; use sms, email, chat, call, video or meet",
                    line_of("min_channel")
                )
            })?);
        }
        if let Some(retry) = &raw.retry {
            config.settings.retry_days = days("retry", retry)?;
        }
        if let Some(horizon) = &raw.horizon {
            config.settings.horizon_days = days("horizon", horizon)?;
        }
        if let Some(day) = &raw.week_start {
            config.settings.week_start = day.parse::<Weekday>().map_err(|_| {
                format!(
                    "line {}: week_start: {day:?} is not a weekday; use e.g. \"monday\" or \"sunday\"",
                    line_of("week_start")
                )
            })?;
        }
        if let Some(language) = &raw.language {
            config.language = Some(Lang::from_code(language).ok_or_else(|| {
                format!(
                    "line {}: language: {language:?} is not a language draht speaks; use \"de\" or \"en\"",
                    line_of("language")
                )
            })?);
        }
        for (sphere, value) in &raw.sphere {
            if Sphere::from_name(sphere).is_none() {
                return Err(format!(
                    "line {}: [sphere] {sphere}: unknown sphere; use work or private",
                    line_of(sphere)
                ));
            }
            let canonical = Sphere::from_name(sphere).unwrap_or_default().as_str();
            config
                .sphere_cadence
                .insert(canonical.to_string(), days(sphere, value)?);
        }
        for (tag, value) in &raw.tag {
            config
                .tag_cadence
                .insert(crate::matching::fold(tag), days(tag, value)?);
        }
        Ok(config)
    }

    /// The cadence a new contact gets when none is given: the shortest of
    /// its tags' defaults, else its sphere's default.
    pub fn default_cadence(&self, sphere: Sphere, tags: &[String]) -> Option<u32> {
        tags.iter()
            .filter_map(|t| self.tag_cadence.get(&crate::matching::fold(t)).copied())
            .min()
            .or_else(|| self.sphere_cadence.get(sphere.as_str()).copied())
    }
}

/// `path` with a leading `~/` as the home folder.
fn home_path(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_mean_defaults() {
        let config = Config::parse("").unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.settings.retry_days, 3);
        assert_eq!(config.settings.horizon_days, 7);
    }

    #[test]
    fn full_config_is_read() {
        let config = Config::parse(
            "min_channel = \"video\"\nretry = \"2d\"\nhorizon = \"2w\"\nweek_start = \"sunday\"\n\
             [sphere]\nwork = \"6w\"\n[tag]\nfamily = \"2w\"\nclient = \"6w\"\n",
        )
        .unwrap();
        assert_eq!(config.min_channel, Some(Channel::Video));
        assert_eq!(config.settings.retry_days, 2);
        assert_eq!(config.settings.horizon_days, 14);
        assert_eq!(config.settings.week_start, Weekday::Sun);
        assert_eq!(config.default_cadence(Sphere::Work, &[]), Some(42));
        assert_eq!(
            config.default_cadence(Sphere::Work, &["family".into(), "client".into()]),
            Some(14)
        );
        assert_eq!(config.default_cadence(Sphere::Private, &[]), None);
    }

    #[test]
    fn language_is_de_or_en() {
        assert_eq!(
            Config::parse("language = \"de\"\n").unwrap().language,
            Some(Lang::De)
        );
        assert_eq!(
            Config::parse("language = \"EN\"\n").unwrap().language,
            Some(Lang::En)
        );
        assert_eq!(Config::parse("").unwrap().language, None);
        let err = Config::parse("# mine\nlanguage = \"fr\"\n").unwrap_err();
        assert_eq!(
            err,
            "line 2: language: \"fr\" is not a language draht speaks; use \"de\" or \"en\""
        );
    }

    #[test]
    fn german_cadence_words_are_read() {
        let config =
            Config::parse("[tag]\nfamilie = \"14-tägig\"\nkunde = \"monatlich\"\n").unwrap();
        assert_eq!(config.tag_cadence["familie"], 14);
        assert_eq!(config.tag_cadence["kunde"], 30);
    }

    #[test]
    fn bad_duration_names_key_and_line() {
        let err = Config::parse("# mine\n\nretry = \"soon\"\n").unwrap_err();
        assert!(err.starts_with("line 3: retry:"), "{err}");
    }

    #[test]
    fn unknown_key_names_line() {
        let err = Config::parse("horizon = \"7d\"\nhorizn = \"7d\"\n").unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        assert!(err.contains("horizn"), "{err}");
    }

    #[test]
    fn bad_channel_is_named() {
        let err = Config::parse("min_channel = \"pigeon\"").unwrap_err();
        assert!(
            err.contains("min_channel") && err.contains("pigeon"),
            "{err}"
        );
    }
}
