-- Each account's SMS of the last 24 hours as one row, so a reservation counts and extends it in
-- the statement that spends the month's budget, exactly under concurrency (the upsert locks the
-- row), without a separate advisory lock first. Filled from the sends of the last 24 hours.
CREATE TABLE sms_account_windows (
  account_id uuid PRIMARY KEY,
  sent_at timestamptz[] NOT NULL
);
INSERT INTO sms_account_windows (account_id, sent_at)
SELECT account_id, array_agg(sent_at ORDER BY sent_at)
FROM sms_sends
WHERE account_id IS NOT NULL AND sent_at > now() - interval '24 hours'
GROUP BY account_id;
