// npm run db:migrate: brings the database named by DATABASE_URL up to the committed migrations.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../lib/db/url";

export function migrate(): void {
  const url = databaseUrl();
  if (databaseProvider(url) !== "sqlite") throw new Error("Only SQLite migrations are supported so far");
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers keep reading while an ingest writes; the setting lives in the file.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  console.log(`database ready: ${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) migrate();
