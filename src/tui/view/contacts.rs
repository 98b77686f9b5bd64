//! The Contacts tab: a table of every active contact, sorted and filtered by
//! `ContactList`. Only the rows in view are turned into table rows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Row, Table};

use unicode_width::UnicodeWidthStr;

use super::{fit, fit_words};
use crate::i18n;
use crate::text;
use crate::tui::app::{App, Hit, Mode};
use crate::tui::{theme, words};
use crate::{t, tr};

pub fn draw(frame: &mut Frame, app: &mut App, area: Rect) {
    let list = &app.contacts;
    let filtering = matches!(app.mode, Mode::Filter);
    let query = app.filter.value();
    let mut title = format!(
        " {} ",
        t!(
            "tui-contacts-title",
            count = list.view.len(),
            sort = list.sort.label()
        )
    );
    if !query.is_empty() && !filtering {
        title.push_str(&format!("· /{} ", crate::text::clean(query)));
    }
    let block = Block::bordered()
        .border_type(BorderType::Plain)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (table_area, filter_area) = if filtering {
        let [t, f] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        (t, Some(f))
    } else {
        (inner, None)
    };
    let height = table_area.height.saturating_sub(1) as usize;
    app.page = height;
    app.contacts.state.scroll_into_view(height);
    let list = &app.contacts;
    let rows = &app.data.contacts;
    let offset = list.state.offset;
    let widths = Columns::of(
        table_area.width as usize,
        Needs {
            name: app.data.contacts_name_width,
            touch: app.data.contacts_touch_width,
            jourfixe: app.data.contacts_jourfixe_width,
            status: app.data.contacts_status_width,
        },
    );
    let lang = i18n::current();
    let mut table_rows = Vec::with_capacity(height);
    for (pos, &i) in list.view.iter().enumerate().skip(offset).take(height) {
        let r = &rows[i];
        let status = match r.status {
            Some(s) => Span::styled(text::status_name(lang, s), theme::status(s)),
            None => Span::styled("—", theme::dim()),
        };
        let mut row = Row::new(vec![
            Line::from(fit(&r.name, widths.name)),
            Line::from(Span::styled(r.sphere, theme::dim())),
            Line::from(Span::styled(fit_words(&r.tags, widths.tags), theme::dim())),
            Line::from(fit(&r.last_touch, widths.touch)),
            Line::from(Span::styled(
                jourfixe_cell(&r.next_jourfixe, widths.jourfixe),
                theme::accent(),
            )),
            Line::from(status),
        ]);
        if pos == list.state.selected {
            row = row.style(theme::selected());
        }
        table_rows.push(row);
        let y = table_area.y + 1 + (pos - offset) as u16;
        app.hits.push((
            Rect::new(table_area.x, y, table_area.width, 1),
            Hit::Row(pos),
        ));
    }
    let header = Row::new(HEADER.map(|id| tr!(id))).style(theme::dim().patch(theme::bold()));
    let table = Table::new(table_rows, widths.constraints())
        .header(header)
        .column_spacing(1);
    frame.render_widget(table, table_area);
    if app.contacts.view.is_empty() {
        let text = if query.is_empty() {
            tr!("tui-contacts-none")
        } else {
            tr!("tui-contacts-no-match")
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme::dim())),
            Rect::new(
                table_area.x + 1,
                table_area.y + 1,
                table_area.width.saturating_sub(1),
                1,
            ),
        );
    }
    if let Some(f) = filter_area {
        let value = crate::text::clean(query);
        let line = Line::from(vec![
            Span::styled("/", theme::accent().patch(theme::bold())),
            Span::raw(value),
        ]);
        frame.render_widget(Paragraph::new(line), f);
        let cursor = app.filter.visual_cursor() as u16;
        frame.set_cursor_position((f.x + 1 + cursor.min(f.width.saturating_sub(2)), f.y));
    }
}

/// "Sun 6 Dec 18:00 · every Sunday at 18:00", or its date and time alone
/// when the rule does not fit beside them.
fn jourfixe_cell(text: &str, width: usize) -> String {
    match text.width() <= width {
        true => text.to_string(),
        false => fit(text.split(" · ").next().unwrap_or(text), width),
    }
}

/// The widths of the table's columns in `width` cells. Names and the last
/// touch get what they need (measured when the data loads); the status
/// and sphere a fixed few; tags and the next Jour fixe share the rest,
/// the Jour fixe first up to its date and time ("Sun 6 Dec 18:00"), so no
/// column cuts another mid-word (a cut cell ends in "…").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Columns {
    name: usize,
    sphere: usize,
    tags: usize,
    touch: usize,
    jourfixe: usize,
    status: usize,
}

/// The column headings' message ids.
const HEADER: [&str; 6] = [
    "tui-contacts-name",
    "tui-contacts-sphere",
    "tui-contacts-tags",
    "tui-contacts-last-touch",
    "tui-contacts-jourfixe",
    "tui-contacts-status",
];

/// The sphere column: its heading or its widest word ("SPHERE" — "BEREICH").
fn sphere_w() -> usize {
    words::sphere_width().max(tr!(HEADER[1]).width())
}

/// The status column: its heading or the widest status word in it
/// ("overdue" — "überfällig"; "heute fällig" only when someone is due).
fn status_w(widest: usize) -> usize {
    tr!(HEADER[5]).width().max(widest)
}

/// The widths the Contacts table's rows need, measured when they load.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Needs {
    name: usize,
    touch: usize,
    /// The widest date and time of a next Jour fixe: "Sun 13 Dec 18:00" —
    /// "So., 6. Dez. 18:00".
    jourfixe: usize,
    status: usize,
}

impl Columns {
    fn of(width: usize, needs: Needs) -> Columns {
        let spacing = 5;
        let Needs { name, touch, .. } = needs;
        let (sphere, status) = (sphere_w(), status_w(needs.status));
        let rest = width.saturating_sub(name + sphere + touch + status + spacing);
        let jourfixe = rest
            .min(needs.jourfixe)
            .max(rest.saturating_sub(rest / 3).min(rest * 3 / 5));
        let tags = rest - jourfixe;
        Columns {
            name,
            sphere,
            tags,
            touch,
            jourfixe,
            status,
        }
    }

    fn constraints(self) -> [Constraint; 6] {
        [
            Constraint::Length(self.name as u16),
            Constraint::Length(self.sphere as u16),
            Constraint::Length(self.tags as u16),
            Constraint::Length(self.touch as u16),
            Constraint::Length(self.jourfixe as u16),
            Constraint::Length(self.status as u16),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_cell_ends_after_a_whole_word() {
        assert_eq!(fit_words("friend, sailing, family", 16), "friend, sailing…");
        assert_eq!(fit_words("friend, sailing", 16), "friend, sailing");
        assert_eq!(
            jourfixe_cell("Sun 6 Dec 18:00 · every Sunday at 18:00", 20),
            "Sun 6 Dec 18:00"
        );
    }

    #[test]
    fn tags_and_the_jour_fixe_share_what_is_left() {
        // 80 columns less the borders
        let needs = Needs {
            name: 14,
            touch: 12,
            jourfixe: "Sun 13 Dec 18:00".len(),
            status: "overdue".len(),
        };
        let c = Columns::of(78, needs);
        assert_eq!(
            c.name + c.sphere + c.tags + c.touch + c.jourfixe + c.status + 5,
            78
        );
        assert!(c.jourfixe >= needs.jourfixe, "{c:?}");
        assert!(c.tags >= 8, "{c:?}");
        let wide = Columns::of(160, needs);
        assert!(wide.jourfixe > 40 && wide.tags > 20, "{wide:?}");
    }
}
