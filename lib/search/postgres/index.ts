import type { SearchProvider } from "../provider";
import { postgresCandidates, postgresPage } from "./read";
import { indexArticles, searchCodesOf, unindexArticle } from "./write";

/** Search on PostgreSQL: a GIN expression index on "Article" and headline tsvectors (./write.ts). */
export const postgresSearch: SearchProvider = {
  // The codes its expression index adds to the text's (null for a draft, which is not indexed).
  rowColumns: (doc) => ({ searchCodes: doc ? searchCodesOf(doc) : null }),
  index: indexArticles,
  unindex: unindexArticle,
  candidates: postgresCandidates,
  page: postgresPage,
};
