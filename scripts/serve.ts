// The production server: Next.js's request handler behind a request guard, the micro-cache,
// security headers and the site's own error page.
import "./production-env";
import "./check-env";
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import next from "next";
import { loadKnownKeys } from "../lib/db/known-keys";
import { recordSiteServer } from "../lib/db/site-servers";
import { env, siteOriginWarning } from "../lib/env";
import { revalidationSecret } from "../lib/revalidation";
import { startSearchThreads } from "../lib/search/threads";
import { captureResponse, type Captured } from "../lib/server/captured-response";
import { cacheKey, isShareable, MicroCache, normalizeEncoding } from "../lib/server/micro-cache";
import { NotFoundGate } from "../lib/server/not-found-gate";
import { refusal } from "../lib/server/request-guard";
import { pagePolicy, SECURITY_HEADERS } from "../lib/server/security-headers";
import { errorPageFor, isPageLoad, SERVER_ERROR_PATH } from "../lib/server/server-error-page";

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

const isHtml = (headers: OutgoingHttpHeaders) => /^text\/html/.test(String(headers["content-type"] ?? ""));
const isText = (headers: OutgoingHttpHeaders) =>
  /^(text\/|application\/(rss\+|atom\+)?xml|application\/json)/.test(String(headers["content-type"] ?? ""));

export async function serve({ port, hostname, microCacheTtlMs = env().MICROCACHE_TTL_MS }: ServeOptions) {
  const { SITE_INTERNAL_URL, DATABASE_URL, SITE_PREVIEW } = env();
  const local = `http://${hostname && hostname !== "0.0.0.0" ? hostname : "127.0.0.1"}:${port}`;
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const searchThreads = env().SEARCH_THREADS > 0 ? startSearchThreads(env().SEARCH_THREADS) : null;
  const cache = new MicroCache({ ttlMs: microCacheTtlMs, maxBytes: env().MICROCACHE_MAX_BYTES });
  const errorPage = lastGoodErrorPage(local);
  const gate = new NotFoundGate(loadKnownKeys, () => notFoundPage(local));

  /** What goes out in place of a captured response: the error page for a failed page load, a page's policy, a copy kept. */
  const finish = (req: IncomingMessage, key: string | null) => async (r: Captured) => {
    if (r.status >= 500 && isPageLoad(req)) return errorPage.page(req.url ?? "/");
    const headers = isHtml(r.headers)
      ? { ...r.headers, "content-security-policy": pagePolicy(r.headers, r.body) }
      : r.headers;
    const out = { ...r, headers };
    if (key?.startsWith("GET ") && isShareable(out.status, out.headers)) cache.set(key, out);
    return out;
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // A preview shows drafts: no search engine may keep any of it, page, feed or image.
    if (SITE_PREVIEW) res.setHeader("x-robots-tag", "noindex, nofollow");
    const refused = refusal(req.method, req.url, req.headers);
    if (refused) return refuse(res, refused);
    // Next.js answers a malformed percent-encoding (/tags/%zz) with a bare 500; send it to the 404 page instead.
    if (!hasValidPath(req.url)) req.url = "/__malformed-url";
    normalizeEncoding(req);
    const key = cache.enabled ? cacheKey(req) : null;
    if (key && cache.serve(req, res, key)) return;
    // After the cache: an answer there is a page that exists, and a made-up address is never cached.
    const missing = req.url ? gate.answer(req.url) : null;
    if (missing) return answerNotFound(req, res, missing);
    captureResponse(
      res,
      (status, headers) => isHtml(headers) || (key !== null && isText(headers)) || (status >= 500 && isPageLoad(req)),
      finish(req, key),
    );
    // An ingest's refresh reaches Next's cache through this route; the copies here must go too.
    if (req.method === "POST" && req.url === "/api/revalidate")
      res.on("finish", () => {
        if (res.statusCode !== 200) return;
        cache.clear();
        void gate.reload().catch((e: unknown) => console.error("could not reload the known addresses:", e));
      });
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("服务器出错了，请稍后再试。");
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  void errorPage.warm();
  await gate.reload().catch((e: unknown) => console.error("could not load the known addresses:", e));
  // Once it answers, the server says where in its database, so that every ingest finds it.
  const record = await recordSiteServer(SITE_INTERNAL_URL ?? local, DATABASE_URL);
  // Pages on disk from an earlier run, or from another server of this build, may predate ingests
  // this server never heard of: it starts by dropping them, as an ingest's refresh would.
  await fetch(`${local}/api/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${revalidationSecret()}` },
  }).catch((e: unknown) => console.error("could not refresh the page cache at start-up:", e));
  const close = async () => {
    await record.stop();
    await new Promise<void>((r) => server.close(() => r()));
    await searchThreads?.close();
  };
  return { server, close };
}

/** The site's 404 page as Next renders it for an address no route has (prerendered, so nothing is written). */
async function notFoundPage(origin: string) {
  const res = await fetch(`${origin}/__not-found`, { headers: { accept: "text/html" } });
  if (res.status !== 404) throw new Error(`/__not-found answered ${res.status}`);
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" };
  const body = Buffer.from(await res.arrayBuffer());
  return { headers: { ...headers, "content-security-policy": pagePolicy({}, body) }, body };
}

function answerNotFound(
  req: IncomingMessage,
  res: ServerResponse,
  answer: { headers: Record<string, string>; body: Buffer },
) {
  res.writeHead(404, { ...answer.headers, "content-length": answer.body.length });
  res.end(req.method === "HEAD" ? undefined : answer.body);
}

/** Sends a refusal and closes the connection, so a request body nobody reads is never read. */
function refuse(res: ServerResponse, refused: NonNullable<ReturnType<typeof refusal>>) {
  res.writeHead(refused.status, { ...refused.headers, connection: "close" });
  res.end(refused.body);
}

/**
 * The site's error page for a failed page load: app/server-error (static), without its scripts,
 * its retry link pointing back. The last copy fetched is kept, so it still answers when the page
 * itself can no longer be rendered (the database unreadable, its cache entry refreshed).
 */
function lastGoodErrorPage(origin: string) {
  let last: string | null = null;
  const fetchPage = async () => {
    const res = await fetch(`${origin}${SERVER_ERROR_PATH}`, { headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(`${SERVER_ERROR_PATH} answered ${res.status}`);
    return (last = await res.text());
  };
  const page = async (url: string): Promise<Captured> => {
    const html = await fetchPage().catch(() => last);
    const headers = { "cache-control": "private, no-store", ...SECURITY_HEADERS };
    if (html === null)
      return {
        status: 500,
        headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
        body: Buffer.from("服务器出错了，请稍后再试。"),
      };
    const body = Buffer.from(errorPageFor(html, url));
    return {
      status: 500,
      headers: {
        ...headers,
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": pagePolicy({}, body),
      },
      body,
    };
  };
  return { page, warm: () => fetchPage().catch(() => null) };
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
