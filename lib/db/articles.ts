import { cache } from "react";
import { db, plainRows } from "./client";
import type { SqlBinder } from "./dialect";
import { Prisma } from "./generated/client";
import type { Heading } from "../content/markdown";
import { visibleArticle, visibleSql } from "./visibility";

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

// An article page and a list of summaries are read with plain statements (plainRows): Prisma's
// client sends one statement per relation (18 for an article page), and on a cold page it cost
// more than the statements took.

type SummaryRow = Omit<ArticleSummary, "issue" | "section" | "column" | "bylines"> & {
  id: number;
  issueSlug: string;
  issueDate: Date;
  sectionSlug: string;
  sectionName: string;
  columnSlug: string | null;
  columnName: string | null;
};

/** A summary's columns, for SUMMARY_FROM's aliases. */
const summaryColumns = (sql: SqlBinder) =>
  `a."id", a."slug", a."title", a."subtitle", a."kicker", a."excerpt", ${sql.utc(`a."publishedAt"`)} AS "publishedAt", a."draft", a."readingMinutes", a."position",
   i."slug" AS "issueSlug", ${sql.utc(`i."date"`)} AS "issueDate", s."slug" AS "sectionSlug", s."name" AS "sectionName", c."slug" AS "columnSlug", c."name" AS "columnName"`;
const SUMMARY_FROM = `"Article" a
  JOIN "Issue" i ON i."id" = a."issueId"
  JOIN "Section" s ON s."id" = a."sectionId"
  LEFT JOIN "Column" c ON c."id" = a."columnId"`;

function toSummary(r: SummaryRow, bylines: string[]): ArticleSummary & { id: number } {
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    kicker: r.kicker,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt,
    draft: Boolean(r.draft),
    readingMinutes: Number(r.readingMinutes),
    position: Number(r.position),
    issue: { slug: r.issueSlug, date: r.issueDate },
    section: { slug: r.sectionSlug, name: r.sectionName },
    column: r.columnSlug === null ? null : { slug: r.columnSlug, name: r.columnName! },
    bylines,
  };
}

/** The bylines' names of the given articles, in print order, by article id. */
async function bylineNames(ids: number[]): Promise<Map<number, string[]>> {
  const rows = await plainRows<{ articleId: number; name: string }>(
    (sql) => `
    SELECT b."articleId", au."name" FROM "Byline" b JOIN "Author" au ON au."id" = b."authorId"
    WHERE b."articleId" ${sql.inIds(ids)} ORDER BY b."articleId", b."position"`,
  );
  const names = new Map<number, string[]>();
  for (const b of rows) names.set(Number(b.articleId), [...(names.get(Number(b.articleId)) ?? []), b.name]);
  return names;
}

/** Summaries of the given articles in the order of `ids`, those a reader may see (visibleArticle). */
export async function articleSummaries(ids: number[]): Promise<(ArticleSummary & { id: number })[]> {
  return (await summariesOf(ids, false)).map(([summary]) => summary);
}

/** The same with each story's text, for search snippets: a search page's hot path. */
export async function articleSummariesWithText(
  ids: number[],
): Promise<(ArticleSummary & { id: number; text: string })[]> {
  return (await summariesOf(ids, true)).map(([summary, text]) => ({ ...summary, text: text! }));
}

/** Two statements, run together: the summaries (and texts), and their bylines. */
async function summariesOf(ids: number[], withText: boolean): Promise<[ArticleSummary & { id: number }, string?][]> {
  if (!ids.length) return [];
  const [rows, names] = await Promise.all([
    plainRows<SummaryRow & { text?: string }>(
      (sql) => `
      SELECT ${summaryColumns(sql)}${withText ? `, a."text"` : ""} FROM ${SUMMARY_FROM}
      WHERE a."id" ${sql.inIds(ids)} AND ${visibleSql(sql, "a")}`,
    ),
    bylineNames(ids),
  ]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [[toSummary(row, names.get(id) ?? []), row.text] as [ArticleSummary & { id: number }, string?]] : [];
  });
}

type ArticleRow = SummaryRow & {
  issueId: number;
  issueBanner: string | null;
  dateline: string | null;
  html: string;
  headings: string;
  charCount: number;
  corrections: string;
  source: string | null;
  photoCredits: string;
  imageSrc: string | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
};

