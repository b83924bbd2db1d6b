import type { Tx } from "../db/client";
import { searchKey } from "./search-key";
import { analyzeDocument, type SearchDocument } from "./document";

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
export function headVector(headlineTokens: string[]): string {
  return headlineTokens
    .map((t, i) => `${quote(t)}:${Math.min(i + 1, MAX_POSITION)}`)
    .join(" ");
}

// Codes below 0x30 << 16 belong to no token (a token starts with a letter or digit, "0" = 0x30 or
// above): they mark folded stories and carry the facets and the month of publication, so a
// filtered search is one GIN lookup.

/** A folded story's "terms" also hold this code, so its candidates can be found apart (backend-postgres.ts). */
export const FOLDS_CODE = 1;

const FACET_KINDS = ["sec", "col", "iss", "aut", "tag"];
const FACET_ID_SPACE = 2 ** 18;
const MONTH_KIND = FACET_KINDS.length + 1;

/** A facet token (sec4, tag12) as a code: kind × 2^18 + id; null for "all" and for ids past the space (the facets tsvector still has them). */
export function facetCode(token: string): number | null {
  const m = /^([a-z]{3})(\d+)$/.exec(token);
  const kind = m ? FACET_KINDS.indexOf(m[1]!) : -1;
  if (!m || kind < 0 || Number(m[2]) >= FACET_ID_SPACE) return null;
  return (kind + 1) * FACET_ID_SPACE + Number(m[2]);
}

/** The code of the (UTC) month of a publication minute: a date range is then a set of month codes GIN can look up. */
export function monthCode(minute: number): number {
  const d = new Date(minute * 60_000);
  return MONTH_KIND * FACET_ID_SPACE + (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** The distinct codes of a story's tokens (headline and body), with facet and month codes and the fold marker, as a PostgreSQL array literal. */
export function termCodes(tokens: string[], folds = false, facets: string[] = [], publishedAt?: Date): string {
  const codes = new Set(tokens.map((t) => tokenCode(t).code));
  if (folds) codes.add(FOLDS_CODE);
  for (const f of facets) {
    const code = facetCode(f);
    if (code !== null) codes.add(code);
  }
  if (publishedAt) codes.add(monthCode(Math.floor(publishedAt.getTime() / 60_000)));
  return `{${[...codes].join(",")}}`;
}

export async function indexArticlesPostgres(tx: Tx, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    const params = batch.flatMap((doc) => {
      const { headlineTokens, headlineCharacters, bodyTokens, folds, facets } = analyzeDocument(doc);
      return [
        searchKey(doc.publishedAt, doc.id),
        termCodes([...headlineTokens, ...bodyTokens], folds, facets, doc.publishedAt),
        headVector(headlineTokens),
        headlineCharacters.map(quote).join(" "),
        facets.map(quote).join(" "),
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
