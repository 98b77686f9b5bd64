//! Property tests: generated contacts survive write → read in both
//! versions, and reading never panics, whatever the text.

use proptest::prelude::*;

use super::vcard::{APPLE, BROKEN, GOOGLE, OUTLOOK, PLAIN4, blank_contact};
use crate::interop::vcard::{CardContact, VcardVersion, read_cards, write_card};
use crate::model::{Birthday, Contact, Handle};

/// Trimmed, non-empty text from a pattern.
fn trimmed(pattern: &'static str) -> impl Strategy<Value = String> {
    pattern
        .prop_map(|text| text.trim().to_string())
        .prop_filter("non-empty after trimming", |text| !text.is_empty())
}

fn label() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("work".to_string())),
        Just(Some("home".to_string())),
        Just(Some("cell".to_string())),
        Just(Some("work fax".to_string())),
        Just(Some("voice".to_string())),
        Just(Some("other".to_string())),
        trimmed("[a-zäöüß,;.]{1,6}( [a-zäöüß,;.]{1,6})?").prop_map(Some),
    ]
}

fn handles(value: &'static str) -> impl Strategy<Value = Vec<Handle>> {
    prop::collection::vec(
        (trimmed(value), label()).prop_map(|(value, label)| Handle { value, label }),
        0..4,
    )
}

fn birthday() -> impl Strategy<Value = Option<Birthday>> {
    prop::option::of(
        (prop::option::of(1900i32..2100), 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(year, month, day)| {
                Birthday::new(year, month, day)
            }),
    )
}

/// Tags as draht keeps them: distinct ignoring case, never Google's system group.
fn tags() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(trimmed("[\\p{L}\\p{N}][\\p{L}\\p{N} ,;&-]{0,12}"), 0..4).prop_map(
        |candidates| {
            let mut tags: Vec<String> = Vec::new();
            for tag in candidates {
                let lower = tag.to_lowercase();
                if lower != "mycontacts" && !tags.iter().any(|t| t.to_lowercase() == lower) {
                    tags.push(tag);
                }
            }
            tags
        },
    )
}

prop_compose! {
    fn contact()(
        uid in "([A-Za-z0-9][A-Za-z0-9:.@-]{0,40})?",
        name in trimmed("[\\p{L}\\p{N}][\\p{L}\\p{N} .,;:'&()\\\\-]{0,40}"),
        nickname in prop::option::of(trimmed("[\\p{L} ,;-]{1,15}")),
        company in prop::option::of(trimmed("[\\p{L}\\p{N} .,;&\\\\-]{1,30}")),
        role in prop::option::of(trimmed("[\\p{L} ,;/-]{1,20}")),
        emails in handles("[a-z0-9._%+-]{1,12}@[a-z0-9-]{1,12}\\.[a-z]{2,6}"),
        phones in handles("\\+?[0-9][0-9 ()/-]{2,18}"),
        birthday in birthday(),
        notes in prop::option::of(trimmed("[\\p{L}\\p{N} ,;:.!?\\\\\n\t\"'=]{1,200}")),
        tags in tags(),
    ) -> Contact {
        Contact {
            uid, name, nickname, company, role, emails, phones, birthday, notes, tags,
            ..blank_contact()
        }
    }
}

/// Lines a reader treats as the start of a card.
fn begin_lines(text: &str) -> usize {
    text.split_inclusive('\n')
        .filter(|line| {
            line.trim_start_matches('\u{feff}')
                .trim_end()
                .eq_ignore_ascii_case("BEGIN:VCARD")
        })
        .count()
}

/// What every read must hold: one result per card, numbered in order, and
/// every contact named.
fn assert_well_formed(text: &str) -> Result<(), TestCaseError> {
    let results = read_cards(text);
    prop_assert_eq!(results.len(), begin_lines(text));
    for (index, result) in results.iter().enumerate() {
        match result {
            Ok(card) => prop_assert!(!card.name.trim().is_empty()),
            Err(error) => {
                prop_assert_eq!(error.card, index + 1);
                prop_assert!(!error.to_string().contains('\n'));
            }
        }
    }
    Ok(())
}

