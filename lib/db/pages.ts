import { cache } from "react";
import { issueDate } from "../dates";
import { db, plainRows } from "./client";
import type { Prisma } from "./generated/client";
import { visibleArticle } from "./visibility";

// The print edition (数字报): an issue's pages in order, each with its image (from the print store,
// lib/print-media.ts), editors and the stories readers may see on it, with their areas.

/** A point of a story's area: [x, y] in fractions of the page's width and height. */
export type AreaPoint = [number, number];

export interface PrintStory {
  slug: string;
  title: string;
  kicker: string | null;
  subtitle: string | null;
  excerpt: string;
  /** Null when the issue does not mark where on the page the story ran. */
  area: AreaPoint[] | null;
}

export interface PrintPage {
  /** Place in print order, from 1: the page's address. */
  position: number;
  /** 版次 as printed. */
  number: string;
  name: string | null;
  staff: { name: string; role: string }[];
  /** The rendered page (key into the print store, largest size); null for a page shown as text. */
  image: { key: string; width: number; height: number } | null;
  /** Store key of the page's own PDF, when it came as one. */
  pdfKey: string | null;
  stories: PrintStory[];
}

export interface IssueRef {
  slug: string;
  date: Date;
}

/** An issue next to another, and whether it has print pages (then the page view links to its first). */
export interface NeighbourIssue extends IssueRef {
  hasPages: boolean;
}

export interface PrintEdition extends IssueRef {
  number: number | null;
  banner: string | null;
  /** Store key of the whole issue's PDF, when every page has one. */
  pdfKey: string | null;
  pages: PrintPage[];
  previous: NeighbourIssue | null;
  next: NeighbourIssue | null;
}

const pageSelect = (visible: Prisma.ArticleWhereInput) =>
  ({
    position: true,
    number: true,
    name: true,
    staff: true,
    mediaKey: true,
    hasPdf: true,
    imageWidth: true,
    imageHeight: true,
    stories: {
      where: { article: visible },
      orderBy: { position: "asc" },
      select: {
        area: true,
        article: { select: { slug: true, title: true, kicker: true, subtitle: true, excerpt: true } },
      },
    },
  }) satisfies Prisma.PageSelect;

type PageRow = Prisma.PageGetPayload<{ select: ReturnType<typeof pageSelect> }>;

function toPrintPage(row: PageRow): PrintPage {
  const { mediaKey, imageWidth, imageHeight } = row;
  return {
    position: row.position,
    number: row.number,
    name: row.name,
    staff: JSON.parse(row.staff) as PrintPage["staff"],
    image: mediaKey && imageWidth && imageHeight ? { key: mediaKey, width: imageWidth, height: imageHeight } : null,
    pdfKey: row.hasPdf ? mediaKey : null,
    stories: row.stories.map((s) => ({ ...s.article, area: s.area ? (JSON.parse(s.area) as AreaPoint[]) : null })),
  };
}

/** The issues just before and after `date` that readers may see. */
async function neighbours(date: Date, visible: Prisma.ArticleWhereInput) {
  const select = { slug: true, date: true, pagesKey: true } as const;
  const where = { articles: { some: visible } };
  const [previous, next] = await Promise.all([
    db.issue.findFirst({ where: { ...where, date: { lt: date } }, orderBy: { date: "desc" }, select }),
    db.issue.findFirst({ where: { ...where, date: { gt: date } }, orderBy: { date: "asc" }, select }),
  ]);
  const ref = (row: typeof previous): NeighbourIssue | null =>
    row && { slug: row.slug, date: row.date, hasPages: row.pagesKey !== null };
  return { previous: ref(previous), next: ref(next) };
}

/** An issue's print edition: its pages with their stories; null when readers may see nothing of it. */
export const getPrintEdition = cache(async (slug: string): Promise<PrintEdition | null> => {
  const visible = visibleArticle();
  const row = await db.issue.findFirst({
    where: { slug, articles: { some: visible } },
    select: {
      slug: true,
      date: true,
      number: true,
      banner: true,
      pdfKey: true,
      pages: { orderBy: { position: "asc" }, select: pageSelect(visible) },
    },
  });
  if (!row) return null;
  const { pages, ...issue } = row;
  return { ...issue, pages: pages.map(toPrintPage), ...(await neighbours(row.date, visible)) };
});

/** One page of an issue's print edition, with the edition around it; null when either is missing. */
export const getPrintPage = cache(
  async (slug: string, position: number): Promise<{ edition: PrintEdition; page: PrintPage } | null> => {
    const edition = await getPrintEdition(slug);
    const page = edition?.pages.find((p) => p.position === position);
    return edition && page ? { edition, page } : null;
  },
);

/** Where an article ran in print: its issue and page; null when its issue declares no pages. */
export const getArticlePrintPage = cache(
  async (
    articleSlug: string,
  ): Promise<{ issueSlug: string; position: number; number: string; name: string | null } | null> => {
    // On every article page: a plain statement (plainRows).
    const [row] = await plainRows<{ issueSlug: string; position: number; number: string; name: string | null }>(
      (sql) => `
      SELECT i."slug" AS "issueSlug", p."position", p."number", p."name"
      FROM "PageStory" ps JOIN "Article" a ON a."id" = ps."articleId" JOIN "Page" p ON p."id" = ps."pageId" JOIN "Issue" i ON i."id" = p."issueId"
      WHERE a."slug" = ${sql.bind(articleSlug)} LIMIT 1`,
    );
    return row ? { ...row, position: Number(row.position) } : null;
  },
);

/** The dates (YYYY-MM-DD) of issues readers may see in one month, for the archive's calendar. */
export async function listIssueDays(year: number, month: number): Promise<string[]> {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const rows = await db.issue.findMany({
    where: { date: { gte: issueDate(first), lt: issueDate(next) }, articles: { some: visibleArticle() } },
    orderBy: { date: "asc" },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

/** The newest issue readers may see, where the calendar opens; null before the first. */
export async function getLatestIssueRef(): Promise<IssueRef | null> {
  return db.issue.findFirst({
    where: { articles: { some: visibleArticle() } },
    orderBy: { date: "desc" },
    select: { slug: true, date: true },
  });
}

/** Whether a print store key belongs to a page or an issue readers may see (the store's route serves no other). */
export async function isPublishedPrintKey(key: string): Promise<boolean> {
  const visible = { articles: { some: visibleArticle() } };
  const [page, issue] = await Promise.all([
    db.page.findFirst({ where: { mediaKey: key, issue: visible }, select: { id: true } }),
    db.issue.findFirst({ where: { pdfKey: key, ...visible }, select: { id: true } }),
  ]);
  return page !== null || issue !== null;
}
