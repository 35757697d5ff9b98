-- Adds the trial flag (defaults to false).  -- expect-file: modified-migration "cosmetic change"
ALTER   TABLE plans
  add COLUMN trial boolean DEFAULT false;
