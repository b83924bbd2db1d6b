import { createHash } from "node:crypto";
import type { ContentSet } from "../content/parse";
import type { Tx } from "../db/dialect";
import { chunks } from "./bulk";
import type { PrintRender } from "./print-render";
import type { IngestReport } from "./report";

// The print pages of each issue, their stories and areas: written after the articles (a story
// names its article's row), and only for issues whose pages changed. An issue's pages are
// rewritten whole, in the ingest's transaction.

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Writes the pages of every issue whose issue.yaml, page files or stories' rows changed. */
export async function syncPages(tx: Tx, content: ContentSet, print: PrintRender, report: IngestReport) {
  const rows = await tx.issue.findMany({ select: { id: true, slug: true, pagesKey: true } });
  const wanted = new Set(content.issues.map((i) => i.slug));
  // Pages of issues that are going: before pruneOrphans removes the issues themselves.
  for (const ids of chunks(rows.filter((r) => !wanted.has(r.slug) && r.pagesKey).map((r) => r.id)))
    await removePages(tx, ids);
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const articleIds = new Map(
    (await tx.article.findMany({ select: { id: true, slug: true } })).map((a) => [a.slug, a.id]),
  );
  for (const issue of content.issues) {
    const row = bySlug.get(issue.slug)!;
    if (issue.pages.length === 0 && row.pagesKey === null) continue;
    const pages = issue.pages.map((p) => ({ p, media: p.file ? (print.pages.get(p.file.path) ?? null) : null }));
    const pdfKey = print.issuePdfs.get(issue.slug) ?? null;
    const stories = pages.map(({ p }) => p.stories.map((s) => articleIds.get(s.slug)));
    const key = sha256(JSON.stringify([issue.hash, pdfKey, pages.map(({ media }) => media), stories]));
    if (row.pagesKey === key) continue;
    await removePages(tx, [row.id]);
    for (const { p, media } of pages) {
      await tx.page.create({
        data: {
          issueId: row.id,
          position: p.position,
          number: p.number,
          name: p.name ?? null,
          staff: JSON.stringify(p.staff),
          mediaKey: media?.key ?? null,
          hasPdf: media?.hasPdf ?? false,
          imageWidth: media?.width ?? null,
          imageHeight: media?.height ?? null,
          stories: {
            create: p.stories.map((s, i) => ({
              articleId: articleIds.get(s.slug)!,
              position: i + 1,
              area: s.area ? JSON.stringify(s.area) : null,
            })),
          },
        },
      });
    }
    await tx.issue.update({
      where: { id: row.id },
      data: { pagesKey: pages.length ? key : null, pdfKey },
    });
    report.other.push(`issue ${issue.slug}: ${pages.length ? `${pages.length} pages written` : "pages removed"}`);
  }
}

async function removePages(tx: Tx, issueIds: number[]) {
  await tx.pageStory.deleteMany({ where: { page: { issueId: { in: issueIds } } } });
  await tx.page.deleteMany({ where: { issueId: { in: issueIds } } });
}

/** Every store key a page or issue row uses: what the store must keep. */
export async function usedPrintKeys(tx: Pick<Tx, "page" | "issue">): Promise<Set<string>> {
  const [pages, issues] = await Promise.all([
    tx.page.findMany({ where: { mediaKey: { not: null } }, select: { mediaKey: true }, distinct: ["mediaKey"] }),
    tx.issue.findMany({ where: { pdfKey: { not: null } }, select: { pdfKey: true } }),
  ]);
  return new Set([...pages.map((p) => p.mediaKey!), ...issues.map((i) => i.pdfKey!)]);
}
