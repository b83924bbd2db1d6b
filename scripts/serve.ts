// The production server: a front on a thread of its own (scripts/front-thread.ts: request guard,
// micro-cache, not-found gate, security headers, the site's error page) before Next.js's request
// handler on this thread, with searches on threads of their own (lib/search/threads.ts).
import "./production-env";
import "./check-env";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import next from "next";
import { recordSiteServer } from "../lib/db/site-servers";
import { env, siteOriginWarning } from "../lib/env";
import { refreshBody, revalidationSecret } from "../lib/revalidation";
import { startSearchThreads } from "../lib/search/threads";
import { dayBoundaries, scheduleRefreshes } from "../lib/server/scheduled-refresh";
import { getSiteInfo } from "../lib/site-info";
import type { FrontThreadData } from "./front-thread";

export interface ServeOptions {
  port: number;
  hostname?: string;
  /** MICROCACHE_TTL_MS; 0 serves every request through Next. */
  microCacheTtlMs?: number;
}

export async function serve({ port, hostname, microCacheTtlMs = env().MICROCACHE_TTL_MS }: ServeOptions) {
  const { SITE_INTERNAL_URL, DATABASE_URL, SITE_PREVIEW, SEARCH_THREADS, MICROCACHE_MAX_BYTES } = env();
  const local = `http://${hostname && hostname !== "0.0.0.0" ? hostname : "127.0.0.1"}:${port}`;
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const searchThreads = SEARCH_THREADS > 0 ? startSearchThreads(SEARCH_THREADS) : null;
  // The renderer listens on loopback only: everything from outside goes through the front.
  const renderer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("服务器出错了，请稍后再试。");
    });
  });
  renderer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => renderer.listen(0, "127.0.0.1", resolve));
  const refresh = async (body: string) => {
    const res = await fetch(`${local}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${revalidationSecret()}`, "content-type": "application/json" },
      body,
    });
    if (!res.ok) throw new Error(`the refresh answered ${res.status}`);
  };
  const scheduled = scheduleRefreshes(refresh, dayBoundaries(getSiteInfo().mourning));
  const front = await startFront(
    {
      port,
      hostname,
      backendPort: (renderer.address() as AddressInfo).port,
      microCacheTtlMs,
      microCacheMaxBytes: MICROCACHE_MAX_BYTES,
      preview: SITE_PREVIEW,
    },
    () => void scheduled.reschedule().catch((e: unknown) => console.error("could not schedule refreshes:", e)),
  );
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
    await front.close();
    await new Promise<void>((r) => {
      renderer.close(() => r());
      renderer.closeIdleConnections();
    });
    await searchThreads?.close();
  };
  return { close };
}

/** Starts the front's thread; resolves once it listens and has loaded what it needs. */
function startFront(data: FrontThreadData, onRefresh: () => void) {
  // The entry is TypeScript: the thread registers tsx, then imports it.
  const entry = new URL("./front-thread.ts", import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  // The front reads the database only to load its known addresses: two PostgreSQL connections.
  const env = { ...process.env, DATABASE_POOL_SIZE: "2", DATABASE_SEARCH_POOL_SIZE: "1" };
  // Its heap holds the micro-cache (MICROCACHE_MAX_BYTES) and the known addresses, and no more.
  const maxOldGenerationSizeMb = Math.ceil(data.microCacheMaxBytes / 2 ** 20) * 2 + 128;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: data,
    env,
    resourceLimits: { maxOldGenerationSizeMb },
  });
  return new Promise<{ close: () => Promise<void> }>((resolve, reject) => {
    worker.once("error", reject);
    // Without its front the server answers nobody: stop, so that the service manager starts it again.
    worker.on("error", (error) => {
      console.error("the front thread failed:", error);
      process.exit(1);
    });
    worker.on("message", (message: { listening?: boolean; error?: string; refreshed?: boolean }) => {
      if (message.refreshed) onRefresh();
      if (message.error) reject(new Error(`the front could not listen on ${data.port}: ${message.error}`));
      if (message.listening)
        resolve({
          close: () =>
            new Promise((done) => {
              worker.once("exit", () => done());
              worker.postMessage({ close: true });
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
