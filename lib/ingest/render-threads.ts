import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { ArticleSource } from "../content/parse";
import { renderStory, type RenderedStory } from "./render-worker";

// Rendering Markdown (and tokenizing the text for the index) was half of an archive's ingest, on
// the thread that writes to the database. Threads render the next batches while it writes this
// one, and the writing thread renders too whenever it would otherwise wait.

/** Below this many changed articles, a thread's start (about 0.8 s) costs more than it saves. */
export const THREADS_FROM = 1000;

/** Batches rendered or being rendered ahead of the one being written: bounds the memory they hold. */
const WINDOW = 6;

/**
 * Batches handed to each thread at once. Piscina hands a thread its next task from this thread's
 * event loop, which the writing keeps busy: a thread given one task at a time sat idle between
 * them, and with two it was still idle a third of the time.
 */
const PER_THREAD = 3;

/** Rendering threads, started before the batches are known (startRenderThreads). */
export interface RenderThreads {
  pool: Piscina<string[], RenderedStory[]>;
  threads: number;
  close(): Promise<void>;
}

/**
 * Starts one rendering thread per core beside this one's. A thread takes about 0.8 s to load its
 * code: started while the content is read (on this thread alone), it is ready by the time the
 * ingest writes. The caller closes it.
 */
export function startRenderThreads(threads = Math.max(1, availableParallelism() - 1)): RenderThreads {
  const pool = new Piscina<string[], RenderedStory[]>({
    filename: fileURLToPath(new URL("./render-worker.ts", import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // A thread runs the PER_THREAD tasks it holds in turn.
    concurrentTasksPerWorker: PER_THREAD,
    // The entry is TypeScript, as the ingest is: tsx loads it in each thread.
    execArgv: ["--import", "tsx"],
    // A batch's work is a few MB; uncapped, the thread's heap grew with garbage (the ingest's peak
    // RSS went 562–593 MB with the cap against 600–609 without, 10,000 articles).
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  return { pool, threads, close: () => pool.destroy() };
}

/**
 * Each batch with its articles rendered, in order. Rendering threads (`started`, or for
 * THREADS_FROM articles or more its own, one per core beside this one's) take batches from the
 * front of a window; this thread renders from its back while the batch it needs is not ready.
 */
export async function* renderedBatches(
  batches: ArticleSource[][],
  started?: RenderThreads,
): AsyncGenerator<[ArticleSource[], RenderedStory[]]> {
  const own = started ? null : ownThreads(batches);
  const { pool = null, threads = 0 } = started ?? own ?? {};
  const done = new Map<number, RenderedStory[]>();
  const running = new Map<number, Promise<void>>();
  let front = 0; // the next batch a thread may take
  let k = 0; // the batch being written
  const feed = () => {
    const end = Math.min(batches.length, k + WINDOW);
    while (pool && running.size < PER_THREAD * threads && front < end) {
      const j = front++;
      if (done.has(j)) continue;
      const task = pool.run(batches[j]!.map((s) => s.body)).then((rendered) => {
        done.set(j, rendered);
        running.delete(j);
        feed();
      });
      task.catch(() => undefined); // awaited below when it is the one needed
      running.set(j, task);
    }
  };
  try {
    for (; k < batches.length; k++) {
      feed();
      while (!done.has(k)) {
        // The window's last batch no thread has: rendered here rather than waiting.
        let j = Math.min(batches.length, k + WINDOW) - 1;
        while (j >= front && done.has(j)) j--;
        if (j >= front)
          done.set(
            j,
            batches[j]!.map((s) => renderStory(s.body)),
          );
        else await Promise.race(running.values());
        feed();
      }
      const rendered = done.get(k)!;
      done.delete(k);
      yield [batches[k]!, rendered];
    }
  } finally {
    await own?.close();
  }
}

function ownThreads(batches: ArticleSource[][]): RenderThreads | null {
  const articles = batches.reduce((n, b) => n + b.length, 0);
  return articles < THREADS_FROM ? null : startRenderThreads();
}
