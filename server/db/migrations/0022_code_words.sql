-- Code words (SPEC §5.1): the customer's only as an argon2id hash, the company's encrypted
CREATE TABLE code_words (
  installation_id uuid PRIMARY KEY REFERENCES installations(id) ON DELETE CASCADE,
  customer_word_hash text,
  company_word_sealed text,
  company_word_key_id text,
  updated_at timestamptz NOT NULL,
  updated_by uuid
);

-- One call to the alarm centre: a bounded number of tries to say the customer's word.
CREATE TABLE code_word_checks (
  id uuid PRIMARY KEY,
  installation_id uuid NOT NULL REFERENCES installations(id) ON DELETE CASCADE,
  started_by uuid,
  attempts integer NOT NULL DEFAULT 0,
  matched_at timestamptz,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX code_word_checks_installation_idx ON code_word_checks (installation_id, created_at);
