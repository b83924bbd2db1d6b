import { describe, expect, it } from "vitest";
import { cacheKey, isShareable, MicroCache } from "@/lib/server/micro-cache";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("micro-cache", () => {
  it("shares plain page requests only", () => {
    expect(cacheKey(req("/tags/%E4%B9%A1"))).toBe("GET identity /tags/%E4%B9%A1");
    expect(cacheKey(req("/tags/%E4%B9%A1", { "accept-encoding": "gzip, deflate, br" }))).toBe(
      "GET gzip /tags/%E4%B9%A1",
    );
    expect(cacheKey(req("/", {}, "POST"))).toBeNull();
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
    const cache = new MicroCache({ ttlMs: 1000, maxEntries: 2 });
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

  it("is off with a TTL of 0", () => {
    const cache = new MicroCache({ ttlMs: 0, maxEntries: 10 });
    cache.set("a", { status: 200, headers: {}, body: Buffer.from("x") });
    expect(cache.get("a")).toBeUndefined();
  });
});
