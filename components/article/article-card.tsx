import Link from "next/link";
import { cutExcerpt } from "@/lib/content/text";
import type { ArticleSummary } from "@/lib/db/articles";
import { formatDate, isoDate } from "@/lib/format";
import { articlePath, sectionPath } from "@/lib/urls";
import { BylineLinks } from "./byline-links";
import { HeadlineText } from "./headline-text";
import { StatusMark } from "./status-mark";

/** A card's excerpt budget in characters: two or three lines on a phone; the lead story gets more. */
export const EXCERPT_CHARS = { lead: 120, card: 48 } as const;

/**
 * One story in a list: headline, a short excerpt cut at a sentence's end, and where it ran. `lead` gives the issue's
 * top story more room; `meta` false leaves out the byline line (the front page's dense cards, grouped by section).
 */
export function ArticleCard({
  article,
  lead = false,
  headingLevel = 3,
  meta = true,
}: {
  article: ArticleSummary;
  lead?: boolean;
  headingLevel?: 2 | 3;
  meta?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={lead ? "article-card lead" : "article-card"}>
      <div className="card-head">
        {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
        <Heading className="card-title">
          <StatusMark article={article} />
          <Link href={articlePath(article.slug)}>
            <HeadlineText title={article.title} />
          </Link>
        </Heading>
        {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
      </div>
      <div className="card-body">
        <p className="excerpt">{cutExcerpt(article.excerpt, lead ? EXCERPT_CHARS.lead : EXCERPT_CHARS.card)}</p>
        {meta ? (
          <p className="meta">
            <BylineLinks names={article.bylines} />
            <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
            <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
          </p>
        ) : null}
      </div>
    </article>
  );
}

/** `headingLevel`: one below the list's own heading, so the outline has no gaps (a listing page's h1 → h2 headlines). */
export function ArticleList({
  articles,
  headingLevel = 3,
  grid = false,
  meta = true,
}: {
  articles: ArticleSummary[];
  headingLevel?: 2 | 3;
  grid?: boolean;
  meta?: boolean;
}) {
  return (
    <ul className={grid ? "article-list article-grid" : "article-list"}>
      {articles.map((a) => (
        <li key={a.slug}>
          <ArticleCard article={a} headingLevel={headingLevel} meta={meta} />
        </li>
      ))}
    </ul>
  );
}
