//! The log form: the note first (the focus opens there), the channel by
//! one key (1 sms … 6 meet, in order of richness), when (now unless
//! changed), who else was there (`draht log … --with`), done or missed,
//! rating, hook used.

use crate::clock;
use crate::model::{Channel, Hook, Id, Outcome, Touch};
use crate::parse::{Lean, parse_when};

use super::{Ctx, Field, Form, FormKind};
use crate::tui::effects::Effect;

pub const NOTE: usize = 0;
pub const CHANNEL: usize = 1;
pub const WHEN: usize = 2;
pub const WITH: usize = 3;
pub const OUTCOME: usize = 4;
pub const RATING: usize = 5;
pub const HOOK: usize = 6;

/// A touch may be logged at most this far ahead of now (clock skew), as in the CLI.
const FUTURE_GRACE_SECS: i64 = 60;

pub const RATINGS: [(&str, Option<i8>); 4] = [
    ("none", None),
    ("-1 meh", Some(-1)),
    ("0 fine", Some(0)),
    ("+1 good", Some(1)),
];

/// The form for logging a touch with `name`; the channel starts at
/// `channel` (the contact's minimum channel), the hooks are offered
/// freshest first.
pub fn log_form(contact: Id, name: &str, channel: Channel, hooks: &[Hook]) -> Form {
    let channels = Channel::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {}", i + 1, c.as_str()))
        .collect();
    let channel_index = Channel::ALL.iter().position(|c| *c == channel).unwrap_or(3);
    let mut hook_options = vec!["none".to_string()];
    hook_options.extend(hooks.iter().map(|h| {
        let text: String = crate::text::clean(&h.text).chars().take(28).collect();
        format!("{} {text}", h.kind.as_str())
    }));
    Form::new(
        FormKind::Log {
            contact,
            hooks: hooks.iter().map(|h| h.id).collect(),
            others: Others::default(),
        },
        format!("Log a touch with {}", crate::text::clean(name)),
        vec![
            Field::text("note", "", "what was it about? (optional)"),
            Field::choice("channel", channels, channel_index, "1–6 picks, ← → moves"),
            Field::text(
                "when",
                "now",
                "now, 15:00, yesterday 18:30, 3d ago, last fri, 2026-11-20",
            ),
            Field::text(
                "with",
                "",
                "who else was there: names or starts, with commas",
            ),
            Field::choice(
                "outcome",
                vec!["done".into(), "missed".into()],
                0,
                "m missed: no answer, cancelled — counts as your part, retries in a few days",
            ),
            Field::choice(
                "rating",
                RATINGS.iter().map(|(l, _)| l.to_string()).collect(),
                0,
                "Wie lief's? (optional)",
            ),
            Field::choice(
                "hook used",
                hook_options,
                0,
                "a used hook moves to the back",
            ),
        ],
    )
}

pub fn submit(
    form: &Form,
    ctx: &Ctx,
    contact: Id,
    hooks: &[Id],
    others: &Others,
) -> Result<Effect, String> {
    let channel = Channel::ALL[form.fields[CHANNEL]
        .choice_index()
        .min(Channel::ALL.len() - 1)];
    let when = form.fields[WHEN].text_value();
    let at = if when.is_empty() || when.eq_ignore_ascii_case("now") {
        ctx.now
    } else {
        let local = parse_when(when, ctx.local_now, Lean::Past).map_err(|e| e.to_string())?;
        clock::from_local(local)
    };
    if (at - ctx.now).num_seconds() > FUTURE_GRACE_SECS {
        return Err(format!(
            "\"{when}\" is in the future; log what already happened, or add a follow-up with r"
        ));
    }
    let outcome = if form.fields[OUTCOME].choice_index() == 1 {
        Outcome::Missed
    } else {
        Outcome::Done
    };
    let rating = RATINGS
        .get(form.fields[RATING].choice_index())
        .and_then(|(_, r)| *r);
    let hook_id = match form.fields[HOOK].choice_index() {
        0 => None,
        i => hooks.get(i - 1).copied(),
    };
    Ok(Effect::Log(Touch {
        id: 0,
        at,
        channel,
        note: super::non_empty(form.fields[NOTE].text_value()),
        outcome,
        rating,
        hook_id,
        participants: others.with(contact, form.fields[WITH].text_value())?,
        captured: Vec::new(),
    }))
}

/// Whom the "with" field names: read again after each key that changes
/// it (against the loaded contacts, by `matching::best_match`, the rule
/// of `draht log … --with`), never per frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Others {
    /// The text this was read from.
    pub text: String,
    /// The people, or why a name names nobody or several.
    pub found: Result<Vec<(Id, String)>, String>,
}

impl Default for Others {
    fn default() -> Others {
        Others {
            text: String::new(),
            found: Ok(Vec::new()),
        }
    }
}

impl Others {
    /// Reads `text` (comma-separated names) with `find`, which answers one
    /// name as `matching::best_match` does.
    pub fn read(
        text: &str,
        find: impl Fn(&str) -> Result<Option<(Id, String)>, Vec<String>>,
    ) -> Others {
        let mut people: Vec<(Id, String)> = Vec::new();
        let mut found = Ok(());
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match find(part) {
                Ok(Some(person)) => {
                    if !people.iter().any(|(id, _)| *id == person.0) {
                        people.push(person);
                    }
                }
                Ok(None) => {
                    found = Err(format!(
                        "nobody is called \"{part}\"; check the name under \"with\""
                    ));
                    break;
                }
                Err(names) => {
                    found = Err(format!(
                        "\"{part}\" could be {}; type more of the name",
                        names.join(" or ")
                    ));
                    break;
                }
            }
        }
        Others {
            text: text.to_string(),
            found: found.map(|()| people),
        }
    }

    /// The live line: "with Jonas Weber and Lea Brandt", or what is wrong.
    pub fn said(&self) -> Option<Result<String, String>> {
        match &self.found {
            Ok(people) if people.is_empty() => None,
            Ok(people) => {
                let names: Vec<String> =
                    people.iter().map(|(_, n)| crate::text::clean(n)).collect();
                Some(Ok(format!("also with {}", names.join(", "))))
            }
            Err(why) => Some(Err(why.clone())),
        }
    }

    /// The participants: `contact` first, then the others named by
    /// `text` (which must be what was read).
    fn with(&self, contact: Id, text: &str) -> Result<Vec<Id>, String> {
        if self.text.trim() != text {
            return Err("still reading the names under \"with\"; press Enter again".into());
        }
        let people = self.found.clone()?;
        let mut ids = vec![contact];
        ids.extend(
            people
                .into_iter()
                .map(|(id, _)| id)
                .filter(|id| *id != contact),
        );
        Ok(ids)
    }
}
