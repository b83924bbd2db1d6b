import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseProvider, databaseUrl, sqliteFilePath } from "./url";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Creates a client for `url`; the app uses the shared `db` below, scripts and tests may make their own. */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const provider = databaseProvider(url);
  if (provider === "sqlite") {
    // Readers wait briefly on an ingest's write lock instead of failing.
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 10_000 }) });
  }
  throw new Error("PostgreSQL is not supported yet");
}

// One client per process; the globalThis guard keeps dev-mode hot reloads from opening more.
const globalForPrisma = globalThis as unknown as { portalDb?: PrismaClient };

export const db: PrismaClient = globalForPrisma.portalDb ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.portalDb = db;
