import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";

// A micro-cache in the front (./front.ts): the last full response of each page, fresh for a second
// or two, then replayed stale while one request fetches it again, as nginx's proxy_cache_use_stale
// updating does. Next's ISR cache stays the source of truth (it renders, and a hit there costs no
// database query); this keeps hot pages off the renderer's thread. Its entries are bounded in bytes
// (lru-cache drops the least recently used).

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
  /** The headers as sent on a hit, flat (name, value, …): built once, not per request. */
  head: string[];
}

export interface MicroCacheOptions {
  /** How long a response is reused as fresh; 0 turns the cache off. */
  ttlMs: number;
  /** How long after that it may still be sent while a fresh copy is fetched. */
  staleMs?: number;
  /** Bound on memory, in bytes of bodies and headers: the least recently used entries go first. */
  maxBytes: number;
}

/** The encodings the server sends: Next gzips (it would also deflate; requests are narrowed to these two). */
export type ContentEncoding = "gzip" | "identity";

/** Decisions for the Accept-Encoding values seen: browsers send a handful, each on every request. */
const decided = new Map<string, ContentEncoding>();
const DECIDED_MAX = 256;

/** What the server will send a client that says `accept-encoding`: gzip when acceptable (q > 0), else identity. */
export function negotiatedEncoding(acceptEncoding: string | string[] | undefined): ContentEncoding {
  // What normalizeEncoding leaves: already decided.
  if (acceptEncoding === "gzip") return "gzip";
  if (acceptEncoding === undefined) return "identity";
  const value = [acceptEncoding].flat().join(", ");
  let encoding = decided.get(value);
  if (encoding === undefined) {
    const headers: IncomingHttpHeaders = { "accept-encoding": value };
    encoding = new Negotiator({ headers }).encoding(["gzip", "identity"]) === "gzip" ? "gzip" : "identity";
    // Made-up values are decided each time rather than kept: the memory stays bounded.
    if (decided.size < DECIDED_MAX && value.length <= 200) decided.set(value, encoding);
  }
  return encoding;
}

/** Pages that read their query string; every other page is the same whatever it says. */
const QUERY_PAGES = new Set(["/search"]);

/**
 * The key a request is cached under, or null when its response must not be shared. It holds what
 * changes a response and nothing else: the content encoding the server will send (normalizeEncoding
 * makes it so) and the path; not the query string, which no cached page reads. A HEAD shares its
 * GET's entry (the front asks the renderer for a GET and sends only the headers).
 */
export function cacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (path.startsWith("/_next/") || path.startsWith("/api/") || QUERY_PAGES.has(path) || url.includes("_rsc="))
    return null;
  if (VARYING_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return `GET ${negotiatedEncoding(req.headers["accept-encoding"])} ${path}`;
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
const weigh = (entry: CachedResponse) => entry.body.length + 2 * JSON.stringify(entry.headers).length + 64;

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
    const found = this.lookup(key, now);
    return found?.fresh ? found.entry : undefined;
  }

  /** A fresh entry, or a stale one within staleMs of expiring (past that it is dropped). */
  lookup(key: string, now = Date.now()): { entry: CachedResponse; fresh: boolean } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > now) return { entry, fresh: true };
    if (entry.expires + (this.options.staleMs ?? 0) > now) return { entry, fresh: false };
    this.entries.delete(key);
    return undefined;
  }

  delete(key: string) {
    this.entries.delete(key);
  }

  /** Drops a page's copies in every encoding. */
  deletePath(path: string) {
    for (const encoding of ["gzip", "identity"] satisfies ContentEncoding[])
      this.entries.delete(`GET ${encoding} ${path}`);
  }

  set(key: string, entry: Omit<CachedResponse, "expires" | "head">, now = Date.now()) {
    if (!this.enabled) return;
    const head = Object.entries(entry.headers).flatMap(([name, value]) =>
      value === undefined || name === "content-length" ? [] : [value].flat().flatMap((v) => [name, String(v)]),
    );
    head.push("content-length", String(entry.body.length), "x-micro-cache", "HIT");
    // One larger than the whole bound is not kept at all (lru-cache refuses it).
    this.entries.set(key, { ...entry, head, expires: now + this.options.ttlMs });
  }

  clear() {
    this.entries.clear();
  }

  /** Answers from the cache when it can: "fresh", "stale" (fetch it again), or null when the request must go on. */
  serve(req: IncomingMessage, res: ServerResponse, key: string): "fresh" | "stale" | null {
    const found = this.lookup(key);
    if (!found) return null;
    // Headers given whole to writeHead, none set before: Node writes them without merging.
    res.writeHead(found.entry.status, found.entry.head);
    res.end(req.method === "HEAD" ? undefined : found.entry.body);
    return found.fresh ? "fresh" : "stale";
  }
}
