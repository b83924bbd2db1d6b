import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { prismaSql, type Dialect, type PrismaClient } from "./dialect";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";

/** Session settings of the plain connections (plainPool says why). */
export const PLAIN_CONNECTION_OPTIONS =
  "-c enable_seqscan=off -c max_parallel_workers_per_gather=0 -c jit=off -c plan_cache_mode=force_generic_plan";

// One pool per process; the globalThis guard keeps dev-mode hot reloads from opening more.
const globalForPool = globalThis as unknown as { portalPlainPool?: pg.Pool };

/**
 * The connections of search's statements and of the plain statements on its path (the page's
 * summaries, the filters' lookups): hand-written SQL sent by node-postgres itself (Prisma adds
 * about 0.25 ms to each raw statement, as much as a headline lookup takes), with sequential scans
 * off (a scan of every story's index row is never the right plan for a search, and the planner
 * cannot always tell), no parallel workers and no JIT compilation (starting either costs more
 * than a search's statement takes), and generic plans for prepared statements (their plans depend
 * on a search's shape, not on its values).
 */
export function plainPool(): pg.Pool {
  if (globalForPool.portalPlainPool) return globalForPool.portalPlainPool;
  const { DATABASE_URL, DATABASE_SEARCH_POOL_SIZE } = env();
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: DATABASE_SEARCH_POOL_SIZE,
    options: PLAIN_CONNECTION_OPTIONS,
  });
  // An idle connection the server closed (a restart, a dropped test database) is replaced on next use.
  pool.on("error", () => {});
  return (globalForPool.portalPlainPool = pool);
}

/** Closes the plain pool, if anything opened it (scripts and tests that end their database). */
export async function endPlainPool(): Promise<void> {
  const pool = globalForPool.portalPlainPool;
  globalForPool.portalPlainPool = undefined;
  await pool?.end();
}

/**
 * Rows of a statement on the plain connections. Prepared (unless told not to), once per connection
 * and text, and planned once: a search's statements differ in their values, not their text, and
 * parsing and planning a tier's statement took about half a millisecond a search.
 */
export async function plainQuery<T extends object>(
  sql: string,
  params: unknown[],
  { prepare = true } = {},
): Promise<T[]> {
  const name = prepare ? statementName(sql) : undefined;
  const config = name ? { name, text: sql, values: params } : { text: sql, values: params };
  return (await plainPool().query<T>(config)).rows;
}

/**
 * A name per statement text: the texts are few (a search's shape: windows, phrases, filters); past a
 * bound, new ones go unnamed. The name is a digest of the text, not a counter: Next bundles this
 * module once per route, every copy shares the one pool (globalThis), and a counter per copy gave
 * two texts the same name on one connection.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 256;
function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_PREPARED) {
    name = `plain_${createHash("sha256").update(sql).digest("base64url").slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

const INGEST_LOCK = "hashtext('portal-ingest')";

/** The connections each client's pool has open (Dialect.driverSql finds a transaction's among them). */
const poolConnections = new WeakMap<PrismaClient, Set<pg.PoolClient>>();

function createClient(url: string, poolSize: number): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (connection) => open.add(connection));
  pool.on("remove", (connection) => open.delete(connection));
  // The PostgreSQL client is generated from the same data model (lib/db/pg-schema.ts), so it has
  // the very same API; TypeScript only sees two separately generated classes.
  const client = new PostgresPrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  }) as unknown as PrismaClient;
  poolConnections.set(client, open);
  return client;
}

export const postgresDialect: Dialect = {
  provider: "postgresql",

  createClient: (url, { poolSize = env().DATABASE_POOL_SIZE } = {}) => createClient(url, poolSize),

  // Past Prisma's client, on the plain connections: on a search's path Prisma would add more than the statement takes.
  async plainRows<T extends object>(_client: PrismaClient, statement: Parameters<Dialect["plainRows"]>[1]) {
    const params: unknown[] = [];
    const sql = statement({
      bind: (value) => `$${params.push(postgresDialect.encode(value))}`,
      inIds: (ids) => `= ANY ($${params.push(ids)}::int4[])`,
      utc: (column) => `(${column} AT TIME ZONE 'UTC')`,
    });
    return plainQuery<T>(sql, params);
  },

  placeholder: (n) => `$${n}`,

  // node-postgres would write a Date in the machine's time zone; the columns hold UTC without a zone,
  // which PostgreSQL reads from an ISO string (the zone it names is ignored for such a column).
  encode: (value) => (value instanceof Date ? value.toISOString() : value),

  // The transaction's connection is found by its server process: node-postgres keeps each
  // connection's (processID), and the pool says which it opened. Statements sent on it belong to
  // the transaction, which is committed or rolled back as Prisma decides.
  async driverSql(client, tx) {
    const [row] = await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
    const connection = [...(poolConnections.get(client) ?? [])].find(
      (c) => (c as pg.PoolClient & { processID?: number }).processID === row?.pid,
    );
    if (!connection) return prismaSql(tx);
    return {
      run: async (sql, params) => void (await connection.query(sql, params)),
      rows: async <T>(sql: string, params: unknown[]) => (await connection.query(sql, params)).rows as T[],
      direct: true,
    };
  },

  // A transaction-scoped advisory lock: a second ingest waits, and says so.
  async lockForIngest(tx) {
    const [got] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(${INGEST_LOCK}) AS locked`,
    );
    if (got?.locked) return;
    console.log("another ingest is writing to this database; waiting for it to finish …");
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${INGEST_LOCK})::text`);
  },
};
