//! Reading `.vcf` text into [`CardContact`]s.
//!
//! `calcard` does the parsing (line folding, quoted-printable with its
//! CHARSET, base64, groups, escapes). Two small normalisations come first:
//!
//! - The text is split into cards at `BEGIN:VCARD` lines, so a card cut off
//!   before its `END:VCARD` is reported on its own instead of swallowing the
//!   card after it (calcard reads the next card's lines as stray text).
//! - `BDAY` is read as text and its date parsed here: calcard drops the day
//!   of `--04-12` (3.0), `1990-04-12` and `--04-12` (4.0).

use std::borrow::Cow;
use std::collections::HashMap;

use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
};
use calcard::{Entry, Parser};

use super::vcard::{CardContact, CardError};
use super::vcard_write::PRODID;
use crate::model::{Birthday, Handle};

/// Type names that say nothing a user would call a label.
const UNLABELLED_TYPES: [&str; 3] = ["pref", "internet", "voice"];

/// Google's system group that every contact in "My Contacts" carries.
const GOOGLE_SYSTEM_GROUP: &str = "mycontacts";

/// Reads every card in a `.vcf` text (vCard 2.1, 3.0 or 4.0), one result per
/// card in file order. Text outside `BEGIN:VCARD` … `END:VCARD` is ignored;
/// a text without any card gives an empty list.
pub fn read_cards(text: &str) -> Vec<Result<CardContact, CardError>> {
    split_cards(text)
        .into_iter()
        .enumerate()
        .map(|(index, card)| {
            read_card(&card).map_err(|reason| CardError {
                card: index + 1,
                reason,
            })
        })
        .collect()
}

/// The text of one card, from its `BEGIN:VCARD` line.
struct CardText {
    text: String,
    /// Whether an `END:VCARD` line closed it.
    ended: bool,
}

fn split_cards(text: &str) -> Vec<CardText> {
    let mut cards: Vec<CardText> = Vec::new();
    for raw_line in text.split_inclusive('\n') {
        let line = raw_line.trim_start_matches('\u{feff}');
        let bare = line.trim_end();
        if bare.eq_ignore_ascii_case("BEGIN:VCARD") {
            cards.push(CardText {
                text: String::new(),
                ended: false,
            });
        }
        let Some(card) = cards.last_mut() else {
            continue; // before the first card
        };
        if card.ended {
            continue; // between END:VCARD and the next BEGIN:VCARD
        }
        card.text.push_str(&birthday_as_text(line));
        if bare.eq_ignore_ascii_case("END:VCARD") {
            card.ended = true;
        }
    }
    cards
}

/// Adds `VALUE=text` to a `BDAY` line, so calcard hands over the date as
/// written and [`parse_birthday`] reads it.
fn birthday_as_text(line: &str) -> Cow<'_, str> {
    if line.starts_with([' ', '\t']) {
        return Cow::Borrowed(line); // a folded continuation
    }
    let Some(name_end) = line.find([';', ':']) else {
        return Cow::Borrowed(line);
    };
    let name = &line[..name_end];
    let property = name.rsplit('.').next().unwrap_or(name);
    if property.trim().eq_ignore_ascii_case("BDAY") {
        Cow::Owned(format!("{name};VALUE=text{}", &line[name_end..]))
    } else {
        Cow::Borrowed(line)
    }
}

fn read_card(card: &CardText) -> Result<CardContact, String> {
    if !card.ended {
        return Err("no END:VCARD before the next card or the end of the file \
                    (the card is cut off); repair it or skip it"
            .to_string());
    }
    match Parser::new(&card.text).entry() {
        Entry::VCard(vcard) => contact_from(&vcard),
        _ => Err("not a vCard this reader understands; repair it or skip it".to_string()),
    }
}

fn contact_from(vcard: &VCard) -> Result<CardContact, String> {
    let labels = ab_labels(vcard);
    let emails = handles(vcard, VCardProperty::Email, &labels, "mailto:");
    let phones = handles(vcard, VCardProperty::Tel, &labels, "tel:");
    let company = first_text(vcard, VCardProperty::Org);
    let name = first_text(vcard, VCardProperty::Fn)
        .or_else(|| name_from_n(vcard))
        .or_else(|| company.clone())
        .or_else(|| emails.first().map(|e| e.value.clone()))
        .ok_or_else(|| "no name (FN, N, ORG or EMAIL)".to_string())?;
    Ok(CardContact {
        uid: first_text(vcard, VCardProperty::Uid),
        name,
        nickname: first_text(vcard, VCardProperty::Nickname),
        company,
        role: first_text(vcard, VCardProperty::Title)
            .or_else(|| first_text(vcard, VCardProperty::Role)),
        emails,
        phones,
        birthday: vcard
            .properties(&VCardProperty::Bday)
            .filter_map(|entry| entry.values.first().and_then(value_text))
            .find_map(|text| parse_birthday(&text)),
        notes: notes(vcard),
        tags: tags(vcard),
    })
}

