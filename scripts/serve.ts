// The production server: the front on this thread (lib/server/front.ts: request guard, micro-cache,
// not-found gate, security headers, the site's error page) before Next.js's request handler on a
// thread of its own (scripts/renderer-thread.ts), which sends searches to threads of their own
// (lib/search/threads.ts). The renderer's loop is busy for a render's length; the front's never is.
import "./production-env";
import "./check-env";
import { createServer } from "node:http";
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";
import { recordSiteServer } from "../lib/db/site-servers";
import { env, siteOriginWarning } from "../lib/env";
import { refreshBody, revalidationSecret } from "../lib/revalidation";
import { dayBoundaries, scheduleRefreshes } from "../lib/server/scheduled-refresh";
import { createFront } from "../lib/server/front";
import { closeGracefully } from "../lib/server/shutdown";
import { backendAt } from "../lib/server/proxy";
import { searchApiAnswer } from "../lib/search/api";
import { startSearchThreads } from "../lib/search/threads";
import { getSiteInfo } from "../lib/site-info";
import type { RendererThreadData } from "./renderer-thread";

/**
 * How long requests under way may take to finish once the server is told to stop: well inside the
 * systemd unit's TimeoutStopSec (20 s), which kills what is left.
 */
const FRONT_GRACE_MS = 10_000;
const RENDERER_GRACE_MS = 2_000;

export interface ServeOptions {
  port: number;
  hostname?: string;
  /** MICROCACHE_TTL_MS; 0 serves every request through Next. */
  microCacheTtlMs?: number;
}

export async function serve({ port, hostname, microCacheTtlMs = env().MICROCACHE_TTL_MS }: ServeOptions) {
  const { SITE_INTERNAL_URL, DATABASE_URL, SITE_PREVIEW, SEARCH_THREADS, MICROCACHE_MAX_BYTES, RENDERER_HEAP_MB } =
    env();
  const local = `http://${hostname && hostname !== "0.0.0.0" ? hostname : "127.0.0.1"}:${port}`;
  if (!globalThis.gc)
    console.warn(
      "node was started without --expose-gc: the renderer collects its garbage in the middle of renders (lib/server/idle-collect.ts)",
    );
  // Searches run on threads of their own, started here: the front answers /api/search from them,
  // and the renderer sends the search page's searches over a port. With none, the renderer runs
  // its searches itself and the front passes /api/search to it.
  const searches = SEARCH_THREADS > 0 ? startSearchThreads(SEARCH_THREADS) : null;
  const relay = searches?.relayPort() ?? null;
  // The renderer listens on loopback only: everything from outside goes through the front.
  const renderer = await startThread<RendererThreadData>(
    "renderer",
    "./renderer-thread.ts",
    { port, hostname, searches: relay },
    // Next.js holds its in-memory page cache (next.config.ts) and the pages being rendered.
    { maxOldGenerationSizeMb: RENDERER_HEAP_MB },
    relay ? [relay] : [],
  );
  const refresh = async (body: string) => {
    const res = await fetch(`${local}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${revalidationSecret()}`, "content-type": "application/json" },
      body,
    });
    if (!res.ok) throw new Error(`the refresh answered ${res.status}`);
  };
  const scheduled = scheduleRefreshes(refresh, dayBoundaries(getSiteInfo().mourning));
  // The front answers on this thread: it renders nothing, so nothing holds its loop for long.
  const backend = backendAt(renderer.port);
  const front = createFront({
    backend,
    microCacheTtlMs,
    microCacheMaxBytes: MICROCACHE_MAX_BYTES,
    preview: SITE_PREVIEW,
    onRefresh: () =>
      void scheduled.reschedule().catch((e: unknown) => console.error("could not schedule refreshes:", e)),
    searchApi: searches ? searchApiAnswer : undefined,
  });
  const server = createServer(front.handle);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) => reject(new Error(`the front could not listen on ${port}: ${e.message}`)));
    server.listen(port, hostname, resolve);
  });
  await front.ready();
  // Once it answers, the server says where in its database, so that every ingest finds it.
  const record = await recordSiteServer(SITE_INTERNAL_URL ?? local, DATABASE_URL);
  // Pages on disk from an earlier run, or from another server of this build, may predate ingests
  // this server never heard of: it starts by dropping them, as an ingest's refresh would.
  await refresh(refreshBody("all")).catch((e: unknown) =>
    console.error("could not refresh the page cache at start-up:", e),
  );
  const close = async () => {
    scheduled.stop();
    await record.stop();
    await closeGracefully(server, FRONT_GRACE_MS);
    // The front's kept-alive connections to the renderer go with it, so the renderer closes at once.
    backend.agent.destroy();
    await renderer.close(RENDERER_GRACE_MS);
    await searches?.close();
  };
  return { close };
}

/**
 * Starts one of the server's threads; resolves once it listens. Without any of them the server
 * answers nobody: a thread that fails stops the process, so that the service manager starts it again.
 */
function startThread<Data>(
  name: string,
  file: string,
  data: Data,
  resourceLimits: ResourceLimits,
  transferList: TransferListItem[] = [],
) {
  // The entry is TypeScript: the thread registers tsx, then imports it.
  const entry = new URL(file, import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: data, resourceLimits, transferList });
  return new Promise<{ port: number; close: (graceMs: number) => Promise<void> }>((resolve, reject) => {
    let listening = false;
    let closing = false;
    worker.once("error", reject);
    worker.on("error", (error) => {
      console.error(`the ${name} thread failed:`, error);
      process.exit(1);
    });
    worker.on("exit", (code) => {
      if (!listening) reject(new Error(`the ${name} thread stopped (exit ${code}) before it listened`));
      else if (!closing) {
        console.error(`the ${name} thread stopped (exit ${code})`);
        process.exit(1);
      }
    });
    worker.on("message", (message: { listening?: boolean; port?: number }) => {
      if (!message.listening) return;
      listening = true;
      resolve({
        port: message.port!,
        close: (graceMs: number) =>
          new Promise((done) => {
            closing = true;
            worker.once("exit", () => done());
            worker.postMessage({ close: true, graceMs });
          }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const originWarning = siteOriginWarning();
  if (originWarning) console.warn(originWarning);
  const port = env().PORT;
  const { close } = await serve({ port });
  console.log(`serving on http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void close().then(() => process.exit(0)));
}
