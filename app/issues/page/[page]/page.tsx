import { IssueArchive } from "@/components/issue/issue-archive";

type Props = { params: Promise<{ page: string }> };

export const revalidate = 60;
export const generateStaticParams = async () => [];

export async function generateMetadata({ params }: Props) {
  return { title: `往期报纸 · 第${(await params).page}页` };
}

export default async function IssuesArchivePage({ params }: Props) {
  return <IssueArchive rawPage={(await params).page} />;
}
