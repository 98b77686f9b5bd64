//! No speed code any more: the TUI's name and filter keys are the crate
//! path (`matching`, on unicode-normalization, and `text::clean`). The
//! ASCII shortcuts that stood here saved too little to earn their place
//! (docs/performance.md, issue 15). These names only forward until their
//! callers call the crate path directly — `fold_key` is `matching::fold`,
//! `fold_keys` is `matching::keys`, `clean_plain` is `text::clean` — and
//! then this file goes.

use crate::{matching, text};

/// `matching::fold` and `matching::transliterate` of `text` ([`matching::keys`]).
pub fn fold_keys(text: &str) -> (String, String) {
    let [folded, transliterated] = matching::keys(text);
    (folded, transliterated)
}

/// [`matching::fold`].
pub fn fold_key(text: &str) -> String {
    matching::fold(text)
}

/// [`text::clean`].
pub fn clean_plain(plain: &str) -> String {
    text::clean(plain)
}
