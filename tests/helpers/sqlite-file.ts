import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { committedMigrations, MIGRATION_DIRS } from "../../lib/db/migrate";

/**
 * A scratch SQLite file at `file` with the committed migrations' SQL run straight in: the
 * schema `npm run db:migrate` gives, without a `prisma migrate deploy` per test file or benchmark.
 */
export function createSqliteFileAt(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const m of committedMigrations(MIGRATION_DIRS.sqlite))
    sqlite.exec(readFileSync(path.join(MIGRATION_DIRS.sqlite, m, "migration.sql"), "utf8"));
  sqlite.close();
}
