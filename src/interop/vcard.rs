//! vCard 2.1 / 3.0 / 4.0 import and 3.0 / 4.0 export, built on `calcard`.
//!
//! [`read_cards`] turns a `.vcf` text into one result per card, so the
//! caller can abort on the first invalid card or skip it;
//! [`read_card_texts`] also gives each card's text as it came and who it
//! is ([`Card`]). [`write_card`] writes one card for a draht contact, and
//! [`export_card`] writes a stored card back with only the properties
//! draht changed patched in. All are pure: no files, no store.
//!
//! What a card may hold and how it maps onto a contact:
//!
//! | draht        | vCard                                                   |
//! |--------------|---------------------------------------------------------|
//! | uid          | `UID` (kept verbatim, so re-import can match by it)     |
//! | name         | `FN`, else built from `N`, else `ORG`, else first `EMAIL` |
//! | nickname     | first `NICKNAME`                                        |
//! | company      | first component of `ORG`                                |
//! | role         | `TITLE`, else `ROLE`                                    |
//! | emails/phones| `EMAIL` / `TEL`, label from `X-ABLabel` of the same group (`item1.`) or the `TYPE`s other than `pref`, `internet` and `voice`, lowercased and joined by a space ("work fax") |
//! | birthday     | `BDAY`: `YYYY-MM-DD`, `YYYYMMDD`, `--MM-DD`, `--MMDD`; year 1604 (Apple) or 0000 means "no year" |
//! | notes        | `NOTE` (several are joined by a line break)             |
//! | tags         | `CATEGORIES` (Google's system group `myContacts` is dropped) |
//!
//! A card is **broken** (an [`CardError`] for that card, the others are
//! still read) when it has no `END:VCARD` before the next `BEGIN:VCARD` or
//! the end of the text (a cut-off card), when no name can be found, or
//! when its `BDAY` is no date (`1985-13-45`). Text outside `BEGIN:VCARD` …
//! `END:VCARD` is ignored. Photos, addresses and other properties are not
//! read into the contact; they stay in the card's text, which the store
//! keeps and an export writes back.

use thiserror::Error;

use crate::model::{Birthday, Contact, Handle};

pub use super::vcard_patch::{export_card, merge_cards, other_properties_differ};
pub use super::vcard_read::{MAX_LABEL, read_card_texts, read_cards, read_one, source_hash};
pub use super::vcard_write::write_card;

/// The version a card's text is in, when it is 3.0 or 4.0 (what draht
/// writes).
pub fn card_version(text: &str) -> Option<VcardVersion> {
    match super::vcard_convert::Written::of(text) {
        super::vcard_convert::Written::V3 => Some(VcardVersion::V3),
        super::vcard_convert::Written::V4 => Some(VcardVersion::V4),
        _ => None,
    }
}

/// One card as a file holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// What draht reads from it.
    pub contact: CardContact,
    /// Its text as it came, `BEGIN:VCARD` to `END:VCARD` with its line ends.
    pub text: String,
    /// Who it is, to find the contact again on the next import: `uid:` and
    /// its UID, or `card:` and a hash of its N, FN and first e-mail.
    pub source: String,
}

/// A contact as a card holds it: no draht-only fields like cadence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardContact {
    pub uid: Option<String>,
    /// `FN`, or built from `N`, or `ORG`, or the first `EMAIL`; never empty.
    pub name: String,
    pub nickname: Option<String>,
    /// First component of `ORG`.
    pub company: Option<String>,
    /// `TITLE`, or `ROLE` when there is no title.
    pub role: Option<String>,
    pub emails: Vec<Handle>,
    pub phones: Vec<Handle>,
    pub birthday: Option<Birthday>,
    pub notes: Option<String>,
    /// `CATEGORIES`.
    pub tags: Vec<String>,
}

impl CardContact {
    /// Copies the fields a card holds onto `contact`, keeping the draht-only
    /// ones (id, sphere, cadence, minimum channel, snooze, archive flag,
    /// creation time). The UID is only replaced when the card has one.
    pub fn apply_to(&self, contact: &mut Contact) {
        if let Some(uid) = &self.uid {
            contact.uid.clone_from(uid);
        }
        contact.name.clone_from(&self.name);
        contact.nickname.clone_from(&self.nickname);
        contact.company.clone_from(&self.company);
        contact.role.clone_from(&self.role);
        contact.emails.clone_from(&self.emails);
        contact.phones.clone_from(&self.phones);
        contact.birthday = self.birthday;
        contact.notes.clone_from(&self.notes);
        contact.tags.clone_from(&self.tags);
    }
}

impl From<&Contact> for CardContact {
    /// What a card written for `contact` holds; an empty UID becomes `None`.
    fn from(contact: &Contact) -> CardContact {
        CardContact {
            uid: Some(contact.uid.clone()).filter(|uid| !uid.is_empty()),
            name: contact.name.clone(),
            nickname: contact.nickname.clone(),
            company: contact.company.clone(),
            role: contact.role.clone(),
            emails: contact.emails.clone(),
            phones: contact.phones.clone(),
            birthday: contact.birthday,
            notes: contact.notes.clone(),
            tags: contact
                .tags
                .iter()
                .map(|t| crate::model::normalize_tag(t))
                .filter(|t| !t.is_empty())
                .collect(),
        }
    }
}

/// Why one card in a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("card {card}: {reason}")]
pub struct CardError {
    /// 1-based number of the card in the file (counting `BEGIN:VCARD` lines).
    pub card: usize,
    /// One line, saying what is wrong and what would fix it.
    pub reason: String,
}

/// The vCard version to write. 4.0 is the default; 3.0 is for older tools.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum VcardVersion {
    V3,
    #[default]
    V4,
}

impl VcardVersion {
    /// Accepted names, for messages: `3.0` or `4.0` (`3` and `4` work too).
    pub const ACCEPTED: &'static str = "3.0 or 4.0";

    /// `3.0` or `4.0`.
    pub fn as_str(self) -> &'static str {
        match self {
            VcardVersion::V3 => "3.0",
            VcardVersion::V4 => "4.0",
        }
    }

    /// Reads `3.0`, `3`, `4.0` or `4`.
    pub fn from_name(input: &str) -> Option<VcardVersion> {
        match input.trim() {
            "3" | "3.0" => Some(VcardVersion::V3),
            "4" | "4.0" => Some(VcardVersion::V4),
            _ => None,
        }
    }
}
