import {
  articlePath,
  feedPath,
  FEED_FILES,
  HOME_PATH,
  issueMonthPath,
  issuePath,
  issuesPath,
  LISTING_ROOTS,
  listingPath,
  NEWS_SITEMAP_PATH,
  printPagePath,
  SITEMAP_PATH,
  sitemapPartPath,
  type FeedFormat,
} from "../urls";
import { sitemapPartsBound } from "../seo/sitemap";
import type { PrismaClient, Tx } from "./dialect";
import { ISSUES_PER_PAGE } from "./issues";
import { ARTICLES_PER_PAGE, type ListingKind } from "./listings";

// Which pages show an article: what a server's cache must drop when the article is added,
// changed or removed, or becomes visible at its scheduled time. Nothing else re-renders.

/** Where an article shows: read before a change (where it was) and after it (where it is). */
export interface Footprint {
  slug: string;
  issue: string;
  listings: { kind: ListingKind; key: string }[];
}

const pagesOf = (count: number, perPage: number) => Math.max(1, Math.ceil(count / perPage));

/** The footprints of the articles with these ids or slugs (missing ones are skipped). */
export async function footprintsOf(
  tx: Tx | PrismaClient,
  by: { ids: number[] } | { slugs: string[] },
): Promise<Footprint[]> {
  const rows = await tx.article.findMany({
    where: "ids" in by ? { id: { in: by.ids } } : { slug: { in: by.slugs } },
    select: {
      slug: true,
      issue: { select: { slug: true } },
      section: { select: { slug: true } },
      column: { select: { slug: true } },
      tags: { select: { tag: { select: { name: true } } } },
      bylines: { select: { author: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    slug: r.slug,
    issue: r.issue.slug,
    listings: [
      { kind: "section" as const, key: r.section.slug },
      ...(r.column ? [{ kind: "column" as const, key: r.column.slug }] : []),
      ...r.tags.map((t) => ({ kind: "tag" as const, key: t.tag.name })),
      ...r.bylines.map((b) => ({ kind: "author" as const, key: b.author.name })),
    ],
  }));
}

/** Articles of a listing, counted as its pages are (drafts included: a bound, not a display). */
function listingCount(tx: Tx | PrismaClient, kind: ListingKind, key: string): Promise<number> {
  const where = {
    section: { section: { slug: key } },
    column: { column: { slug: key } },
    tag: { tags: { some: { tag: { name: key } } } },
    author: { bylines: { some: { author: { name: key } } } },
  }[kind];
  return tx.article.count({ where });
}

/**
 * The addresses of every page that shows one of `footprints`, as the database stands now: the
 * article and its issue-mates (their previous/next links), the front page, its issue (its edition,
 * print pages and calendar month), each of its
 * listings whole (a new story moves every later page by one) with their feeds, the index pages,
 * the site's feeds and sitemaps. `issuesChanged` adds the list of issues.
 */
export async function pagesShowing(
  tx: Tx | PrismaClient,
  footprints: Footprint[],
  issuesChanged: string[] = [],
): Promise<Set<string>> {
  const paths = new Set<string>([HOME_PATH, SITEMAP_PATH, NEWS_SITEMAP_PATH, ...Object.values(LISTING_ROOTS)]);
  const formats = Object.keys(FEED_FILES) as FeedFormat[];
  for (const format of formats) paths.add(feedPath(format));
  const [articles, withColumn, issueCount, sections, columns, tags, authors, tagged, bylines] = await Promise.all([
    tx.article.count(),
    tx.article.count({ where: { columnId: { not: null } } }),
    tx.issue.count(),
    tx.section.count(),
    tx.column.count(),
    tx.tag.count(),
    tx.author.count(),
    tx.articleTag.count(),
    tx.byline.count(),
  ]);
  const parts = sitemapPartsBound(
    {
      articles,
      issues: issueCount,
      subjects: sections + columns + tags + authors,
      listed: articles + withColumn + tagged + bylines,
    },
    ARTICLES_PER_PAGE,
    ISSUES_PER_PAGE,
  );
  for (let n = 1; n <= parts; n++) paths.add(sitemapPartPath(n));
  const issues = new Set([...footprints.map((f) => f.issue), ...issuesChanged]);
  for (const issue of issues) {
    paths.add(issuePath(issue));
    // Its print pages, and its month in the archive's calendar (issue slugs are dates, 2022-12-20).
    const printPages = await tx.page.count({ where: { issue: { slug: issue } } });
    for (let n = 1; n <= printPages; n++) paths.add(printPagePath(issue, n));
    const month = /^(\d{4})-(\d{2})-\d{2}$/.exec(issue);
    if (month) paths.add(issueMonthPath(Number(month[1]), Number(month[2])));
  }
  const mates = await tx.article.findMany({ where: { issue: { slug: { in: [...issues] } } }, select: { slug: true } });
  for (const slug of [...footprints.map((f) => f.slug), ...mates.map((m) => m.slug)]) paths.add(articlePath(slug));
  const issuePages = pagesOf(await tx.issue.count(), ISSUES_PER_PAGE);
  for (let page = 1; page <= (issuesChanged.length ? issuePages : 1); page++) paths.add(issuesPath(page));
  const listings = new Map(footprints.flatMap((f) => f.listings).map((l) => [`${l.kind} ${l.key}`, l]));
  for (const { kind, key } of listings.values()) {
    // One page more than it has: a story removed from a listing leaves its last page empty.
    const pages = pagesOf(await listingCount(tx, kind, key), ARTICLES_PER_PAGE) + 1;
    for (let page = 1; page <= pages; page++) paths.add(listingPath(kind, key, page));
    for (const format of formats) paths.add(feedPath(format, { kind, key }));
  }
  return paths;
}
