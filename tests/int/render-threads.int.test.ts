import { describe, expect, it, onTestFinished } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { chunks } from "@/lib/ingest/bulk";
import { renderedBatches, startRenderThreads, THREADS_FROM } from "@/lib/ingest/render-threads";
import { renderStory } from "@/lib/ingest/render-worker";
import { syntheticContent } from "../helpers/synthetic-content";

// An archive's ingest renders its articles (and tokenizes them for the index) on threads, and on
// the writing thread while it would wait: what it writes must be what one thread alone would
// make, batch by batch, in order.

const articles = parseContent(syntheticContent({ articles: 120, perIssue: 6, paragraphs: 3 })).articles;
const batches = chunks(articles, 10);

describe("rendering an ingest's articles", () => {
  it("on a thread gives each batch, in order, as rendering it here would", async () => {
    const seen: string[][] = [];
    const threads = startRenderThreads(1);
    onTestFinished(() => threads.close());
    for await (const [batch, rendered] of renderedBatches(batches, threads)) {
      seen.push(batch.map((s) => s.slug));
      expect(rendered).toEqual(batch.map((s) => renderStory(s.body)));
    }
    expect(seen).toEqual(batches.map((b) => b.map((s) => s.slug)));
  });

  it("lets the writer's failure through when it stops half way", async () => {
    let written = 0;
    const threads = startRenderThreads(1);
    onTestFinished(() => threads.close());
    await expect(
      (async () => {
        for await (const [batch] of renderedBatches(batches, threads)) {
          written += batch.length;
          if (written >= 30) throw new Error("the database refused the write");
        }
      })(),
    ).rejects.toThrow("refused");
    expect(written).toBe(30);
  });

  it("starts threads of its own for an archive's worth of stories, when none were started", async () => {
    const archive = parseContent(syntheticContent({ articles: THREADS_FROM, perIssue: 10, paragraphs: 1 })).articles;
    let count = 0;
    for await (const [batch, rendered] of renderedBatches(chunks(archive))) {
      expect(rendered).toEqual(batch.map((s) => renderStory(s.body)));
      count += batch.length;
    }
    expect(count).toBe(THREADS_FROM);
  });
});
