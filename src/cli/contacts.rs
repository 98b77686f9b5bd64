//! `add`, `edit`, `show`, `list`, `archive`, `rm`.

use std::io::{BufRead, Write};

use serde::Serialize;

use super::args::{AddArgs, ContactFields, EditArgs, ListArgs};
use super::render::{self, Table, clean};
use super::{Ctx, channel_arg, sphere_arg};
use crate::error::{Error, Result};
use crate::model::{Birthday, Contact, Handle, Sphere};
use crate::parse::parse_duration;
use crate::schedule::{self, Status, TouchRef};
use crate::store::{contacts, facts, followups};

pub fn add(ctx: &mut Ctx, args: &AddArgs) -> Result<String> {
    let mut contact = Contact {
        min_channel: ctx.config.min_channel,
        ..Contact::new(args.name.trim(), ctx.now)
    };
    apply_fields(&mut contact, &args.fields)?;
    if args.fields.every.is_none() {
        contact.cadence_days = ctx.config.default_cadence(contact.sphere, &contact.tags);
    }
    let now = ctx.now;
    let contact = ctx.store.write(|tx| {
        let id = contacts::insert(tx, &contact, now)?;
        contacts::get(tx, id)
    })?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    let cadence = match contact.cadence_days {
        Some(days) => format!("check in every {}", render::cadence(days)),
        None => "no cadence yet: set one with `draht edit NAME --every 3w`".to_string(),
    };
    Ok(format!(
        "Added {} ({}; {cadence}).\n",
        clean(&contact.name),
        contact.sphere.as_str()
    ))
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
        contact.birthday = Some(Birthday::from_iso(birthday).ok_or_else(|| {
            Error::input(format!(
                "cannot read birthday \"{birthday}\"; use YYYY-MM-DD, or --MM-DD when the year is unknown"
            ))
        })?);
    }
    for email in &fields.emails {
        let email = email.trim();
        if !email.contains('@') {
            return Err(Error::input(format!(
                "\"{email}\" does not look like an e-mail address (no @)"
            )));
        }
        if !contact.emails.iter().any(|h| h.value == email) {
            contact.emails.push(Handle::new(email));
        }
    }
    for phone in &fields.phones {
        let phone = phone.trim();
        if phone.is_empty() {
            return Err(Error::input("an empty phone number was given"));
        }
        if !contact.phones.iter().any(|h| h.value == phone) {
            contact.phones.push(Handle::new(phone));
        }
    }
    for tag in &fields.tags {
        let tag = crate::model::normalize_tag(tag);
        if tag.is_empty() {
            return Err(Error::input("an empty tag was given"));
        }
        if !contact.tags.contains(&tag) {
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
    let now = ctx.now;
    let contact = ctx.store.write(|tx| {
        let mut contact = contacts::find(tx, &args.contact)?;
        if let Some(name) = &args.name {
            contact.name = name.trim().to_string();
        }
        apply_fields(&mut contact, &args.fields)?;
        if args.no_cadence {
            contact.cadence_days = None;
        }
        if args.no_snooze {
            contact.snoozed_until = None;
        }
        contact.tags.retain(|t| !args.untag.contains(t));
        contact.emails.retain(|h| !args.rm_email.contains(&h.value));
        contact.phones.retain(|h| !args.rm_phone.contains(&h.value));
        contacts::update(tx, &contact, now)?;
        contacts::get(tx, contact.id)
    })?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    Ok(format!("Updated {}.\n", clean(&contact.name)))
}

/// One `list` row, as JSON.
#[derive(Serialize)]
struct ListEntry {
    id: i64,
    name: String,
    sphere: Sphere,
    tags: Vec<String>,
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
        Some(s) => Some(Status::from_name(s).ok_or_else(|| {
            Error::input(format!(
                "unknown status \"{s}\"; use overdue, due, planned, soon or ok"
            ))
        })?),
        None => None,
    };
    let archived = args.archived;
    let (all, open, plans) = ctx.store.read(|tx| {
        let plans = super::jourfixe::all_plans(tx, today)?;
        Ok((
            facts::load(tx, archived, contacts::Detail::Brief)?,
            followups::open(tx)?,
            plans,
        ))
    })?;
    let checkins = schedule::checkins(&all, &open, &plans, today, &settings);
    let rows: Vec<ListEntry> = all
        .into_iter()
        .zip(checkins)
        .filter(|(f, ch)| {
            sphere.is_none_or(|s| f.contact.sphere == s)
                && args
                    .tag
                    .as_ref()
                    .is_none_or(|t| f.contact.tags.iter().any(|x| x == t))
                && status.is_none_or(|s| ch.as_ref().map(|c| c.status) == Some(s))
        })
        .map(|(f, ch)| ListEntry {
            id: f.contact.id,
            name: f.contact.name,
            sphere: f.contact.sphere,
            tags: f.contact.tags,
            cadence_days: f.contact.cadence_days,
            status: ch.as_ref().map(|c| c.status),
            due: ch.as_ref().map(|c| c.due),
            days_overdue: ch.as_ref().map(|c| c.days_overdue),
            last_touch: f.last_touch,
            last_personal: f.last_personal,
            written_streak: f.written_streak,
            archived: f.contact.archived,
        })
        .collect();
    if ctx.json {
        return ctx.to_json(&rows);
    }
    if args.csv {
        return list_csv(&rows);
    }
    if rows.is_empty() {
        return Ok(
            "No contacts match. Add one with `draht add \"Anna Schmidt\" --every 3w`.\n".into(),
        );
    }
    let p = ctx.paint;
    let mut t = Table::default();
    t.row(
        [
            "NAME",
            "SPHERE",
            "EVERY",
            "LAST TOUCH",
            "PERSONAL",
            "DUE",
            "STATUS",
        ]
        .iter()
        .map(|h| (p.dim(h), h.to_string()))
        .collect(),
    );
    for r in &rows {
        let touch = |t: &Option<TouchRef>| {
            t.as_ref()
                .map(|t| render::touch_age(t, today))
                .unwrap_or_else(|| "—".into())
        };
        let status_plain = r
            .status
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| if r.archived { "archived" } else { "—" }.to_string());
        let status_styled = r
            .status
            .map(|s| p.status(s))
            .unwrap_or(status_plain.clone());
        t.row(vec![
            (clean(&r.name), clean(&r.name)),
            (r.sphere.as_str().into(), r.sphere.as_str().into()),
            plain(
                r.cadence_days
                    .map(render::cadence)
                    .unwrap_or_else(|| "—".into()),
            ),
            plain(touch(&r.last_touch)),
            plain(touch(&r.last_personal)),
            plain(
                r.due
                    .map(|d| render::day(d, today))
                    .unwrap_or_else(|| "—".into()),
            ),
            (status_styled, status_plain),
        ]);
    }
    Ok(t.render(""))
}

