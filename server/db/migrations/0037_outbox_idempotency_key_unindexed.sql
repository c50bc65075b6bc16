-- The idempotency key is a random UUID made as the row is queued, never looked up: nothing reads
-- the outbox by it. Its unique index cost every queued message (each sign-in's code) an insert at
-- a random place in a growing B-tree.
ALTER TABLE outbox DROP CONSTRAINT outbox_idempotency_key_key;
