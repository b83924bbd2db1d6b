import { searchDb } from "../db/client";
import { facetCode, FOLDS_CODE, monthCode, tokenCode } from "./index-postgres";
import { indexDecides, type Candidate, type KeyRange, type Phrase, type SearchBackend, type TierQuery } from "./plan";
import { idFromKey, idFromKeySql, minutesOfKeyRange } from "./search-key";
import { confirmedIds, tierMatches } from "./verify";

// PostgreSQL: phrases find candidates through the "terms" integer array (every token but a
// trailing prefix), headline phrases match the "head" tsvector ('左权' <-> '权羊') exactly,
// and facets the "facets" tsvector. See index-postgres.ts.

/** A tsquery lexeme: tokens are letters and digits only, but quoting keeps that a guarantee. */
const lexeme = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function tsPhrase(p: Phrase): string {
  return p.tokens.map((t, i) => lexeme(t) + (p.prefix && i === p.tokens.length - 1 ? ":*" : "")).join(" <-> ");
}

/** A tsquery requiring every phrase. */
const tsAll = (phrases: Phrase[]) => phrases.map((p) => `(${tsPhrase(p)})`).join(" & ");

/** Month codes covering a range that starts at a reader's date, when there are few enough to be worth looking up. */
function monthCodes(range: KeyRange): number[] | null {
  const { from, until } = minutesOfKeyRange(range);
  if (from === null) return null;
  const first = monthCode(from);
  const last = monthCode(until);
  return last - first < MAX_MONTHS ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : null;
}
const MAX_MONTHS = 36;

/** The codes a candidate's "terms" must contain: every token of every phrase but a prefix. */
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

/**
 * An article whose headline or body holds every phrase of `check` (ASCII case folded when a phrase
 * has Latin letters). The text is decompressed each time a function reads it: one phrase reads the
 * columns directly; several read them once, joined by line breaks (which no phrase spans).
 */
function articleHas(w: Where, key: string): string {
  const check = w.textCheck!;
  const f = (column: string) => (check.fold ? `lower(${column})` : column);
  const matchArticle = `a."id" = ${idFromKeySql(key)}`;
  if (check.texts.length === 1) {
    const n = w.bind(check.texts[0]);
    const has = [`a."text"`, `a."title"`, `coalesce(a."subtitle", '')`, `coalesce(a."kicker", '')`].map((c) => `strpos(${f(c)}, ${n}) > 0`).join(" OR ");
    return `EXISTS (SELECT 1 FROM "Article" a WHERE ${matchArticle} AND (${has}))`;
  }
  const text = f(`concat_ws(E'\\n', a."title", a."subtitle", a."kicker", a."text")`);
  const has = check.texts.map((t) => `strpos(x.t, ${w.bind(t)}) > 0`).join(" AND ");
  return `EXISTS (SELECT 1 FROM "Article" a CROSS JOIN LATERAL (SELECT ${text} AS t OFFSET 0) x WHERE ${matchArticle} AND ${has})`;
}

/** What a tier's phrases need of the story text, beyond the index (plan.ts, Candidate); null when the index decides. */
interface TextNeeds {
  /** One-run phrases, checked in SQL on the stored text. */
  check: { texts: string[]; fold: boolean } | null;
  /** Phrases across punctuation: only verify.ts can check them. */
  acrossPunctuation: boolean;
}

function textNeeds(q: TierQuery): TextNeeds | null {
  if (q.text?.in !== "all" || termCodesOf(q.text.phrases).exact) return null;
  const oneRun = q.text.phrases.filter((p) => !p.text.includes(" "));
  return {
    check: oneRun.length ? { texts: oneRun.map((p) => p.text), fold: oneRun.some((p) => /[a-z]/.test(p.text)) } : null,
    acrossPunctuation: oneRun.length < q.text.phrases.length,
  };
}

interface Where {
  params: unknown[];
  bind: (v: unknown) => string;
  /** Conditions on the index row `s`. */
  where: string[];
  textCheck: TextNeeds["check"];
  acrossPunctuation: boolean;
}

