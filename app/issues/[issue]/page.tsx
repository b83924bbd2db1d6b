import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueEditionView } from "@/components/issue/issue-edition";
import { JsonLd } from "@/components/seo/json-ld";
import { getIssue } from "@/lib/db/issues";
import { decodeParam } from "@/lib/route-params";
import { issueJsonLd } from "@/lib/seo/json-ld";
import { issueMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ issue: string }> };

export const revalidate = 60;
export const generateStaticParams = () => [];

async function load(params: Props["params"]) {
  const slug = decodeParam((await params).issue);
  const issue = slug ? await getIssue(slug) : null;
  if (!issue) notFound();
  return issue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return issueMetadata(await load(params));
}

export default async function IssuePage({ params }: Props) {
  const issue = await load(params);
  return (
    <>
      <JsonLd data={issueJsonLd(issue)} />
      <IssueEditionView issue={issue} />
    </>
  );
}
