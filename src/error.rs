//! The one error type of the library. Each variant knows its exit code:
//! 2 for bad usage or input, 1 for everything else. Messages say what was
//! wrong and what to do next; only `main` prints them.

use std::path::PathBuf;

use crate::t;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user asked for something that cannot be done as asked.
    #[error("{0}")]
    Input(String),

    /// Several bad records of one input (an import's): what happened, one
    /// line per record, what to do. The only message of several lines.
    #[error("{}", .0.join("\n"))]
    Records(Vec<String>),

    /// A contact argument matched nobody.
    #[error("{}", t!("error-no-such-contact", query = .query.as_str()))]
    NoSuchContact { query: String },

    /// A contact argument matched nobody, but comes near these names.
    #[error("{}", t!("error-did-you-mean", query = .query.as_str(), names = either(.names)))]
    DidYouMean { query: String, names: Vec<String> },

    /// A contact argument names an archived contact where only active ones count.
    #[error("{}", t!("error-archived", name = .name.as_str(), query = .query.as_str()))]
    Archived { query: String, name: String },

    /// A contact argument matched several people equally well.
    #[error(
        "{}",
        t!(
            "error-ambiguous",
            query = .query.as_str(),
            count = .candidates.len(),
            names = .candidates.join(", ")
        )
    )]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },

    /// The database file cannot be used (not SQLite, from a newer draht, …).
    #[error("{0}")]
    Database(String),

    /// No database at `path`, where a command that only reads expected one.
    #[error("{}", t!("error-no-database", path = .path.display().to_string()))]
    NoDatabase { path: PathBuf },

    /// `path`, given as a database, is a folder, a pipe, … not a file.
    #[error(
        "{}",
        t!("error-not-a-file", path = .path.display().to_string(), kind = .kind.id())
    )]
    NotAFile { path: PathBuf, kind: FileKind },

    /// A file to import is not UTF-8: UTF-16 (`encoding` names which), or
    /// some other encoding (`None`, likely Windows' own). `converted` is
    /// where the suggested iconv line writes the UTF-8 copy.
    #[error(
        "{}",
        match .encoding {
            Some(encoding) => t!(
                "error-utf16",
                path = .path.display().to_string(),
                encoding = *encoding,
                converted = .converted.display().to_string()
            ),
            None => t!(
                "error-not-utf8",
                path = .path.display().to_string(),
                converted = .converted.display().to_string()
            ),
        }
    )]
    NotUtf8 {
        path: PathBuf,
        encoding: Option<&'static str>,
        converted: PathBuf,
    },

    /// A file draht would write is there already (it never overwrites one).
    #[error("{}", t!("error-exists", path = .path.display().to_string()))]
    Exists { path: PathBuf },

    /// A service of the desktop session is not there (no session bus, no
    /// notification service).
    #[error("{0}")]
    Desktop(String),

    #[error("{context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },

    #[error(
        "{}",
        t!(
            "error-io",
            path = path.display().to_string(),
            kind = io_kind(source),
            problem = source.to_string()
        )
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn input(message: impl Into<String>) -> Error {
        Error::Input(message.into())
    }

    /// The lines to print: one, except for [`Error::Records`].
    pub fn lines(&self) -> Vec<String> {
        match self {
            Error::Records(lines) => lines.clone(),
            other => vec![other.to_string()],
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Input(_)
            | Error::Records(_)
            | Error::NoSuchContact { .. }
            | Error::DidYouMean { .. }
            | Error::Archived { .. }
            | Error::Ambiguous { .. }
            | Error::NoDatabase { .. }
            | Error::NotUtf8 { .. }
            | Error::Exists { .. } => 2,
            Error::Database(_)
            | Error::NotAFile { .. }
            | Error::Desktop(_)
            | Error::Sqlite { .. }
            | Error::Io { .. } => 1,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Error {
        let context = match &source {
            rusqlite::Error::SqliteFailure(e, _)
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    || e.code == rusqlite::ErrorCode::DatabaseLocked =>
            {
                t!("error-database-busy")
            }
            _ => t!("error-database"),
        };
        Error::Sqlite { context, source }
    }
}

/// What a path that should be a regular file is instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    Device,
    Other,
}

impl FileKind {
    /// The key the messages select on.
    pub fn id(self) -> &'static str {
        match self {
            FileKind::Directory => "directory",
            FileKind::Fifo => "fifo",
            FileKind::Socket => "socket",
            FileKind::Device => "device",
            FileKind::Other => "other",
        }
    }
}

/// "A", "A or B", "A, B or C".
pub fn either(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t!("list-or", init = init.join(", "), last = last.as_str()),
    }
}

/// The key the messages select an I/O error's words on: `missing`,
/// `denied`, `exists`, else `other` (then the system's own words show).
pub fn io_kind(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "missing",
        std::io::ErrorKind::PermissionDenied => "denied",
        std::io::ErrorKind::AlreadyExists => "exists",
        _ => "other",
    }
}

/// Adds a context line to I/O errors.
pub trait IoContext<T> {
    fn at_path(self, path: impl Into<PathBuf>) -> Result<T>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn at_path(self, path: impl Into<PathBuf>) -> Result<T> {
        self.map_err(|source| Error::Io {
            path: path.into(),
            source,
        })
    }
}
impl From<crate::parse::ParseError> for Error {
    fn from(e: crate::parse::ParseError) -> Error {
        Error::Input(e.to_string())
    }
}
