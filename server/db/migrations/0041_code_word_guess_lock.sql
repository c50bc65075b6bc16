-- Wrong guesses of the customer's code word per installation across all checks (issue 15 item 2):
-- past the limit within the window, checks stop until a new word is set or staff lift the lock.
ALTER TABLE code_words
  ADD COLUMN wrong_guesses integer NOT NULL DEFAULT 0,
  ADD COLUMN wrong_guesses_since timestamptz,
  ADD COLUMN guessing_locked_at timestamptz;
