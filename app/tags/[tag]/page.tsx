import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ tag: string }> };

export const revalidate = 60;
// Rendered on first visit, then served from the cache until an ingest refreshes it.
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return listingMetadata("tag", (await params).tag);
}

export default async function Page({ params }: Props) {
  return <ListingPage kind="tag" rawKey={(await params).tag} />;
}
