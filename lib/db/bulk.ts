import type { Tx } from "./client";
import { databaseProvider } from "./url";

// Bulk inserts in raw SQL. Prisma's query compiler serializes every value of a
// createMany through WebAssembly, which made it most of a 10,000-article
// ingest; a multi-row INSERT with bound parameters skips that. Values are
// stored the way Prisma stores them, so Prisma reads them back unchanged.

type Value = string | number | boolean | Date | null;

/** Bound parameters per statement: under SQLite's limit of 32,766. */
const MAX_PARAMS = 30_000;

function encode(value: Value, provider: "sqlite" | "postgresql"): unknown {
  if (provider === "postgresql") return value;
  // Prisma keeps SQLite DateTimes as ISO text with an explicit offset, and booleans as 0/1.
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Inserts rows (all with the same keys) into `table`; returns the `returning` columns of each row, in order. */
export async function insertRows<R = unknown>(
  tx: Tx,
  table: string,
  rows: Record<string, Value>[],
  returning?: string[],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const provider = databaseProvider();
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    let n = 0;
    const placeholder = () => (provider === "postgresql" ? `$${++n}` : "?");
    const values = batch.map(() => `(${columns.map(placeholder).join(", ")})`).join(", ");
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`;
    const params = batch.flatMap((row) => columns.map((c) => encode(row[c] ?? null, provider)));
    if (returning)
      out.push(
        ...(await tx.$queryRawUnsafe<R[]>(`${sql} RETURNING ${returning.map((c) => `"${c}"`).join(", ")}`, ...params)),
      );
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}
