import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { SearchParams } from "./params";
import { registerSearchRunner } from "./runner";
import type { SearchResponse } from "./search";

// Searches in worker threads: SQLite reads synchronously, so a search run on the loop that serves
// pages holds every reader behind it. Threads keep one process and one page cache (several server
// processes would each hold their own), and the operating system shares the cores between them.

/** Starts `threads` search threads and sends every search of this process to them. */
export function startSearchThreads(threads: number) {
  const pool = new Piscina<SearchParams, SearchResponse>({
    filename: fileURLToPath(new URL("./worker.ts", import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    // A search waits for a free thread, within bounds: past them the request fails fast.
    maxQueue: threads * 64,
    idleTimeout: Infinity,
    // Searches are served in the order they came. Without this piscina sends a search it could not
    // place at once to the back of the queue, and under steady load one search waited 8 s while
    // those behind it ran (measured: 4 searchers, one thread; p99 47 ms, max 8,016 ms).
    stricterFIFO: true,
    // The entry is TypeScript, as the server itself is: tsx loads it in each thread.
    execArgv: ["--import", "tsx"],
    // A thread runs one search at a time: a few PostgreSQL connections each, not the server's pool.
    env: { ...process.env, DATABASE_POOL_SIZE: "3", DATABASE_SEARCH_POOL_SIZE: "2" },
    // A search holds one page of results: its heap stays small, and a runaway one fails alone.
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  // Searches under way, counted so that closing lets them finish (bounded below).
  let underWay = 0;
  let allDone: (() => void) | undefined;
  registerSearchRunner((p) => {
    underWay++;
    return pool.run(p).finally(() => {
      if (--underWay === 0) allDone?.();
    });
  });
  return {
    /** Searches the threads have finished. */
    completed: () => pool.completed,
    /**
     * Stops the threads once the searches under way and queued are done, or after `graceMs`: a
     * search cut off by `destroy()` fails its request, which Next.js logs as an error.
     */
    close: async (graceMs = 2_000) => {
      registerSearchRunner(undefined);
      if (underWay > 0)
        await Promise.race([
          new Promise<void>((done) => (allDone = done)),
          new Promise((timeUp) => setTimeout(timeUp, graceMs).unref()),
        ]);
      await pool.destroy();
    },
  };
}
