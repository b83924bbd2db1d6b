import { IssueArchive } from "@/components/issue/issue-archive";
import { LatestIssueCalendar } from "@/components/print/issue-month";
import { JsonLd } from "@/components/seo/json-ld";
import { issueArchiveJsonLd } from "@/lib/seo/json-ld";
import { issueArchiveMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export function generateMetadata() {
  return issueArchiveMetadata(1);
}

export default function IssuesPage() {
  return (
    <>
      <JsonLd data={issueArchiveJsonLd(1)} />
      <IssueArchive calendar={<LatestIssueCalendar />} />
    </>
  );
}
