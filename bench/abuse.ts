// npm run bench:abuse [-- --duration 60 --port 3230 --no-build]
//
// The production server (scripts/serve.ts) under 200 connections of mixed traffic, as the open
// internet sends it: cached pages, articles, searches (nasty queries among them), made-up
// addresses and unique query strings, each with every kind of Accept-Encoding. Per class: requests,
// errors (socket errors, timeouts and 5xx), p50 and p99; the server's RSS at start, peak and end;
// and the bytes added on disk under its build folder and beside its database, for the whole mix
// and for made-up addresses alone. The load generator (autocannon) shares the two cores.
import { readdirSync, statSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { SERVER_NODE_ARGS } from "../lib/server/server-command";
import {
  build,
  benchEnv,
  prepareDatabase,
  running,
  startProcess,
  stop,
  waitForServer,
  assertPortFree,
  type BenchSite,
} from "./site";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    port: { type: "string", default: "3230" },
    "no-build": { type: "boolean", default: false },
  },
});
const DURATION_S = Number(args.duration);
const PORT = Number(args.port);
if (!(DURATION_S >= 5) || !(PORT > 0)) throw new Error("--duration must be ≥ 5 and --port a port number");

const TMP_DIR = "bench/.tmp";
const site: BenchSite = {
  dbFile: `${TMP_DIR}/abuse.db`,
  distDir: ".next-bench",
  noBuild: args["no-build"],
  warn: console.warn,
};
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TARGETS = { cachedP99Ms: 100, rssPeakMb: 512 };

const ENCODINGS = ["gzip, deflate, br", "identity", "deflate", "br", "gzip;q=0, deflate", "*", ""];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const random = () => Math.random().toString(36).slice(2, 10);
const enc = encodeURIComponent;

const ARTICLES = readdirSync("content/issues", { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".md"))
  .map((f) => `/articles/${path.basename(f, ".md")}`);
const NASTY = [
  "乳胶",
  "网格员 严管",
  "左",
  '"网格"',
  "网格*",
  "NEAR(左权 网格)",
  "' OR 1=1 --",
  "%00%ff",
  "<script>alert(1)</script>",
  "左权".repeat(50),
  Array.from({ length: 40 }, (_, i) => `词${i}`).join(" "),
  "ＰＬＣ控制",
  "網格員",
];

/** Each class: its share of the 200 connections, whether its answers must all succeed, and its next path. */
const CLASSES = [
  {
    name: "cached pages",
    connections: 60,
    real: true,
    path: () => pick(["/", "/issues", "/sections/industry", `/tags/${enc("乡村振兴")}`, "/feed.xml"]),
  },
  { name: "articles", connections: 30, real: true, path: () => pick(ARTICLES) },
  {
    name: "searches",
    connections: 30,
    real: true,
    path: () =>
      `${pick(["/search", "/api/search"])}?q=${enc(pick(NASTY))}${Math.random() < 0.3 ? `&page=${1 + Math.floor(Math.random() * 3)}` : ""}`,
  },
  {
    name: "made-up URLs",
    connections: 40,
    real: false,
    path: () =>
      pick([
        `/articles/${random()}`,
        `/tags/${enc(`假${random()}`)}`,
        `/authors/${random()}/page/2`,
        `/sections/industry/page/${100 + Math.floor(Math.random() * 1e5)}`,
        `/sitemaps/${10 + Math.floor(Math.random() * 1e4)}.xml`,
        `/columns/${random()}/feed.xml`,
      ]),
  },
  {
    name: "unique queries",
    connections: 40,
    real: true,
    path: () => `${pick(["/", "/issues", ARTICLES[0]!])}?x=${random()}${"y".repeat(Math.floor(Math.random() * 200))}`,
  },
] as const;

interface ClassResult {
  name: string;
  requests: number;
  errors: number;
  fiveXx: number;
  p50: number;
  p99: number;
}

function run(cls: (typeof CLASSES)[number], seconds: number): Promise<ClassResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: ORIGIN,
        connections: cls.connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => {
              const encoding = pick(ENCODINGS);
              return {
                ...req,
                path: cls.path(),
                headers: { ...req.headers, accept: "text/html", ...(encoding ? { "accept-encoding": encoding } : {}) },
              };
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const fiveXx = Object.entries(r.statusCodeStats ?? {})
          .filter(([code]) => code.startsWith("5"))
          .reduce((n, [, s]) => n + (s as { count: number }).count, 0);
        resolve({
          name: cls.name,
          requests: r.requests.total,
          errors: r.errors + r.timeouts + fiveXx,
          fiveXx,
          p50: r.latency.p50,
          p99: r.latency.p99,
        });
      },
    );
    void instance;
  });
}

