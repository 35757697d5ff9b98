-- Adds the trial flag.
ALTER TABLE plans ADD COLUMN trial boolean DEFAULT false;
