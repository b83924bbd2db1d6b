import { ListingPage } from "@/components/listing/listing-page";
import { JsonLd } from "@/components/seo/json-ld";
import { listingJsonLd } from "@/lib/seo/json-ld";
import { listingPageMetadata } from "@/lib/seo/metadata";
import { resolveListing } from "@/lib/routes/resolve";

type Props = { params: Promise<{ author: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  const { author, page } = await params;
  return listingPageMetadata(await resolveListing("author", author, page));
}

export default async function Page({ params }: Props) {
  const { author, page } = await params;
  return (
    <>
      <JsonLd data={listingJsonLd(await resolveListing("author", author, page))} />
      <ListingPage kind="author" rawKey={author} rawPage={page} />
    </>
  );
}
