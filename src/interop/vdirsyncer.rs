//! The vdirsyncer config of `draht sync --setup`: one pair per synced
//! folder (the contacts vdir with the server's address book, the calendar
//! vdir with its calendar), each folder given to vdirsyncer as a
//! collection of its parent folder. PURE: the folders, the server URL and
//! the status path in, the config's text out. Its comments are English,
//! as vdirsyncer's own documentation is.

use std::path::Path;

/// What the config is made of. Folders are absolute paths.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup<'a> {
    /// The server: `https://dav.example.com/` (vdirsyncer finds the
    /// collections from there).
    pub url: &'a str,
    pub contacts: Option<&'a Path>,
    pub calendar: Option<&'a Path>,
    /// vdirsyncer's `status_path`.
    pub status: &'a str,
}

/// A folder as vdirsyncer's filesystem storage takes it: the parent
/// (`path`, with a trailing `/`) and the folder's name (the collection).
/// `None` for a folder without both (`/`) or with a name that is not
/// UTF-8.
pub fn split(folder: &Path) -> Option<(String, String)> {
    let name = folder.file_name()?.to_str()?.to_string();
    let parent = folder.parent()?.to_str()?;
    if parent.is_empty() || name.is_empty() {
        return None;
    }
    let parent = parent.trim_end_matches('/');
    Some((format!("{parent}/"), name))
}

/// Whether `url` is one vdirsyncer can use as a server: `http(s)://`
/// and a host, no spaces.
pub fn is_server_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// The config's text; `None` when a folder cannot be split (see [`split`]).
pub fn config(setup: &Setup) -> Option<String> {
    let mut out = String::from(
        "# vdirsyncer config for draht, written by `draht sync --setup`.\n\
         # Each pair moves one of draht's folders to and from the server.\n\
         # Fill in your login below (each storage marked \"remote\"), then:\n\
         #   vdirsyncer discover     once: finds the collections, makes missing ones\n\
         #   draht sync --run        vdirsyncer sync, one draht pass, vdirsyncer sync\n\
         \n\
         [general]\n",
    );
    out.push_str(&format!("status_path = {}\n", quote(setup.status)));
    if let Some(folder) = setup.contacts {
        out.push_str(&pair(
            &Pair {
                name: "draht_contacts",
                what: "draht's contacts (one .vcf per contact)",
                remote_what: "address book",
                remote_name: "draht-contacts",
                fileext: ".vcf",
                kind: "carddav",
            },
            folder,
            setup.url,
        )?);
    }
    if let Some(folder) = setup.calendar {
        out.push_str(&pair(
            &Pair {
                name: "draht_calendar",
                what: "draht's calendar (Jour fixe, follow-ups and touches as .ics)",
                remote_what: "calendar",
                remote_name: "draht-calendar",
                fileext: ".ics",
                kind: "caldav",
            },
            folder,
            setup.url,
        )?);
    }
    Some(out)
}

struct Pair<'a> {
    name: &'a str,
    what: &'a str,
    remote_what: &'a str,
    remote_name: &'a str,
    fileext: &'a str,
    kind: &'a str,
}

fn pair(p: &Pair, folder: &Path, url: &str) -> Option<String> {
    let (parent, collection) = split(folder)?;
    let (name, local, remote) = (
        p.name,
        format!("{}_local", p.name),
        format!("{}_remote", p.name),
    );
    let collections =
        serde_json::to_string(&[[&collection, &collection, &p.remote_name.to_string()]])
            .unwrap_or_default();
    Some(format!(
        "\n# {what}: the folder {folder} <-> the server's {remote_what}\n\
         [pair {name}]\n\
         a = {a}\n\
         b = {b}\n\
         # [status name, the folder (a collection of `path` below), the server's {remote_what}]:\n\
         # to share one you already have (your phone's), put its name last\n\
         # (vdirsyncer discover lists the server's collections)\n\
         collections = {collections}\n\
         # an item changed on both sides between two vdirsyncer runs: the\n\
         # folder's copy wins (draht has merged the server's copy into it)\n\
         conflict_resolution = \"a wins\"\n\
         # a collection missing on either side is made, without asking\n\
         implicit = \"create\"\n\
         \n\
         [storage {local}]\n\
         type = \"filesystem\"\n\
         path = {parent}\n\
         fileext = \"{fileext}\"\n\
         \n\
         [storage {remote}]\n\
         type = \"{kind}\"\n\
         url = {url}\n\
         # your login on the server: uncomment both lines and fill them in;\n\
         # let a command give the password rather than writing it here, e.g.\n\
         # pass(1): [\"command\", \"pass\", \"show\", \"dav\"], or ask each time:\n\
         # [\"prompt\", \"Password for the server\"]\n\
         # username = \"you@example.com\"\n\
         # password.fetch = [\"command\", \"pass\", \"show\", \"dav\"]\n",
        what = p.what,
        folder = folder.display(),
        remote_what = p.remote_what,
        a = quote(&local),
        b = quote(&remote),
        parent = quote(&parent),
        fileext = p.fileext,
        kind = p.kind,
        url = quote(url),
    ))
}

/// A JSON string, as vdirsyncer reads its values.
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_folder_is_a_collection_of_its_parent() {
        assert_eq!(
            split(Path::new("/home/a/.contacts/draht")),
            Some(("/home/a/.contacts/".into(), "draht".into()))
        );
        assert_eq!(split(Path::new("/")), None);
        assert_eq!(
            split(Path::new("/draht")),
            Some(("/".into(), "draht".into()))
        );
    }

    #[test]
    fn server_urls_are_http_with_a_host() {
        assert!(is_server_url("https://dav.example.com/"));
        assert!(is_server_url("http://127.0.0.1:5232"));
        for bad in [
            "dav.example.com",
            "https://",
            "ftp://x",
            "https://a b",
            "https:///x",
        ] {
            assert!(!is_server_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_config_has_a_pair_per_folder_and_quotes_paths() {
        let text = config(&Setup {
            url: "https://dav.example.com/",
            contacts: Some(Path::new("/home/a/.contacts/dr\"aht")),
            calendar: None,
            status: "~/.local/share/vdirsyncer/status/",
        })
        .unwrap();
        assert!(text.contains("[pair draht_contacts]"), "{text}");
        assert!(!text.contains("draht_calendar"), "{text}");
        assert!(text.contains("path = \"/home/a/.contacts/\""), "{text}");
        assert!(
            text.contains(r#"collections = [["dr\"aht","dr\"aht","draht-contacts"]]"#),
            "{text}"
        );
        assert!(text.contains("type = \"carddav\"\nurl = \"https://dav.example.com/\""));
        assert!(text.contains("# password.fetch = ["), "{text}");
    }
}
