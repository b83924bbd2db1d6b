// The renderer's thread, started by scripts/serve.ts: Next.js's request handler on loopback, whose
// searches go to the main thread's search threads (lib/search/threads.ts). A thread of its own
// caps its heap (RENDERER_HEAP_MB): V8 otherwise lets a busy renderer's garbage grow to hundreds
// of megabytes before collecting it.
import "./production-env";
import "./check-env";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import next from "next";
import { env } from "../lib/env";
import { relaySearches } from "../lib/search/threads";
import { idleCollector } from "../lib/server/idle-collect";
import { keptPages } from "../lib/server/kept-pages";
import { closeGracefully } from "../lib/server/shutdown";

export interface RendererThreadData {
  port: number;
  hostname?: string;
  /** Where the search threads take this thread's searches (scripts/serve.ts); null runs them here. */
  searches: MessagePort | null;
}

const { port, hostname, searches } = workerData as RendererThreadData;
// tsx turns on source maps, and Node then keeps the map of every module loaded, Next.js's server
// chunks and their sources among them: tens of megabytes of strings in a heap kept small. Errors
// here show the built chunks' lines instead.
process.setSourceMapsEnabled(false);
const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();
// Registered in this thread: the routes Next.js runs here find it (lib/search/runner.ts).
if (searches) relaySearches(searches);
const { KEPT_PAGES_MAX_BYTES, NEXT_DIST_DIR } = env();
const kept = KEPT_PAGES_MAX_BYTES > 0 ? keptPages(path.resolve(NEXT_DIST_DIR, "server"), KEPT_PAGES_MAX_BYTES) : null;
// Render garbage collected between requests, not in the middle of a page (lib/server/idle-collect.ts).
const idle = idleCollector();
const server = createServer((req, res) => {
  idle.started();
  // "close" comes for every response, answered or cut off by the client.
  res.once("close", idle.answered);
  if (kept && (req.method === "GET" || req.method === "HEAD"))
    res.once("finish", () => kept.answered(pathOf(req.url), String(res.getHeader("x-nextjs-cache") ?? "")));
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("服务器出错了，请稍后再试。");
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () =>
  parentPort!.postMessage({ listening: true, port: (server.address() as AddressInfo).port }),
);
parentPort!.on("message", (message: { close?: boolean; graceMs: number }) => {
  if (!message.close) return;
  kept?.close();
  void closeGracefully(server, message.graceMs).then(() => process.exit(0));
});

/** A request's path as Next.js names a page's files: decoded, without its query; "" when it cannot be decoded. */
function pathOf(url: string | undefined): string {
  const pathname = (url ?? "").split("?")[0]!;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return "";
  }
}
