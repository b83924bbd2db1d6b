import { db } from "../db/client";
import { tokenCode } from "./index-postgres";
import { indexDecides, type Candidate, type KeyRange, type Phrase, type SearchBackend, type TierQuery } from "./plan";
import { idFromKey, idFromKeySql } from "./search-key";

// PostgreSQL: phrases find candidates through the "terms" integer array (every token but a
// trailing prefix), headline phrases match the "head" tsvector ('左权' <-> '权羊') exactly,
// and facets the "facets" tsvector. See index-postgres.ts.

/** A tsquery lexeme: tokens are letters and digits only, but quoting keeps that a guarantee. */
const lexeme = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function tsPhrase(p: Phrase): string {
  return p.tokens.map((t, i) => lexeme(t) + (p.prefix && i === p.tokens.length - 1 ? ":*" : "")).join(" <-> ");
}

/** A tsquery requiring every phrase. */
export const tsAll = (phrases: Phrase[]) => phrases.map((p) => `(${tsPhrase(p)})`).join(" & ");

/** The codes a candidate's "terms" must contain: every token of every phrase but a prefix. */
export function termCodesOf(phrases: Phrase[]): { codes: number[]; exact: boolean } {
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

/** Whether the stored text contains a one-run phrase, in the headline or the body; ASCII case folded when the phrase has Latin letters. */
function textHas(p: Phrase, n: number): string {
  const fold = (column: string) => (/[a-z]/.test(p.text) ? `lower(${column})` : column);
  return `(strpos(${fold('a."text"')}, $${n}) > 0 OR strpos(${fold('a."title"')}, $${n}) > 0 OR strpos(${fold(`coalesce(a."subtitle", '')`)}, $${n}) > 0 OR strpos(${fold(`coalesce(a."kicker", '')`)}, $${n}) > 0)`;
}

/** The statement for a tier's candidates and its parameters. */
export function candidateQuery(q: TierQuery, range: KeyRange, limit: number, after: number | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  let unsure = "false";
  let textCheck: string | null = null;
  if (q.facets.length) where.push(`s."facets" @@ ${bind(q.facets.map(lexeme).join(" & "))}::tsquery`);
  if (q.text?.in === "headline") where.push(`s."head" @@ ${bind(tsAll(q.text.phrases))}::tsquery`);
  if (q.text?.in === "chars") where.push(`s."chars" @@ ${bind(tsAll(q.text.phrases))}::tsquery`);
  if (q.text?.in === "all") {
    const { codes, exact } = termCodesOf(q.text.phrases);
    where.push(`s."terms" @> ${bind(`{${codes.join(",")}}`)}::int4[]`);
    // The text decides what the index cannot (plan.ts, Candidate). One-run phrases are checked here,
    // on the stored text, except in stories whose text folds beyond ASCII case; those, and phrases
    // across punctuation, are left unsure for verify.ts.
    if (!exact) {
      const oneRun = q.text.phrases.filter((p) => !p.text.includes(" "));
      unsure = oneRun.length < q.text.phrases.length ? "true" : `s."folds"`;
      if (oneRun.length) textCheck = oneRun.map((p) => textHas(p, params.push(p.text))).join(" AND ");
    }
  }
  if (q.notInHeadline) where.push(`NOT (s."head" @@ ${bind(tsAll(q.notInHeadline))}::tsquery)`);
  where.push(`s."key" BETWEEN ${bind(after === null ? range.min : Math.max(range.min, after + 1))} AND ${bind(range.max)}`);
  // The planner cannot estimate a headline phrase's matches (a tsquery of several lexemes); there are
  // few next to the stories, so `"key" + 0` has it fetch them through the GIN index and sort, rather
  // than walk every story newest first. One lexeme it estimates from its statistics, as it does
  // integer arrays, and picks well.
  const phrase = q.text && q.text.in !== "all" && q.text.phrases.some((p) => p.tokens.length > 1);
  const order = phrase ? `s."key" + 0` : `s."key"`;
  const candidates = `SELECT s."key", ${unsure} AS unsure FROM "ArticleSearch" s WHERE ${where.join(" AND ")} ORDER BY ${order}`;
  // The text is read for candidates in key order, only until the page is full: OFFSET 0 keeps the
  // planner from joining every candidate to its article before sorting.
  const sql = textCheck
    ? `SELECT c."key", c.unsure FROM (${candidates} OFFSET 0) c
       WHERE c.unsure OR EXISTS (SELECT 1 FROM "Article" a WHERE a."id" = ${idFromKeySql('c."key"')} AND ${textCheck})
       ORDER BY c."key" LIMIT ${bind(limit)}`
    : `${candidates} LIMIT ${bind(limit)}`;
  return { sql, params };
}

/**
 * Runs a search statement with sequential scans off: a scan of every story's index row is never
 * the right plan here, and the planner cannot always tell.
 */
async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"), db.$queryRawUnsafe<T[]>(sql, ...params)]);
  return rows;
}

export const postgresBackend: SearchBackend = {
  async candidates(q: TierQuery, range: KeyRange, limit: number, after: number | null): Promise<Candidate[]> {
    const { sql, params } = candidateQuery(q, range, limit, after);
    const rows = await query<{ key: number | bigint | string; unsure: boolean }>(sql, params);
    return rows.map((r) => ({ key: Number(r.key), id: idFromKey(Number(r.key)), hit: !r.unsure }));
  },
};
