import { statSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Dialect } from "./dialect";
import { PrismaClient } from "./generated/client";
import { sqliteFilePath } from "./url";

// Readers wait briefly on an ingest's write lock instead of failing (lockTimeoutMs, 10 s by default).
const open = (file: string, timeout: number) =>
  new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout }) });

/** The file's identity; null while it does not exist. */
function inode(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}

/** How often a client looks whether its file was replaced. */
const CHECK_EVERY_MS = 1000;

/**
 * A client that follows its file: when the database file is replaced (deleted and created anew,
 * or renamed over), the open connection still reads the old one, so the client reopens on the new
 * file, looked for at most once a second, at its next use.
 */
function reopeningClient(file: string, lockTimeoutMs: number): PrismaClient {
  let client = open(file, lockTimeoutMs);
  let opened = inode(file);
  let checked = Date.now();
  const current = () => {
    const now = Date.now();
    if (now - checked < CHECK_EVERY_MS) return client;
    checked = now;
    const found = inode(file);
    if (found !== null && found !== opened) {
      const old = client;
      client = open(file, lockTimeoutMs);
      opened = found;
      void old.$disconnect();
    }
    return client;
  };
  return new Proxy({} as PrismaClient, {
    get(_, property) {
      const target = current();
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export const sqliteDialect: Dialect = {
  provider: "sqlite",

  createClient: (url, { lockTimeoutMs = 10_000 } = {}) => reopeningClient(sqliteFilePath(url), lockTimeoutMs),

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
