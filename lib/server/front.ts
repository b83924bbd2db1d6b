import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { loadKnownKeys } from "../db/known-keys";
import { cacheKey, isShareable, MicroCache, normalizeEncoding } from "./micro-cache";
import { NotFoundGate, pathSegments } from "./not-found-gate";
import { refreshRequestSchema } from "../revalidation";
import type { SearchApiAnswer } from "../search/api";
import { BodyTooLarge, forward, readWhole, endToEnd, type Backend, type Captured } from "./proxy";
import { BODY_LIMITS, refusal, type Refusal } from "./request-guard";
import { pagePolicy, SECURITY_HEADERS } from "./security-headers";
import { errorPageFor, isPageLoad, SERVER_ERROR_PATH } from "./server-error-page";

// The front of the production server: every request meets it first, on the main thread
// (scripts/serve.ts), so that renders and searches on their own threads never hold a reader whose
// page is cached. In order: the request guard, the micro-cache, /api/search (answered here from
// the search threads: through Next.js's route each search cost the renderer about as much CPU as
// the search itself), the not-found gate, then the renderer (Next.js, scripts/serve.ts) over
// loopback, whose pages and feeds the front reads whole to add their policy, keep a copy, or put
// the site's error page in their place.

export interface FrontOptions {
  backend: Backend;
  /** MICROCACHE_TTL_MS; 0 sends every request to the renderer. */
  microCacheTtlMs: number;
  microCacheMaxBytes: number;
  /** A preview server: nothing it sends may be indexed. */
  preview: boolean;
  /** Told after each refresh the renderer accepted. */
  onRefresh?: () => void;
  /** Answers /api/search here (lib/search/api.ts), when searches run on threads of their own. */
  searchApi?: (query: URLSearchParams) => Promise<SearchApiAnswer>;
}

/** How long a page past its micro-cache TTL is still sent while one request fetches it again. */
const STALE_MS = 30_000;
const REFRESH_PATH = "/api/revalidate";
const SEARCH_API_PATH = "/api/search";

const contentType = (headers: OutgoingHttpHeaders) => String(headers["content-type"] ?? "");
const isHtml = (headers: OutgoingHttpHeaders) => contentType(headers).startsWith("text/html");
const isText = (headers: OutgoingHttpHeaders) =>
  /^(text\/|application\/(rss\+|atom\+)?xml|application\/json)/.test(contentType(headers));

