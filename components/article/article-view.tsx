import Link from "next/link";
import type { ArticleDetail, ArticleSummary, Correction } from "@/lib/db/articles";
import { issueDate } from "@/lib/dates";
import { formatDate, isoDate } from "@/lib/format";
import { HOME_PATH, articlePath, columnPath, issuePath, sectionPath, tagPath } from "@/lib/urls";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { ArticleList } from "./article-list";
import { BylineLinks, PhotoCredits } from "./byline-links";
import { LeadImage } from "./lead-image";
import { PrintPageLink } from "./print-page-link";
import { PrintUrl } from "./print-url";
import { StatusMark } from "./status-mark";

/** Column head, kicker, headline, subtitle, then byline, date, issue, section and length; the address for print. */
function ArticleHeader({ article }: { article: ArticleDetail }) {
  return (
    <header className="article-header">
      {article.column ? (
        <p className="column-head">
          <Link href={columnPath(article.column.slug)}>{article.column.name}</Link>
        </p>
      ) : null}
      {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
      <h1>
        <StatusMark article={article} />
        {article.title}
      </h1>
      {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
      <p className="meta">
        <BylineLinks credits={article.credits} />
        <PhotoCredits credits={article.photoCredits} />
        {article.source ? <span className="source">来源：{article.source}</span> : null}
        <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
        <Link href={issuePath(article.issue.slug)}>{formatDate(article.issue.date)} 报纸</Link>
        <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
        <PrintPageLink articleSlug={article.slug} />
        <span>
          {article.charCount} 字 · 约 {article.readingMinutes} 分钟读完
        </span>
      </p>
      <PrintUrl path={articlePath(article.slug)} />
    </header>
  );
}

/** 更正: dated corrections, shown at the story's end. */
function Corrections({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <aside className="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">更正</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.date + c.text}>
            <time dateTime={c.date}>{formatDate(issueDate(c.date))}</time>：{c.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function ArticleTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <footer className="article-tags">
      <h2 className="visually-hidden">标签</h2>
      <ul>
        {tags.map((t) => (
          <li key={t}>
            <Link href={tagPath(t)} rel="tag">
              {t}
            </Link>
          </li>
        ))}
      </ul>
    </footer>
  );
}

/** 上一篇 / 下一篇 in the issue's print order. The empty span keeps 下一篇 on the right when there is no previous. */
function IssueNeighbours({ previous, next }: Pick<ArticleDetail, "previous" | "next">) {
  return (
    <nav aria-label="本期上下篇" className="issue-neighbours">
      {previous ? (
        <Link href={articlePath(previous.slug)} rel="prev">
          <span>上一篇</span> {previous.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={articlePath(next.slug)} rel="next">
          <span>下一篇</span> {next.title}
        </Link>
      ) : null}
    </nav>
  );
}

function RelatedArticles({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">相关报道</h2>
      <ArticleList articles={articles} />
    </section>
  );
}

export function ArticleView({ article }: { article: ArticleDetail }) {
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: "首页", href: HOME_PATH },
          { name: article.section.name, href: sectionPath(article.section.slug) },
          { name: article.title },
        ]}
      />
      <article className="article">
        <ArticleHeader article={article} />
        {article.image ? <LeadImage issue={article.issue.slug} image={article.image} /> : null}
        <div className="article-body">
          {article.dateline ? <p className="dateline">{article.dateline}</p> : null}
          <div dangerouslySetInnerHTML={{ __html: article.html }} />
        </div>
        <Corrections corrections={article.corrections} />
        <ArticleTags tags={article.tags} />
      </article>
      <IssueNeighbours previous={article.previous} next={article.next} />
      <RelatedArticles articles={article.related} />
    </>
  );
}
