//! BIRTHDAY: a day of the year, with the year when it is known.
//!
//! `1990-03-15` and `--03-15` (ISO 8601, as stored and exported), German
//! `15.03.1990`, `15.3.1990` and `15.3.` (no year). A two-digit year is
//! refused: `15.3.90` could be 1990 or 2090.

use super::german::TWO_DIGIT_YEAR;
use super::{Expected, ParseError};
use crate::model::Birthday;

const NO_SUCH_DAY: &str = "there is no such day";

/// Parses a birthday as a person types it (see the module docs).
pub fn parse_birthday(input: &str) -> Result<Birthday, ParseError> {
    let error = || ParseError::new(input, Expected::Birthday);
    let text = input.trim();
    if text.is_empty() {
        return Err(error().because("it is empty"));
    }
    if let Some(birthday) = Birthday::from_iso(text) {
        return Ok(birthday);
    }
    let mut parts = text.split('.');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(error());
    };
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(day), Some(month)) = (number(day, 1..=2), number(month, 1..=2)) else {
        return Err(error());
    };
    let year = match year.len() {
        0 => None,
        2 if number(year, 2..=2).is_some() => return Err(error().because(TWO_DIGIT_YEAR)),
        _ => match number(year, 4..=4) {
            Some(year) => Some(i32::try_from(year).map_err(|_| error())?),
            None => return Err(error()),
        },
    };
    Birthday::new(year, month, day).ok_or_else(|| error().because(NO_SUCH_DAY))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn birthday(year: Option<i32>, month: u32, day: u32) -> Birthday {
        Birthday::new(year, month, day).unwrap()
    }

    #[test]
    fn birthdays_in_iso_and_german_forms() {
        let cases = [
            ("1990-03-15", birthday(Some(1990), 3, 15)),
            ("--03-15", birthday(None, 3, 15)),
            ("15.03.1990", birthday(Some(1990), 3, 15)),
            ("15.3.1990", birthday(Some(1990), 3, 15)),
            ("5.3.1990", birthday(Some(1990), 3, 5)),
            (" 15.3. ", birthday(None, 3, 15)),
            ("15.03.", birthday(None, 3, 15)),
            ("29.2.", birthday(None, 2, 29)),
            ("29.02.1988", birthday(Some(1988), 2, 29)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_birthday(input), Ok(want), "{input}");
        }
    }

    #[test]
    fn impossible_or_unclear_birthdays_are_refused_with_a_reason() {
        let cases = [
            ("31.4.", Some("(there is no such day)")),
            ("29.02.1989", Some("(there is no such day)")),
            ("15.3.90", Some("(write the year with four digits)")),
            ("", Some("(it is empty)")),
            ("15.3", None),
            ("15.13.", Some("(there is no such day)")),
            ("März 15", None),
            ("15.3.1990.", None),
            ("1990-02-30", None),
        ];
        for (input, reason) in cases {
            let e = parse_birthday(input).unwrap_err().to_string();
            if let Some(reason) = reason {
                assert!(e.contains(reason), "{input}: {e}");
            }
            assert!(
                e.contains("1990-03-15") || e.contains("15.03.1990"),
                "{input} lists the forms: {e}"
            );
        }
    }

    #[test]
    fn the_english_error_names_both_forms() {
        assert_eq!(
            parse_birthday("someday").unwrap_err().to_string(),
            r#"cannot read "someday" as a birthday; try 1990-03-15, or --03-15 without the year"#
        );
    }

    #[test]
    fn a_german_looking_birthday_lists_the_german_forms() {
        assert_eq!(
            parse_birthday("15.3.90").unwrap_err().to_string(),
            r#"cannot read "15.3.90" as a birthday (write the year with four digits); try 15.03.1990, or 15.3. without the year"#
        );
    }
}
