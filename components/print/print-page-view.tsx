import Link from "next/link";
import type { PrintEdition, PrintPage } from "@/lib/db/pages";
import { formatDateWithWeekday, isoDate } from "@/lib/format";
import { pageLabel } from "@/lib/seo/print-metadata";
import { HOME_PATH, articlePath, issuePath, issuesPath, storyAreaId } from "@/lib/urls";
import { Breadcrumbs } from "../layout/breadcrumbs";
import { PageFacsimile } from "./page-facsimile";
import { PageStrip } from "./page-strip";
import { PrintDownloads, PrintNav } from "./print-nav";
import { TextPage } from "./text-page";
import "./print-edition.css";

/** 数字报: one page of an issue, its stories, the issue's other pages, and the ways on. */
export function PrintPageView({ edition, page }: { edition: PrintEdition; page: PrintPage }) {
  const date = formatDateWithWeekday(edition.date);
  const image = page.image;
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: "首页", href: HOME_PATH },
          { name: "往期报纸", href: issuesPath() },
          { name: date, href: issuePath(edition.slug) },
          { name: pageLabel(page) },
        ]}
      />
      <header className="print-page-header">
        <h1>{pageLabel(page)}</h1>
        <p className="meta">
          <Link href={issuePath(edition.slug)}>
            <time dateTime={isoDate(edition.date)}>{date}</time>
            {edition.number ? ` 第${edition.number}期` : ""}
          </Link>
          {page.staff.map((s) => (
            <span key={s.role + s.name}>
              {s.role}：{s.name}
            </span>
          ))}
        </p>
      </header>
      <PrintNav edition={edition} page={page} />
      <PrintDownloads edition={edition} page={page} />
      {image ? (
        <div className="print-page-body">
          <PageFacsimile page={{ ...page, image }} />
          <section className="print-stories" aria-labelledby="print-stories-heading">
            <h2 id="print-stories-heading">本版文章</h2>
            <ol>
              {page.stories.map((s) => (
                <li key={s.slug}>
                  <Link href={articlePath(s.slug)}>{s.title}</Link>
                  {s.area ? (
                    <a
                      className="print-locate"
                      href={`#${storyAreaId(s.slug)}`}
                      aria-label={`在版面上标出“${s.title}”`}
                    >
                      在版面上
                    </a>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
      ) : (
        <TextPage page={page} />
      )}
      <PageStrip edition={edition} current={page.position} />
    </>
  );
}
