//! The vCard reader and writer together (the cards of tests/fixtures).

mod vcard;
mod vcard_prop;

pub(crate) use vcard::*;
