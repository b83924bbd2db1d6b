// npm run bench:cold [-- --db-url file:./bench/.tmp/search-100000.db --samples 100 --port 3250 --no-build]
// (--db-url postgresql://…/portal_bench_100000 for the PostgreSQL archive bench:search builds)
//
// Pages rendered cold: each sampled address is one the server has never rendered (no copy in the
// micro-cache, which is off here, nor in Next.js's cache, whose copies on disk are removed before
// the server starts), on the archive bench:search builds (`npm run bench:search -- --sizes 100000`
// makes the 100,000-article one). One request at a time over loopback, so a request's time is the
// server's time plus a fraction of a millisecond. Each kind's first few addresses are rendered
// unmeasured, to load the route's code: a cold page on a running server is measured, not a cold
// process. Per kind: p50, p95 and max, the statuses, and Next.js's x-nextjs-cache (MISS: rendered
// for this request; "-": answered before Next.js, by the front's not-found gate); target p95 < 50 ms.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { ARTICLES_PER_PAGE } from "../lib/db/listings";
import { articlePath, authorPath, issuePath, sectionPath, tagPath } from "../lib/urls";
import { assertPortFree, benchEnv, build, startProcess, stop, waitForServer, type BenchSite } from "./site";
import { SERVER_NODE_ARGS } from "../lib/server/server-command";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    "db-url": { type: "string", default: "file:./bench/.tmp/search-100000.db" },
    samples: { type: "string", default: "100" },
    port: { type: "string", default: "3250" },
    "no-build": { type: "boolean", default: false },
  },
});
const SAMPLES = Number(args.samples);
const PORT = Number(args.port);
if (!(SAMPLES >= 10) || !(PORT > 0)) throw new Error("--samples must be ≥ 10 and --port a port number");
const DB_URL = args["db-url"];
const IS_SQLITE = DB_URL.startsWith("file:");
const DB_FILE = IS_SQLITE ? DB_URL.replace(/^file:/, "") : "";
if (IS_SQLITE ? !existsSync(DB_FILE) : !/^postgres(ql)?:\/\//.test(DB_URL))
  throw new Error(`${DB_URL}: no database there; npm run bench:search -- --sizes 100000 [--db postgresql] builds one`);
const TARGET_P95_MS = 50;
/** Addresses of each kind rendered first and not measured: the route's code loaded and compiled once. */
const WARM_UP = 10;
const DIST_DIR = ".next-bench";

const site: BenchSite = {
  dbFile: DB_FILE,
  databaseUrl: DB_URL,
  distDir: DIST_DIR,
  noBuild: args["no-build"],
  warn: console.warn,
};

/** Rows of a statement on the benchmark's database, SQLite or PostgreSQL (identifiers quoted for both). */
async function reader(): Promise<{ all: <T>(sql: string) => Promise<T[]>; close: () => Promise<void> }> {
  if (IS_SQLITE) {
    const db = new Database(DB_FILE, { readonly: true });
    return { all: async <T>(sql: string) => db.prepare(sql).all() as T[], close: async () => void db.close() };
  }
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  return {
    all: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    close: () => client.end(),
  };
}

/** Draws every kind's addresses from the database: random, distinct, each rendered once. */
async function sample() {
  const db = await reader();
  // Prisma keeps SQLite's dates as ISO text, PostgreSQL's as timestamps: a literal compares with both.
  const visible = `NOT a."draft" AND a."publishedAt" <= '${new Date().toISOString()}'`;
  const n = SAMPLES + WARM_UP;
  const count = (r: { n: number | string }) => Number(r.n);
  const pageOf = (total: number) => 1 + Math.floor(Math.random() * Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE)));
  const articles = await db.all<{ slug: string }>(
    `SELECT a."slug" FROM "Article" a WHERE ${visible} ORDER BY random() LIMIT ${n}`,
  );
  const issues = await db.all<{ slug: string }>(
    `SELECT i."slug" FROM "Issue" i WHERE EXISTS (SELECT 1 FROM "Article" a WHERE a."issueId" = i."id" AND ${visible}) ORDER BY random() LIMIT ${n}`,
  );
  const tags = await db.all<{ name: string; n: number }>(
    `SELECT t."name", (SELECT count(*) FROM "ArticleTag" x JOIN "Article" a ON a."id" = x."articleId" WHERE x."tagId" = t."id" AND ${visible}) AS n FROM "Tag" t ORDER BY random() LIMIT ${n}`,
  );
  const authors = await db.all<{ name: string; n: number }>(
    `SELECT au."name", (SELECT count(*) FROM "Byline" b JOIN "Article" a ON a."id" = b."articleId" WHERE b."authorId" = au."id" AND ${visible}) AS n FROM "Author" au ORDER BY random() LIMIT ${n}`,
  );
  const sections = await db.all<{ slug: string; n: number }>(
    `SELECT s."slug", (SELECT count(*) FROM "Article" a WHERE a."sectionId" = s."id" AND ${visible}) AS n FROM "Section" s`,
  );
  await db.close();
  const kinds = {
    article: articles.map((r) => articlePath(r.slug)),
    issue: issues.map((r) => issuePath(r.slug)),
    // List pages at any depth: a tag's, a byline's and a section's, one in three each.
    list: [
      ...tags.map((r) => tagPath(r.name, pageOf(count(r)))),
      ...authors.map((r) => authorPath(r.name, pageOf(count(r)))),
      ...Array.from({ length: n }, () => {
        const s = sections[Math.floor(Math.random() * sections.length)]!;
        return sectionPath(s.slug, pageOf(count(s)));
      }),
    ],
    // Addresses of every dynamic route whose key exists nowhere.
    "not found": Array.from({ length: n }, (_, i) => {
      const made = `no-such-${i}-${Math.random().toString(36).slice(2, 10)}`;
      // An issue date in the calendar's range, a century before the archive's first.
      const day = new Date(Date.UTC(1941, 0, 1 + i)).toISOString().slice(0, 10);
      return [articlePath(made), tagPath(made), authorPath(made), issuePath(day)][i % 4]!;
    }),
  };
  const unique = new Set<string>();
  for (const [kind, paths] of Object.entries(kinds))
    (kinds as Record<string, string[]>)[kind] = paths.filter((p) => !unique.has(p) && unique.add(p));
  return kinds;
}

