-- Passkeys (WebAuthn) as a second factor (SPEC §3.15)
CREATE TABLE passkeys (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- base64url credential id and COSE public key, as the authenticator gave them
  credential_id text NOT NULL UNIQUE,
  public_key text NOT NULL,
  counter bigint NOT NULL,
  transports jsonb NOT NULL DEFAULT '[]'::jsonb,
  label text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX passkeys_account_idx ON passkeys (account_id);

-- One WebAuthn challenge per ceremony (an enrolment of a session, a sign-in flow), used once.
CREATE TABLE webauthn_challenges (
  key text PRIMARY KEY,
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL
);

ALTER TABLE accounts DROP CONSTRAINT accounts_preferred_second_factor_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_preferred_second_factor_check CHECK (preferred_second_factor IN ('sms', 'totp', 'passkey'));
ALTER TABLE login_flows DROP CONSTRAINT login_flows_channel_check;
ALTER TABLE login_flows ADD CONSTRAINT login_flows_channel_check CHECK (channel IN ('sms', 'email', 'totp', 'passkey'));
