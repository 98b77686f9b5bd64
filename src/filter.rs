//! The `/` filter over a list of contacts: fuzzy matching (nucleo-matcher)
//! against a key built once per contact from its name, nickname, the German
//! transliteration of the name (so `mueller` finds Müller) and whatever else
//! the caller adds (company, tags). Case- and accent-insensitive: `muller`
//! finds Müller too. Pure: no I/O.
//!
//! Build the keys when the contacts are loaded, keep one [`Filter`] (its
//! matcher holds reusable buffers) and call [`Filter::rank`] per keystroke.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::matching;

/// What the filter matches one contact by.
#[derive(Clone, Debug)]
pub struct FilterKey(Utf32String);

impl FilterKey {
    /// A contact's key: name, nickname, the transliterated name when it
    /// differs ("Jürgen Müller" → "juergen mueller"), then `extra`.
    pub fn new(name: &str, nickname: Option<&str>, extra: &[&str]) -> FilterKey {
        let mut text = name.trim().to_string();
        let mut push = |part: &str| {
            let part = part.trim();
            if !part.is_empty() {
                text.push(' ');
                text.push_str(part);
            }
        };
        if let Some(nick) = nickname {
            push(nick);
        }
        // Only non-ASCII names have a transliteration of their own.
        if !name.is_ascii() {
            let translit = matching::transliterate(name);
            if translit != matching::fold(name) {
                push(&translit);
            }
        }
        for part in extra {
            push(part);
        }
        FilterKey(Utf32String::from(text))
    }
}

/// A reusable fuzzy filter.
pub struct Filter {
    matcher: Matcher,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter::new()
    }
}

impl Filter {
    pub fn new() -> Filter {
        Filter {
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// The indices of `keys` that match `query`, best match first; equal
    /// scores keep their input order. Words of the query must all match
    /// (in any order). A blank query keeps everyone, in input order.
    pub fn rank(&mut self, query: &str, keys: &[FilterKey]) -> Vec<usize> {
        if query.trim().is_empty() {
            return (0..keys.len()).collect();
        }
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut hits: Vec<(u32, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, key)| {
                pattern
                    .score(key.0.slice(..), &mut self.matcher)
                    .map(|score| (score, i))
            })
            .collect();
        hits.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

/// [`Filter::rank`] with a fresh matcher, for one-off use.
pub fn rank(query: &str, keys: &[FilterKey]) -> Vec<usize> {
    Filter::new().rank(query, keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(names: &[&str]) -> Vec<FilterKey> {
        names.iter().map(|n| FilterKey::new(n, None, &[])).collect()
    }

    #[test]
    fn umlaut_is_found_plain_transliterated_and_as_typed() {
        let people = keys(&["Anna Schmidt", "Jürgen Müller", "Ben Okafor"]);
        for query in ["muller", "mueller", "Müller", "MUELLER", "jurgen"] {
            assert_eq!(rank(query, &people), vec![1], "{query}");
        }
    }

    #[test]
    fn nickname_and_extra_fields_are_searched() {
        let people = vec![
            FilterKey::new("Ingrid Weber", Some("Mama"), &[]),
            FilterKey::new("Anna Schmidt", None, &["ACME GmbH", "client"]),
        ];
        assert_eq!(rank("mama", &people), vec![0]);
        assert_eq!(rank("acme", &people), vec![1]);
        assert_eq!(rank("client anna", &people), vec![1]);
    }

    #[test]
    fn closer_match_ranks_first() {
        // "Hans Nagel" holds a-n-n-a and s in order too, but scattered.
        let people = keys(&["Hans Nagel", "Annabelle Roth", "Anna Schmidt"]);
        assert_eq!(rank("anna s", &people), vec![2, 0]);
    }

    #[test]
    fn fuzzy_letters_in_order_match() {
        let people = keys(&["Sebastian Günther", "Sabine Scholz"]);
        assert_eq!(rank("sbgnth", &people), vec![0]);
    }

    #[test]
    fn blank_query_keeps_everyone_in_order_and_nonsense_keeps_no_one() {
        let people = keys(&["Anna", "Ben", "Cleo"]);
        assert_eq!(rank("  ", &people), vec![0, 1, 2]);
        assert!(rank("xyzzy", &people).is_empty());
    }

    #[test]
    fn a_reused_filter_gives_the_same_answers() {
        let people = keys(&["Anna Schmidt", "Jürgen Müller"]);
        let mut filter = Filter::new();
        assert_eq!(filter.rank("mue", &people), vec![1]);
        assert_eq!(filter.rank("anna", &people), vec![0]);
        assert_eq!(filter.rank("mue", &people), vec![1]);
    }
}
