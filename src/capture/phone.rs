//! Phone numbers as they are compared: E.164 (`+491701234567`), with the
//! `phonenumber` crate (libphonenumber's metadata), so that `0170 1234567`,
//! `+49 170 1234567` and `0049-170-1234567` are one number. A number
//! without a country code is read in the region of `[me] region` ("DE");
//! without one it is kept as its digits, which still matches the same
//! number written the same national way.
//!
//! A sender that is no number (`DHL`, `Telekom`) or a short code (`22222`)
//! is no person: [`normalize`] gives `None`.

use std::collections::HashMap;
use std::str::FromStr;

pub use phonenumber::country::Id as Region;

/// Fewer digits than this (without a `+`) is a short code, not a person.
const MIN_DIGITS: usize = 6;

/// Invisible marks that phones and chat exports put around numbers and
/// names: left-to-right and right-to-left marks, embeddings and isolates,
/// the byte-order mark and zero-width characters.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// A region code ("DE", "at"), checked against libphonenumber's list.
pub fn region(code: &str) -> Option<Region> {
    Region::from_str(&code.trim().to_ascii_uppercase()).ok()
}

/// `raw` in E.164, or `None` when it is no person's number (letters, a
/// short code, too few digits).
pub fn normalize(raw: &str, region: Option<Region>) -> Option<String> {
    let text: String = raw.chars().filter(|c| !is_invisible(*c)).collect();
    let text = text.trim();
    let text = text.strip_prefix("tel:").unwrap_or(text);
    // A sender name such as "DHL" or "Vodafone": a machine.
    if text.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let international = text.starts_with('+') || digits.starts_with("00");
    if digits.len() < MIN_DIGITS && !(international && digits.len() >= 4) {
        return None;
    }
    if let Ok(number) = phonenumber::parse(region, text) {
        let formatted = number.format().mode(phonenumber::Mode::E164).to_string();
        if formatted.len() > 1 {
            return Some(formatted);
        }
    }
    // What the metadata cannot read: its digits, as international as it says.
    Some(if text.starts_with('+') {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else {
        digits
    })
}

/// [`normalize`] remembering what it read: a backup names the same few
/// thousand numbers a million times, and the metadata's rules are slow.
#[derive(Debug, Default)]
pub struct Numbers {
    region: Option<Region>,
    known: HashMap<String, Option<String>>,
}

impl Numbers {
    pub fn new(region: Option<Region>) -> Numbers {
        Numbers {
            region,
            known: HashMap::new(),
        }
    }

    /// [`normalize`] of `raw`, looked up first.
    pub fn get(&mut self, raw: &str) -> Option<&str> {
        if !self.known.contains_key(raw) {
            let value = normalize(raw, self.region);
            self.known.insert(raw.to_string(), value);
        }
        self.known.get(raw).and_then(Option::as_deref)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> Option<Region> {
        region("DE")
    }

    #[test]
    fn one_number_however_it_is_written() {
        for raw in [
            "0170 1234567",
            "+49 170 1234567",
            "0049-170-1234567",
            "+49 (0)170 1234567",
            "(0170) 123 45 67",
            "\u{202a}+49 170 1234567\u{202c}",
            "tel:+49-170-1234567",
        ] {
            assert_eq!(
                normalize(raw, de()).as_deref(),
                Some("+491701234567"),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_foreign_number_keeps_its_country() {
        assert_eq!(
            normalize("+43 664 1234567", de()).as_deref(),
            Some("+436641234567")
        );
        assert_eq!(
            normalize("0043 664 1234567", de()).as_deref(),
            Some("+436641234567")
        );
        assert_eq!(
            normalize("0664 1234567", region("at")).as_deref(),
            Some("+436641234567")
        );
    }

    #[test]
    fn machines_and_short_codes_are_no_people() {
        assert_eq!(normalize("DHL", de()), None);
        assert_eq!(normalize("Vodafone", de()), None);
        assert_eq!(normalize("22222", de()), None);
        assert_eq!(normalize("", de()), None);
        assert_eq!(normalize("-2", de()), None, "a hidden number");
    }

    #[test]
    fn without_a_region_national_numbers_match_themselves() {
        assert_eq!(
            normalize("0170 1234567", None).as_deref(),
            Some("01701234567")
        );
        assert_eq!(
            normalize("+49 170 1234567", None).as_deref(),
            Some("+491701234567")
        );
    }

    #[test]
    fn regions_are_checked() {
        assert!(region("DE").is_some());
        assert!(region(" de ").is_some());
        assert!(region("XX").is_none());
        assert!(region("Germany").is_none());
    }

    #[test]
    fn the_cache_gives_what_normalize_gives() {
        let mut numbers = Numbers::new(de());
        assert_eq!(numbers.get("0170 1234567"), Some("+491701234567"));
        assert_eq!(numbers.get("0170 1234567"), Some("+491701234567"));
        assert_eq!(numbers.get("DHL"), None);
    }
}
