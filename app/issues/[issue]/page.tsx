import type { Metadata } from "next";
import { IssueEditionView } from "@/components/issue/issue-edition";
import { JsonLd } from "@/components/seo/json-ld";
import { getPrintEdition } from "@/lib/db/pages";
import { resolveIssue } from "@/lib/routes/resolve";
import { issueJsonLd } from "@/lib/seo/json-ld";
import { issueMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ issue: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return issueMetadata(await resolveIssue((await params).issue));
}

export default async function IssuePage({ params }: Props) {
  const issue = await resolveIssue((await params).issue);
  return (
    <>
      <JsonLd data={issueJsonLd(issue)} />
      <IssueEditionView issue={issue} print={await getPrintEdition(issue.slug)} />
    </>
  );
}
