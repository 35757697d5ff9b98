CREATE TABLE user_enabled_modules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL,
  module text NOT NULL,
  priority integer NOT NULL DEFAULT 0,
  enabled_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idx_user_enabled_modules_user_id ON user_enabled_modules (user_id);
CREATE INDEX idx_user_enabled_modules_enabled_at ON user_enabled_modules (enabled_at);
