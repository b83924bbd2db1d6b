-- The search key now runs newest first in ascending order (lib/search/search-key.ts):
--   key = (END - publication minute) * 2^22 + (2^22 - 1 - article id)
-- The index is emptied and every article marked changed, so the next ingest
-- (npm start runs one) writes every article back with its new key.
DELETE FROM "ArticleSearch";
UPDATE "Article" SET "hash" = 'reindex';
