import Link from "next/link";
import type { ArticleSummary } from "@/lib/db/articles";
import type { PrintEdition } from "@/lib/db/pages";
import { pageLabel } from "@/lib/seo/print-metadata";
import { printPagePath } from "@/lib/urls";
import { PageThumbnail } from "./page-thumbnail";
import { PrintPageLabel } from "../article/print-page-link";
import { ColumnRuns } from "../issue/column-runs";
import { PrintDownloads } from "./print-nav";
import "./print-edition.css";

/** An edition page by page: each page's thumbnail and link, then its stories, each with its 第N版 link. */
export function PrintEditionPages({ edition, articles }: { edition: PrintEdition; articles: ArticleSummary[] }) {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  return (
    <>
      <PrintDownloads edition={edition} />
      {edition.pages.map((p) => (
        <section key={p.position} className="print-edition-page" aria-labelledby={`print-page-${p.position}`}>
          <h2 id={`print-page-${p.position}`} className="print-edition-page-head">
            <Link href={printPagePath(edition.slug, p.position)}>{pageLabel(p)}</Link>
          </h2>
          <div className="print-edition-page-body">
            {p.image ? (
              <Link
                href={printPagePath(edition.slug, p.position)}
                className="print-edition-thumb"
                tabIndex={-1}
                aria-hidden="true"
              >
                <PageThumbnail image={p.image} />
              </Link>
            ) : null}
            <div className="print-edition-page-stories">
              <ColumnRuns
                articles={p.stories.flatMap((s) => bySlug.get(s.slug) ?? [])}
                level={3}
                after={(a) => (
                  <PrintPageLabel
                    issueSlug={edition.slug}
                    position={p.position}
                    number={p.number}
                    name={p.name}
                    articleSlug={a.slug}
                  />
                )}
              />
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
