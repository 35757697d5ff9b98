CREATE TABLE IF NOT EXISTS documents (
  id bigserial PRIMARY KEY,
  title text NOT NULL,
  modified_at timestamptz NOT NULL DEFAULT now()  -- expect: updated-at-trigger "\"public.documents\" has column \"modified_at\""
);

-- Not a configured name: no finding.
CREATE TABLE IF NOT EXISTS folders (
  id bigserial PRIMARY KEY,
  updated_at timestamptz NOT NULL DEFAULT now()
);
