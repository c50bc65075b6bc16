-- Transactional outbox, dev inbox and SMS accounting (SPEC §3.5, §10)
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  template text NOT NULL,
  language text NOT NULL,
  -- subject and body, encrypted: they can carry one-time codes and links
  sealed_content text NOT NULL,
  account_id uuid,
  idempotency_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  last_error text,
  provider_message_id text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE dev_messages (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX dev_messages_recipient_idx ON dev_messages (recipient, id DESC);

CREATE TABLE sms_sends (
  id bigserial PRIMARY KEY,
  account_id uuid,
  purpose text NOT NULL,
  cost_ore integer NOT NULL,
  sent_at timestamptz NOT NULL
);
CREATE INDEX sms_sends_account_idx ON sms_sends (account_id, sent_at);

CREATE TABLE sms_monthly_usage (
  month text PRIMARY KEY,
  sent integer NOT NULL
);
