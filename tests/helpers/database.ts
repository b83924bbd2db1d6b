import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createSqliteFileAt } from "./sqlite-file";

const TMP = path.resolve("tests/.tmp");

/** Which database the integration tests run against: TEST_DATABASE=postgresql, or SQLite. */
export const testProvider = (): "sqlite" | "postgresql" =>
  process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** The PostgreSQL role that creates and drops test databases (scripts/pg-setup.sh makes it). */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgresql://portal:portal@127.0.0.1:5432/portal";

export interface TestDatabase {
  url: string;
  remove(): Promise<void>;
}

/** A new, empty database with the committed migrations applied, as the app would see it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return testProvider() === "postgresql" ? createPostgresDatabase() : createSqliteDatabase();
}

function createSqliteDatabase(): TestDatabase {
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `int-${randomUUID()}.db`);
  createSqliteFileAt(file);
  return {
    url: `file:${file}`,
    remove: async () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })),
  };
}

/** Runs SQL as the admin role, against its maintenance database. */
export async function pgAdmin(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database, ending whatever is still connected. WITH (FORCE) ends the portal role's own
 * connections, but on PostgreSQL 15 it may not end an autovacuum worker (that needs
 * pg_signal_backend), which only a plain DROP DATABASE cancels by itself.
 */
export async function dropDatabase(name: string) {
  try {
    await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    if (!/pg_signal_backend/.test(String(error))) throw error;
    await pgAdmin(`DROP DATABASE IF EXISTS "${name}"`);
  }
}

export function postgresUrlFor(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  await pgAdmin(`CREATE DATABASE "${name}"`);
  const url = postgresUrlFor(name);
  await migrate(url, () => undefined);
  return { url, remove: () => dropDatabase(name) };
}

const TABLES = [
  "Section",
  "Column",
  "Issue",
  "Article",
  "Author",
  "Byline",
  "Tag",
  "ArticleTag",
  "SlugRedirect",
  "Page",
  "PageStory",
] as const;

/** Every row of every table, to prove an operation changed nothing. */
export async function snapshot(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await prisma.$queryRawUnsafe(`SELECT * FROM "${t}" ORDER BY 1, 2`);
  // The search index's row keys stand for it (SQLite's FTS5 table is contentless).
  const key = testProvider() === "postgresql" ? `"key"` : "rowid";
  out.ArticleSearch = await prisma.$queryRawUnsafe(`SELECT ${key} AS k FROM "ArticleSearch" ORDER BY 1`);
  if (testProvider() === "sqlite")
    out.ArticleSearchHeadline = await prisma.$queryRawUnsafe(
      `SELECT rowid AS k FROM "ArticleSearchHeadline" ORDER BY 1`,
    );
  return out;
}
