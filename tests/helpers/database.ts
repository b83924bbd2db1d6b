import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { PrismaClient } from "@/lib/db/client";

const TMP = path.resolve("tests/.tmp");

/** A new, empty SQLite file with the committed migrations applied, as the app would see it. */
export function createTestDatabase(): { url: string; file: string; remove(): void } {
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `int-${randomUUID()}.db`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const dir = path.resolve("prisma/migrations");
  for (const m of readdirSync(dir).filter((d) => /^\d/.test(d)).sort()) sqlite.exec(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  sqlite.close();
  return { url: `file:${file}`, file, remove: () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })) };
}

const TABLES = ["Section", "Column", "Issue", "Article", "Author", "Byline", "Tag", "ArticleTag"] as const;

/** Every row of every table, to prove an operation changed nothing. */
export async function snapshot(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await prisma.$queryRawUnsafe(`SELECT * FROM "${t}" ORDER BY 1, 2`);
  // The search index is contentless: its row keys, and what a search for each article's facets finds, stand for it.
  out.ArticleSearch = await prisma.$queryRawUnsafe(`SELECT rowid AS k FROM "ArticleSearch" ORDER BY rowid`);
  return out;
}
