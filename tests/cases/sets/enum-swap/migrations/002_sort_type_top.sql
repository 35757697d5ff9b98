-- Enum values cannot be removed, so the type is swapped: the old one renamed out of the way, a
-- new one created under its name, the column moved over, the old one dropped. The rewrite of
-- posts is real; its message names both types.
ALTER TYPE sort_type RENAME TO sort_type__;  -- expect: non-idempotent-ddl "RENAME"
CREATE TYPE sort_type AS ENUM ('hot', 'new', 'top');  -- expect: non-idempotent-ddl "CREATE TYPE"
ALTER TABLE posts ALTER COLUMN sort DROP DEFAULT;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.posts\""
ALTER TABLE posts ALTER COLUMN sort TYPE sort_type USING sort::text::sort_type;  -- expect: unsafe-type-change "changing \"sort\" of \"public.posts\" from sort_type__ to sort_type with USING"
ALTER TABLE posts ALTER COLUMN sort SET DEFAULT 'hot';
DROP TYPE IF EXISTS sort_type__;
