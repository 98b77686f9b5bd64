//! Matching people to contacts: e-mail addresses compared
//! case-insensitively (and, only where configured, as Gmail delivers them),
//! the user's own addresses, names in free text for `--match-names`, phone
//! numbers in E.164 (both sides normalised: [`super::phone`]) and the names
//! chats give their senders.

use std::collections::{HashMap, HashSet};

use super::hash::Stable;
use super::phone::{self, Region};
use super::{Handle, Item, Person};
use crate::matching::{fold, transliterate};
use crate::model::Id;

/// Whether `text` is shaped like an e-mail address: one `@` with something
/// on both sides and no white space.
pub fn looks_like_email(text: &str) -> bool {
    let mut parts = text.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.len() > 1
                && !domain.starts_with('.')
                && !text.chars().any(char::is_whitespace)
        }
        _ => false,
    }
}

/// An address as it is compared: trimmed, without `<>` and `mailto:`,
/// lower-cased; with `gmail` also as Gmail delivers it — dots in the name
/// and a `+tag` do not matter, and googlemail.com is gmail.com.
pub fn normalize(address: &str, gmail: bool) -> String {
    let mut a = address.trim();
    if a.len() > 7 && a[..7].eq_ignore_ascii_case("mailto:") {
        a = &a[7..];
    }
    let a = a.trim_start_matches('<').trim_end_matches('>');
    let lower = a.to_lowercase();
    if !gmail {
        return lower;
    }
    match lower.rsplit_once('@') {
        Some((local, "gmail.com" | "googlemail.com")) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{}@gmail.com", local.replace('.', ""))
        }
        _ => lower,
    }
}

/// Whether an address is one that nobody reads: `noreply@`, `no-reply@`,
/// `donotreply@`, `mailer-daemon@` and the like.
pub fn is_no_reply(address: &str) -> bool {
    let local = address.split('@').next().unwrap_or("");
    let squashed: String = local
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    ["noreply", "donotreply", "mailerdaemon", "notreply"]
        .iter()
        .any(|word| squashed.contains(word))
}

/// A contact as matching needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: Id,
    pub name: String,
    pub nickname: Option<String>,
    pub emails: Vec<String>,
    /// Phone numbers as the user wrote them.
    pub phones: Vec<String>,
    pub archived: bool,
}

#[cfg(test)]
impl Entry {
    /// An active contact with phone numbers only (the phone readers' tests).
    pub(crate) fn with_phones(id: Id, name: &str, phones: &[&str]) -> Entry {
        Entry {
            id,
            name: name.into(),
            nickname: None,
            emails: Vec::new(),
            phones: phones.iter().map(|p| p.to_string()).collect(),
            archived: false,
        }
    }
}

/// Every address and name of the contacts, and the user's own addresses.
#[derive(Clone, Debug, Default)]
pub struct Book {
    gmail: bool,
    own: HashSet<String>,
    /// Normalised address → the contacts that have it (active ones only
    /// when any active contact has it).
    emails: HashMap<String, Vec<Id>>,
    /// Names for `--match-names`: folded word sequences → contact.
    names: Vec<(Vec<String>, Id)>,
    /// The region numbers without a country code are read in.
    region: Option<Region>,
    /// E.164 number → the contacts that have it (active ones first, as
    /// for addresses).
    phones: HashMap<String, Vec<Id>>,
    /// A full name or nickname, its folded words joined by one space →
    /// the contacts of that name.
    full_names: HashMap<String, Vec<Id>>,
    /// The same for first names only one active contact has.
    first_names: HashMap<String, Vec<Id>>,
    fingerprint: u64,
}

/// Bumped whenever a rule changes what a message becomes, so that every
/// source is read again under the new rules.
pub const RULES_VERSION: u64 = 2;

