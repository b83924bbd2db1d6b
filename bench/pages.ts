// npm run bench:pages [-- --duration 10 --warmup 1 --port 3210 --no-build]
//
// How fast does the production server (scripts/serve.ts: Next.js behind a micro-cache) serve the
// portal's cached pages? Each page kind is measured as served, with the micro-cache off (Next's ISR
// cache alone), and against two references that send the very same HTML bytes:
//   next static: the page saved under public/ and served by the same Next.js process (Next's floor);
//   node http:   a bare node:http server answering from memory (Node's floor).
// Target per page kind: at least 0.8× the next-static rate, and p99 under 50 ms.
// Everything runs against a scratch database and build (bench/.tmp, .next-bench), one load at a time.
import { type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import {
  assertPortFree,
  benchEnv,
  build as buildSite,
  killGroup,
  prepareDatabase as preparePortalDatabase,
  running,
  startProcess as startBenchProcess,
  stop,
  waitForPort,
  type BenchSite,
} from "./site";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "1" },
    port: { type: "string", default: "3210" },
    "no-build": { type: "boolean", default: false },
  },
});

function numberArg(name: "duration" | "warmup" | "port", min: number): number {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${name} must be a number ≥ ${min}, got "${args[name]}"`);
  return value;
}

const DURATION_S = numberArg("duration", 1);
const WARMUP_S = numberArg("warmup", 0);
const NEXT_PORT = numberArg("port", 1);
const NODE_PORT = NEXT_PORT + 1;
const CONNECTIONS = 50;
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 50;

const TMP_DIR = "bench/.tmp";
const DB_FILE = `${TMP_DIR}/bench.db`;
const RESULT_FILE = `${TMP_DIR}/pages-result.json`;
const DIST_DIR = ".next-bench";
const STATIC_DIR = "public/__bench";

const PAGES = [
  { kind: "front", path: "/" },
  { kind: "article", path: "/articles/jinyu-shuini-chuangxin" },
  { kind: "section", path: "/sections/industry" },
  { kind: "tag", path: `/tags/${encodeURIComponent("乡村振兴")}` },
  // The source issue's one print page (a text page: it has no PDF).
  { kind: "print-page", path: "/issues/2022-12-20/pages/1" },
] as const;
type Page = (typeof PAGES)[number];

const env = benchEnv({ dbFile: DB_FILE, distDir: DIST_DIR, noBuild: args["no-build"], warn: () => undefined });

const warnings: string[] = [];
function warn(message: string): void {
  warnings.push(message);
  console.warn(`WARNING: ${message}`);
}

// ---------------------------------------------------------------------------------------------
const site: BenchSite = { dbFile: DB_FILE, distDir: DIST_DIR, noBuild: args["no-build"], warn };
const prepareDatabase = () => preparePortalDatabase(site);
const build = () => buildSite(site);
const startProcess = (name: string, argv: string[], extraEnv: Record<string, string> = {}) =>
  startBenchProcess(env, name, argv, extraEnv);

/** The portal's production server (scripts/serve.ts); microCacheTtlMs 0 sends every request through Next.js. */
async function startNext(name: string, microCacheTtlMs?: number): Promise<ChildProcess> {
  await assertPortFree(NEXT_PORT);
  const serverEnv = {
    PORT: String(NEXT_PORT),
    ...(microCacheTtlMs === undefined ? {} : { MICROCACHE_TTL_MS: String(microCacheTtlMs) }),
  };
  const child = startProcess(name, ["--import", "tsx", "scripts/serve.ts"], serverEnv);
  await waitForPort(NEXT_PORT, child, name);
  return child;
}

// ---------------------------------------------------------------------------------------------
// Requests

const NEXT_URL = `http://127.0.0.1:${NEXT_PORT}`;
const NODE_URL = `http://127.0.0.1:${NODE_PORT}`;
const staticPath = (page: Page) => `/__bench/${page.kind}.html`;
const staticFile = (page: Page) => path.join(STATIC_DIR, `${page.kind}.html`);

interface Fetched {
  status: number;
  cache: string | null;
  body: Buffer;
}

async function get(url: string): Promise<Fetched> {
  // identity: the raw bytes, exactly what autocannon (which asks for no compression) will get.
  const res = await fetch(url, { headers: { "accept-encoding": "identity" }, signal: AbortSignal.timeout(30_000) });
  return { status: res.status, cache: res.headers.get("x-nextjs-cache"), body: Buffer.from(await res.arrayBuffer()) };
}

/** The page's HTML as the Next.js server currently sends it. */
async function fetchPage(page: Page): Promise<Buffer> {
  const r = await get(NEXT_URL + page.path);
  if (r.status !== 200) throw new Error(`${page.path} answered HTTP ${r.status}`);
  return r.body;
}

/** GETs the page twice so it is cached, warns unless the second is a cache HIT; returns its HTML. */
async function warm(page: Page): Promise<Buffer> {
  const first = await get(NEXT_URL + page.path);
  const second = await get(NEXT_URL + page.path);
  for (const r of [first, second]) if (r.status !== 200) throw new Error(`${page.path} answered HTTP ${r.status}`);
  if (second.cache !== "HIT") {
    warn(
      `${page.kind} ${page.path}: x-nextjs-cache was ${second.cache ?? "absent"} on the second GET, not HIT (first: ${first.cache ?? "absent"})`,
    );
  }
  return second.body;
}

/**
 * Right before a page's run: it must come from a fresh cache entry, not be regenerating (pages have
 * revalidate = 60, so one warmed a minute ago may be STALE). Returns the states seen, e.g. "STALE→HIT".
 */
async function ensureHit(page: Page, reference: Buffer): Promise<string> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = await get(NEXT_URL + page.path);
    const state = r.cache ?? "absent";
    if (seen.at(-1) !== state) seen.push(state);
    if (state === "HIT") {
      if (!r.body.equals(reference)) warn(`${page.kind}: the page's bytes changed since the references were written`);
      return seen.join("→");
    }
    await sleep(250);
  }
  warn(`${page.kind} ${page.path}: never a cache HIT before its run (${seen.join("→")})`);
  return seen.join("→");
}

