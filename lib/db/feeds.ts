import { cache } from "react";
import { db, plainRows } from "./client";
import type { Prisma } from "./generated/client";
import { articleSummarySelect, toArticleSummary, type ArticleSummary } from "./articles";
import { ISSUES_PER_PAGE } from "./issues";
import { ARTICLES_PER_PAGE, WHOLE_PAPER, findListingSubject, inOrder, type ListingKind } from "./listings";
import { visibleArticle, visibleSql } from "./visibility";
import { issueDate } from "../dates";

// Queries for what machines read: feeds, sitemaps and the news sitemap. Like
// every public query they see only visibleArticle(): no drafts, nothing scheduled.

/** Items in a feed: the newest stories, enough for a reader that polls a few times a day. */
export const FEED_LIMIT = 50;
/** Google News reads at most 1,000 URLs from a news sitemap, published in the last two days. */
export const NEWS_SITEMAP_LIMIT = 1000;
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 3600_000;

/**
 * When an article last changed for readers: its latest dated correction, if that
 * came after publication, else its publication time. (Corrections are dated by
 * day, in the paper's time zone.)
 */
export function articleModifiedAt(publishedAt: Date, corrections: string | { date: string }[]): Date {
  const list = typeof corrections === "string" ? (JSON.parse(corrections) as { date: string }[]) : corrections;
  let latest = publishedAt;
  for (const c of list) {
    const d = issueDate(c.date);
    if (d > latest) latest = d;
  }
  return latest;
}

