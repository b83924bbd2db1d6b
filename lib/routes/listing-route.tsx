import type { Metadata } from "next";
import { ListingPage } from "@/components/listing/listing-page";
import { JsonLd } from "@/components/seo/json-ld";
import type { ListingKind } from "../db/listings";
import { listingJsonLd } from "../seo/json-ld";
import { listingPageMetadata } from "../seo/metadata";
import { resolveListing } from "./resolve";

/**
 * A listing route's params as Next passes them: the key under its folder's name, and the page under /page/[page].
 * A mapped type rather than Record<P, string>, which TypeScript lets any Record<string, string> satisfy.
 */
type ListingRouteProps<P extends string> = { params: Promise<{ [K in P]: string } & { page?: string }> };

/**
 * Everything a section, column, tag or byline route does, for its first page and its /page/N pages alike:
 * its metadata, and its page with the listing's JSON-LD. `param` names the route's dynamic folder
 * ([slug], [column], [tag], [author]). resolveListing is cached per request, so both share one query.
 */
export function listingRoute<P extends string>(kind: ListingKind, param: P) {
  async function generateMetadata({ params }: ListingRouteProps<P>): Promise<Metadata> {
    const raw = await params;
    return listingPageMetadata(await resolveListing(kind, raw[param], raw.page));
  }

  async function ListingRoute({ params }: ListingRouteProps<P>) {
    const raw = await params;
    return (
      <>
        <JsonLd data={listingJsonLd(await resolveListing(kind, raw[param], raw.page))} />
        <ListingPage kind={kind} rawKey={raw[param]} rawPage={raw.page} />
      </>
    );
  }

  return { generateMetadata, Page: ListingRoute };
}
