import Link from "next/link";
import type { ArticleDetail } from "@/lib/db/articles";
import { formatDate, isoDate } from "@/lib/format";
import { HOME_PATH, articlePath, columnPath, issuePath, sectionPath, tagPath } from "@/lib/urls";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { ArticleCard } from "./article-card";
import { BylineLinks } from "./byline-links";
import { LeadImage } from "./lead-image";
import { PrintUrl } from "./print-url";

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
        <header className="article-header">
          {article.column ? (
            <p className="column-head">
              <Link href={columnPath(article.column.slug)}>{article.column.name}</Link>
            </p>
          ) : null}
          {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
          <h1>{article.title}</h1>
          {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
          <p className="meta">
            <BylineLinks names={article.bylines} />
            <time dateTime={isoDate(article.publishedAt)}>{formatDate(article.publishedAt)}</time>
            <Link href={issuePath(article.issue.slug)}>{formatDate(article.issue.date)} 报纸</Link>
            <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
            <span>
              {article.charCount} 字 · 约 {article.readingMinutes} 分钟读完
            </span>
          </p>
          <PrintUrl path={articlePath(article.slug)} />
        </header>
        {article.image ? <LeadImage issue={article.issue.slug} image={article.image} /> : null}
        <div className="article-body">
          {article.dateline ? <p className="dateline">{article.dateline}</p> : null}
          <div dangerouslySetInnerHTML={{ __html: article.html }} />
        </div>
        {article.corrections.length > 0 ? (
          <aside className="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">更正</h2>
            <ul>
              {article.corrections.map((c) => (
                <li key={c.date + c.text}>
                  <time dateTime={c.date}>{formatDate(new Date(`${c.date}T00:00:00+08:00`))}</time>：{c.text}
                </li>
              ))}
            </ul>
          </aside>
        ) : null}
        {article.tags.length > 0 ? (
          <footer className="article-tags">
            <h2 className="visually-hidden">标签</h2>
            <ul>
              {article.tags.map((t) => (
                <li key={t}>
                  <Link href={tagPath(t)} rel="tag">
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <nav aria-label="本期上下篇" className="issue-neighbours">
        {article.previous ? (
          <Link href={articlePath(article.previous.slug)} rel="prev">
            <span>上一篇</span> {article.previous.title}
          </Link>
        ) : (
          <span />
        )}
        {article.next ? (
          <Link href={articlePath(article.next.slug)} rel="next">
            <span>下一篇</span> {article.next.title}
          </Link>
        ) : null}
      </nav>
      {article.related.length > 0 ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">相关报道</h2>
          <ul className="article-list">
            {article.related.map((a) => (
              <li key={a.slug}>
                <ArticleCard article={a} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
