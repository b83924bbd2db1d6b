import type { Metadata } from "next";
import type { ArticleDetail } from "../db/articles";
import { articleModifiedAt } from "../db/feeds";
import type { IssueEdition } from "../db/issues";
import { kindNames, type Listing, type ListingKind } from "../db/listings";
import { formatDate } from "../format";
import { mediaPath } from "../media";
import { site } from "../site";
import {
  ABOUT_PATH,
  HOME_PATH,
  articlePath,
  feedPath,
  issuePath,
  issuesPath,
  listingIndexPath,
  listingPath,
  searchPath,
  type FeedScope,
} from "../urls";
import { feedTitle } from "./feed";
import { absoluteUrl, siteOrigin } from "./origin";

// Every page's <head> comes from here: title, description, canonical URL, the
// feeds that fit the page, Open Graph and Twitter cards. Next merges metadata
// key by key (a page's `alternates` or `openGraph` replaces the layout's whole),
// so each builder returns complete objects rather than relying on inheritance.

const OG_LOCALE = "zh_CN";

/** A feed a page advertises: the paper's, or its section's, column's, tag's or byline's. */
export interface AdvertisedFeed {
  scope: FeedScope;
  name: string;
}

const SITE_FEED: AdvertisedFeed = { scope: null, name: "" };

/** `alternates.types`: each feed as RSS and as Atom, the page's own first. */
export function feedAlternates(feeds: AdvertisedFeed[]): NonNullable<Metadata["alternates"]>["types"] {
  const title = (f: AdvertisedFeed) => feedTitle(f.scope?.kind ?? null, f.name);
  return {
    "application/rss+xml": feeds.map((f) => ({ url: absoluteUrl(feedPath("rss", f.scope)), title: title(f) })),
    "application/atom+xml": feeds.map((f) => ({
      url: absoluteUrl(feedPath("atom", f.scope)),
      title: `${title(f)}（Atom）`,
    })),
  };
}

export interface PageSeo {
  title: string;
  description: string;
  path: string;
  feeds: AdvertisedFeed[];
}

/** The parts every page shares: canonical, feeds, Open Graph (website) and a summary card. */
export function pageMetadata({ title, description, path, feeds }: PageSeo): Metadata {
  const url = absoluteUrl(path);
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(feeds) },
    openGraph: { type: "website", url, title, description, siteName: site.name, locale: OG_LOCALE },
    twitter: { card: "summary", title, description },
  };
}

/** The layout's: the title template, metadataBase, and defaults for pages that set nothing (404s). */
export function rootMetadata(): Metadata {
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    applicationName: site.name,
    alternates: { types: feedAlternates([SITE_FEED]) },
    openGraph: {
      type: "website",
      siteName: site.name,
      locale: OG_LOCALE,
      title: site.name,
      description: site.description,
    },
    twitter: { card: "summary", title: site.name, description: site.description },
  };
}

export function frontPageMetadata(): Metadata {
  const meta = pageMetadata({ title: site.name, description: site.description, path: HOME_PATH, feeds: [SITE_FEED] });
  // The front page's title is the paper's name alone, not "左权报 · 左权报".
  return { ...meta, title: { absolute: site.name } };
}

export function articleMetadata(article: ArticleDetail): Metadata {
  const url = absoluteUrl(articlePath(article.slug));
  const modified = articleModifiedAt(article.publishedAt, article.corrections);
  const authors = article.bylines.map((name) => absoluteUrl(listingPath("author", name)));
  const image = article.image
    ? { url: absoluteUrl(mediaPath(article.issue.slug, article.image.src)), alt: article.image.alt }
    : null;
  const feeds: AdvertisedFeed[] = [
    SITE_FEED,
    { scope: { kind: "section", key: article.section.slug }, name: article.section.name },
    ...(article.column
      ? [{ scope: { kind: "column" as const, key: article.column.slug }, name: article.column.name }]
      : []),
  ];
  return {
    title: article.title,
    description: article.excerpt,
    authors: article.bylines.map((name, i) => ({ name, url: authors[i] })),
    keywords: article.tags,
    category: article.section.name,
    alternates: { canonical: url, types: feedAlternates(feeds) },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.excerpt,
      siteName: site.name,
      locale: OG_LOCALE,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: modified.toISOString(),
      section: article.section.name,
      tags: article.tags,
      authors,
      ...(image ? { images: [image] } : {}),
    },
    twitter: image
      ? { card: "summary_large_image", title: article.title, description: article.excerpt, images: [image] }
      : { card: "summary", title: article.title, description: article.excerpt },
  };
}

/** A section, column, tag or byline page (any page of it). */
export function listingPageMetadata(listing: Listing): Metadata {
  const page = listing.articles.page;
  return pageMetadata({
    title: page > 1 ? `${listing.name} · 第${page}页` : listing.name,
    description: listing.description ?? `${kindNames[listing.kind]}“${listing.name}”的全部报道。`,
    path: listingPath(listing.kind, listing.key, page),
    feeds: [{ scope: { kind: listing.kind, key: listing.key }, name: listing.name }, SITE_FEED],
  });
}

export function issueMetadata(issue: IssueEdition): Metadata {
  const date = formatDate(issue.date);
  const number = issue.number ? ` 第${issue.number}期` : "";
  return pageMetadata({
    title: `${date}${number} 报纸`,
    description: `${site.name}${date}${number}：${issue.articles.map((a) => a.title).join("；")}`,
    path: issuePath(issue.slug),
    feeds: [SITE_FEED],
  });
}

export function issueArchiveMetadata(page: number): Metadata {
  return pageMetadata({
    title: page > 1 ? `往期报纸 · 第${page}页` : "往期报纸",
    description: `${site.name}的全部往期报纸，按日期从新到旧排列。`,
    path: issuesPath(page),
    feeds: [SITE_FEED],
  });
}

/**
 * The search page is indexable; its results are not (an endless space of thin pages, which search
 * engines ask sites to keep out), though their links may be followed.
 */
export function searchMetadata(q: string | undefined, hasParams: boolean): Metadata {
  const title = q ? `搜索：${q}` : "搜索";
  if (!hasParams)
    return {
      title,
      description: `在${site.name}的全部报道中按全文、栏目、作者、标签和日期搜索。`,
      alternates: { canonical: absoluteUrl(searchPath()), types: feedAlternates([SITE_FEED]) },
      openGraph: { type: "website", url: absoluteUrl(searchPath()), title, siteName: site.name, locale: OG_LOCALE },
      twitter: { card: "summary", title },
    };
  return {
    title,
    robots: { index: false, follow: true },
    alternates: { types: feedAlternates([SITE_FEED]) },
    openGraph: { type: "website", url: absoluteUrl(searchPath()), title, siteName: site.name, locale: OG_LOCALE },
    twitter: { card: "summary", title },
  };
}

/** /sections, /columns, /tags, /authors: every section, column, tag or byline with its count. */
export function indexPageMetadata(kind: ListingKind): Metadata {
  const name = kindNames[kind];
  return pageMetadata({
    title: `全部${name}`,
    description: `${site.name}的全部${name}，及每个${name}下的报道篇数。`,
    path: listingIndexPath(kind),
    feeds: [SITE_FEED],
  });
}

/** /about: the paper's own information. */
export function aboutMetadata(): Metadata {
  return pageMetadata({
    title: "关于本报",
    description: `${site.name}的主办单位、地址、电话、投稿方式与备案信息。`,
    path: ABOUT_PATH,
    feeds: [SITE_FEED],
  });
}
