import type { IssueEdition } from "@/lib/db/issues";
import type { PrintEdition } from "@/lib/db/pages";
import { formatDateWithWeekday, isoDate } from "@/lib/format";
import { PrintEditionPages } from "../print/print-edition-pages";
import { ColumnRuns } from "./column-runs";

/** An edition: its pages in order with their stories when it declares pages, else its stories by column. */
export function IssueEditionView({ issue, print }: { issue: IssueEdition; print: PrintEdition | null }) {
  return (
    <>
      <header className="edition-header">
        {issue.banner ? <p className="banner">{issue.banner}</p> : null}
        <h1>
          <time dateTime={isoDate(issue.date)}>{formatDateWithWeekday(issue.date)}</time>
          {issue.number ? <span className="issue-number"> 第{issue.number}期</span> : null}
        </h1>
        <p className="listing-count">本期 {issue.articles.length} 篇</p>
      </header>
      {print && print.pages.length ? (
        <PrintEditionPages edition={print} articles={issue.articles} />
      ) : (
        <ColumnRuns articles={issue.articles} level={2} />
      )}
    </>
  );
}
