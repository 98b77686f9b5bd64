//! `draht sync --setup URL [--write]`: the vdirsyncer config for the
//! folders of `[sync]` and the server at URL, printed, or written where
//! vdirsyncer reads it (`$VDIRSYNCER_CONFIG`, else
//! `$XDG_CONFIG_HOME/vdirsyncer/config`).

use std::path::PathBuf;

use serde::Serialize;

use super::Ctx;
use crate::app::sync_setup::write_config;
use crate::error::{Error, Result};
use crate::interop::vdirsyncer::{Setup, config, is_server_url, split};
use crate::t;

#[derive(Serialize)]
struct JsonSetup {
    config: String,
    written: Option<PathBuf>,
}

pub fn setup(
    ctx: &mut Ctx,
    url: &str,
    contacts: Option<PathBuf>,
    calendar: Option<PathBuf>,
    write: bool,
) -> Result<String> {
    if contacts.is_none() && calendar.is_none() {
        return Err(Error::input(t!("error-sync-setup-no-folder")));
    }
    if !is_server_url(url) {
        return Err(Error::input(t!("error-sync-setup-url", url = url)));
    }
    let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    let (contacts, calendar) = (contacts.map(absolute), calendar.map(absolute));
    for folder in contacts.iter().chain(calendar.iter()) {
        if split(folder).is_none() {
            return Err(Error::input(t!(
                "error-sync-setup-folder",
                path = folder.display().to_string()
            )));
        }
    }
    let status = status_path();
    let text = config(&Setup {
        url,
        contacts: contacts.as_deref(),
        calendar: calendar.as_deref(),
        status: &status,
    })
    .ok_or_else(|| Error::input(t!("error-sync-setup-no-folder")))?;
    let written = if write {
        let path = config_path()?;
        write_config(&path, &text)?;
        Some(path)
    } else {
        None
    };
    if ctx.json {
        return ctx.to_json(&JsonSetup {
            config: text,
            written,
        });
    }
    Ok(match written {
        Some(path) => format!(
            "{}\n",
            t!("sync-setup-written", path = super::render::path(&path))
        ),
        None => text,
    })
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()))
}

/// An absolute folder from the environment variable `name`, if set.
fn xdg(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// Where vdirsyncer keeps what it knows of each pair:
/// `$XDG_DATA_HOME/vdirsyncer/status/`, else under `~/.local/share`.
fn status_path() -> String {
    match xdg("XDG_DATA_HOME") {
        Some(data) => format!("{}/", data.join("vdirsyncer").join("status").display()),
        None => "~/.local/share/vdirsyncer/status/".to_string(),
    }
}

/// The file vdirsyncer reads its config from, in its own order:
/// `$VDIRSYNCER_CONFIG`, `~/.vdirsyncer/config` when it is there, else
/// `$XDG_CONFIG_HOME/vdirsyncer/config` (`~/.config` by default).
fn config_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("VDIRSYNCER_CONFIG").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let home = home();
    if let Some(old) = home.as_ref().map(|h| h.join(".vdirsyncer").join("config"))
        && std::fs::symlink_metadata(&old).is_ok()
    {
        return Ok(old);
    }
    xdg("XDG_CONFIG_HOME")
        .or_else(|| home.map(|h| h.join(".config")))
        .map(|c| c.join("vdirsyncer").join("config"))
        .ok_or_else(|| Error::input(t!("error-sync-setup-no-home")))
}