fn plain(text: String) -> (String, String) {
    (text.clone(), text)
}

fn list_csv(rows: &[ListEntry]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::Database(format!("cannot write CSV: {e}"));
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
    for r in rows {
        let touch = |t: &Option<TouchRef>| match t {
            Some(t) => (t.channel.as_str().to_string(), t.at.to_rfc3339()),
            None => (String::new(), String::new()),
        };
        let (lc, la) = touch(&r.last_touch);
        let (pc, pa) = touch(&r.last_personal);
        w.write_record([
            r.name.clone(),
            r.sphere.as_str().into(),
            r.tags.join(";"),
            r.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            lc,
            la,
            pc,
            pa,
            r.written_streak.to_string(),
            r.due.map(|d| d.to_string()).unwrap_or_default(),
            r.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Database(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn archive(ctx: &mut Ctx, query: &str, undo: bool) -> Result<String> {
    let now = ctx.now;
    let contact = ctx.store.write(|tx| {
        let id = contacts::find_id(tx, query, undo)?;
        let mut contact = contacts::get(tx, id)?;
        contact.archived = !undo;
        contacts::update(tx, &contact, now)?;
        Ok(contact)
    })?;
    if ctx.json {
        return ctx.to_json(&contact);
    }
    Ok(if undo {
        format!("{} is back on the agenda.\n", clean(&contact.name))
    } else {
        format!(
            "Archived {}: kept with their history, off the agenda (undo: draht archive --undo \"{}\").\n",
            clean(&contact.name),
            clean(&contact.name)
        )
    })
}

pub fn remove(ctx: &mut Ctx, query: &str, yes: bool) -> Result<String> {
    let contact = ctx.store.read(|tx| {
        let id = contacts::find_id(tx, query, true)?;
        contacts::get(tx, id)
    })?;
    if !yes {
        if !ctx.interactive {
            return Err(Error::input(format!(
                "deleting {} removes their whole history; add --yes to confirm (or `draht archive` to keep it)",
                clean(&contact.name)
            )));
        }
        eprint!(
            "Delete {} and their whole history for good? [y/N] ",
            clean(&contact.name)
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| Error::input(format!("no answer read: {e}")))?;
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "j" | "ja"
        ) {
            return Err(Error::input("not deleted"));
        }
    }
    ctx.store.write(|tx| contacts::delete(tx, contact.id))?;
    if ctx.json {
        return ctx.to_json(&serde_json::json!({ "removed": contact.name, "id": contact.id }));
    }
    Ok(format!("Deleted {}.\n", clean(&contact.name)))
}
