// Runs before each integration test file: the file gets its own fresh database
// (SQLite, or PostgreSQL with TEST_DATABASE=postgresql), named in DATABASE_URL
// before any module opens the shared client, and dropped afterwards.
import { afterAll } from "vitest";
import { createTestDatabase } from "./database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
// Tests never talk to a running site.
process.env.SITE_URLS = "http://127.0.0.1:9";

afterAll(async () => {
  const { db, endPlainPool } = await import("@/lib/db/client");
  await Promise.all([db.$disconnect(), endPlainPool()]);
  await database.remove();
});
