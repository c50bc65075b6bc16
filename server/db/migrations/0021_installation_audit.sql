-- Who changed what on which installation (SPEC §4, §5); kept when accounts are closed
CREATE TABLE installation_audit (
  id bigserial PRIMARY KEY,
  installation_id uuid NOT NULL,
  actor_account_id uuid,
  action text NOT NULL,
  target_account_id uuid,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX installation_audit_installation_idx ON installation_audit (installation_id, at DESC);
