import Link from "next/link";
import { BylineLinks } from "@/components/article/byline-links";
import { Pagination } from "@/components/layout/pagination";
import { formatDate, isoDate } from "@/lib/format";
import type { SearchParams } from "@/lib/search/params";
import type { SearchResponse } from "@/lib/search/search";
import { articlePath, authorPath, issuePath, searchPath, sectionPath } from "@/lib/urls";
import { emptySearchHints } from "./hints";
import { MarkedHeadline, MarkedText } from "./marked-text";
import { tidySnippet } from "./tidy-snippet";

/** How many stories matched, what the search did with the query, and a byline's own page when the query names one. */
function SearchSummary({ response }: { response: SearchResponse }) {
  return (
    <>
      <h2 id="search-summary" className="search-summary">
        {response.total === 0
          ? "没有找到相关报道"
          : response.totalIsExact
            ? `找到 ${response.total} 篇报道`
            : `找到 ${response.total} 多篇报道`}
      </h2>
      {response.notice ? <p className="search-notice">{response.notice}</p> : null}
      {response.totalIsExact ? null : (
        <p className="search-notice">{`结果太多，只列出最新的 ${response.total} 篇；加上筛选条件或更多关键词可以缩小范围。`}</p>
      )}
      {response.author ? (
        <p className="search-notice">
          “{response.author.name}”是本报作者：
          <Link href={searchPath({ author: response.author.name })}>
            查看其署名的 {response.author.articleCount} 篇报道
          </Link>{" "}
          · <Link href={authorPath(response.author.name)}>作者页</Link>
        </p>
      ) : null}
    </>
  );
}

/** One result: the headline and a snippet with the matched words marked, then where and when it ran. */
function SearchHitCard({ hit }: { hit: SearchResponse["results"][number] }) {
  return (
    <article className="article-card search-hit">
      <h3 className="card-title">
        <Link href={articlePath(hit.slug)}>
          <MarkedHeadline value={hit.titleMarked} />
        </Link>
      </h3>
      <p className="excerpt">
        <MarkedText value={tidySnippet(hit.snippet)} />
      </p>
      <p className="meta">
        <BylineLinks names={hit.bylines} />
        <Link href={sectionPath(hit.section.slug)}>{hit.section.name}</Link>
        {/* The date once: it links to the day's paper, which is named apart only when the story ran on another day. */}
        {formatDate(hit.publishedAt) === formatDate(hit.issue.date) ? (
          <Link href={issuePath(hit.issue.slug)}>
            <time dateTime={isoDate(hit.publishedAt)}>{formatDate(hit.publishedAt)}</time>
          </Link>
        ) : (
          <>
            <Link href={issuePath(hit.issue.slug)}>{formatDate(hit.issue.date)} 报纸</Link>
            <time dateTime={isoDate(hit.publishedAt)}>{formatDate(hit.publishedAt)}</time>
          </>
        )}
      </p>
    </article>
  );
}

export function SearchResults({ params, response }: { params: SearchParams; response: SearchResponse }) {
  if (!response.searched) {
    return <p className="search-hint">输入关键词，或选择版块、作者、栏目、标签、期次和日期范围来查找报道。</p>;
  }
  return (
    <section aria-labelledby="search-summary" className="search-results">
      <SearchSummary response={response} />
      {response.total === 0 ? (
        <div className="empty-state compact">
          <p>{emptySearchHints(params).join("、")}。</p>
          <p>
            <Link href={searchPath()}>清除所有条件</Link>
          </p>
        </div>
      ) : response.page > response.pageCount ? (
        <div className="empty-state compact" role="status">
          <p>
            第 {response.page} 页没有结果：这次搜索的结果只有 {response.pageCount} 页。
          </p>
          <p>
            <Link href={searchPath(params, response.pageCount)}>回到第 {response.pageCount} 页</Link>
          </p>
        </div>
      ) : (
        <ol className="article-list">
          {response.results.map((r) => (
            <li key={r.slug}>
              <SearchHitCard hit={r} />
            </li>
          ))}
        </ol>
      )}
      {response.page <= response.pageCount ? (
        <Pagination page={response.page} pageCount={response.pageCount} href={(n) => searchPath(params, n)} />
      ) : null}
    </section>
  );
}
