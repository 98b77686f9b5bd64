//! The optional config file (`$XDG_CONFIG_HOME/draht/config.toml` or
//! `--config PATH`): default cadences per sphere and tag, the default
//! minimum channel, the retry interval, the agenda horizon, the first day
//! of the week, the language of the words on screen, when reminders go
//! out (`remind_before`, `remind_at`, `morning`, `bell`), and for `draht
//! capture` the user's own addresses (`[me]`), the sources it reads with no
//! argument (`[[capture]]`), `max_recipients` and `gmail_aliases`. A
//! missing file at the default path means the documented defaults; a file
//! named by `--config` or `DRAHT_CONFIG` must exist.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{NaiveTime, Weekday};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Channel, SourceKind, Sphere};
use crate::parse::{parse_duration, parse_minutes};
use crate::remind::RemindSettings;
use crate::schedule::Settings;
use crate::t;

mod capture;
use capture::capture_config;

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
    /// When reminders go out (`draht notify`, calendar alarms, the TUI).
    pub remind: RemindSettings,
    /// `language = "de"`: the words on screen, unless `--lang` says
    /// otherwise (`None`: the locale decides).
    pub language: Option<Lang>,
    /// `[sync] contacts = "~/.contacts/draht"`: the contacts vdir
    /// `draht sync` keeps (a leading `~/` is the home folder).
    pub sync_contacts: Option<PathBuf>,
    /// `[sync] calendar = "~/.calendars/draht"`: the calendar vdir that
    /// holds each Jour fixe as an `.ics`.
    pub sync_calendar: Option<PathBuf>,
    /// What `draht capture` needs to know.
    pub capture: CaptureConfig,
}

/// The capture keys: `[me] emails`, `[[capture]]`, `max_recipients`,
/// `gmail_aliases`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureConfig {
    /// The user's own addresses, lower-cased.
    pub me: Vec<String>,
    /// The sources `draht capture` reads when given none.
    pub sources: Vec<CaptureSource>,
    /// Mail to or from more other people than this is not a touch.
    pub max_recipients: usize,
    /// Match Gmail addresses as Gmail delivers them: dots in the name and a
    /// `+tag` do not matter (`j.o.e+news@gmail.com` is `joe@gmail.com`).
    pub gmail_aliases: bool,
    /// `[me] region = "DE"`: the country phone numbers without a country
    /// code are in (`0170 1234567` is `+491701234567`).
    pub region: Option<crate::capture::phone::Region>,
}

/// The default of `max_recipients`.
pub const MAX_RECIPIENTS: usize = 8;

impl Default for CaptureConfig {
    fn default() -> CaptureConfig {
        CaptureConfig {
            me: Vec::new(),
            sources: Vec::new(),
            max_recipients: MAX_RECIPIENTS,
            gmail_aliases: false,
            region: None,
        }
    }
}

