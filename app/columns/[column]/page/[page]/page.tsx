import { ListingPage } from "@/components/listing/listing-page";
import { JsonLd } from "@/components/seo/json-ld";
import { listingJsonLd } from "@/lib/seo/json-ld";
import { listingPageMetadata } from "@/lib/seo/metadata";
import { resolveListing } from "@/lib/routes/resolve";

type Props = { params: Promise<{ column: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  const { column, page } = await params;
  return listingPageMetadata(await resolveListing("column", column, page));
}

export default async function Page({ params }: Props) {
  const { column, page } = await params;
  return (
    <>
      <JsonLd data={listingJsonLd(await resolveListing("column", column, page))} />
      <ListingPage kind="column" rawKey={column} rawPage={page} />
    </>
  );
}