/** What a tier asks of the index row, its parameters bound from $1. */
function tierWhere(q: TierQuery, range: KeyRange, keyExpr: string, after: number | null = null, extraCodes: number[] = [], walk = false): Where {
  const params: unknown[] = [];
  const bind = (v: unknown) => `$${params.push(v)}`;
  const conditions: string[] = [];
  // `IS TRUE` hides a condition from the GIN indexes: the key index, walked newest first, is then the only plan.
  const where = { push: (c: string) => conditions.push(walk ? `(${c}) IS TRUE` : c) };
  // With phrases to match, facets join their codes in one GIN lookup; the rest (and "all") stay tsquery terms.
  const facetCodes = q.text?.in === "all" ? q.facets.map(facetCode) : [];
  const facetTerms = q.facets.filter((_, i) => facetCodes[i] == null);
  if (facetTerms.length) where.push(`s."facets" @@ ${bind(facetTerms.map(lexeme).join(" & "))}::tsquery`);
  if (q.text?.in === "headline") where.push(`s."head" @@ ${bind(tsAll(q.text.phrases))}::tsquery`);
  if (q.text?.in === "chars") where.push(`s."chars" @@ ${bind(tsAll(q.text.phrases))}::tsquery`);
  if (q.text?.in === "all") {
    const terms = termCodesOf(q.text.phrases);
    const codes = [...terms.codes, ...facetCodes.filter((c): c is number => c != null), ...extraCodes];
    where.push(`s."terms" @> ${bind(`{${codes.join(",")}}`)}::int4[]`);
    // A date range of a few years: its months, looked up in the same index; the key range then trims the ends.
    const months = monthCodes(range);
    if (months) where.push(`s."terms" && ${bind(`{${months.join(",")}}`)}::int4[]`);
  }
  if (q.notInHeadline) where.push(`NOT (s."head" @@ ${bind(tsAll(q.notInHeadline))}::tsquery)`);
  conditions.push(`${keyExpr} BETWEEN ${bind(after === null ? range.min : Math.max(range.min, after + 1))} AND ${bind(range.max)}`);
  const needs = textNeeds(q);
  return { params, bind, where: conditions, textCheck: needs?.check ?? null, acrossPunctuation: needs?.acrossPunctuation ?? false };
}

/** The statement for a tier's candidates in key order (see verify.ts, tierMatches), and its parameters. */
export function candidateQuery(q: TierQuery, range: KeyRange, limit: number, after: number | null): { sql: string; params: unknown[] } {
  const w = tierWhere(q, range, `s."key"`, after);
  const unsure = w.acrossPunctuation ? "true" : w.textCheck ? `s."folds"` : "false";
  const candidates = `SELECT s."key", ${unsure} AS unsure FROM "ArticleSearch" s WHERE ${w.where.join(" AND ")} ORDER BY s."key"`;
  // OFFSET 0 keeps the planner from reading every candidate's text before sorting.
  const sql = w.textCheck
    ? `SELECT c."key", c.unsure FROM (${candidates} OFFSET 0) c WHERE c.unsure OR ${articleHas(w, 'c."key"')} ORDER BY c."key" LIMIT ${w.bind(limit)}`
    : `${candidates} LIMIT ${w.bind(limit)}`;
  return { sql, params: w.params };
}

/**
 * Matches counted, in no order, up to `cap`: through the GIN indexes (the key is compared as
 * `"key" + 0`, so the primary key offers no plan: a date range filters what GIN finds), with the text
 * checked in SQL. Stories whose text folds beyond ASCII case are left out here: `foldedQuery` finds them.
 */
