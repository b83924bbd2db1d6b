import type { ListingKind } from "./db/listings";

// Every link in the portal is built here. Tag and author names stay Chinese in
// URLs, percent-encoded once; route params are decoded once, in lib/route-params.ts.

const seg = (s: string) => encodeURIComponent(s);
const paged = (base: string, page = 1) => (page > 1 ? `${base}/page/${page}` : base);

export const articlePath = (slug: string) => `/articles/${seg(slug)}`;
export const issuePath = (slug: string) => `/issues/${seg(slug)}`;
export const issuesPath = (page = 1) => paged("/issues", page);

const listingRoots: Record<ListingKind, string> = {
  section: "/sections",
  column: "/columns",
  tag: "/tags",
  author: "/authors",
};

export const listingPath = (kind: ListingKind, key: string, page = 1) =>
  paged(`${listingRoots[kind]}/${seg(key)}`, page);
export const sectionPath = (slug: string, page = 1) => listingPath("section", slug, page);
export const columnPath = (slug: string, page = 1) => listingPath("column", slug, page);
export const tagPath = (name: string, page = 1) => listingPath("tag", name, page);
export const authorPath = (name: string, page = 1) => listingPath("author", name, page);
