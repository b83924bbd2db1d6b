import { ListingPage } from "@/components/listing/listing-page";
import { JsonLd } from "@/components/seo/json-ld";
import { listingJsonLd } from "@/lib/seo/json-ld";
import { listingPageMetadata } from "@/lib/seo/metadata";
import { resolveListing } from "@/lib/routes/resolve";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
// Rendered on first visit, then served from the cache until an ingest refreshes it.
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  return listingPageMetadata(await resolveListing("section", (await params).slug));
}

export default async function Page({ params }: Props) {
  const { slug } = await params;
  return (
    <>
      <JsonLd data={listingJsonLd(await resolveListing("section", slug))} />
      <ListingPage kind="section" rawKey={slug} />
    </>
  );
}
