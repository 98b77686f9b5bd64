//! The log form: the note first (the focus opens there), the channel by
//! one key (1 sms … 6 meet, in order of richness), when (now unless
//! changed), who else was there (`draht log … --with`), done or missed,
//! rating, hook used.

use crate::clock;
use crate::i18n::{self, Lang};
use crate::model::{Channel, Hook, Id, Outcome, Touch};
use crate::parse::{Lean, parse_when};
use crate::text;
use crate::{t, tr};

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

/// The ratings: the message id of each word, and the rating.
pub const RATINGS: [(&str, Option<i8>); 4] = [
    ("tui-rating-none", None),
    ("tui-rating-meh", Some(-1)),
    ("tui-rating-fine", Some(0)),
    ("tui-rating-good", Some(1)),
];

/// The words of `ids` in `lang`.
pub fn words(lang: Lang, ids: &[&'static str]) -> Vec<String> {
    ids.iter().map(|id| tr!(lang; id).to_string()).collect()
}

/// The rating field, its keys those of the English words.
pub fn rating_field(index: usize, hint: &'static str) -> Field {
    let ids = RATINGS.map(|(id, _)| id);
    Field::choice(
        tr!("tui-field-rating"),
        words(i18n::current(), &ids),
        index,
        hint,
    )
    .keys_of(&words(Lang::En, &ids))
}

/// The outcome field (done, missed), its keys those of the English words.
pub fn outcome_field(index: usize, hint: &'static str) -> Field {
    let ids = ["outcome-done", "outcome-missed"];
    Field::choice(
        tr!("tui-field-outcome"),
        words(i18n::current(), &ids),
        index,
        hint,
    )
    .keys_of(&words(Lang::En, &ids))
}

/// The channel field: "1 sms" … "6 meet" — "1 SMS" … "6 Treffen".
pub fn channel_field(index: usize) -> Field {
    channel_choice(tr!("tui-field-channel"), index, tr!("tui-hint-channel"))
}

/// A channel choice under `label`, with `hint`.
pub fn channel_choice(label: &'static str, index: usize, hint: &'static str) -> Field {
    let lang = i18n::current();
    let channels = Channel::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{} {}", i + 1, text::channel_name(lang, *c)))
        .collect();
    Field::choice(label, channels, index, hint)
}

/// Whether `when` asks for now: empty, "now" or the interface's word.
pub fn is_now(when: &str) -> bool {
    when.is_empty() || when.eq_ignore_ascii_case("now") || when.eq_ignore_ascii_case(tr!("tui-now"))
}

/// The form for logging a touch with `name`; the channel starts at
/// `channel` (the contact's minimum channel), the hooks are offered
/// freshest first.
pub fn log_form(contact: Id, name: &str, channel: Channel, hooks: &[Hook]) -> Form {
    let lang = i18n::current();
    let channel_index = Channel::ALL.iter().position(|c| *c == channel).unwrap_or(3);
    let hook_options = |lang| {
        let mut options = vec![tr!(lang; "tui-rating-none").to_string()];
        options.extend(hooks.iter().map(|h| {
            let text: String = crate::text::clean(&h.text).chars().take(28).collect();
            format!("{} {text}", text::hook_kind_name(lang, h.kind))
        }));
        options
    };
    Form::new(
        FormKind::Log {
            contact,
            hooks: hooks.iter().map(|h| h.id).collect(),
            others: Others::default(),
        },
        t!("tui-log-title", name = crate::text::clean(name)),
        vec![
            Field::text(tr!("tui-field-note"), "", tr!("tui-hint-log-note")),
            channel_field(channel_index),
            Field::text(
                tr!("tui-field-when"),
                tr!("tui-now"),
                tr!("tui-hint-log-when"),
            ),
            Field::text(tr!("tui-field-with"), "", tr!("tui-hint-with")),
            outcome_field(0, tr!("tui-hint-log-outcome")),
            rating_field(0, tr!("tui-hint-log-rating")),
            Field::choice(
                tr!("tui-field-hook-used"),
                hook_options(lang),
                0,
                tr!("tui-hint-hook-used"),
            )
            .keys_of(&hook_options(Lang::En)),
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
    let at = if is_now(when) {
        ctx.now
    } else {
        let local = parse_when(when, ctx.local_now, Lean::Past).map_err(|e| e.to_string())?;
        clock::from_local(local)
    };
    if (at - ctx.now).num_seconds() > FUTURE_GRACE_SECS {
        return Err(t!("tui-error-log-future", when = when));
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
                    found = Err(t!(
                        "tui-error-with-nobody",
                        part = part,
                        field = tr!("tui-field-with")
                    ));
                    break;
                }
                Err(names) => {
                    found = Err(t!(
                        "tui-error-with-several",
                        part = part,
                        names = names.join(tr!("tui-or"))
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
                Some(Ok(t!("tui-also-with", names = names.join(", "))))
            }
            Err(why) => Some(Err(why.clone())),
        }
    }

    /// The participants: `contact` first, then the others named by
    /// `text` (which must be what was read).
    fn with(&self, contact: Id, text: &str) -> Result<Vec<Id>, String> {
        if self.text.trim() != text {
            return Err(t!("tui-error-with-reading", field = tr!("tui-field-with")));
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
