import { kindNames, type ListingKind } from "@/lib/db/listings";
import { resolveListing } from "@/lib/routes/resolve";
import { HOME_PATH, listingIndexPath, listingPath } from "@/lib/urls";
import { ArticleList } from "../article/article-card";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { Pagination } from "../layout/pagination";

/** Section, column, tag and author pages: one shape, one component. */
export async function ListingPage({ kind, rawKey, rawPage }: { kind: ListingKind; rawKey: string; rawPage?: string }) {
  const listing = await resolveListing(kind, rawKey, rawPage);
  const { articles } = listing;
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: "首页", href: HOME_PATH },
          { name: kindNames[kind], href: listingIndexPath(kind) },
          { name: listing.name },
        ]}
      />
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
