import { notFound, permanentRedirect } from "next/navigation";
import { getArticle, getRedirect, type ArticleDetail } from "../db/articles";
import { getIssue, type IssueEdition } from "../db/issues";
import { getListing, type Listing, type ListingKind } from "../db/listings";
import { decodeParam, parsePageParam } from "../route-params";
import { articlePath, listingPath } from "../urls";

// Raw route params (still percent-encoded) to a page's data, or to a 404 or a redirect to the
// canonical URL. The queries are cached per request, so a page, its metadata and its JSON-LD
// share one.

/** An article page's data; a renamed article's old slug redirects (308) to its current URL. */
export async function resolveArticle(rawSlug: string): Promise<ArticleDetail> {
  const slug = decodeParam(rawSlug);
  const article = slug ? await getArticle(slug) : null;
  if (article) return article;
  const current = slug ? await getRedirect(slug) : null;
  if (current) permanentRedirect(articlePath(current));
  notFound();
}

/** An issue page's data; 404 when the issue has nothing readers may see. */
export async function resolveIssue(rawSlug: string): Promise<IssueEdition> {
  const slug = decodeParam(rawSlug);
  const issue = slug ? await getIssue(slug) : null;
  if (!issue) notFound();
  return issue;
}

/** A section, column, tag or byline page's data; /page/1 redirects to the listing's own URL. */
export async function resolveListing(kind: ListingKind, rawKey: string, rawPage?: string): Promise<Listing> {
  const key = decodeParam(rawKey);
  const page = parsePageParam(rawPage);
  if (key === null || page === null) notFound();
  if (rawPage === "1") permanentRedirect(listingPath(kind, key));
  const listing = await getListing(kind, key, page);
  if (!listing || (page > 1 && page > listing.articles.pageCount)) notFound();
  return listing;
}

/** The issue archive's page number from its raw param; 404 for anything but a canonical page number above 1. */
export function resolveArchivePage(rawPage?: string): number {
  const page = parsePageParam(rawPage);
  if (page === null || rawPage === "1") notFound();
  return page;
}
