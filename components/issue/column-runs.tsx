import Link from "next/link";
import type { ReactNode } from "react";
import type { ArticleSummary } from "@/lib/db/articles";
import { columnPath } from "@/lib/urls";
import { ArticleCard } from "../article/article-card";

interface ColumnRun {
  column: { slug: string; name: string } | null;
  articles: ArticleSummary[];
}

/** Consecutive stories under the same column head print together, as on the page. */
function runsByColumn(articles: ArticleSummary[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (const a of articles) {
    const last = runs.at(-1);
    if (last && last.column?.slug === a.column?.slug) last.articles.push(a);
    else runs.push({ column: a.column, articles: [a] });
  }
  return runs;
}

/**
 * Stories in print order under their column heads. `level` is the column heads' heading level (2
 * on an edition without pages, 3 under a page's heading); `after` adds a line under each story.
 */
export function ColumnRuns({
  articles,
  level,
  after,
}: {
  articles: ArticleSummary[];
  level: 2 | 3;
  after?: (article: ArticleSummary) => ReactNode;
}) {
  const Heading = `h${level}` as const;
  return runsByColumn(articles).map((run, i) => (
    <section key={i} className="column-run" aria-label={run.column?.name ?? "本期报道"}>
      {run.column ? (
        <Heading className="column-head">
          <Link href={columnPath(run.column.slug)}>{run.column.name}</Link>
        </Heading>
      ) : null}
      <ol className="article-list">
        {run.articles.map((a) => (
          <li key={a.slug}>
            <ArticleCard article={a} lead={a.position === 1} headingLevel={run.column || level === 3 ? 3 : 2} />
            {after?.(a)}
          </li>
        ))}
      </ol>
    </section>
  ));
}