/// One `[[capture]]` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureSource {
    /// `None`: recognised from the path's shape.
    pub kind: Option<SourceKind>,
    /// `~` expanded; a relative path is taken from the config file's folder.
    pub path: PathBuf,
    /// Shown beside its touches ("work mail"); default: the path's last part.
    pub name: Option<String>,
    /// Calendar: also match contacts named in an event's summary.
    pub match_names: bool,
    /// Chats: group chats are touches with their matched participants.
    pub groups: bool,
    /// WhatsApp: the order of the day, month and year in its dates, when
    /// the file does not tell.
    pub date_order: Option<crate::capture::whatsapp::DateOrder>,
    /// A chat export: the contact it is with (a name, as `draht show` takes it).
    pub contact: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMe {
    #[serde(default)]
    emails: Vec<String>,
    region: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    kind: Option<String>,
    path: String,
    name: Option<String>,
    #[serde(default)]
    match_names: bool,
    #[serde(default)]
    groups: bool,
    date_order: Option<String>,
    contact: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    min_channel: Option<String>,
    retry: Option<String>,
    horizon: Option<String>,
    week_start: Option<String>,
    remind_before: Option<String>,
    remind_at: Option<String>,
    morning: Option<String>,
    bell: Option<bool>,
    language: Option<String>,
    #[serde(default)]
    sphere: BTreeMap<String, String>,
    #[serde(default)]
    tag: BTreeMap<String, String>,
    me: Option<RawMe>,
    #[serde(default)]
    capture: Vec<RawSource>,
    max_recipients: Option<usize>,
    gmail_aliases: Option<bool>,
    sync: Option<RawSync>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSync {
    contacts: Option<String>,
    calendar: Option<String>,
}

impl Config {
    /// Reads the file a person named (`--config PATH`, `DRAHT_CONFIG`): a
    /// missing one is a usage error, as a mistyped path would otherwise
    /// pass unnoticed with the defaults.
    pub fn load_named(path: &Path) -> Result<Config> {
        if !path.exists() {
            return Err(Error::input(t!(
                "error-config-missing",
                path = path.display().to_string()
            )));
        }
        Config::load(path)
    }

    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let mut config = Config::parse(&text).map_err(|e| {
                    Error::input(t!(
                        "error-config",
                        path = path.display().to_string(),
                        problem = e
                    ))
                })?;
                let folder = path.parent().unwrap_or(Path::new("."));
                for source in &mut config.capture.sources {
                    if source.path.is_relative() {
                        source.path = folder.join(&source.path);
                    }
                }
                Ok(config)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::input(t!(
                "error-config-unreadable",
                path = path.display().to_string(),
                problem = e.to_string()
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
            match unknown.zip(message.split_once(", expected ")) {
                // "unknown field `horizn`, expected one of `retry`, …"
                Some((key, (_, expected))) => t!(
                    "error-config-unknown-key",
                    line = line,
                    key = key,
                    expected = expected,
                    keys = expected.replace(" or ", ", ").replace("one of ", "")
                ),
                None => t!("error-config-line", line = line, problem = message),
            }
        })?;
        let days = |key: &str, value: &str| -> std::result::Result<u32, String> {
            parse_duration(value)
                .map(|span| span.approx_days())
                .map_err(|e| {
                    t!(
                        "error-config-key",
                        line = line_of(key),
                        key = key,
                        problem = e.to_string()
                    )
                })
        };
        let mut config = Config::default();
        if let Some(contacts) = raw.sync.as_ref().and_then(|s| s.contacts.as_deref()) {
            config.sync_contacts = Some(expand_home(contacts));
        }
        if let Some(calendar) = raw.sync.as_ref().and_then(|s| s.calendar.as_deref()) {
            config.sync_calendar = Some(expand_home(calendar));
        }
        if let Some(ch) = &raw.min_channel {
            config.min_channel = Some(Channel::from_name(ch).ok_or_else(|| {
                t!(
                    "error-config-min-channel",
                    line = line_of("min_channel"),
                    value = format!("{ch:?}")
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
                t!(
                    "error-config-week-start",
                    line = line_of("week_start"),
                    value = format!("{day:?}")
                )
            })?;
        }
        if let Some(lead) = &raw.remind_before {
            config.remind.before_minutes = parse_minutes(lead).map_err(|e| {
                t!(
                    "error-config-key",
                    line = line_of("remind_before"),
                    key = "remind_before",
                    problem = e.to_string()
                )
            })?;
        }
        let clock = |key: &str, value: &str| -> std::result::Result<NaiveTime, String> {
            NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| {
                t!(
                    "error-config-time",
                    line = line_of(key),
                    key = key,
                    value = format!("{value:?}")
                )
            })
        };
        if let Some(at) = &raw.remind_at {
            config.remind.day_at = clock("remind_at", at)?;
        }
        if let Some(at) = &raw.morning {
            config.remind.morning = clock("morning", at)?;
        }
        if let Some(bell) = raw.bell {
            config.remind.bell = bell;
        }
        if let Some(language) = &raw.language {
            config.language = Some(Lang::from_code(language).ok_or_else(|| {
                t!(
                    "error-config-language",
                    line = line_of("language"),
                    value = format!("{language:?}")
                )
            })?);
        }
        for (sphere, value) in &raw.sphere {
            if Sphere::from_name(sphere).is_none() {
                return Err(t!(
                    "error-config-sphere",
                    line = line_of(sphere),
                    sphere = sphere.as_str()
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
        config.capture = capture_config(&raw, &line_of)?;
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

/// `~` and `~/…` from `$HOME`.
pub fn expand_home(path: &str) -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    if path == "~" {
        if let Some(home) = home() {
            return home;
        }
    } else if let Some(rest) = path.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    PathBuf::from(path)
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
    fn reminder_keys_are_read_with_their_defaults() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.remind, RemindSettings::default());
        assert_eq!(config.remind.before_minutes, 15);
        assert_eq!(config.remind.morning.to_string(), "08:30:00");
        assert_eq!(config.remind.day_at.to_string(), "09:00:00");
        assert!(config.remind.bell);
        let config = Config::parse(
            "remind_before = \"1h\"\nmorning = \"07:45\"\nremind_at = \"10:00\"\nbell = false\n",
        )
        .unwrap();
        assert_eq!(config.remind.before_minutes, 60);
        assert_eq!(config.remind.morning.to_string(), "07:45:00");
        assert_eq!(config.remind.day_at.to_string(), "10:00:00");
        assert!(!config.remind.bell);
    }

    #[test]
    fn bad_reminder_keys_name_key_and_line() {
        let err = Config::parse("bell = true\nmorning = \"8 Uhr\"\n").unwrap_err();
        assert!(err.starts_with("line 2: morning:"), "{err}");
        let err = Config::parse("remind_before = \"soon\"").unwrap_err();
        assert!(err.starts_with("line 1: remind_before:"), "{err}");
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
    fn capture_keys_are_read() {
        let config = Config::parse(
            "max_recipients = 5\ngmail_aliases = true\n[me]\nemails = [\"Me@Example.org\"]\n\
             [[capture]]\nkind = \"maildir\"\npath = \"/mail/work\"\nname = \"work mail\"\n\
             [[capture]]\npath = \"/cal\"\nmatch_names = true\n",
        )
        .unwrap();
        let c = &config.capture;
        assert_eq!(c.me, vec!["me@example.org"]);
        assert_eq!(c.max_recipients, 5);
        assert!(c.gmail_aliases);
        assert_eq!(c.sources.len(), 2);
        assert_eq!(c.sources[0].kind, Some(SourceKind::Maildir));
        assert_eq!(c.sources[0].name.as_deref(), Some("work mail"));
        assert_eq!(c.sources[1].kind, None);
        assert!(c.sources[1].match_names);
        assert_eq!(Config::parse("").unwrap().capture.max_recipients, 8);
    }

    #[test]
    fn bad_capture_keys_name_key_and_line() {
        let err = Config::parse("[me]\nemails = [\"nobody\"]\n").unwrap_err();
        assert!(
            err.starts_with("line 2:") && err.contains("nobody"),
            "{err}"
        );
        let err = Config::parse("[[capture]]\nkind = \"fax\"\npath = \"x\"\n").unwrap_err();
        assert!(err.starts_with("line 2:") && err.contains("fax"), "{err}");
        let err = Config::parse("[[capture]]\npath = \"x\"\nmatchnames = true\n").unwrap_err();
        assert!(err.contains("matchnames"), "{err}");
        let err = Config::parse("max_recipients = 0\n").unwrap_err();
        assert!(err.contains("max_recipients"), "{err}");
    }

    #[test]
    fn phone_capture_keys_are_read() {
        let config = Config::parse(
            "[me]\nregion = \"de\"\n\
             [[capture]]\nkind = \"whatsapp\"\npath = \"/chats\"\ngroups = true\ndate_order = \"mdy\"\n\
             [[capture]]\nkind = \"sms-backup\"\npath = \"/sms\"\n\
             [[capture]]\nkind = \"telegram\"\npath = \"/tg/result.json\"\ncontact = \" Anna \"\n",
        )
        .unwrap();
        let c = &config.capture;
        assert_eq!(c.region, crate::capture::phone::region("DE"));
        assert_eq!(c.sources[0].kind, Some(SourceKind::Whatsapp));
        assert!(c.sources[0].groups);
        assert_eq!(
            c.sources[0].date_order,
            Some(crate::capture::whatsapp::DateOrder::Mdy)
        );
        assert_eq!(c.sources[1].kind, Some(SourceKind::SmsBackup));
        assert!(!c.sources[1].groups);
        assert_eq!(c.sources[2].kind, Some(SourceKind::Telegram));
        assert_eq!(c.sources[2].contact.as_deref(), Some("Anna"));
        let err = Config::parse("[me]\nregion = \"Germany\"\n").unwrap_err();
        assert!(
            err.starts_with("line 2:") && err.contains("Germany"),
            "{err}"
        );
        let err = Config::parse("[[capture]]\npath = \"x\"\ndate_order = \"dym\"\n").unwrap_err();
        assert!(err.starts_with("line 3:") && err.contains("dym"), "{err}");
    }

    #[test]
    fn relative_capture_paths_are_read_from_the_config_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "[[capture]]\npath = \"Mail/work\"\n").unwrap();
        let config = Config::load(&file).unwrap();
        assert_eq!(config.capture.sources[0].path, dir.path().join("Mail/work"));
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
