import { sitemapPartsBound } from "../seo/sitemap";
import { db } from "./client";
import { ISSUES_PER_PAGE } from "./issues";
import { ARTICLES_PER_PAGE, type ListingKind } from "./listings";

/**
 * Every key a page address can name, drafts and scheduled stories included: a superset of what
 * readers may see, so that the server can answer a made-up address with a 404 at once, without a
 * render (lib/server/not-found-gate.ts). What exists but is hidden still goes on to the page, which
 * answers 404 itself.
 */
export interface KnownKeys {
  /** Article slugs, current and old. */
  articles: Set<string>;
  issues: Set<string>;
  issuePages: number;
  /** Per issue, its print pages (/issues/<date>/pages/1 … n). */
  printPages: Map<string, number>;
  /** Per kind, each key's number of list pages. */
  listings: Record<ListingKind, Map<string, number>>;
  sitemapParts: number;
}

const pagesOf = (count: number, perPage: number) => Math.max(1, Math.ceil(count / perPage));

export async function loadKnownKeys(): Promise<KnownKeys> {
  const [articles, redirects, issues, sections, columns, tags, authors] = await Promise.all([
    db.article.findMany({ select: { slug: true } }),
    db.slugRedirect.findMany({ select: { slug: true } }),
    db.issue.findMany({ select: { slug: true, _count: { select: { pages: true } } } }),
    db.section.findMany({ select: { slug: true, _count: { select: { articles: true } } } }),
    db.column.findMany({ select: { slug: true, _count: { select: { articles: true } } } }),
    db.tag.findMany({ select: { name: true, _count: { select: { articles: true } } } }),
    db.author.findMany({ select: { name: true, _count: { select: { bylines: true } } } }),
  ]);
  const pages = <T>(rows: T[], key: (r: T) => string, count: (r: T) => number) =>
    new Map(rows.map((r) => [key(r), pagesOf(count(r), ARTICLES_PER_PAGE)]));
  const listings = {
    section: pages(
      sections,
      (s) => s.slug,
      (s) => s._count.articles,
    ),
    column: pages(
      columns,
      (c) => c.slug,
      (c) => c._count.articles,
    ),
    tag: pages(
      tags,
      (t) => t.name,
      (t) => t._count.articles,
    ),
    author: pages(
      authors,
      (a) => a.name,
      (a) => a._count.bylines,
    ),
  };
  const subjects = [sections, columns, tags, authors];
  const sitemapParts = sitemapPartsBound(
    {
      articles: articles.length,
      issues: issues.length,
      subjects: subjects.reduce((n, rows) => n + rows.length, 0),
      listed:
        [...sections, ...columns, ...tags].reduce((n, r) => n + r._count.articles, 0) +
        authors.reduce((n, a) => n + a._count.bylines, 0),
    },
    ARTICLES_PER_PAGE,
    ISSUES_PER_PAGE,
  );
  return {
    articles: new Set([...articles, ...redirects].map((a) => a.slug)),
    issues: new Set(issues.map((i) => i.slug)),
    issuePages: pagesOf(issues.length, ISSUES_PER_PAGE),
    printPages: new Map(issues.map((i) => [i.slug, i._count.pages])),
    listings,
    sitemapParts,
  };
}
