//! Capture's records: what kind a source is, the sources `draht capture`
//! reads, the source keys it counted, and where a captured touch came
//! from. The JSON backup holds them as serde writes them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Id;

/// What kind of file or folder a capture source is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A Maildir (`cur/ new/ tmp/`), with its Maildir++ sub-folders.
    Maildir,
    /// An mbox file (Thunderbird, Google Takeout, `mutt`).
    Mbox,
    /// An `.ics` file or a vdir folder of them (khal, vdirsyncer).
    Calendar,
}

impl SourceKind {
    pub const ALL: [SourceKind; 3] = [SourceKind::Maildir, SourceKind::Mbox, SourceKind::Calendar];

    /// Canonical name, as stored, configured and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Maildir => "maildir",
            SourceKind::Mbox => "mbox",
            SourceKind::Calendar => "calendar",
        }
    }

    /// Reads a canonical name, case-insensitively (`ics` for a calendar).
    pub fn from_name(input: &str) -> Option<SourceKind> {
        let wanted = input.trim().to_ascii_lowercase();
        if wanted == "ics" || wanted == "vdir" {
            return Some(SourceKind::Calendar);
        }
        SourceKind::ALL.into_iter().find(|k| k.as_str() == wanted)
    }
}

/// One source a captured touch was read from, and how much of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Captured {
    /// The source's id (the backup's `capture_sources` hold the sources).
    pub source: Id,
    /// The source's name as shown ("work mail").
    pub name: String,
    pub kind: SourceKind,
    /// How many of the source's messages or events this touch stands for.
    pub items: u32,
    /// Whether capture made this touch; false when it joined a touch
    /// logged by hand (which then keeps its note) or made by another source.
    pub created: bool,
}

/// A capture source as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub id: Id,
    pub kind: SourceKind,
    /// The absolute path it is read from.
    pub path: String,
    /// Shown beside its touches.
    pub name: String,
    /// The fingerprint of the rules its marks were made under.
    #[serde(skip)]
    pub rules: Option<u64>,
    /// The `--since` day its marks were made with (`None`: everything).
    #[serde(skip)]
    pub since: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub last_run_at: Option<DateTime<Utc>>,
}

/// One source key (Message-ID, event UID and RECURRENCE-ID) capture
/// counted for a contact, as the JSON backup holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceKey {
    pub source: Id,
    pub key: String,
    pub contact: Id,
}
