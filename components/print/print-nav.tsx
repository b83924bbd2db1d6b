import Link from "next/link";
import type { NeighbourIssue, PrintEdition, PrintPage } from "@/lib/db/pages";
import { formatDate } from "@/lib/format";
import { PRINT_FILES } from "@/lib/print-media";
import { pageLabel } from "@/lib/seo/print-metadata";
import { site } from "@/lib/site";
import { issuePath, printMediaPath, printPagePath } from "@/lib/urls";

/** An issue's first page when it has pages, else its edition. */
const issueHref = (issue: NeighbourIssue) => (issue.hasPages ? printPagePath(issue.slug, 1) : issuePath(issue.slug));

/** Previous and next page, previous and next issue. */
export function PrintNav({ edition, page }: { edition: PrintEdition; page: PrintPage }) {
  const previous = edition.pages.find((p) => p.position === page.position - 1);
  const next = edition.pages.find((p) => p.position === page.position + 1);
  return (
    <nav className="print-nav" aria-label="翻版">
      <ul>
        <li>
          {previous ? (
            <Link href={printPagePath(edition.slug, previous.position)} rel="prev">
              上一版：{pageLabel(previous)}
            </Link>
          ) : (
            <span>已是第一版</span>
          )}
        </li>
        <li>
          {next ? (
            <Link href={printPagePath(edition.slug, next.position)} rel="next">
              下一版：{pageLabel(next)}
            </Link>
          ) : (
            <span>已是最后一版</span>
          )}
        </li>
        <li>
          {edition.previous ? (
            <Link href={issueHref(edition.previous)}>上一期：{formatDate(edition.previous.date)}</Link>
          ) : (
            <span>没有更早的一期</span>
          )}
        </li>
        <li>
          {edition.next ? (
            <Link href={issueHref(edition.next)}>下一期：{formatDate(edition.next.date)}</Link>
          ) : (
            <span>已是最新一期</span>
          )}
        </li>
      </ul>
    </nav>
  );
}

/** The page's PDF and the whole issue's, when the layout system supplied them. */
export function PrintDownloads({ edition, page }: { edition: PrintEdition; page?: PrintPage }) {
  const pagePdf = page?.pdfKey;
  if (!pagePdf && !edition.pdfKey) return null;
  const base = `${site.name}-${edition.slug}`;
  return (
    <ul className="print-downloads" aria-label="下载">
      {page && pagePdf ? (
        <li>
          <a href={printMediaPath(pagePdf, PRINT_FILES.pagePdf)} download={`${base}-第${page.number}版.pdf`}>
            下载本版 PDF
          </a>
        </li>
      ) : null}
      {edition.pdfKey ? (
        <li>
          <a href={printMediaPath(edition.pdfKey, PRINT_FILES.issuePdf)} download={`${base}.pdf`}>
            下载本期 PDF（共 {edition.pages.length} 版）
          </a>
        </li>
      ) : null}
    </ul>
  );
}
