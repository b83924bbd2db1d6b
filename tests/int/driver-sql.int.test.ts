import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { db, dialect, plainRows } from "@/lib/db/client";
import { insertRows } from "@/lib/ingest/bulk";

// The ingest's bulk rows go straight to the database driver, on the connection of the transaction
// Prisma began (Dialect.driverSql): they must commit and roll back with it, and read back through
// Prisma as Prisma wrote them.

const issue = (slug: string) => ({
  slug,
  date: new Date(`${slug}T00:00:00.000Z`),
  number: 7,
  banner: null,
  sourcePath: `content/issues/${slug}/issue.yaml`,
  hash: "h",
});

beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "ArticleSearch"`);
  await db.$transaction([db.slugRedirect.deleteMany(), db.articleTag.deleteMany(), db.byline.deleteMany()]);
  await db.$transaction([db.article.deleteMany(), db.page.deleteMany(), db.issue.deleteMany()]);
});

describe("statements past Prisma, inside its transaction", () => {
  it("reach this database's driver directly", async () => {
    await db.$transaction(async (tx) => {
      expect((await dialect.driverSql(db, tx)).direct).toBe(true);
    });
  });

  it("commit with the transaction, and Prisma reads back what they wrote", async () => {
    // Dates are written as instants, whatever the machine's time zone (the newsroom's is UTC+8).
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    onTestFinished(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));
    const returned = await db.$transaction(async (tx) =>
      insertRows<{ slug: string }>(await dialect.driverSql(db, tx), "Issue", [issue("2031-05-04")], ["slug"]),
    );
    expect(returned).toEqual([{ slug: "2031-05-04" }]);
    const read = await db.issue.findUniqueOrThrow({ where: { slug: "2031-05-04" } });
    expect(read.date.toISOString()).toBe("2031-05-04T00:00:00.000Z");
    expect(read.number).toBe(7);
    expect(read.banner).toBeNull();
  });

  it("roll back with the transaction, Prisma's own writes and theirs alike", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.issue.create({ data: issue("2031-05-05") });
        await insertRows(await dialect.driverSql(db, tx), "Issue", [issue("2031-05-06"), issue("2031-05-07")]);
        expect(await tx.issue.count()).toBe(3);
        throw new Error("the ingest failed half way");
      }),
    ).rejects.toThrow("half way");
    expect(await db.issue.count()).toBe(0);
  });
});

describe("plain statements (plainRows)", () => {
  it("read dates, flags and integers as Prisma's client reads them, and bind dates as Prisma stores them", async () => {
    const created = await db.issue.create({ data: issue("2031-05-04") });
    await db.page.create({ data: { issueId: created.id, position: 1, number: "1", hasPdf: true } });
    const read = (before: Date) =>
      plainRows<{ id: number; date: Date; number: number; hasPdf: boolean }>(
        (sql) => `
        SELECT i."id", ${sql.utc(`i."date"`)} AS "date", i."number", p."hasPdf"
        FROM "Issue" i JOIN "Page" p ON p."issueId" = i."id"
        WHERE i."date" <= ${sql.bind(before)}`,
      );
    const [row] = await read(new Date("2031-05-04T00:00:00.000Z"));
    expect(row).toEqual({ id: created.id, date: created.date, number: 7, hasPdf: true });
    expect(row!.date).toBeInstanceOf(Date);
    // A bound Date compares as an instant with the stored ones.
    expect(await read(new Date("2031-05-03T23:59:59.999Z"))).toEqual([]);
  });

  it("keep working when the module is loaded twice, as Next bundles it once per route", async () => {
    // Both copies share the process's one connection pool; each must name its statements so
    // that the other's never collide with them on a connection.
    const copy = async () => {
      vi.resetModules();
      return (await import("@/lib/db/client")).plainRows;
    };
    const [first, second] = [await copy(), await copy()];
    const one = (rows: typeof plainRows) => rows<{ n: number }>(() => `SELECT 1 AS "n"`);
    const two = (rows: typeof plainRows) => rows<{ n: number }>(() => `SELECT 2 AS "n"`);
    expect(await one(first)).toEqual([{ n: 1 }]);
    expect(await two(second)).toEqual([{ n: 2 }]);
    expect(await two(first)).toEqual([{ n: 2 }]);
    expect(await one(second)).toEqual([{ n: 1 }]);
  });
});
