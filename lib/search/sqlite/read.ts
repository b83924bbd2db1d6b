import { plainRows } from "../../db/client";
import type { SqlBinder } from "../../db/dialect";
import { indexDecides, type Candidate, type KeyRange, type Phrase, type TierPager, type TierQuery } from "../plan";
import { idFromKey, idFromKeySql } from "../search-key";
import { tierMatches } from "../verify";
import { FOLDS_TOKEN, HEADLINE_TABLE, SEARCH_TABLE } from "./schema";

// Reading SQLite's index (./schema.ts): a tier's candidates in key order, newest first, and a page.

/** An FTS5 string literal: tokens are letters and digits only, but quote-doubling keeps that a guarantee. */
const ftsString = (s: string) => `"${s.replaceAll('"', '""')}"`;
const prefixed = (p: Phrase, i: number) => (p.prefix && i === p.tokens.length - 1 ? " *" : "");
const ftsPhrase = (p: Phrase) => ftsString(p.tokens.join(" ")) + (p.prefix ? " *" : "");
const allPhrases = (phrases: Phrase[]) => `(${phrases.map(ftsPhrase).join(" AND ")})`;
const HEADLINE_COLUMNS = { headline: "{title}", chars: "{title_chars}" } as const;

/** The headline table's MATCH expression: phrases with positions, so exact. */
export function headlineMatch(q: TierQuery & { text: { in: "headline" | "chars" } | null }): string {
  const parts = [
    ...(q.text ? [`${HEADLINE_COLUMNS[q.text.in]} : ${allPhrases(q.text.phrases)}`] : []),
    ...(q.facets.length ? [`{facets} : (${q.facets.map(ftsString).join(" AND ")})`] : []),
  ];
  return parts.join(" AND ");
}

/** The positionless table's MATCH expression: every token of every phrase, and every facet. */
export function termsMatch(q: TierQuery): string {
  const tokens = (q.text?.phrases ?? []).flatMap((p) => p.tokens.map((t, i) => ftsString(t) + prefixed(p, i)));
  return [...tokens, ...q.facets.map(ftsString)].join(" AND ");
}

/** Whether the stored text contains a one-run phrase, in the headline or the body; ASCII case folded when the phrase has Latin letters. */
function textHas(sql: SqlBinder, p: Phrase): string {
  const fold = (column: string) => (/[a-z]/.test(p.text) ? `lower(${column})` : column);
  const has = (column: string) => `instr(${fold(column)}, ${sql.bind(p.text)})`;
  return `(${has('a."text"')} OR ${has('a."title"')} OR ${has(`coalesce(a."subtitle", '')`)} OR ${has(`coalesce(a."kicker", '')`)})`;
}

type Row = { key: number | bigint; unsure: number | bigint };
const toCandidates = (rows: Row[]): Candidate[] =>
  rows.map((r) => ({ key: Number(r.key), id: idFromKey(Number(r.key)), hit: Number(r.unsure) !== 1 }));

export async function sqliteCandidates(
  q: TierQuery,
  range: KeyRange,
  limit: number,
  after: number | null,
): Promise<Candidate[]> {
  // Ascending rowid is the index's own order, newest first: FTS5 stops after LIMIT rows.
  const min = after === null ? range.min : Math.max(range.min, after + 1);
  if (q.text && q.text.in !== "all") {
    const match = headlineMatch({ ...q, text: { in: q.text.in, phrases: q.text.phrases } });
    const rows = await plainRows<Row>(
      (sql) =>
        `SELECT rowid AS key, 0 AS unsure FROM "${HEADLINE_TABLE}" WHERE "${HEADLINE_TABLE}" MATCH ${sql.bind(match)} AND rowid BETWEEN ${sql.bind(min)} AND ${sql.bind(range.max)} ORDER BY rowid LIMIT ${sql.bind(limit)}`,
    );
    return toCandidates(rows);
  }
  const phrases = q.text?.phrases ?? [];
  // The text decides what the index cannot (plan.ts, Candidate). One-run phrases are checked here,
  // on the stored text, except in stories whose text folds beyond ASCII case; those, and phrases
  // across punctuation, are left unsure for verify.ts.
  const toCheck = phrases.filter((p) => !indexDecides(p));
  const oneRun = toCheck.filter((p) => !p.text.includes(" "));
  const folds = `"${SEARCH_TABLE}".rowid IN (SELECT rowid FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH '"${FOLDS_TOKEN}"')`;
  const unsure = toCheck.length === 0 ? "0" : oneRun.length < toCheck.length ? "1" : folds;
  const join = oneRun.length ? `JOIN "Article" a ON a."id" = ${idFromKeySql(`"${SEARCH_TABLE}".rowid`)}` : "";
  const notInHeadline = q.notInHeadline;
  // Past Prisma's client (plainRows): a tier reads up to 1,001 rows, and Prisma's raw path costs per row.
  const rows = await plainRows<Row>(
    (sql) =>
      `SELECT "${SEARCH_TABLE}".rowid AS key, ${unsure} AS unsure FROM "${SEARCH_TABLE}" ${join}
     WHERE "${SEARCH_TABLE}" MATCH ${sql.bind(termsMatch(q))} AND "${SEARCH_TABLE}".rowid BETWEEN ${sql.bind(min)} AND ${sql.bind(range.max)}
     ${oneRun.length ? `AND (${folds} OR ${oneRun.map((p) => textHas(sql, p)).join(" AND ")})` : ""}
     ${notInHeadline ? `AND "${SEARCH_TABLE}".rowid NOT IN (SELECT rowid FROM "${HEADLINE_TABLE}" WHERE "${HEADLINE_TABLE}" MATCH ${sql.bind(`{title} : ${allPhrases(notInHeadline)}`)})` : ""}
     ORDER BY "${SEARCH_TABLE}".rowid LIMIT ${sql.bind(limit)}`,
  );
  return toCandidates(rows);
}

/** FTS5 reads its lists newest first and stops at the cap: one list gives both the count and the page. */
export const sqlitePage: TierPager = async (q, range, cap, offset, size) => {
  const ids = await tierMatches(sqliteCandidates, q, range, cap);
  return { total: ids.length, ids: ids.slice(offset, offset + size) };
};
