-- migralint:no-transaction
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh';
