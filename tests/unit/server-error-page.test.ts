import { describe, expect, it } from "vitest";
import { errorPageFor, RETRY_HREF } from "@/lib/server/server-error-page";

describe("the server's error page", () => {
  const html = `<html><head><link rel="preload" as="script" href="/_next/a.js"><script src="/_next/b.js" async=""></script></head><body><main><h1>页面暂时无法显示</h1><a href="${RETRY_HREF}">重试</a></main><script>self.__next_f.push([1,"x"])</script></body></html>`;

  it("goes without scripts and retries the address the reader asked for", () => {
    const page = errorPageFor(html, '/tags/乡村振兴?q="x"&page=2');
    expect(page).not.toMatch(/<script|as="script"/);
    expect(page).toContain('<a href="/tags/乡村振兴?q=&quot;x&quot;&amp;page=2">重试</a>');
    expect(page).toContain("<h1>页面暂时无法显示</h1>");
  });
});
