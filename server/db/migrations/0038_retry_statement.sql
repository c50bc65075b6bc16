-- A statement that finds it lost a race it cannot settle itself (the SMS shard it picked was
-- spent by a concurrent sign-in in the meantime) calls this: the error undoes everything the
-- statement did, and serialization_failure tells the caller to run it again.
CREATE FUNCTION retry_statement(reason text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'statement lost a race: %', reason USING ERRCODE = 'serialization_failure'; END $$;
