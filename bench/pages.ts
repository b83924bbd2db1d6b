// npm run bench:pages [-- --duration 5 --rounds 3 --warmup 1 --port 3210 --no-build]
//
// How fast does the production server (scripts/serve.ts: Next.js behind its front's micro-cache)
// serve the portal's cached pages? Each page kind is measured as served, with the micro-cache off
// (Next's ISR cache alone), and against two references that send the very same HTML bytes:
//   node http: a bare node:http server answering from memory (Node's floor);
//   nginx:     Debian's nginx serving the page as a static file (the machine's limit).
// The load comes from wrk (bench/wrk.ts), which outruns all of them; its CPU use is printed. A page
// and its two references are measured back to back, in several rounds: on a shared machine their
// speed drifts from minute to minute (node http at 13,700–27,700 req/s within one run), so each
// ratio pairs runs made seconds apart, and the median round is reported.
// Target per page kind: at least 0.8× node http and 0.6× nginx, and p99 under 10 ms at 50 connections.
// Everything runs against a scratch database and build (bench/.tmp, .next-bench), one load at a time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
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
  waitForServer,
  type BenchSite,
} from "./site";
import { wrk, type WrkResult } from "./wrk";
import { SERVER_NODE_ARGS } from "../lib/server/server-command";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "1" },
    port: { type: "string", default: "3210" },
    "no-build": { type: "boolean", default: false },
  },
});

