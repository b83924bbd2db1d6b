import { indexDecides, type KeyRange, type Phrase, type TierQuery } from "../plan";
import { facetCode, FOLDS_CODE, tokenCode } from "./codes";
import { monthCodes, type Window } from "./windows";

// The SQL of PostgreSQL's search (the index: ./write.ts). Headline tiers, one-character searches and filters alone
// read "ArticleSearch": "head" matches headline phrases ('左权' <-> '权羊') exactly, and
// headline characters as prefixes ('整':*), "facets" the filters. A tier over headline and body reads "Article"
// itself: its expression index finds the stories holding every token, facet and month, and the
// phrases are checked on the text in the same row.

/** A tsquery lexeme: tokens are letters and digits only, but quoting keeps that a guarantee. */
const lexeme = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function tsPhrase(p: Phrase): string {
  return p.tokens.map((t, i) => lexeme(t) + (p.prefix && i === p.tokens.length - 1 ? ":*" : "")).join(" <-> ");
}

/** A tsquery requiring every phrase. */
const tsAll = (phrases: Phrase[]) => phrases.map((p) => `(${tsPhrase(p)})`).join(" & ");

/** The codes a candidate must hold: every token of every phrase but a prefix. */
function termCodesOf(phrases: Phrase[]): { codes: number[]; exact: boolean } {
  const codes = new Set<number>();
  let exact = true;
  for (const p of phrases) {
    if (!indexDecides(p)) exact = false;
    p.tokens.forEach((t, i) => {
      if (p.prefix && i === p.tokens.length - 1) return;
      const c = tokenCode(t);
      if (!c.exact) exact = false;
      codes.add(c.code);
    });
  }
  return { codes: [...codes], exact };
}

/** A headline-and-body tier: its query, what its text check needs, and the keys it leaves out (its headline matches, ranked above). */
export interface BodyTier {
  q: TierQuery;
  check: TextNeeds["check"];
  exclude: number[];
}

/** What a tier's phrases need of the story text, beyond the index (plan.ts, Candidate). */
export interface TextNeeds {
  /** One-run phrases, checked in SQL on the stored text (ASCII case folded when one has Latin letters); null when the index decides. */
  check: { texts: string[]; fold: boolean } | null;
  /** Phrases across punctuation: only verify.ts can check them. */
  acrossPunctuation: boolean;
}

export function textNeeds(phrases: Phrase[]): TextNeeds {
  const oneRun = phrases.filter((p) => !p.text.includes(" "));
  // A phrase the index decides (one exact bigram) needs no reading.
  const unsure = oneRun.filter((p) => !termCodesOf([p]).exact);
  const check = unsure.length
    ? { texts: unsure.map((p) => p.text), fold: unsure.some((p) => /[a-z]/.test(p.text)) }
    : null;
  return { check, acrossPunctuation: oneRun.length < phrases.length };
}

/** The expression of "Article"'s GIN index (migration 20261130200000): written exactly so, the planner uses it. */
const SEARCH_TERMS = `search_terms(a."title", a."subtitle", a."kicker", a."text", a."searchCodes")`;
const FOLDED = `${FOLDS_CODE} = ANY (a."searchCodes")`;

/** Parameters bound from $1, in order. */
function binder() {
  const params: unknown[] = [];
  return { params, bind: (v: unknown) => `$${params.push(v)}` };
}
type Bind = ReturnType<typeof binder>["bind"];

/**
 * `column` holds the text bound at `n`. Not strpos(): it counts the characters before a match to
 * say where it is, about as long again as finding it; split_part() finds it the same way and only
 * copies what comes before. octet_length() of a stored column reads its size, not its text.
 */
const contains = (column: string, n: string) =>
  `octet_length(split_part(${column}, ${n}, 1)) < octet_length(${column})`;

/**
 * Every phrase of `check` in the row's headline or body. The body is read out of line (TOAST) and
 * decompressed by each function that reads it: several phrases, or a body folded first, read it
 * once, as a fresh copy.
 */
