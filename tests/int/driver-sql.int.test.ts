import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { db, dialect } from "@/lib/db/client";
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