fn vcard_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCARD\r\n".to_string()),
        Just("END:VCARD\r\n".to_string()),
        Just("VERSION:2.1\r\n".to_string()),
        Just("VERSION:3.0\n".to_string()),
        Just("VERSION:4.0\r\n".to_string()),
        Just("\r\n ".to_string()),
        Just("\n".to_string()),
        Just("item1.".to_string()),
        Just("X-ABLabel:".to_string()),
        Just("BDAY".to_string()),
        Just("TEL;WORK;FAX:".to_string()),
        Just("EMAIL;TYPE=".to_string()),
        Just("N:".to_string()),
        Just("FN".to_string()),
        Just(";ENCODING=QUOTED-PRINTABLE".to_string()),
        Just(";ENCODING=b".to_string()),
        Just(";CHARSET=ISO-8859-1".to_string()),
        Just(";CHARSET=no-such-charset".to_string()),
        Just(";VALUE=date".to_string()),
        Just("=C3=BC=\r\n".to_string()),
        Just("--04-12".to_string()),
        Just("1604".to_string()),
        Just("\\".to_string()),
        Just("\u{feff}".to_string()),
        "[:;,.=\"\\\\-]".prop_map(|s| s.to_string()),
        "\\PC{0,6}",
    ]
}

/// A change to a fixture: at a relative position, delete some characters,
/// insert a fragment, or repeat a stretch.
#[derive(Debug, Clone)]
enum Mangle {
    Delete(f64, usize),
    Insert(f64, String),
    Repeat(f64, usize),
}

fn mangle() -> impl Strategy<Value = Mangle> {
    prop_oneof![
        (0.0..1.0, 1usize..40).prop_map(|(at, n)| Mangle::Delete(at, n)),
        (0.0..1.0, vcard_fragment()).prop_map(|(at, s)| Mangle::Insert(at, s)),
        (0.0..1.0, 1usize..80).prop_map(|(at, n)| Mangle::Repeat(at, n)),
    ]
}

fn apply(text: &str, changes: &[Mangle]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for change in changes {
        let at = |fraction: f64| ((chars.len() as f64) * fraction) as usize;
        match change {
            Mangle::Delete(fraction, n) => {
                let start = at(*fraction).min(chars.len());
                let end = (start + n).min(chars.len());
                chars.drain(start..end);
            }
            Mangle::Insert(fraction, fragment) => {
                let start = at(*fraction).min(chars.len());
                chars.splice(start..start, fragment.chars());
            }
            Mangle::Repeat(fraction, n) => {
                let start = at(*fraction).min(chars.len());
                let end = (start + n).min(chars.len());
                let stretch: Vec<char> = chars[start..end].to_vec();
                chars.splice(end..end, stretch);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #[test]
    fn generated_contact_survives_a_4_0_round_trip(contact in contact()) {
        let card = write_card(&contact, VcardVersion::V4);
        prop_assert_eq!(read_cards(&card), vec![Ok(CardContact::from(&contact))], "{}", card);
    }

    #[test]
    fn generated_contact_survives_a_3_0_round_trip(contact in contact()) {
        let card = write_card(&contact, VcardVersion::V3);
        prop_assert_eq!(read_cards(&card), vec![Ok(CardContact::from(&contact))], "{}", card);
    }

    #[test]
    fn written_lines_are_folded_at_75_octets(contact in contact()) {
        for version in [VcardVersion::V3, VcardVersion::V4] {
            let card = write_card(&contact, version);
            for line in card.split("\r\n") {
                prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            }
        }
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in any::<String>()) {
        assert_well_formed(&text)?;
    }

    #[test]
    fn reading_vcard_like_fragments_never_panics(
        fragments in prop::collection::vec(vcard_fragment(), 0..80)
    ) {
        assert_well_formed(&fragments.concat())?;
    }

    #[test]
    fn reading_mangled_fixtures_never_panics(
        fixture in prop::sample::select(vec![GOOGLE, APPLE, OUTLOOK, PLAIN4, BROKEN]),
        changes in prop::collection::vec(mangle(), 1..6),
    ) {
        assert_well_formed(&apply(fixture, &changes))?;
    }
}
