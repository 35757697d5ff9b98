-- Version 10 runs after 2 (versions compare as numbers, part by part): item has code by now.
ALTER TABLE item ADD COLUMN note text;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.item\""
UPDATE item SET note = code;
