import type { Tx } from "../db/client";
import { searchKey } from "./search-key";
import { characterTokens, documentTokens } from "./tokenize";
import { facetTokens, headlineOf, needsFolding, type SearchDocument } from "./document";

// PostgreSQL's index (migrations 20261130140100_search, 20261130170000_search_body_without_positions),
// the same tokens as SQLite's (lib/search/tokenize.ts), in the same two parts:
//   "terms"  every distinct token of headline and body as a 32-bit integer, GIN-indexed
//            without positions: the candidates for any phrase, confirmed against the text.
//   "head"   headline tokens with positions (tsvector literals, so no text-search parser or
//            dictionary touches them): headline phrases, exactly.
//   "chars"  headline characters, for one-character searches; "facets" the filters;
//   "folds"  whether a phrase check has to normalize the story's text (verify.ts).

/** tsvector positions stop at 16,383. */
const MAX_POSITION = 16_383;
const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/**
 * A token as a signed 32-bit integer. A token is one or two characters; when both are in the
 * Basic Multilingual Plane (almost every Chinese and Latin token), their UTF-16 code units side
 * by side identify it exactly. Others hash into codes whose first unit is a surrogate, which no
 * BMP token has; a hashed code may be shared, so the text check decides.
 */
export function tokenCode(token: string): { code: number; exact: boolean } {
  const first = token.charCodeAt(0);
  const second = token.length > 1 ? token.charCodeAt(1) : 0;
  const bmp = token.length <= 2 && !isSurrogate(first) && !isSurrogate(second);
  if (bmp) return { code: ((first << 16) | second) | 0, exact: true };
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return { code: (((0xd800 | ((h >>> 16) & 0x3ff)) << 16) | (h & 0xffff)) | 0, exact: false };
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/** Headline tokens with positions. */
export function headVector(headline: string): string {
  return documentTokens(headline)
    .map((t, i) => `${quote(t)}:${Math.min(i + 1, MAX_POSITION)}`)
    .join(" ");
}

/** A folded story's "terms" also hold this code, so its candidates can be found apart (backend-postgres.ts); no token's code is this small. */
export const FOLDS_CODE = 1;

/** The distinct token codes of headline and body, as a PostgreSQL array literal. */
export function termCodes(headline: string, text: string, folds = false): string {
  const codes = new Set([...documentTokens(headline), ...documentTokens(text)].map((t) => tokenCode(t).code));
  if (folds) codes.add(FOLDS_CODE);
  return `{${[...codes].join(",")}}`;
}

export async function indexArticlesPostgres(tx: Tx, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    const params = batch.flatMap((doc) => {
      const headline = headlineOf(doc);
      const folds = needsFolding(doc);
      return [
        searchKey(doc.publishedAt, doc.id),
        termCodes(headline, doc.text, folds),
        headVector(headline),
        characterTokens(headline).map(quote).join(" "),
        facetTokens(doc).map(quote).join(" "),
        folds,
      ];
    });
    const values = batch
      .map((_, k) => `($${k * 6 + 1}, $${k * 6 + 2}::int4[], $${k * 6 + 3}::tsvector, $${k * 6 + 4}::tsvector, $${k * 6 + 5}::tsvector, $${k * 6 + 6})`)
      .join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("key", "terms", "head", "chars", "facets", "folds") VALUES ${values}`, ...params);
  }
}

export async function unindexArticlePostgres(tx: Tx, id: number, publishedAt: Date) {
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "key" = $1`, searchKey(publishedAt, id));
}
