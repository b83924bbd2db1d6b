import Link from "next/link";
import { ArticleCard } from "@/components/article/article-card";
import { ArticleList } from "@/components/article/article-list";
import { JsonLd } from "@/components/seo/json-ld";
import { getLatestIssue } from "@/lib/db/issues";
import { listSections } from "@/lib/db/listings";
import { formatDateWithWeekday, isoDate } from "@/lib/format";
import { issuePath, sectionPath } from "@/lib/urls";
import { frontPageJsonLd } from "@/lib/seo/json-ld";
import { frontPageMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export function generateMetadata() {
  return frontPageMetadata();
}

export default async function FrontPage() {
  const [issue, sections] = await Promise.all([getLatestIssue(), listSections()]);
  if (!issue) {
    return (
      <section className="empty-state">
        <h1>还没有发布任何一期报纸</h1>
        <p>编辑部发布第一期后，这里会显示最新一期的报道。</p>
      </section>
    );
  }
  const [lead, ...rest] = issue.articles;
  const bySection = sections
    .map((s) => ({ section: s, articles: rest.filter((a) => a.section.slug === s.slug) }))
    .filter((g) => g.articles.length > 0);
  return (
    <>
      <JsonLd data={frontPageJsonLd()} />
      <header className="edition-header front">
        {issue.banner ? <p className="banner">{issue.banner}</p> : null}
        <h1 className="visually-hidden">最新一期</h1>
        <p className="edition-date">
          <Link href={issuePath(issue.slug)}>
            <time dateTime={isoDate(issue.date)}>{formatDateWithWeekday(issue.date)}</time> · 本期{" "}
            {issue.articles.length} 篇
          </Link>
        </p>
      </header>
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
            <ArticleList articles={articles} />
          </section>
        ))}
      </div>
    </>
  );
}
