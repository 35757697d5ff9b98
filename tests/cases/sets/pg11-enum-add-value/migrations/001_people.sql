DO $$
BEGIN
  CREATE TYPE mood AS ENUM ('happy', 'sad');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
