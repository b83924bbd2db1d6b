import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

// A micro-cache in front of Next.js: the last full response of each page, kept
// for a second or two. Next's ISR cache stays the source of truth (it renders,
// and a hit there costs no database query); this only saves Next's per-request
// routing work when a page is hot, the way an nginx micro-cache would.

/** Request headers that make Next answer with something other than the page's HTML (client navigations, prefetches). */
const VARYING_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

export interface CachedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  expires: number;
}

export interface MicroCacheOptions {
  /** How long a response is reused; 0 turns the cache off. */
  ttlMs: number;
  /** Bound on memory: the oldest entries go first. */
  maxEntries: number;
}

/** The key a request is cached under, or null when its response must not be shared. */
export function cacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (url.startsWith("/_next/") || url.startsWith("/api/") || url.includes("_rsc=")) return null;
  if (VARYING_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  // Next gzips for clients that accept it, so the two encodings are kept apart.
  const encoding = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) ? "gzip" : "identity";
  return `${req.method} ${encoding} ${url}`;
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

export class MicroCache {
  private entries = new Map<string, CachedResponse>();

  constructor(private readonly options: MicroCacheOptions) {}

  get enabled() {
    return this.options.ttlMs > 0;
  }

  get size() {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expires > now) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(key: string, entry: Omit<CachedResponse, "expires">, now = Date.now()) {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, expires: now + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
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

  /** Records the response Next writes for `key`, if it turns out to be shareable. */
  record(res: ServerResponse, key: string) {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string | Uint8Array as string,
              typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
            ),
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      const headers = Object.fromEntries(
        Object.entries(res.getHeaders()).filter(([k]) => !HOP_BY_HOP.has(k) && k !== "content-length"),
      );
      if (key.startsWith("GET ") && isShareable(res.statusCode, headers))
        this.set(key, { status: res.statusCode, headers, body: Buffer.concat(chunks) });
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
  }
}
