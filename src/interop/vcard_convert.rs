//! A card from one vCard version to another, and the lines a version
//! does not allow.
//!
//! An export writes a stored card in its own version (2.1 becomes 3.0, as
//! no tool of today wants 2.1), or in the one `--vcard-version` asks for.
//! Converting goes line by line through `calcard`: each property is parsed
//! in the card's version and written in the other, with the parameters
//! that differ between them translated (2.1's bare `;WORK;PREF` and 4.0's
//! `PREF=1` become 3.0's `TYPE=WORK,pref`, and back), and `BDAY` written in
//! draht's form for the version. A card that stays in its version keeps
//! every line byte for byte, except those the version does not allow: a
//! 3.0 or 4.0 line with `CHARSET` or quoted-printable (2.1 habits some
//! tools keep) is written anew without them.

use calcard::vcard::{
    VCardEntry, VCardParameter, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
    VCardValueType,
};
use calcard::{Entry, Parser};

use super::vcard::VcardVersion;
use super::vcard_lines::{ContentLine, content_lines, fold, for_parser, property_line};
use super::vcard_read::parse_birthday;
use super::vcard_write::birthday_text;

/// The version a card says it is in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Written {
    V21,
    V3,
    V4,
    /// No `VERSION`, or one draht does not know: read as 3.0.
    Unknown,
}

impl Written {
    /// The version of the card's `VERSION` line.
    pub fn of(card: &str) -> Written {
        let lines = content_lines(card);
        let Some(line) = lines.iter().find(|l| l.name == "VERSION") else {
            return Written::Unknown;
        };
        let text = line.unfolded(card);
        match text.split_once(':').map(|(_, v)| v.trim()) {
            Some("2.1" | "2.0") => Written::V21,
            Some("3.0") => Written::V3,
            Some("4.0") => Written::V4,
            _ => Written::Unknown,
        }
    }

    /// The version an export writes the card in unless told otherwise.
    pub fn native(self) -> VcardVersion {
        match self {
            Written::V4 => VcardVersion::V4,
            _ => VcardVersion::V3,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Written::V21 => "2.1",
            Written::V3 | Written::Unknown => "3.0",
            Written::V4 => "4.0",
        }
    }

    fn is(self, version: VcardVersion) -> bool {
        matches!(
            (self, version),
            (Written::V3, VcardVersion::V3) | (Written::V4, VcardVersion::V4)
        )
    }
}

/// `card` in `version`: unchanged lines kept when it already is in that
/// version, else every line converted (see the module docs).
pub(crate) fn to_version(card: &str, version: VcardVersion) -> String {
    let from = Written::of(card);
    let lines = content_lines(card);
    let mut out = String::with_capacity(card.len() + 64);
    let same = from.is(version);
    let mut version_written = false;
    for line in &lines {
        let raw = line.raw(card);
        match line.name.as_str() {
            "BEGIN" | "END" if same => out.push_str(raw),
            "BEGIN" => {
                out.push_str("BEGIN:VCARD\r\n");
                if from == Written::Unknown {
                    out.push_str(&format!("VERSION:{}\r\n", version.as_str()));
                    version_written = true;
                }
            }
            "END" => out.push_str("END:VCARD\r\n"),
            "VERSION" if same => out.push_str(raw),
            "VERSION" if !version_written => {
                out.push_str(&format!("VERSION:{}\r\n", version.as_str()));
                version_written = true;
            }
            "VERSION" => {}
            _ if same && allowed(line, card) => out.push_str(raw),
            "BDAY" => out.push_str(&birthday_line(line, card, version)),
            _ => out.push_str(&convert_line(raw, from, version)),
        }
    }
    out
}

/// Whether a line of a 3.0 or 4.0 card may stay as it is: no `CHARSET`,
/// no quoted-printable.
fn allowed(line: &ContentLine, card: &str) -> bool {
    if line.quoted_printable {
        return false;
    }
    let text = line.unfolded(card);
    let params = text.split(':').next().unwrap_or_default();
    !params
        .split(';')
        .any(|p| p.trim().to_ascii_uppercase().starts_with("CHARSET="))
}

/// A `BDAY` line in draht's form for `version` (group kept), when draht
/// reads its date; else converted like any other line.
fn birthday_line(line: &ContentLine, card: &str, version: VcardVersion) -> String {
    let text = line.unfolded(card);
    let value = text.split_once(':').map(|(_, v)| v).unwrap_or_default();
    match parse_birthday(value) {
        Some(day) => {
            let group = line
                .group
                .as_ref()
                .map(|g| format!("{g}."))
                .unwrap_or_default();
            fold(&format!("{group}BDAY:{}", birthday_text(day, version)))
        }
        None => convert_line(line.raw(card), Written::of(card), version),
    }
}

/// One content line (raw, with its folds) of a card in `from`, written in
/// `version`. A line calcard does not read is kept as it is.
pub(crate) fn convert_line(raw: &str, from: Written, version: VcardVersion) -> String {
    let mut card = format!("BEGIN:VCARD\r\nVERSION:{}\r\n{raw}", from.as_str());
    if !raw.ends_with('\n') {
        card.push_str("\r\n");
    }
    card.push_str("END:VCARD\r\n");
    let Entry::VCard(parsed) = Parser::new(&for_parser(&card)).entry() else {
        return kept(raw);
    };
    let Some(mut entry) = parsed
        .entries
        .into_iter()
        .find(|e| !matches!(e.name, VCardProperty::Version))
    else {
        return kept(raw);
    };
    translate(&mut entry, version);
    property_line(&entry, version)
}

