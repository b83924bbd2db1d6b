// The front's thread (lib/server/front.ts), started by scripts/serve.ts: it listens on the public
// port and hands what it cannot answer itself to the renderer on loopback.
import "./production-env";
import "./check-env";
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { createFront } from "../lib/server/front";
import { backendAt } from "../lib/server/proxy";

export interface FrontThreadData {
  port: number;
  hostname?: string;
  backendPort: number;
  microCacheTtlMs: number;
  microCacheMaxBytes: number;
  preview: boolean;
}

const data = workerData as FrontThreadData;
const front = createFront({
  ...data,
  backend: backendAt(data.backendPort),
  onRefresh: () => parentPort!.postMessage({ refreshed: true }),
});
const server = createServer(front.handle);
server.keepAliveTimeout = 65_000;
server.on("error", (error) => parentPort!.postMessage({ error: error.message }));
server.listen(data.port, data.hostname, () => {
  void front.ready().then(() => parentPort!.postMessage({ listening: true }));
});
parentPort!.on("message", (message: { close?: boolean }) => {
  if (!message.close) return;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