function countQuery(q: TierQuery, range: KeyRange, cap: number): { sql: string; params: unknown[] } {
  const w = tierWhere(q, range, `(s."key" + 0)`);
  const text = w.textCheck ? ` AND NOT s."folds" AND ${articleHas(w, 's."key"')}` : "";
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM "ArticleSearch" s WHERE ${w.where.join(" AND ")}${text} LIMIT ${w.bind(cap)}) hits`, params: w.params };
}

/**
 * Keys of the first `limit` matches, newest first, folded stories left out. With many matches the
 * key index finds them at once, newest first; with few, `"key" + 0` has the planner fetch them
 * through the GIN indexes and sort them instead (walking the key index would then read every story).
 */
function pageQuery(q: TierQuery, range: KeyRange, limit: number, many: boolean): { sql: string; params: unknown[] } {
  const ord = many ? `s."key"` : `s."key" + 0`;
  const w = tierWhere(q, range, many ? `s."key"` : `(s."key" + 0)`, null, [], many);
  if (!w.textCheck) return { sql: `SELECT s."key" FROM "ArticleSearch" s WHERE ${w.where.join(" AND ")} ORDER BY ${ord} LIMIT ${w.bind(limit)}`, params: w.params };
  // The text is read for candidates in key order, only until the page is full (OFFSET 0 keeps the
  // planner from checking every candidate before it sorts).
  const candidates = `SELECT s."key", ${ord} AS ord FROM "ArticleSearch" s WHERE ${w.where.join(" AND ")} AND NOT s."folds" ORDER BY ord`;
  return { sql: `SELECT c."key" FROM (${candidates} OFFSET 0) c WHERE ${articleHas(w, 'c."key"')} ORDER BY c.ord LIMIT ${w.bind(limit)}`, params: w.params };
}

/** Keys of the folded stories among a tier's candidates (few: their "terms" hold FOLDS_CODE), newest first. */
function foldedQuery(q: TierQuery, range: KeyRange): { sql: string; params: unknown[] } {
  const w = tierWhere(q, range, `(s."key" + 0)`, null, [FOLDS_CODE]);
  return { sql: `SELECT s."key" FROM "ArticleSearch" s WHERE ${w.where.join(" AND ")} ORDER BY s."key" + 0`, params: w.params };
}

/** A search statement, on connections with sequential scans off (lib/db/client.ts, searchDb). */
const query = <T>(sql: string, params: unknown[]): Promise<T[]> => searchDb.$queryRawUnsafe<T[]>(sql, ...params);

type KeyRow = { key: number | bigint | string };

export async function postgresCandidates(q: TierQuery, range: KeyRange, limit: number, after: number | null): Promise<Candidate[]> {
  const { sql, params } = candidateQuery(q, range, limit, after);
  const rows = await query<KeyRow & { unsure: boolean }>(sql, params);
  return rows.map((r) => ({ key: Number(r.key), id: idFromKey(Number(r.key)), hit: !r.unsure }));
}

export const postgresBackend: SearchBackend = {
  // A GIN index yields matches in no order: counting them up to the cap and fetching the page
  // newest first are separate statements, each with its own plan.
  async page(q, range, cap, offset, size) {
    const needs = textNeeds(q);
    // Every candidate then needs its normalized text read: take them newest first, confirmed.
    if (needs?.acrossPunctuation) {
      const ids = await tierMatches(postgresCandidates, q, range, cap);
      return { total: ids.length, ids: ids.slice(offset, offset + size) };
    }
    let folded: number[] = [];
    if (needs && q.text) {
      const { sql, params } = foldedQuery(q, range);
      const keys = (await query<KeyRow>(sql, params)).map((r) => Number(r.key));
      const confirmed = await confirmedIds(keys.map(idFromKey), q.text.phrases);
      folded = keys.filter((k) => confirmed.has(idFromKey(k)));
    }
    const count = countQuery(q, range, cap);
    const counted = await query<{ n: number | bigint | string }>(count.sql, count.params);
    const total = Math.min(cap, Number(counted[0]?.n ?? 0) + folded.length);
    if (size <= 0 || offset >= total) return { total, ids: [] };
    // Many matches: walking the key index newest first finds a page at once, but the planner, which
    // multiplies the selectivities of a phrase's tokens as if they were independent, may not see it.
    const many = total >= cap;
    const { sql, params } = pageQuery(q, range, offset + size, many);
    const keys = (await query<KeyRow>(sql, params)).map((r) => Number(r.key));
    const merged = [...keys, ...folded].sort((a, b) => a - b);
    return { total, ids: merged.slice(offset, offset + size).map(idFromKey) };
  },
};
