import type { Tx } from "../db/client";
import { searchKey } from "./search-key";
import { characterTokens, documentTokens, joinTokens } from "./tokenize";

// The SQLite side of search: one FTS5 table, created by a hand-written
// migration (Prisma has no full-text API for SQLite), written inside the
// ingest's transaction and read by lib/search/search.ts.

export const SEARCH_TABLE = "ArticleSearch";

/** What the index needs of an article. */
export interface SearchDocument {
  id: number;
  publishedAt: Date;
  title: string;
  subtitle: string | null;
  kicker: string | null;
  text: string;
  sectionId: number;
  columnId: number | null;
  issueId: number;
  authorIds: number[];
  tagIds: number[];
}

/** Facet tokens: filters become index terms, so a filtered search is one index lookup. */
export const facet = {
  all: "all",
  section: (id: number) => `sec${id}`,
  column: (id: number) => `col${id}`,
  issue: (id: number) => `iss${id}`,
  author: (id: number) => `aut${id}`,
  tag: (id: number) => `tag${id}`,
};

export function searchRow(doc: SearchDocument) {
  const headline = [doc.title, doc.subtitle, doc.kicker].filter(Boolean).join("\n");
  return {
    rowid: searchKey(doc.publishedAt, doc.id),
    title: joinTokens(documentTokens(headline)),
    titleChars: joinTokens(characterTokens(headline)),
    body: joinTokens(documentTokens(doc.text)),
    facets: [
      facet.all,
      facet.section(doc.sectionId),
      facet.issue(doc.issueId),
      ...(doc.columnId ? [facet.column(doc.columnId)] : []),
      ...doc.authorIds.map(facet.author),
      ...doc.tagIds.map(facet.tag),
    ].join(" "),
  };
}

/** Adds articles to the index, many rows per statement. */
export async function indexArticles(tx: Tx, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const rows = docs.slice(i, i + 100).map(searchRow);
    await tx.$executeRawUnsafe(
      `INSERT INTO "${SEARCH_TABLE}" (rowid, title, title_chars, body, facets) VALUES ${rows.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      ...rows.flatMap((r) => [r.rowid, r.title, r.titleChars, r.body, r.facets]),
    );
  }
}

export async function unindexArticle(tx: Tx, id: number, publishedAt: Date) {
  await tx.$executeRawUnsafe(`DELETE FROM "${SEARCH_TABLE}" WHERE rowid = ?`, searchKey(publishedAt, id));
}
