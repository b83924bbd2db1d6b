import { dialect } from "../db/client";
import type { DriverSql, Value } from "../db/dialect";

// Bulk inserts in raw SQL, sent by the database driver inside the ingest's transaction (DriverSql):
// Prisma's query compiler copies every bound value through WebAssembly, which made it most of a
// 10,000-article ingest. Values are stored the way Prisma stores them (Dialect.encode), so Prisma
// reads them back unchanged.

/** Bound parameters per statement: under SQLite's limit of 32,766. */
const MAX_PARAMS = 30_000;

/** Rows per Prisma statement that lists ids: well under SQLite's bound-parameter limit. */
export const BATCH = 500;

export function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Inserts rows (all with the same keys) into `table`; returns the `returning` columns of each row, in order. */
export async function insertRows<R = unknown>(
  sql: DriverSql,
  table: string,
  rows: Record<string, Value>[],
  returning?: string[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const out: R[] = [];
  for (const batch of chunks(rows, Math.max(1, Math.floor(MAX_PARAMS / columns.length)))) {
    let n = 0;
    const values = batch.map(() => `(${columns.map(() => dialect.placeholder(++n)).join(", ")})`).join(", ");
    const insert = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`;
    const params = batch.flatMap((row) => columns.map((c) => dialect.encode(row[c] ?? null)));
    if (returning) {
      const returned = `${insert} RETURNING ${returning.map((c) => `"${c}"`).join(", ")}`;
      out.push(...(await sql.rows<R>(returned, params)));
    } else await sql.run(insert, params);
  }
  return out;
}
