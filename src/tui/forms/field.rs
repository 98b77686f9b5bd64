//! One field of a form: single-line text (via `tui-input`) or a choice
//! among a few words. A choice has a key per option — the first letter or
//! digit of its word that no earlier option took ("1 sms" → `1`, "done" →
//! `d`, "missed" → `m`) — so that it never needs Space or typed text.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use tui_input::Input;
use unicode_width::UnicodeWidthStr;

use crate::tui::theme;

/// A field's value.
#[derive(Clone, Debug)]
pub enum Value {
    Text(Input),
    Choice {
        options: Vec<String>,
        index: usize,
        /// The key of each option (parallel to `options`); `None` when
        /// every character of its word was taken.
        keys: Vec<Option<char>>,
    },
}

#[derive(Clone, Debug)]
pub struct Field {
    pub label: &'static str,
    pub value: Value,
    /// Shown under the field while it has the focus.
    pub hint: &'static str,
}

impl Field {
    pub fn text(label: &'static str, value: &str, hint: &'static str) -> Field {
        Field {
            label,
            value: Value::Text(Input::new(value.to_string())),
            hint,
        }
    }

    pub fn choice(
        label: &'static str,
        options: Vec<String>,
        index: usize,
        hint: &'static str,
    ) -> Field {
        let index = index.min(options.len().saturating_sub(1));
        let keys = choice_keys(&options);
        Field {
            label,
            value: Value::Choice {
                options,
                index,
                keys,
            },
            hint,
        }
    }

    /// Gives a choice the keys of `english`, its options' English words:
    /// the keys stay the same letters in every language ("d" done, "m"
    /// missed also beside "erledigt", "nicht erreicht").
    pub fn keys_of(mut self, english: &[String]) -> Field {
        if let Value::Choice { keys, .. } = &mut self.value {
            *keys = choice_keys(english);
        }
        self
    }

    /// The text typed, trimmed ("" for a choice).
    pub fn text_value(&self) -> &str {
        match &self.value {
            Value::Text(input) => input.value().trim(),
            Value::Choice { .. } => "",
        }
    }

    /// The chosen index (0 for a text field).
    pub fn choice_index(&self) -> usize {
        match &self.value {
            Value::Choice { index, .. } => *index,
            Value::Text(_) => 0,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.value, Value::Text(_))
    }

    /// Picks the option whose key is `c` (letters in either case); whether
    /// one was.
    pub fn pick(&mut self, c: char) -> bool {
        let Value::Choice { index, keys, .. } = &mut self.value else {
            return false;
        };
        let c = c.to_lowercase().next().unwrap_or(c);
        match keys.iter().position(|k| *k == Some(c)) {
            Some(i) => {
                *index = i;
                true
            }
            None => false,
        }
    }

    /// Moves a choice `by` options, round.
    pub fn turn(&mut self, by: isize) {
        if let Value::Choice { options, index, .. } = &mut self.value {
            let n = options.len() as isize;
            if n > 0 {
                *index = ((*index as isize + by).rem_euclid(n)) as usize;
            }
        }
    }

    /// The footer's words for a choice: each option's key and word, the
    /// word alone when it starts with its key and a space ("1 sms").
    pub fn key_hints(&self) -> Vec<(String, String)> {
        let Value::Choice { options, keys, .. } = &self.value else {
            return Vec::new();
        };
        options
            .iter()
            .zip(keys)
            .filter_map(|(option, key)| {
                let key = (*key)?;
                let word = match option.strip_prefix(key) {
                    Some(rest) if rest.starts_with(' ') => rest.trim_start(),
                    _ => option.as_str(),
                };
                Some((key.to_string(), crate::text::clean(word)))
            })
            .collect()
    }
}

/// The key of each option: the first letter, digit or sign of its word
/// (lower-cased) that no earlier option has.
pub fn choice_keys(options: &[String]) -> Vec<Option<char>> {
    let mut taken: Vec<char> = Vec::new();
    options
        .iter()
        .map(|option| {
            let key = option
                .chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '-'))
                .find(|c| !taken.contains(c));
            taken.extend(key);
            key
        })
        .collect()
}

/// All options in a row, the chosen one in brackets, each option's key
/// underlined while the field has the focus; when they do not fit in
/// `width`, only the chosen one between arrows.
pub fn choice_line(
    options: &[String],
    keys: &[Option<char>],
    index: usize,
    focused: bool,
    width: usize,
) -> Line<'static> {
    let style = if focused {
        theme::field_focus()
    } else {
        theme::chosen()
    };
    let all: usize = options.iter().map(|o| o.width() + 3).sum();
    if all > width {
        let chosen = options.get(index).map(String::as_str).unwrap_or("");
        let room = width.saturating_sub(10);
        return Line::from(vec![
            Span::styled("‹ ", theme::dim()),
            Span::styled(crate::tui::view::fit(chosen, room), style),
            Span::styled(format!(" › {}/{}", index + 1, options.len()), theme::dim()),
        ]);
    }
    let mut spans = Vec::new();
    for (i, option) in options.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let (open, close, base) = match i == index {
            true => ("[", "]", style),
            false => (" ", " ", theme::dim()),
        };
        spans.push(Span::styled(open, base));
        let key = keys.get(i).copied().flatten().filter(|_| focused);
        let at = key.and_then(|k| {
            option
                .char_indices()
                .find(|(_, c)| c.to_lowercase().eq([k]))
        });
        match at {
            Some((at, c)) => {
                let end = at + c.len_utf8();
                spans.push(Span::styled(option[..at].to_string(), base));
                spans.push(Span::styled(
                    option[at..end].to_string(),
                    base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                ));
                spans.push(Span::styled(option[end..].to_string(), base));
            }
            None => spans.push(Span::styled(option.clone(), base)),
        }
        spans.push(Span::styled(close, base));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_option_gets_the_first_free_letter_or_digit() {
        let keys = |list: &[&str]| choice_keys(&words(list));
        assert_eq!(
            keys(&["1 sms", "2 email", "3 chat", "4 call", "5 video", "6 meet"]),
            ['1', '2', '3', '4', '5', '6'].map(Some)
        );
        assert_eq!(keys(&["done", "missed"]), [Some('d'), Some('m')]);
        assert_eq!(
            keys(&["project", "offer", "common", "hobby", "personal"]),
            ['p', 'o', 'c', 'h', 'e'].map(Some)
        );
        assert_eq!(
            keys(&["none", "-1 meh", "0 fine", "+1 good"]),
            ['n', '-', '0', '+'].map(Some)
        );
        assert_eq!(keys(&["a", "a"]), [Some('a'), None]);
    }

    #[test]
    fn a_key_picks_and_space_does_not() {
        let mut f = Field::choice("outcome", words(&["done", "missed"]), 0, "");
        assert!(f.pick('M'));
        assert_eq!(f.choice_index(), 1);
        assert!(!f.pick(' '));
        assert!(!f.pick('x'));
        assert_eq!(f.choice_index(), 1);
        assert_eq!(
            f.key_hints(),
            [("d".into(), "done".into()), ("m".into(), "missed".into())]
        );
        let channel = Field::choice("channel", words(&["1 sms", "2 email"]), 0, "");
        assert_eq!(channel.key_hints()[1], ("2".into(), "email".into()));
    }
}