/// The text of a value: plain text, or a comma list joined back.
fn value_text(value: &VCardValue) -> Option<String> {
    match value {
        VCardValue::Text(text) => Some(text.clone()),
        VCardValue::Component(parts) => Some(parts.join(",")),
        _ => None,
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The first non-empty text of the first value of a property, trimmed.
fn first_text(vcard: &VCard, property: VCardProperty) -> Option<String> {
    vcard
        .properties(&property)
        .flat_map(|entry| entry.values.iter())
        .filter_map(value_text)
        .find_map(|text| non_empty(&text))
}

/// `N` is family; given; additional; prefix; suffix. Shown as
/// "prefix given additional family suffix".
fn name_from_n(vcard: &VCard) -> Option<String> {
    let entry = vcard.property(&VCardProperty::N)?;
    let part = |index: usize| -> String {
        match entry.values.get(index) {
            Some(VCardValue::Text(text)) => text.trim().to_string(),
            Some(VCardValue::Component(parts)) => parts
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        }
    };
    let parts = [part(3), part(1), part(2), part(0), part(4)];
    non_empty(
        &parts
            .iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `X-ABLabel` values by lowercased group name (`item1` → "segelclub").
fn ab_labels(vcard: &VCard) -> HashMap<String, String> {
    vcard
        .entries
        .iter()
        .filter(|entry| {
            matches!(&entry.name, VCardProperty::Other(name)
                if name.eq_ignore_ascii_case("X-ABLABEL"))
        })
        .filter_map(|entry| {
            let group = entry.group.as_ref()?.to_lowercase();
            let label = entry.values.first().and_then(value_text)?;
            Some((group, normalise_label(&label)))
        })
        .filter(|(_, label)| !label.is_empty())
        .collect()
}

/// Lowercase, trimmed, without Apple's `_$!<Mobile>!$_` wrapping.
fn normalise_label(label: &str) -> String {
    let label = label.trim();
    let label = label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(label);
    label.trim().to_lowercase()
}

fn handles(
    vcard: &VCard,
    property: VCardProperty,
    labels: &HashMap<String, String>,
    scheme: &str,
) -> Vec<Handle> {
    vcard
        .properties(&property)
        .filter_map(|entry| {
            let text = entry.values.first().and_then(value_text)?;
            let text = text.trim();
            let value = match text.get(..scheme.len()) {
                Some(prefix) if prefix.eq_ignore_ascii_case(scheme) => &text[scheme.len()..],
                _ => text,
            };
            Some(Handle {
                value: non_empty(value)?,
                label: handle_label(entry, labels),
            })
        })
        .collect()
}

/// The label of an `EMAIL` or `TEL`: the `X-ABLabel` of its group, else its
/// telling types (`TYPE=WORK`, or 2.1's bare `;WORK`) lowercased and joined
/// by a space, so `TEL;WORK;FAX` is "work fax" and `TEL;CELL;VOICE` "cell".
fn handle_label(entry: &VCardEntry, labels: &HashMap<String, String>) -> Option<String> {
    if let Some(label) = entry
        .group
        .as_ref()
        .and_then(|group| labels.get(&group.to_lowercase()))
    {
        return Some(label.clone());
    }
    let mut types: Vec<String> = Vec::new();
    for param in &entry.params {
        let typ = match (&param.name, &param.value) {
            (VCardParameterName::Type, value) => normalise_label(&value.clone().into_text()),
            (VCardParameterName::Other(name), VCardParameterValue::Null) => normalise_label(name),
            _ => continue,
        };
        if !typ.is_empty() && !UNLABELLED_TYPES.contains(&typ.as_str()) && !types.contains(&typ) {
            types.push(typ);
        }
    }
    (!types.is_empty()).then(|| types.join(" "))
}

/// The NOTEs, joined by line breaks. Other tools' CRLF or CR line ends
/// (Outlook's quoted-printable `=0D=0A`) become `\n`; a card draht wrote
/// (its PRODID) is read back exactly, carriage returns included.
fn notes(vcard: &VCard) -> Option<String> {
    let ours = first_text(vcard, VCardProperty::Prodid).as_deref() == Some(PRODID);
    let notes: Vec<String> = vcard
        .properties(&VCardProperty::Note)
        .filter_map(|entry| entry.values.first().and_then(value_text))
        .filter_map(|text| {
            if ours {
                non_empty(&text)
            } else {
                non_empty(&text.replace("\r\n", "\n").replace('\r', "\n"))
            }
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("\n"))
}

fn tags(vcard: &VCard) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let candidates = vcard
        .properties(&VCardProperty::Categories)
        .flat_map(|entry| entry.values.iter())
        .filter_map(value_text)
        .filter_map(|text| non_empty(&crate::model::normalize_tag(&text)));
    for tag in candidates {
        let duplicate = tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase());
        if !duplicate && tag.to_lowercase() != GOOGLE_SYSTEM_GROUP {
            tags.push(tag);
        }
    }
    tags
}

/// Reads a `BDAY` value: `YYYY-MM-DD`, `YYYYMMDD`, `--MM-DD` or `--MMDD`,
/// optionally followed by a time (`T…`), which is ignored. The years 1604
/// (Apple's "year omitted") and 0000 mean no year.
pub(crate) fn parse_birthday(text: &str) -> Option<Birthday> {
    let text = text.trim();
    let date = text.split(['T', 't']).next().unwrap_or(text);
    let number = |digits: &str| -> Option<u32> {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    if let Some(month_day) = date.strip_prefix("--") {
        let (month, day) = match month_day.split_once('-') {
            Some(parts) => parts,
            None if month_day.len() == 4 => month_day.split_at_checked(2)?,
            None => return None,
        };
        return Birthday::new(None, number(month)?, number(day)?);
    }
    let (year, month, day) = match date.split('-').collect::<Vec<_>>().as_slice() {
        [year, month, day] => (*year, *month, *day),
        [compact] if compact.len() == 8 => {
            let (year, month_day) = compact.split_at_checked(4)?;
            let (month, day) = month_day.split_at_checked(2)?;
            (year, month, day)
        }
        _ => return None,
    };
    if year.len() != 4 {
        return None;
    }
    let year = number(year)?;
    let year = (year != 1604 && year != 0).then_some(year as i32);
    Birthday::new(year, number(month)?, number(day)?)
}
