import { ListingPage } from "@/components/listing/listing-page";
import { JsonLd } from "@/components/seo/json-ld";
import { listingJsonLd } from "@/lib/seo/json-ld";
import { listingPageMetadata } from "@/lib/seo/metadata";
import { resolveListing } from "@/lib/routes/resolve";

type Props = { params: Promise<{ author: string }> };

export const revalidate = 60;
// Rendered on first visit, then served from the cache until an ingest refreshes it.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  return listingPageMetadata(await resolveListing("author", (await params).author));
}

export default async function Page({ params }: Props) {
  const { author } = await params;
  return (
    <>
      <JsonLd data={listingJsonLd(await resolveListing("author", author))} />
      <ListingPage kind="author" rawKey={author} />
    </>
  );
}
