import type { FeedArticle, FeedSource } from "../db/feeds";
import { kindNames, type ListingKind } from "../db/listings";
import { site } from "../site";
import { HOME_PATH, articlePath, feedPath, listingPath, type FeedFormat, type FeedScope } from "../urls";
import { absoluteUrl } from "./origin";
import { cleanAttributes, textElement, xmlDocument, xmlString, xmlText, type XMLBuilder } from "./xml";

// RSS 2.0 and Atom 1.0 from one model. Text goes in as text (the builder escapes
// it); article HTML goes in as escaped text too (Atom type="html", RSS
// content:encoded), never as CDATA, so no input can end a section early.

const NS = {
  atom: "http://www.w3.org/2005/Atom",
  dc: "http://purl.org/dc/elements/1.1/",
  content: "http://purl.org/rss/1.0/modules/content/",
  xml: "http://www.w3.org/XML/1998/namespace",
};

/** The media types feed readers and browsers look for. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

export interface FeedPerson {
  name: string;
  uri: string;
}

export interface FeedCategory {
  term: string;
  /** The base URL of the vocabulary (e.g. the site's /tags/), as Atom's scheme and RSS's domain. */
  scheme: string;
}

export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  /** Plain text. */
  summary: string;
  contentHtml: string;
  authors: FeedPerson[];
  categories: FeedCategory[];
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  link: string;
  self: Record<FeedFormat, string>;
  updated: Date;
  author: FeedPerson;
  entries: FeedEntry[];
}

/** Plain text for an element readers treat as HTML (RSS <description>). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The feed's title, e.g. 左权报 or 左权报 · 标签：乡村振兴 */
export function feedTitle(kind: ListingKind | null, name: string): string {
  return kind ? `${site.name} · ${kindNames[kind]}：${name}` : site.name;
}

function entryFor(a: FeedArticle): FeedEntry {
  const link = absoluteUrl(articlePath(a.slug));
  // The root of each kind's pages (/sections/, /tags/ …) names the vocabulary a category comes from.
  const scheme = (kind: ListingKind) => absoluteUrl(listingPath(kind, ""));
  return {
    id: link,
    title: a.title,
    link,
    published: a.publishedAt,
    updated: a.modifiedAt,
    summary: a.excerpt,
    contentHtml: a.html,
    authors: a.bylines.map((name) => ({ name, uri: absoluteUrl(listingPath("author", name)) })),
    categories: [
      { term: a.section.name, scheme: scheme("section") },
      ...(a.column ? [{ term: a.column.name, scheme: scheme("column") }] : []),
      ...a.tags.map((t) => ({ term: t, scheme: scheme("tag") })),
    ],
  };
}

/** The model of one feed: the paper's, or a section's, column's, tag's or byline's. */
export function feedDocument(source: FeedSource): FeedDocument {
  const scope: FeedScope = source.kind && source.key !== null ? { kind: source.kind, key: source.key } : null;
  const entries = source.articles.map(entryFor);
  const description = scope
    ? (source.description ?? `${site.name}${kindNames[scope.kind]}“${source.name}”的最新报道。`)
    : site.description;
  return {
    title: feedTitle(source.kind, source.name),
    description,
    link: absoluteUrl(scope ? listingPath(scope.kind, scope.key) : HOME_PATH),
    self: { rss: absoluteUrl(feedPath("rss", scope)), atom: absoluteUrl(feedPath("atom", scope)) },
    // An empty feed still needs a date; the epoch says "nothing yet" and keeps the document stable.
    updated: entries.reduce((d, e) => (e.updated > d ? e.updated : d), new Date(0)),
    author: { name: site.name, uri: absoluteUrl(HOME_PATH) },
    entries,
  };
}

export function renderRss(feed: FeedDocument): string {
  const rss = xmlDocument(null, "rss", { version: "2.0" });
  rss.att("http://www.w3.org/2000/xmlns/", "xmlns:atom", NS.atom);
  rss.att("http://www.w3.org/2000/xmlns/", "xmlns:dc", NS.dc);
  rss.att("http://www.w3.org/2000/xmlns/", "xmlns:content", NS.content);
  const channel = rss.ele("channel");
  textElement(channel, "title", feed.title);
  textElement(channel, "link", feed.link);
  textElement(channel, "description", feed.description);
  textElement(channel, "language", site.locale.toLowerCase());
  textElement(channel, "lastBuildDate", feed.updated.toUTCString());
  channel.ele(NS.atom, "atom:link", cleanAttributes({ href: feed.self.rss, rel: "self", type: "application/rss+xml" }));
  for (const e of feed.entries) {
    const item = channel.ele("item");
    textElement(item, "title", e.title);
    textElement(item, "link", e.link);
    textElement(item, "guid", e.id, { isPermaLink: String(e.id === e.link) });
    textElement(item, "pubDate", e.published.toUTCString());
    textElement(item, "description", escapeHtml(e.summary));
    for (const p of e.authors) textElement(item, "dc:creator", p.name, {}, NS.dc);
    for (const c of e.categories) textElement(item, "category", c.term, { domain: c.scheme });
    textElement(item, "content:encoded", e.contentHtml, {}, NS.content);
  }
  return xmlString(rss);
}

function atomPerson(parent: XMLBuilder, element: "author", p: FeedPerson) {
  const el = parent.ele(element);
  textElement(el, "name", p.name);
  textElement(el, "uri", p.uri);
}

export function renderAtom(feed: FeedDocument): string {
  const root = xmlDocument(NS.atom, "feed");
  root.att(NS.xml, "xml:lang", site.locale);
  textElement(root, "id", feed.self.atom);
  textElement(root, "title", feed.title);
  textElement(root, "subtitle", feed.description);
  textElement(root, "updated", feed.updated.toISOString());
  root.ele("link", cleanAttributes({ rel: "alternate", type: "text/html", href: feed.link }));
  root.ele("link", cleanAttributes({ rel: "self", type: "application/atom+xml", href: feed.self.atom }));
  atomPerson(root, "author", feed.author);
  for (const e of feed.entries) {
    const entry = root.ele("entry");
    textElement(entry, "id", e.id);
    textElement(entry, "title", e.title, { type: "text" });
    entry.ele("link", cleanAttributes({ rel: "alternate", type: "text/html", href: e.link }));
    textElement(entry, "published", e.published.toISOString());
    textElement(entry, "updated", e.updated.toISOString());
    for (const p of e.authors) atomPerson(entry, "author", p);
    for (const c of e.categories)
      entry.ele("category", cleanAttributes({ term: c.term, scheme: c.scheme, label: c.term }));
    textElement(entry, "summary", e.summary, { type: "text" });
    // Relative links in an article resolve against the article's own URL.
    entry
      .ele("content", cleanAttributes({ type: "html" }))
      .att(NS.xml, "xml:base", xmlText(e.link))
      .txt(xmlText(e.contentHtml));
  }
  return xmlString(root);
}

export function renderFeed(feed: FeedDocument, format: FeedFormat): string {
  return format === "rss" ? renderRss(feed) : renderAtom(feed);
}

/** A feed as an HTTP response, with the type feed readers and browsers look for. */
export function feedResponse(xml: string, format: FeedFormat): Response {
  return new Response(xml, {
    headers: { "content-type": FEED_CONTENT_TYPES[format], "x-content-type-options": "nosniff" },
  });
}
