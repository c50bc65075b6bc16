-- The account's security events ("recent activity") and audit trail
CREATE TABLE security_events (
  id bigserial PRIMARY KEY,
  account_id uuid,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  ip text,
  user_agent text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX security_events_account_idx ON security_events (account_id, at DESC);
