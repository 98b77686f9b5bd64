//! Adding and editing a contact. Lists (e-mails, phones, tags) are typed
//! comma-separated; an empty "every" means no cadence (or, when adding, the
//! config's default for the sphere and tags).

use crate::model::{Birthday, Channel, Contact, Id, Sphere};
use crate::parse::parse_duration;

use super::log::channel_choice;
use super::{Ctx, Field, Form, FormKind, list, non_empty};
use crate::i18n::{self, Lang};
use crate::text::{self, cadence};
use crate::tui::effects::{ContactDraft, Effect};
use crate::{t, tr};

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
    let spheres = |lang| {
        SPHERES
            .iter()
            .map(|s| text::sphere_name(lang, *s).to_string())
            .collect::<Vec<_>>()
    };
    vec![
        Field::text(
            tr!("tui-field-name"),
            &text(&|c| c.name.clone()),
            tr!("tui-hint-name"),
        ),
        Field::choice(
            tr!("tui-field-sphere"),
            spheres(i18n::current()),
            SPHERES.iter().position(|s| *s == sphere).unwrap_or(1),
            tr!("tui-hint-sphere"),
        )
        .keys_of(&spheres(Lang::En)),
        Field::text(
            tr!("tui-field-every"),
            &text(&|c| c.cadence_days.map(cadence).unwrap_or_default()),
            tr!("tui-hint-contact-every"),
        ),
        channel_choice(
            tr!("tui-field-counts-from"),
            Channel::ALL.iter().position(|x| *x == min).unwrap_or(3),
            tr!("tui-hint-counts-from"),
        ),
        Field::text(
            tr!("tui-field-nickname"),
            &text(&|c| c.nickname.clone().unwrap_or_default()),
            "",
        ),
        Field::text(
            tr!("tui-field-company"),
            &text(&|c| c.company.clone().unwrap_or_default()),
            "",
        ),
        Field::text(
            tr!("tui-field-role"),
            &text(&|c| c.role.clone().unwrap_or_default()),
            "",
        ),
        Field::text(
            tr!("tui-field-email"),
            &text(&|c| join(c.emails.iter().map(|h| h.value.as_str()))),
            tr!("tui-hint-several"),
        ),
        Field::text(
            tr!("tui-field-phone"),
            &text(&|c| join(c.phones.iter().map(|h| h.value.as_str()))),
            tr!("tui-hint-several"),
        ),
        Field::text(
            tr!("tui-field-birthday"),
            &text(&|c| c.birthday.map(Birthday::to_iso).unwrap_or_default()),
            tr!("tui-hint-birthday"),
        ),
        Field::text(
            tr!("tui-field-tags"),
            &text(&|c| c.tags.join(", ")),
            tr!("tui-hint-tags"),
        ),
        Field::text(
            tr!("tui-field-notes"),
            &text(&|c| c.notes.clone().unwrap_or_default()),
            "",
        ),
    ]
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

pub fn add_form() -> Form {
    Form::new(
        FormKind::Contact { id: None },
        tr!("tui-add-title").into(),
        fields(None),
    )
}

pub fn edit_form(contact: &Contact) -> Form {
    Form::new(
        FormKind::Contact {
            id: Some(contact.id),
        },
        t!("tui-edit-title", name = crate::text::clean(&contact.name)),
        fields(Some(contact)),
    )
}

pub fn submit(form: &Form, ctx: &Ctx, id: Option<Id>) -> Result<Effect, String> {
    let f = &form.fields;
    let name = f[NAME].text_value();
    if name.is_empty() {
        return Err(tr!("tui-error-name").into());
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
        return Err(t!("tui-error-email", bad = bad.as_str()));
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
