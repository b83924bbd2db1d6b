// npm run ingest: validates content/ and writes it to the database in one transaction.
import "./check-env";
import { parseArgs } from "node:util";
import { ContentError } from "../lib/content/errors";
import { contentRoot, filesDigest, listContentFiles, parseListing } from "../lib/content/read";
import { createPrismaClient } from "../lib/db/client";
import {
  emptyReport,
  formatReport,
  ingestContent,
  pagesToRefresh,
  reportChanged,
  sameAsLastIngest,
  type IngestReport,
} from "../lib/ingest/ingest";
import { progressPrinter } from "../lib/ingest/progress";
import { startRenderThreads, THREADS_FROM, type RenderThreads } from "../lib/ingest/render-threads";
import { notifySites } from "../lib/revalidation";

export interface IngestOptions {
  root?: string;
  /** Tell running sites to refresh when something changed (default true). */
  notify?: boolean;
  /** Read every file even when the listing matches the last ingest's (`--full`). */
  full?: boolean;
}

/** Returns the report, or null when the content is invalid (the problems are printed, nothing is written). */
export async function runIngest({
  root = contentRoot(),
  notify = true,
  full = false,
}: IngestOptions = {}): Promise<IngestReport | null> {
  const early: { renderThreads?: RenderThreads } = {};
  try {
    return await readAndWrite(root, notify, full, early);
  } finally {
    await early.renderThreads?.close();
  }
}

async function readAndWrite(
  root: string,
  notify: boolean,
  full: boolean,
  early: { renderThreads?: RenderThreads },
): Promise<IngestReport | null> {
  const prisma = createPrismaClient();
  try {
    const listing = await listContentFiles(root);
    const digest = filesDigest(listing);
    if (!full && (await sameAsLastIngest(prisma, digest))) {
      const report = { ...emptyReport(), unread: listing.files.length };
      console.log(formatReport(report));
      return report;
    }
    // An archive's rendering threads load their code while its files are read, on this thread alone.
    if (listing.files.filter((p) => p.endsWith(".md")).length >= THREADS_FROM)
      early.renderThreads = startRenderThreads();
    let content;
    try {
      content = parseListing(listing);
    } catch (e) {
      if (e instanceof ContentError) {
        console.error(e.message);
        console.error("Nothing was written: fix the problems above and run the ingest again.");
        return null;
      }
      throw e;
    }
    const started = new Date();
    let report;
    try {
      report = await ingestContent(prisma, content, {
        progress: progressPrinter(),
        renderThreads: early.renderThreads,
        filesDigest: digest,
      });
    } catch (e) {
      const why = writeFailure(e);
      if (!why) throw e;
      console.error(why);
      return null;
    }
    console.log(formatReport(report));
    if (notify && reportChanged(report)) await notifySites({ prisma, since: started, pages: pagesToRefresh(report) });
    return report;
  } finally {
    await prisma.$disconnect();
  }
}

/** What to tell an editor when the database refused the write; null for an error nobody foresaw. */
function writeFailure(e: unknown): string | null {
  const text = String(e);
  if (/database is locked|SQLITE_BUSY|Operation has timed out/i.test(text))
    return "Another ingest (or another writer) holds the database; nothing was written. Run the ingest again when it has finished.";
  if (/readonly database|SQLITE_READONLY|read-only transaction|permission denied/i.test(text))
    return (
      "The database is read-only: it refused the write, and nothing was written. " +
      "Give the ingest write access (the SQLite file and its folder, or the PostgreSQL role), then run it again."
    );
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      root: { type: "string", default: contentRoot() },
      "no-notify": { type: "boolean", default: false },
      full: { type: "boolean", default: false },
    },
  });
  const report = await runIngest({ root: values.root, notify: !values["no-notify"], full: values.full });
  process.exitCode = report ? 0 : 1;
}
