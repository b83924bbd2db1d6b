import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ tag: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { tag, page } = await params;
  return listingMetadata("tag", tag, page);
}

export default async function Page({ params }: Props) {
  const { tag, page } = await params;
  return <ListingPage kind="tag" rawKey={tag} rawPage={page} />;
}