/** Bytes of the files under each folder or file given. */
function bytesUnder(...roots: string[]): number {
  let total = 0;
  for (const root of roots) {
    let stat;
    try {
      stat = statSync(root);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) total += stat.size;
    else
      for (const e of readdirSync(root, { recursive: true, withFileTypes: true }))
        if (e.isFile()) total += statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}
/** What requests could write: Next's cache in the build folder, and data/. */
const diskWatched = () => bytesUnder(site.distDir, "data");
/** The database, apart: the server's heartbeat (every 10 s, lib/db/site-servers.ts) writes its own row there. */
const databaseBytes = () => bytesUnder(site.dbFile, `${site.dbFile}-wal`);

/** The server's resident memory in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

async function warm() {
  for (const p of ["/", "/issues", "/sections/industry", `/tags/${enc("乡村振兴")}`, "/feed.xml", ...ARTICLES])
    for (let i = 0; i < 2; i++) await fetch(ORIGIN + p).then((r) => r.arrayBuffer());
}

async function main() {
  mkdirSync(TMP_DIR, { recursive: true });
  prepareDatabase(site);
  build(site);
  await assertPortFree(PORT);
  const server = startProcess(benchEnv(site), "server", SERVER_NODE_ARGS, {
    PORT: String(PORT),
  });
  await waitForServer(PORT, server, "server");
  await warm();
  const pid = server.pid!;
  const rss = { start: rssMb(pid), peak: rssMb(pid), end: 0 };
  const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, rssMb(pid))), 200);

  // Made-up addresses alone first, so that what they add on disk is theirs.
  const madeUp = CLASSES.find((c) => !c.real)!;
  const beforeMadeUp = diskWatched();
  const databaseBefore = databaseBytes();
  const alone = await run(madeUp, 10);
  const madeUpBytes = diskWatched() - beforeMadeUp;
  const madeUpDatabaseBytes = databaseBytes() - databaseBefore;

  const load = os.loadavg()[0]!.toFixed(2);
  const beforeMix = diskWatched();
  console.log(
    `mix: ${CLASSES.reduce((n, c) => n + c.connections, 0)} connections for ${DURATION_S} s (load ${load}) …`,
  );
  const results = await Promise.all(CLASSES.map((c) => run(c, DURATION_S)));
  const mixBytes = diskWatched() - beforeMix;
  await sleep(2000);
  clearInterval(sampler);
  rss.end = rssMb(pid);
  await stop(server);
  report({ alone, madeUpBytes, madeUpDatabaseBytes, results, mixBytes, rss, load });
}

function report(r: {
  alone: ClassResult;
  madeUpBytes: number;
  madeUpDatabaseBytes: number;
  results: ClassResult[];
  mixBytes: number;
  rss: { start: number; peak: number; end: number };
  load: string;
}) {
  const lines = [
    `made-up URLs alone, 10 s: ${r.alone.requests} requests, ${r.alone.errors} errors, p50 ${r.alone.p50} ms, p99 ${r.alone.p99} ms; bytes added on disk: ${r.madeUpBytes} under ${site.distDir}/ and data/, ${r.madeUpDatabaseBytes} to the database file and its WAL (the heartbeat's write every 10 s)`,
    "",
    "class             requests   errors (5xx)   p50 ms   p99 ms",
    ...r.results.map(
      (c) =>
        `${c.name.padEnd(16)} ${String(c.requests).padStart(9)}   ${String(c.errors).padStart(6)} (${c.fiveXx})   ${String(c.p50).padStart(6)}   ${String(c.p99).padStart(6)}`,
    ),
    "",
    `server RSS: start ${r.rss.start.toFixed(0)} MB, peak ${r.rss.peak.toFixed(0)} MB, end ${r.rss.end.toFixed(0)} MB`,
    `bytes added on disk during the mix (${site.distDir}/ and data/): ${r.mixBytes}`,
    `load average (1 min) when the mix began: ${r.load} on ${os.cpus().length} cores`,
    "",
    "targets:",
  ];
  const real = r.results.filter((c) => CLASSES.find((k) => k.name === c.name)!.real);
  const cached = r.results.find((c) => c.name === "cached pages")!;
  const checks: [string, boolean][] = [
    [
      `0 errors on real pages and searches (${real.map((c) => c.errors).join(", ")})`,
      real.every((c) => c.errors === 0),
    ],
    [
      `cached pages p99 < ${TARGETS.cachedP99Ms} ms during the mix (${cached.p99} ms)`,
      cached.p99 < TARGETS.cachedP99Ms,
    ],
    [`server RSS peak < ${TARGETS.rssPeakMb} MB (${r.rss.peak.toFixed(0)} MB)`, r.rss.peak < TARGETS.rssPeakMb],
    [`0 bytes added on disk by made-up URLs (${r.madeUpBytes} under ${site.distDir}/ and data/)`, r.madeUpBytes === 0],
  ];
  for (const [text, ok] of checks) lines.push(`  ${ok ? "PASS" : "MISS"}  ${text}`);
  console.log(`\n=== bench:abuse ===\n${lines.join("\n")}`);
  writeFileSync(
    `${TMP_DIR}/abuse-result.json`,
    `${JSON.stringify({ date: new Date().toISOString(), ...r, targets: TARGETS }, null, 2)}\n`,
  );
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await Promise.all([...running].map(stop));
}
