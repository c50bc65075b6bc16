-- Accounts, sign-in state, sessions (SPEC §3)
CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  phone text,
  phone_verified_at timestamptz,
  email_verified_at timestamptz,
  language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
  password_hash text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'pending_activation', 'closed')),
  two_factor_enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Consecutive failures per sign-in subject: a keyed hash of the e-mail (known or not),
-- or of e-mail + trusted device, so unknown addresses lock exactly like real ones.
CREATE TABLE login_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);

CREATE TABLE login_flows (
  id_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  throttle_key text NOT NULL,
  client text NOT NULL CHECK (client IN ('web', 'app')),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  code_hash text,
  code_expires_at timestamptz,
  codes_sent integer NOT NULL DEFAULT 0,
  last_sent_at timestamptz,
  expires_at timestamptz NOT NULL,
  completed_at timestamptz,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL
);
CREATE INDEX login_flows_account_idx ON login_flows (account_id);

CREATE TABLE trusted_devices (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX trusted_devices_account_idx ON trusted_devices (account_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  client text NOT NULL CHECK (client IN ('web', 'app')),
  token_hash text NOT NULL UNIQUE,
  token_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  second_factor text NOT NULL,
  step_up_at timestamptz,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Fixed-window counters for per-IP and global rate limits, shared by every server process.
CREATE TABLE rate_limit_windows (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