export function createFront({
  backend,
  microCacheTtlMs,
  microCacheMaxBytes,
  preview,
  onRefresh,
  searchApi,
}: FrontOptions) {
  const origin = `http://${backend.host}:${backend.port}`;
  const cache = new MicroCache({ ttlMs: microCacheTtlMs, maxBytes: microCacheMaxBytes, staleMs: STALE_MS });
  const errorPage = lastGoodErrorPage(origin);
  const gate = new NotFoundGate(loadKnownKeys, () => notFoundPage(origin));
  // A preview shows drafts: no search engine may keep any of it, page, feed or image.
  const always: Record<string, string> = preview
    ? { ...SECURITY_HEADERS, "x-robots-tag": "noindex, nofollow" }
    : SECURITY_HEADERS;
  const refreshing = new Set<string>();

  /** What goes out in place of a held response: its headers completed, or the error page; a copy kept. */
  const finish = async (req: IncomingMessage, key: string | null, r: Captured): Promise<Captured> => {
    if (r.status >= 500 && isPageLoad(req)) {
      if (key) cache.delete(key);
      return errorPage.page(req.url ?? "/");
    }
    const headers = { ...always, ...r.headers };
    if (isHtml(headers)) headers["content-security-policy"] = pagePolicy(r.headers, r.body);
    const out = { ...r, headers };
    if (key && isShareable(out.status, out.headers)) cache.set(key, out);
    else if (key) cache.delete(key);
    return out;
  };

  /** Hands the request to the renderer and sends its answer, whole or streamed. */
  const pass = async (req: IncomingMessage, res: ServerResponse, key: string | null) => {
    const head = req.method === "HEAD";
    const body = req.method === "POST" ? await readWhole(req, BODY_LIMITS[REFRESH_PATH]) : undefined;
    const upstream = await forward(
      backend,
      { method: head ? "GET" : req.method!, path: req.url!, headers: req.headers },
      body,
    );
    // An ingest's refresh reaches Next's cache through this route; the copies here must go too.
    if (req.url === REFRESH_PATH && upstream.statusCode === 200) afterRefresh(body);
    const status = upstream.statusCode ?? 502;
    const headers = endToEnd(upstream.headers) as OutgoingHttpHeaders;
    res.on("close", () => upstream.destroy());
    if (isHtml(headers) || (key !== null && isText(headers)) || (status >= 500 && isPageLoad(req))) {
      const out = await finish(req, key, { status, headers, body: await readWhole(upstream) });
      res.writeHead(out.status, { ...out.headers, "content-length": out.body.length });
      return void res.end(head ? undefined : out.body);
    }
    res.writeHead(status, headers);
    if (head) return void (upstream.destroy(), res.end());
    upstream.pipe(res);
  };

  /** Fetches a stale page again for the next readers; whoever asked already has the stale copy. */
  const refresh = (req: IncomingMessage, key: string) => {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    forward(backend, { method: "GET", path: req.url!, headers: req.headers })
      .then(async (upstream) => {
        const r = {
          status: upstream.statusCode ?? 502,
          headers: endToEnd(upstream.headers),
          body: await readWhole(upstream),
        };
        await finish(req, key, r);
      })
      .catch(() => cache.delete(key))
      .finally(() => refreshing.delete(key));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const refused = refusal(req.method, req.url, req.headers);
    normalizeEncoding(req);
    const key = !refused && cache.enabled ? cacheKey(req) : null;
    // A kept copy carries the headers below already, as they were when it was kept.
    const served = key ? cache.serve(req, res, key) : null;
    if (served === "stale") refresh(req, key!);
    if (served) return;
    for (const [name, value] of Object.entries(always)) res.setHeader(name, value);
    if (refused) return refuse(res, refused);
    // The guard let only GET and HEAD through to this path.
    if (searchApi && (req.url === SEARCH_API_PATH || req.url!.startsWith(`${SEARCH_API_PATH}?`)))
      return void answerSearch(req, res, searchApi);
    // Next.js answers a malformed percent-encoding (/tags/%zz) with a bare 500; send it to the 404 page instead.
    const segments = pathSegments(req.url!);
    if (!segments) req.url = "/__malformed-url";
    // After the cache: an answer there is a page that exists, and a made-up address is never cached.
    const missing = segments && gate.answer(segments);
    if (missing) return answerNotFound(req, res, missing);
    pass(req, res, key).catch((error: unknown) => failed(req, res, error));
  };

  /** Drops the copies of the pages a refresh names (all of them without a list), and reloads the gate's keys. */
  const afterRefresh = (body: Buffer | undefined) => {
    const text = body?.toString("utf8") ?? "";
    // The renderer accepted it, so it parses.
    const parsed = refreshRequestSchema.safeParse(text ? (JSON.parse(text) as unknown) : { all: true });
    if (parsed.success && "paths" in parsed.data) for (const path of parsed.data.paths) cache.deletePath(path);
    else cache.clear();
    void gate.reload().catch((e: unknown) => console.error("could not reload the known addresses:", e));
    onRefresh?.();
  };

  /** The renderer could not be reached, or its answer broke off. */
  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    if (error instanceof BodyTooLarge)
      return refuse(res, {
        status: 413,
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: "Content Too Large\n",
      });
    // A reader who hung up is no fault of the renderer's, and one line each would let anyone fill the log.
    if (res.destroyed) return;
    console.error("the renderer did not answer:", error instanceof Error ? error.message : error);
    if (res.headersSent) return void res.destroy();
    if (!isPageLoad(req)) {
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      return void res.end("服务器出错了，请稍后再试。");
    }
    void errorPage.page(req.url ?? "/").then((out) => {
      res.writeHead(out.status, { ...out.headers, "content-length": out.body.length });
      res.end(out.body);
    });
  };

  return {
    handle,
    cache,
    /** Loads what the gate and the error page need, once the renderer answers. */
    ready: async () => {
      await errorPage.warm();
      await gate.reload().catch((e: unknown) => console.error("could not load the known addresses:", e));
    },
  };
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

/** /api/search from the search threads. A full queue is the load it sheds (503), not a fault to log. */
async function answerSearch(
  req: IncomingMessage,
  res: ServerResponse,
  searchApi: (query: URLSearchParams) => Promise<SearchApiAnswer>,
) {
  const query = new URLSearchParams(req.url!.slice(SEARCH_API_PATH.length + 1));
  const answer = await searchApi(query).catch((e: unknown): SearchApiAnswer => {
    const full = e instanceof Error && /queue is at limit/i.test(e.message);
    if (!full) console.error("a search failed:", e instanceof Error ? e.message : e);
    return {
      status: full ? 503 : 500,
      headers: {
        "content-type": "application/json",
        "cache-control": "no-store",
        ...(full ? { "retry-after": "1" } : {}),
      },
      body: JSON.stringify({ error: full ? "搜索的人太多，请稍后再试。" : "搜索暂时无法完成，请稍后再试。" }),
    };
  });
  if (res.destroyed) return;
  const body = Buffer.from(answer.body);
  res.writeHead(answer.status, { ...answer.headers, "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Sends a refusal and closes the connection, so a request body nobody reads is never read. */
function refuse(res: ServerResponse, refused: Refusal) {
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
    const policy = pagePolicy({}, body);
    return {
      status: 500,
      headers: { ...headers, "content-type": "text/html; charset=utf-8", "content-security-policy": policy },
      body,
    };
  };
  return { page, warm: () => fetchPage().catch(() => null) };
}
