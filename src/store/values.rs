//! How the domain's named values are stored: a channel, outcome, sphere,
//! hook kind or reminder kind is its canonical name in a TEXT column.
//! With these `ToSql`/`FromSql` impls a statement binds the value itself
//! (`params![touch.channel]`) and a row gives it back
//! (`row.get::<_, Channel>(2)`), so no reader looks a stored name up by
//! hand.
//!
//! Reading compares the stored bytes with each canonical name: no UTF-8
//! check, no allocation, no alias table (aliases are for what people type,
//! `Channel::from_name`; the database only ever holds canonical names).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::model::{Channel, HookKind, Outcome, Sphere};
use crate::remind::Kind as ReminderKind;

/// A stored name that is none of the canonical ones (a damaged or foreign
/// row: the CHECK constraints keep draht's own writes out of here).
#[derive(Debug)]
pub struct UnknownName {
    what: &'static str,
    value: String,
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = crate::t!(
            "error-db-unknown-name",
            what = self.what,
            value = format!("{:?}", self.value)
        );
        f.write_str(&text)
    }
}

impl std::error::Error for UnknownName {}

/// The value among `all` whose canonical name is the stored `value`.
fn by_name<T: Copy>(
    value: ValueRef<'_>,
    what: &'static str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> FromSqlResult<T> {
    let bytes = value.as_bytes()?;
    all.iter()
        .copied()
        .find(|v| name(*v).as_bytes() == bytes)
        .ok_or_else(|| {
            FromSqlError::other(UnknownName {
                what,
                value: String::from_utf8_lossy(bytes).into_owned(),
            })
        })
}

/// `ToSql` and `FromSql` for an enum stored by its `as_str` name.
macro_rules! stored_by_name {
    ($ty:ty, $what:literal, $all:expr) => {
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(
                    self.as_str().as_bytes(),
                )))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                by_name(value, $what, &$all, <$ty>::as_str)
            }
        }
    };
}

stored_by_name!(Channel, "channel", Channel::ALL);
stored_by_name!(Outcome, "outcome", [Outcome::Done, Outcome::Missed]);
stored_by_name!(Sphere, "sphere", [Sphere::Private, Sphere::Work]);
stored_by_name!(HookKind, "hook kind", HookKind::ALL);
stored_by_name!(ReminderKind, "reminder kind", ReminderKind::ALL);

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn round_trip<T: ToSql + FromSql + PartialEq + std::fmt::Debug>(value: T, name: &str) {
        let conn = Connection::open_in_memory().expect("db");
        let stored: String = conn
            .query_row("SELECT ?1", [&value], |row| row.get(0))
            .expect("bind");
        assert_eq!(stored, name);
        let back: T = conn
            .query_row("SELECT ?1", [name], |row| row.get(0))
            .expect("read");
        assert_eq!(back, value);
    }

    #[test]
    fn every_named_value_is_stored_as_its_canonical_name_and_read_back() {
        for c in Channel::ALL {
            round_trip(c, c.as_str());
        }
        for o in [Outcome::Done, Outcome::Missed] {
            round_trip(o, o.as_str());
        }
        for s in [Sphere::Work, Sphere::Private] {
            round_trip(s, s.as_str());
        }
        for k in HookKind::ALL {
            round_trip(k, k.as_str());
        }
        for k in ReminderKind::ALL {
            round_trip(k, k.as_str());
        }
    }

    #[test]
    fn an_alias_or_unknown_name_in_the_database_is_an_error_that_names_it() {
        let conn = Connection::open_in_memory().expect("db");
        for stored in ["phone", "Call", "pigeon", ""] {
            let err = conn
                .query_row("SELECT ?1", [stored], |row| row.get::<_, Channel>(0))
                .expect_err(stored);
            assert!(
                err.to_string()
                    .contains(&format!("unknown channel {stored:?}")),
                "{err}"
            );
        }
        let err = conn
            .query_row("SELECT 3", [], |row| row.get::<_, Sphere>(0))
            .expect_err("an integer is no sphere");
        assert!(matches!(
            err,
            rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..)
        ));
        let none: Option<Outcome> = conn
            .query_row("SELECT NULL", [], |row| row.get(0))
            .expect("null");
        assert_eq!(none, None);
    }
}
