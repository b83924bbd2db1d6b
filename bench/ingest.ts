// npm run bench:ingest [-- --articles 10000 --db postgresql --crawl]; with --print, the print edition's rendering instead (bench/ingest-print.ts)
// Builds a synthetic archive in the real content layout on disk, then times, against a scratch
// database (SQLite, or PostgreSQL with --db postgresql): a full ingest into the empty database, a
// re-ingest with nothing changed, and a re-ingest after editing one article, then after adding
// one, with the pages its refresh names. Each ingest runs in a process of its own, as `npm run
// ingest` does (bench/ingest-child.ts): its time and that process's peak RSS are printed. --crawl
// also serves the archive and crawls every URL its sitemaps list before and after the added
// article (bench/crawl.ts): the pages the refresh made the server render again, counted.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import type { IngestReport } from "../lib/ingest/ingest";

process.chdir(path.resolve(import.meta.dirname, ".."));
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    print: { type: "boolean", default: false },
    "print-issues": { type: "string", default: "52" },
    crawl: { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    port: { type: "string", default: "3270" },
  },
});
if (values.print) {
  const { benchPrint } = await import("./ingest-print");
  await benchPrint(Number(values["print-issues"]));
  process.exit(0);
}
const ARTICLES = Number(values.articles);
if (values.db !== "sqlite" && values.db !== "postgresql") throw new Error("--db is sqlite or postgresql");
const TMP = "bench/.tmp";
const ROOT = `${TMP}/ingest-content`;
const DB = `${TMP}/ingest.db`;
const PG_DB = "portal_bench_ingest";

mkdirSync(TMP, { recursive: true });
rmSync(ROOT, { recursive: true, force: true });
const { syntheticContent } = await import("../tests/helpers/synthetic-content");
const { writeTree } = await import("../tests/helpers/content-dir");
if (values.db === "postgresql") {
  const { dropDatabase, pgAdmin, postgresUrlFor } = await import("../tests/helpers/database");
  const { migrate } = await import("../lib/db/migrate");
  process.env.DATABASE_URL = postgresUrlFor(PG_DB);
  await dropDatabase(PG_DB);
  await pgAdmin(`CREATE DATABASE "${PG_DB}"`);
  await migrate(process.env.DATABASE_URL, () => undefined);
} else {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB + suffix, { force: true });
  process.env.DATABASE_URL = `file:./${DB}`;
  const { createSqliteFileAt } = await import("../tests/helpers/sqlite-file");
  createSqliteFileAt(DB);
}

// Longer bodies than the unit-test corpus: about the length of a county news story.
const files = syntheticContent({ articles: ARTICLES, perIssue: 10, paragraphs: 10 });
writeTree(files, ROOT);
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
console.log(`${ARTICLES} articles in ${files.length} files (${(bytes / 1e6).toFixed(1)} MB) under ${ROOT}`);

console.log(`database: ${values.db === "postgresql" ? `PostgreSQL, ${PG_DB}` : `SQLite, ${DB}`}`);

const run = promisify(execFile);
const RESULT = `${TMP}/ingest-child.json`;
const MB = 1e6;

/** One ingest in its own process (bench/ingest-child.ts); `target` as [seconds, MB of peak RSS] or null. */
async function timed(label: string, target: [number, number] | null, { full = false } = {}) {
  rmSync(RESULT, { force: true });
  const start = performance.now();
  const args = ["--expose-gc", "--import", "tsx", "bench/ingest-child.ts", ROOT, RESULT, ...(full ? ["--full"] : [])];
  await run(process.execPath, args, { maxBuffer: 64 * MB });
  const processSeconds = (performance.now() - start) / 1000;
  const { seconds, maxRssBytes, report } = JSON.parse(readFileSync(RESULT, "utf8")) as {
    seconds: number;
    maxRssBytes: number;
    report: IngestReport | null;
  };
  if (!report) throw new Error(`${label}: the ingest rejected the content`);
  const summary =
    report.unread !== undefined
      ? `quick check: none of the ${report.unread} files read`
      : `${report.added.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.removed.length} removed`;
  const verdict = target
    ? `target < ${target[0]} s, < ${target[1]} MB: ${seconds < target[0] && maxRssBytes / MB < target[1] ? "PASS" : "MISS"}`
    : "no target";
  console.log(
    `${label.padEnd(36)} ${seconds.toFixed(2).padStart(7)} s  peak RSS ${(maxRssBytes / MB).toFixed(0).padStart(5)} MB  (process ${processSeconds.toFixed(1)} s; ${verdict})   ${summary}`,
  );
  return { label, seconds, processSeconds, maxRssBytes, summary, report };
}

