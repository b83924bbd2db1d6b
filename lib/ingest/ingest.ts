import { existsSync } from "node:fs";
import path from "node:path";
import type { ContentSet } from "../content/parse";
import { dialect } from "../db/client";
import { pagesShowing } from "../db/page-footprints";
import type { PrismaClient, Tx } from "../db/dialect";
import { printDir } from "../print-media";
import { syncArticles } from "./articles";
import { syncPages, usedPrintKeys } from "./pages";
import { removeFromPrintStore, renderPrint } from "./print-render";
import type { ProgressFactory } from "./progress";
import type { RenderThreads } from "./render-threads";
import { pruneOrphans } from "./prune";
import { emptyReport, type IngestReport } from "./report";
import { syncTaxonomies } from "./taxonomies";

// The ingest: a validated content set (lib/content) into the database (lib/db) and the search
// index (lib/search), in one transaction. It sits above all three; none of them imports it.

export { emptyReport, formatReport, pagesToRefresh, reportChanged, type IngestReport } from "./report";

/** Past this many pages, a refresh names no page: every cached page goes. */
const MAX_PAGES_TRACKED = 20_000;

export interface IngestOptions {
  /** Reports the articles written as they go (an archive's ingest takes minutes); silent by default. */
  progress?: ProgressFactory;
  /** Rendering threads the caller started early (lib/ingest/render-threads.ts); else the ingest starts its own when it has many stories to render. */
  renderThreads?: RenderThreads;
  /**
   * The digest of the content listing this set was read from (lib/content/read.ts), recorded so
   * that the next ingest of the same files reads nothing; null or absent records none.
   */
  filesDigest?: string | null;
}

/**
 * Whether the last ingest into this database read exactly the files a listing with this digest
 * names, and every page file it rendered is still in the print store: then there is nothing to
 * read or write.
 */
export async function sameAsLastIngest(prisma: PrismaClient, filesDigest: string | null): Promise<boolean> {
  if (filesDigest === null) return false;
  const state = await prisma.ingestState.findUnique({ where: { id: 1 } });
  if (state?.filesDigest !== filesDigest) return false;
  const store = printDir();
  return [...(await usedPrintKeys(prisma))].every((key) => existsSync(path.join(store, key)));
}

/** Records the listing's digest for the next ingest; unchanged, it is not written again. */
async function recordFilesDigest(tx: Tx, filesDigest: string | null) {
  const stored = await tx.ingestState.findUnique({ where: { id: 1 } });
  if ((stored?.filesDigest ?? null) === filesDigest) return;
  await tx.ingestState.upsert({ where: { id: 1 }, create: { id: 1, filesDigest }, update: { filesDigest } });
}

/**
 * Writes a validated content set to the database in one transaction, so a failure leaves the
 * database as it was. Two ingests never interleave: the second waits for the first's write lock.
 */
export async function ingestContent(
  prisma: PrismaClient,
  content: ContentSet,
  { progress, renderThreads, filesDigest = null }: IngestOptions = {},
): Promise<IngestReport> {
  const report = emptyReport();
  // Page files are rendered before the transaction, into files named by content hash: slow work
  // that readers cannot see until the transaction points pages at them.
  const print = await renderPrint(content, { progress });
  const usedBefore = await usedPrintKeys(prisma);
  await prisma.$transaction(
    async (tx) => {
      await dialect.lockForIngest(tx);
      const sql = await dialect.driverSql(prisma, tx);
      await syncTaxonomies(tx, content, report);
      await syncArticles(tx, sql, content, report, progress, renderThreads);
      await syncPages(tx, content, print, report);
      // Sections and columns that nothing uses any more can go only after their articles have.
      await pruneOrphans(tx, content, report);
      if (!report.refreshAll && (report.footprints.length || report.issues.length))
        report.pages = [...(await pagesShowing(tx, report.footprints, report.issues))];
      if (report.pages.length > MAX_PAGES_TRACKED) report.refreshAll = true;
      await recordFilesDigest(tx, filesDigest);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  if (print.rendered + print.joined)
    report.other.push(`${print.rendered} page files rendered, ${print.joined} issue PDFs joined`);
  // Files this database's pages stopped using go once the transaction has committed; one store
  // serves one database (the preview has its own). A failed ingest's renders stay, unused.
  const usedAfter = await usedPrintKeys(prisma);
  await removeFromPrintStore([...usedBefore].filter((k) => !usedAfter.has(k)));
  return report;
}
