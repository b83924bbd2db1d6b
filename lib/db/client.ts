import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { databaseProvider, databaseUrl, SEARCH_CONNECTION_OPTIONS, sqliteFilePath } from "./url";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Creates a client for `url`; the app uses the shared `db` below, scripts and tests may make their own. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const provider = databaseProvider(url);
  if (provider === "sqlite") {
    // Readers wait briefly on an ingest's write lock instead of failing.
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 10_000 }) });
  }
  // The PostgreSQL client is generated from the same data model (lib/db/pg-schema.ts), so it has the
  // very same API; TypeScript only sees two separately generated classes.
  return new PostgresPrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
  }) as unknown as PrismaClient;
}

// One client per process; the globalThis guard keeps dev-mode hot reloads from opening more.
const globalForPrisma = globalThis as unknown as { portalDb?: PrismaClient; portalSearchPool?: pg.Pool };

export const db: PrismaClient = globalForPrisma.portalDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.portalDb = db;

/**
 * Search's statements on PostgreSQL (lib/search/backend-postgres.ts): hand-written SQL, sent by
 * node-postgres itself (Prisma adds about 0.25 ms to each raw statement, as much as a headline
 * lookup takes), on connections of their own with sequential scans off (a scan of every story's
 * index row is never the right plan for a search, and the planner cannot always tell, while
 * elsewhere a scan of a small table is), no parallel workers and no JIT compilation (starting
 * either costs more than a search's statement takes; the index expression's high cost would
 * otherwise bring JIT in), and generic plans for the statements search prepares (its plans
 * depend on the shape of a search, not on its values).
 */
export function searchPool(): pg.Pool {
  if (globalForPrisma.portalSearchPool) return globalForPrisma.portalSearchPool;
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_SEARCH_POOL_SIZE ?? 5),
    options: SEARCH_CONNECTION_OPTIONS,
  });
  // An idle connection the server closed (a restart, a dropped test database) is replaced on next use.
  pool.on("error", () => {});
  return (globalForPrisma.portalSearchPool = pool);
}

/**
 * Rows of a statement on the search connections. Prepared (unless told not to), once per
 * connection and text, and planned once: a search's statements differ in their values, not their
 * text, and parsing and planning a tier's statement took about half a millisecond a search.
 */
export async function searchQuery<T extends object>(
  sql: string,
  params: unknown[],
  { prepare = true } = {},
): Promise<T[]> {
  const name = prepare ? statementName(sql) : undefined;
  return (await searchPool().query<T>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
}

/** A name per statement text: the texts are few (a search's shape: windows, phrases, filters); past a bound, new ones go unnamed. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED) statementNames.set(sql, (name = `search_${statementNames.size}`));
  return name;
}
const MAX_PREPARED = 256;

/** Closes the search pool, if a search opened it (scripts and tests that end their database). */
export async function endSearchPool(): Promise<void> {
  const pool = globalForPrisma.portalSearchPool;
  globalForPrisma.portalSearchPool = undefined;
  await pool?.end();
}

/** How a plain statement binds its values, on either provider (plainRows). */
export interface SqlBinder {
  bind(value: unknown): string;
  /** `= ANY (…)` or `IN (…)` of these ids. */
  inIds(ids: number[]): string;
  /** A TIMESTAMP column as an instant: PostgreSQL's are stored without a time zone, in UTC, as Prisma writes them. */
  utc(column: string): string;
}

/**
 * Rows of a plain statement on a search's hot path (the page's summaries, the filters' and the
 * byline's lookups): on PostgreSQL through the search pool, where Prisma's client would add more
 * than the statement takes; on SQLite through Prisma.
 */
export async function plainRows<T extends object>(statement: (sql: SqlBinder) => string): Promise<T[]> {
  const params: unknown[] = [];
  if (databaseProvider() === "postgresql") {
    const sql = statement({
      bind: (value) => `$${params.push(value)}`,
      inIds: (ids) => `= ANY ($${params.push(ids)}::int4[])`,
      utc: (column) => `(${column} AT TIME ZONE 'UTC')`,
    });
    return searchQuery<T>(sql, params);
  }
  // SQLite numbers ? in order of appearance: each value is bound where its placeholder is written.
  const sql = statement({
    bind: (value) => (params.push(value), "?"),
    inIds: (ids) => `IN (${ids.map((id) => (params.push(id), "?")).join(", ")})`,
    utc: (column) => column,
  });
  return db.$queryRawUnsafe<T[]>(sql, ...params);
}
