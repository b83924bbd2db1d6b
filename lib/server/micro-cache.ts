import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";

// A micro-cache in front of Next.js: the last full response of each page, kept for a second or
// two. Next's ISR cache stays the source of truth (it renders, and a hit there costs no database
// query); this only saves Next's per-request routing work when a page is hot, the way an nginx
// micro-cache would. Its entries are bounded in bytes (lru-cache drops the least recently used).

/** Request headers that make Next answer with something other than the page's HTML (client navigations, prefetches). */
const VARYING_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];

export interface CachedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  expires: number;
}

export interface MicroCacheOptions {
  /** How long a response is reused; 0 turns the cache off. */
  ttlMs: number;
  /** Bound on memory, in bytes of bodies and headers: the least recently used entries go first. */
  maxBytes: number;
}

/** The encodings the server sends: Next gzips (it would also deflate; requests are narrowed to these two). */
export type ContentEncoding = "gzip" | "identity";

/** What the server will send a client that says `accept-encoding`: gzip when acceptable (q > 0), else identity. */
export function negotiatedEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding {
  // What normalizeEncoding leaves: already decided.
  if (acceptEncoding === "gzip") return "gzip";
  if (acceptEncoding === undefined) return "identity";
  const headers: IncomingHttpHeaders = { "accept-encoding": [acceptEncoding ?? ""].flat().join(", ") };
  return new Negotiator({ headers }).encoding(["gzip", "identity"]) === "gzip" ? "gzip" : "identity";
}

/** Pages that read their query string; every other page is the same whatever it says. */
const QUERY_PAGES = new Set(["/search"]);

/**
 * The key a request is cached under, or null when its response must not be shared. It holds what
 * changes a response and nothing else: the method, the content encoding the server will send
 * (normalizeEncoding makes it so), and the path; not the query string, which no cached page reads.
 */
export function cacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const path = url.split("?")[0]!;
  if (path.startsWith("/_next/") || path.startsWith("/api/") || QUERY_PAGES.has(path) || url.includes("_rsc="))
    return null;
  if (VARYING_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return `${req.method} ${negotiatedEncoding(req.headers["accept-encoding"])} ${path}`;
}

/**
 * Narrows a request's Accept-Encoding to what the key says, before Next sees it: Next's own
 * compression would otherwise answer `deflate`, which no key names.
 */
export function normalizeEncoding(req: Pick<IncomingMessage, "headers">): void {
  if (negotiatedEncoding(req.headers["accept-encoding"]) === "gzip") req.headers["accept-encoding"] = "gzip";
  else delete req.headers["accept-encoding"];
}

/**
 * Only page responses Next itself marks cacheable (ISR: s-maxage) are shared, and
 * not a STALE one: Next is regenerating that page, and the next request gets the fresh copy.
 */
export function isShareable(status: number, headers: OutgoingHttpHeaders): boolean {
  const cacheControl = String(headers["cache-control"] ?? "");
  return (
    status === 200 &&
    /s-maxage=\d+/.test(cacheControl) &&
    headers["x-nextjs-cache"] !== "STALE" &&
    !headers["set-cookie"]
  );
}

/** An entry's weight against maxBytes: its body and, roughly, its headers. */
const weigh = (entry: CachedResponse) => entry.body.length + JSON.stringify(entry.headers).length + 64;

export class MicroCache {
  private entries: LRUCache<string, CachedResponse>;

  constructor(private readonly options: MicroCacheOptions) {
    this.entries = new LRUCache({ maxSize: options.maxBytes, sizeCalculation: weigh });
  }

  get enabled() {
    return this.options.ttlMs > 0;
  }

  get size() {
    return this.entries.size;
  }

  /** Bytes held, as counted against maxBytes. */
  get bytes() {
    return this.entries.calculatedSize;
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(key: string, entry: Omit<CachedResponse, "expires">, now = Date.now()) {
    if (!this.enabled) return;
    // One larger than the whole bound is not kept at all (lru-cache refuses it).
    this.entries.set(key, { ...entry, expires: now + this.options.ttlMs });
  }

  clear() {
    this.entries.clear();
  }

  /** Answers from the cache when it can; returns false when the request must go on to Next. */
  serve(req: IncomingMessage, res: ServerResponse, key: string): boolean {
    const hit = this.get(key);
    if (!hit) return false;
    res.writeHead(hit.status, { ...hit.headers, "content-length": hit.body.length, "x-micro-cache": "HIT" });
    res.end(req.method === "HEAD" ? undefined : hit.body);
    return true;
  }
}
