DO $$
BEGIN
  VACUUM orders;  -- expect: concurrently-in-transaction "DO block"
END $$;
