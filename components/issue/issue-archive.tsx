import Link from "next/link";
import { notFound } from "next/navigation";
import { listIssues } from "@/lib/db/issues";
import { formatDateWithWeekday, isoDate } from "@/lib/format";
import { resolveArchivePage } from "@/lib/routes/resolve";
import { issuePath, issuesPath } from "@/lib/urls";
import { Pagination } from "../layout/pagination";

/** 往期: every issue, newest first. */
export async function IssueArchive({ rawPage, calendar }: { rawPage?: string; calendar?: React.ReactNode }) {
  const page = resolveArchivePage(rawPage);
  const issues = await listIssues(page);
  if (page > issues.pageCount) notFound();
  return (
    <>
      <header className="listing-header">
        <h1>往期报纸</h1>
        <p className="listing-count">共 {issues.total} 期</p>
      </header>
      {calendar}
      <ul className="issue-archive">
        {issues.items.map((i) => (
          <li key={i.slug}>
            <Link href={issuePath(i.slug)}>
              <time dateTime={isoDate(i.date)}>{formatDateWithWeekday(i.date)}</time>
            </Link>
            {i.banner ? <span className="banner-small">{i.banner}</span> : null}
            <span className="archive-meta">
              {i.articleCount} 篇{i.leadTitle ? ` · 头条：${i.leadTitle}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={issues.page} pageCount={issues.pageCount} href={issuesPath} />
    </>
  );
}
