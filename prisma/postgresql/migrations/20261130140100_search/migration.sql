-- Full-text search on PostgreSQL (hand-written). The ingest writes the same
-- tokens as SQLite's FTS5 table (lib/search/tokenize.ts: character bigrams of
-- every run of letters and digits, and its last character) as tsvector
-- literals, so no text-search parser or dictionary is involved; headline
-- tokens carry weight A. "key" is the search key (lib/search/search-key.ts):
-- publication minute * 2^22 + article id, so newest first is its btree order.
CREATE TABLE "ArticleSearch" (
    "key" BIGINT NOT NULL PRIMARY KEY,
    "doc" TSVECTOR NOT NULL,
    "chars" TSVECTOR NOT NULL,
    "facets" TSVECTOR NOT NULL
);

CREATE INDEX "ArticleSearch_doc_idx" ON "ArticleSearch" USING GIN ("doc");
CREATE INDEX "ArticleSearch_chars_idx" ON "ArticleSearch" USING GIN ("chars");
CREATE INDEX "ArticleSearch_facets_idx" ON "ArticleSearch" USING GIN ("facets");
