import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL } from "./lib/env";
import { sqliteFilePath } from "./lib/db/url";

// The JS schema engine runs migrations through the same driver adapter as the app,
// so nothing native is downloaded. The SQLite client is generated whatever database this
// machine uses: a postgresql:// DATABASE_URL reaching the SQLite schema makes Prisma reach
// for a native engine (and fail offline), so this config only ever sees a file: URL.
if (!process.env.DATABASE_URL?.startsWith("file:")) process.env.DATABASE_URL = DEFAULT_DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFilePath(process.env.DATABASE_URL) }),
});
