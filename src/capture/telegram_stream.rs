//! The shape of a Telegram export as serde visitors: the file's object,
//! the lists of contacts and chats in it, a chat's keys and its messages,
//! each handed to [`State`] as it is read (nothing is collected). Any value
//! of an unexpected type is read past, never an error.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{ChatAcc, Found, Msg, State};

/// Any JSON value as text: a string or a number as written, `None` for
/// null, an array or an object.
struct Scalar(Option<String>);

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar(Some(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar(Some(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar(Some(v.to_string())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar(Some(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar(Some(v.to_string())))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar(Some(v.to_string())))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar(None))
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar(None))
    }
}

/// Some fields of an object, as text, in the order asked; `None` for
/// each when the value is no object.
struct Fields(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Fields {
    type Value = Option<Vec<Option<String>>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Fields {
    type Value = Option<Vec<Option<String>>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = vec![None; self.0.len()];
        while let Some(key) = map.next_key::<String>()? {
            match self.0.iter().position(|k| *k == key) {
                Some(i) => values[i] = map.next_value::<Scalar>()?.0,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(values))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// The file's object: a single chat's keys, or the full export's.
pub(super) struct Top<'s, 'a, 'o>(pub &'s mut State<'a, 'o>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Telegram export (a JSON object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "personal_information" => {
                    let info = map.next_value_seed(Fields(&["user_id"]))?;
                    state.me = info
                        .and_then(|f| f.into_iter().next().flatten())
                        .map(|id| format!("user{id}"));
                }
                "contacts" => map.next_value_seed(Listed(state, Each::Contact))?,
                "chats" | "left_chats" => {
                    state.full = true;
                    map.next_value_seed(Listed(state, Each::Chat))?;
                }
                _ => chat_field(state, &key, &mut map)?,
            }
        }
        Ok(())
    }
}

/// A key of a chat object (the file's, or one in a list), into the chat
/// being read.
fn chat_field<'de, A: MapAccess<'de>>(
    state: &mut State,
    key: &str,
    map: &mut A,
) -> Result<(), A::Error> {
    match key {
        "name" => state.current_chat().name = map.next_value::<Scalar>()?.0,
        "type" => state.current_chat().kind = map.next_value::<Scalar>()?.0,
        "id" => state.current_chat().id = map.next_value::<Scalar>()?.0,
        "messages" => {
            state.current_chat();
            map.next_value_seed(Messages(state))?;
        }
        _ => {
            map.next_value::<IgnoredAny>()?;
        }
    }
    Ok(())
}

impl State<'_, '_> {
    /// The chat being read (a new one if none is).
    fn current_chat(&mut self) -> &mut ChatAcc {
        self.current.get_or_insert_with(ChatAcc::default)
    }
}

/// What the elements of a `{"about": …, "list": […]}` are.
#[derive(Copy, Clone)]
enum Each {
    Contact,
    Chat,
}

/// `{"about": …, "list": […]}`, each element read as `Each` says.
struct Listed<'s, 'a, 'o>(&'s mut State<'a, 'o>, Each);

impl<'de> DeserializeSeed<'de> for Listed<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Listed<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a list")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (state, each) = (self.0, self.1);
        while let Some(key) = map.next_key::<String>()? {
            if key == "list" {
                map.next_value_seed(List(state, each))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        List(self.0, self.1).visit_seq(seq)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The list itself.
struct List<'s, 'a, 'o>(&'s mut State<'a, 'o>, Each);

impl<'de> DeserializeSeed<'de> for List<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// A contact's fields, in the order [`State::contact`] takes them.
const CONTACT_FIELDS: &[&str] = &["first_name", "last_name", "phone_number"];

impl<'de> Visitor<'de> for List<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (state, each) = (self.0, self.1);
        match each {
            Each::Contact => {
                while let Some(fields) = seq.next_element_seed(Fields(CONTACT_FIELDS))? {
                    if let Some(fields) = fields {
                        state.contact(fields);
                    }
                }
            }
            Each::Chat => while seq.next_element_seed(ChatSeed(state))?.is_some() {},
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// One chat of a list, finished when its object ends.
struct ChatSeed<'s, 'a, 'o>(&'s mut State<'a, 'o>);

impl<'de> DeserializeSeed<'de> for ChatSeed<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ChatSeed<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a chat")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.0;
        // What the file's own object held before its list (nothing, in a
        // full export) is done.
        if let Some(before) = state.current.take() {
            state.finish(before);
        }
        state.current = Some(ChatAcc::default());
        while let Some(key) = map.next_key::<String>()? {
            chat_field(state, &key, &mut map)?;
        }
        if let Some(chat) = state.current.take() {
            state.finish(chat);
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// A chat's messages, each counted as it is read.
struct Messages<'s, 'a, 'o>(&'s mut State<'a, 'o>);

impl<'de> DeserializeSeed<'de> for Messages<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// The message fields read, in [`Msg`]'s order.
const MESSAGE_FIELDS: &[&str] = &[
    "id",
    "type",
    "date",
    "date_unixtime",
    "from",
    "from_id",
    "actor",
    "actor_id",
    "action",
    "duration_seconds",
    "discard_reason",
];

impl<'de> Visitor<'de> for Messages<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        while let Some(fields) = seq.next_element_seed(Fields(MESSAGE_FIELDS))? {
            let Some(fields) = fields else {
                (state.out)(Found::Broken(crate::t!("capture-broken-message-no-object")));
                continue;
            };
            let mut f = fields.into_iter();
            let mut next = || f.next().flatten();
            let m = Msg {
                id: next(),
                kind: next(),
                date: next(),
                unixtime: next(),
                from: next(),
                from_id: next(),
                actor: next(),
                actor_id: next(),
                action: next(),
                duration: next(),
                discard: next(),
            };
            let mut chat = state.current.take().unwrap_or_default();
            state.message(&mut chat, m);
            state.current = Some(chat);
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}