/** Removes the pages Next.js rendered and kept since the build, so that nothing sampled is kept already. */
function dropRenderedPages() {
  const built = statSync(path.join(DIST_DIR, "BUILD_ID")).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const where = path.join(dir, entry.name);
      if (/\.(html|rsc|meta|body|segments)$/.test(entry.name) && statSync(where).mtimeMs > built + 1000)
        rmSync(where, { recursive: true, force: true });
      else if (entry.isDirectory()) walk(where);
    }
  };
  // Next 16 keeps what it renders under server/route-cache; older versions beside the build's pages.
  for (const dir of ["server/app", "server/route-cache"])
    if (existsSync(path.join(DIST_DIR, dir))) walk(path.join(DIST_DIR, dir));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  build(site);
  const kinds = await sample();
  dropRenderedPages();
  await assertPortFree(PORT);
  // The micro-cache off: every request reaches Next.js, which renders what it has not kept.
  const server = startProcess(benchEnv(site), "server", SERVER_NODE_ARGS, {
    PORT: String(PORT),
    MICROCACHE_TTL_MS: "0",
  });
  try {
    await waitForServer(PORT, server, "server");
    const origin = `http://127.0.0.1:${PORT}`;
    // The shared code of every route once (an address none of the samples has), so the first sample
    // is a render, not the loading of the route's code.
    for (const warm of ["/articles/warm-up", "/tags/warm-up", "/sections/warm-up"])
      await fetch(origin + warm).then((r) => r.arrayBuffer());
    const load = os.loadavg()[0]!;
    console.log(`\n=== bench:cold (${DB_URL}, load ${load.toFixed(2)}) ===`);
    console.log("kind          samples  status      x-nextjs-cache     p50 ms   p95 ms   max ms");
    const verdicts: string[] = [];
    for (const [kind, all] of Object.entries(kinds)) {
      if (all.length <= WARM_UP) throw new Error(`${DB_URL} has too few of ${kind} to sample`);
      // The first few load the route's code: a cold page, not a cold process, is measured.
      for (const p of all.slice(0, WARM_UP)) await fetch(origin + p).then((r) => r.arrayBuffer());
      const paths = all.slice(WARM_UP);
      const times: number[] = [];
      const statuses = new Map<number, number>();
      const cached = new Map<string, number>();
      for (const p of paths) {
        const start = performance.now();
        const res = await fetch(origin + p, { headers: { "accept-encoding": "gzip" } });
        await res.arrayBuffer();
        times.push(performance.now() - start);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const how = res.headers.get("x-nextjs-cache") ?? "-";
        cached.set(how, (cached.get(how) ?? 0) + 1);
      }
      times.sort((a, b) => a - b);
      const count = (m: Map<unknown, number>) => [...m].map(([k, n]) => `${String(k)}×${n}`).join(",");
      const status = count(statuses);
      const p95 = quantile(times, 0.95);
      console.log(
        `${kind.padEnd(12)} ${String(paths.length).padStart(8)}  ${status.padEnd(11)} ${count(cached).padEnd(17)} ${quantile(times, 0.5).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}`,
      );
      verdicts.push(
        `  ${p95 < TARGET_P95_MS ? "PASS" : "MISS"}  ${kind}: p95 < ${TARGET_P95_MS} ms (${p95.toFixed(1)} ms)`,
      );
    }
    console.log(
      `load average (1 min) at the end: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores\n\ntargets:`,
    );
    console.log(verdicts.join("\n"));
  } finally {
    await stop(server);
  }
}

await main();
