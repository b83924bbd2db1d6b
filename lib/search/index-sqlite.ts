import type { Tx } from "../db/client";
import { databaseProvider } from "../db/url";
import { facetTokens, headlineOf, type SearchDocument } from "./document";
import { indexArticlesPostgres, unindexArticlePostgres } from "./index-postgres";
import { searchKey } from "./search-key";
import { characterTokens, documentTokens, joinTokens } from "./tokenize";

export { facet, type SearchDocument } from "./document";

// Writing the search index, inside the ingest's transaction. SQLite: one FTS5
// table, created by a hand-written migration (Prisma has no full-text API for
// SQLite); PostgreSQL: index-postgres.ts. Read by lib/search/search.ts.

export const SEARCH_TABLE = "ArticleSearch";

export function searchRow(doc: SearchDocument) {
  const headline = headlineOf(doc);
  return {
    rowid: searchKey(doc.publishedAt, doc.id),
    title: joinTokens(documentTokens(headline)),
    titleChars: joinTokens(characterTokens(headline)),
    body: joinTokens(documentTokens(doc.text)),
    facets: facetTokens(doc).join(" "),
  };
}

/** Adds articles to the index, many rows per statement. */
export async function indexArticles(tx: Tx, docs: SearchDocument[]) {
  if (databaseProvider() === "postgresql") return indexArticlesPostgres(tx, docs);
  for (let i = 0; i < docs.length; i += 100) {
    const rows = docs.slice(i, i + 100).map(searchRow);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${SEARCH_TABLE}" (rowid, title, title_chars, body, facets) VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [r.rowid, r.title, r.titleChars, r.body, r.facets]),
    );
  }
}

export async function unindexArticle(tx: Tx, id: number, publishedAt: Date) {
  if (databaseProvider() === "postgresql") return unindexArticlePostgres(tx, id, publishedAt);
  await tx.$executeRawUnsafe(`DELETE FROM "${SEARCH_TABLE}" WHERE rowid = ?`, searchKey(publishedAt, id));
}
