//! Name folding and contact matching: case- and accent-insensitive, with
//! German transliteration (Müller = muller = mueller).
//!
//! The TUI folds every contact's name for its sort key (the first frame
//! those of the people on the agenda) and its filter words through [`keys`]
//! when it loads the whole snapshot. An ASCII shortcut beside these
//! functions (`src/fast/fold.rs` until issue 15) saved 0.3 ms of the first
//! frame at 10,000 contacts and 13 ms of the whole load after it (criterion
//! `tui_10k/tui_build_rows`), outside the budget of docs/performance.md; so
//! the crate path (unicode-normalization) serves the TUI as it serves
//! everything else.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, diacritics stripped: "Müller" → "muller", "Søren" → "søren".
pub fn fold(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            _ => out.push(c),
        }
    }
    collapse_spaces(&out)
}

/// Lowercase, German transliteration first: "Müller" → "mueller".
pub fn transliterate(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let mut out = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            _ => out.push(c),
        }
    }
    fold(&out)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded forms a name is known by (plain fold and transliteration).
pub fn keys(text: &str) -> [String; 2] {
    [fold(text), transliterate(text)]
}

/// How well a query matches a contact; higher is better.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    /// The query is the start of a word of the name ("schmidt" for "Anna Schmidt").
    WordPrefix,
    /// The query is the start of the full name or nickname.
    Prefix,
    /// The query is the full name or nickname.
    Exact,
}

/// How `query` matches a contact called `name` (with `nickname`), if at all.
pub fn match_quality(query: &str, name: &str, nickname: Option<&str>) -> Option<MatchQuality> {
    let queries = keys(query);
    if queries[0].is_empty() {
        return None;
    }
    let mut best = None;
    for candidate in std::iter::once(name).chain(nickname) {
        for key in keys(candidate) {
            for q in &queries {
                let quality = if key == *q {
                    Some(MatchQuality::Exact)
                } else if key.starts_with(q.as_str()) {
                    Some(MatchQuality::Prefix)
                } else if key.split(' ').any(|word| word.starts_with(q.as_str())) {
                    Some(MatchQuality::WordPrefix)
                } else {
                    None
                };
                best = best.max(quality);
            }
        }
    }
    best
}

/// Picks the one best match among `(id, name, nickname)` candidates.
/// `Ok(None)`: nobody; `Err(names)`: several equally good.
pub fn best_match<'a, I>(query: &str, candidates: I) -> Result<Option<i64>, Vec<String>>
where
    I: IntoIterator<Item = (i64, &'a str, Option<&'a str>)>,
{
    let mut best: Option<MatchQuality> = None;
    let mut hits: Vec<(i64, &str)> = Vec::new();
    for (id, name, nickname) in candidates {
        let Some(quality) = match_quality(query, name, nickname) else {
            continue;
        };
        match best.cmp(&Some(quality)) {
            std::cmp::Ordering::Less => {
                best = Some(quality);
                hits.clear();
                hits.push((id, name));
            }
            std::cmp::Ordering::Equal => hits.push((id, name)),
            std::cmp::Ordering::Greater => {}
        }
    }
    match hits.len() {
        0 => Ok(None),
        1 => Ok(Some(hits[0].0)),
        _ => {
            let mut names: Vec<String> = hits.into_iter().map(|(_, n)| n.to_string()).collect();
            names.sort();
            Err(names)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlaut_matches_plain_and_transliterated() {
        for query in ["Müller", "muller", "mueller", "MUELLER"] {
            assert_eq!(
                match_quality(query, "Jürgen Müller", None),
                Some(MatchQuality::WordPrefix),
                "{query}"
            );
            assert_eq!(
                match_quality(query, "Müller", None),
                Some(MatchQuality::Exact),
                "{query}"
            );
        }
    }

    #[test]
    fn prefix_and_nickname() {
        assert_eq!(
            match_quality("ann", "Anna Schmidt", None),
            Some(MatchQuality::Prefix)
        );
        assert_eq!(
            match_quality("mama", "Ingrid Weber", Some("Mama")),
            Some(MatchQuality::Exact)
        );
        assert_eq!(match_quality("xyz", "Anna Schmidt", None), None);
        assert_eq!(match_quality("   ", "Anna Schmidt", None), None);
    }

    #[test]
    fn exact_name_beats_a_longer_prefix_match() {
        let people = [(1, "Anna", None), (2, "Annabelle Roth", None)];
        assert_eq!(best_match("anna", people), Ok(Some(1)));
    }

    #[test]
    fn ambiguity_lists_candidates() {
        let people = [(1, "Anna Schmidt", None), (2, "Anna Weber", None)];
        assert_eq!(
            best_match("anna", people),
            Err(vec!["Anna Schmidt".to_string(), "Anna Weber".to_string()])
        );
        assert_eq!(best_match("anna w", people), Ok(Some(2)));
    }

    #[test]
    fn fold_handles_sharp_s_and_spacing() {
        assert_eq!(fold("  Groß   Straße "), "gross strasse");
        assert_eq!(transliterate("Jörg Ärger"), "joerg aerger");
    }
}
