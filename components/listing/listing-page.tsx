import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getListing, type ListingKind } from "@/lib/db/listings";
import { decodeParam, parsePageParam } from "@/lib/route-params";
import { listingPath } from "@/lib/urls";
import { ArticleList } from "../article/article-card";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { Pagination } from "../layout/pagination";

const kindNames: Record<ListingKind, string> = { section: "版块", column: "栏目", tag: "标签", author: "作者" };

/** Resolves raw route params to a listing page's data, or answers 404 / a redirect to the canonical URL. */
async function loadListing(kind: ListingKind, rawKey: string, rawPage?: string) {
  const key = decodeParam(rawKey);
  const page = parsePageParam(rawPage);
  if (key === null || page === null) notFound();
  if (rawPage === "1") permanentRedirect(listingPath(kind, key));
  const listing = await getListing(kind, key, page);
  if (!listing || (page > 1 && page > listing.articles.pageCount)) notFound();
  return listing;
}

export async function listingMetadata(kind: ListingKind, rawKey: string, rawPage?: string): Promise<Metadata> {
  const listing = await loadListing(kind, rawKey, rawPage);
  const suffix = listing.articles.page > 1 ? ` · 第${listing.articles.page}页` : "";
  return {
    title: `${listing.name}${suffix}`,
    description: listing.description ?? `${kindNames[kind]}“${listing.name}”的全部报道`,
  };
}

/** Section, column, tag and author pages: one shape, one component. */
export async function ListingPage({ kind, rawKey, rawPage }: { kind: ListingKind; rawKey: string; rawPage?: string }) {
  const listing = await loadListing(kind, rawKey, rawPage);
  const { articles } = listing;
  return (
    <>
      <Breadcrumbs trail={[{ name: "首页", href: "/" }, { name: kindNames[kind] }, { name: listing.name }]} />
      <header className="listing-header">
        <p className="listing-kind">{kindNames[kind]}</p>
        <h1>{listing.name}</h1>
        {listing.description ? <p className="listing-description">{listing.description}</p> : null}
        <p className="listing-count">共 {articles.total} 篇</p>
      </header>
      <ArticleList articles={articles.items} headingLevel={2} grid />
      <Pagination page={articles.page} pageCount={articles.pageCount} href={(n) => listingPath(kind, listing.key, n)} />
    </>
  );
}
