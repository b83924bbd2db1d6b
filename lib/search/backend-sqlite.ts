import { db } from "../db/client";
import { HEADLINE_TABLE, SEARCH_TABLE } from "./index-sqlite";
import { indexDecides, type Candidate, type KeyRange, type Phrase, type SearchBackend, type TierQuery } from "./plan";
import { idFromKey, idFromKeySql } from "./search-key";

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

/** Whether the stored text (case folded) contains a phrase, in the headline or the body. */
const textHas = `(instr(lower(a."text"), ?) OR instr(lower(a."title"), ?) OR instr(lower(coalesce(a."subtitle", '')), ?) OR instr(lower(coalesce(a."kicker", '')), ?))`;

type Row = { key: number | bigint; hit: number | bigint };
const toCandidates = (rows: Row[]): Candidate[] =>
  rows.map((r) => ({ key: Number(r.key), id: idFromKey(Number(r.key)), hit: Number(r.hit) === 1 }));

export const sqliteBackend: SearchBackend = {
  async candidates(q: TierQuery, range: KeyRange, limit: number, after: number | null) {
    // Ascending rowid is the index's own order, newest first: FTS5 stops after LIMIT rows.
    const min = after === null ? range.min : Math.max(range.min, after + 1);
    if (q.text && q.text.in !== "all") {
      const rows = await db.$queryRawUnsafe<Row[]>(
        `SELECT rowid AS key, 1 AS hit FROM "${HEADLINE_TABLE}" WHERE "${HEADLINE_TABLE}" MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?`,
        headlineMatch({ ...q, text: { in: q.text.in, phrases: q.text.phrases } }),
        min,
        range.max,
        limit,
      );
      return toCandidates(rows);
    }
    const phrases = q.text?.phrases ?? [];
    const decided = phrases.every(indexDecides);
    const hit = decided ? "1" : phrases.map(() => textHas).join(" AND ");
    const join = decided ? "" : `JOIN "Article" a ON a."id" = ${idFromKeySql(`"${SEARCH_TABLE}".rowid`)}`;
    const notInHeadline = q.notInHeadline ? `AND "${SEARCH_TABLE}".rowid NOT IN (SELECT rowid FROM "${HEADLINE_TABLE}" WHERE "${HEADLINE_TABLE}" MATCH ?)` : "";
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT "${SEARCH_TABLE}".rowid AS key, ${hit} AS hit FROM "${SEARCH_TABLE}" ${join}
       WHERE "${SEARCH_TABLE}" MATCH ? AND "${SEARCH_TABLE}".rowid BETWEEN ? AND ? ${notInHeadline}
       ORDER BY "${SEARCH_TABLE}".rowid LIMIT ?`,
      ...(decided ? [] : phrases.flatMap((p) => [p.text, p.text, p.text, p.text])),
      termsMatch(q),
      min,
      range.max,
      ...(q.notInHeadline ? [`{title} : ${allPhrases(q.notInHeadline)}`] : []),
      limit,
    );
    return toCandidates(rows);
  },
};
