import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { parseSearchParams } from "@/lib/search/params";
import { registeredSearchRunner } from "@/lib/search/runner";
import { searchArticles, searchHere } from "@/lib/search/search";
import { startSearchThreads } from "@/lib/search/threads";

// The production server runs searches in worker threads (scripts/serve.ts): the same answers as
// a search in the calling thread, each run by a thread.

const QUERIES = ["q=乳胶", "q=网格 管理", "q=水泥&section=industry", "q=左权&page=2", "q=", "author=石勇", "q=x"];
const params = (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.params;
};

let threads: ReturnType<typeof startSearchThreads>;
beforeAll(async () => {
  await ingestContent(db, await loadContent("content"));
  threads = startSearchThreads(2);
});
afterAll(() => threads.close());

describe("search threads", () => {
  it("answer every search as the calling thread would, and run it themselves", async () => {
    expect(registeredSearchRunner()).toBeDefined();
    const before = threads.completed();
    for (const q of QUERIES) expect(await searchArticles(params(q))).toEqual(await searchHere(params(q)));
    expect(threads.completed() - before).toBe(QUERIES.length);
  });

  it("stop taking searches once closed: they run in the calling thread again", async () => {
    await threads.close();
    expect(registeredSearchRunner()).toBeUndefined();
    expect((await searchArticles(params("q=乳胶"))).total).toBe(2);
    threads = startSearchThreads(1);
  });

  it("finish the searches under way and queued when closed, instead of failing them", async () => {
    const running = Array.from({ length: 8 }, (_, i) => searchArticles(params(QUERIES[i % QUERIES.length]!)));
    await threads.close();
    const answers = await Promise.allSettled(running);
    expect(answers.map((a) => a.status)).toEqual(running.map(() => "fulfilled"));
    threads = startSearchThreads(1);
  });

  it("serve searches in the order they came, so that none waits behind later ones", async () => {
    // One search at a time, so that the order they finish in is the order they were handed out.
    await threads.close();
    threads = startSearchThreads(1, { perThread: 1 });
    const finished: number[] = [];
    const queries = Array.from({ length: 12 }, (_, i) => QUERIES[i % QUERIES.length]!);
    await Promise.all(queries.map((q, i) => searchArticles(params(q)).then(() => finished.push(i))));
    expect(finished).toEqual(queries.map((_, i) => i));
  });
});
