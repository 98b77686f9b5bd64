-- draht schema, level 1: contacts, touches with participants, hooks, follow-ups.
-- Instants are INTEGER unix seconds (UTC); calendar days are TEXT 'YYYY-MM-DD'.

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    -- folded name (lowercase, no diacritics) for case- and accent-insensitive uniqueness
    name_key      TEXT    NOT NULL,
    nickname      TEXT,
    sphere        TEXT    NOT NULL DEFAULT 'private' CHECK (sphere IN ('work', 'private')),
    company       TEXT,
    role          TEXT,
    birthday      TEXT,   -- 'YYYY-MM-DD' or '--MM-DD' (year unknown)
    notes         TEXT,
    cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
    min_channel   TEXT    CHECK (min_channel IS NULL OR min_channel IN ('sms', 'email', 'chat', 'call', 'video', 'meet')),
    snoozed_until TEXT,
    archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- a name is unique among active contacts
CREATE UNIQUE INDEX contacts_active_name ON contacts (name_key) WHERE archived = 0;

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT    NOT NULL CHECK (length(tag) > 0),
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_tag ON contact_tags (tag);

CREATE TABLE contact_emails (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    value      TEXT    NOT NULL,
    label      TEXT,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE contact_phones (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    value      TEXT    NOT NULL,
    label      TEXT,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE hooks (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('project', 'offer', 'common', 'hobby', 'personal')),
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX hooks_contact ON hooks (contact_id);

CREATE TABLE touches (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    channel    TEXT    NOT NULL CHECK (channel IN ('sms', 'email', 'chat', 'call', 'video', 'meet')),
    note       TEXT,
    outcome    TEXT    NOT NULL DEFAULT 'done' CHECK (outcome IN ('done', 'missed')),
    rating     INTEGER CHECK (rating IS NULL OR rating IN (-1, 0, 1)),
    hook_id    INTEGER REFERENCES hooks (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);

-- one touch, several contacts; `at` is copied here so a contact's history is one index range
CREATE TABLE touch_participants (
    touch_id   INTEGER NOT NULL REFERENCES touches (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    PRIMARY KEY (touch_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX touch_participants_contact_at ON touch_participants (contact_id, at);

CREATE TABLE followups (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    due        TEXT    NOT NULL,
    note       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    done_at    INTEGER
);
CREATE INDEX followups_open ON followups (contact_id, due) WHERE done_at IS NULL;
