-- Contract information from the company's systems (SPEC §6)
CREATE TABLE contracts (
  installation_id uuid PRIMARY KEY REFERENCES installations(id) ON DELETE CASCADE,
  contract_number text NOT NULL UNIQUE,
  start_date date NOT NULL,
  binding_months integer NOT NULL,
  services jsonb NOT NULL,
  monthly_price_ore integer NOT NULL,
  termination_state text NOT NULL DEFAULT 'none' CHECK (termination_state IN ('none', 'requested', 'confirmed')),
  termination_requested_on date,
  termination_ends_on date,
  updated_at timestamptz NOT NULL
);

CREATE TABLE invoices (
  number text PRIMARY KEY,
  installation_id uuid NOT NULL REFERENCES contracts(installation_id) ON DELETE CASCADE,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  amount_ore integer NOT NULL,
  status text NOT NULL CHECK (status IN ('paid', 'unpaid', 'overdue'))
);
CREATE INDEX invoices_installation_idx ON invoices (installation_id, issued_on DESC);
