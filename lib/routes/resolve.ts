import { notFound, permanentRedirect } from "next/navigation";
import { getListing, type Listing, type ListingKind } from "../db/listings";
import { decodeParam, parsePageParam } from "../route-params";
import { listingPath } from "../urls";

/**
 * A listing page's data from its raw route params, answering 404 or a redirect to the canonical URL
 * exactly as the page does (components/listing/listing-page.tsx). getListing is cached per request,
 * so the page, its metadata and its JSON-LD share one query.
 */
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
