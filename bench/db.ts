import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A SQLite file at `file` with the committed migrations applied, as `npm run db:migrate` leaves it. */
export function createTestDatabaseAt(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const dir = path.resolve("prisma/migrations");
  for (const m of readdirSync(dir).filter((d) => /^\d/.test(d)).sort()) sqlite.exec(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  sqlite.close();
}