fn kept(raw: &str) -> String {
    let mut line = raw.to_string();
    if !line.ends_with('\n') {
        line.push_str("\r\n");
    }
    line
}

/// Parameters from the vCard 2.1 / 3.0 / 4.0 habits into `version`'s.
pub(crate) fn translate(entry: &mut VCardEntry, version: VcardVersion) {
    let mut params = Vec::with_capacity(entry.params.len());
    let mut tel_uri = false;
    for param in std::mem::take(&mut entry.params) {
        let name = &param.name;
        let value = &param.value;
        let is_pref_type = matches!(value, VCardParameterValue::Text(t) if t.eq_ignore_ascii_case("pref"))
            && *name == VCardParameterName::Type;
        match (version, name, value) {
            (_, VCardParameterName::Other(other), _)
                if other.eq_ignore_ascii_case("CHARSET")
                    || other.eq_ignore_ascii_case("ENCODING") => {}
            (VcardVersion::V3, VCardParameterName::Pref, VCardParameterValue::Integer(n)) => {
                if *n == 1 {
                    params.push(type_text("pref"));
                }
            }
            (VcardVersion::V3, VCardParameterName::Pref, VCardParameterValue::Null) => {
                params.push(type_text("pref"));
            }
            (
                VcardVersion::V3,
                VCardParameterName::Value,
                VCardParameterValue::ValueType(VCardValueType::Uri),
            ) if entry.name == VCardProperty::Tel => {
                tel_uri = true;
            }
            (VcardVersion::V4, VCardParameterName::Pref, VCardParameterValue::Null) => {
                params.push(VCardParameter::pref(1u32));
            }
            (VcardVersion::V4, _, _) if is_pref_type => {
                params.push(VCardParameter::pref(1u32));
            }
            (_, VCardParameterName::Other(other), VCardParameterValue::Null) => {
                params.push(type_text(&other.to_ascii_lowercase()));
            }
            _ => params.push(param),
        }
    }
    entry.params = params;
    // CR is no escape of 3.0 or 4.0 (Outlook's `=0D=0A` in a 2.1 value):
    // a line break is `\n`
    for value in &mut entry.values {
        match value {
            VCardValue::Text(text) => unify_breaks(text),
            VCardValue::Component(parts) => parts.iter_mut().for_each(unify_breaks),
            _ => {}
        }
    }
    if tel_uri
        && let Some(VCardValue::Text(text)) = entry.values.first_mut()
        && let Some(rest) = text.strip_prefix("tel:")
    {
        *text = rest.to_string();
    }
}

fn unify_breaks(text: &mut String) {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
}

fn type_text(value: &str) -> VCardParameter {
    VCardParameter::new(
        VCardParameterName::Type,
        VCardParameterValue::Text(value.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTLOOK: &str = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=utf-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\r\nTITLE:Einkaufsleiter\r\nTEL;WORK;VOICE:+49 1\r\nEMAIL;PREF;INTERNET:j@m.example\r\nBDAY:19700301\r\nX-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\nEND:VCARD\r\n";

    #[test]
    fn a_2_1_card_becomes_3_0_without_charset_or_bare_types() {
        assert_eq!(Written::of(OUTLOOK), Written::V21);
        let card = to_version(OUTLOOK, VcardVersion::V3);
        assert_eq!(
            card,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jürgen\r\nTITLE:Einkaufsleiter\r\nTEL;TYPE=WORK,VOICE:+49 1\r\nEMAIL;TYPE=pref,internet:j@m.example\r\nBDAY:1970-03-01\r\nX-MS-OL-DEFAULT-POSTAL-ADDRESS:2\r\nEND:VCARD\r\n"
        );
    }

    #[test]
    fn a_3_0_card_stays_byte_for_byte_but_loses_charset() {
        let card = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nNOTE;CHARSET=UTF-8:Grüße\nX-FOO;BAR=1:baz\nEND:VCARD\n";
        assert_eq!(
            to_version(card, VcardVersion::V3),
            "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nNOTE:Grüße\r\nX-FOO;BAR=1:baz\nEND:VCARD\n"
        );
    }

    #[test]
    fn pref_moves_between_3_0_types_and_4_0_pref() {
        let three = "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL;TYPE=HOME;TYPE=pref:a@b.c\r\nBDAY:--0412\r\nEND:VCARD\r\n";
        let four = to_version(three, VcardVersion::V4);
        assert!(four.contains("EMAIL;TYPE=HOME;PREF=1:a@b.c\r\n"), "{four}");
        assert!(four.contains("VERSION:4.0\r\n") && four.contains("BDAY:--0412\r\n"));
        let back = to_version(&four, VcardVersion::V3);
        assert!(back.contains("EMAIL;TYPE=HOME,pref:a@b.c\r\n"), "{back}");
    }

    #[test]
    fn a_4_0_tel_uri_becomes_a_3_0_number() {
        let four =
            "BEGIN:VCARD\r\nVERSION:4.0\r\nTEL;VALUE=uri;TYPE=home:tel:+44-20\r\nEND:VCARD\r\n";
        let three = to_version(four, VcardVersion::V3);
        assert!(three.contains("TEL;TYPE=HOME:+44-20\r\n"), "{three}");
    }
}
