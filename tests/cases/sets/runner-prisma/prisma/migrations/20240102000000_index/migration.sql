-- Prisma sends the file as one simple query: a statement alone runs outside any transaction.
CREATE INDEX CONCURRENTLY "Post_title_idx" ON "Post"("title");
