import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "./db/dialect";
import { listLiveSiteServers } from "./db/site-servers";
import { env } from "./env";
import { z } from "zod";

// The ingest runs in its own process and tells the running site(s) to drop
// their cached pages. The shared secret comes from REVALIDATE_SECRET, or from
// a file under data/ that the first caller creates (one machine, one secret).
const SECRET_FILE = path.resolve("data", ".revalidate-secret");

export function revalidationSecret(): string {
  const configured = env().REVALIDATE_SECRET;
  if (configured) return configured;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(24).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(SECRET_FILE, "utf8").trim();
}

export function isRevalidationAuthorized(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${revalidationSecret()}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What a refresh asks of a server: drop every cached page, or these (lib/db/page-footprints.ts). */
export type PagesToRefresh = "all" | string[];

/** The body of POST /api/revalidate; none means "all" (a server's start, an older ingest). */
export const refreshRequestSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ paths: z.array(z.string().startsWith("/").max(4096)).max(20_000) }),
]);

export const refreshBody = (pages: PagesToRefresh) =>
  JSON.stringify(pages === "all" ? { all: true } : { paths: pages });

export interface NotifyOptions {
  /** The database whose servers are refreshed. */
  prisma: PrismaClient;
  /** What to drop; every cached page by default. */
  pages?: PagesToRefresh;
  /** Servers live at this time count (an ingest's start); default now. */
  since?: Date;
  log?: (line: string) => void;
}

/** The running sites to refresh after an ingest: SITE_URLS (comma-separated), else every live server of the database. */
export async function siteUrls({ prisma, since }: Omit<NotifyOptions, "log">): Promise<string[]> {
  const { SITE_URLS } = env();
  return SITE_URLS?.length ? SITE_URLS : listLiveSiteServers(prisma, since);
}

/** Asks each running site to drop its cached pages. A site that is not running is skipped, not an error. */
export async function notifySites({ log = console.log, pages = "all", ...where }: NotifyOptions): Promise<void> {
  const secret = revalidationSecret();
  const urls = await siteUrls(where);
  if (urls.length === 0)
    log("no running site is recorded in the database; a site shows the new content when it starts");
  await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(new URL("/api/revalidate", url), {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: refreshBody(pages),
          signal: AbortSignal.timeout(10_000),
        });
        const what = pages === "all" ? "" : ` (${pages.length} pages)`;
        log(
          res.ok ? `refreshed the site at ${url}${what}` : `the site at ${url} refused to refresh: HTTP ${res.status}`,
        );
      } catch {
        log(`no site running at ${url}; it will show the new content when it starts`);
      }
    }),
  );
}
