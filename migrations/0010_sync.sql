-- draht schema: two-way sync with vdir folders (issue 22).
--
-- `draht sync` keeps the database and two folders alike: a contacts vdir
-- (one .vcf per contact) and a calendar vdir (one .ics per Jour fixe,
-- follow-up and touch). This step adds what a pass needs to tell which
-- side changed what since the last one, without reading what did not
-- change. See src/store/sync.rs, src/app/sync.rs and src/app/sync_cal.rs.
--
-- It comes after 0008, which rebuilds `touches` (a rebuild would drop the
-- triggers below).

-- The folders the state belongs to. A pass against another folder starts
-- afresh (its state is forgotten). No row: sync was never run, and the
-- triggers below record nothing.
CREATE TABLE sync_folders (
    folder    TEXT    PRIMARY KEY CHECK (folder IN ('contacts', 'calendar')),
    path      TEXT    NOT NULL,
    synced_at INTEGER NOT NULL   -- unix seconds of the last pass
) WITHOUT ROWID;

-- One row per file of a folder as the last pass left it: which record it
-- is, the file's stat and content hash (a pass reads a file only when its
-- stat changed), and a digest of its fields (a short hash per field, which
-- tells a merge which side changed which field).
CREATE TABLE sync_items (
    folder    TEXT    NOT NULL CHECK (folder IN ('contacts', 'calendar')),
    href      TEXT    NOT NULL,   -- the file's name in the folder
    uid       TEXT    NOT NULL,   -- the item's UID ('' for a file that cannot be read)
    kind      TEXT    NOT NULL CHECK (kind IN ('contact', 'touch', 'jourfixe', 'followup', 'other', 'broken')),
    record_id INTEGER,            -- its record here; NULL for 'other' and 'broken'
    mtime_ns  INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    inode     INTEGER NOT NULL,
    seen_ns   INTEGER NOT NULL,   -- when the stat was taken (a file changed within
                                  -- the file system's time step after it is read again)
    hash      BLOB    NOT NULL,   -- the first 16 bytes of the SHA-256 of the file
    digest    TEXT    NOT NULL,   -- per-field hashes as last synced
    PRIMARY KEY (folder, href)
) WITHOUT ROWID;
CREATE UNIQUE INDEX sync_items_record ON sync_items (kind, record_id) WHERE record_id IS NOT NULL;
CREATE INDEX sync_items_uid ON sync_items (folder, uid);

-- Records changed since the last pass, with when (unix milliseconds, the
-- machine's real clock, as file times are: "the newer wins" compares the
-- two). Written by the triggers below once sync has run, so that a pass
-- reads only these records; the pass empties it.
CREATE TABLE sync_dirty (
    kind      TEXT    NOT NULL CHECK (kind IN ('contact', 'touch', 'jourfixe', 'followup')),
    record_id INTEGER NOT NULL,
    at_ms     INTEGER NOT NULL,
    PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;

-- A contact is its row, its lists, its card and its hooks (hooks travel on
-- the card as X-DRAHT-HOOK).
CREATE TRIGGER sync_contact_insert AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_contact_update AFTER UPDATE ON contacts
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_contact_delete AFTER DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_tag_insert AFTER INSERT ON contact_tags
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_tag_delete AFTER DELETE ON contact_tags
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_email_insert AFTER INSERT ON contact_emails
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_email_delete AFTER DELETE ON contact_emails
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_phone_insert AFTER INSERT ON contact_phones
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_phone_delete AFTER DELETE ON contact_phones
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_card_insert AFTER INSERT ON contact_cards
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_card_update AFTER UPDATE ON contact_cards
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_card_delete AFTER DELETE ON contact_cards
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_hook_insert AFTER INSERT ON hooks
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_hook_update AFTER UPDATE ON hooks
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', NEW.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
    INSERT OR REPLACE INTO sync_dirty SELECT 'contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER)
        WHERE OLD.contact_id != NEW.contact_id;
END;
CREATE TRIGGER sync_hook_delete AFTER DELETE ON hooks
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('contact', OLD.contact_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

-- A touch is its row and its participants.
CREATE TRIGGER sync_touch_insert AFTER INSERT ON touches
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('touch', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_touch_update AFTER UPDATE ON touches
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('touch', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_touch_delete AFTER DELETE ON touches
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('touch', OLD.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_participant_insert AFTER INSERT ON touch_participants
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('touch', NEW.touch_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_participant_delete AFTER DELETE ON touch_participants
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('touch', OLD.touch_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TRIGGER sync_followup_insert AFTER INSERT ON followups
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('followup', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_followup_update AFTER UPDATE ON followups
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('followup', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_followup_delete AFTER DELETE ON followups
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('followup', OLD.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

-- A Jour fixe is its row and its skipped dates.
CREATE TRIGGER sync_jourfixe_insert AFTER INSERT ON jourfixes
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('jourfixe', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_jourfixe_update AFTER UPDATE ON jourfixes
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('jourfixe', NEW.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_jourfixe_delete AFTER DELETE ON jourfixes
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('jourfixe', OLD.id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_skip_insert AFTER INSERT ON jourfixe_skips
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('jourfixe', NEW.jourfixe_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
CREATE TRIGGER sync_skip_delete AFTER DELETE ON jourfixe_skips
WHEN EXISTS (SELECT 1 FROM sync_folders)
BEGIN
    INSERT OR REPLACE INTO sync_dirty VALUES ('jourfixe', OLD.jourfixe_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
