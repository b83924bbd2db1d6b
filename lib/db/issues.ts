import { cache } from "react";
import { db } from "./client";
import { articleSummarySelect, toArticleSummary, type ArticleSummary } from "./articles";
import { paginate, type Page } from "./pagination";

export interface IssueEdition {
  slug: string;
  date: Date;
  number: number | null;
  banner: string | null;
  /** In print order; the first is the lead story. */
  articles: ArticleSummary[];
}

const editionSelect = {
  slug: true,
  date: true,
  number: true,
  banner: true,
  articles: { select: articleSummarySelect, orderBy: { position: "asc" } },
} as const;

type EditionRow = { slug: string; date: Date; number: number | null; banner: string | null; articles: Parameters<typeof toArticleSummary>[0][] };
const toEdition = (row: EditionRow): IssueEdition => ({ ...row, articles: row.articles.map(toArticleSummary) });

export const getIssue = cache(async (slug: string): Promise<IssueEdition | null> => {
  const row = await db.issue.findUnique({ where: { slug }, select: editionSelect });
  return row ? toEdition(row) : null;
});

export const getLatestIssue = cache(async (): Promise<IssueEdition | null> => {
  const row = await db.issue.findFirst({ orderBy: { date: "desc" }, select: editionSelect });
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
  return paginate(page, ISSUES_PER_PAGE, () => db.issue.count(), async (skip, take) => {
    const rows = await db.issue.findMany({
      orderBy: { date: "desc" },
      skip,
      take,
      select: {
        slug: true,
        date: true,
        number: true,
        banner: true,
        _count: { select: { articles: true } },
        articles: { select: { title: true }, orderBy: { position: "asc" }, take: 1 },
      },
    });
    return rows.map(({ _count, articles, ...r }) => ({ ...r, articleCount: _count.articles, leadTitle: articles[0]?.title ?? null }));
  });
}