/** A feed item: an article's summary, plus its whole text and tags. */
const feedArticleSelect = {
  ...articleSummarySelect,
  html: true,
  corrections: true,
  tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.ArticleSelect;

type FeedArticleRow = Prisma.ArticleGetPayload<{ select: typeof feedArticleSelect }>;

export interface FeedArticle extends ArticleSummary {
  html: string;
  /** When it last changed for readers (articleModifiedAt). */
  modifiedAt: Date;
  tags: string[];
}

function toFeedArticle({ html, corrections, tags, ...summary }: FeedArticleRow): FeedArticle {
  return {
    ...toArticleSummary(summary),
    html,
    modifiedAt: articleModifiedAt(summary.publishedAt, corrections),
    tags: tags.map((t) => t.tag.name),
  };
}

export interface FeedSource {
  /** null for the whole paper. */
  kind: ListingKind | null;
  key: string | null;
  name: string;
  description: string | null;
  /** Newest first. */
  articles: FeedArticle[];
}

/**
 * The newest visible articles of the paper, or of one section, column, tag or byline; null when
 * there is no such subject. As on the pages, a tag or byline seen only on drafts or scheduled
 * stories does not exist yet; a section or column without stories does, with an empty feed.
 */
export const getFeed = cache(
  async (kind: ListingKind | null, key: string | null, limit: number = FEED_LIMIT): Promise<FeedSource | null> => {
    if (kind && key === null) return null;
    const subject = kind && key !== null ? await findListingSubject(kind, key) : WHOLE_PAPER;
    if (!subject) return null;
    const rows = await inOrder(await subject.ids(0, limit), (where) =>
      db.article.findMany({ where, select: { ...feedArticleSelect, id: true } }),
    );
    if (rows.length === 0 && (kind === "tag" || kind === "author")) return null;
    return {
      kind,
      key: kind ? key : null,
      name: subject.name,
      description: subject.description,
      articles: rows.map(toFeedArticle),
    };
  },
);

export interface SitemapListing {
  kind: ListingKind;
  key: string;
  /** Pages of the listing, as the listing pages paginate it (at least 1). */
  pageCount: number;
  /** The newest change among its visible stories; null when it has none. */
  lastModified: Date | null;
}

export interface SitemapData {
  /** The newest change anywhere; null before anything is published. */
  lastModified: Date | null;
  /** Pages of the issue archive (/issues, /issues/page/2 …). */
  issueArchivePageCount: number;
  /** Issues with something to read, newest first. */
  issues: { slug: string; lastModified: Date }[];
  /** Visible articles, newest first. */
  articles: { slug: string; lastModified: Date }[];
  /** Every section and column page, and every tag and byline with a visible story. */
  listings: SitemapListing[];
}

/**
 * The narrow scans a sitemap is built from, as plain statements (plainRows): at 100,000 stories
 * Prisma's client held several copies of the rows at once, past the renderer's heap. A tag's and
 * a byline's stories are counted in SQL (350,000 tag rows would be read otherwise).
 */
async function readSitemapRows() {
  const now = new Date();
  const [articles, issues, sections, columns, tags, authors] = await Promise.all([
    plainRows<{
      id: number;
      slug: string;
      publishedAt: Date;
      corrections: string;
      issueId: number;
      sectionId: number;
      columnId: number | null;
    }>(
      (sql) => `
      SELECT a."id", a."slug", ${sql.utc(`a."publishedAt"`)} AS "publishedAt", a."corrections", a."issueId", a."sectionId", a."columnId"
      FROM "Article" a WHERE ${visibleSql(sql, "a", now)} ORDER BY a."publishedAt" DESC, a."id" DESC`,
    ),
    plainRows<{ id: number; slug: string }>(() => `SELECT "id", "slug" FROM "Issue" ORDER BY "date" DESC`),
    plainRows<{ id: number; slug: string }>(() => `SELECT "id", "slug" FROM "Section" ORDER BY "position"`),
    plainRows<{ id: number; slug: string }>(() => `SELECT "id", "slug" FROM "Column" ORDER BY "slug"`),
    plainRows<{ id: number; name: string }>(() => `SELECT "id", "name" FROM "Tag"`),
    plainRows<{ id: number; name: string }>(() => `SELECT "id", "name" FROM "Author"`),
  ]);
  const modified = new Map(articles.map((a) => [Number(a.id), articleModifiedAt(a.publishedAt, a.corrections)]));
  const corrected = articles.filter((a) => a.corrections !== "[]").map((a) => Number(a.id));
  const [byTag, byAuthor] = await Promise.all([
    joinTally("ArticleTag", "tagId", modified, corrected, now),
    joinTally("Byline", "authorId", modified, corrected, now),
  ]);
  return { articles, issues, sections, columns, tags, authors, modified, byTag, byAuthor };
}

/**
 * A tag's or a byline's visible stories, counted, and the newest change among them: the newest
 * date in SQL, then any later correction of the few corrected stories (modified holds each
 * visible story's articleModifiedAt; `corrected`, the ids of those with corrections). Their
 * rows are looked up by story: joined to every story instead, the check read each story's whole
 * row (2.7 s for the tags of 100,000 stories).
 */
async function joinTally(
  table: "ArticleTag" | "Byline",
  key: "tagId" | "authorId",
  modified: Map<number, Date>,
  corrected: number[],
  now: Date,
): Promise<Tally> {
  const ofCorrected = async () => {
    const rows: { id: number; articleId: number }[] = [];
    for (let i = 0; i < corrected.length; i += 1000)
      rows.push(
        ...(await plainRows<{ id: number; articleId: number }>(
          (sql) => `
          SELECT x."${key}" AS "id", x."articleId" FROM "${table}" x
          WHERE x."articleId" ${sql.inIds(corrected.slice(i, i + 1000))} AND ${visibleSql(sql, "x", now)}`,
        )),
      );
    return rows;
  };
  const [groups, correctedRows] = await Promise.all([
    plainRows<{ id: number; n: number | string; last: Date | string }>(
      (sql) => `
      SELECT x."${key}" AS "id", count(*) AS "n", ${sql.utc(`max(x."publishedAt")`)} AS "last"
      FROM "${table}" x WHERE ${visibleSql(sql, "x", now)} GROUP BY x."${key}"`,
    ),
    ofCorrected(),
  ]);
  // SQLite gives an aggregate's date as the stored text.
  const tally: Tally = new Map(groups.map((g) => [Number(g.id), { count: Number(g.n), last: new Date(g.last) }]));
  for (const c of correctedRows) {
    const t = tally.get(Number(c.id));
    const date = modified.get(Number(c.articleId));
    if (t && date && date > t.last) t.last = date;
  }
  return tally;
}

type SitemapRows = Awaited<ReturnType<typeof readSitemapRows>>;

/** Stories per group (issue, section, tag …) and the newest change among them. */
type Tally = Map<number, { count: number; last: Date }>;

function tally(stories: Iterable<readonly [group: number, modified: Date]>): Tally {
  const groups: Tally = new Map();
  for (const [group, date] of stories) {
    const t = groups.get(group);
    if (!t) groups.set(group, { count: 1, last: date });
    else {
      t.count++;
      if (date > t.last) t.last = date;
    }
  }
  return groups;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every section and column page, then every tag and byline with a visible story, by name. */
function sitemapListings(rows: SitemapRows): SitemapListing[] {
  const { articles, sections, columns, tags, authors, modified, byTag, byAuthor } = rows;
  const bySection = tally(articles.map((a) => [a.sectionId, modified.get(a.id)!] as const));
  const byColumn = tally(
    articles.flatMap((a) => (a.columnId === null ? [] : [[a.columnId, modified.get(a.id)!] as const])),
  );
  const listing = (kind: ListingKind, key: string, t: { count: number; last: Date } | undefined): SitemapListing => ({
    kind,
    key,
    pageCount: Math.max(1, Math.ceil((t?.count ?? 0) / ARTICLES_PER_PAGE)),
    lastModified: t?.last ?? null,
  });
  return [
    ...sections.map((s) => listing("section", s.slug, bySection.get(s.id))),
    ...columns.map((c) => listing("column", c.slug, byColumn.get(c.id))),
    ...tags
      .filter((t) => byTag.has(t.id))
      .sort(byName)
      .map((t) => listing("tag", t.name, byTag.get(t.id))),
    ...authors
      .filter((a) => byAuthor.has(a.id))
      .sort(byName)
      .map((a) => listing("author", a.name, byAuthor.get(a.id))),
  ];
}

/**
 * Everything a sitemap lists. The counts and dates are put together here rather than in SQL so
 * that the same code runs on SQLite and PostgreSQL.
 */
export async function getSitemapData(): Promise<SitemapData> {
  const rows = await readSitemapRows();
  const { modified } = rows;
  const byIssue = tally(rows.articles.map((a) => [a.issueId, modified.get(a.id)!] as const));
  const issues = rows.issues
    .filter((i) => byIssue.has(i.id))
    .map((i) => ({ slug: i.slug, lastModified: byIssue.get(i.id)!.last }));
  let lastModified: Date | null = null;
  for (const d of modified.values()) if (!lastModified || d > lastModified) lastModified = d;
  return {
    lastModified,
    issueArchivePageCount: Math.max(1, Math.ceil(issues.length / ISSUES_PER_PAGE)),
    issues,
    articles: rows.articles.map((a) => ({ slug: a.slug, lastModified: modified.get(a.id)! })),
    listings: sitemapListings(rows),
  };
}

export interface NewsSitemapArticle {
  slug: string;
  title: string;
  publishedAt: Date;
}

/** Visible articles published since `since` (by default the last two days), newest first, at most 1,000. */
export async function listRecentArticles(
  since = new Date(Date.now() - NEWS_SITEMAP_WINDOW_MS),
  limit = NEWS_SITEMAP_LIMIT,
): Promise<NewsSitemapArticle[]> {
  const visible = visibleArticle();
  return db.article.findMany({
    where: { ...visible, publishedAt: { ...visible.publishedAt, gte: since } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { slug: true, title: true, publishedAt: true },
  });
}
