import type { NewsSitemapArticle, SitemapData } from "../db/feeds";
import { site } from "../site";
import { HOME_PATH, articlePath, issuePath, issuesPath, listingPath, sitemapPartPath } from "../urls";
import { absoluteUrl, siteOrigin } from "./origin";
import { textElement, xmlDocument, xmlString } from "./xml";

// The sitemaps protocol (sitemaps.org) and Google's news extension.

const NS = {
  sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
  news: "http://www.google.com/schemas/sitemap-news/0.9",
};

/**
 * One file's limits: the protocol allows 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed;
 * files here hold at most 5,000 URLs (about 600 KB). Next's cache, keeping a sitemap it rendered,
 * turns the whole response into JSON (each byte a number) to measure it: for a 50,000-URL file
 * that ran the renderer thread out of its heap, and the server went down with it.
 */
export const SITEMAP_LIMITS = { urls: 5_000, bytes: 50 * 1024 * 1024 };

/** What decides how many URLs a sitemap lists: stories, issues, and each listing's subjects and stories. */
export interface SitemapCounts {
  articles: number;
  issues: number;
  /** Sections, columns, tags and bylines. */
  subjects: number;
  /** Stories in every listing, counted once per listing (section, column, each tag, each byline). */
  listed: number;
}

/**
 * How many sitemap files there can be, at most: every story, issue and list page, and the fixed
 * pages. An ingest refreshes every part (a new story moves every later URL by one), and the
 * server's not-found gate answers any other part number without rendering.
 */
export function sitemapPartsBound(c: SitemapCounts, perPage: number, issuesPerPage: number): number {
  const listPages = c.subjects + Math.ceil(c.listed / perPage);
  const urls = 100 + c.articles + c.issues + Math.ceil(c.issues / issuesPerPage) + listPages;
  return Math.ceil(urls / SITEMAP_LIMITS.urls) + 1;
}

/**
 * Google News wants ISO 639 codes, with one exception that applies here: Simplified
 * Chinese is written zh-cn (Traditional, zh-tw).
 */
export const NEWS_LANGUAGE = "zh-cn";

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date | null;
}

/** Every public page: the front page, the issue archive, each issue and article, each listing and its pages. */
export function sitemapEntries(data: SitemapData): SitemapEntry[] {
  const origin = siteOrigin();
  const url = (path: string) => absoluteUrl(path, origin);
  const entries: SitemapEntry[] = [{ loc: url(HOME_PATH), lastmod: data.lastModified }];
  for (let n = 1; n <= data.issueArchivePageCount; n++)
    entries.push({ loc: url(issuesPath(n)), lastmod: data.lastModified });
  for (const i of data.issues) entries.push({ loc: url(issuePath(i.slug)), lastmod: i.lastModified });
  for (const a of data.articles) entries.push({ loc: url(articlePath(a.slug)), lastmod: a.lastModified });
  for (const l of data.listings) {
    for (let n = 1; n <= l.pageCount; n++)
      entries.push({ loc: url(listingPath(l.kind, l.key, n)), lastmod: l.lastModified });
  }
  return entries;
}

/** W3C datetime, to the second. */
const w3c = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

// Bytes of a <urlset> around its <url>s, and of one <url> besides its <loc> text, with room to spare
// (escaping can only lengthen a URL by "&amp;"s, counted below).
const URLSET_OVERHEAD = 200;
const URL_OVERHEAD = 100;
const entryBytes = (e: SitemapEntry) => Buffer.byteLength(e.loc) + 4 * (e.loc.split("&").length - 1) + URL_OVERHEAD;

/** Splits entries into files within the limits, in order. Always at least one file (perhaps empty). */
export function splitSitemap(entries: SitemapEntry[], limits = SITEMAP_LIMITS): SitemapEntry[][] {
  const parts: SitemapEntry[][] = [[]];
  let bytes = URLSET_OVERHEAD;
  for (const e of entries) {
    const size = entryBytes(e);
    const current = parts.at(-1)!;
    if (current.length > 0 && (current.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push([e]);
      bytes = URLSET_OVERHEAD + size;
    } else {
      current.push(e);
      bytes += size;
    }
  }
  return parts;
}

export function renderUrlset(entries: SitemapEntry[]): string {
  const urlset = xmlDocument(NS.sitemap, "urlset");
  for (const e of entries) {
    const url = urlset.ele("url");
    textElement(url, "loc", e.loc);
    if (e.lastmod) textElement(url, "lastmod", w3c(e.lastmod));
  }
  return xmlString(urlset);
}

/** A sitemap index over the numbered parts /sitemaps/1.xml … */
export function renderSitemapIndex(parts: SitemapEntry[][]): string {
  const index = xmlDocument(NS.sitemap, "sitemapindex");
  parts.forEach((part, i) => {
    const sitemap = index.ele("sitemap");
    textElement(sitemap, "loc", absoluteUrl(sitemapPartPath(i + 1)));
    const last = part.reduce<Date | null>((d, e) => (e.lastmod && (!d || e.lastmod > d) ? e.lastmod : d), null);
    if (last) textElement(sitemap, "lastmod", w3c(last));
  });
  return xmlString(index);
}

/** /sitemap.xml: the whole sitemap when it fits in one file, else an index of its parts. */
export function renderSitemap(entries: SitemapEntry[], limits = SITEMAP_LIMITS): string {
  const parts = splitSitemap(entries, limits);
  return parts.length === 1 ? renderUrlset(parts[0]!) : renderSitemapIndex(parts);
}

/** A Google News sitemap of recent articles. */
export function renderNewsSitemap(articles: NewsSitemapArticle[]): string {
  const urlset = xmlDocument(NS.sitemap, "urlset");
  urlset.att("http://www.w3.org/2000/xmlns/", "xmlns:news", NS.news);
  for (const a of articles) {
    const url = urlset.ele("url");
    textElement(url, "loc", absoluteUrl(articlePath(a.slug)));
    const news = url.ele(NS.news, "news:news");
    const publication = news.ele(NS.news, "news:publication");
    textElement(publication, "news:name", site.name, {}, NS.news);
    textElement(publication, "news:language", NEWS_LANGUAGE, {}, NS.news);
    textElement(news, "news:publication_date", w3c(a.publishedAt), {}, NS.news);
    textElement(news, "news:title", a.title, {}, NS.news);
  }
  return xmlString(urlset);
}

export function xmlResponse(xml: string, status = 200): Response {
  return new Response(xml, {
    status,
    headers: { "content-type": "application/xml; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}
