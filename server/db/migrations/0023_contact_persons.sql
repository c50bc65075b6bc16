-- Contact persons the alarm centre calls, in order (SPEC §5.2)
CREATE TABLE contact_persons (
  id uuid PRIMARY KEY,
  installation_id uuid NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  phones jsonb NOT NULL,
  relation text NOT NULL,
  key_holder boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX contact_persons_installation_idx ON contact_persons (installation_id, position);
