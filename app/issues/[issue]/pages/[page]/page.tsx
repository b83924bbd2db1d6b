import type { Metadata } from "next";
import { PrintPageView } from "@/components/print/print-page-view";
import { resolvePrintPage } from "@/lib/routes/print";
import { printPageMetadata } from "@/lib/seo/print-metadata";

type Props = { params: Promise<{ issue: string; page: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue, page } = await params;
  const found = await resolvePrintPage(issue, page);
  return printPageMetadata(found.edition, found.page);
}

export default async function PrintPageRoute({ params }: Props) {
  const { issue, page } = await params;
  const found = await resolvePrintPage(issue, page);
  return <PrintPageView edition={found.edition} page={found.page} />;
}
