-- draht schema: capture from the phone's exports (issue 20). It refers only
-- to capture's tables (0007), so it comes anywhere after them.
--
-- A phone's exports overlap: this month's SMS backup holds most of last
-- month's, and a chat exported again holds its earlier lines. Each backup
-- is its own source, so the keys of the phone's kinds (`call:…`, `sms:…`,
-- `wa:…`, `tg:…`) are looked up across sources: "was this counted for this
-- contact by any source?" — a lookup by contact and key. The index by
-- contact that 0007 made (kept for deleting a contact's keys) becomes one
-- by contact and key: the same entries in another order, so it costs a
-- capture nothing more to write, and it answers both.

DROP INDEX capture_keys_contact;
CREATE INDEX capture_keys_contact_key ON capture_keys (contact_id, key);
