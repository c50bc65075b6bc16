-- Real delivery: crash-safe attempts, SMS-to-e-mail fallback for codes, SMS accounting (SPEC §3.5, §10)
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'fell_back'));
-- set just before the provider is called, cleared when the outcome is known: a row claimed
-- again with it still set may already have been accepted, so the worker asks the provider first
ALTER TABLE outbox ADD COLUMN attempt_started_at timestamptz;
-- the e-mail that replaces a one-time-code SMS at once when the SMS fails (sealed like the content)
ALTER TABLE outbox ADD COLUMN sealed_fallback text;
ALTER TABLE outbox ADD COLUMN fallback_outbox_id bigint;
-- lets the module that queued a message hear about its fallback, e.g. "login:<flow>:<n>"
ALTER TABLE outbox ADD COLUMN reference text;
ALTER TABLE outbox ADD COLUMN installation_id uuid;

-- one row per SMS a provider accepted: what the budget report counts (SPEC §3.5, §7.5)
CREATE TABLE sms_deliveries (
  outbox_id bigint PRIMARY KEY,
  account_id uuid,
  installation_id uuid,
  template text NOT NULL,
  provider text NOT NULL,
  provider_message_id text,
  segments integer NOT NULL,
  -- in 1/10000 of `currency` (46elks' own unit); estimated from SMS_COST_ORE when the provider gives no price
  cost_ten_thousandths integer NOT NULL,
  currency text NOT NULL,
  cost_estimated boolean NOT NULL,
  sent_at timestamptz NOT NULL
);
CREATE INDEX sms_deliveries_sent_idx ON sms_deliveries (sent_at);
CREATE INDEX sms_deliveries_account_idx ON sms_deliveries (account_id, sent_at);

ALTER TABLE login_flows ADD COLUMN fallback_reason text;
