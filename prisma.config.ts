import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, sqliteFilePath } from "./lib/db/url";

// The JS schema engine runs migrations through the same driver adapter as the app,
// so nothing native is downloaded.
process.env.DATABASE_URL ??= databaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl()) }),
});
