//! Meeting lengths for `jourfixe add --duration`: `30min`, `1h30`, `1:30`.

use crate::error::{Error, Result};

/// "30 min", "1 h", "1 h 30 min"
pub fn minutes_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => crate::t!("length-minutes", minutes = m),
        (h, 0) => crate::t!("length-hours", hours = h),
        (h, m) => crate::t!("length-hours-minutes", hours = h, minutes = m),
    }
}

/// A meeting length in minutes: `30min`, `45m`, `1h`, `1h30`, `1h30m`, `45 Min.`,
/// `1:30`, `90 minutes`, `2 hours`; from 1 minute to 24 hours. Here `m` is
/// minutes (a Jour fixe does not last months).
pub fn parse_minutes(input: &str) -> Result<u32> {
    let text = input.trim().to_lowercase();
    let bad = || Error::input(crate::t!("parse-length", input = input.trim()));
    let minutes = match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => hours_and(number(h), number(m)),
        Some(_) => None,
        None => {
            let parts = amounts(&text).ok_or_else(bad)?;
            match parts.as_slice() {
                [(n, unit)] if is_minutes(unit) => Some(*n),
                [(n, unit)] if is_hours(unit) => n.checked_mul(60),
                [(h, hu), (m, mu)] if is_hours(hu) && (mu.is_empty() || is_minutes(mu)) => {
                    hours_and(Some(*h), Some(*m))
                }
                _ => None,
            }
        }
    };
    minutes
        .filter(|m| (1..=24 * 60).contains(m))
        .ok_or_else(bad)
}

fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn hours_and(hours: Option<u32>, minutes: Option<u32>) -> Option<u32> {
    let minutes = minutes.filter(|m| *m < 60)?;
    hours?.checked_mul(60)?.checked_add(minutes)
}

/// "1h30m" → [(1, "h"), (30, "m")]; spaces between a number and its unit
/// are allowed. `None` for anything that is not number–unit pairs.
fn amounts(text: &str) -> Option<Vec<(u32, String)>> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n = number(&rest[..digits])?;
        rest = rest[digits..].trim_start();
        let letters = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        parts.push((n, rest[..letters].to_string()));
        // "45 Min.", "1 Std.": the point of an abbreviated unit, as the
        // German screens write a length (and the forms pre-fill it).
        rest = rest[letters..]
            .strip_prefix('.')
            .unwrap_or(&rest[letters..]);
        rest = rest.trim_start();
    }
    Some(parts)
}

fn is_minutes(unit: &str) -> bool {
    matches!(
        unit,
        "m" | "min" | "mins" | "minute" | "minutes" | "minuten"
    )
}

fn is_hours(unit: &str) -> bool {
    matches!(
        unit,
        "h" | "hr" | "hrs" | "hour" | "hours" | "std" | "stunde" | "stunden"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_lengths_in_minutes_and_hours() {
        let cases = [
            ("30min", 30),
            ("45m", 45),
            ("90 minutes", 90),
            ("1h", 60),
            ("2 hours", 120),
            ("1h30", 90),
            ("1h30m", 90),
            ("1 h 15 min", 75),
            ("1:30", 90),
            ("0:45", 45),
            (" 24h ", 1440),
            ("1 Stunde", 60),
            ("45 Min.", 45),
            ("1 Std.", 60),
            ("1 Std. 30 Min.", 90),
        ];
        for (input, minutes) in cases {
            assert_eq!(parse_minutes(input).unwrap(), minutes, "{input}");
        }
    }

    #[test]
    fn unclear_or_absurd_lengths_are_refused_with_the_forms() {
        for input in [
            "",
            "30",
            "1h70",
            "1:5",
            "1:75",
            "0min",
            "25h",
            "3d",
            "1w",
            "half an hour",
            "30min 1h",
            "-30min",
            "1.5h",
            "30.",
            "1 Std..",
            "99999999h",
        ] {
            let err = parse_minutes(input).unwrap_err().to_string();
            assert!(
                err.contains("use 30min, 45m, 1h, 1h30 or 1:30"),
                "{input}: {err}"
            );
        }
    }

    #[test]
    fn lengths_read_back_in_words() {
        assert_eq!(minutes_text(30), "30 min");
        assert_eq!(minutes_text(60), "1 h");
        assert_eq!(minutes_text(90), "1 h 30 min");
    }

    /// The Jour fixe form pre-fills its length with `minutes_text`; in
    /// either language that text must be accepted back unchanged.
    #[test]
    fn a_length_as_written_on_screen_reads_back_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            crate::i18n::with_lang(lang, || {
                for minutes in [1, 5, 30, 45, 59, 60, 61, 90, 135, 600, 1440] {
                    let text = minutes_text(minutes);
                    assert_eq!(parse_minutes(&text).ok(), Some(minutes), "{lang:?}: {text}");
                }
            });
        }
    }
}
