// Runs before each integration test file: the file gets its own fresh database,
// named in DATABASE_URL before any module opens the shared client.
import { afterAll } from "vitest";
import { createTestDatabase } from "./database";

const database = createTestDatabase();
process.env.DATABASE_URL = database.url;
// Tests never talk to a running site.
process.env.SITE_URLS = "http://127.0.0.1:9";

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  database.remove();
});
