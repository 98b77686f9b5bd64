//! What a draht database looks like at each schema level, and how a file's
//! schema compares with it: how draht tells its own databases from other
//! SQLite files before it writes anything, and what `draht check` compares.
//!
//! The schema of level N is never written down twice: it is what applying
//! migrations 1..N to an empty in-memory database gives, so every new
//! migration extends the comparison by itself. Only the latest level's is
//! also kept as a digest of its statements ([`LATEST_DIGEST`], held to the
//! migrations by a test), so that opening a database of this draht's
//! level, every command's first step, need not apply every migration to
//! compare (`bench/compare.sh`: 24 of the 60 million instructions of
//! `draht today` on the realistic mix). A schema is compared as a
//! set of parts in words: each table (and whether it has rowids), each
//! column with its declared type, NOT NULL, default and primary-key
//! position, each index with its table, columns, order, collation,
//! uniqueness and whether it is partial, each trigger and view. CHECK
//! constraints and the text of partial-index conditions are not compared.
//!
//! A table or view the level does not have (one a user made beside
//! draht's, with its own columns, indexes and triggers) is not a
//! difference: it is listed apart ([`Difference::other_tables`]) and left
//! as it is. What draht's own tables must look like is compared whole: a
//! missing part, or an extra column, index or trigger on one of them, is.

use std::collections::BTreeSet;

use rusqlite::Connection;

use super::open::MIGRATIONS_SQL;

/// The parts of a schema, each in words (`table contacts`, `column
/// contacts.name TEXT not null`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    parts: BTreeSet<String>,
}

/// How a schema differs from the expected one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Difference {
    /// Parts the level requires that the file does not have.
    pub missing: Vec<String>,
    /// Parts of draht's own tables that the file has and the level does not.
    pub unexpected: Vec<String>,
    /// Tables and views that are not draht's (with whatever is on them):
    /// no difference, only named.
    pub other_tables: Vec<String>,
}

impl Difference {
    /// Whether draht's own tables are exactly the level's (other tables
    /// beside them may exist).
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }

    /// Every difference as one finding each ("missing table x",
    /// "unexpected column t.y …"), tables first, then columns, indexes,
    /// triggers and views; the columns and indexes of a missing or
    /// unexpected table are that table's finding.
    pub fn findings(&self) -> Vec<String> {
        let mut out: Vec<(u8, String)> = Vec::new();
        for (parts, word) in [(&self.missing, "missing"), (&self.unexpected, "unexpected")] {
            let tables: Vec<&str> = parts.iter().filter_map(|p| table_of_part(p)).collect();
            for part in parts {
                let (rank, table) = kind_of_part(part);
                if rank > 0 && table.is_some_and(|t| tables.contains(&t)) {
                    continue;
                }
                out.push((
                    rank,
                    crate::t!("check-finding", word = word, part = part.as_str()),
                ));
            }
        }
        out.sort_by_key(|(rank, _)| *rank);
        out.into_iter().map(|(_, finding)| finding).collect()
    }
}

/// [`digest`] of a database that migrations 1..=latest built. The test
/// `the_latest_digest_is_the_migrations` holds it to the migrations and
/// says the new value when a migration is added.
pub const LATEST_DIGEST: u64 = 0x9e3d_343a_e4b1_d8b1;