/** The issue's targets for a full ingest and a re-ingest with nothing changed, by archive size. */
const FULL: Record<number, [number, number]> = { 10_000: [10, 600], 100_000: [90, 1500] };
const UNCHANGED: Record<number, [number, number]> = { 100_000: [5, 1500] };

/** Every page a refresh of everything would drop: articles, issues, each listing's pages and feeds, the site's own. */
async function archivePages(): Promise<number> {
  const { loadKnownKeys } = await import("../lib/db/known-keys");
  const keys = await loadKnownKeys();
  const { db } = await import("../lib/db/client");
  const listings = Object.values(keys.listings).flatMap((m) => [...m.values()]);
  const FEEDS = 2;
  return (
    (await db.article.count()) +
    keys.issues.size +
    keys.issuePages +
    listings.reduce((n, pages) => n + pages + FEEDS, 0) +
    keys.sitemapParts +
    // The front page, the two site feeds, the sitemap index, the news sitemap and the four index pages.
    9
  );
}

const results = [];
results.push(await timed("full ingest, empty database", FULL[ARTICLES] ?? null));
// Every file read and compared (--full), then the stat quick check the ingest makes by default.
results.push(await timed("re-ingest, nothing changed, --full", UNCHANGED[ARTICLES] ?? null, { full: true }));
results.push(await timed("re-ingest, nothing changed", UNCHANGED[ARTICLES] ?? null));
const edited = files.find((f) => f.path.endsWith(".md"))!;
const editedPath = path.join(ROOT, edited.path.replace(/^content\//, ""));
writeFileSync(editedPath, readFileSync(editedPath, "utf8").replace("合成报道", "合成报道(修订)"));
results.push(await timed("re-ingest, one article edited", null));
// One article added to the newest issue: the pages the servers are told to drop, against the archive's.
const issueFile = files.filter((f) => f.path.endsWith("issue.yaml")).at(-1)!;
const issueDir = path.join(ROOT, path.dirname(issueFile.path.replace(/^content\//, "")));
const sibling = files.find((f) => f.path.startsWith(path.dirname(issueFile.path)) && f.path.endsWith(".md"))!;
const siblingSlug = path.basename(sibling.path, ".md");
writeFileSync(
  path.join(issueDir, "bench-added.md"),
  readFileSync(path.join(ROOT, sibling.path.replace(/^content\//, "")), "utf8").replace(
    /title: .*/,
    "title: 新增的一篇报道",
  ),
);
// --crawl: the archive served and every listed page rendered once, before the article is added.
const crawler = values.crawl
  ? await (await import("./crawl")).crawlingServer(process.env.DATABASE_URL, Number(values.port))
  : null;
if (crawler) {
  const start = performance.now();
  const first = await crawler.crawl();
  console.log(
    `crawl before: ${first.urls} URLs listed by the sitemaps, ${first.rendered.length} rendered, ${first.failed.length} failed, ${((performance.now() - start) / 1000).toFixed(0)} s`,
  );
}
const issuePath = path.join(issueDir, "issue.yaml");
writeFileSync(
  issuePath,
  readFileSync(issuePath, "utf8").replace(`  - ${siblingSlug}\n`, `  - ${siblingSlug}\n  - bench-added\n`),
);
const added = await timed("re-ingest, one article added", null);
results.push(added);
const named = added.report.refreshAll ? "every page" : `${added.report.pages.length} pages`;
console.log(`refresh after adding one article: ${named} named, of ${await archivePages()} pages in the archive`);
if (crawler) {
  try {
    const { notifySites } = await import("../lib/revalidation");
    const { pagesToRefresh } = await import("../lib/ingest/ingest");
    const { db } = await import("../lib/db/client");
    await notifySites({ prisma: db, pages: pagesToRefresh(added.report), log: () => undefined });
    const again = await crawler.crawl();
    // The refresh names URL paths (percent-encoded); the crawl's are decoded.
    const named = new Set(added.report.pages.map((p) => decodeURIComponent(p)));
    const unnamed = again.rendered.filter((p) => !named.has(p));
    console.log(
      `crawl after: ${again.urls} URLs listed, ${again.rendered.length} rendered again (${again.rendered.length - unnamed.length} of them named by the refresh), ${again.failed.length} failed`,
    );
    if (unnamed.length) console.log(`  rendered though not named: ${unnamed.slice(0, 10).join(", ")}`);
  } finally {
    await crawler.stop();
  }
}
const { db } = await import("../lib/db/client");
await db.$disconnect();
writeFileSync(
  `${TMP}/ingest-result.json`,
  `${JSON.stringify({ date: new Date().toISOString(), articles: ARTICLES, db: values.db, results: results.map(({ report: _r, ...r }) => r) }, null, 2)}\n`,
);
