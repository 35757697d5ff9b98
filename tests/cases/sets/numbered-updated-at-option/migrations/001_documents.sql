CREATE TABLE IF NOT EXISTS documents (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  title text NOT NULL,
  modified_at timestamptz NOT NULL DEFAULT now()  -- expect: updated-at-trigger "\"public.documents\" has column \"modified_at\""
);

-- Not a configured name: no finding.
CREATE TABLE IF NOT EXISTS folders (
  id bigserial PRIMARY KEY,  -- expect: prefer-identity
  updated_at timestamptz NOT NULL DEFAULT now()
);
