//! The `[me]` and `[[capture]]` keys of the config: whose addresses are
//! the user's, and the sources `draht capture` reads, each checked with
//! the line it is on.

use super::{CaptureConfig, CaptureSource, RawConfig, expand_home};
use crate::model::SourceKind;
use crate::t;

/// The capture keys of `raw`, checked.
pub(super) fn capture_config(
    raw: &RawConfig,
    line_of: &dyn Fn(&str) -> usize,
) -> std::result::Result<CaptureConfig, String> {
    let mut capture = CaptureConfig::default();
    if let Some(me) = &raw.me {
        for email in &me.emails {
            let email = email.trim();
            if !crate::capture::address::looks_like_email(email) {
                return Err(t!(
                    "error-config-me-email",
                    line = line_of("emails"),
                    value = format!("{email:?}")
                ));
            }
            capture.me.push(email.to_lowercase());
        }
        if let Some(code) = &me.region {
            capture.region = Some(crate::capture::phone::region(code).ok_or_else(|| {
                t!(
                    "error-config-me-region",
                    line = line_of("region"),
                    value = format!("{code:?}")
                )
            })?);
        }
    }
    if let Some(max) = raw.max_recipients {
        if max == 0 {
            return Err(t!(
                "error-config-max-recipients",
                line = line_of("max_recipients")
            ));
        }
        capture.max_recipients = max;
    }
    capture.gmail_aliases = raw.gmail_aliases.unwrap_or(false);
    for source in &raw.capture {
        let kind = match &source.kind {
            Some(name) => Some(SourceKind::from_name(name).ok_or_else(|| {
                t!(
                    "error-config-capture-kind",
                    line = line_of("kind"),
                    value = format!("{name:?}")
                )
            })?),
            None => None,
        };
        let date_order = match &source.date_order {
            Some(text) => Some(
                crate::capture::whatsapp::DateOrder::from_name(text).ok_or_else(|| {
                    t!(
                        "error-config-date-order",
                        line = line_of("date_order"),
                        value = format!("{text:?}")
                    )
                })?,
            ),
            None => None,
        };
        if source.path.trim().is_empty() {
            return Err(t!("error-config-capture-path", line = line_of("path")));
        }
        capture.sources.push(CaptureSource {
            kind,
            path: expand_home(source.path.trim()),
            name: source
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
            match_names: source.match_names,
            groups: source.groups,
            date_order,
            contact: source
                .contact
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from),
        });
    }
    Ok(capture)
}
