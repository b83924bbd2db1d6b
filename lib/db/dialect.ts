import type { PrismaClient } from "./generated/client";
import type { DatabaseProvider } from "./url";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** How a plain statement binds its values (plainRows). */
export interface SqlBinder {
  /** A bound value, encoded as Prisma stores it (Dialect.encode): a Date compares with the stored dates. */
  bind(value: Value): string;
  /** `= ANY (…)` or `IN (…)` of these ids. */
  inIds(ids: number[]): string;
  /** A TIMESTAMP column as an instant: PostgreSQL's are stored without a time zone, in UTC, as Prisma writes them. */
  utc(column: string): string;
}

/**
 * Statements sent straight to the database driver on the connection of a transaction Prisma began:
 * the ingest's bulk writes. Prisma's query compiler copies every bound value through WebAssembly
 * (about 300 ms per 30,000-value statement, most of a 10,000-article ingest); the driver does not.
 */
export interface DriverSql {
  run(sql: string, params: unknown[]): Promise<void>;
  rows<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** False when the driver's connection could not be found, and the statements go through Prisma instead. */
  direct: boolean;
}

/** The same statements through Prisma's transaction: correct on any client, only slower. */
export const prismaSql = (tx: Tx): DriverSql => ({
  run: async (sql, params) => void (await tx.$executeRawUnsafe(sql, ...params)),
  rows: (sql, params) => tx.$queryRawUnsafe(sql, ...params),
  direct: false,
});

/** A value as the ingest's bulk inserts bind it. */
export type Value = string | number | boolean | Date | null;

/** How a client connects; the defaults suit the app's shared client. */
export interface ClientOptions {
  /** SQLite: how long a write waits for another writer's lock, in ms (default 10 s). */
  lockTimeoutMs?: number;
  /** SQLite: read the file through a memory map (the app's shared client does; see lib/db/sqlite.ts). */
  memoryMap?: boolean;
  /** PostgreSQL: the client's connections (default DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/**
 * What differs between the two databases below Prisma's client, implemented once per database
 * (lib/db/sqlite.ts, lib/db/postgres.ts) and chosen once from DATABASE_URL (lib/db/client.ts).
 */
export interface Dialect {
  provider: DatabaseProvider;
  createClient(url: string, options?: ClientOptions): PrismaClient;
  /** Rows of a plain statement, by the fastest path this database has. */
  plainRows<T extends object>(client: PrismaClient, statement: (sql: SqlBinder) => string): Promise<T[]>;
  /** The placeholder of the nth (from 1) bound parameter of a raw statement. */
  placeholder(n: number): string;
  /** A value as Prisma stores it, so Prisma reads back what raw SQL wrote. */
  encode(value: Value): unknown;
  /** Statements on the connection that holds `tx`, a transaction of `client`, past Prisma (DriverSql). */
  driverSql(client: PrismaClient, tx: Tx): Promise<DriverSql>;
  /** Takes the database's write lock for an ingest's transaction: a second ingest waits for the first. */
  lockForIngest(tx: Tx): Promise<void>;
}
