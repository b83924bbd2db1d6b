import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ author: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { author, page } = await params;
  return listingMetadata("author", author, page);
}

export default async function Page({ params }: Props) {
  const { author, page } = await params;
  return <ListingPage kind="author" rawKey={author} rawPage={page} />;
}
