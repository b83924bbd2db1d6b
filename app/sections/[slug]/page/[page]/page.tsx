import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ slug: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { slug, page } = await params;
  return listingMetadata("section", slug, page);
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params;
  return <ListingPage kind="section" rawKey={slug} rawPage={page} />;
}
