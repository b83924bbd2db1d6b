// The production server: Next.js's request handler behind the micro-cache.
import "./production-env";
import "./check-env";
import { createServer } from "node:http";
import next from "next";
import { env } from "../lib/env";
import { cacheKey, MicroCache } from "../lib/server/micro-cache";
import { replaceServerErrors, SERVER_ERROR_PATH } from "../lib/server/server-error-page";

/** True when the request path's percent-encoding decodes. */
export function hasValidPath(url = "/"): boolean {
  try {
    decodeURIComponent(url.split("?")[0]!);
    return true;
  } catch {
    return false;
  }
}

export interface ServeOptions {
  port: number;
  hostname?: string;
  /** MICROCACHE_TTL_MS; 0 serves every request through Next. */
  microCacheTtlMs?: number;
}

export async function serve({ port, hostname, microCacheTtlMs = env().MICROCACHE_TTL_MS }: ServeOptions) {
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = new MicroCache({ ttlMs: microCacheTtlMs, maxEntries: 5000 });
  const errorPage = async () => {
    const res = await fetch(
      `http://${hostname && hostname !== "0.0.0.0" ? hostname : "127.0.0.1"}:${port}${SERVER_ERROR_PATH}`,
      { headers: { accept: "text/html" } },
    );
    if (!res.ok) throw new Error(`${SERVER_ERROR_PATH} answered ${res.status}`);
    return res.text();
  };

  const server = createServer((req, res) => {
    // Next.js answers a malformed percent-encoding (/tags/%zz) with a bare 500; send it to the 404 page instead.
    if (!hasValidPath(req.url)) req.url = "/__malformed-url";
    const key = cache.enabled ? cacheKey(req) : null;
    if (key && cache.serve(req, res, key)) return;
    if (key) cache.record(res, key);
    replaceServerErrors(req, res, errorPage);
    // An ingest's refresh reaches Next's cache through this route; the copies here must go too.
    if (req.method === "POST" && req.url === "/api/revalidate")
      res.on("finish", () => res.statusCode === 200 && cache.clear());
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("服务器出错了，请稍后再试。");
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return { server, close: () => new Promise<void>((r) => server.close(() => r())) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = env().PORT;
  const { close } = await serve({ port });
  console.log(`serving on http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void close().then(() => process.exit(0)));
}
