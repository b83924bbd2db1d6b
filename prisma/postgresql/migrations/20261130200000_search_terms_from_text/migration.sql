-- The body's tokens are no longer stored: an integer array per story weighed almost as much as
-- the text itself. They are now computed from "Article"'s own columns by search_terms() and kept
-- only in a GIN expression index on "Article" (lib/search/index-postgres.ts), so a phrase's
-- candidates are checked against the text in the same row, with no join.
--
-- search_text_codes() is the SQL twin of lib/search/tokenize.ts for "plain" stories: every letter
-- or digit in [0-9a-z], U+3400–U+4DBF or U+4E00–U+9FFF, and no character that NFKC folds beyond
-- ASCII case. Each run of them gives its bigrams and its last character, a token's code being its
-- two UTF-16 units side by side, as tokenCode() computes it. The ingest writes the other codes
-- in "searchCodes": facets, month, markers, and, for stories that are not plain, every token's code
-- with marker 2, so this function never has to classify a character it does not know.
-- "searchKey" is the search key (lib/search/search-key.ts: END = 120968640 minutes, ids in 2^22);
-- both columns are NULL for a story that is not indexed (a draft), which leaves it out of both indexes.

-- The twin reads characters, which only a UTF8 database gives it (PostgreSQL's default, and every
-- managed service's): on another encoding it would compute other codes, so stop here instead.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'search needs a UTF8 database; this one is %', current_setting('server_encoding');
    END IF;
END
$$;

ALTER TABLE "Article"
    ADD COLUMN "searchCodes" INT4[],
    ADD COLUMN "searchKey" BIGINT GENERATED ALWAYS AS (
        CASE WHEN "searchCodes" IS NULL THEN NULL
        ELSE (120968640 - floor(extract(epoch FROM "publishedAt") / 60)::BIGINT) * 4194304 + (4194303 - "id") END
    ) STORED;

-- "text" stays out of line (TOAST): kept in the row, it would make rows several times wider, and
-- the index's postings, which count in row positions, a third larger.

-- COST: tokenizing a story takes about a millisecond. Priced so, the planner never evaluates the
-- expression as a filter row by row; it reads it from the index.
CREATE FUNCTION search_text_codes(t TEXT) RETURNS INT4[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 100000
SET search_path FROM CURRENT
AS $$
  SELECT coalesce(array_agg(DISTINCT (CASE WHEN v >= 2147483648 THEN v - 4294967296 ELSE v END)::int4), '{}')
  FROM regexp_matches(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[0-9a-z㐀-䶿一-鿿]+', 'g') AS run(m),
       generate_series(1, length(run.m[1])) AS i,
       LATERAL (SELECT (ascii(substr(run.m[1], i, 1))::int8 << 16) | ascii(substr(run.m[1], i + 1, 1))::int8 AS v) AS token
$$;

CREATE FUNCTION search_terms(title TEXT, subtitle TEXT, kicker TEXT, body TEXT, codes INT4[]) RETURNS INT4[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 100000
SET search_path FROM CURRENT
AS $$
  SELECT CASE
    WHEN codes IS NULL THEN NULL
    WHEN codes @> '{2}' THEN codes
    ELSE codes || search_text_codes(title || E'\n' || coalesce(subtitle, '') || E'\n' || coalesce(kicker, '') || E'\n' || body)
  END
$$;

CREATE INDEX "Article_searchTerms_idx" ON "Article" USING GIN (search_terms("title", "subtitle", "kicker", "text", "searchCodes")) WHERE "searchCodes" IS NOT NULL;
CREATE INDEX "Article_searchKey_idx" ON "Article" ("searchKey") WHERE "searchKey" IS NOT NULL;

-- One-character searches read "head" too: every letter or digit of a headline begins one of its
-- tokens (a pair, or a run's last character), so '整':* finds exactly the headlines holding 整.
ALTER TABLE "ArticleSearch" DROP COLUMN "terms", DROP COLUMN "folds", DROP COLUMN "chars";

-- Every article is marked changed, so the next ingest (npm start runs one) indexes it anew.
DELETE FROM "ArticleSearch";
UPDATE "Article" SET "hash" = 'reindex';
