-- Full-text search (hand-written: Prisma has no full-text API for SQLite).
-- The ingest fills it with pre-tokenized text (lib/search/tokenize.ts): Han
-- bigrams and Latin/digit words separated by spaces, so unicode61 only has to
-- split on spaces. Contentless: the text lives once, in "Article".
-- rowid is the search key (lib/search/search-key.ts): newest first is row order.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    title,
    title_chars,
    body,
    facets,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '',
    contentless_delete = 1
);
