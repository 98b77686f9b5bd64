-- The facts the agenda needs per contact, derived from the touches and kept
-- current by the store in the same transaction as every write to a touch,
-- its participants or a contact (src/store/facts.rs), so that the agenda
-- reads one row per contact instead of walking the touch history.
-- Instants are INTEGER unix seconds (UTC), like touches.at.

CREATE TABLE contact_summary (
    contact_id            INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    -- newest `done` touch of any channel
    last_touch_at         INTEGER,
    last_touch_channel    TEXT,
    -- newest `done` touch at or above the contact's minimum channel
    last_personal_id      INTEGER,
    last_personal_at      INTEGER,
    last_personal_channel TEXT,
    -- newest `missed` touch after the last personal one
    last_missed_at        INTEGER,
    -- `done` sms/email/chat touches after the last personal one
    written_streak        INTEGER NOT NULL DEFAULT 0
);

-- Backfill from the existing history. "Newest" orders by (at, touch id).
INSERT INTO contact_summary (contact_id) SELECT id FROM contacts;

UPDATE contact_summary SET (last_touch_at, last_touch_channel) = (
    SELECT p.at, t.channel
    FROM touch_participants p JOIN touches t ON t.id = p.touch_id
    WHERE p.contact_id = contact_summary.contact_id AND t.outcome = 'done'
    ORDER BY p.at DESC, p.touch_id DESC LIMIT 1
);

UPDATE contact_summary SET (last_personal_id, last_personal_at, last_personal_channel) = (
    SELECT p.touch_id, p.at, t.channel
    FROM touch_participants p
    JOIN touches t ON t.id = p.touch_id
    JOIN contacts c ON c.id = p.contact_id
    WHERE p.contact_id = contact_summary.contact_id AND t.outcome = 'done'
      AND (CASE t.channel WHEN 'sms' THEN 1 WHEN 'email' THEN 1 WHEN 'chat' THEN 2
                          WHEN 'call' THEN 3 WHEN 'video' THEN 4 ELSE 5 END)
       >= (CASE coalesce(c.min_channel, 'call') WHEN 'sms' THEN 1 WHEN 'email' THEN 1
                          WHEN 'chat' THEN 2 WHEN 'call' THEN 3 WHEN 'video' THEN 4 ELSE 5 END)
    ORDER BY p.at DESC, p.touch_id DESC LIMIT 1
);

UPDATE contact_summary SET
    last_missed_at = (
        SELECT max(p.at)
        FROM touch_participants p JOIN touches t ON t.id = p.touch_id
        WHERE p.contact_id = contact_summary.contact_id AND t.outcome = 'missed'
          AND (contact_summary.last_personal_id IS NULL
               OR (p.at, p.touch_id) > (contact_summary.last_personal_at, contact_summary.last_personal_id))
    ),
    written_streak = (
        SELECT count(*)
        FROM touch_participants p JOIN touches t ON t.id = p.touch_id
        WHERE p.contact_id = contact_summary.contact_id AND t.outcome = 'done'
          AND t.channel IN ('sms', 'email', 'chat')
          AND (contact_summary.last_personal_id IS NULL
               OR (p.at, p.touch_id) > (contact_summary.last_personal_at, contact_summary.last_personal_id))
    );
