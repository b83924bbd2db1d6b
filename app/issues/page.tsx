import { IssueArchive } from "@/components/issue/issue-archive";

export const revalidate = 60;
export const metadata = { title: "往期报纸" };

export default function IssuesPage() {
  return <IssueArchive />;
}
