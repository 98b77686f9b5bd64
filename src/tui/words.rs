//! Widths of columns that hold translated words: each is the widest of the
//! words it can show in the interface language, so a German "Treffen" or
//! "privat" fits whole where English "meet" and "priv." did.

use unicode_width::UnicodeWidthStr;

use crate::i18n;
use crate::model::{Channel, Sphere};
use crate::text;

/// The widest of `words`, at least `min`.
pub fn widest<'a>(min: usize, words: impl IntoIterator<Item = &'a str>) -> usize {
    words.into_iter().map(|w| w.width()).fold(min, usize::max)
}

/// Cells of the short sphere column ("work", "priv." — "Beruf", "privat").
pub fn sphere_width() -> usize {
    widest(0, [Sphere::Work, Sphere::Private].map(text::sphere_short))
}

/// Cells of a channel name column ("video" — "Treffen").
pub fn channel_width() -> usize {
    let lang = i18n::current();
    widest(0, Channel::ALL.map(|c| text::channel_name(lang, c)))
}
