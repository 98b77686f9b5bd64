//! Name folding without the Unicode machinery for plain ASCII, which most
//! names are and which folds to itself: the sort and filter keys of every
//! contact are folded on each full load of the TUI (10,000 at a time).
//! The crate path is `matching::fold` / `matching::transliterate` and
//! `text::clean`; the tests hold these equal to it on any text.

use crate::matching;

/// `matching::fold` and `matching::transliterate` of `text` at once, with a
/// fast path for plain ASCII (most names), which folds to itself.
pub fn fold_keys(text: &str) -> (String, String) {
    if text.is_ascii() {
        let folded = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        return (folded.clone(), folded);
    }
    (matching::fold(text), matching::transliterate(text))
}

/// `matching::fold` of `text` (the first of [`fold_keys`]), with the same
/// fast path for plain ASCII.
pub fn fold_key(text: &str) -> String {
    if text.is_ascii() {
        let mut folded = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(word);
        }
        folded.make_ascii_lowercase();
        return folded;
    }
    matching::fold(text)
}

/// [`text::clean`](crate::text::clean), without the per-character copy for printable ASCII (which it
/// leaves as it is).
pub fn clean_plain(text: &str) -> String {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.to_string();
    }
    crate::text::clean(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keys_agree_with_the_matching_module() {
        for name in [
            "Anna  Schmidt",
            " Jürgen Müller ",
            "Søren Groß",
            "ÆSOP",
            "Zoë O'Brien",
            "Çağla Yılmaz",
            "李 小龙",
            "plain ascii 42",
            "vertical\u{b}tab",
        ] {
            assert_eq!(
                fold_keys(name),
                (matching::fold(name), matching::transliterate(name)),
                "{name}"
            );
        }
    }

    #[test]
    fn the_fast_paths_agree_with_the_slow_ones() {
        for text in [
            "Anna  Schmidt",
            " Jürgen Müller ",
            "\tLea\nBrandt\r",
            "",
            "   ",
            "Søren Groß",
            "Eve\u{1b}[2J",
            "Bidi\u{202e}txt",
            "del\u{7f}x",
            "C1\u{85}x",
            "plain ascii 42, client, friend",
            "vertical\u{b}tab\u{c}feed",
        ] {
            assert_eq!(fold_key(text), fold_keys(text).0, "{text:?}");
            assert_eq!(fold_key(text), matching::fold(text), "{text:?}");
            assert_eq!(clean_plain(text), crate::text::clean(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// The reload after a write puts a contact among the others by
        /// `fold_key` of its name, where a load sorts by the stored key,
        /// `matching::fold`: the two must agree on every name.
        #[test]
        fn fold_key_is_the_stored_name_key(name in "[\\x00-\\x7f]{0,16}|\\PC{0,16}") {
            proptest::prop_assert_eq!(fold_key(&name), matching::fold(&name));
        }
    }
}
