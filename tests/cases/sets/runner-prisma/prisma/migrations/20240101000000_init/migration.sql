-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,  -- expect: prefer-bigint, prefer-identity
    "title" TEXT NOT NULL,
    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
