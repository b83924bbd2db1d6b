import type { ListingKind } from "./db/listings";

// Every link the portal makes is built here: pages, feeds, sitemaps and search. Tag and author
// names stay Chinese in URLs, percent-encoded once; route params are decoded once, in
// lib/route-params.ts.

const seg = (s: string) => encodeURIComponent(s);
const paged = (base: string, page = 1) => (page > 1 ? `${base}/page/${page}` : base);

export const HOME_PATH = "/";
export const articlePath = (slug: string) => `/articles/${seg(slug)}`;
export const issuePath = (slug: string) => `/issues/${seg(slug)}`;
export const issuesPath = (page = 1) => paged("/issues", page);

// The print edition (数字报): an issue's pages, a story's area on its page, the archive's calendar.

/** /issues/2022-12-20/pages/1: page 1 in print order. */
export const printPagePath = (issue: string, position: number) => `${issuePath(issue)}/pages/${position}`;
/** The id of a story's area on its page view (its highlight is the fragment's :target). */
export const storyAreaId = (articleSlug: string) => `area-${articleSlug}`;
/** A page with one story's area highlighted. */
export const printStoryPath = (issue: string, position: number, articleSlug: string) =>
  `${printPagePath(issue, position)}#${storyAreaId(articleSlug)}`;
/** The years the archive's calendar has addresses for: the paper's, and no robot walking months forever. */
export const CALENDAR_YEARS = { first: 1940, last: 2100 } as const;
/** /issues/months/2022-12: the archive's calendar of one month. */
export const issueMonthPath = (year: number, month: number) =>
  `/issues/months/${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
/** /print/<key>/<file>: a page image, a page's PDF or an issue's PDF from the print store. */
export const printMediaPath = (key: string, file: string) => `/print/${key}/${file}`;

/** Where each kind of listing lives: /sections, /columns, /tags, /authors. */
export const LISTING_ROOTS: Record<ListingKind, string> = {
  section: "/sections",
  column: "/columns",
  tag: "/tags",
  author: "/authors",
};

/** The index of every section, column, tag or byline: /sections … */
export const listingIndexPath = (kind: ListingKind) => LISTING_ROOTS[kind];
/** 关于本报: the paper's own information (content/site.yaml). */
export const ABOUT_PATH = "/about";

export const listingPath = (kind: ListingKind, key: string, page = 1) =>
  paged(`${LISTING_ROOTS[kind]}/${seg(key)}`, page);
export const sectionPath = (slug: string, page = 1) => listingPath("section", slug, page);
export const columnPath = (slug: string, page = 1) => listingPath("column", slug, page);
export const tagPath = (name: string, page = 1) => listingPath("tag", name, page);
export const authorPath = (name: string, page = 1) => listingPath("author", name, page);

// Search: the page and the JSON API take the same parameters (lib/search/params.ts validates them).

/** A search's parameters as its URL carries them. */
export type SearchQuery = Readonly<Record<string, string | number | undefined>>;

/** Every API route sits under this prefix (robots.txt keeps crawlers out of it). */
export const API_PREFIX = "/api/";

/** `path` with the search's parameters; empty values left out, so links stay short and shareable. */
function withSearchQuery(path: string, params: SearchQuery, page: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== "" && k !== "page") query.set(k, String(v));
  }
  if (page > 1) query.set("page", String(page));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

/** /search, or /search?q=…&section=…&page=2 for `params` at `page`. */
export const searchPath = (params: SearchQuery = {}, page = 1) => withSearchQuery("/search", params, page);
/** /api/search?q=…: the same search as JSON. */
export const searchApiPath = (params: SearchQuery = {}, page = 1) =>
  withSearchQuery(`${API_PREFIX}search`, params, page);

// Machine-readable documents. A feed sits under the page it follows.

export type FeedFormat = "rss" | "atom";

/** A feed's subject: the whole paper, or one section, column, tag or byline. */
export type FeedScope = { kind: ListingKind; key: string } | null;

export const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml" };

/** /feed.xml, /atom.xml, /sections/commentary/feed.xml, /tags/%E4%B9%A1…/atom.xml */
export function feedPath(format: FeedFormat, scope: FeedScope = null): string {
  return scope ? `${listingPath(scope.kind, scope.key)}/${FEED_FILES[format]}` : `/${FEED_FILES[format]}`;
}

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
/** One file of a sitemap split into several: /sitemaps/1.xml … */
export const sitemapPartPath = (n: number) => `/sitemaps/${n}.xml`;

/**
 * A search URL's query with its empty parameters dropped (what a plain GET form sends for untouched fields), or
 * null when there is nothing to drop: /search redirects to the clean URL, so only short addresses are shared.
 */
export function cleanSearchUrl(raw: Readonly<Record<string, string | string[] | undefined>>): string | null {
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (v.trim() === "") dropped = true;
      else kept.append(name, v);
    }
  }
  if (!dropped) return null;
  const query = kept.toString();
  return query ? `/search?${query}` : "/search";
}
