ALTER TABLE "Post" ADD COLUMN "slug" TEXT;  -- expect: lock-timeout "ALTER TABLE takes an ACCESS EXCLUSIVE lock on \"public.Post\""
CREATE INDEX CONCURRENTLY "Post_slug_idx" ON "Post"("slug");  -- expect: concurrently-in-transaction "prisma sends as one query of several statements"
