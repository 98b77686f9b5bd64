//! Name folding and contact matching: case- and accent-insensitive, with
//! German transliteration (Müller = muller = mueller).

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

/// Whether two tags are the same tag: case and accents do not count
/// ("freunde" is "Freunde", "cafe" is "Café").
pub fn same_tag(a: &str, b: &str) -> bool {
    a == b || fold(a) == fold(b)
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

/// The most names [`suggestions`] offers.
const SUGGESTED: usize = 3;

/// The names a CONTACT argument that matched nobody probably meant, best
/// first (at most three, all equally good): by nucleo's fuzzy match of the
/// folded query against the folded name and nickname — its letters in
/// order, with few skipped ("ana schmit", "jurgn", "muler") — else by an
/// edit or two to the whole name or a word of it, for a typo ("ingird",
/// "Schmitt", "anan"). Nothing for a query of fewer than three letters, or
/// one that is none of these.
pub fn suggestions<'a, I>(query: &str, candidates: I) -> Vec<String>
where
    I: IntoIterator<Item = (&'a str, Option<&'a str>)>,
{
    use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
    use nucleo_matcher::{Config, Matcher, Utf32Str};

    let queries = keys(query);
    let letters = queries[0].chars().filter(|c| !c.is_whitespace()).count();
    if letters < 3 {
        return Vec::new();
    }
    let patterns: Vec<Pattern> = queries
        .iter()
        .map(|q| {
            Pattern::new(
                q,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
            )
        })
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let (mut buf, mut indices) = (Vec::new(), Vec::new());
    // a fuzzy match counts when the letters it skips inside each word of
    // the query add up to no more than a third of the query
    let mut fuzzy = |key: &str, pattern: &Pattern| -> Option<u32> {
        let haystack = Utf32Str::new(key, &mut buf);
        let mut score = 0;
        let mut skipped = 0;
        for atom in &pattern.atoms {
            indices.clear();
            score += u32::from(atom.indices(haystack, &mut matcher, &mut indices)?);
            indices.sort_unstable();
            skipped += indices.windows(2).map(|w| w[1] - w[0] - 1).sum::<u32>();
        }
        (skipped as usize * 3 <= letters).then_some(score)
    };
    // edits from the query to the name or any run of its words
    let typo = |key: &str, q: &str| -> usize {
        let words: Vec<&str> = key.split(' ').collect();
        (0..words.len())
            .flat_map(|from| (from + 1..=words.len()).map(move |to| (from, to)))
            .map(|(from, to)| strsim::damerau_levenshtein(q, &words[from..to].join(" ")))
            .min()
            .unwrap_or(usize::MAX)
    };
    let allowed = if letters <= 5 { 1 } else { 2 };
    let mut best_fuzzy: Vec<(u32, &str)> = Vec::new();
    let mut best_typo: Vec<(usize, &str)> = Vec::new();
    for (name, nickname) in candidates {
        let mut score = None;
        let mut edits = usize::MAX;
        for key in std::iter::once(name).chain(nickname).flat_map(keys) {
            for (q, pattern) in queries.iter().zip(&patterns) {
                score = score.max(fuzzy(&key, pattern));
                edits = edits.min(typo(&key, q));
            }
        }
        if let Some(score) = score {
            best_fuzzy.push((score, name));
        } else if edits <= allowed {
            best_typo.push((edits, name));
        }
    }
    let mut names: Vec<String> = if let Some(top) = best_fuzzy.iter().map(|b| b.0).max() {
        let mut names: Vec<&str> = best_fuzzy
            .iter()
            .filter(|b| b.0 == top)
            .map(|b| b.1)
            .collect();
        names.sort_unstable();
        names.into_iter().map(String::from).collect()
    } else {
        let top = best_typo.iter().map(|b| b.0).min();
        let mut names: Vec<&str> = best_typo
            .iter()
            .filter(|b| Some(b.0) == top)
            .map(|b| b.1)
            .collect();
        names.sort_unstable();
        names.into_iter().map(String::from).collect()
    };
    names.dedup();
    names.truncate(SUGGESTED);
    names
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
    fn a_misspelt_name_suggests_the_person_meant() {
        let people = [
            ("Anna Schmidt", None),
            ("Anna Weber", None),
            ("Jürgen Müller", None),
            ("Zofia Weber", None),
            ("Ingrid Rau", Some("Mama")),
            ("Thomas Keller", None),
        ];
        let suggest = |q: &str| suggestions(q, people);
        // letters in order, a few left out
        assert_eq!(suggest("Ana Schmit"), ["Anna Schmidt"]);
        assert_eq!(suggest("jurgn"), ["Jürgen Müller"]);
        assert_eq!(suggest("Muler"), ["Jürgen Müller"]);
        assert_eq!(suggest("mueler"), ["Jürgen Müller"]);
        assert_eq!(suggest("tomas"), ["Thomas Keller"]);
        // a typo: letters swapped or one wrong
        assert_eq!(suggest("Ingird"), ["Ingrid Rau"]);
        assert_eq!(suggest("schmitt"), ["Anna Schmidt"]);
        assert_eq!(suggest("mamma"), ["Ingrid Rau"]);
        // equally near: all of them, by name
        assert_eq!(suggest("Weeber"), ["Anna Weber", "Zofia Weber"]);
        // nothing like anybody, or too short to say
        assert!(suggest("zoe").is_empty(), "{:?}", suggest("zoe"));
        assert!(suggest("Xaver Huber").is_empty());
        assert!(suggest("ab").is_empty());
        assert!(suggest("").is_empty());
    }

    #[test]
    fn fold_handles_sharp_s_and_spacing() {
        assert_eq!(fold("  Groß   Straße "), "gross strasse");
        assert_eq!(transliterate("Jörg Ärger"), "joerg aerger");
    }
}
