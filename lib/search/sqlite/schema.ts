// SQLite's index: two FTS5 tables, created by hand-written migrations (Prisma has no full-text API
// for SQLite), written by ./write.ts inside the ingest's transaction and read by ./read.ts.
//   ArticleSearch          every token of headline and body, and the facets, without positions
//                          (detail=none): the index that finds candidates for any phrase, at a
//                          fraction of the text's size.
//   ArticleSearchHeadline  headline tokens with positions, headline characters and facets:
//                          headline phrases and one-character searches, exactly.
// Rows are keyed by the article's search key (../search-key.ts).

export const SEARCH_TABLE = "ArticleSearch";
export const HEADLINE_TABLE = "ArticleSearchHeadline";
/** In "terms" of stories whose text a phrase check has to normalize; no bigram or facet token looks like it. */
export const FOLDS_TOKEN = "folds";
