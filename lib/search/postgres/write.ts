import type { DriverSql, Tx } from "../../db/dialect";
import { facetTokens, headlineOf, type SearchDocument } from "../document";
import { searchKey } from "../search-key";
import { documentTokens, foldsBeyondAsciiCase } from "../tokenize";
import { facetCode, FOLDS_CODE, monthCode, tokenCode, tokenizedInSql, TOKENS_GIVEN_CODE } from "./codes";

// PostgreSQL's index (migrations 20261130140100_search … 20261130200000_search_terms_from_text),
// the same tokens as SQLite's (../tokenize.ts), read by ./read.ts:
//   search_terms(…) a GIN expression index on "Article": every distinct token of headline and body
//            as a 32-bit code, computed from the row's own text by SQL (search_text_codes), with the
//            codes of "Article"."searchCodes" (facets, month, markers), which the ingest writes.
//            Nothing per token is stored: the candidates for any phrase, confirmed against the text
//            in the same row. "Article"."searchKey" is the article's search key.
//   "ArticleSearch" per indexed article: "head", headline tokens with positions (tsvector literals,
//            so no text-search parser or dictionary touches them): headline phrases exactly, and
//            one-character searches as prefixes ('整':*); "facets" the filters.

/** tsvector positions stop at 16,383. */
const MAX_POSITION = 16_383;
const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/** Headline tokens with positions. */
function headVector(headlineTokens: string[]): string {
  return headlineTokens.map((t, i) => `${quote(t)}:${Math.min(i + 1, MAX_POSITION)}`).join(" ");
}

/** The codes of a set of tokens, facets, month and markers, as a PostgreSQL array literal. */
function termCodes(tokens: Iterable<string>, markers: number[], facets: string[], publishedAt: Date): string {
  const codes = new Set<number>(markers);
  for (const t of tokens) codes.add(tokenCode(t).code);
  for (const f of facets) {
    const code = facetCode(f);
    if (code !== null) codes.add(code);
  }
  codes.add(monthCode(Math.floor(publishedAt.getTime() / 60_000)));
  return `{${[...codes].join(",")}}`;
}

/**
 * "Article"."searchCodes" for an article about to be written: its facets, month and fold marker;
 * and, when SQL would not tokenize its text as tokenize.ts does, every token's code as well.
 */
export function searchCodesOf(doc: Omit<SearchDocument, "id">): string {
  const headline = headlineOf(doc);
  const folds = foldsBeyondAsciiCase(headline) || foldsBeyondAsciiCase(doc.text);
  const plain = !folds && tokenizedInSql(headline) && tokenizedInSql(doc.text);
  const markers = [...(folds ? [FOLDS_CODE] : []), ...(plain ? [] : [TOKENS_GIVEN_CODE])];
  // Only stories SQL would not tokenize alike are tokenized here.
  const tokens = plain ? [] : [...documentTokens(headline), ...documentTokens(doc.text)];
  return termCodes(tokens, markers, facetTokens(doc), doc.publishedAt);
}

/** A story's "head": its headline tokens with positions. */
export const headlineVector = (doc: Pick<SearchDocument, "title" | "subtitle" | "kicker">) =>
  headVector(documentTokens(headlineOf(doc)));

/** The headline part of the index; the body's is the expression index over "Article" (see the top of this file). */
export async function indexArticles(sql: DriverSql, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    const params = batch.flatMap((doc) => [
      searchKey(doc.publishedAt, doc.id),
      headlineVector(doc),
      facetTokens(doc).map(quote).join(" "),
    ]);
    const values = batch.map((_, k) => `($${k * 3 + 1}, $${k * 3 + 2}::tsvector, $${k * 3 + 3}::tsvector)`).join(", ");
    await sql.run(`INSERT INTO "ArticleSearch" ("key", "head", "facets") VALUES ${values}`, params);
  }
}

/** The headline part goes; the ingest deletes the article's row, and its entries in the expression index with it. */
export async function unindexArticle(tx: Tx, id: number, publishedAt: Date) {
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "key" = $1`, searchKey(publishedAt, id));
}
