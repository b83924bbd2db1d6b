import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { migrate, MigrationsAheadError } from "@/lib/db/migrate";
import { createTestDatabase, testProvider, type TestDatabase } from "../helpers/database";

const created: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of created) await remove();
});

/** A database that `npm run db:migrate` itself brought up to date. */
async function migratedDatabase(): Promise<string> {
  if (testProvider() === "postgresql") {
    const db: TestDatabase = await createTestDatabase();
    created.push(() => db.remove());
    return db.url;
  }
  mkdirSync("tests/.tmp", { recursive: true });
  const file = path.resolve(`tests/.tmp/migrate-${randomUUID()}.db`);
  created.push(async () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true })));
  const url = `file:${file}`;
  const applied = await migrate(url, () => undefined);
  expect(applied.length).toBeGreaterThan(0);
  return url;
}

describe(`migrations on ${testProvider()}`, () => {
  it("applies nothing the second time", async () => {
    const url = await migratedDatabase();
    expect(await migrate(url, () => undefined)).toEqual([]);
  });

  it("refuses a database whose migrations are ahead of the code", async () => {
    const url = await migratedDatabase();
    const prisma = createPrismaClient(url);
    if (testProvider() === "postgresql") {
      await prisma.$executeRawUnsafe(
        `INSERT INTO "_portal_migrations" ("name") VALUES ('29991231000000_from_the_future')`,
      );
    } else {
      await prisma.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '2999-12-31', '29991231000000_from_the_future', '2999-12-31', 1)`,
      );
    }
    await prisma.$disconnect();
    const attempt = migrate(url, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(MigrationsAheadError);
    await expect(migrate(url, () => undefined)).rejects.toThrow(/29991231000000_from_the_future/);
  });

  // A search reads the text of up to a thousand stories to check its phrases: on PostgreSQL it is
  // kept compressed in the row, not looked up in the TOAST table (20261208000000_article_text_in_row).
  // SQLite has no such layout to check.
  if (testProvider() === "postgresql")
    it("keeps a story's text in its row on PostgreSQL", async () => {
      const prisma = createPrismaClient(await migratedDatabase());
      const [layout] = await prisma.$queryRawUnsafe<{ storage: string; options: string[] | null }[]>(
        `SELECT a.attstorage::text AS storage, c.reloptions::text[] AS options FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE a.attrelid = '"Article"'::regclass AND a.attname = 'text'`,
      );
      await prisma.$disconnect();
      expect(layout).toEqual({ storage: "m", options: ["toast_tuple_target=4096"] });
    });
});
