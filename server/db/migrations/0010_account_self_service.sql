-- Account self-service (SPEC §3.2, §3.9–3.15)

-- Single-use links sent by e-mail or SMS: activation, e-mail verification, password reset,
-- e-mail change confirmation and its undo. Only the SHA-256 of the token is stored.
CREATE TABLE account_links (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('activation', 'verify_email', 'password_reset', 'email_change', 'email_undo')),
  -- e.g. the new address of an e-mail change, the old one of its undo
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX account_links_account_idx ON account_links (account_id, purpose);

-- One-time codes bound to a signed-in session: step-up and confirming a new phone number.
CREATE TABLE session_challenges (
  session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('step_up', 'phone_change')),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  -- the new phone number of a phone change
  target text,
  code_hash text,
  code_expires_at timestamptz,
  codes_sent integer NOT NULL,
  last_sent_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, purpose)
);

-- Personal API tokens for home-automation tools (SPEC §3.13).
CREATE TABLE integration_tokens (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('read', 'read_write')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX integration_tokens_account_idx ON integration_tokens (account_id);

-- Authenticator apps (SPEC §3.15). The secret must be readable to check codes, so it is
-- encrypted with the key ring; last_counter refuses a code's replay.
CREATE TABLE totp_credentials (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  sealed_secret text NOT NULL,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  last_counter bigint,
  last_used_at timestamptz
);
CREATE INDEX totp_credentials_account_idx ON totp_credentials (account_id);

-- Which second factor a sign-in asks for first; SMS and e-mail codes always stay available.
ALTER TABLE accounts ADD COLUMN preferred_second_factor text NOT NULL DEFAULT 'sms' CHECK (preferred_second_factor IN ('sms', 'totp'));
ALTER TABLE accounts ADD COLUMN closed_at timestamptz;

-- A sign-in flow may now wait for an authenticator-app code instead of a sent one.
ALTER TABLE login_flows DROP CONSTRAINT login_flows_channel_check;
ALTER TABLE login_flows ADD CONSTRAINT login_flows_channel_check CHECK (channel IN ('sms', 'email', 'totp'));
