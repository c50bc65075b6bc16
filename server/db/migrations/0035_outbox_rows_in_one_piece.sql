-- A queued sign-in code carries its sealed e-mail fallback, about 2 kB of ciphertext, so its row
-- is just over the size (about 2 kB) from which PostgreSQL shrinks rows by compressing values and
-- moving them to the TOAST table: every sign-in also wrote TOAST rows and their index entries.
-- Ciphertext does not compress; rows are moved apart only when they pass what a page can hold.
ALTER TABLE outbox SET (toast_tuple_target = 8160);
