-- draht schema: reminders (issue 18).
-- A Jour fixe's own reminder lead, and what `draht notify` already sent.

-- A row overrides the config's `remind_before` for one Jour fixe: `minutes`
-- before it starts, or NULL for no reminder (`--no-remind`). No row: the
-- configured default.
CREATE TABLE jourfixe_reminders (
    jourfixe_id INTEGER PRIMARY KEY REFERENCES jourfixes (id) ON DELETE CASCADE,
    minutes     INTEGER CHECK (minutes IS NULL OR (minutes > 0 AND minutes <= 1440))
);

-- Every reminder `draht notify` sent, written in the same transaction that
-- decided it was due, so that no run sends it again. `subject` is the Jour
-- fixe or follow-up id (0 for the morning summary), `day` the occurrence's
-- date, the follow-up's date or the summary's day. Old rows are pruned.
CREATE TABLE reminders_sent (
    kind    TEXT    NOT NULL CHECK (kind IN ('jourfixe', 'followup', 'morning')),
    subject INTEGER NOT NULL,
    day     TEXT    NOT NULL,   -- 'YYYY-MM-DD'
    sent_at INTEGER NOT NULL,   -- unix seconds
    PRIMARY KEY (kind, subject, day)
) WITHOUT ROWID;
