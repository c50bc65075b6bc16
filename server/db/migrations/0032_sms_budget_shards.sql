-- The month's SMS budget is counted over 32 rows (shards) instead of one, so sign-ins that send
-- an SMS code no longer queue for a single row (server/modules/verification/sms-budget.rules.ts).
-- What a month has already used is spread over the shards the way the budget is split, so the
-- month's total stays the same.
CREATE TABLE sms_budget_shards (
  month text NOT NULL,
  shard integer NOT NULL CHECK (shard >= 0),
  sent integer NOT NULL,
  PRIMARY KEY (month, shard)
);
INSERT INTO sms_budget_shards (month, shard, sent)
SELECT month, shard, sent / 32 + CASE WHEN shard < sent % 32 THEN 1 ELSE 0 END
FROM sms_monthly_usage, generate_series(0, 31) AS shard;
DROP TABLE sms_monthly_usage;
