import type { DriverSql, Tx } from "../../db/dialect";
import { analyzeDocument, type SearchDocument } from "../document";
import { searchKey } from "../search-key";
import { joinTokens } from "../tokenize";
import { FOLDS_TOKEN, HEADLINE_TABLE, SEARCH_TABLE } from "./schema";

/** An article's rows in the two FTS5 tables (./schema.ts). */
export function searchRows(doc: SearchDocument) {
  const { headlineTokens, headlineCharacters, bodyTerms, folds, facets } = analyzeDocument(doc);
  // detail=none keeps one entry per distinct token and story: repeats would only cost tokenizing,
  // so the body's distinct terms follow the others' as they are (a token in both is stored once).
  const terms = new Set([...headlineTokens, ...facets, ...(folds ? [FOLDS_TOKEN] : [])]);
  return {
    rowid: searchKey(doc.publishedAt, doc.id),
    terms: [joinTokens([...terms]), bodyTerms].filter(Boolean).join(" "),
    title: joinTokens(headlineTokens),
    titleChars: joinTokens(headlineCharacters),
    facets: joinTokens(facets),
  };
}

/** Adds articles to the index, many rows per statement. */
export async function indexArticles(sql: DriverSql, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const rows = docs.slice(i, i + 100).map(searchRows);
    await sql.run(
      `INSERT INTO "${SEARCH_TABLE}" (rowid, terms) VALUES ${rows.map(() => "(?, ?)").join(", ")}`,
      rows.flatMap((r) => [r.rowid, r.terms]),
    );
    await sql.run(
      `INSERT INTO "${HEADLINE_TABLE}" (rowid, title, title_chars, facets) VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
      rows.flatMap((r) => [r.rowid, r.title, r.titleChars, r.facets]),
    );
  }
}

export async function unindexArticle(tx: Tx, id: number, publishedAt: Date) {
  const key = searchKey(publishedAt, id);
  await tx.$executeRawUnsafe(`DELETE FROM "${SEARCH_TABLE}" WHERE rowid = ?`, key);
  await tx.$executeRawUnsafe(`DELETE FROM "${HEADLINE_TABLE}" WHERE rowid = ?`, key);
}
