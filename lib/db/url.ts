import path from "node:path";

/** Where the database lives when DATABASE_URL is not set: a SQLite file under the project. */
export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// — got "${url}"`);
}

/** Resolves a file: URL to an absolute path; relative paths are relative to the working directory (the project root). */
export function sqliteFilePath(url = databaseUrl()): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  // The file is chosen at run time; tell the bundler not to trace the project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** Session settings of PostgreSQL search's own connections (lib/db/client.ts, searchPool, says why). */
export const SEARCH_CONNECTION_OPTIONS =
  "-c enable_seqscan=off -c max_parallel_workers_per_gather=0 -c jit=off -c plan_cache_mode=force_generic_plan";
