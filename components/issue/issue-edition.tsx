import Link from "next/link";
import type { IssueEdition } from "@/lib/db/issues";
import type { PrintEdition } from "@/lib/db/pages";
import { formatDateWithWeekday, isoDate } from "@/lib/format";
import { columnPath } from "@/lib/urls";
import { ArticleCard } from "../article/article-card";
import { PrintEditionPages } from "../print/print-edition-pages";

interface ColumnRun {
  column: { slug: string; name: string } | null;
  articles: IssueEdition["articles"];
}

/** Consecutive stories under the same column head print together, as on the page. */
function runsByColumn(articles: IssueEdition["articles"]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (const a of articles) {
    const last = runs.at(-1);
    if (last && last.column?.slug === a.column?.slug) last.articles.push(a);
    else runs.push({ column: a.column, articles: [a] });
  }
  return runs;
}

/** The stories by column head, in print order: an issue that declares no pages. */
function ColumnRuns({ issue }: { issue: IssueEdition }) {
  return runsByColumn(issue.articles).map((run, i) => (
    <section key={i} className="column-run" aria-label={run.column?.name ?? "本期报道"}>
      {run.column ? (
        <h2 className="column-head">
          <Link href={columnPath(run.column.slug)}>{run.column.name}</Link>
        </h2>
      ) : null}
      <ol className="article-list">
        {run.articles.map((a) => (
          <li key={a.slug}>
            <ArticleCard article={a} lead={a.position === 1} headingLevel={run.column ? 3 : 2} />
          </li>
        ))}
      </ol>
    </section>
  ));
}

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
        <ColumnRuns issue={issue} />
      )}
    </>
  );
}
