ALTER TABLE "Post" ADD COLUMN "slug" TEXT;
CREATE INDEX CONCURRENTLY "Post_slug_idx" ON "Post"("slug");  -- expect: concurrently-in-transaction "prisma sends as one query of several statements"
