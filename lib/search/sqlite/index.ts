import type { SearchProvider } from "../provider";
import { sqliteCandidates, sqlitePage } from "./read";
import { indexArticles, unindexArticle } from "./write";

/** Search on SQLite: two FTS5 tables (./schema.ts). */
export const sqliteSearch: SearchProvider = {
  // The index lives in its own tables: the article's row needs nothing.
  rowColumns: () => ({}),
  index: indexArticles,
  unindex: unindexArticle,
  candidates: sqliteCandidates,
  page: sqlitePage,
};