/// Keeps, per key, the active contacts when any has it, else the archived
/// ones; sorted.
fn prefer_active<K: std::hash::Hash + Eq>(
    found: HashMap<K, Vec<(Id, bool)>>,
) -> HashMap<K, Vec<Id>> {
    found
        .into_iter()
        .map(|(key, ids)| {
            let any_active = ids.iter().any(|(_, archived)| !archived);
            let mut ids: Vec<Id> = ids
                .into_iter()
                .filter(|(_, archived)| !any_active || !archived)
                .map(|(id, _)| id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (key, ids)
        })
        .collect()
}

impl Book {
    /// The book of `contacts` with the user's own addresses `me`, and no
    /// region for phone numbers.
    pub fn new(contacts: &[Entry], me: &[String], gmail: bool) -> Book {
        Book::with_region(contacts, me, gmail, None)
    }

    /// [`Book::new`] with the region phone numbers without a country code
    /// are read in (`[me] region`).
    pub fn with_region(
        contacts: &[Entry],
        me: &[String],
        gmail: bool,
        region: Option<Region>,
    ) -> Book {
        let own: HashSet<String> = me.iter().map(|a| normalize(a, gmail)).collect();
        let mut emails: HashMap<String, Vec<(Id, bool)>> = HashMap::new();
        for c in contacts {
            for e in &c.emails {
                let key = normalize(e, gmail);
                if key.is_empty() || own.contains(&key) {
                    continue;
                }
                let ids = emails.entry(key).or_default();
                if !ids.iter().any(|(id, _)| *id == c.id) {
                    ids.push((c.id, c.archived));
                }
            }
        }
        let emails = prefer_active(emails);
        let mut phones: HashMap<String, Vec<(Id, bool)>> = HashMap::new();
        let mut numbers = phone::Numbers::new(region);
        for c in contacts {
            for p in &c.phones {
                if let Some(number) = numbers.get(p) {
                    phones
                        .entry(number.to_string())
                        .or_default()
                        .push((c.id, c.archived));
                }
            }
        }
        let phones = prefer_active(phones);
        let folded: Vec<Folded> = contacts.iter().map(Folded::of).collect();
        let (full_names, first_names) = sender_names(contacts, &folded);
        let names = name_keys(contacts, &folded);
        let mut book = Book {
            gmail,
            own,
            emails,
            names,
            region,
            phones,
            full_names,
            first_names,
            fingerprint: 0,
        };
        book.fingerprint = book.compute_fingerprint();
        book
    }

    /// Whether `address` is one of the user's own.
    pub fn is_own(&self, address: &str) -> bool {
        match self.as_stored(address) {
            Some(plain) => self.own.contains(plain),
            None => self.own.contains(&normalize(address, self.gmail)),
        }
    }

    /// `address` itself when normalising would not change it (lower case,
    /// trimmed, no brackets, and no Gmail rule to apply): the common case,
    /// looked up without a copy.
    fn as_stored<'s>(&self, address: &'s str) -> Option<&'s str> {
        let plain = !address.is_empty()
            && address
                .bytes()
                .all(|b| !b.is_ascii_uppercase() && !matches!(b, b'<' | b'>' | b' ' | b'\t'))
            && address.is_ascii()
            && !address.starts_with("mailto:");
        let gmail_rule =
            self.gmail && (address.ends_with("@gmail.com") || address.ends_with("@googlemail.com"));
        (plain && !gmail_rule).then_some(address)
    }

    /// Whether the user's own addresses are known at all.
    pub fn knows_me(&self) -> bool {
        !self.own.is_empty()
    }

    /// The contacts with this address.
    pub fn by_email(&self, address: &str) -> &[Id] {
        let found = match self.as_stored(address) {
            Some(plain) => self.emails.get(plain),
            None => self.emails.get(&normalize(address, self.gmail)),
        };
        found.map_or(&[], Vec::as_slice)
    }

    /// The region phone numbers without a country code are read in.
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// The contacts with this number (in E.164, as [`phone::normalize`]
    /// gives it).
    pub fn by_phone(&self, number: &str) -> &[Id] {
        self.phones.get(number).map_or(&[], Vec::as_slice)
    }

    /// The contacts a chat's sender name is: a full name or nickname, and
    /// with `first`, a first name only one active contact has.
    pub fn by_name(&self, name: &str, first: bool) -> &[Id] {
        let key = name_key(name);
        if let Some(ids) = self.full_names.get(&key) {
            return ids;
        }
        if first && let Some(ids) = self.first_names.get(&key) {
            return ids;
        }
        &[]
    }

    /// The contacts a person is (empty: nobody known).
    pub fn person<'a>(&'a self, person: &'a Person) -> &'a [Id] {
        match &person.handle {
            Handle::Email(address) => self.by_email(address),
            Handle::Phone(number) => self.by_phone(number),
            Handle::Name(name) => self.by_name(name, false),
            Handle::Chat(name) => self.by_name(name, true),
            Handle::Contact(id, _) => std::slice::from_ref(id),
        }
    }

    /// The contacts named in `text`: a full name or nickname as whole
    /// words, or a first name that only one contact has (accents and case
    /// do not matter).
    pub fn names_in(&self, text: &str) -> Vec<Id> {
        let mut found = Vec::new();
        for words in [words_of(&fold(text)), words_of(&transliterate(text))] {
            for (name, id) in &self.names {
                if !found.contains(id) && contains_run(&words, name) {
                    found.push(*id);
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// The contacts an item is with: its people by handle and, with
    /// `by_name`, the contacts its text names. Sorted, each once.
    pub fn contacts_of(&self, item: &Item, by_name: bool) -> Vec<Id> {
        let mut ids: Vec<Id> = item
            .people
            .iter()
            .flat_map(|p| self.person(p).iter().copied())
            .collect();
        if by_name && let Some(text) = &item.text {
            ids.extend(self.names_in(text));
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// A hash of everything here that decides what a message becomes:
    /// when it changes (a contact gained an address, `[me]` changed), a
    /// source is read again from its start.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn compute_fingerprint(&self) -> u64 {
        let mut h = Stable::new();
        h.number(RULES_VERSION).number(u64::from(self.gmail));
        let mut own: Vec<&String> = self.own.iter().collect();
        own.sort();
        for a in own {
            h.field(a);
        }
        h.field("--");
        let mut emails: Vec<(&String, &Vec<Id>)> = self.emails.iter().collect();
        emails.sort();
        for (address, ids) in emails {
            h.field(address);
            for id in ids {
                h.number(*id as u64);
            }
        }
        h.field("--");
        for (words, id) in &self.names {
            for w in words {
                h.field(w);
            }
            h.number(*id as u64);
        }
        h.field("--");
        h.field(self.region.as_ref().map_or("", |r| r.as_ref()));
        for map in [&self.phones, &self.full_names, &self.first_names] {
            h.field("--");
            let mut entries: Vec<(&String, &Vec<Id>)> = map.iter().collect();
            entries.sort();
            for (key, ids) in entries {
                h.field(key);
                for id in ids {
                    h.number(*id as u64);
                }
            }
        }
        h.finish()
    }
}

/// A name as sender names are compared: folded, its words joined by one
/// space ("Jörg  Müller" → "jorg muller"), invisible marks dropped.
fn name_key(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !phone::is_invisible(*c)).collect();
    words_of(&fold(&visible)).join(" ")
}

/// A contact's names folded once for the book: its name and nickname
/// (plain fold and transliteration: "Jörg" is "jorg" and "joerg"), and the
/// first word of its name (folded again the same way) when it has more
/// words and that one has 3 letters or more. Folding each again in every
/// place that asks was most of building the book (callgrind: 80 M
/// instructions for 1,000 contacts, before the first message is read).
struct Folded {
    name: [String; 2],
    nickname: Option<[String; 2]>,
    first: Option<String>,
    given: Option<[String; 2]>,
}

impl Folded {
    fn of(c: &Entry) -> Folded {
        let name = [fold(&c.name), transliterate(&c.name)];
        let words = words_of(&name[0]);
        let first = words.first().cloned();
        let given = first
            .as_ref()
            .filter(|given| words.len() > 1 && given.chars().count() >= 3)
            .map(|given| [fold(given), transliterate(given)]);
        Folded {
            nickname: c.nickname.as_ref().map(|n| [fold(n), transliterate(n)]),
            name,
            first,
            given,
        }
    }
}

/// The full names and nicknames of the contacts, and the first names
/// only one active contact has (3 letters or more).
fn sender_names(
    contacts: &[Entry],
    folded: &[Folded],
) -> (HashMap<String, Vec<Id>>, HashMap<String, Vec<Id>>) {
    let mut full: HashMap<String, Vec<(Id, bool)>> = HashMap::new();
    let mut first: HashMap<String, Vec<(Id, bool)>> = HashMap::new();
    for (c, f) in contacts.iter().zip(folded) {
        let add = |map: &mut HashMap<String, Vec<(Id, bool)>>, forms: &[String; 2]| {
            for form in forms {
                let key = words_of(form).join(" ");
                if !key.is_empty() {
                    map.entry(key).or_default().push((c.id, c.archived));
                }
            }
        };
        add(&mut full, &f.name);
        if let Some(nick) = &f.nickname {
            add(&mut full, nick);
        }
        if !c.archived
            && let Some(given) = &f.given
        {
            add(&mut first, given);
        }
    }
    let first = prefer_active(first)
        .into_iter()
        .filter(|(_, ids)| ids.len() == 1)
        .collect();
    (prefer_active(full), first)
}

/// Splits folded text into words of letters and digits.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `words` holds `run` as consecutive words.
fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

/// The names each active contact can be recognised by in free text: its
/// full name and nickname (plain fold and transliteration), and its first
/// name when no other active contact shares it and it has 3 letters or
/// more. Sorted, so that the fingerprint does not depend on order.
fn name_keys(contacts: &[Entry], folded: &[Folded]) -> Vec<(Vec<String>, Id)> {
    let active: Vec<(&Entry, &Folded)> = contacts
        .iter()
        .zip(folded)
        .filter(|(c, _)| !c.archived)
        .collect();
    let mut first_names: HashMap<&str, usize> = HashMap::new();
    for (_, f) in &active {
        if let Some(first) = &f.first {
            *first_names.entry(first).or_default() += 1;
        }
    }
    let mut keys: Vec<(Vec<String>, Id)> = Vec::new();
    for (c, f) in &active {
        // A contact's keys are the last ones pushed: a repeat can only be
        // among them.
        let own = keys.len();
        let mut add = |forms: &[String; 2]| {
            for form in forms {
                let words = words_of(form);
                if !words.is_empty() && !keys[own..].iter().any(|(w, _)| *w == words) {
                    keys.push((words, c.id));
                }
            }
        };
        add(&f.name);
        if let Some(nick) = &f.nickname {
            add(nick);
        }
        if let (Some(given), Some(first)) = (&f.given, &f.first)
            && first_names.get(first.as_str()) == Some(&1)
        {
            add(given);
        }
    }
    keys.sort();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: Id, name: &str, emails: &[&str]) -> Entry {
        Entry {
            id,
            name: name.into(),
            nickname: None,
            emails: emails.iter().map(|e| e.to_string()).collect(),
            phones: Vec::new(),
            archived: false,
        }
    }

    #[test]
    fn addresses_compare_without_case() {
        let book = Book::new(&[entry(1, "Anna", &["Anna.Schmidt@ACME.de"])], &[], false);
        assert_eq!(book.by_email("anna.schmidt@acme.de"), &[1]);
        assert_eq!(book.by_email("<ANNA.SCHMIDT@acme.DE>"), &[1]);
        assert_eq!(book.by_email("mailto:anna.schmidt@acme.de"), &[1]);
        assert!(book.by_email("annaschmidt@acme.de").is_empty());
    }

    #[test]
    fn gmail_dots_and_tags_only_where_configured() {
        let contacts = [entry(1, "Joe", &["joe.doe@gmail.com"])];
        let plain = Book::new(&contacts, &[], false);
        assert!(plain.by_email("joedoe+news@gmail.com").is_empty());
        let gmail = Book::new(&contacts, &[], true);
        assert_eq!(gmail.by_email("JoeDoe+news@googlemail.com"), &[1]);
        assert_eq!(gmail.by_email("j.o.e.doe@gmail.com"), &[1]);
        // Other providers keep their dots and tags.
        let other = Book::new(&[entry(2, "Ann", &["a.b@web.de"])], &[], true);
        assert!(other.by_email("ab@web.de").is_empty());
        assert!(other.by_email("a.b+x@web.de").is_empty());
    }

    #[test]
    fn own_addresses_are_nobody_to_match() {
        let book = Book::new(
            &[entry(1, "Me Myself", &["me@example.org"])],
            &["Me@Example.org".to_string()],
            false,
        );
        assert!(book.is_own("ME@example.org"));
        assert!(book.by_email("me@example.org").is_empty());
    }

    #[test]
    fn an_archived_duplicate_does_not_share_an_active_address() {
        let mut old = entry(1, "Anna Old", &["anna@x.de"]);
        old.archived = true;
        let book = Book::new(&[old.clone(), entry(2, "Anna", &["anna@x.de"])], &[], false);
        assert_eq!(book.by_email("anna@x.de"), &[2]);
        let only_archived = Book::new(&[old], &[], false);
        assert_eq!(only_archived.by_email("anna@x.de"), &[1]);
    }

    #[test]
    fn no_reply_senders() {
        for a in [
            "noreply@github.com",
            "no-reply@accounts.google.com",
            "do-not-reply@bank.de",
            "DoNotReply@x.com",
            "MAILER-DAEMON@mx.example.org",
            "no_reply@x.de",
        ] {
            assert!(is_no_reply(a), "{a}");
        }
        assert!(!is_no_reply("norbert@x.de"));
        assert!(!is_no_reply("reply@x.de"));
    }

    #[test]
    fn names_in_text_as_whole_words() {
        let mut mama = entry(3, "Mama", &[]);
        mama.nickname = Some("Mutti".into());
        let book = Book::new(
            &[
                entry(1, "Anna Schmidt", &[]),
                entry(2, "Jörg Müller", &[]),
                mama,
                entry(4, "Ben Okafor", &[]),
                entry(5, "Ben Stiller", &[]),
            ],
            &[],
            false,
        );
        assert_eq!(book.names_in("Coffee with anna schmidt"), vec![1]);
        assert_eq!(book.names_in("Lunch: Anna"), vec![1], "a unique first name");
        assert_eq!(book.names_in("Call Joerg Mueller"), vec![2]);
        assert_eq!(book.names_in("jorg muller, Mama"), vec![2, 3]);
        assert_eq!(book.names_in("Besuch bei Mutti"), vec![3]);
        assert!(book.names_in("Annabelle's party").is_empty());
        assert!(book.names_in("Beer with Ben").is_empty(), "two Bens");
        assert_eq!(book.names_in("Ben Okafor"), vec![4]);
    }

    #[test]
    fn the_fingerprint_follows_addresses_not_other_fields() {
        let a = Book::new(&[entry(1, "Anna", &["a@x.de"])], &[], false);
        let same = Book::new(&[entry(1, "Anna", &["A@X.de"])], &[], false);
        let more = Book::new(&[entry(1, "Anna", &["a@x.de", "b@x.de"])], &[], false);
        let me = Book::new(&[entry(1, "Anna", &["a@x.de"])], &["me@x.de".into()], false);
        assert_eq!(a.fingerprint(), same.fingerprint());
        assert_ne!(a.fingerprint(), more.fingerprint());
        assert_ne!(a.fingerprint(), me.fingerprint());
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a@b.de"));
        assert!(!looks_like_email("a@@b.de"));
        assert!(!looks_like_email("ab.de"));
        assert!(!looks_like_email("a b@c.de"));
        assert!(!looks_like_email("@c.de"));
    }
}
