-- Facets (section, column, issue, byline, tag) and the month of publication now also stand in
-- "terms" as codes below every token's (lib/search/index-postgres.ts), so a filtered text search,
-- a date range included, is one GIN lookup rather than indexes the planner may not combine. The
-- index is emptied and every article marked changed, so the next ingest (npm start runs one)
-- writes every article back with them.
DELETE FROM "ArticleSearch";
UPDATE "Article" SET "hash" = 'reindex';
