//! Adding and editing a contact. Lists (e-mails, phones, tags) are typed
//! comma-separated; an empty "every" means no cadence (or, when adding, the
//! config's default for the sphere and tags).

use crate::model::{Birthday, Channel, Contact, Id, Sphere};
use crate::parse::parse_duration;

use super::{Ctx, Field, Form, FormKind, list, non_empty};
use crate::text::cadence;
use crate::tui::effects::{ContactDraft, Effect};

const NAME: usize = 0;
const SPHERE: usize = 1;
const EVERY: usize = 2;
const MIN_CHANNEL: usize = 3;
const NICKNAME: usize = 4;
const COMPANY: usize = 5;
const ROLE: usize = 6;
const EMAILS: usize = 7;
const PHONES: usize = 8;
const BIRTHDAY: usize = 9;
const TAGS: usize = 10;
const NOTES: usize = 11;

const SPHERES: [Sphere; 2] = [Sphere::Work, Sphere::Private];

fn fields(c: Option<&Contact>) -> Vec<Field> {
    let text = |get: &dyn Fn(&Contact) -> String| c.map(get).unwrap_or_default();
    let sphere = c.map_or(Sphere::default(), |c| c.sphere);
    let min = c.map_or(Channel::DEFAULT_MIN, Contact::min_channel);
    vec![
        Field::text(
            "name",
            &text(&|c| c.name.clone()),
            "unique among your contacts",
        ),
        Field::choice(
            "sphere",
            SPHERES.iter().map(|s| s.as_str().to_string()).collect(),
            SPHERES.iter().position(|s| *s == sphere).unwrap_or(1),
            "← → to choose",
        ),
        Field::text(
            "every",
            &text(&|c| c.cadence_days.map(cadence).unwrap_or_default()),
            "how often to check in: 3d, 2w, 6mo, 1y; empty: never due",
        ),
        Field::choice(
            "counts from",
            Channel::ALL
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{} {}", i + 1, c.as_str()))
                .collect(),
            Channel::ALL.iter().position(|x| *x == min).unwrap_or(3),
            "the least rich channel that resets the check-in",
        ),
        Field::text(
            "nickname",
            &text(&|c| c.nickname.clone().unwrap_or_default()),
            "",
        ),
        Field::text(
            "company",
            &text(&|c| c.company.clone().unwrap_or_default()),
            "",
        ),
        Field::text("role", &text(&|c| c.role.clone().unwrap_or_default()), ""),
        Field::text(
            "e-mail",
            &text(&|c| join(c.emails.iter().map(|h| h.value.as_str()))),
            "several: separate with commas",
        ),
        Field::text(
            "phone",
            &text(&|c| join(c.phones.iter().map(|h| h.value.as_str()))),
            "several: separate with commas",
        ),
        Field::text(
            "birthday",
            &text(&|c| c.birthday.map(Birthday::to_iso).unwrap_or_default()),
            "YYYY-MM-DD, or --MM-DD without the year",
        ),
        Field::text(
            "tags",
            &text(&|c| c.tags.join(", ")),
            "separate with commas",
        ),
        Field::text("notes", &text(&|c| c.notes.clone().unwrap_or_default()), ""),
    ]
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

pub fn add_form() -> Form {
    Form::new(
        FormKind::Contact { id: None },
        "Add a contact".into(),
        fields(None),
    )
}

pub fn edit_form(contact: &Contact) -> Form {
    Form::new(
        FormKind::Contact {
            id: Some(contact.id),
        },
        format!("Edit {}", crate::text::clean(&contact.name)),
        fields(Some(contact)),
    )
}

pub fn submit(form: &Form, ctx: &Ctx, id: Option<Id>) -> Result<Effect, String> {
    let f = &form.fields;
    let name = f[NAME].text_value();
    if name.is_empty() {
        return Err("a contact needs a name".into());
    }
    let sphere = SPHERES[f[SPHERE].choice_index().min(1)];
    let tags = list(f[TAGS].text_value());
    let every = f[EVERY].text_value();
    let cadence_days = if every.is_empty() {
        match id {
            None => ctx.config.default_cadence(sphere, &tags),
            Some(_) => None,
        }
    } else {
        Some(
            parse_duration(every)
                .map_err(|e| e.to_string())?
                .approx_days(),
        )
    };
    let min = Channel::ALL[f[MIN_CHANNEL].choice_index().min(Channel::ALL.len() - 1)];
    let min_channel = match (min == Channel::DEFAULT_MIN, id) {
        (true, None) => ctx.config.min_channel,
        (true, Some(_)) => None,
        (false, _) => Some(min),
    };
    let emails = list(f[EMAILS].text_value());
    if let Some(bad) = emails.iter().find(|e| !e.contains('@')) {
        return Err(format!(
            "\"{bad}\" does not look like an e-mail address (no @)"
        ));
    }
    let birthday = match f[BIRTHDAY].text_value() {
        "" => None,
        text => Some(crate::parse::parse_birthday(text).map_err(|e| e.to_string())?),
    };
    Ok(Effect::SaveContact {
        id,
        draft: ContactDraft {
            name: name.to_string(),
            sphere,
            cadence_days,
            min_channel,
            nickname: non_empty(f[NICKNAME].text_value()),
            company: non_empty(f[COMPANY].text_value()),
            role: non_empty(f[ROLE].text_value()),
            emails,
            phones: list(f[PHONES].text_value()),
            birthday,
            tags,
            notes: non_empty(f[NOTES].text_value()),
        },
    })
}
