-- Types, functions and relations that PostgreSQL itself provides (src/model/builtins_pg15.inc,
-- read from a real server): none of them is an unknown object, although the set creates none.
CREATE TABLE IF NOT EXISTS documents (
  id bigint PRIMARY KEY,
  body text NOT NULL,
  language regconfig NOT NULL DEFAULT 'english',  -- expect: reg-type-column "has type regconfig"
  dictionary regdictionary,  -- expect: reg-type-column "has type regdictionary"
  search tsvector,
  saved_query tsquery,
  valid_during tstzrange,
  booked_days datemultirange,
  page_ranges int4multirange,
  amounts nummultirange,
  owner_role regrole,
  home_namespace regnamespace,  -- expect: reg-type-column "has type regnamespace"
  kind regtype,
  operator_used regoperator,  -- expect: reg-type-column "has type regoperator"
  wal_position pg_lsn,
  snapshot pg_snapshot,
  transaction_id xid8,
  location point,
  area box,
  network macaddr8,
  revision bit varying(16),
  payload jsonpath
);

CREATE OR REPLACE TRIGGER documents_search BEFORE INSERT OR UPDATE ON documents
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(search, 'pg_catalog.english', body);
CREATE OR REPLACE TRIGGER documents_unchanged BEFORE UPDATE ON documents
  FOR EACH ROW EXECUTE FUNCTION pg_catalog.suppress_redundant_updates_trigger();

UPDATE pg_settings SET setting = 'off' WHERE name = 'jit';
UPDATE information_schema.sql_features SET comments = 'checked' WHERE feature_id = 'none';
