import path from "node:path";
import { env } from "../env";

export { DEFAULT_DATABASE_URL } from "../env";

export const databaseUrl = (): string => env().DATABASE_URL;

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
