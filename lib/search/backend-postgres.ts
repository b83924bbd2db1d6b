import { db } from "../db/client";
import type { KeyRange, Phrase, SearchBackend, TierQuery } from "./plan";
import { idFromKeySql } from "./search-key";

// PostgreSQL: the same tokens in tsvectors (see index-postgres.ts), matched
// with tsquery phrases ('左权' <-> '权羊'); headline tokens carry weight A.

/** A tsquery lexeme: tokens are letters and digits only, but quoting keeps that a guarantee. */
const lexeme = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

function tsPhrase(p: Phrase, weight: "" | "A"): string {
  return p.tokens
    .map((t, i) => {
      const prefix = p.prefix && i === p.tokens.length - 1 ? "*" : "";
      return lexeme(t) + (prefix || weight ? `:${prefix}${weight}` : "");
    })
    .join(" <-> ");
}

const allOf = (phrases: Phrase[], weight: "" | "A") => phrases.map((p) => `(${tsPhrase(p, weight)})`).join(" & ");

/** The WHERE clause of a tier and its parameters, after `first` parameters already bound. */
export function tsWhere(q: TierQuery, range: KeyRange): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  if (q.facets.length) {
    params.push(q.facets.map(lexeme).join(" & "));
    clauses.push(`"facets" @@ $1::tsquery`);
  }
  if (q.text) {
    const column = q.text.in === "chars" ? "chars" : "doc";
    let query = allOf(q.text.phrases, q.text.in === "headline" ? "A" : "");
    if (q.notInHeadline) query = `(${query}) & !(${allOf(q.notInHeadline, "A")})`;
    params.push(query);
    clauses.push(`"${column}" @@ $${params.length}::tsquery`);
  }
  params.push(range.min, range.max);
  clauses.push(`"key" BETWEEN $${params.length - 1} AND $${params.length}`);
  return { sql: clauses.join(" AND "), params };
}

/**
 * Runs a search statement with sequential scans off: the planner guesses a tsquery's matches
 * (a flat few hundred), and a scan of every story's tsvector is never the right plan here.
 */
async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const [, rows] = await db.$transaction([db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"), db.$queryRawUnsafe<T[]>(sql, ...params)]);
  return rows;
}

export const postgresBackend: SearchBackend = {
  async count(q: TierQuery, range: KeyRange, limit: number) {
    const { sql, params } = tsWhere(q, range);
    const rows = await query<{ n: number | bigint }>(`SELECT count(*) AS n FROM (SELECT 1 FROM "ArticleSearch" WHERE ${sql} LIMIT $${params.length + 1}) AS hits`, [
      ...params,
      limit,
    ]);
    return Number(rows[0]?.n ?? 0);
  },
  async ids(q: TierQuery, range: KeyRange, limit: number, offset: number, matches: number) {
    const { sql, params } = tsWhere(q, range);
    // The planner cannot estimate a tsquery's matches. With many, walking the key index newest first
    // finds a page at once; with few, that walk would read every row, so `"key" + 0` makes it
    // fetch the matches through the GIN index and sort them instead.
    const order = matches > 200 ? `"key"` : `"key" + 0`;
    const rows = await query<{ id: number | bigint }>(
      `SELECT ${idFromKeySql('"key"')}::int AS id FROM "ArticleSearch" WHERE ${sql} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return rows.map((r) => Number(r.id));
  },
};
