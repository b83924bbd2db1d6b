import { cache } from "react";
import { db, plainRows } from "./client";
import { articleSummaries, type ArticleSummary } from "./articles";
import { paginate, type Page } from "./pagination";
import { visibleArticle, visibleSql } from "./visibility";

export interface IssueEdition {
  slug: string;
  date: Date;
  number: number | null;
  banner: string | null;
  /** In print order; the first is the lead story. */
  articles: ArticleSummary[];
  /** Its print pages (版), 0 when the issue declares none. */
  pageCount: number;
}

/**
 * An issue readers may see (one visible article at least) with those articles in print order: an
 * issue page's and the front page's data, read with plain statements (plainRows), four where
 * Prisma's client sent seven.
 */
async function readEdition(which: { slug: string } | "latest"): Promise<IssueEdition | null> {
  const now = new Date();
  const [row] = await plainRows<Omit<IssueEdition, "articles"> & { id: number }>(
    (sql) => `
    SELECT i."id", i."slug", ${sql.utc(`i."date"`)} AS "date", i."number", i."banner",
           (SELECT count(*) FROM "Page" p WHERE p."issueId" = i."id") AS "pageCount"
    FROM "Issue" i
    WHERE ${which === "latest" ? "" : `i."slug" = ${sql.bind(which.slug)} AND`}
          EXISTS (SELECT 1 FROM "Article" a WHERE a."issueId" = i."id" AND ${visibleSql(sql, "a", now)})
    ${which === "latest" ? `ORDER BY i."date" DESC LIMIT 1` : ""}`,
  );
  if (!row) return null;
  const ids = await plainRows<{ id: number }>(
    (sql) => `
    SELECT a."id" FROM "Article" a WHERE a."issueId" = ${sql.bind(Number(row.id))} AND ${visibleSql(sql, "a", now)}
    ORDER BY a."position"`,
  );
  const articles = await articleSummaries(ids.map((a) => Number(a.id)));
  const { id: _id, ...issue } = row;
  return {
    ...issue,
    number: issue.number === null ? null : Number(issue.number),
    pageCount: Number(issue.pageCount),
    articles: articles.map(({ id: _articleId, ...summary }) => summary),
  };
}

export const getIssue = cache((slug: string) => readEdition({ slug }));

export const getLatestIssue = cache(() => readEdition("latest"));

export interface IssueSummary {
  slug: string;
  date: Date;
  number: number | null;
  banner: string | null;
  articleCount: number;
  leadTitle: string | null;
}

export const ISSUES_PER_PAGE = 30;

export async function listIssues(page: number): Promise<Page<IssueSummary>> {
  const visible = visibleArticle();
  // Issues with something to read, newest first, paged here. (Not a `some` relation filter: with
  // skip/take, Prisma 6.19's query compiler pages over the joined article rows and returns the wrong
  // issues; nor a long `in` list, which passes the bound-parameter limit.) The page is cached, and
  // these are two narrow scans.
  const [withArticles, all] = await Promise.all([
    db.article.groupBy({ by: ["issueId"], where: visible }),
    db.issue.findMany({ orderBy: { date: "desc" }, select: { id: true } }),
  ]);
  const visibleIds = new Set(withArticles.map((g) => g.issueId));
  const ordered = all.filter((i) => visibleIds.has(i.id)).map((i) => i.id);
  return paginate(
    page,
    ISSUES_PER_PAGE,
    async () => ordered.length,
    async (skip, take) => {
      const rows = await db.issue.findMany({
        where: { id: { in: ordered.slice(skip, skip + take) } },
        orderBy: { date: "desc" },
        select: {
          slug: true,
          date: true,
          number: true,
          banner: true,
          _count: { select: { articles: { where: visible } } },
          articles: { where: visible, select: { title: true }, orderBy: { position: "asc" }, take: 1 },
        },
      });
      return rows.map(({ _count, articles, ...r }) => ({
        ...r,
        articleCount: _count.articles,
        leadTitle: articles[0]?.title ?? null,
      }));
    },
  );
}
