import { readdirSync, statSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The production server (scripts/serve.ts) against what an attacker sends: made-up addresses,
// odd encodings and query strings, other methods, bodies and request targets.

/** Files and bytes under a folder, recursively. */
function usage(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * A folder's usage once it has stopped changing for a second: pages earlier tests visited may
 * still be re-rendering in the background, and their writes are not the requests under test.
 */
async function settledUsage(dir: string): Promise<{ files: number; bytes: number }> {
  let last = usage(dir);
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = usage(dir);
    if (now.files === last.files && now.bytes === last.bytes) return now;
    last = now;
  }
  throw new Error(`${dir} kept changing for 30 s`);
}

/** Sends a raw request (any request line) and returns the status line and headers. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let text = "";
    socket.on("data", (d: Buffer) => {
      text += d.toString("latin1");
      if (text.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(text.slice(0, text.indexOf("\r\n\r\n")));
      }
    });
    socket.on("error", reject);
    socket.setTimeout(10_000, () => reject(new Error(`no answer to ${request.split("\r\n")[0]}`)));
  });
}

test("made-up addresses answer 404 at once and write nothing to disk", async ({ request }) => {
  // The first of each kind may warm something up; what follows must add nothing.
  await request.get("/articles/warm-up-slug");
  const before = await settledUsage(".next-e2e");
  const made = Array.from({ length: 40 }, (_, i) => [
    `/articles/made-up-${i}`,
    `/tags/${encodeURIComponent(`虚构标签${i}`)}`,
    `/authors/nobody-${i}/page/2`,
    `/sections/industry/page/${900 + i}`,
    `/columns/none-${i}/feed.xml`,
    `/issues/1999-01-${String((i % 28) + 1).padStart(2, "0")}`,
    `/sitemaps/${800 + i}.xml`,
  ]).flat();
  for (const url of made) expect((await request.get(url)).status(), url).toBe(404);
  const page = await request.get("/articles/made-up-0", { headers: { accept: "text/html" } });
  expect(await page.text()).toContain("找不到这个页面");
  expect(usage(".next-e2e")).toEqual(before);
});

test("a cached page never answers in an encoding the request did not accept", async ({ request }) => {
  for (const url of ["/", "/issues", "/feed.xml"]) {
    for (let i = 0; i < 10; i++) {
      const deflate = await request.get(url, { headers: { "accept-encoding": "deflate" } });
      expect(deflate.headers()["content-encoding"], url).toBeUndefined();
      const plain = await request.get(url, { headers: { "accept-encoding": "identity" } });
      expect(plain.headers()["content-encoding"], url).toBeUndefined();
      const gzip = await request.get(url, { headers: { "accept-encoding": "gzip" } });
      expect(["gzip", undefined], url).toContain(gzip.headers()["content-encoding"]);
    }
  }
});

test("a unique query string is the same cached page", async ({ request }) => {
  await request.get("/issues");
  const hit = await request.get(`/issues?x=${Date.now()}`);
  expect(hit.status()).toBe(200);
  expect(hit.headers()["x-micro-cache"]).toBe("HIT");
});

test("pages answer GET and HEAD only; bodies and odd request targets are refused early", async ({
  request,
  baseURL,
}) => {
  for (const method of ["PUT", "DELETE", "PATCH", "POST"]) {
    const res = await request.fetch("/articles/wangge-yanguan-houai", {
      method,
      data: method === "POST" ? "x" : undefined,
    });
    expect(res.status(), method).toBe(405);
    expect(res.headers()["allow"]).toBe("GET, HEAD");
  }
  expect((await request.fetch("/api/search?q=x", { method: "TRACE" })).status()).toBe(405);
  expect((await request.head("/articles/wangge-yanguan-houai")).status()).toBe(200);
  const port = Number(new URL(baseURL!).port);
  expect(await raw(port, "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
  expect(await raw(port, "GET * HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
  const absolute = await raw(port, "GET http://evil.example/x HTTP/1.1\r\nHost: evil.example\r\n\r\n");
  expect(absolute).toMatch(/^HTTP\/1\.1 400/);
  expect(absolute).not.toMatch(/location:.*evil/i);
  // A large body is refused before it is read: the answer comes while the body is still being sent.
  const big = await raw(port, "POST /api/revalidate HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n");
  expect(big).toMatch(/^HTTP\/1\.1 413/);
});

test("every response carries the security headers; pages a hashed script policy that keeps them working", async ({
  page,
  request,
}) => {
  for (const url of [
    "/",
    "/articles/wangge-yanguan-houai",
    "/feed.xml",
    "/api/search?q=%E7%BD%91%E6%A0%BC",
    "/robots.txt",
  ]) {
    const headers = (await request.get(url)).headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
  }
  expect((await request.get("/api/search?q=%E7%BD%91%E6%A0%BC")).headers()["cache-control"]).toBe("public, max-age=60");
  const policy = (await request.get("/")).headers()["content-security-policy"]!;
  const scripts = policy.split("; ").find((d) => d.startsWith("script-src "))!;
  expect(scripts).toMatch(/^script-src 'self'( 'sha256-[^']+')+$/);
  expect(policy).toContain("frame-ancestors 'none'");

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.goto("/");
  await page.getByRole("button", { name: "大" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "l");
  // Next's client-side navigation runs too.
  await page.getByRole("link", { name: "往期" }).first().click();
  await expect(page).toHaveURL(/\/issues$/);
  expect(violations).toEqual([]);
});
