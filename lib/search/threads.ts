import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { Piscina } from "piscina";
import type { SearchParams } from "./params";
import { registerSearchRunner } from "./runner";
import type { SearchResponse } from "./search";

// Searches in worker threads: SQLite reads synchronously, so a search run on the loop that serves
// pages holds every reader behind it. Threads keep one process and one page cache (several server
// processes would each hold their own), and the operating system shares the cores between them.
// The production server starts them on its main thread, whose front answers /api/search itself;
// the renderer's thread sends the search page's searches there (relaySearches).

/**
 * Searches a thread holds at once. With one, a thread sat idle between searches until this
 * thread's loop had taken its answer and handed it the next one; with two it starts the next the
 * moment one ends, and on PostgreSQL runs one while the other waits on the database. Measured at
 * 20 connections on /api/search, 100,000 articles: PostgreSQL 71–75 → 113–136 a second, SQLite
 * 149–160 → 167–197; three or four added little.
 */
export const SEARCHES_PER_THREAD = 2;

/** Starts `threads` search threads and sends every search of this process to them. */
export function startSearchThreads(threads: number, { perThread = SEARCHES_PER_THREAD } = {}) {
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
    concurrentTasksPerWorker: perThread,
    // The entry is TypeScript, as the server itself is: tsx loads it in each thread.
    execArgv: ["--import", "tsx"],
    // A thread runs a search or two at a time: a few PostgreSQL connections each, not the server's pool.
    env: { ...process.env, DATABASE_POOL_SIZE: "3", DATABASE_SEARCH_POOL_SIZE: "2" },
    // A search holds one page of results: its heap stays small, and a runaway one fails alone.
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  // Searches under way, counted so that closing lets them finish (bounded below).
  let underWay = 0;
  let allDone: (() => void) | undefined;
  const searchArticlesHere = (p: SearchParams) => {
    underWay++;
    return pool.run(p).finally(() => {
      if (--underWay === 0) allDone?.();
    });
  };
  registerSearchRunner(searchArticlesHere);
  // This side of each port handed out by relayPort, closed with the threads.
  const answering: MessagePort[] = [];
  return {
    /** A port to hand another thread (relaySearches): the searches sent over it run on these threads. */
    relayPort: (): MessagePort => {
      const { port1, port2 } = new MessageChannel();
      port1.on("message", ({ id, params }: Relayed) => {
        searchArticlesHere(params).then(
          (response) => port1.postMessage({ id, response }),
          (e: unknown) => port1.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
        );
      });
      answering.push(port1);
      return port2;
    },
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
      for (const port of answering.splice(0)) port.close();
      await pool.destroy();
    },
  };
}

interface Relayed {
  id: number;
  params: SearchParams;
}
type Answered = { id: number; response: SearchResponse } | { id: number; error: string };

/** Sends this thread's searches over `port` (relayPort above) to the thread whose search threads answer it. */
export function relaySearches(port: MessagePort) {
  let next = 0;
  const waiting = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  port.on("message", (m: Answered) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if ("error" in m) w?.reject(new Error(m.error));
    else w?.resolve(m.response);
  });
  // Only searches under way keep the thread alive.
  port.unref();
  registerSearchRunner((params) => {
    const id = next++;
    const answered = new Promise<SearchResponse>((resolve, reject) => waiting.set(id, { resolve, reject }));
    if (waiting.size === 1) port.ref();
    port.postMessage({ id, params } satisfies Relayed);
    return answered.finally(() => {
      if (waiting.size === 0) port.unref();
    });
  });
}
