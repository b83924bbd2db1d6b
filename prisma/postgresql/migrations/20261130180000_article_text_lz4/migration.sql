-- A search confirms phrases against "Article"."text" (lib/search/backend-postgres.ts), reading it
-- for up to a thousand stories per search: lz4 decompresses several times faster than the default
-- pglz, and compresses the stories' Chinese text a little better. Texts written from now on use it;
-- the next full ingest (or a rewrite of the column) converts the others.
ALTER TABLE "Article" ALTER COLUMN "text" SET COMPRESSION lz4;