function rowHas(check: NonNullable<TextNeeds["check"]>, bind: Bind): string {
  const f = (column: string) => (check.fold ? `lower(${column})` : column);
  const has = (body: string) =>
    check.texts
      .map((t) => {
        const n = bind(t);
        return `(${[body, f(`a."title"`), f(`coalesce(a."subtitle", '')`), f(`coalesce(a."kicker", '')`)].map((c) => contains(c, n)).join(" OR ")})`;
      })
      .join(" AND ");
  if (check.texts.length === 1 && !check.fold) return has(`a."text"`);
  // OFFSET 0 keeps the subquery, and so its one copy, from being flattened into each use.
  return `EXISTS (SELECT 1 FROM (SELECT ${check.fold ? `lower(a."text")` : `a."text" || ''`} AS body OFFSET 0) x WHERE ${has("x.body")})`;
}

/** How a tier leaves out keys (its headline matches, ranked above): a list the planner hashes when it plans with it. */
export const EXCLUDED_KEYS = `NOT (a."searchKey" = ANY (`;

/**
 * Conditions of a headline-and-body tier on "Article" a, whose expression index finds the stories
 * holding every token, facet and month. `months` narrows the search to those months, when given.
 */
function bodyWhere(
  q: TierQuery,
  range: KeyRange,
  bind: Bind,
  opts: { extraCodes?: number[]; months?: number[]; notInHeadline?: boolean; exclude?: number[] } = {},
): string[] {
  const codes = q.facets.map(facetCode);
  const uncoded = q.facets.filter((_, i) => codes[i] == null);
  const all = [
    ...termCodesOf(q.text!.phrases).codes,
    ...codes.filter((c): c is number => c != null),
    ...(opts.extraCodes ?? []),
  ];
  // The key is compared as `key + 0`, so the key index offers no plan: the date range filters what GIN finds.
  const where = [
    `a."searchCodes" IS NOT NULL`,
    `${SEARCH_TERMS} @> ${bind(`{${all.join(",")}}`)}::int4[]`,
    `(a."searchKey" + 0) BETWEEN ${bind(range.min)} AND ${bind(range.max)}`,
  ];
  // A date range of a few years: its months, looked up in the same index; the key range then trims the ends.
  const months = opts.months ?? monthCodes(range);
  if (months) where.push(`${SEARCH_TERMS} && ${bind(`{${months.join(",")}}`)}::int4[]`);
  // Filters whose ids have no code (past 2^18).
  if (uncoded.length)
    where.push(
      `EXISTS (SELECT 1 FROM "ArticleSearch" f WHERE f."key" = a."searchKey" AND f."facets" @@ ${bind(uncoded.map(lexeme).join(" & "))}::tsquery)`,
    );
  // Hashed by the planner (a constant array): checked before the text is read.
  if (opts.exclude?.length) where.push(`${EXCLUDED_KEYS}${bind(`{${opts.exclude.join(",")}}`)}::int8[]))`);
  if (opts.notInHeadline && q.notInHeadline)
    where.push(
      `NOT EXISTS (SELECT 1 FROM "ArticleSearch" h WHERE h."key" = a."searchKey" AND h."head" @@ ${bind(tsAll(q.notInHeadline))}::tsquery)`,
    );
  return where;
}

/** Conditions of a tier on "ArticleSearch" s: headline phrases, headline characters, or filters alone. `walk` hides them from the GIN indexes (IS TRUE), so the key index is walked newest first. */
function headlineWhere(q: TierQuery, range: KeyRange, bind: Bind, key: string, walk: boolean): string[] {
  const where: string[] = [];
  const push = (c: string) => where.push(walk ? `(${c}) IS TRUE` : c);
  if (q.facets.length) push(`s."facets" @@ ${bind(q.facets.map(lexeme).join(" & "))}::tsquery`);
  if (q.text?.in === "headline") push(`s."head" @@ ${bind(tsAll(q.text.phrases))}::tsquery`);
  // Every character of a headline begins one of its tokens (index-postgres.ts).
  if (q.text?.in === "chars")
    push(`s."head" @@ ${bind(tsAll(q.text.phrases.map((p) => ({ ...p, prefix: true }))))}::tsquery`);
  where.push(`${key} BETWEEN ${bind(range.min)} AND ${bind(range.max)}`);
  return where;
}

export const isBodyTier = (q: TierQuery) => q.text?.in === "all";

export type Statement = { sql: string; params: unknown[] };