function numberArg(name: "duration" | "rounds" | "warmup" | "port", min: number): number {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${name} must be a number ≥ ${min}, got "${args[name]}"`);
  return value;
}

const DURATION_S = numberArg("duration", 1);
const WARMUP_S = numberArg("warmup", 0);
const ROUNDS = Math.round(numberArg("rounds", 1));
const NEXT_PORT = numberArg("port", 1);
const NODE_PORT = NEXT_PORT + 1;
const NGINX_PORT = NEXT_PORT + 2;
const CONNECTIONS = 50;
const TARGET_NODE_RATIO = 0.8;
const TARGET_NGINX_RATIO = 0.6;
const TARGET_P99_MS = 10;

const TMP_DIR = "bench/.tmp";
const DB_FILE = `${TMP_DIR}/bench.db`;
const RESULT_FILE = `${TMP_DIR}/pages-result.json`;
const DIST_DIR = ".next-bench";
const STATIC_DIR = "bench/.tmp/static";
const NGINX_DIR = "bench/.tmp/nginx";

const PAGES = [
  { kind: "front", path: "/" },
  { kind: "article", path: "/articles/jinyu-shuini-chuangxin" },
  { kind: "section", path: "/sections/industry" },
  { kind: "tag", path: `/tags/${encodeURIComponent("乡村振兴")}` },
  { kind: "issue", path: "/issues/2022-12-20" },
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
  const child = startProcess(name, SERVER_NODE_ARGS, serverEnv);
  await waitForServer(NEXT_PORT, child, name);
  return child;
}

// ---------------------------------------------------------------------------------------------
// Requests

const NEXT_URL = `http://127.0.0.1:${NEXT_PORT}`;
const NODE_URL = `http://127.0.0.1:${NODE_PORT}`;
const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`;
const staticPath = (page: Page) => `/${page.kind}.html`;
const staticFile = (page: Page) => path.join(STATIC_DIR, `${page.kind}.html`);

interface Fetched {
  status: number;
  cache: string | null;
  body: Buffer;
}

async function get(url: string): Promise<Fetched> {
  // identity: the raw bytes, exactly what wrk (which asks for no compression) will get.
  const res = await fetch(url, { headers: { "accept-encoding": "identity" }, signal: AbortSignal.timeout(30_000) });
  return { status: res.status, cache: res.headers.get("x-nextjs-cache"), body: Buffer.from(await res.arrayBuffer()) };
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

type Measure = WrkResult;

async function measure(url: string): Promise<Measure> {
  // A short unrecorded run first, so JIT and connection setup do not land in the figures.
  if (WARMUP_S > 0) await wrk(url, { connections: CONNECTIONS, durationS: WARMUP_S });
  return wrk(url, { connections: CONNECTIONS, durationS: DURATION_S });
}

interface KindResult {
  kind: string;
  path: string;
  bytes: number;
  /** x-nextjs-cache states seen just before the page run, e.g. "HIT" or "STALE→HIT". */
  cacheBeforeRun: string;
  /** As served: Next.js behind the front's micro-cache. */
  page: Measure;
  /** The same page with the micro-cache off: Next.js's own ISR cache alone. */
  nextOnly: Measure;
  nodeHttp: Measure;
  nginx: Measure;
  /** Each round's page, node http and nginx runs, made back to back. */
  rounds: Round[];
  /** Medians of the rounds' ratios. */
  ratioToNodeHttp: number;
  ratioToNginx: number;
  verdict: "PASS" | "MISS";
  problems: string[];
}

interface Round {
  page: Measure;
  nodeHttp: Measure;
  nginx: Measure;
}

const runsOf = (r: Round): Measure[] => [r.page, r.nodeHttp, r.nginx];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Of a target's runs, the one with the median throughput (the lower middle of an even count). */
const medianRun = (runs: Measure[]) => [...runs].sort((a, b) => a.reqPerSec - b.reqPerSec)[(runs.length - 1) >> 1]!;

function assess(page: Page, bytes: number, cacheBeforeRun: string, nextOnly: Measure, rounds: Round[]): KindResult {
  const problems: string[] = [];
  const all: [string, Measure][] = [
    ["nextOnly", nextOnly],
    ...rounds.flatMap((r, i): [string, Measure][] => [
      [`page, round ${i + 1}`, r.page],
      [`nodeHttp, round ${i + 1}`, r.nodeHttp],
      [`nginx, round ${i + 1}`, r.nginx],
    ]),
  ];
  for (const [name, m] of all) {
    if (m.errors || m.non2xx) problems.push(`${name}: ${m.errors} socket errors, ${m.non2xx} non-2xx`);
  }
  const runs = {
    page: medianRun(rounds.map((r) => r.page)),
    nextOnly,
    nodeHttp: medianRun(rounds.map((r) => r.nodeHttp)),
    nginx: medianRun(rounds.map((r) => r.nginx)),
  };
  const ratioToNodeHttp = median(rounds.map((r) => r.page.reqPerSec / r.nodeHttp.reqPerSec));
  const ratioToNginx = median(rounds.map((r) => r.page.reqPerSec / r.nginx.reqPerSec));
  // A run with failed requests proves nothing, however fast it looks.
  const pass =
    ratioToNodeHttp >= TARGET_NODE_RATIO &&
    ratioToNginx >= TARGET_NGINX_RATIO &&
    runs.page.p99 < TARGET_P99_MS &&
    problems.length === 0;
  return {
    kind: page.kind,
    path: page.path,
    bytes,
    cacheBeforeRun,
    ...runs,
    rounds,
    ratioToNodeHttp,
    ratioToNginx,
    verdict: pass ? "PASS" : "MISS",
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function report(results: KindResult[]): string[] {
  const n = (v: number, width: number, digits = 0) => v.toFixed(digits).padStart(width);
  const cols = (m: Measure) => `${n(m.reqPerSec, 8)} ${n(m.p50, 6, 2)} ${n(m.p99, 6, 2)}`;
  const heads = ["page as served", "Next ISR only", "node http", "nginx static file"];
  const lines = [
    `wrk, 1 thread, ${CONNECTIONS} connections, ${DURATION_S} s per run (after ${WARMUP_S} s warm-up); latency in ms`,
    `${ROUNDS} round(s) of page, node http and nginx back to back per kind: each target's median run, the rounds' median ratios`,
    "",
    `${"".padEnd(14)} | ${heads.map((h) => h.padEnd(22)).join(" | ")} | page/   page/`,
    `${"kind".padEnd(8)}  HTML | ${heads.map(() => "req/s    p50    p99".padStart(22)).join(" | ")} | node    nginx`,
  ];
  lines.push("-".repeat(lines[3]!.length));
  for (const r of results) {
    const runs = [r.page, r.nextOnly, r.nodeHttp, r.nginx].map(cols).join(" | ");
    lines.push(
      `${r.kind.padEnd(8)} ${`${Math.round(r.bytes / 1024)} KB`.padStart(5)} | ${runs} | ${n(r.ratioToNodeHttp, 5, 2)}   ${n(r.ratioToNginx, 5, 2)}`,
    );
  }
  const cpu = results.flatMap((r) => [r.nextOnly, ...r.rounds.flatMap(runsOf)].map((m) => m.clientCpu));
  const fastest = Math.max(...results.flatMap((r) => r.rounds.map((x) => x.nginx.reqPerSec)));
  lines.push(
    "",
    `The client: wrk used ${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} of a core per run, and drove nginx at up to ${n(fastest, 0)} req/s: a server slower than that is what is measured.`,
    `Target: page/node ≥ ${TARGET_NODE_RATIO}, page/nginx ≥ ${TARGET_NGINX_RATIO} and page p99 < ${TARGET_P99_MS} ms`,
  );
  for (const r of results) {
    const each = (of: (x: Round) => number) => r.rounds.map((x) => (x.page.reqPerSec / of(x)).toFixed(2)).join(" ");
    const ratios =
      `page/node ${r.ratioToNodeHttp.toFixed(2)} (rounds ${each((x) => x.nodeHttp.reqPerSec)}), ` +
      `page/nginx ${r.ratioToNginx.toFixed(2)} (${each((x) => x.nginx.reqPerSec)})`;
    const p99 = `p99 ${r.page.p99.toFixed(2)} ms`;
    const errors = r.problems.length ? `, runs had errors` : "";
    lines.push(
      `${r.verdict}  ${r.kind.padEnd(8)} ${ratios}, ${p99}${errors} (x-nextjs-cache before run: ${r.cacheBeforeRun})`,
    );
  }
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.kind} ${p}`));
  lines.push(
    "",
    problems.length ? `Errors:\n  ${problems.join("\n  ")}` : "Errors: none (0 socket errors, 0 non-2xx in every run)",
  );
  if (warnings.length) lines.push(`Warnings:\n  ${warnings.join("\n  ")}`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Main

function removeStaticFiles(): void {
  rmSync(STATIC_DIR, { recursive: true, force: true });
  rmSync(NGINX_DIR, { recursive: true, force: true });
}

/** Debian's nginx serving STATIC_DIR on NGINX_PORT: one worker, as the Node servers have one thread for pages. */
function startNginx(): ChildProcess {
  mkdirSync(NGINX_DIR, { recursive: true });
  const dir = path.resolve(NGINX_DIR);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n` +
      `events { worker_connections 1024; }\n` +
      `http {\n  access_log off;\n  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n` +
      `  server {\n    listen 127.0.0.1:${NGINX_PORT};\n    root ${path.resolve(STATIC_DIR)};\n    default_type "text/html; charset=utf-8";\n  }\n}\n`,
  );
  const child = spawn("/usr/sbin/nginx", ["-c", conf, "-p", dir], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

async function main(): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  const tools = spawnSync("bash", ["scripts/ensure-wrk.sh"], { stdio: "inherit" });
  const nginxTool = spawnSync("bash", ["scripts/ensure-nginx.sh"], { stdio: "inherit" });
  if (tools.status !== 0 || nginxTool.status !== 0) throw new Error("wrk and nginx are needed (see above)");
  prepareDatabase();
  build();
  await assertPortFree(NODE_PORT);
  await assertPortFree(NGINX_PORT);

  // Two servers from the same build, one after the other: first with the micro-cache off (Next.js's
  // ISR cache alone), then as \`npm start\` serves (micro-cache on). The references get the bytes
  // the first one sends.
  const nextOnly = await startNext("next, micro-cache off", 0);
  mkdirSync(STATIC_DIR, { recursive: true });
  const html = new Map<Page, Buffer>();
  for (const page of PAGES) {
    const body = await warm(page);
    html.set(page, body);
    writeFileSync(staticFile(page), body);
  }
  const nodeHttp = startProcess("node http", [
    "--import",
    "tsx",
    "bench/html-server.ts",
    String(NODE_PORT),
    ...PAGES.map((p) => `${p.path}=${staticFile(p)}`),
  ]);
  await waitForPort(NODE_PORT, nodeHttp, "node http");
  const nginx = startNginx();
  await waitForPort(NGINX_PORT, nginx, "nginx");

  // The targets of a page kind must send the very same bytes, or the comparison means nothing.
  for (const page of PAGES) {
    await expectSameBytes(NGINX_URL + staticPath(page), html.get(page)!);
    await expectSameBytes(NODE_URL + page.path, html.get(page)!);
  }

  // Anything else busy on the machine skews every figure; the load average at least shows it happened.
  const loadBefore = loadAverage();
  console.log(`\nmeasuring (load average ${loadBefore} on ${os.cpus().length} cores) …`);
  const nextOnlyRuns = new Map<Page, Measure>();
  for (const page of PAGES) {
    await ensureHit(page, html.get(page)!);
    console.log(`${page.kind}: Next ISR only …`);
    nextOnlyRuns.set(page, await measure(NEXT_URL + page.path));
  }
  await stop(nextOnly);

  const next = await startNext("next, as served");
  const results: KindResult[] = [];
  for (const page of PAGES) {
    const cache = await ensureHit(page, html.get(page)!);
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`${page.kind}: page as served, node http, nginx (round ${round} of ${ROUNDS}) …`);
      // A fresh HIT before each round's page run, as before the first.
      if (round > 1) await ensureHit(page, html.get(page)!);
      rounds.push({
        page: await measure(NEXT_URL + page.path),
        nodeHttp: await measure(NODE_URL + page.path),
        nginx: await measure(NGINX_URL + staticPath(page)),
      });
    }
    results.push(assess(page, html.get(page)!.length, cache, nextOnlyRuns.get(page)!, rounds));
  }
  await Promise.all([stop(next), stop(nodeHttp), stop(nginx)]);

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
    rounds: ROUNDS,
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

// Ctrl-C must not leave servers running.
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
