-- Migration: 005_users_sample_data.sql
-- Description: Sample users for local development and demos (dev only)
-- Date: 2025-02-10

-- ============================================
-- SAMPLE DATA
-- ============================================
INSERT INTO "user" (id, email, name, role, "emailVerified")
VALUES
  ('usr_demo_admin', 'admin@aurora.test', 'Ada Admin', 'admin', TRUE),
  ('usr_demo_editor', 'editor@aurora.test', 'Eddie Editor', 'editor', TRUE),
  ('usr_demo_reader', 'reader@aurora.test', 'Rita Reader', 'member', FALSE)
ON CONFLICT (id) DO NOTHING;

INSERT INTO "users_metas" ("userId", "metaKey", "metaValue", "isPublic")
VALUES
  ('usr_demo_editor', 'bio', '{"text": "Writes the release notes."}'::jsonb, TRUE),
  ('usr_demo_reader', 'preferences', '{"digest": "weekly"}'::jsonb, FALSE)
ON CONFLICT ("userId", "metaKey") DO NOTHING;
