import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { searchApiAnswer } from "@/lib/search/api";
import { parseSearchParams } from "@/lib/search/params";
import { registerSearchRunner, registeredSearchRunner } from "@/lib/search/runner";
import { searchArticles, searchHere } from "@/lib/search/search";
import { relaySearches, startSearchThreads } from "@/lib/search/threads";
import { frontBefore, listening, portOf as port } from "../helpers/front-server";

// The production server's front answers /api/search from the search threads, without the renderer
// (lib/server/front.ts), and the renderer's own searches reach those threads over a port
// (relaySearches). Real sockets, a real database and real threads; the renderer here only counts.

let renderer: Server;
let front: Server;
let rendererRequests = 0;
let threads: ReturnType<typeof startSearchThreads>;
const url = (path: string) => `http://127.0.0.1:${port(front)}${path}`;

beforeAll(async () => {
  await ingestContent(db, await loadContent("content"));
  threads = startSearchThreads(1);
  renderer = await listening((_req, res) => {
    rendererRequests++;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("the renderer");
  });
  front = await frontBefore(renderer, { searchApi: searchApiAnswer });
  // Many connections at once below: keep-alive would hold them open past the test.
  front.keepAliveTimeout = 1;
});
afterAll(async () => {
  front.close();
  renderer.close();
  await threads.close();
});

describe("the front's /api/search", () => {
  it("answers from the search threads, with the site's headers, never asking the renderer", async () => {
    const done = threads.completed();
    const res = await fetch(url(`/api/search?q=${encodeURIComponent("乳胶")}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = (await res.json()) as { total: number; results: { slug: string }[] };
    expect(body.total).toBe(2);
    expect(body.results.map((r) => r.slug)).toContain("rujiao-chanyeyuan-touchan");
    expect(threads.completed() - done).toBe(1);

    const head = await fetch(url(`/api/search?q=${encodeURIComponent("乳胶")}`), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const bad = await fetch(url("/api/search?page=0"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^page /);
    expect(rendererRequests).toBe(0);
    // Other paths under /api/ still go to the renderer.
    expect(await (await fetch(url("/api/searches"))).text()).toBe("the renderer");
  });

  it("sheds searches past the threads' queue with 503 and Retry-After, and logs none of them", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // One thread queues 64 searches; a thousand sent at once overflow it.
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        fetch(url(`/api/search?q=${encodeURIComponent(i % 2 ? "网格 管理" : "左权")}`)).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get("retry-after"),
          body: await r.text(),
        })),
      ),
    );
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].sort()).toEqual([200, 503]);
    const shed = answers.find((a) => a.status === 503)!;
    expect(shed.retryAfter).toBe("1");
    expect(JSON.parse(shed.body)).toEqual({ error: "搜索的人太多，请稍后再试。" });
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe("searches relayed over a port", () => {
  it("are answered by the other side's search threads, as the calling thread would answer them", async () => {
    const params = (q: string) => {
      const parsed = parseSearchParams(new URLSearchParams(q));
      if (!parsed.ok) throw new Error("bad query");
      return parsed.params;
    };
    const own = registeredSearchRunner();
    // This thread plays the renderer: its searches now go over the port.
    relaySearches(threads.relayPort());
    try {
      const done = threads.completed();
      const queries = ["q=乳胶", "q=网格 管理", "q=水泥&section=industry", "author=石勇", "q="];
      for (const q of queries) expect(await searchArticles(params(q))).toEqual(await searchHere(params(q)));
      expect(threads.completed() - done).toBe(queries.length);
    } finally {
      registerSearchRunner(own);
    }
  });
});
