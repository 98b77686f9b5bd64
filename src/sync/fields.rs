//! An item's fields as canonical text, and their digest.

use std::collections::BTreeMap;

/// The fields of one item: name → canonical text. An empty value is the
/// same as no value (a field that is not set).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(BTreeMap<String, String>);

impl Fields {
    pub fn new() -> Fields {
        Fields::default()
    }

    /// Sets `name` to `value`; an empty value unsets it.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        let value = value.into();
        if value.is_empty() {
            self.0.remove(&name);
        } else {
            self.0.insert(name, value);
        }
    }

    /// Sets `name` to the lines of `values`, sorted: for lists whose order
    /// means nothing (e-mails, tags, skipped dates).
    pub fn set_sorted<I, S>(&mut self, name: impl Into<String>, values: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut values: Vec<String> = values.into_iter().map(Into::into).collect();
        values.sort();
        values.dedup();
        self.set(name, values.join("\n"));
    }

    /// The value of `name`, `""` when it is not set.
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    /// The names of the fields that are set, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The digest of these fields.
    pub fn digest(&self) -> Digest {
        Digest(
            self.0
                .iter()
                .map(|(name, value)| (name.clone(), hash(value)))
                .collect(),
        )
    }

    /// The names of the fields whose value differs from `other`'s.
    pub fn differing<'a>(&'a self, other: &'a Fields) -> Vec<&'a str> {
        let mut names: Vec<&str> = self.names().chain(other.names()).collect();
        names.sort_unstable();
        names.dedup();
        names.retain(|n| self.get(n) != other.get(n));
        names
    }
}

/// A short hash of each field of an item, as kept in the sync state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digest(BTreeMap<String, u32>);

impl Digest {
    /// Whether `value` is what `name` held when this digest was taken.
    pub fn holds(&self, name: &str, value: &str) -> bool {
        self.0.get(name).copied().unwrap_or(EMPTY) == hash(value)
    }

    /// The names of the fields of `fields` that differ from this digest.
    pub fn changed<'a>(&'a self, fields: &'a Fields) -> Vec<&'a str> {
        let mut names: Vec<&str> = fields
            .names()
            .chain(self.0.keys().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        names.retain(|n| !self.holds(n, fields.get(n)));
        names
    }

    /// One line per field, `name=hash` (8 hex digits), in name order.
    pub fn encode(&self) -> String {
        let mut text = String::with_capacity(self.0.len() * 20);
        for (name, hash) in &self.0 {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(name);
            text.push('=');
            text.push_str(&format!("{hash:08x}"));
        }
        text
    }

    /// Reads [`Digest::encode`]'s text; lines it cannot read are left out
    /// (their fields then count as changed, which is safe).
    pub fn decode(text: &str) -> Digest {
        Digest(
            text.lines()
                .filter_map(|line| {
                    let (name, hash) = line.rsplit_once('=')?;
                    Some((name.to_string(), u32::from_str_radix(hash, 16).ok()?))
                })
                .collect(),
        )
    }
}

/// The hash of an unset field.
const EMPTY: u32 = hash_const(b"");

/// 32 bits of FNV-1a (64-bit), stable across builds and platforms: a
/// change detector for one field between two passes, not a defence
/// against anyone crafting collisions (the whole file's hash is SHA-256).
fn hash(value: &str) -> u32 {
    hash_const(value.as_bytes())
}

const fn hash_const(bytes: &[u8]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    (h ^ (h >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        let mut f = Fields::new();
        for (name, value) in pairs {
            f.set(*name, *value);
        }
        f
    }

    #[test]
    fn an_empty_value_is_no_value() {
        let f = fields(&[("name", "Anna"), ("nickname", "")]);
        assert_eq!(f.names().collect::<Vec<_>>(), ["name"]);
        assert_eq!(f.get("nickname"), "");
        assert!(f.digest().holds("nickname", ""));
        assert!(!f.digest().holds("nickname", "Annie"));
    }

    #[test]
    fn digest_reads_back_what_it_wrote() {
        let f = fields(&[("name", "Anna"), ("card:ADR", ";;Weg 1;Berlin")]);
        let digest = f.digest();
        assert_eq!(Digest::decode(&digest.encode()), digest);
        assert!(digest.changed(&f).is_empty());
        let mut g = f.clone();
        g.set("name", "Anna Schmidt");
        g.set("company", "ACME");
        assert_eq!(digest.changed(&g), ["company", "name"]);
        assert_eq!(f.differing(&g), ["company", "name"]);
    }

    #[test]
    fn a_damaged_digest_line_counts_as_changed() {
        let digest = Digest::decode("name=zz\nnote=0000");
        assert!(!digest.holds("name", "Anna"));
    }

    #[test]
    fn sorted_lists_ignore_order_and_repeats() {
        let mut a = Fields::new();
        a.set_sorted("tags", ["b", "a", "b"]);
        let mut b = Fields::new();
        b.set_sorted("tags", vec!["a".to_string(), "b".to_string()]);
        assert_eq!(a, b);
        assert_eq!(a.get("tags"), "a\nb");
    }

    #[test]
    fn the_hash_is_stable() {
        // fixed values: a digest written by one build is read by the next
        assert_eq!(hash(""), 0x4fd0_bfc1);
        assert_eq!(hash("a"), 0x2962_30c0);
        assert_eq!(hash("Müller"), 0x7451_185f);
        assert_ne!(hash("Anna"), hash("anna"));
    }
}
