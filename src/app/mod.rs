//! The application layer: the questions and commands of the product, in
//! the words of the domain. Both faces (`cli`, `tui`) call only this layer;
//! it opens the transactions, reads and writes through `store`, and asks
//! the pure rules (`schedule`, `jourfixe`) for the answers. It returns
//! records, never prose: the words on screen belong to the faces.

pub mod agenda;
pub mod backup;
pub mod brief;
pub mod capture;
pub mod contacts;
pub mod export;
pub mod import;
pub mod jourfixe;
pub mod jourfixe_edit;
pub mod merge;
pub mod notify;
pub mod overview;
pub mod plans;
pub mod stats;
pub mod status;
pub mod sync;
mod sync_apply;
mod sync_cal;
mod sync_cal_kinds;
mod sync_folder;
pub mod sync_setup;
pub mod timer;
pub mod touches;
pub mod triage;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::matching;
use crate::model::{Contact, Id};
use crate::store::{Store, Tx, contacts as store_contacts};

/// A throw-away database in memory with the sample people of `--demo`,
/// their history made to look lived in as of `now`.
pub fn demo(now: DateTime<Utc>) -> Result<Store> {
    demo_in(now, crate::i18n::Lang::En)
}

/// [`demo`] with the sample notes, hooks and follow-ups in `lang`.
pub fn demo_in(now: DateTime<Utc>, lang: crate::i18n::Lang) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    crate::demo::seed_in(&mut store, now, lang)?;
    Ok(store)
}

/// Whom a command is about: the contact selected on a screen, or the
/// CONTACT argument a person typed (a name, nickname or the unique start of
/// one, case- and accent-insensitive; an ambiguous one is an error that
/// lists the candidates, never a guess).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Who<'a> {
    Id(Id),
    /// Among the active contacts.
    Named(&'a str),
    /// Among all contacts, archived ones too.
    AnyNamed(&'a str),
}

impl Who<'_> {
    /// The contact meant, inside the caller's transaction.
    pub(crate) fn contact(self, tx: &Tx) -> Result<Contact> {
        store_contacts::get(tx, self.id(tx)?)
    }

    /// The id of the contact meant.
    pub(crate) fn id(self, tx: &Tx) -> Result<Id> {
        match self {
            Who::Id(id) => Ok(id),
            Who::Named(query) => {
                store_contacts::find_id(tx, query, false).or_else(|e| nobody(tx, e, false))
            }
            Who::AnyNamed(query) => {
                store_contacts::find_id(tx, query, true).or_else(|e| nobody(tx, e, true))
            }
        }
    }
}

/// A CONTACT argument that matched nobody: the error says whom it most
/// likely meant — the archived contact it names (when only active ones
/// were searched), else the names it comes near ("did you mean"). Other
/// errors pass unchanged.
fn nobody(tx: &Tx, error: Error, include_archived: bool) -> Result<Id> {
    let Error::NoSuchContact { query } = error else {
        return Err(error);
    };
    let people = store_contacts::all(tx, true)?;
    if !include_archived {
        let archived = people
            .iter()
            .filter(|c| c.archived)
            .map(|c| (c.id, c.name.as_str(), c.nickname.as_deref()));
        if let Ok(Some(id)) = matching::best_match(&query, archived)
            && let Some(c) = people.iter().find(|c| c.id == id)
        {
            let name = c.name.clone();
            return Err(Error::Archived { query, name });
        }
    }
    let names = matching::suggestions(
        &query,
        people
            .iter()
            .filter(|c| include_archived || !c.archived)
            .map(|c| (c.name.as_str(), c.nickname.as_deref())),
    );
    Err(match names.is_empty() {
        true => Error::NoSuchContact { query },
        false => Error::DidYouMean { query, names },
    })
}
