import type { Tx } from "../db/client";
import { databaseProvider } from "../db/url";
import { analyzeDocument, type SearchDocument } from "./document";
import { indexArticlesPostgres, searchCodesOf, unindexArticlePostgres } from "./index-postgres";
import { searchKey } from "./search-key";
import { joinTokens } from "./tokenize";

export { facet, type SearchDocument } from "./document";

// Writing the search index, inside the ingest's transaction. SQLite: two FTS5
// tables, created by hand-written migrations (Prisma has no full-text API for
// SQLite); PostgreSQL: index-postgres.ts. Read by lib/search/backend-sqlite.ts.
//   ArticleSearch          every token of headline and body, and the facets, without
//                          positions (detail=none): the index that finds candidates
//                          for any phrase, at a fraction of the text's size.
//   ArticleSearchHeadline  headline tokens with positions, headline characters and
//                          facets: headline phrases and one-character searches, exactly.

export const SEARCH_TABLE = "ArticleSearch";
export const HEADLINE_TABLE = "ArticleSearchHeadline";
/** In "terms" of stories whose text a phrase check has to normalize; no bigram or facet token looks like it. */
export const FOLDS_TOKEN = "folds";

export function searchRows(doc: SearchDocument) {
  const { headlineTokens, headlineCharacters, bodyTokens, folds, facets } = analyzeDocument(doc);
  // detail=none keeps one entry per distinct token and story: repeats would only cost tokenizing.
  const terms = new Set([...headlineTokens, ...bodyTokens, ...facets, ...(folds ? [FOLDS_TOKEN] : [])]);
  return {
    rowid: searchKey(doc.publishedAt, doc.id),
    terms: joinTokens([...terms]),
    title: joinTokens(headlineTokens),
    titleChars: joinTokens(headlineCharacters),
    facets: joinTokens(facets),
  };
}

/**
 * Columns of an article's own row that the index needs, written with the row: on PostgreSQL, the
 * codes its expression index adds to the text's (null for a draft, which is not indexed); none on SQLite.
 */
export function articleSearchColumns(doc: Omit<SearchDocument, "id"> | null): { searchCodes?: string | null } {
  if (databaseProvider() !== "postgresql") return {};
  return { searchCodes: doc ? searchCodesOf(doc) : null };
}

/** Adds articles to the index, many rows per statement. */
export async function indexArticles(tx: Tx, docs: SearchDocument[]) {
  if (databaseProvider() === "postgresql") return indexArticlesPostgres(tx, docs);
  for (let i = 0; i < docs.length; i += 100) {
    const rows = docs.slice(i, i + 100).map(searchRows);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${SEARCH_TABLE}" (rowid, terms) VALUES ${rows.map(() => "(?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [r.rowid, r.terms]),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "${HEADLINE_TABLE}" (rowid, title, title_chars, facets) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [r.rowid, r.title, r.titleChars, r.facets]),
    );
  }
}

export async function unindexArticle(tx: Tx, id: number, publishedAt: Date) {
  if (databaseProvider() === "postgresql") return unindexArticlePostgres(tx, id, publishedAt);
  const key = searchKey(publishedAt, id);
  await tx.$executeRawUnsafe(`DELETE FROM "${SEARCH_TABLE}" WHERE rowid = ?`, key);
  await tx.$executeRawUnsafe(`DELETE FROM "${HEADLINE_TABLE}" WHERE rowid = ?`, key);
}
