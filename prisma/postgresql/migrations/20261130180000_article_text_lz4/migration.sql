-- A search confirms phrases against "Article"."text" (lib/search/backend-postgres.ts), reading it
-- for up to a thousand stories per search: lz4 decompresses several times faster than the default
-- pglz, and compresses the stories' Chinese text a little better. Texts written from now on use it;
-- the next full ingest (or a rewrite of the column) converts the others. A server built without
-- lz4 keeps pglz: search is then slower, not wrong.
DO $$
BEGIN
    ALTER TABLE "Article" ALTER COLUMN "text" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server; "Article"."text" keeps the default compression';
END
$$;
