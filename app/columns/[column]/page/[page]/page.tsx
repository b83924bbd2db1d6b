import { ListingPage, listingMetadata } from "@/components/listing/listing-page";

type Props = { params: Promise<{ column: string; page: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  const { column, page } = await params;
  return listingMetadata("column", column, page);
}

export default async function Page({ params }: Props) {
  const { column, page } = await params;
  return <ListingPage kind="column" rawKey={column} rawPage={page} />;
}
