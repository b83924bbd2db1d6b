import Link from "next/link";
import type { IssueEdition, IssueSummary } from "@/lib/db/issues";
import type { IndexEntry, SectionLink } from "@/lib/db/listings";
import { formatDate, formatDateWithWeekday, isoDate } from "@/lib/format";
import { articlePath, issuePath, issuesPath, listingIndexPath, printPagePath, sectionPath, tagPath } from "@/lib/urls";
import { ArticleCard, ArticleList } from "../article/article-card";
import { HeadlineText } from "../article/headline-text";

/** The edition's nameplate line: date with weekday, 期号 when the issue file has a number, its 版 and stories. */
function EditionHeader({ issue }: { issue: IssueEdition }) {
  return (
    <header className="edition-header front">
      <h1 className="visually-hidden">最新一期</h1>
      <p className="edition-line">
        <Link href={issuePath(issue.slug)}>
          <time dateTime={isoDate(issue.date)}>{formatDateWithWeekday(issue.date)}</time>
          {issue.number ? <span className="nowrap"> · 第{issue.number}期</span> : null}
        </Link>{" "}
        {issue.pageCount > 0 ? (
          <Link className="nowrap" href={printPagePath(issue.slug, 1)}>
            本期 {issue.pageCount} 版
          </Link>
        ) : null}{" "}
        <span className="nowrap">{issue.articles.length} 篇</span>
      </p>
      {issue.banner ? <p className="banner">{issue.banner}</p> : null}
    </header>
  );
}

/** The wide screen's side rail: this issue's contents, earlier issues and tags. Below the stories on a phone. */
function FrontRail({ issue, issues, tags }: { issue: IssueEdition; issues: IssueSummary[]; tags: IndexEntry[] }) {
  const earlier = issues.filter((i) => i.slug !== issue.slug).slice(0, 5);
  return (
    <aside className="front-rail" aria-label="导读">
      <section aria-labelledby="rail-contents">
        <h2 id="rail-contents">本期目录</h2>
        <ol className="rail-list">
          {issue.articles.map((a) => (
            <li key={a.slug}>
              <Link href={articlePath(a.slug)}>
                <HeadlineText title={a.title} />
              </Link>
            </li>
          ))}
        </ol>
      </section>
      {earlier.length > 0 ? (
        <section aria-labelledby="rail-issues">
          <h2 id="rail-issues">往期</h2>
          <ul className="rail-list">
            {earlier.map((i) => (
              <li key={i.slug}>
                <Link href={issuePath(i.slug)}>
                  <time dateTime={isoDate(i.date)}>{formatDate(i.date)}</time>
                </Link>
              </li>
            ))}
          </ul>
          <p className="rail-more">
            <Link href={issuesPath()}>全部往期</Link>
          </p>
        </section>
      ) : null}
      {tags.length > 0 ? (
        <section aria-labelledby="rail-tags">
          <h2 id="rail-tags">标签</h2>
          <ul className="tag-pills">
            {tags.slice(0, 12).map((t) => (
              <li key={t.key}>
                <Link href={tagPath(t.key)}>{t.name}</Link>
              </li>
            ))}
          </ul>
          <p className="rail-more">
            <Link href={listingIndexPath("tag")}>全部标签</Link>
          </p>
        </section>
      ) : null}
    </aside>
  );
}

/** The front page: the latest issue's nameplate, its lead across the width, the rest dense by section, and a rail. */
export function FrontPage({
  issue,
  sections,
  issues,
  tags,
}: {
  issue: IssueEdition;
  sections: SectionLink[];
  issues: IssueSummary[];
  tags: IndexEntry[];
}) {
  const [lead, ...rest] = issue.articles;
  const bySection = sections
    .map((s) => ({ section: s, articles: rest.filter((a) => a.section.slug === s.slug) }))
    .filter((g) => g.articles.length > 0);
  return (
    <>
      <EditionHeader issue={issue} />
      <div className="front-layout">
        <div className="front-main">
          {lead ? (
            <section aria-label="头条" className="lead-story">
              <ArticleCard article={lead} lead headingLevel={2} />
            </section>
          ) : null}
          <div className="front-sections">
            {bySection.map(({ section, articles }) => (
              <section key={section.slug} className="front-section" aria-labelledby={`front-${section.slug}`}>
                <h2 id={`front-${section.slug}`} className="section-head">
                  <Link href={sectionPath(section.slug)}>{section.name}</Link>
                </h2>
                <ArticleList articles={articles} meta={false} />
              </section>
            ))}
          </div>
        </div>
        <FrontRail issue={issue} issues={issues} tags={tags} />
      </div>
    </>
  );
}
