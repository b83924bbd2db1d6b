import Link from "next/link";
import type { ArticleDetail, ArticleSummary, Correction } from "@/lib/db/articles";
import { issueDate } from "@/lib/dates";
import { formatDate, isoDate } from "@/lib/format";
import { HOME_PATH, articlePath, columnPath, issuePath, listingIndexPath, sectionPath, tagPath } from "@/lib/urls";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { ArticleList } from "./article-list";
import { ArticleQr } from "./article-qr";
import { BylineLinks, PhotoCredits } from "./byline-links";
import { runInDateline } from "./dateline";
import { HeadlineText } from "./headline-text";
import { LeadImage } from "./lead-image";
import { PrintPageLink } from "./print-page-link";
import { PrintUrl } from "./print-url";
import { ReadAloud } from "./read-aloud";
import { StatusMark } from "./status-mark";

/** One labelled meta item: 作者：记者 景亚萱. */
function MetaItem({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <span className="meta-item">
      <span className="meta-label">{label}：</span>
      {children}
    </span>
  );
}

/**
 * 来源, 作者, 摄影, 版块 and 日期, each labelled, the date once: it links to the day's paper (and names the paper's
 * date apart only when the story ran on another day), then the story's length.
 */
function ArticleMeta({ article }: { article: ArticleDetail }) {
  const published = formatDate(article.publishedAt);
  const printed = formatDate(article.issue.date);
  const date = <time dateTime={isoDate(article.publishedAt)}>{published}</time>;
  return (
    <p className="meta article-meta">
      {article.source ? <MetaItem label="来源">{article.source}</MetaItem> : null}
      {article.credits.length > 0 ? (
        <MetaItem label="作者">
          <BylineLinks credits={article.credits} />
        </MetaItem>
      ) : null}
      <PhotoCredits credits={article.photoCredits} />
      <MetaItem label="版块">
        <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
      </MetaItem>
      <MetaItem label="日期">
        {published === printed ? (
          <Link href={issuePath(article.issue.slug)}>{date}</Link>
        ) : (
          <>
            {date}（<Link href={issuePath(article.issue.slug)}>{printed} 报纸</Link>）
          </>
        )}
      </MetaItem>
      <PrintPageLink articleSlug={article.slug} />
      <span className="meta-item">
        {article.charCount} 字 · 约 {article.readingMinutes} 分钟读完
      </span>
    </p>
  );
}

/** Column head, kicker, headline, subtitle, then the labelled meta line and 听新闻; the address for print. */
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
        <HeadlineText title={article.title} />
      </h1>
      {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
      <ArticleMeta article={article} />
      <div className="article-tools">
        <ReadAloud selector=".article-header h1, .article-body p, .article-body h2, .article-body h3" />
      </div>
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

/** 上一篇 / 下一篇 in the issue's print order: side by side on wide screens, stacked full width on phones. */
function IssueNeighbours({ previous, next }: Pick<ArticleDetail, "previous" | "next">) {
  return (
    <nav aria-label="本期上下篇" className="issue-neighbours">
      {previous ? (
        <Link href={articlePath(previous.slug)} rel="prev">
          <span>上一篇</span> <HeadlineText title={previous.title} />
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={articlePath(next.slug)} rel="next">
          <span>下一篇</span> <HeadlineText title={next.title} />
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
          { name: "版块", href: listingIndexPath("section") },
          { name: article.section.name, href: sectionPath(article.section.slug) },
          { name: article.title },
        ]}
      />
      <article className="article">
        <ArticleHeader article={article} />
        {article.image ? <LeadImage issue={article.issue.slug} image={article.image} /> : null}
        <div
          className="article-body"
          dangerouslySetInnerHTML={{ __html: runInDateline(article.html, article.dateline) }}
        />
        <ArticleQr path={articlePath(article.slug)} />
        <Corrections corrections={article.corrections} />
        <ArticleTags tags={article.tags} />
      </article>
      <IssueNeighbours previous={article.previous} next={article.next} />
      <RelatedArticles articles={article.related} />
    </>
  );
}
