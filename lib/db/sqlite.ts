import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Dialect } from "./dialect";
import { PrismaClient } from "./generated/client";
import { sqliteFilePath } from "./url";

export const sqliteDialect: Dialect = {
  provider: "sqlite",

  // Readers wait briefly on an ingest's write lock instead of failing.
  createClient: (url) =>
    new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 10_000 }) }),

  async plainRows<T extends object>(client: PrismaClient, statement: Parameters<Dialect["plainRows"]>[1]) {
    // SQLite numbers ? in order of appearance: each value is bound where its placeholder is written.
    const params: unknown[] = [];
    const sql = statement({
      bind: (value) => (params.push(value), "?"),
      inIds: (ids) => `IN (${ids.map((id) => (params.push(id), "?")).join(", ")})`,
      utc: (column) => column,
    });
    return client.$queryRawUnsafe<T[]>(sql, ...params);
  },

  placeholder: () => "?",

  // Prisma keeps SQLite DateTimes as ISO text with an explicit offset, and booleans as 0/1.
  encode(value) {
    if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
    if (typeof value === "boolean") return value ? 1 : 0;
    return value;
  },

  // Take SQLite's write lock before reading anything: a second ingest then waits (up to the busy
  // timeout) instead of failing later on a snapshot the first one has changed.
  async lockForIngest(tx) {
    await tx.$executeRawUnsafe(`DELETE FROM "Section" WHERE 0`);
  },
};
