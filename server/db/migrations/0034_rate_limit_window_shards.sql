-- Every signed-out request about an account counts in the one global window, and each held its
-- row from the count to COMMIT: all sign-ins of all servers waited for each other there. A window
-- is now counted over shards; a request counts in one shard and the window's hits are the sum.
ALTER TABLE rate_limit_windows ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE rate_limit_windows DROP CONSTRAINT rate_limit_windows_pkey;
ALTER TABLE rate_limit_windows ADD PRIMARY KEY (key, window_start, shard);
ALTER TABLE rate_limit_windows ALTER COLUMN shard DROP DEFAULT;
