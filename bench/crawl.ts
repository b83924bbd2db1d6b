// bench:ingest --crawl: what an ingest's refresh makes the server render again. A production
// server (scripts/serve.ts, micro-cache off) over the bench's archive is crawled through every URL
// its sitemaps list, so that each page is rendered and kept; after an ingest and its refresh the
// crawl is repeated, and every answer Next.js did not serve from its cache (x-nextjs-cache other
// than HIT) is counted as a render the refresh caused. An upper bound: Next also answers MISS when
// it reads a kept copy from disk into memory (2–5 ms, against a render's 30).
import { assertPortFree, benchEnv, build, startProcess, stop, waitForServer, type BenchSite } from "./site";
import { SERVER_NODE_ARGS } from "../lib/server/server-command";

const CONCURRENCY = 4;

export interface Crawl {
  urls: number;
  /** Answers Next.js rendered for the request (MISS) or is rendering again behind a kept copy (STALE). */
  rendered: string[];
  failed: string[];
}

export async function crawlingServer(databaseUrl: string, port: number) {
  const site: BenchSite = { dbFile: "", databaseUrl, distDir: ".next-bench", noBuild: false, warn: console.warn };
  build(site);
  await assertPortFree(port);
  const server = startProcess(benchEnv(site), "server", SERVER_NODE_ARGS, {
    PORT: String(port),
    MICROCACHE_TTL_MS: "0",
    // Every page kept, however many: the crawl counts what the refresh re-rendered, not what the bound removed.
    KEPT_PAGES_MAX_BYTES: "0",
    // Its address in the database, where the ingest's refresh looks for running servers.
    SITE_INTERNAL_URL: `http://127.0.0.1:${port}`,
  });
  await waitForServer(port, server, "server");
  const origin = `http://127.0.0.1:${port}`;
  const get = (p: string) => fetch(origin + p, { headers: { "accept-encoding": "gzip" } });
  /** The pages a sitemap lists, following a sitemap index to its parts. */
  const listed = async (p: string): Promise<string[]> => {
    const xml = await (await get(p)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    return xml.includes("<sitemapindex") ? (await Promise.all(locs.map(listed))).flat() : locs;
  };

  return {
    /** Every URL the sitemaps list, each fetched once. */
    async crawl(): Promise<Crawl> {
      const urls = await listed("/sitemap.xml");
      const result: Crawl = { urls: urls.length, rendered: [], failed: [] };
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < urls.length) {
            const url = urls[next++]!;
            const res = await get(url);
            await res.arrayBuffer();
            if (res.status !== 200) result.failed.push(`${url} ${res.status}`);
            else if (res.headers.get("x-nextjs-cache") !== "HIT") result.rendered.push(decodeURIComponent(url));
          }
        }),
      );
      return result;
    },
    stop: () => stop(server),
  };
}
