import { IssueArchive } from "@/components/issue/issue-archive";
import { JsonLd } from "@/components/seo/json-ld";
import { issueArchiveJsonLd } from "@/lib/seo/json-ld";
import { issueArchiveMetadata } from "@/lib/seo/metadata";
import { resolveArchivePage } from "@/lib/routes/resolve";

type Props = { params: Promise<{ page: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props) {
  return issueArchiveMetadata(resolveArchivePage((await params).page));
}

export default async function IssuesArchivePage({ params }: Props) {
  const { page } = await params;
  return (
    <>
      <JsonLd data={issueArchiveJsonLd(resolveArchivePage(page))} />
      <IssueArchive rawPage={page} />
    </>
  );
}