/** Keys of a headline tier's matches, in no order, up to `cap`: through the GIN indexes (`key + 0` keeps the key index out). */
export function headlineMatchesQuery(q: TierQuery, range: KeyRange, cap: number): Statement {
  const { params, bind } = binder();
  const where = headlineWhere(q, range, bind, `(s."key" + 0)`, false);
  return { sql: `SELECT s."key" FROM "ArticleSearch" s WHERE ${where.join(" AND ")} LIMIT ${bind(cap)}`, params };
}

/** Keys of a headline tier's newest `limit` matches, when there are many: the key index walked newest first. */
export function headlineNewestQuery(q: TierQuery, range: KeyRange, limit: number): Statement {
  const { params, bind } = binder();
  const where = headlineWhere(q, range, bind, `s."key"`, true);
  return {
    sql: `SELECT s."key" FROM "ArticleSearch" s WHERE ${where.join(" AND ")} ORDER BY s."key" LIMIT ${bind(limit)}`,
    params,
  };
}

/**
 * Up to `limit` matches of a headline-and-body tier, window by window (each row says which), in no
 * order within a window. Folded stories come back unchecked (`folded`), for verify.ts: the text
 * check in SQL cannot see their matches. The branches of UNION ALL run in order, one after the
 * other (search connections have no parallel workers), and LIMIT stops the first that reaches it.
 */
export function bodyMatchesQuery({ q, check, exclude }: BodyTier, windows: Window[], limit: number): Statement {
  const { params, bind } = binder();
  const branches = windows.map((w, i) => {
    const where = bodyWhere(q, w.range, bind, { exclude, ...(w.months ? { months: w.months } : {}) });
    if (check) where.push(`(${FOLDED} OR ${rowHas(check, bind)})`);
    return `(SELECT ${i} AS "window", a."searchKey" AS "key", ${FOLDED} AS "folded" FROM "Article" a WHERE ${where.join(" AND ")})`;
  });
  return { sql: `${branches.join(" UNION ALL ")} LIMIT ${bind(limit)}`, params };
}

/** The newest `limit` matches among stories that do not fold, published in `months` (every month of the range when null). */
export function bodyNewestQuery(
  { q, check, exclude }: BodyTier,
  range: KeyRange,
  limit: number,
  months: number[] | null,
): Statement {
  const { params, bind } = binder();
  const where = bodyWhere(q, range, bind, { exclude, ...(months ? { months } : {}) });
  where.push(`NOT (${FOLDED})`);
  if (check) where.push(rowHas(check, bind));
  return {
    sql: `SELECT a."searchKey" AS "key" FROM "Article" a WHERE ${where.join(" AND ")} ORDER BY a."searchKey" + 0 LIMIT ${bind(limit)}`,
    params,
  };
}

/** Keys of the folded stories among a tier's candidates (few: their codes hold FOLDS_CODE). */
export function foldedQuery({ q, exclude }: BodyTier, range: KeyRange): Statement {
  const { params, bind } = binder();
  const where = bodyWhere(q, range, bind, { extraCodes: [FOLDS_CODE], exclude });
  return { sql: `SELECT a."searchKey" AS "key" FROM "Article" a WHERE ${where.join(" AND ")}`, params };
}

/** The statement for a tier's candidates in key order (see verify.ts, tierMatches), and its parameters. */
export function candidateQuery(q: TierQuery, range: KeyRange, limit: number, after: number | null): Statement {
  const { params, bind } = binder();
  const from = after === null ? range : { min: Math.max(range.min, after + 1), max: range.max };
  if (!isBodyTier(q)) {
    const where = headlineWhere(q, from, bind, `s."key"`, false);
    return {
      sql: `SELECT s."key", false AS unsure FROM "ArticleSearch" s WHERE ${where.join(" AND ")} ORDER BY s."key" LIMIT ${bind(limit)}`,
      params,
    };
  }
  const needs = textNeeds(q.text!.phrases);
  const unsure = needs.acrossPunctuation ? "true" : needs.check ? FOLDED : "false";
  const where = bodyWhere(q, from, bind, { notInHeadline: true });
  // A folded story is confirmed in verify.ts; the others are checked here, in the row.
  if (needs.check) where.push(`(${FOLDED} OR ${rowHas(needs.check, bind)})`);
  return {
    sql: `SELECT a."searchKey" AS "key", ${unsure} AS unsure FROM "Article" a WHERE ${where.join(" AND ")} ORDER BY a."searchKey" + 0 LIMIT ${bind(limit)}`,
    params,
  };
}
