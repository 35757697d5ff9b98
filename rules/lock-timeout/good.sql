-- A table this file creates has no readers yet.
CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint, total_cents bigint);
ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Weaker locks (SHARE UPDATE EXCLUSIVE, SHARE): reads go on.
ALTER TABLE users SET (fillfactor = 90);
ALTER TABLE users VALIDATE CONSTRAINT users_email_check;
CREATE INDEX users_email_idx ON users (email);
COMMENT ON TABLE users IS 'people who sign in';

-- With a lock_timeout (SET LOCAL: for the rest of the transaction the runner gives this file),
-- a statement that cannot get its lock fails after 2 seconds instead of queueing everyone.
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE invoices ADD FOREIGN KEY (user_id) REFERENCES users (id);
DROP TABLE legacy_sessions;
