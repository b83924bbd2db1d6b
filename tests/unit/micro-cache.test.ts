import { describe, expect, it } from "vitest";
import { cacheKey, isShareable, MicroCache, negotiatedEncoding, normalizeEncoding } from "@/lib/server/micro-cache";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("micro-cache", () => {
  it("shares plain page requests only", () => {
    expect(cacheKey(req("/tags/%E4%B9%A1"))).toBe("GET identity /tags/%E4%B9%A1");
    expect(cacheKey(req("/tags/%E4%B9%A1", { "accept-encoding": "gzip, deflate, br" }))).toBe(
      "GET gzip /tags/%E4%B9%A1",
    );
    expect(cacheKey(req("/", {}, "POST"))).toBeNull();
    // A HEAD is answered from its GET's entry.
    expect(cacheKey(req("/issues", {}, "HEAD"))).toBe("GET identity /issues");
    expect(cacheKey(req("/", { rsc: "1" }))).toBeNull();
    expect(cacheKey(req("/?_rsc=abc"))).toBeNull();
    expect(cacheKey(req("/_next/static/chunk.js"))).toBeNull();
    expect(cacheKey(req("/api/revalidate"))).toBeNull();
  });

  it("keeps only responses Next marks cacheable and fresh", () => {
    const isr = { "cache-control": "s-maxage=60, stale-while-revalidate=31535940", "x-nextjs-cache": "HIT" };
    expect(isShareable(200, isr)).toBe(true);
    expect(isShareable(404, isr)).toBe(false);
    expect(isShareable(200, { ...isr, "x-nextjs-cache": "STALE" })).toBe(false);
    expect(isShareable(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toBe(
      false,
    );
  });

  it("expires entries after the TTL and drops the oldest beyond its bound", () => {
    // Each entry weighs 69 bytes (1 of body, 2 × 2 of headers kept as given and flat, 64 for the rest): two fit in 140.
    const cache = new MicroCache({ ttlMs: 1000, maxBytes: 140 });
    const entry = { status: 200, headers: {}, body: Buffer.from("x") };
    cache.set("a", entry, 0);
    expect(cache.get("a", 999)).toBeDefined();
    expect(cache.get("a", 1000)).toBeUndefined();
    cache.set("a", entry, 0);
    cache.set("b", entry, 0);
    cache.set("c", entry, 0);
    expect(cache.get("a", 1)).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("replays an expired entry as stale for staleMs, then drops it", () => {
    const cache = new MicroCache({ ttlMs: 1000, maxBytes: 10_000, staleMs: 5000 });
    cache.set("a", { status: 200, headers: { "content-type": "text/html" }, body: Buffer.from("x") }, 0);
    expect(cache.lookup("a", 999)?.fresh).toBe(true);
    expect(cache.lookup("a", 1000)?.fresh).toBe(false);
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.lookup("a", 5999)?.fresh).toBe(false);
    expect(cache.lookup("a", 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("sends a kept response's headers as kept, with its length once", () => {
    const cache = new MicroCache({ ttlMs: 1000, maxBytes: 10_000 });
    cache.set(
      "a",
      { status: 200, headers: { "content-type": "text/html", "content-length": "99" }, body: Buffer.from("xy") },
      0,
    );
    const head = cache.lookup("a", 1)!.entry.head;
    expect(head.filter((h) => h === "content-length")).toHaveLength(1);
    expect(head[head.indexOf("content-length") + 1]).toBe("2");
    expect(head).toContain("x-micro-cache");
  });

  it("is off with a TTL of 0", () => {
    const cache = new MicroCache({ ttlMs: 0, maxBytes: 10_000 });
    cache.set("a", { status: 200, headers: {}, body: Buffer.from("x") });
    expect(cache.get("a")).toBeUndefined();
  });

  it("keys only what changes a response: the path, and the encoding the server will send", () => {
    // Pages read no query string (search's is never cached), so a unique one is the same entry.
    expect(cacheKey(req("/issues?x=1"))).toBe("GET identity /issues");
    expect(cacheKey(req("/issues?x=1&y=%E4"))).toBe(cacheKey(req("/issues")));
    expect(cacheKey(req("/search?q=%E5%B7%A6%E6%9D%83"))).toBeNull();
    // deflate alone gets identity, so it can never be stored under the identity key in another encoding.
    expect(cacheKey(req("/issues", { "accept-encoding": "deflate" }))).toBe("GET identity /issues");
    expect(cacheKey(req("/issues", { "accept-encoding": "gzip;q=0, deflate" }))).toBe("GET identity /issues");
    expect(cacheKey(req("/issues", { "accept-encoding": "br;q=1, gzip;q=0.5" }))).toBe("GET gzip /issues");
    expect(cacheKey(req("/issues", { "accept-encoding": "*" }))).toBe("GET gzip /issues");
    expect(negotiatedEncoding(undefined)).toBe("identity");
  });

  it("narrows a request's Accept-Encoding to what its key says before Next sees it", () => {
    const deflate = { headers: { "accept-encoding": "deflate" } as Record<string, string> };
    normalizeEncoding(deflate);
    expect(deflate.headers["accept-encoding"]).toBeUndefined();
    const browser = { headers: { "accept-encoding": "gzip, deflate, br, zstd" } as Record<string, string> };
    normalizeEncoding(browser);
    expect(browser.headers["accept-encoding"]).toBe("gzip");
  });

  it("is bounded in bytes, not entries", () => {
    const cache = new MicroCache({ ttlMs: 1000, maxBytes: 100_000 });
    const body = Buffer.alloc(30_000);
    for (const key of ["a", "b", "c", "d", "e"]) cache.set(key, { status: 200, headers: {}, body }, 0);
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBeLessThanOrEqual(100_000);
    // A response larger than the whole bound is not kept.
    cache.set("huge", { status: 200, headers: {}, body: Buffer.alloc(200_000) }, 0);
    expect(cache.get("huge", 1)).toBeUndefined();
  });
});
