import type { ListingKind } from "../db/listings";
import { listingPath } from "../urls";

// Where the machine-readable documents live. Page links stay in lib/urls.ts;
// these build on it so a feed always sits under the page it follows.

export type FeedFormat = "rss" | "atom";

/** A feed's subject: the whole paper, or one section, column, tag or byline. */
export type FeedScope = { kind: ListingKind; key: string } | null;

const FEED_FILES: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml" };

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** /feed.xml, /atom.xml, /sections/commentary/feed.xml, /tags/%E4%B9%A1…/atom.xml */
export function feedPath(format: FeedFormat, scope: FeedScope = null): string {
  return scope ? `${listingPath(scope.kind, scope.key)}/${FEED_FILES[format]}` : `/${FEED_FILES[format]}`;
}

export const SITEMAP_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";
/** One file of a sitemap split into several: /sitemaps/1.xml … */
export const sitemapPartPath = (n: number) => `/sitemaps/${n}.xml`;
