import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueEditionView } from "@/components/issue/issue-edition";
import { getIssue } from "@/lib/db/issues";
import { formatDate } from "@/lib/format";
import { decodeParam } from "@/lib/route-params";

type Props = { params: Promise<{ issue: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

async function load(params: Props["params"]) {
  const slug = decodeParam((await params).issue);
  const issue = slug ? await getIssue(slug) : null;
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load(params);
  return { title: `${formatDate(issue.date)} 报纸`, description: issue.articles.map((a) => a.title).join(";") };
}

export default async function IssuePage({ params }: Props) {
  return <IssueEditionView issue={await load(params)} />;
}
