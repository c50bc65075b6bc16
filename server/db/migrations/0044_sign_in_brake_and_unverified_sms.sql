-- Issue 15 items 3 and 5. An address that signed in successfully passes the global sign-in
-- brake (ADR 51); SMS to numbers not yet verified spend a share of the month's budget of their
-- own, counted per month (ADR 52).
ALTER TABLE accounts ADD COLUMN last_signed_in_at timestamptz;

CREATE TABLE sms_unverified_months (
  month text PRIMARY KEY,
  sent integer NOT NULL
);
