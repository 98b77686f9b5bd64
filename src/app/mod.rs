//! The application layer: the questions and commands of the product, in
//! the words of the domain. Both faces (`cli`, `tui`) call only this layer;
//! it opens the transactions, reads and writes through `store`, and asks
//! the pure rules (`schedule`, `jourfixe`) for the answers. It returns
//! records, never prose: the words on screen belong to the faces.

pub mod agenda;
pub mod export;
pub mod import;
pub mod merge;

pub mod triage;
