//! The records an import reads: each person from a file, with where it
//! came from, and the records that could not be read. `source` (vCard,
//! vdir) and `csv` fill a [`Batch`]; `crate::app::import` matches it
//! against the store and writes it.

use std::fmt;

use serde::Serialize;

use super::vcard::CardContact;
use crate::model::Sphere;
use crate::t;

/// Where a record came from: a file, and the card or row in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub source: String,
    /// 1-based card number in a `.vcf` file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<usize>,
    /// Line number of a CSV record (the header is line 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

impl Origin {
    pub fn file(source: &str) -> Origin {
        Origin {
            source: source.to_string(),
            card: None,
            row: None,
        }
    }

    pub fn card(source: &str, card: usize) -> Origin {
        Origin {
            card: Some(card),
            ..Origin::file(source)
        }
    }

    pub fn row(source: &str, row: usize) -> Origin {
        Origin {
            row: Some(row),
            ..Origin::file(source)
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(card) = self.card {
            write!(f, ": {}", t!("origin-card", card = card))?;
        }
        if let Some(row) = self.row {
            write!(f, ": {}", t!("origin-row", row = row))?;
        }
        Ok(())
    }
}

/// One person read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub origin: Origin,
    pub card: CardContact,
    /// A cadence the record itself gives (CSV `cadence` column).
    pub cadence_days: Option<u32>,
    /// A sphere the record itself gives (CSV `sphere` column).
    pub sphere: Option<Sphere>,
    /// The card's text as it came (vCard records; `None` for CSV rows).
    pub vcard: Option<String>,
    /// Who the record is (see `vcard::Card::source`); `None` lets the
    /// import derive it from the record (CSV rows).
    pub source: Option<String>,
}

/// A record that cannot be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejected {
    #[serde(flatten)]
    pub origin: Origin,
    pub reason: String,
}

/// Everything read from the files of one import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub records: Vec<Incoming>,
    pub rejected: Vec<Rejected>,
    /// Group cards (`KIND:group`): lists of people, not people; skipped.
    pub groups: Vec<Origin>,
}
