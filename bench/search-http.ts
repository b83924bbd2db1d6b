// bench:search's HTTP mode (npm run bench:search -- --http [--reuse-db]): searches as readers send
// them, to the production server (scripts/serve.ts) over the benchmark's database, loaded by wrk
// (bench/wrk.ts) from a rotation of distinct queries drawn like the in-process ones. Beside them, a
// cached page (the front page) alone and while 20 connections search: searches run on threads of
// their own, so readers of cached pages must not wait behind them.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SearchParams } from "../lib/search/params";
import { searchApiPath, searchPath } from "../lib/urls";
import { assertPortFree, benchEnv, build, startProcess, stop, waitForServer, type BenchSite } from "./site";
import { wrk, type WrkResult } from "./wrk";
import { SERVER_NODE_ARGS } from "../lib/server/server-command";

const PORT = 3230;
const SEARCH_CONNECTIONS = 20;
const PAGE_CONNECTIONS = 50;
const DURATION_S = 10;
export const TARGETS = { apiReqPerSec: 300, pageReqPerSec: 150, p95Ms: 100, keepShare: 0.5, pageP99Ms: 50 };

/** A Lua script for wrk: each request takes the next path of `paths`, and p95 is printed at the end. */
function rotation(file: string, paths: string[]): string {
  const lua = `local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("p95-us %d\\n", latency:percentile(95)))
end
`;
  writeFileSync(file, lua);
  return file;
}

type Run = WrkResult;

const load = (url: string, connections: number, script: string | undefined, durationS = DURATION_S) =>
  wrk(url, { connections, durationS, script });

export interface HttpResult {
  api: Run;
  page: Run;
  cachedAlone: WrkResult;
  cachedWhileSearching: WrkResult;
  searchesMeanwhile: WrkResult;
  loadAverage: { before: number; after: number };
}

/** Measures `queries` over HTTP against a server on `databaseUrl`; prints and returns the figures. */
export async function searchOverHttp(databaseUrl: string, queries: SearchParams[], tmpDir: string, noBuild = false) {
  const distDir = ".next-bench";
  const warn = (m: string) => console.warn(`WARNING: ${m}`);
  const site: BenchSite = { dbFile: "", databaseUrl, distDir, noBuild, warn };
  const env = benchEnv(site);
  // A database kept by --reuse-db must have the current schema: the build reads it.
  build(site);
  await assertPortFree(PORT);
  const server = startProcess(env, "server", SERVER_NODE_ARGS, { PORT: String(PORT) });
  try {
    await waitForServer(PORT, server, "server");
    const origin = `http://127.0.0.1:${PORT}`;
    const apiScript = rotation(
      path.join(tmpDir, "search-api.lua"),
      queries.map((q) => searchApiPath(query(q))),
    );
    const pageScript = rotation(
      path.join(tmpDir, "search-page.lua"),
      queries.map((q) => searchPath(query(q))),
    );
    // Every query once, so the figures are of searches, not of first-time compilation.
    await load(origin, SEARCH_CONNECTIONS, apiScript, 3);
    const before = os.loadavg()[0]!;
    const api = await load(origin, SEARCH_CONNECTIONS, apiScript);
    const page = await load(origin, SEARCH_CONNECTIONS, pageScript);
    // The searches still queued when wrk stopped are let finish, and the page is cached again first.
    await settle(origin);
    const cachedAlone = await load(`${origin}/`, PAGE_CONNECTIONS, undefined);
    await settle(origin);
    const [cachedWhileSearching, searchesMeanwhile] = await Promise.all([
      load(`${origin}/`, PAGE_CONNECTIONS, undefined),
      load(origin, SEARCH_CONNECTIONS, apiScript),
    ]);
    const result: HttpResult = {
      api,
      page,
      cachedAlone,
      cachedWhileSearching,
      searchesMeanwhile,
      loadAverage: { before, after: os.loadavg()[0]! },
    };
    printHttp(result, queries.length);
    return result;
  } finally {
    await stop(server);
  }
}

async function settle(origin: string) {
  await new Promise((r) => setTimeout(r, 3000));
  for (let i = 0; i < 2; i++) await fetch(`${origin}/`).then((r) => r.arrayBuffer());
}

const query = (p: SearchParams) => ({ ...p, page: p.page > 1 ? p.page : undefined });

function printHttp(r: HttpResult, queries: number) {
  const n = (v: number, d = 0) => v.toFixed(d);
  const row = (name: string, m: Run) =>
    `${name.padEnd(12)} ${n(m.reqPerSec).padStart(7)} req/s  p50 ${n(m.p50, 1)} ms  p95 ${n(m.p95, 1)} ms  p99 ${n(m.p99, 1)} ms  (${m.errors} socket errors, ${m.non2xx} non-2xx)`;
  const keep = r.cachedWhileSearching.reqPerSec / r.cachedAlone.reqPerSec;
  const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
  console.log(
    [
      "",
      `HTTP: ${queries} distinct queries in rotation, ${SEARCH_CONNECTIONS} connections, ${DURATION_S} s per run (wrk)`,
      row("/api/search", r.api),
      row("/search", r.page),
      `cached page (/), ${PAGE_CONNECTIONS} connections: alone ${n(r.cachedAlone.reqPerSec)} req/s p99 ${n(r.cachedAlone.p99, 1)} ms; while ${SEARCH_CONNECTIONS} connections search /api/search (${n(r.searchesMeanwhile.reqPerSec)} req/s) ${n(r.cachedWhileSearching.reqPerSec)} req/s p99 ${n(r.cachedWhileSearching.p99, 1)} ms (${n(keep * 100)} % kept)`,
      `load average (1 min) before/after: ${n(r.loadAverage.before, 2)} / ${n(r.loadAverage.after, 2)}`,
      `${verdict(r.api.reqPerSec >= TARGETS.apiReqPerSec && r.api.p95 < TARGETS.p95Ms)}  /api/search ≥ ${TARGETS.apiReqPerSec} req/s, p95 < ${TARGETS.p95Ms} ms`,
      `${verdict(r.page.reqPerSec >= TARGETS.pageReqPerSec && r.page.p95 < TARGETS.p95Ms)}  /search ≥ ${TARGETS.pageReqPerSec} req/s, p95 < ${TARGETS.p95Ms} ms`,
      `${verdict(keep >= TARGETS.keepShare && r.cachedWhileSearching.p99 < TARGETS.pageP99Ms)}  cached page keeps ≥ ${TARGETS.keepShare * 100} % of its throughput with p99 < ${TARGETS.pageP99Ms} ms while searches run`,
    ].join("\n"),
  );
}
