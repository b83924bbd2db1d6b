import { describe, expect, it } from "vitest";
import type { KnownKeys } from "@/lib/db/known-keys";
import { lookUpPath, pathSegments } from "@/lib/server/not-found-gate";
import { allowedMethods, refusal } from "@/lib/server/request-guard";
import { contentSecurityPolicy, inlineScriptHashes } from "@/lib/server/security-headers";

describe("request guard", () => {
  it("lets pages, feeds and the search API take GET and HEAD, and the refresh POST", () => {
    expect(refusal("GET", "/articles/x", {})).toBeNull();
    expect(refusal("HEAD", "/tags/%E4%B9%A1/feed.xml", {})).toBeNull();
    expect(refusal("GET", "/api/search?q=x", {})).toBeNull();
    expect(refusal("POST", "/api/revalidate", { authorization: "Bearer x" })).toBeNull();
  });

  it("answers other methods 405 with Allow", () => {
    for (const method of ["PUT", "DELETE", "PATCH", "POST", "OPTIONS", "TRACE"])
      expect(refusal(method, "/articles/x", {}), method).toMatchObject({
        status: 405,
        headers: { allow: "GET, HEAD" },
      });
    expect(refusal("TRACE", "/api/search", {})).toMatchObject({ status: 405, headers: { allow: "GET, HEAD" } });
    expect(refusal("GET", "/api/revalidate", {})).toMatchObject({ status: 405, headers: { allow: "POST" } });
    expect(allowedMethods("/")).toEqual(["GET", "HEAD"]);
  });

  it("refuses request bodies with 413 and targets that are not a path with 400", () => {
    expect(refusal("POST", "/api/revalidate", { "content-length": "1000000000" })).toMatchObject({ status: 413 });
    // The refresh's list of pages is the one body the site reads, up to its limit.
    expect(refusal("POST", "/api/revalidate", { "content-length": "2000" })).toBeNull();
    expect(refusal("POST", "/api/revalidate", { "content-length": "abc" })).toMatchObject({ status: 413 });
    expect(refusal("POST", "/", { "content-length": "1" })).toMatchObject({ status: 405 });
    expect(refusal("GET", "/", { "transfer-encoding": "chunked" })).toMatchObject({ status: 413 });
    expect(refusal("GET", "/", { "content-length": "0" })).toBeNull();
    for (const target of ["*", "http://evil.example/x", "//evil.example/x", ""])
      expect(refusal("GET", target, {}), target).toMatchObject({ status: 400 });
    expect(refusal("OPTIONS", "*", {})).toMatchObject({ status: 400 });
  });
});

describe("not-found gate", () => {
  const keys: KnownKeys = {
    articles: new Set(["wangge-yanguan-houai", "old-slug"]),
    issues: new Set(["2022-12-20"]),
    issuePages: 2,
    printPages: new Map([["2022-12-20", 3]]),
    listings: {
      section: new Map([["rural", 3]]),
      column: new Map([["fenjin", 1]]),
      tag: new Map([["乡村振兴", 1]]),
      author: new Map([["崔丽娟", 1]]),
    },
    sitemapParts: 2,
  };
  const look = (url: string) => lookUpPath(keys, pathSegments(url)!);

  it("knows the keys that exist, decoded, and their pages", () => {
    for (const url of [
      "/articles/wangge-yanguan-houai",
      "/articles/old-slug",
      "/issues/2022-12-20",
      "/issues/page/2",
      "/sections/rural/page/3",
      "/sections/rural/page/1",
      "/tags/%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4",
      "/tags/%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4/atom.xml",
      "/authors/%E5%B4%94%E4%B8%BD%E5%A8%9F/feed.xml",
      "/sitemaps/2.xml",
      "/issues/2022-12-20/pages/3",
      "/issues/months/2022-12",
      "/issues/months/1940-01",
    ])
      expect(look(url), url).toBe("known");
  });

  it("answers made-up keys and pages past the end as missing", () => {
    for (const url of [
      "/articles/made-up-123",
      "/issues/2099-01-01",
      "/issues/page/3",
      "/issues/page/0",
      "/sections/rural/page/4",
      "/sections/rural/page/abc",
      "/sections/nope",
      "/columns/nope/feed.xml",
      "/tags/%E6%97%A0",
      "/authors/nobody/page/2",
      "/sitemaps/3.xml",
      "/sitemaps/x.xml",
      "/issues/2022-12-20/pages/4",
      "/issues/2022-12-20/pages/0",
      "/issues/2099-01-01/pages/1",
      "/issues/months/2022-13",
      "/issues/months/3000-01",
      "/issues/months/abc",
      "/issues/months",
    ])
      expect(look(url), url).toBe("missing");
  });

  it("leaves every other address to Next", () => {
    for (const url of ["/", "/search?q=x", "/issues", "/sections/rural/extra/deep/path", "/media/2022-12-20/a.jpg"])
      expect(look(url), url).toBe("unknown");
  });
});

describe("Content-Security-Policy", () => {
  it("lists the hash of each inline script and no unsafe-inline for scripts", () => {
    const html = `<script src="/_next/a.js"></script><script>self.__next_f.push([1])</script><script type="application/ld+json">{}</script><script>self.__next_f.push([1])</script>`;
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(2);
    // sha256 of "self.__next_f.push([1])", base64
    expect(hashes[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    const policy = contentSecurityPolicy(hashes);
    expect(policy).toContain(`script-src 'self' ${hashes.join(" ")}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  });
});
