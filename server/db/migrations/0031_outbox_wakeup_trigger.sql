-- Every new outbox row wakes the workers when its transaction commits (LISTEN portvakt_outbox),
-- without a pg_notify round trip from the code that queued it.
CREATE FUNCTION outbox_wake_workers() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('portvakt_outbox', ''); RETURN NULL; END $$;
CREATE TRIGGER outbox_wake_workers AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake_workers();
