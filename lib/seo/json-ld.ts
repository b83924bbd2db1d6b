import type {
  BreadcrumbList,
  CollectionPage,
  ItemList,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  PublicationIssue,
  WebSite,
  WithContext,
} from "schema-dts";
import type { ArticleDetail, ArticleSummary, Credit } from "../db/articles";
import { articleModifiedAt } from "../db/feeds";
import type { IssueEdition } from "../db/issues";
import { ARTICLES_PER_PAGE, kindNames, type Listing } from "../db/listings";
import { formatDate, isoDate } from "../format";
import { mediaPath } from "../media";
import { site } from "../site";
import { HOME_PATH, articlePath, issuePath, issuesPath, listingPath, sectionPath } from "../urls";
import { absoluteUrl } from "./origin";

// Structured data (schema.org, as JSON-LD) for the pages, built as plain objects
// typed with schema-dts; tests/int/seo-json-ld.int.test.ts checks every type and
// property against the schema.org vocabulary itself. components/seo/json-ld.tsx
// renders them.

export type JsonLdDocument = WithContext<NewsArticle | BreadcrumbList | CollectionPage | WebSite>;

const LANGUAGE = site.locale;
const CONTEXT = "https://schema.org" as const;

/** The paper as a news organization: the publisher of every article. */
export function publisher(): NewsMediaOrganization {
  return {
    "@type": "NewsMediaOrganization",
    "@id": `${absoluteUrl(HOME_PATH)}#publisher`,
    name: site.name,
    url: absoluteUrl(HOME_PATH),
  };
}

function website(): WebSite {
  return {
    "@type": "WebSite",
    "@id": `${absoluteUrl(HOME_PATH)}#website`,
    name: site.name,
    url: absoluteUrl(HOME_PATH),
    inLanguage: LANGUAGE,
  };
}

const person = (name: string): Person => ({ "@type": "Person", name, url: absoluteUrl(listingPath("author", name)) });
/** A byline: the person, and the role printed before the name as their job title (记者). */
const credited = ({ name, role }: Credit): Person => ({
  "@type": "Person",
  name,
  url: absoluteUrl(listingPath("author", name)),
  ...(role ? { jobTitle: role } : {}),
});

/** The print issue an article or issue page belongs to. */
function publicationIssue(issue: { slug: string; date: Date; number?: number | null }): PublicationIssue {
  return {
    "@type": "PublicationIssue",
    url: absoluteUrl(issuePath(issue.slug)),
    datePublished: isoDate(issue.date),
    ...(issue.number ? { issueNumber: issue.number } : {}),
    isPartOf: { "@type": "Periodical", name: site.name },
  };
}

/** NewsArticle with the print fields schema.org has; printPage is left out: the pages are not recorded. */
export function newsArticleJsonLd(article: ArticleDetail): WithContext<NewsArticle> {
  const url = absoluteUrl(articlePath(article.slug));
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    "@id": `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    description: article.excerpt,
    datePublished: article.publishedAt.toISOString(),
    dateModified: articleModifiedAt(article.publishedAt, article.corrections).toISOString(),
    ...(article.credits.length > 0 ? { author: article.credits.map(credited) } : {}),
    ...(article.photoCredits.length > 0
      ? {
          contributor: article.photoCredits.map(({ name, role }) => ({
            "@type": "Person",
            name,
            ...(role ? { jobTitle: role } : {}),
          })),
        }
      : {}),
    // A reprint names the organization it comes from.
    ...(article.source ? { sourceOrganization: { "@type": "Organization", name: article.source } } : {}),
    publisher: publisher(),
    inLanguage: LANGUAGE,
    articleSection: article.section.name,
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    wordCount: article.charCount,
    ...(article.image
      ? {
          image: {
            "@type": "ImageObject",
            url: absoluteUrl(mediaPath(article.issue.slug, article.image.src)),
            caption: article.image.caption ?? article.image.alt,
          },
        }
      : {}),
    printEdition: isoDate(article.issue.date),
    printSection: article.section.name,
    ...(article.column ? { printColumn: article.column.name } : {}),
    isPartOf: publicationIssue(article.issue),
  };
}

/** The trail the page shows: 首页 › section › article. */
export function articleBreadcrumbJsonLd(article: ArticleDetail): WithContext<BreadcrumbList> {
  const trail = [
    { name: "首页", url: absoluteUrl(HOME_PATH) },
    { name: article.section.name, url: absoluteUrl(sectionPath(article.section.slug)) },
    { name: article.title, url: absoluteUrl(articlePath(article.slug)) },
  ];
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    // item is a Thing, so the page is referenced by its @id (its URL) rather than given as a bare string.
    itemListElement: trail.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.name,
      item: { "@id": c.url },
    })),
  };
}

export function articleJsonLd(article: ArticleDetail): JsonLdDocument[] {
  return [newsArticleJsonLd(article), articleBreadcrumbJsonLd(article)];
}

function itemList(articles: Pick<ArticleSummary, "slug" | "title">[], first = 1): ItemList {
  return {
    "@type": "ItemList",
    itemListElement: articles.map((a, i) => ({
      "@type": "ListItem",
      position: first + i,
      url: absoluteUrl(articlePath(a.slug)),
      name: a.title,
    })),
  };
}

/** A section, column, tag or byline page: the stories on this page of it, numbered across pages. */
export function listingJsonLd(listing: Listing): WithContext<CollectionPage> {
  const { page } = listing.articles;
  const url = absoluteUrl(listingPath(listing.kind, listing.key, page));
  return {
    "@context": CONTEXT,
    "@type": "CollectionPage",
    "@id": url,
    url,
    name: `${kindNames[listing.kind]}：${listing.name}${page > 1 ? ` · 第${page}页` : ""}`,
    ...(listing.description ? { description: listing.description } : {}),
    inLanguage: LANGUAGE,
    isPartOf: website(),
    ...(listing.kind === "author" ? { about: person(listing.name) } : {}),
    mainEntity: itemList(listing.articles.items, (page - 1) * ARTICLES_PER_PAGE + 1),
  };
}

/** An issue's page: the edition as a collection of its stories in print order. */
export function issueJsonLd(issue: IssueEdition): WithContext<CollectionPage> {
  const url = absoluteUrl(issuePath(issue.slug));
  return {
    "@context": CONTEXT,
    "@type": "CollectionPage",
    "@id": url,
    url,
    name: `${formatDate(issue.date)} 报纸`,
    inLanguage: LANGUAGE,
    datePublished: isoDate(issue.date),
    isPartOf: website(),
    about: publicationIssue(issue),
    mainEntity: itemList(issue.articles),
  };
}

/** A page of the issue archive. */
export function issueArchiveJsonLd(page: number): WithContext<CollectionPage> {
  const url = absoluteUrl(issuesPath(page));
  return {
    "@context": CONTEXT,
    "@type": "CollectionPage",
    "@id": url,
    url,
    name: page > 1 ? `往期报纸 · 第${page}页` : "往期报纸",
    inLanguage: LANGUAGE,
    isPartOf: website(),
  };
}

/** The front page: the site and who publishes it. */
export function frontPageJsonLd(): WithContext<WebSite> {
  return { "@context": CONTEXT, ...website(), description: site.description, publisher: publisher() };
}

/**
 * JSON for a <script type="application/ld+json">: "<" (and ">", "&", U+2028, U+2029) written as
 * \u escapes, so no string in the data can close the script element or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
