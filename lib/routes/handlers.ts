import { getFeed, getSitemapData, listRecentArticles } from "../db/feeds";
import type { ListingKind } from "../db/listings";
import { decodeParam } from "../route-params";
import { feedDocument, feedResponse, renderFeed } from "../seo/feed";
import {
  renderNewsSitemap,
  renderSitemap,
  renderUrlset,
  sitemapEntries,
  splitSitemap,
  xmlResponse,
} from "../seo/sitemap";
import type { FeedFormat } from "../urls";

// What the feed and sitemap route handlers under app/ do, so that each of them is one line.

const notFound = () =>
  new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** A feed of the whole paper (kind null), or of one section, column, tag or byline named by a raw route param. */
export async function serveFeed(
  format: FeedFormat,
  kind: ListingKind | null = null,
  rawKey?: string,
): Promise<Response> {
  const key = kind && rawKey !== undefined ? decodeParam(rawKey) : null;
  if (kind && key === null) return notFound();
  const source = await getFeed(kind, key);
  if (!source) return notFound();
  return feedResponse(renderFeed(feedDocument(source), format), format);
}

/**
 * The GET handler of a section's, column's, tag's or byline's feed in `format`; `param` names the
 * route's dynamic folder ([slug], [column], [tag], [author]).
 */
export function feedRoute<P extends string>(format: FeedFormat, kind: ListingKind, param: P) {
  // { [K in P]: string }, not Record<P, string>: TypeScript lets any Record<string, string> pass for a Record<P, string>.
  return async (_request: Request, { params }: { params: Promise<{ [K in P]: string }> }): Promise<Response> =>
    serveFeed(format, kind, (await params)[param]);
}

/** /sitemap.xml: every public page, or an index of the parts when they pass the protocol's limits. */
export async function serveSitemap(): Promise<Response> {
  return xmlResponse(renderSitemap(sitemapEntries(await getSitemapData())));
}

/** /sitemaps/N.xml: part N of a split sitemap. */
export async function serveSitemapPart(rawFile: string): Promise<Response> {
  const n = /^([1-9]\d{0,5})\.xml$/.exec(rawFile)?.[1];
  if (!n) return notFound();
  const part = splitSitemap(sitemapEntries(await getSitemapData()))[Number(n) - 1];
  return part ? xmlResponse(renderUrlset(part)) : notFound();
}

/** /news-sitemap.xml: the last two days' stories, for Google News. */
export async function serveNewsSitemap(): Promise<Response> {
  return xmlResponse(renderNewsSitemap(await listRecentArticles()));
}
