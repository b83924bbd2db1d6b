import Link from "next/link";
import type { ArticleSummary } from "@/lib/db/articles";
import { formatDate, isoDate } from "@/lib/format";
import { articlePath, sectionPath } from "@/lib/urls";
import { BylineLinks } from "./byline-links";
import { StatusMark } from "./status-mark";

/** One story in a list: headline, excerpt and where it ran. `lead` gives the top story more room. */
export function ArticleCard({
  article,
  lead = false,
  headingLevel = 3,
}: {
  article: ArticleSummary;
  lead?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={lead ? "article-card lead" : "article-card"}>
      {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
      <Heading className="card-title">
        <StatusMark article={article} />
        <Link href={articlePath(article.slug)}>{article.title}</Link>
      </Heading>
      {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
      <p className="excerpt">{article.excerpt}</p>
      <p className="meta">
        <BylineLinks names={article.bylines} />
        <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
        <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}

/** `headingLevel`: one below the list's own heading, so the outline has no gaps (a listing page's h1 → h2 headlines). */
export function ArticleList({
  articles,
  headingLevel = 3,
  grid = false,
}: {
  articles: ArticleSummary[];
  headingLevel?: 2 | 3;
  grid?: boolean;
}) {
  return (
    <ul className={grid ? "article-list article-grid" : "article-list"}>
      {articles.map((a) => (
        <li key={a.slug}>
          <ArticleCard article={a} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
