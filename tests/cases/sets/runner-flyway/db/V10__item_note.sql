-- Version 10 runs after 2 (versions compare as numbers, part by part): item has code by now.
ALTER TABLE item ADD COLUMN note text;
UPDATE item SET note = code;