/// A digest (64-bit FNV-1a) of the statements that make up the schema
/// behind `conn` (each object's type, name, table and SQL, in order of
/// type and name; SQLite's own objects left out, as in [`Schema::of`]).
/// The same migrations give the same statements, so a file whose digest is
/// [`LATEST_DIGEST`] has the latest level's schema; any other digest says
/// nothing, and [`Schema::of`] compares in full.
pub fn digest(conn: &Connection) -> rusqlite::Result<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for i in 0..4 {
            let field = row.get_ref(i)?.as_bytes()?;
            for &b in field.iter().chain(&[0u8]) {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    Ok(hash)
}

impl Schema {
    /// The schema of the database behind `conn` (its `main` schema).
    pub fn of(conn: &Connection) -> rusqlite::Result<Schema> {
        let mut parts = BTreeSet::new();
        let mut objects = conn.prepare(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
             WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )?;
        let mut rows = objects.query([])?;
        while let Some(row) = rows.next()? {
            let (kind, name, table, sql): (String, String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            match kind.as_str() {
                "table" => {
                    let mut part = format!("table {name}");
                    if without_rowid(&sql) {
                        part.push_str(" without rowid");
                    }
                    if autoincrement(&sql) {
                        part.push_str(" autoincrement");
                    }
                    parts.insert(part);
                }
                "index" => {} // read below with the automatic ones
                other => {
                    parts.insert(format!("{other} {name} on {table}"));
                }
            }
        }
        let mut columns = conn.prepare(
            "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk
             FROM sqlite_schema m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )?;
        let mut rows = columns.query([])?;
        while let Some(row) = rows.next()? {
            let (table, name, kind): (String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?);
            let not_null: bool = row.get(3)?;
            let default: Option<String> = row.get(4)?;
            let pk: i64 = row.get(5)?;
            let mut part = format!("column {table}.{name} {}", kind.to_uppercase());
            if not_null {
                part.push_str(" not null");
            }
            if let Some(default) = default {
                part.push_str(&format!(" default {default}"));
            }
            if pk > 0 {
                part.push_str(&format!(" primary key {pk}"));
            }
            parts.insert(part);
        }
        let mut indexes = conn.prepare(
            "SELECT m.name, l.name, l.\"unique\", l.partial
             FROM sqlite_schema m, pragma_index_list(m.name) l
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )?;
        let mut keys = conn.prepare(
            "SELECT name, \"desc\", coll FROM pragma_index_xinfo(?1) WHERE key ORDER BY seqno",
        )?;
        let mut rows = indexes.query([])?;
        while let Some(row) = rows.next()? {
            let (table, name): (String, String) = (row.get(0)?, row.get(1)?);
            let unique: bool = row.get(2)?;
            let partial: bool = row.get(3)?;
            let columns: Vec<String> = keys
                .query_map([&name], |k| {
                    let column: Option<String> = k.get(0)?;
                    let desc: bool = k.get(1)?;
                    let collation: Option<String> = k.get(2)?;
                    let mut text = column.unwrap_or_else(|| "<expression>".to_string());
                    if desc {
                        text.push_str(" desc");
                    }
                    if let Some(c) = collation.filter(|c| !c.eq_ignore_ascii_case("binary")) {
                        text.push_str(&format!(" collate {c}"));
                    }
                    Ok(text)
                })?
                .collect::<rusqlite::Result<_>>()?;
            parts.insert(format!(
                "{}index {name} on {table} ({}){}",
                if unique { "unique " } else { "" },
                columns.join(", "),
                if partial { " where …" } else { "" }
            ));
        }
        Ok(Schema { parts })
    }

    /// The schema migrations 1..=`level` build; `None` for a level this
    /// draht does not know.
    pub fn of_level(level: i64) -> Option<Schema> {
        let steps = MIGRATIONS_SQL.get(..usize::try_from(level).ok()?)?;
        let conn = Connection::open_in_memory().ok()?;
        for step in steps {
            conn.execute_batch(step).ok()?;
        }
        Schema::of(&conn).ok()
    }

    /// Whether the schema holds no table, index, trigger or view.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The names of its tables, in order.
    pub fn tables(&self) -> Vec<&str> {
        self.parts.iter().filter_map(|p| table_of_part(p)).collect()
    }

    /// The names of its tables and views.
    fn owners(&self) -> BTreeSet<&str> {
        self.parts
            .iter()
            .filter_map(|p| table_of_part(p).or_else(|| view_of_part(p)))
            .collect()
    }

    /// How `self` (a file's schema) differs from `expected`.
    pub fn difference(&self, expected: &Schema) -> Difference {
        let ours = expected.owners();
        let mut other_tables: Vec<String> = self
            .owners()
            .into_iter()
            .filter(|name| !ours.contains(name))
            .map(str::to_string)
            .collect();
        other_tables.sort();
        let is_other = |part: &str| {
            kind_of_part(part)
                .1
                .is_some_and(|owner| other_tables.iter().any(|t| t == owner))
        };
        let unexpected = self
            .parts
            .difference(&expected.parts)
            .filter(|p| !is_other(p))
            .cloned()
            .collect();
        Difference {
            missing: expected.parts.difference(&self.parts).cloned().collect(),
            unexpected,
            other_tables,
        }
    }
}

/// The table a `table …` part names.
fn table_of_part(part: &str) -> Option<&str> {
    let rest = part.strip_prefix("table ")?;
    let rest = rest.strip_suffix(" autoincrement").unwrap_or(rest);
    Some(rest.strip_suffix(" without rowid").unwrap_or(rest))
}

/// The view a `view … on …` part names.
fn view_of_part(part: &str) -> Option<&str> {
    Some(part.strip_prefix("view ")?.split_once(" on ")?.0)
}

/// Where a part sorts (tables 0, columns 1, indexes 2, the rest 3) and the
/// table it belongs to.
fn kind_of_part(part: &str) -> (u8, Option<&str>) {
    if let Some(table) = table_of_part(part) {
        return (0, Some(table));
    }
    if let Some(rest) = part.strip_prefix("column ") {
        return (1, rest.split_once('.').map(|(table, _)| table));
    }
    let on = part.split_once(" on ").map(|(_, after)| after);
    if part.starts_with("index ") || part.starts_with("unique index ") {
        // "index NAME on TABLE (columns)[ where …]"
        return (
            2,
            on.map(|after| after.split_once(" (").map_or(after, |(t, _)| t)),
        );
    }
    // "trigger NAME on TABLE", "view NAME on NAME"
    (3, on)
}

/// Whether a `CREATE TABLE` statement declares an `AUTOINCREMENT` key
/// (outside quoted text).
fn autoincrement(sql: &str) -> bool {
    let mut quote = None;
    let mut word = String::new();
    for c in sql.chars().chain([' ']) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`' | '[') => {
                quote = Some(if c == '[' { ']' } else { c });
                word.clear();
            }
            None if c.is_ascii_alphanumeric() || c == '_' => word.push(c),
            None => {
                if word.eq_ignore_ascii_case("autoincrement") {
                    return true;
                }
                word.clear();
            }
        }
    }
    false
}

/// Whether a `CREATE TABLE` statement ends in `WITHOUT ROWID`.
fn without_rowid(sql: &str) -> bool {
    let words: Vec<String> = sql
        .rsplit(')')
        .next()
        .unwrap_or_default()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.windows(2).any(|w| w == ["without", "rowid"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_digest_is_the_migrations() {
        let conn = Connection::open_in_memory().unwrap();
        for step in MIGRATIONS_SQL {
            conn.execute_batch(step).unwrap();
        }
        let digest = digest(&conn).unwrap();
        assert_eq!(
            digest, LATEST_DIGEST,
            "the migrations changed: set LATEST_DIGEST to {digest:#018x}"
        );
        // Every level's schema has its own digest.
        let conn = Connection::open_in_memory().unwrap();
        let mut seen = vec![super::digest(&conn).unwrap()];
        for step in MIGRATIONS_SQL {
            conn.execute_batch(step).unwrap();
            let d = super::digest(&conn).unwrap();
            assert!(!seen.contains(&d), "two levels with one digest");
            seen.push(d);
        }
    }

    #[test]
    fn each_level_adds_to_the_one_before() {
        let mut previous = Schema::of_level(0).expect("level 0");
        assert!(previous.is_empty());
        for level in 1..=MIGRATIONS_SQL.len() as i64 {
            let schema = Schema::of_level(level).expect("a known level");
            assert_ne!(schema, previous, "level {level} changes the schema");
            previous = schema;
        }
        assert_eq!(Schema::of_level(MIGRATIONS_SQL.len() as i64 + 1), None);
        assert_eq!(Schema::of_level(-1), None);
    }

    #[test]
    fn the_latest_level_has_every_table_column_and_index_in_words() {
        let schema = Schema::of_level(MIGRATIONS_SQL.len() as i64).unwrap();
        assert_eq!(
            schema.tables(),
            [
                "capture_keys",
                "capture_marks",
                "capture_sources",
                "capture_touches",
                "card_sources",
                "contact_cards",
                "contact_emails",
                "contact_phones",
                "contact_summary",
                "contact_tags",
                "contacts",
                "followups",
                "hooks",
                "jourfixe_reminders",
                "jourfixe_skips",
                "jourfixes",
                "reminders_sent",
                "sync_dirty",
                "sync_folders",
                "sync_items",
                "touch_participants",
                "touches",
            ]
        );
        for part in [
            "table touch_participants without rowid",
            "column contacts.name TEXT not null",
            "column contacts.sphere TEXT not null default 'private'",
            "column contacts.id INTEGER primary key 1",
            "table touches autoincrement",
            "unique index contacts_active_name on contacts (name_key) where …",
            "index touch_participants_history on touch_participants (contact_id, at, touch_id, channel, outcome, rating)",
            "unique index sqlite_autoindex_contacts_1 on contacts (uid)",
            "table capture_keys without rowid",
            "index capture_keys_contact_key on capture_keys (contact_id, key)",
            "unique index sqlite_autoindex_capture_sources_1 on capture_sources (path)",
            "column capture_marks.state BLOB not null",
        ] {
            assert!(schema.parts.contains(part), "{part}: {:#?}", schema.parts);
        }
    }

    #[test]
    fn a_table_or_view_that_is_not_drahts_is_named_apart_and_no_difference() {
        let conn = Connection::open_in_memory().unwrap();
        for step in MIGRATIONS_SQL {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "CREATE TABLE touch_links (touch_id INTEGER REFERENCES touches (id), source TEXT);
             CREATE INDEX touch_links_source ON touch_links (source);
             CREATE TRIGGER touch_links_t AFTER INSERT ON touch_links BEGIN SELECT 1; END;
             CREATE VIEW \"my view\" AS SELECT name FROM contacts;",
        )
        .unwrap();
        let found = Schema::of(&conn).unwrap();
        let expected = Schema::of_level(MIGRATIONS_SQL.len() as i64).unwrap();
        let diff = found.difference(&expected);
        assert!(diff.is_empty(), "{diff:?}");
        assert_eq!(diff.findings(), Vec::<String>::new());
        assert_eq!(diff.other_tables, ["my view", "touch_links"]);
    }

    #[test]
    fn autoincrement_is_read_from_the_statement_not_from_quoted_text() {
        assert!(autoincrement(
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT)"
        ));
        assert!(autoincrement(
            "create table t (id integer primary key autoincrement)"
        ));
        assert!(!autoincrement(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT DEFAULT 'autoincrement')"
        ));
        assert!(!autoincrement(
            "CREATE TABLE \"autoincrement\" (id INTEGER PRIMARY KEY)"
        ));
        assert!(!autoincrement("CREATE TABLE t (autoincrements INTEGER)"));
    }

    #[test]
    fn a_changed_column_a_missing_table_and_an_extra_trigger_are_named() {
        let conn = Connection::open_in_memory().unwrap();
        for step in MIGRATIONS_SQL {
            conn.execute_batch(step).unwrap();
        }
        conn.execute_batch(
            "DROP TABLE jourfixe_skips;
             ALTER TABLE contacts ADD COLUMN pronouns TEXT;
             CREATE TRIGGER t AFTER INSERT ON hooks BEGIN SELECT 1; END;",
        )
        .unwrap();
        let found = Schema::of(&conn).unwrap();
        let expected = Schema::of_level(MIGRATIONS_SQL.len() as i64).unwrap();
        let diff = found.difference(&expected);
        assert!(
            diff.missing
                .contains(&"table jourfixe_skips without rowid".to_string()),
            "{diff:?}"
        );
        assert_eq!(
            diff.findings(),
            [
                "missing table jourfixe_skips without rowid",
                "unexpected column contacts.pronouns TEXT",
                "unexpected trigger t on hooks",
            ]
        );
        assert!(
            diff.unexpected
                .contains(&"column contacts.pronouns TEXT".to_string()),
            "{diff:?}"
        );
        assert!(
            diff.unexpected.contains(&"trigger t on hooks".to_string()),
            "{diff:?}"
        );
        assert_eq!(expected.difference(&expected), Difference::default());
    }
}
