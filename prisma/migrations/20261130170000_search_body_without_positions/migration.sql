-- The search index splits in two (lib/search/index-sqlite.ts):
--   "ArticleSearch" holds every token of headline and body, and the facets, without
--   positions (detail=none): it finds each phrase's candidates, and the text confirms
--   them (lib/search/verify.ts). Positions were most of the index, which was larger
--   than the text it indexed.
--   "ArticleSearchHeadline" keeps positions for headlines, which are short: headline
--   phrases and one-character searches stay exact in the index.
-- Both are emptied and every article marked changed, so the next ingest (npm start
-- runs one) writes every article into them.
DROP TABLE "ArticleSearch";

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    terms,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '',
    contentless_delete = 1,
    detail = none
);

CREATE VIRTUAL TABLE "ArticleSearchHeadline" USING fts5(
    title,
    title_chars,
    facets,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '',
    contentless_delete = 1
);

UPDATE "Article" SET "hash" = 'reindex';
