import { env } from "../env";
import type { ClientOptions, Dialect, PrismaClient, SqlBinder } from "./dialect";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";
import { databaseProvider, databaseUrl, type DatabaseProvider } from "./url";

export type { PrismaClient, Tx } from "./dialect";
export { endPlainPool } from "./postgres";

const dialects: Record<DatabaseProvider, Dialect> = { sqlite: sqliteDialect, postgresql: postgresDialect };

/** The implementation for a database URL: where the two databases are told apart. */
export const dialectOf = (url: string): Dialect => dialects[databaseProvider(url)];

/** The configured database's (DATABASE_URL). */
export const dialect: Dialect = dialectOf(databaseUrl());

/** Creates a client for `url`; the app uses the shared `db` below, scripts and tests may make their own. */
export const createPrismaClient = (url = databaseUrl(), options?: ClientOptions): PrismaClient =>
  dialectOf(url).createClient(url, options);

// One client per process; the globalThis guard keeps dev-mode hot reloads from opening more.
const globalForPrisma = globalThis as unknown as { portalDb?: PrismaClient };

// It serves readers: on SQLite it reads through a memory map.
export const db: PrismaClient = globalForPrisma.portalDb ?? createPrismaClient(databaseUrl(), { memoryMap: true });
if (env().NODE_ENV !== "production") globalForPrisma.portalDb = db;

/** Rows of a plain statement on a search's hot path (the page's summaries, the filters' and the byline's lookups). */
export const plainRows = <T extends object>(statement: (sql: SqlBinder) => string): Promise<T[]> =>
  dialect.plainRows<T>(db, statement);
