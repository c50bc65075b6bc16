-- Installations, their members and invitations (SPEC §4)
CREATE TABLE installations (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  alias text NOT NULL,
  street text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Europe/Stockholm',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE installation_members (
  installation_id uuid NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  level text NOT NULL CHECK (level IN ('owner', 'administrator', 'user', 'restricted')),
  access_window jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (installation_id, account_id),
  CHECK (access_window IS NULL OR level = 'restricted')
);
CREATE INDEX installation_members_account_idx ON installation_members (account_id);
-- At most one system owner per installation; the service never removes the one there is.
CREATE UNIQUE INDEX installation_members_one_owner ON installation_members (installation_id) WHERE level = 'owner';

CREATE TABLE installation_invitations (
  id uuid PRIMARY KEY,
  installation_id uuid NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL,
  name text NOT NULL,
  phone text NOT NULL,
  level text NOT NULL CHECK (level IN ('administrator', 'user', 'restricted')),
  access_window jsonb,
  language text NOT NULL CHECK (language IN ('sv', 'en')),
  invited_by uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  accepted_by uuid,
  revoked_at timestamptz
);
-- One open invitation per address and installation: a second one is a re-send.
CREATE UNIQUE INDEX installation_invitations_open ON installation_invitations (installation_id, email) WHERE consumed_at IS NULL AND revoked_at IS NULL;
