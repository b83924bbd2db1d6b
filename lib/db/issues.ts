import { cache } from "react";
import { db } from "./client";
import { articleSummarySelect, toArticleSummary, type ArticleSummary } from "./articles";
import { paginate, type Page } from "./pagination";
import { visibleArticle } from "./visibility";

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

/** An edition with the articles readers may see, in print order. */
const editionSelect = (visible: ReturnType<typeof visibleArticle>) =>
  ({
    slug: true,
    date: true,
    number: true,
    banner: true,
    articles: { where: visible, select: articleSummarySelect, orderBy: { position: "asc" } },
    _count: { select: { pages: true } },
  }) as const;

type EditionRow = {
  slug: string;
  date: Date;
  number: number | null;
  banner: string | null;
  articles: Parameters<typeof toArticleSummary>[0][];
  _count: { pages: number };
};
const toEdition = ({ _count, ...row }: EditionRow): IssueEdition => ({
  ...row,
  articles: row.articles.map(toArticleSummary),
  pageCount: _count.pages,
});

export const getIssue = cache(async (slug: string): Promise<IssueEdition | null> => {
  const visible = visibleArticle();
  const row = await db.issue.findFirst({
    where: { slug, articles: { some: visible } },
    select: editionSelect(visible),
  });
  return row ? toEdition(row) : null;
});

export const getLatestIssue = cache(async (): Promise<IssueEdition | null> => {
  const visible = visibleArticle();
  const row = await db.issue.findFirst({
    where: { articles: { some: visible } },
    orderBy: { date: "desc" },
    select: editionSelect(visible),
  });
  return row ? toEdition(row) : null;
});

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
