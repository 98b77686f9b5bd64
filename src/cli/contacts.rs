//! `add`, `edit`, `show`, `list`, `archive`, `rm`.

use serde::Serialize;

use super::args::{AddArgs, ContactFields, EditArgs, ListArgs};
use super::render::{self, Fit, Table, clean};
use super::{Ctx, channel_arg, sphere_arg};
use crate::app::contacts::Detail;
use crate::app::{self, Who};
use crate::error::{Error, Result};
use crate::interop::csv::formula_safe;
use crate::matching::same_tag;
use crate::model::{Contact, Handle, Sphere};
use crate::parse::parse_duration;
use crate::schedule::{Status, TouchRef};
use crate::text::{sphere_name, status_name};
use crate::{i18n, t, tr};

pub fn add(ctx: &mut Ctx, args: &AddArgs) -> Result<String> {
    let mut contact = Contact {
        min_channel: ctx.config.min_channel,
        ..Contact::new(args.name.trim(), ctx.now)
    };
    apply_fields(&mut contact, &args.fields)?;
    if args.fields.every.is_none() {
        contact.cadence_days = ctx.config.default_cadence(contact.sphere, &contact.tags);
    }
    let contact = app::contacts::add(&mut ctx.store, &contact, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    let lang = i18n::current();
    let mut out = match contact.cadence_days {
        Some(days) => t!(
            "contact-added",
            name = clean(&contact.name),
            sphere = sphere_name(lang, contact.sphere),
            every = crate::text::every(days)
        ),
        None => t!(
            "contact-added-no-cadence",
            name = clean(&contact.name),
            sphere = sphere_name(lang, contact.sphere)
        ),
    };
    out.push('\n');
    Ok(out)
}

/// Applies the flags shared by `add` and `edit` to a contact.
fn apply_fields(contact: &mut Contact, fields: &ContactFields) -> Result<()> {
    if let Some(sphere) = &fields.sphere {
        contact.sphere = sphere_arg(sphere)?;
    }
    if let Some(every) = &fields.every {
        contact.cadence_days = Some(parse_duration(every)?.approx_days());
    }
    if let Some(min) = &fields.min_channel {
        contact.min_channel = Some(channel_arg(min)?);
    }
    if let Some(nick) = &fields.nickname {
        contact.nickname = non_empty(nick);
    }
    if let Some(company) = &fields.company {
        contact.company = non_empty(company);
    }
    if let Some(role) = &fields.role {
        contact.role = non_empty(role);
    }
    if let Some(note) = &fields.note {
        contact.notes = non_empty(note);
    }
    if let Some(birthday) = &fields.birthday {
        contact.birthday = Some(crate::parse::parse_birthday(birthday)?);
    }
    for email in &fields.emails {
        let email = Handle::from_text(email);
        if !crate::model::is_email(&email.value) {
            return Err(Error::input(t!(
                "error-email",
                email = email.value.as_str()
            )));
        }
        if !contact.emails.iter().any(|h| h.value == email.value) {
            contact.emails.push(email);
        }
    }
    for phone in &fields.phones {
        let phone = Handle::from_text(phone);
        if phone.value.is_empty() {
            return Err(Error::input(tr!("error-empty-phone")));
        }
        if !contact.phones.iter().any(|h| h.value == phone.value) {
            contact.phones.push(phone);
        }
    }
    for tag in &fields.tags {
        let tag = crate::model::normalize_tag(tag);
        if tag.is_empty() {
            return Err(Error::input(tr!("error-empty-tag")));
        }
        if !contact.tags.iter().any(|t| same_tag(t, &tag)) {
            contact.tags.push(tag);
        }
    }
    Ok(())
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

pub fn edit(ctx: &mut Ctx, args: &EditArgs) -> Result<String> {
    let contact = app::contacts::edit(
        &mut ctx.store,
        Who::Named(&args.contact),
        ctx.now,
        |contact| {
            if let Some(name) = &args.name {
                contact.name = name.trim().to_string();
            }
            apply_fields(contact, &args.fields)?;
            if args.no_cadence {
                contact.cadence_days = None;
            }
            if args.no_snooze {
                contact.snoozed_until = None;
            }
            contact
                .tags
                .retain(|t| !args.untag.iter().any(|u| same_tag(t, u)));
            contact.emails.retain(|h| !args.rm_email.contains(&h.value));
            contact.phones.retain(|h| !args.rm_phone.contains(&h.value));
            Ok(())
        },
    )?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    Ok(format!(
        "{}\n",
        t!("contact-updated", name = clean(&contact.name))
    ))
}

/// One `list` row, as JSON; it borrows the contact's name and tags.
#[derive(Serialize)]
struct ListEntry<'a> {
    id: i64,
    name: &'a str,
    sphere: Sphere,
    tags: &'a [String],
    cadence_days: Option<u32>,
    status: Option<Status>,
    due: Option<chrono::NaiveDate>,
    days_overdue: Option<i64>,
    last_touch: Option<TouchRef>,
    last_personal: Option<TouchRef>,
    written_streak: u32,
    archived: bool,
}

pub fn list(ctx: &mut Ctx, args: &ListArgs) -> Result<String> {
    let today = ctx.today();
    let settings = ctx.config.settings.clone();
    let sphere = args.sphere.as_deref().map(sphere_arg).transpose()?;
    let status = match &args.status {
        Some(s) => Some(
            Status::from_name(s)
                .ok_or_else(|| Error::input(t!("error-unknown-status", input = s.as_str())))?,
        ),
        None => None,
    };
    let archived = args.archived;
    // The table does not show tags; only a tag filter, JSON and CSV read them.
    let detail = match ctx.json || args.csv || args.tag.is_some() {
        true => Detail::Brief,
        false => Detail::Bare,
    };
    let app::contacts::Listing {
        facts: all,
        checkins,
    } = app::contacts::listing(&mut ctx.store, today, &settings, archived, detail)?;
    let rows = all
        .iter()
        .zip(&checkins)
        .filter(|(f, ch)| {
            sphere.is_none_or(|s| f.contact.sphere == s)
                && args
                    .tag
                    .as_ref()
                    .is_none_or(|t| f.contact.tags.iter().any(|x| same_tag(x, t)))
                && status.is_none_or(|s| ch.as_ref().map(|c| c.status) == Some(s))
        })
        .map(|(f, ch)| ListEntry {
            id: f.contact.id,
            name: &f.contact.name,
            sphere: f.contact.sphere,
            tags: &f.contact.tags,
            cadence_days: f.contact.cadence_days,
            status: ch.as_ref().map(|c| c.status),
            due: ch.as_ref().map(|c| c.due),
            days_overdue: ch.as_ref().map(|c| c.days_overdue),
            last_touch: f.last_touch,
            last_personal: f.last_personal,
            written_streak: f.written_streak,
            archived: f.contact.archived,
        });
    if ctx.json {
        return list_json(&rows.collect::<Vec<_>>()).map(|t| ctx.json_out(t));
    }
    if args.csv {
        return list_csv(&rows.collect::<Vec<_>>()).map(|t| ctx.data(t));
    }
    // The text is written straight from the rows, without collecting them.
    let text = list_table(rows, today, ctx.paint, ctx.width);
    if !text.is_empty() {
        return Ok(text);
    }
    let filters: Vec<String> = [
        args.sphere
            .as_ref()
            .map(|s| format!("--sphere {}", clean(s))),
        args.tag.as_ref().map(|t| format!("--tag {}", clean(t))),
        args.status
            .as_ref()
            .map(|s| format!("--status {}", clean(s))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (active, archived_count) = app::contacts::count(&mut ctx.store)?;
    let mut out = if active + archived_count == 0 {
        tr!("list-no-contacts").to_owned()
    } else if all.is_empty() {
        t!("list-no-active", count = archived_count)
    } else {
        t!(
            "list-no-match",
            filters = filters.join(" "),
            archived = if archived { " --archived" } else { "" },
            count = all.len()
        )
    };
    out.push('\n');
    Ok(out)
}

/// The text `list`: one aligned row per contact under a header, each cell
/// written straight into the table; styled only when colour is on. Empty
/// (not even the header) when there are no rows.
fn list_table<'a>(
    rows: impl IntoIterator<Item = ListEntry<'a>>,
    today: chrono::NaiveDate,
    p: render::Paint,
    width: Option<usize>,
) -> String {
    let rows = rows.into_iter();
    let mut t = Table::with_capacity(rows.size_hint().1.unwrap_or(0) + 1, 7);
    // narrow: the last touch of any kind goes first (PERSONAL decides the
    // due date), then the cadence; names, dates and status stay
    t.fit(&[
        Fit::Name,
        Fit::Keep,
        Fit::Drop(1),
        Fit::Drop(0),
        Fit::Keep,
        Fit::Keep,
        Fit::Keep,
    ]);
    for h in [
        "list-name",
        "list-sphere",
        "list-every",
        "list-last-touch",
        "list-personal",
        "list-due",
        "list-status",
    ] {
        let h = tr!(h);
        t.styled(&p.dim(h), h);
    }
    t.end_row();
    let lang = i18n::current();
    let archived = tr!("list-archived");
    let mut any = false;
    for r in rows {
        any = true;
        t.cell_with(|s| render::push_clean(s, r.name));
        t.cell(sphere_name(lang, r.sphere));
        match r.cadence_days {
            Some(days) => t.cell_with(|s| render::push_cadence(s, days)),
            None => t.cell("—"),
        }
        for touch in [&r.last_touch, &r.last_personal] {
            match touch {
                Some(touch) => t.cell_with(|s| render::push_touch_age(s, touch, today)),
                None => t.cell("—"),
            }
        }
        match r.due {
            Some(due) => t.cell_with(|s| render::push_day(s, due, today)),
            None => t.cell("—"),
        }
        match r.status {
            Some(status) if p.color => t.styled(&p.status(status), status_name(lang, status)),
            Some(status) => t.cell(status_name(lang, status)),
            None if r.archived => t.cell(archived),
            None => t.cell("—"),
        }
        t.end_row();
    }
    if !any {
        return String::new();
    }
    t.render_in("", width)
}

/// [`Ctx::to_json`] of the rows, written into one buffer of about the
/// right size.
fn list_json(rows: &[ListEntry]) -> Result<String> {
    let mut out = Vec::with_capacity(64 + rows.len() * 512);
    serde_json::to_writer_pretty(&mut out, rows)
        .map_err(|e| Error::Database(t!("error-write-json", problem = e.to_string())))?;
    out.push(b'\n');
    Ok(utf8(out))
}

/// Bytes the writers made from `str`s as a `String`, without a copy.
fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn list_csv(rows: &[ListEntry]) -> Result<String> {
    let fail = |e: csv::Error| Error::Database(t!("error-write-csv", problem = e.to_string()));
    let mut w = csv::Writer::from_writer(Vec::with_capacity(128 + rows.len() * 128));
    w.write_record([
        "name",
        "sphere",
        "tags",
        "cadence_days",
        "last_touch_channel",
        "last_touch_at",
        "last_personal_channel",
        "last_personal_at",
        "written_streak",
        "due",
        "status",
    ])
    .map_err(fail)?;
    let mut tags = String::new();
    let mut number = String::new();
    for r in rows {
        w.write_field(formula_safe(r.name.to_string()))
            .map_err(fail)?;
        w.write_field(r.sphere.as_str()).map_err(fail)?;
        tags.clear();
        for (i, tag) in r.tags.iter().enumerate() {
            if i > 0 {
                tags.push(';');
            }
            tags.push_str(tag);
        }
        w.write_field(formula_safe(std::mem::take(&mut tags)))
            .map_err(fail)?;
        number.clear();
        if let Some(days) = r.cadence_days {
            render::push_num(&mut number, u64::from(days));
        }
        w.write_field(&number).map_err(fail)?;
        for touch in [&r.last_touch, &r.last_personal] {
            match touch {
                Some(t) => {
                    w.write_field(t.channel.as_str()).map_err(fail)?;
                    w.write_field(t.at.to_rfc3339()).map_err(fail)?;
                }
                None => {
                    w.write_field("").map_err(fail)?;
                    w.write_field("").map_err(fail)?;
                }
            }
        }
        number.clear();
        render::push_num(&mut number, u64::from(r.written_streak));
        w.write_field(&number).map_err(fail)?;
        match r.due {
            Some(due) => w.write_field(due.to_string()),
            None => w.write_field(""),
        }
        .map_err(fail)?;
        w.write_field(r.status.map_or("", Status::as_str))
            .map_err(fail)?;
        w.write_record(None::<&[u8]>).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Database(t!("error-write-csv", problem = e.to_string())))?;
    Ok(utf8(bytes))
}

pub fn archive(ctx: &mut Ctx, query: &str, undo: bool) -> Result<String> {
    let who = match undo {
        true => Who::AnyNamed(query),
        false => Who::Named(query),
    };
    let contact = app::contacts::archive(&mut ctx.store, who, !undo, ctx.now)?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    let name = clean(&contact.name);
    let mut out = match undo {
        true => t!("contact-unarchived", name = name),
        false => t!("contact-archived", name = name),
    };
    out.push('\n');
    Ok(out)
}

pub fn remove(ctx: &mut Ctx, query: &str, yes: bool) -> Result<String> {
    let contact = app::contacts::get(&mut ctx.store, Who::AnyNamed(query))?;
    if !yes {
        if !ctx.interactive {
            return Err(Error::input(t!(
                "error-delete-needs-yes",
                name = clean(&contact.name)
            )));
        }
        let question = t!("contact-delete-ask", name = clean(&contact.name));
        if !super::confirm(&question)? {
            return Err(Error::input(tr!("contact-not-deleted")));
        }
    }
    app::contacts::delete(&mut ctx.store, Who::Id(contact.id))?;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({ "removed": contact.name, "id": contact.id }));
    }
    Ok(format!(
        "{}\n",
        t!("contact-deleted", name = clean(&contact.name))
    ))
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::model::Channel;

    fn rows() -> Vec<ListEntry<'static>> {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let touch = |days: u64| TouchRef {
            channel: Channel::Call,
            at: Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap(),
            on: today - chrono::Days::new(days),
        };
        let entry = |name: &'static str, status: Option<Status>, archived| ListEntry {
            id: 1,
            name,
            sphere: Sphere::Work,
            tags: &[],
            cadence_days: status.map(|_| 14),
            status,
            due: status.map(|_| NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()),
            days_overdue: None,
            last_touch: status.map(|_| touch(3)),
            last_personal: status.map(|_| touch(120)),
            written_streak: 0,
            archived,
        };
        vec![
            entry("Jürgen\u{1b}[2J", Some(Status::Overdue), false),
            entry("Bo", Some(Status::Ok), false),
            entry("Old Friend", None, true),
            entry("New", None, false),
        ]
    }

    #[test]
    fn list_colours_the_header_and_status_and_aligns_by_plain_width() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let text = list_table(rows(), today, render::Paint { color: true }, None);
        let dim = |h: &str| format!("\u{1b}[2m{h}\u{1b}[0m");
        let expected = [
            format!(
                "{}        {}  {}  {}  {}  {}             {}",
                dim("NAME"),
                dim("SPHERE"),
                dim("EVERY"),
                dim("LAST TOUCH"),
                dim("PERSONAL"),
                dim("DUE"),
                dim("STATUS")
            ),
            "Jürgen\u{fffd}[2J  work    2w     call 3d     call 17w  Tue 5 Jan 2027  \u{1b}[31moverdue\u{1b}[0m".into(),
            "Bo          work    2w     call 3d     call 17w  Tue 5 Jan 2027  ok".into(),
            "Old Friend  work    —      —           —         —               archived".into(),
            "New         work    —      —           —         —               —".into(),
        ];
        assert_eq!(text.lines().collect::<Vec<_>>(), expected);
    }

    #[test]
    fn list_csv_reads_back_field_by_field() {
        let mut rows = rows();
        let tags = ["a".to_string(), "b c".to_string()];
        rows[0].name = "Müller, \"Jo\"\nline two";
        rows[0].tags = &tags;
        rows[0].written_streak = 12;
        let text = list_csv(&rows).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header[0], "name");
        assert_eq!(header.len(), 11);
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(
            records[0],
            [
                "Müller, \"Jo\"\nline two",
                "work",
                "a;b c",
                "14",
                "call",
                "2026-06-01T09:00:00+00:00",
                "call",
                "2026-06-01T09:00:00+00:00",
                "12",
                "2027-01-05",
                "overdue"
            ]
        );
        assert_eq!(
            records[2],
            ["Old Friend", "work", "", "", "", "", "", "", "0", "", ""]
        );
        assert_eq!(records.len(), 4);
    }

    #[test]
    fn list_json_is_the_pretty_json_of_the_rows() {
        let rows = rows();
        let text = list_json(&rows).unwrap();
        assert_eq!(text, serde_json::to_string_pretty(&rows).unwrap() + "\n");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value[0]["name"], "Jürgen\u{1b}[2J");
        assert_eq!(value[0]["last_touch"]["at"], "2026-06-01T09:00:00Z");
        assert_eq!(value[0]["due"], "2027-01-05");
        assert_eq!(value[2]["due"], serde_json::Value::Null);
    }

    #[test]
    fn list_without_colour_is_the_coloured_text_unstyled() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let plain = list_table(rows(), today, render::Paint { color: false }, None);
        let coloured = list_table(rows(), today, render::Paint { color: true }, None);
        let unstyled = coloured
            .replace("\u{1b}[2m", "")
            .replace("\u{1b}[31m", "")
            .replace("\u{1b}[0m", "");
        assert_eq!(plain, unstyled);
        assert!(!plain.contains('\u{1b}'));
    }
}
