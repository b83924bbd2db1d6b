import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";
import { SERVER_NODE_ARGS } from "../../lib/server/server-command";

// Next.js keeps every page it renders on disk; the production server bounds that store
// (KEPT_PAGES_MAX_BYTES), removing the pages read least recently, and renders a removed page again
// when it is next visited. A second server over a copy of the browser tests' build, with a small
// bound, walks every page the sitemap lists.

const BUILD = "tests/.tmp/kept-pages-build";
const STORE = `${BUILD}/server/route-cache`;
const SEEDS = `${BUILD}/server/app`;
const MAX_BYTES = 1_500_000;

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

/** Each page kept in the store ($-relative key → bytes of its files and folders), pages the build prerendered aside. */
function keptPages(): Map<string, number> {
  const pages = new Map<string, number>();
  const size = (p: string): number =>
    statSync(p).isDirectory()
      ? statSync(p).size + readdirSync(p).reduce((n, f) => n + size(path.join(p, f)), 0)
      : statSync(p).size;
  for (const kind of readdirSync(STORE))
    for (const route of readdirSync(path.join(STORE, kind))) {
      const root = path.join(STORE, kind, route, "$");
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = path.join(dir, name);
          const primary = /\.(html|body)$/.exec(name);
          if (statSync(p).isDirectory()) {
            if (!name.endsWith(".segments")) walk(p);
          } else if (primary) {
            const base = p.slice(0, -primary[0].length);
            const key = base.slice(root.length);
            if (existsSync(SEEDS + key + primary[0])) continue;
            const files = [".html", ".body", ".rsc", ".meta", ".segments"].map((s) => base + s).filter(existsSync);
            pages.set(
              key,
              files.reduce((n, f) => n + size(f), 0),
            );
          }
        }
      };
      walk(root);
    }
  return pages;
}

test("the server keeps its rendered pages within the bound, and renders a removed one again", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  rmSync(BUILD, { recursive: true, force: true });
  cpSync(".next-e2e", BUILD, { recursive: true });
  rmSync(STORE, { recursive: true, force: true });
  const port = Number(new URL(baseURL!).port) + 2;
  const origin = `http://127.0.0.1:${port}`;
  const start = () =>
    spawn(process.execPath, SERVER_NODE_ARGS, {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: e2eDatabaseUrl(),
        NEXT_DIST_DIR: BUILD,
        KEPT_PAGES_MAX_BYTES: String(MAX_BYTES),
        MICROCACHE_TTL_MS: "0",
      },
      stdio: "ignore",
      detached: true,
    });
  const stop = async (server: ReturnType<typeof start>) => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await expect(async () => expect(await listening(port)).toBe(false)).toPass({ timeout: 30_000 });
  };
  let server = start();
  try {
    await expect(async () => expect(await listening(port)).toBe(true)).toPass({ timeout: 60_000 });
    const sitemap = await (await request.get(`${origin}/sitemap.xml`)).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(new URL(m[1]!).pathname));
    expect(paths.length).toBeGreaterThan(20);
    const first = paths.find((p) => p.startsWith("/articles/"))!;
    const tag = paths.find((p) => p.startsWith("/tags/") && /[^\x00-\x7f]/.test(p))!;
    // The first article early, a Chinese tag's page last: the most recently read.
    const order = [first, ...paths.filter((p) => p !== first && p !== tag), tag];
    for (const p of order) expect((await request.get(origin + encodeURI(p))).status(), p).toBe(200);
    // What each render wrote is measured a second after it.
    await expect(async () => {
      const kept = keptPages();
      expect([...kept.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_BYTES);
      expect(kept.size).toBeLessThan(order.length / 2);
      expect(kept.has(tag)).toBe(true);
      expect(kept.has(first)).toBe(false);
    }).toPass({ timeout: 15_000 });

    // After a restart (Next's copies in memory gone), the removed page is rendered again and kept;
    // what the first run left is counted, so the store stays within the bound.
    await stop(server);
    server = start();
    await expect(async () => expect(await listening(port)).toBe(true)).toPass({ timeout: 60_000 });
    const again = await request.get(origin + encodeURI(first));
    expect(again.status()).toBe(200);
    expect(again.headers()["x-nextjs-cache"]).toBe("MISS");
    const title = (await (await request.get(baseURL! + encodeURI(first))).text()).match(/<h1[^>]*>([^<]+)/)![1]!;
    expect(await again.text()).toContain(title);
    await expect(async () => {
      const kept = keptPages();
      expect(kept.has(first)).toBe(true);
      expect([...kept.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_BYTES);
    }).toPass({ timeout: 10_000 });
  } finally {
    await stop(server);
    rmSync(BUILD, { recursive: true, force: true });
  }
});
