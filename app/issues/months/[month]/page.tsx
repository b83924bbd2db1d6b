import type { Metadata } from "next";
import { IssueMonth } from "@/components/print/issue-month";
import { resolveMonth } from "@/lib/routes/print";
import { issueMonthMetadata } from "@/lib/seo/print-metadata";

type Props = { params: Promise<{ month: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, month } = resolveMonth((await params).month);
  return issueMonthMetadata(year, month);
}

export default async function IssueMonthPage({ params }: Props) {
  const { year, month } = resolveMonth((await params).month);
  return <IssueMonth year={year} month={month} />;
}
