import { cache } from "react";
import { db, plainRows } from "./client";
import { Prisma } from "./generated/client";
import type { Heading } from "../content/markdown";
import { visibleArticle } from "./visibility";

/** Fields every list of articles shows; declared once so lists stay cheap and alike. */
const articleSummarySelect = {
  slug: true,
  title: true,
  subtitle: true,
  kicker: true,
  excerpt: true,
  publishedAt: true,
  draft: true,
  readingMinutes: true,
  position: true,
  issue: { select: { slug: true, date: true } },
  section: { select: { slug: true, name: true } },
  column: { select: { slug: true, name: true } },
  bylines: { select: { author: { select: { name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.ArticleSelect;

type ArticleSummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

export interface ArticleSummary {
  slug: string;
  title: string;
  subtitle: string | null;
  kicker: string | null;
  excerpt: string;
  publishedAt: Date;
  /** Only ever true on a preview server (SITE_PREVIEW), which shows drafts marked 草稿. */
  draft: boolean;
  readingMinutes: number;
  /** Place in its issue's print order. */
  position: number;
  issue: { slug: string; date: Date };
  section: { slug: string; name: string };
  column: { slug: string; name: string } | null;
  bylines: string[];
}

export function toArticleSummary(row: ArticleSummaryRow): ArticleSummary {
  return { ...row, bylines: row.bylines.map((b) => b.author.name) };
}

export interface Correction {
  date: string;
  text: string;
}

export interface LeadImage {
  /** File name in the issue's content folder. */
  src: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** A person credited in print, with the role printed before the name (记者, 通讯员 …) when there was one. */
export interface Credit {
  name: string;
  role: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  dateline: string | null;
  /** The bylines with their roles, in print order (bylines holds their names). */
  credits: Credit[];
  /** Photographers credited in print. */
  photoCredits: Credit[];
  /** A reprint's source (新华社). */
  source: string | null;
  html: string;
  headings: Heading[];
  charCount: number;
  tags: string[];
  corrections: Correction[];
  image: LeadImage | null;
  issue: { slug: string; date: Date; banner: string | null };
  section: { slug: string; name: string };
  previous: Pick<ArticleSummary, "slug" | "title"> | null;
  next: Pick<ArticleSummary, "slug" | "title"> | null;
  related: ArticleSummary[];
}

export const RELATED_LIMIT = 4;

/** The visible articles before and after one in its issue's print order. */
function listNeighbours(row: { issueId: number; position: number }, visible: ReturnType<typeof visibleArticle>) {
  const neighbour = { select: { slug: true, title: true } } as const;
  return Promise.all([
    db.article.findFirst({
      where: { issueId: row.issueId, position: { lt: row.position }, ...visible },
      orderBy: { position: "desc" },
      ...neighbour,
    }),
    db.article.findFirst({
      where: { issueId: row.issueId, position: { gt: row.position }, ...visible },
      orderBy: { position: "asc" },
      ...neighbour,
    }),
  ]);
}

/** An article page's data; shared by the page and its metadata through React's cache(). */
export const getArticle = cache(async (slug: string): Promise<ArticleDetail | null> => {
  const visible = visibleArticle();
  const row = await db.article.findFirst({
    where: { slug, ...visible },
    select: {
      ...articleSummarySelect,
      id: true,
      issueId: true,
      dateline: true,
      html: true,
      headings: true,
      charCount: true,
      corrections: true,
      source: true,
      photoCredits: true,
      bylines: { select: { role: true, author: { select: { name: true } } }, orderBy: { position: "asc" } },
      imageSrc: true,
      imageAlt: true,
      imageCaption: true,
      imageCredit: true,
      issue: { select: { slug: true, date: true, banner: true } },
      tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { position: "asc" } },
    },
  });
  if (!row) return null;
  const [[previous, next], related] = await Promise.all([
    listNeighbours(row, visible),
    listRelated(
      row.id,
      row.tags.map((t) => t.tag.id),
      visible,
    ),
  ]);
  const {
    id: _id,
    issueId: _issueId,
    corrections,
    photoCredits,
    imageSrc,
    imageAlt,
    imageCaption,
    imageCredit,
    ...rest
  } = row;
  return {
    ...toArticleSummary(rest),
    dateline: row.dateline,
    credits: row.bylines.map((b) => ({ name: b.author.name, role: b.role })),
    photoCredits: JSON.parse(photoCredits) as Credit[],
    source: row.source,
    html: row.html,
    headings: JSON.parse(row.headings) as Heading[],
    charCount: row.charCount,
    tags: row.tags.map((t) => t.tag.name),
    corrections: JSON.parse(corrections) as Correction[],
    image: imageSrc && imageAlt ? { src: imageSrc, alt: imageAlt, caption: imageCaption, credit: imageCredit } : null,
    issue: row.issue,
    previous,
    next,
    related,
  };
});

/** Per tag, how many of its latest stories are candidates: a tag on 26,000 stories of an archive would otherwise be counted whole on every article page's render. */
const RELATED_CANDIDATES_PER_TAG = 500;

/**
 * Stories sharing the most tags with the article, newest first among equals, drawn from each
 * tag's latest RELATED_CANDIDATES_PER_TAG visible stories, read from the tag's own index.
 */
async function listRelated(
  articleId: number,
  tagIds: number[],
  visible: ReturnType<typeof visibleArticle>,
): Promise<ArticleSummary[]> {
  if (tagIds.length === 0) return [];
  const perTag = await Promise.all(
    tagIds.map((tagId) =>
      db.articleTag.findMany({
        where: { tagId, ...visible, articleId: { not: articleId } },
        orderBy: [{ publishedAt: "desc" }, { articleId: "desc" }],
        take: RELATED_CANDIDATES_PER_TAG,
        select: { articleId: true },
      }),
    ),
  );
  const shared = new Map<number, number>();
  for (const rows of perTag) for (const { articleId: id } of rows) shared.set(id, (shared.get(id) ?? 0) + 1);
  const ranked = [...shared].sort(([a, x], [b, y]) => y - x || b - a).map(([id]) => id);
  // Hidden stories (drafts, scheduled) are skipped: a few more candidates than needed are read.
  const rows = await db.article.findMany({
    where: { id: { in: ranked.slice(0, RELATED_LIMIT * 8) }, ...visible },
    select: { id: true, ...articleSummarySelect },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked
    .flatMap((id) => {
      const r = byId.get(id);
      return r ? [toArticleSummary(r)] : [];
    })
    .slice(0, RELATED_LIMIT);
}

type SummaryRow = Omit<ArticleSummary, "issue" | "section" | "column" | "bylines"> & {
  id: number;
  text: string;
  issueSlug: string;
  issueDate: Date;
  sectionSlug: string;
  sectionName: string;
  columnSlug: string | null;
  columnName: string | null;
};

/**
 * Summaries of the given articles with their story text (for search snippets), by id. A search
 * page's hot path: two plain statements both providers read alike, run together, where findMany
 * with these relations sends six, one after another.
 */
export async function articleSummariesWithText(
  ids: number[],
): Promise<Map<number, ArticleSummary & { id: number; text: string }>> {
  if (!ids.length) return new Map();
  const [rows, bylines] = await Promise.all([
    plainRows<SummaryRow>(
      (sql) => `
      SELECT a."id", a."text", a."slug", a."title", a."subtitle", a."kicker", a."excerpt", ${sql.utc(`a."publishedAt"`)} AS "publishedAt", a."draft", a."readingMinutes", a."position",
             i."slug" AS "issueSlug", ${sql.utc(`i."date"`)} AS "issueDate", s."slug" AS "sectionSlug", s."name" AS "sectionName", c."slug" AS "columnSlug", c."name" AS "columnName"
      FROM "Article" a
      JOIN "Issue" i ON i."id" = a."issueId"
      JOIN "Section" s ON s."id" = a."sectionId"
      LEFT JOIN "Column" c ON c."id" = a."columnId"
      WHERE a."id" ${sql.inIds(ids)}`,
    ),
    plainRows<{ articleId: number; name: string }>(
      (sql) => `
      SELECT b."articleId", au."name" FROM "Byline" b JOIN "Author" au ON au."id" = b."authorId"
      WHERE b."articleId" ${sql.inIds(ids)} ORDER BY b."articleId", b."position"`,
    ),
  ]);
  const names = new Map<number, string[]>();
  for (const b of bylines) names.set(Number(b.articleId), [...(names.get(Number(b.articleId)) ?? []), b.name]);
  return new Map(
    rows.map(({ issueSlug, issueDate, sectionSlug, sectionName, columnSlug, columnName, ...r }) => [
      Number(r.id),
      {
        ...r,
        id: Number(r.id),
        draft: Boolean(r.draft),
        issue: { slug: issueSlug, date: issueDate },
        section: { slug: sectionSlug, name: sectionName },
        column: columnSlug === null ? null : { slug: columnSlug, name: columnName! },
        bylines: names.get(Number(r.id)) ?? [],
      },
    ]),
  );
}

export { articleSummarySelect };

/**
 * The current slug of an article that used to have `slug`, for a permanent redirect; null while
 * the article is hidden (a draft, scheduled), whose new slug the redirect would disclose.
 */
export const getRedirect = cache(async (slug: string): Promise<string | null> => {
  const row = await db.slugRedirect.findFirst({
    where: { slug, article: visibleArticle() },
    select: { article: { select: { slug: true } } },
  });
  return row?.article.slug ?? null;
});

/** True when `file` is the lead image of a visible article in issue `issueSlug`: the only images /media serves. */
export async function isPublishedImage(issueSlug: string, file: string): Promise<boolean> {
  const row = await db.article.findFirst({
    where: { imageSrc: file, issue: { slug: issueSlug }, ...visibleArticle() },
    select: { id: true },
  });
  return row !== null;
}
