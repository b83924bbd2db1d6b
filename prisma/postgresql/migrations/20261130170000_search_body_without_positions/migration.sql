-- The search index drops token positions for story bodies (lib/search/index-postgres.ts):
--   "terms" holds every distinct token of headline and body as a 32-bit integer, GIN-indexed;
--   it finds each phrase's candidates, and the text confirms them (lib/search/verify.ts).
--   "head" keeps positions for headlines, which are short: headline phrases stay exact.
-- The positional "doc" tsvector was most of the index, larger than the text it indexed,
-- and every phrase match re-read it from TOAST.
-- The index is emptied and every article marked changed, so the next ingest (npm start
-- runs one) writes every article back.
DELETE FROM "ArticleSearch";
DROP INDEX "ArticleSearch_doc_idx";
ALTER TABLE "ArticleSearch" DROP COLUMN "doc";
ALTER TABLE "ArticleSearch" ADD COLUMN "terms" INTEGER[] NOT NULL;
ALTER TABLE "ArticleSearch" ADD COLUMN "head" TSVECTOR NOT NULL;
-- Whether the story's text folds beyond ASCII case (lib/search/tokenize.ts): its phrases are
-- then checked on normalized text in the application rather than in SQL.
ALTER TABLE "ArticleSearch" ADD COLUMN "folds" BOOLEAN NOT NULL;
CREATE INDEX "ArticleSearch_terms_idx" ON "ArticleSearch" USING GIN ("terms");
CREATE INDEX "ArticleSearch_head_idx" ON "ArticleSearch" USING GIN ("head");
UPDATE "Article" SET "hash" = 'reindex';