/** An article page's data; shared by the page and its metadata through React's cache(). */
export const getArticle = cache(async (slug: string): Promise<ArticleDetail | null> => {
  const now = new Date();
  const [row] = await plainRows<ArticleRow>(
    (sql) => `
    SELECT ${summaryColumns(sql)}, a."issueId", i."banner" AS "issueBanner", a."dateline", a."html", a."headings", a."charCount",
           a."corrections", a."source", a."photoCredits", a."imageSrc", a."imageAlt", a."imageCaption", a."imageCredit"
    FROM ${SUMMARY_FROM}
    WHERE a."slug" = ${sql.bind(slug)} AND ${visibleSql(sql, "a", now)}`,
  );
  if (!row) return null;
  const id = Number(row.id);
  const [credits, tags, neighbours] = await Promise.all([
    plainRows<Credit>(
      (sql) => `
      SELECT au."name", b."role" FROM "Byline" b JOIN "Author" au ON au."id" = b."authorId"
      WHERE b."articleId" = ${sql.bind(id)} ORDER BY b."position"`,
    ),
    plainRows<{ id: number; name: string }>(
      (sql) => `
      SELECT t."id", t."name" FROM "ArticleTag" x JOIN "Tag" t ON t."id" = x."tagId"
      WHERE x."articleId" = ${sql.bind(id)} ORDER BY x."position"`,
    ),
    listNeighbours(Number(row.issueId), row.position, now),
  ]);
  const related = await listRelated(
    id,
    tags.map((t) => Number(t.id)),
    now,
  );
  const { issueBanner, dateline, html, headings, charCount, corrections, source, photoCredits } = row;
  const { imageSrc, imageAlt, imageCaption, imageCredit } = row;
  const { id: _id, ...summary } = toSummary(
    row,
    credits.map((c) => c.name),
  );
  return {
    ...summary,
    issue: { ...summary.issue, banner: issueBanner },
    dateline,
    credits: credits.map(({ name, role }) => ({ name, role })),
    photoCredits: JSON.parse(photoCredits) as Credit[],
    source,
    html,
    headings: JSON.parse(headings) as Heading[],
    charCount: Number(charCount),
    tags: tags.map((t) => t.name),
    corrections: JSON.parse(corrections) as Correction[],
    image: imageSrc && imageAlt ? { src: imageSrc, alt: imageAlt, caption: imageCaption, credit: imageCredit } : null,
    ...neighbours,
    related,
  };
});

/** The visible articles before and after one in its issue's print order, in one statement. */
async function listNeighbours(issueId: number, position: number, now: Date) {
  const rows = await plainRows<{ side: "previous" | "next"; slug: string; title: string }>((sql) => {
    const side = (name: string, compare: string, order: string) => `
      SELECT * FROM (
        SELECT '${name}' AS "side", a."slug", a."title" FROM "Article" a
        WHERE a."issueId" = ${sql.bind(issueId)} AND a."position" ${compare} ${sql.bind(position)} AND ${visibleSql(sql, "a", now)}
        ORDER BY a."position" ${order} LIMIT 1
      ) "${name}"`;
    return `${side("previous", "<", "DESC")} UNION ALL ${side("next", ">", "ASC")}`;
  });
  const find = (side: "previous" | "next") => {
    const r = rows.find((n) => n.side === side);
    return r ? { slug: r.slug, title: r.title } : null;
  };
  return { previous: find("previous"), next: find("next") };
}

/** Per tag, how many of its latest stories are candidates: a tag on 26,000 stories of an archive would otherwise be counted whole on every article page's render. */
const RELATED_CANDIDATES_PER_TAG = 500;

/**
 * Stories sharing the most tags with the article, newest first among equals, drawn from each
 * tag's latest RELATED_CANDIDATES_PER_TAG visible stories, read from the tag's own index
 * (ArticleTag carries its article's date and draft flag), and counted in the same statement.
 */
async function listRelated(articleId: number, tagIds: number[], now: Date): Promise<ArticleSummary[]> {
  if (tagIds.length === 0) return [];
  const ranked = await plainRows<{ articleId: number }>((sql) => {
    const perTag = tagIds.map(
      (tagId, i) => `
      SELECT * FROM (
        SELECT x."articleId" FROM "ArticleTag" x
        WHERE x."tagId" = ${sql.bind(tagId)} AND ${visibleSql(sql, "x", now)} AND x."articleId" <> ${sql.bind(articleId)}
        ORDER BY x."publishedAt" DESC, x."articleId" DESC LIMIT ${RELATED_CANDIDATES_PER_TAG}
      ) "t${i}"`,
    );
    return `
    SELECT "articleId" FROM (${perTag.join(" UNION ALL ")}) "candidates"
    GROUP BY "articleId" ORDER BY count(*) DESC, "articleId" DESC LIMIT ${RELATED_LIMIT}`;
  });
  return (await articleSummaries(ranked.map((r) => Number(r.articleId)))).map(({ id: _id, ...summary }) => summary);
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
