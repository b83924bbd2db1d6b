import type { Metadata } from "next";
import type { PrintEdition, PrintPage } from "../db/pages";
import { formatDate } from "../format";
import { site } from "../site";
import { issueMonthPath, printPagePath } from "../urls";
import { pageMetadata } from "./metadata";

// Titles and descriptions of the print edition's pages (数字报) and the archive's calendar.

export const pageLabel = (page: Pick<PrintPage, "number" | "name">) =>
  `第${page.number}版${page.name ? ` ${page.name}` : ""}`;

export function printPageMetadata(edition: PrintEdition, page: PrintPage): Metadata {
  const date = formatDate(edition.date);
  return pageMetadata({
    title: `${pageLabel(page)} · ${date} 报纸`,
    description: `${site.name}${date}${pageLabel(page)}：${page.stories.map((s) => s.title).join("；")}`,
    path: printPagePath(edition.slug, page.position),
    feeds: [{ scope: null, name: "" }],
  });
}

export function issueMonthMetadata(year: number, month: number): Metadata {
  return pageMetadata({
    title: `往期报纸 · ${year}年${month}月`,
    description: `${site.name}${year}年${month}月的各期报纸。`,
    path: issueMonthPath(year, month),
    feeds: [{ scope: null, name: "" }],
  });
}
