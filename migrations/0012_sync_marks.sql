-- draht schema: a pass of `draht sync` with nothing changed lists no
-- folder (issue 22).
--
-- Every vdir writer (vdirsyncer, khard, khal, draht itself) puts a file in
-- place by renaming a temporary one, as the vdir format asks, and a
-- rename changes the folder's own time. So when a folder's time is the
-- one the last full look at it found, and no record of its kinds changed
-- here, the folder is as that look left it, and the pass need not stat
-- its files (110,000 of them at 10,000 contacts and 100,000 touches).
-- An edit that writes a file in place (an editor told to) does not move
-- the folder's time: the mark is trusted for a day at most, and
-- `draht sync --full` looks at every file at once.

-- The folder's mtime (ns) taken before the last full look, when it was
-- settled (see `fsutil::settled_mtime`) and the look left nothing open
-- (no unreadable file, no item waiting for its contact); NULL otherwise.
ALTER TABLE sync_folders ADD COLUMN mark_ns INTEGER;
-- When that look was, in real unix seconds (not DRAHT_NOW).
ALTER TABLE sync_folders ADD COLUMN marked_at INTEGER;