async function expectSameBytes(url: string, expected: Buffer): Promise<void> {
  const r = await get(url);
  if (r.status !== 200 || !r.body.equals(expected)) {
    throw new Error(
      `${url} does not serve the page's bytes (HTTP ${r.status}, ${r.body.length} vs ${expected.length} bytes)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measure {
  url: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function measure(url: string): Promise<Measure> {
  // A short unrecorded run first, so JIT and connection setup do not land in the figures.
  if (WARMUP_S > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    url,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

interface KindResult {
  kind: string;
  path: string;
  bytes: number;
  /** x-nextjs-cache states seen just before the page run, e.g. "HIT" or "STALE→HIT". */
  cacheBeforeRun: string;
  /** As served: Next.js behind the portal's micro-cache. */
  page: Measure;
  /** The same page with the micro-cache off: Next.js's own ISR cache alone. */
  nextOnly: Measure;
  nextStatic: Measure;
  nodeHttp: Measure;
  ratioToNextStatic: number;
  ratioToNodeHttp: number;
  nextOnlyRatioToNextStatic: number;
  verdict: "PASS" | "MISS";
  problems: string[];
}

function assess(
  page: Page,
  bytes: number,
  cacheBeforeRun: string,
  runs: Pick<KindResult, "page" | "nextOnly" | "nextStatic" | "nodeHttp">,
): KindResult {
  const problems: string[] = [];
  for (const [name, m] of Object.entries(runs)) {
    if (m.errors || m.non2xx)
      problems.push(`${name}: ${m.errors} errors (${m.timeouts} timeouts), ${m.non2xx} non-2xx`);
  }
  const ratioToNextStatic = runs.page.reqPerSec / runs.nextStatic.reqPerSec;
  const ratioToNodeHttp = runs.page.reqPerSec / runs.nodeHttp.reqPerSec;
  const nextOnlyRatioToNextStatic = runs.nextOnly.reqPerSec / runs.nextStatic.reqPerSec;
  // A run with failed requests proves nothing, however fast it looks.
  const pass = ratioToNextStatic >= TARGET_RATIO && runs.page.p99 < TARGET_P99_MS && problems.length === 0;
  return {
    kind: page.kind,
    path: page.path,
    bytes,
    cacheBeforeRun,
    ...runs,
    ratioToNextStatic,
    ratioToNodeHttp,
    nextOnlyRatioToNextStatic,
    verdict: pass ? "PASS" : "MISS",
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function report(results: KindResult[]): string[] {
  const n = (v: number, width: number, digits = 0) => v.toFixed(digits).padStart(width);
  const cols = (m: Measure) => `${n(m.reqPerSec, 8)} ${n(m.p50, 6)} ${n(m.p99, 6)}`;
  const lines = [
    `${CONNECTIONS} connections, ${DURATION_S} s per run (after ${WARMUP_S} s warm-up); latency in ms (autocannon's resolution: 1 ms)`,
    "",
    `${"".padEnd(14)} | ${"page as served".padEnd(22)} | ${"page, Next ISR only".padEnd(22)} | ${"next static file".padEnd(22)} | ${"node http".padEnd(22)} | page/     page/   ISR only/`,
    `${"kind".padEnd(8)}  HTML | ${"req/s    p50    p99".padStart(22)} | ${"req/s    p50    p99".padStart(22)} | ${"req/s    p50    p99".padStart(22)} | ${"req/s    p50    p99".padStart(22)} | static    node    static`,
  ];
  lines.push("-".repeat(lines[3]!.length));
  for (const r of results) {
    lines.push(
      `${r.kind.padEnd(8)} ${`${Math.round(r.bytes / 1024)} KB`.padStart(5)} | ${cols(r.page)} | ${cols(r.nextOnly)} | ${cols(r.nextStatic)} | ${cols(r.nodeHttp)} | ${n(r.ratioToNextStatic, 5, 2)}   ${n(r.ratioToNodeHttp, 5, 2)}   ${n(r.nextOnlyRatioToNextStatic, 5, 2)}`,
    );
  }
  lines.push("", `Target: page/next-static ≥ ${TARGET_RATIO} and page p99 < ${TARGET_P99_MS} ms`);
  for (const r of results) {
    const ratio = `page/next-static ${r.ratioToNextStatic.toFixed(2)} ${r.ratioToNextStatic >= TARGET_RATIO ? "≥" : "<"} ${TARGET_RATIO}`;
    const p99 = `p99 ${r.page.p99} ms ${r.page.p99 < TARGET_P99_MS ? "<" : "≥"} ${TARGET_P99_MS} ms`;
    const errors = r.problems.length ? `, runs had errors` : "";
    lines.push(
      `${r.verdict}  ${r.kind.padEnd(8)} ${ratio}, ${p99}${errors} (x-nextjs-cache before run: ${r.cacheBeforeRun})`,
    );
  }
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.kind} ${p}`));
  lines.push(
    "",
    problems.length ? `Errors:\n  ${problems.join("\n  ")}` : "Errors: none (0 errors, 0 non-2xx in every run)",
  );
  if (warnings.length) lines.push(`Warnings:\n  ${warnings.join("\n  ")}`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Main

const createdPublicDir = !existsSync("public");

function removeStaticFiles(): void {
  rmSync(STATIC_DIR, { recursive: true, force: true });
  // public/ did not exist before this run: remove it too, unless someone else put files there meanwhile.
  if (createdPublicDir && existsSync("public") && readdirSync("public").length === 0) rmdirSync("public");
}

async function main(): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  prepareDatabase();
  build();
  await assertPortFree(NODE_PORT);

  // `next start` serves only the public/ files that exist when it starts (it lists public/ then, but
  // reads a file's bytes per request). So a first server provides the pages' HTML, the measuring
  // server starts once public/ holds them, and the files are then updated to its exact bytes.
  const probe = await startNext("next probe");
  const html = new Map<Page, Buffer>();
  for (const page of PAGES) html.set(page, await fetchPage(page));
  await stop(probe);

  mkdirSync(STATIC_DIR, { recursive: true });
  // Written first: a `git add -A` elsewhere in the tree while the bench runs must not pick up the pages.
  writeFileSync(path.join(STATIC_DIR, ".gitignore"), "*\n");
  for (const [page, body] of html) writeFileSync(staticFile(page), body);
  // Two servers from the same build, one after the other: first with the micro-cache off (Next.js's
  // ISR cache alone, and the static-file floor), then as `npm start` serves (micro-cache on).
  const nextOnly = await startNext("next, micro-cache off", 0);
  for (const page of PAGES) {
    const body = await warm(page);
    // A page regenerated since the probe differs from the build's prerender in internal RSC hints.
    if (!body.equals(html.get(page)!)) {
      console.log(`${page.kind}: regenerated since the probe; reference file updated to the served bytes`);
      html.set(page, body);
      writeFileSync(staticFile(page), body);
    }
  }
  const nodeHttp = startProcess("node http", [
    "--import",
    "tsx",
    "bench/html-server.ts",
    String(NODE_PORT),
    ...PAGES.map((p) => `${p.path}=${staticFile(p)}`),
  ]);
  await waitForPort(NODE_PORT, nodeHttp, "node http");

  // The targets of a page kind must send the very same bytes, or the comparison means nothing.
  for (const page of PAGES) {
    await expectSameBytes(NEXT_URL + staticPath(page), html.get(page)!);
    await expectSameBytes(NODE_URL + page.path, html.get(page)!);
  }

  // Anything else busy on the machine skews every figure; the load average at least shows it happened.
  const loadBefore = loadAverage();
  console.log(`\nmeasuring (load average ${loadBefore} on ${os.cpus().length} cores) …`);
  const partial = new Map<Page, { cache: string; nextOnly: Measure; nextStatic: Measure; nodeHttp: Measure }>();
  for (const page of PAGES) {
    const cache = await ensureHit(page, html.get(page)!);
    console.log(`${page.kind}: Next ISR only, next static, node http …`);
    partial.set(page, {
      cache,
      nextOnly: await measure(NEXT_URL + page.path),
      nextStatic: await measure(NEXT_URL + staticPath(page)),
      nodeHttp: await measure(NODE_URL + page.path),
    });
  }
  await stop(nextOnly);

  const next = await startNext("next, as served");
  const results: KindResult[] = [];
  for (const page of PAGES) {
    // Pages are older than their revalidate window by now: wait for a fresh HIT, as in the first phase.
    await ensureHit(page, html.get(page)!);
    console.log(`${page.kind}: page as served …`);
    const { cache, ...runs } = partial.get(page)!;
    results.push(assess(page, html.get(page)!.length, cache, { page: await measure(NEXT_URL + page.path), ...runs }));
  }
  await Promise.all([stop(next), stop(nodeHttp)]);

  const lines = report(results);
  lines.push(`Load average (1, 5, 15 min): ${loadBefore} before measuring, ${loadAverage()} after`);
  console.log(`\n${lines.join("\n")}`);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    next: nextVersion(),
    cpus: os.cpus().length,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
  };
  writeFileSync(RESULT_FILE, `${JSON.stringify({ ...meta, results, warnings, printed: lines }, null, 2)}\n`);
  console.log(`\nwritten to ${RESULT_FILE}`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

function nextVersion(): string {
  return (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
}

// Ctrl-C must not leave servers running or pages in public/.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, "SIGTERM");
    removeStaticFiles();
    process.exit(130);
  });
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await Promise.all([...running].map(stop));
  removeStaticFiles();
}
