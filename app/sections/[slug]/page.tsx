import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 60;
// Rendered on first visit, then served from the cache until an ingest refreshes it.
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return listingMetadata("section", (await params).slug);
}

export default async function Page({ params }: Props) {
  return <ListingPage kind="section" rawKey={(await params).slug} />;
}
