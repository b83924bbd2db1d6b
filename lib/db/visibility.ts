import { env } from "../env";
import type { PrismaClient, SqlBinder } from "./dialect";
import type { Prisma } from "./generated/client";

/**
 * What readers may see: not a draft, and published by now. Every public
 * query filters with this; scheduled articles appear when their time comes,
 * with no further ingest: the server refreshes their pages then
 * (lib/server/scheduled-refresh.ts).
 * A preview server (npm run preview: SITE_PREVIEW, its own build, cache and
 * database, on 127.0.0.1) shows editors everything, marked 草稿 or 定时.
 */
export function visibleArticle(now = new Date()) {
  if (env().SITE_PREVIEW) return {} satisfies Prisma.ArticleWhereInput;
  return { draft: false, publishedAt: { lte: now } } satisfies Prisma.ArticleWhereInput;
}

/** visibleArticle() in a plain statement, on a table (Article, or a join table carrying the article's date and draft flag) aliased `alias`. */
export function visibleSql(sql: SqlBinder, alias: string, now = new Date()): string {
  if (env().SITE_PREVIEW) return "1 = 1";
  // "= false", not "NOT": an equality lets the indexes that lead with the draft flag order by date.
  return `(${alias}."draft" = false AND ${alias}."publishedAt" <= ${sql.bind(now)})`;
}

/** The next time a scheduled story becomes visible after `now`, if any. */
export async function nextScheduledTime(prisma: Pick<PrismaClient, "article">, now = new Date()): Promise<Date | null> {
  const next = await prisma.article.findFirst({
    where: { draft: false, publishedAt: { gt: now } },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return next?.publishedAt ?? null;
}

/** The ids of the stories that became visible in (after, until]. */
export async function becameVisible(
  prisma: Pick<PrismaClient, "article">,
  after: Date,
  until: Date,
): Promise<number[]> {
  const rows = await prisma.article.findMany({
    where: { draft: false, publishedAt: { gt: after, lte: until } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
