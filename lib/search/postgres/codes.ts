import { WORD_CHAR } from "../tokenize";

// The 32-bit codes of PostgreSQL's GIN expression index (./write.ts says what it holds): a token's
// code, and the codes that carry markers, facets and months.

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
  if (bmp) return { code: (first << 16) | second | 0, exact: true };
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return { code: ((0xd800 | ((h >>> 16) & 0x3ff)) << 16) | (h & 0xffff) | 0, exact: false };
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

// Codes below 0x30 << 16 belong to no token (a token starts with a letter or digit, "0" = 0x30 or
// above): they mark folded stories and carry the facets and the month of publication, so a
// filtered search is one GIN lookup.

/** A folded story's codes also hold this one, so its candidates can be found apart (./read.ts). */
export const FOLDS_CODE = 1;
/** Codes that list every token of the story themselves: search_terms() then computes none. */
export const TOKENS_GIVEN_CODE = 2;

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

/** The first instant of the month a month code stands for. */
export function monthStart(code: number): Date {
  const months = code - MONTH_KIND * FACET_ID_SPACE;
  return new Date(Date.UTC(1970 + Math.floor(months / 12), months % 12, 1));
}

/**
 * Letters and digits SQL tokenizes the way tokenize.ts does (search_text_codes in migration
 * 20261130200000 lists the same class after folding ASCII case): Latin letters, digits and the CJK
 * ideographs of U+3400–U+4DBF and U+4E00–U+9FFF, all in the Basic Multilingual Plane.
 */
export const SQL_WORD_CLASS = "[0-9a-z\u3400-\u4dbf\u4e00-\u9fff]";
const sqlWordChar = new RegExp(SQL_WORD_CLASS, "i");

/** Whether every letter and digit of a text is one search_text_codes() knows; the text must not fold beyond ASCII case either. */
export function tokenizedInSql(text: string): boolean {
  for (const ch of text) if (WORD_CHAR.test(ch) && !sqlWordChar.test(ch)) return false;
  return true;
}
