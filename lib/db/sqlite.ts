import { statSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { prismaSql, type Dialect } from "./dialect";
import { PrismaClient } from "./generated/client";
import { sqliteFilePath } from "./url";

/** SQLite's largest memory map (SQLITE_MAX_MMAP_SIZE): 2 GB less 64 KB. */
const MMAP_BYTES = 2 ** 31 - 2 ** 16;

/** The adapter's factory, keeping the better-sqlite3 connection it opens (Dialect.driverSql writes through it). */
class SqliteAdapter extends PrismaBetterSQLite3 {
  connection: Database.Database | undefined;
  memoryMap = false;
  override async connect() {
    const adapter = await super.connect();
    // The adapter holds its connection as `client`, which its types do not show.
    const held: unknown = Reflect.get(adapter, "client");
    if (held instanceof Database) {
      this.connection = held;
      // The app's readers read through a memory map, up to SQLite's largest (2 GB): a search reads
      // keys and checks phrases in stories scattered over the file, and copying each page from the
      // OS's cache through SQLite's own 2 MB cache took half its time (2 × at 100,000 articles).
      // The mapped pages are the OS's file cache, shared and reclaimable, though RSS counts those
      // touched. An ingest, which writes, gained nothing from it (10,000 stories, two runs each).
      if (this.memoryMap) held.pragma(`mmap_size = ${MMAP_BYTES}`);
    }
    return adapter;
  }
}

/**
 * Each client's driver connection, once Prisma has opened it. Kept on globalThis, as the client is
 * in development and tests (lib/db/client.ts): a second copy of this module (a hot reload) must
 * still find the connection of the client the first copy made.
 */
const globalForConnections = globalThis as unknown as {
  portalSqliteConnections?: WeakMap<PrismaClient, () => Database.Database | undefined>;
};
const connections = (globalForConnections.portalSqliteConnections ??= new WeakMap());

// Readers wait briefly on an ingest's write lock instead of failing (lockTimeoutMs, 10 s by default).
function open(file: string, timeout: number, memoryMap: boolean) {
  const adapter = new SqliteAdapter({ url: file, timeout });
  adapter.memoryMap = memoryMap;
  const client = new PrismaClient({ adapter });
  connections.set(client, () => adapter.connection);
  return client;
}

/** A prepared statement and its columns to convert, found once when it is prepared. */
interface Prepared {
  statement: Database.Statement;
  dates: string[];
  flags: string[];
}

/** Prepared statements per connection, by their text; bounded, since ids lists make variants. */
const statements = new WeakMap<Database.Database, Map<string, Prepared>>();
const STATEMENTS_KEPT = 256;

function prepared(connection: Database.Database, sql: string): Prepared {
  let kept = statements.get(connection);
  if (!kept) statements.set(connection, (kept = new Map<string, Prepared>()));
  let found = kept.get(sql);
  if (!found) {
    if (kept.size >= STATEMENTS_KEPT) kept.clear();
    // The adapter reads integers as BigInt; every integer here (ids, counts, keys) fits a number, as Prisma reads an Int.
    const statement = connection.prepare(sql).safeIntegers(false);
    const columns = statement.columns();
    const typed = (type: string) => columns.filter((c) => c.type?.toUpperCase() === type).map((c) => c.name);
    kept.set(sql, (found = { statement, dates: typed("DATETIME"), flags: typed("BOOLEAN") }));
  }
  return found;
}

/**
 * A statement's rows read as Prisma's raw queries read them: a DATETIME column (kept as ISO text)
 * becomes a Date and a BOOLEAN one (0/1) a boolean, by the column's declared type.
 */
function driverRows<T>(connection: Database.Database, sql: string, params: unknown[]): T[] {
  const { statement, dates, flags } = prepared(connection, sql);
  const rows = statement.all(params) as Record<string, unknown>[];
  if (dates.length || flags.length)
    for (const row of rows) {
      for (const name of dates) if (typeof row[name] === "string") row[name] = new Date(row[name]);
      for (const name of flags) if (typeof row[name] === "number") row[name] = row[name] !== 0;
    }
  return rows as T[];
}

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
function reopeningClient(file: string, lockTimeoutMs: number, memoryMap: boolean): PrismaClient {
  let client = open(file, lockTimeoutMs, memoryMap);
  let opened = inode(file);
  let checked = Date.now();
  const current = () => {
    const now = Date.now();
    if (now - checked < CHECK_EVERY_MS) return client;
    checked = now;
    const found = inode(file);
    if (found !== null && found !== opened) {
      const old = client;
      client = open(file, lockTimeoutMs, memoryMap);
      opened = found;
      void old.$disconnect();
    }
    return client;
  };
  const proxy = new Proxy({} as PrismaClient, {
    get(_, property) {
      const target = current();
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  connections.set(proxy, () => connections.get(client)?.());
  return proxy;
}

export const sqliteDialect: Dialect = {
  provider: "sqlite",

  createClient: (url, { lockTimeoutMs = 10_000, memoryMap = false } = {}) =>
    reopeningClient(sqliteFilePath(url), lockTimeoutMs, memoryMap),

  async plainRows<T extends object>(client: PrismaClient, statement: Parameters<Dialect["plainRows"]>[1]) {
    // SQLite numbers ? in order of appearance: each value is bound where its placeholder is written.
    const params: unknown[] = [];
    const sql = statement({
      bind: (value) => (params.push(sqliteDialect.encode(value)), "?"),
      inIds: (ids) => `IN (${ids.map((id) => (params.push(id), "?")).join(", ")})`,
      utc: (column) => column,
    });
    // Straight to the driver once Prisma has opened it, as PostgreSQL's plain path does: Prisma's
    // client costs a cold article page more than its statements take. In a transaction the
    // connection belongs to the transaction's statements, so reads wait their turn through Prisma.
    let connection = connections.get(client)?.();
    // The first statement of a process opens the connection (Prisma opens it lazily).
    if (!connection) await client.$connect().then(() => (connection = connections.get(client)?.()));
    if (!connection || connection.inTransaction) return client.$queryRawUnsafe<T[]>(sql, ...params);
    return driverRows<T>(connection, sql, params);
  },

  placeholder: () => "?",

  // Prisma keeps SQLite DateTimes as ISO text with an explicit offset, and booleans as 0/1.
  encode(value) {
    if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
    if (typeof value === "boolean") return value ? 1 : 0;
    return value;
  },

  // better-sqlite3 has one connection per client, and Prisma's transaction holds it from BEGIN on:
  // statements sent on it while that transaction is open are part of it, committed or rolled back with it.
  async driverSql(client, tx) {
    const connection = connections.get(client)?.();
    if (!connection?.inTransaction) return prismaSql(tx);
    return {
      run: async (sql, params) => void connection.prepare(sql).run(params),
      rows: async <T>(sql: string, params: unknown[]) => connection.prepare(sql).all(params) as T[],
      direct: true,
    };
  },

  // Take SQLite's write lock before reading anything: a second ingest then waits (up to the busy
  // timeout) instead of failing later on a snapshot the first one has changed.
  async lockForIngest(tx) {
    await tx.$executeRawUnsafe(`DELETE FROM "Section" WHERE 0`);
  },
};
