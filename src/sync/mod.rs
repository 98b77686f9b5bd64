//! Two-way sync, the rules: what changed on which side since the last pass
//! and who wins. PURE: no I/O, no clock; the app layer (`app::sync`) reads
//! the folders and the database and applies what these rules decide.
//!
//! An item (a card, a Jour fixe, a follow-up, a touch) is seen through its
//! [`Fields`]: each field draht compares, by name, as canonical text. The
//! sync state keeps a [`Digest`] of them from the last pass (a short hash
//! per field), which is all that is needed to tell, field by field, which
//! side changed what. [`decide`] says what a pass does with an item from
//! how each side stands against that state; [`merge`] resolves an item
//! that both sides changed: field by field where they did not change the
//! same field, else the newer side wins and the other side's value is
//! handed back as [`Lost`], for the app to keep as a note on the contact.

mod decide;
mod fields;
mod merge;

pub use decide::{Action, Side, decide};
pub use fields::{Digest, Fields};
pub use merge::{Lost, Merged, Winner, merge, newer};
