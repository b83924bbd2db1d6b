import { db } from "../db/client";
import { SEARCH_TABLE } from "./index-sqlite";
import type { KeyRange, Phrase, SearchBackend, TierQuery } from "./plan";
import { idFromKeySql } from "./search-key";

/** An FTS5 string literal: tokens are letters and digits only, but quote-doubling keeps that a guarantee. */
const ftsString = (s: string) => `"${s.replaceAll('"', '""')}"`;
const ftsPhrase = (p: Phrase) => ftsString(p.tokens.join(" ")) + (p.prefix ? " *" : "");
const all = (phrases: Phrase[]) => `(${phrases.map(ftsPhrase).join(" AND ")})`;
const COLUMNS = { headline: "{title}", all: "{title body}", chars: "{title_chars}" } as const;

/** One FTS5 MATCH expression for a tier. */
export function ftsMatch(q: TierQuery): string {
  const parts = [
    ...(q.text ? [`${COLUMNS[q.text.in]} : ${all(q.text.phrases)}`] : []),
    ...(q.facets.length ? [`{facets} : (${q.facets.map(ftsString).join(" AND ")})`] : []),
  ];
  const not = q.notInHeadline ? ` NOT {title} : ${all(q.notInHeadline)}` : "";
  return `(${parts.join(" AND ")})${not}`;
}

export const sqliteBackend: SearchBackend = {
  async count(q: TierQuery, range: KeyRange, limit: number) {
    const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`,
      ftsMatch(q),
      range.min,
      range.max,
      limit,
    );
    return Number(rows[0]?.n ?? 0);
  },
  async ids(q: TierQuery, range: KeyRange, limit: number, offset: number) {
    // Ascending rowid is the index's own order, newest first: FTS5 stops after LIMIT + OFFSET rows.
    const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
      `SELECT ${idFromKeySql("rowid")} AS id FROM "${SEARCH_TABLE}" WHERE "${SEARCH_TABLE}" MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ? OFFSET ?`,
      ftsMatch(q),
      range.min,
      range.max,
      limit,
      offset,
    );
    return rows.map((r) => Number(r.id));
  },
};
