import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keptPages, storedPath, type KeptPages } from "../../lib/server/kept-pages";

// Next.js's store of rendered pages, laid out as Next 16 writes it (<distDir>/server/route-cache),
// bounded in bytes: the pages read least recently go first, and Next renders them again.

const ARTICLES = "route-cache/APP_PAGE/aaaa/$";
const FEEDS = "route-cache/APP_ROUTE/bbbb/$";
let server: string;
let store: KeptPages | null;

beforeEach(() => {
  server = mkdtempSync(path.join(tmpdir(), "kept-pages-"));
  store = null;
});
afterEach(() => {
  store?.close();
  rmSync(server, { recursive: true, force: true });
});

/** A page as Next writes it: HTML, RSC payload, metadata and segments, `kb` KB in all. */
function writePage(dir: string, key: string, kb: number) {
  const base = path.join(server, dir, key);
  mkdirSync(path.dirname(base), { recursive: true });
  writeFileSync(`${base}.html`, "x".repeat(kb * 512));
  writeFileSync(`${base}.rsc`, "x".repeat(kb * 256));
  writeFileSync(`${base}.meta`, "x".repeat(kb * 128));
  mkdirSync(`${base}.segments/fake`, { recursive: true });
  writeFileSync(`${base}.segments/fake/__PAGE__.segment.rsc`, "x".repeat(kb * 128));
  return base;
}
/** What a page written by writePage takes: its files, and the blocks of its two segment folders. */
const folders = (base: string) => statSync(`${base}.segments`).size + statSync(`${base}.segments/fake`).size;
const kept = (base: string) => existsSync(`${base}.html`);
const gone = (base: string) =>
  !existsSync(`${base}.html`) &&
  !existsSync(`${base}.rsc`) &&
  !existsSync(`${base}.meta`) &&
  !existsSync(`${base}.segments`);

async function open(maxKb: number) {
  store = keptPages(server, maxKb * 1024, { settleMs: 5, warn: (m) => expect.fail(m) });
  await store.settled();
  return store;
}

async function render(s: KeptPages, dir: string, pathname: string, kb: number) {
  const base = writePage(dir, storedPath(pathname)!, kb);
  s.answered(pathname, "MISS");
  await s.settled();
  return base;
}

describe("pages Next.js keeps on disk", () => {
  it("measures what each render wrote and removes the least recently read past the bound", async () => {
    const s = await open(100);
    const a = await render(s, ARTICLES, "/articles/a", 40);
    const b = await render(s, ARTICLES, "/articles/b", 40);
    expect(s.usage()).toEqual({ pages: 2, bytes: 80 * 1024 + folders(a) + folders(b) });
    // Read again: now the most recent, so b goes first.
    s.answered("/articles/a", "HIT");
    const c = await render(s, ARTICLES, "/articles/c", 40);
    expect(gone(b)).toBe(true);
    expect(kept(a) && kept(c)).toBe(true);
    expect(s.usage()).toEqual({ pages: 2, bytes: 80 * 1024 + folders(a) + folders(c) });
  });

  it("counts a page rendered again once, at its new size", async () => {
    const s = await open(1000);
    await render(s, ARTICLES, "/articles/a", 40);
    const a = await render(s, ARTICLES, "/articles/a", 60);
    expect(s.usage()).toEqual({ pages: 1, bytes: 60 * 1024 + folders(a) });
  });

  it("finds feeds and the front page where Next keeps them", async () => {
    const s = await open(1000);
    mkdirSync(path.join(server, FEEDS), { recursive: true });
    writeFileSync(path.join(server, FEEDS, "feed.xml.body"), "x".repeat(3000));
    writeFileSync(path.join(server, FEEDS, "feed.xml.meta"), "x".repeat(100));
    s.answered("/feed.xml", "MISS");
    const front = await render(s, ARTICLES, "/", 10);
    expect(front).toBe(path.join(server, ARTICLES, "index"));
    expect(s.usage()).toEqual({ pages: 2, bytes: 3100 + 10 * 1024 + folders(front) });
  });

  it("never removes a page the build prerendered: Next would fall back to that older copy", async () => {
    mkdirSync(path.join(server, "app"), { recursive: true });
    writeFileSync(path.join(server, "app", "about.html"), "<p>build</p>");
    const s = await open(50);
    const about = await render(s, ARTICLES, "/about", 40);
    await render(s, ARTICLES, "/articles/a", 40);
    await render(s, ARTICLES, "/articles/b", 40);
    expect(kept(about)).toBe(true);
    expect(s.usage().pages).toBe(1);
  });

  it("counts what an earlier run left, oldest first, and removes past the bound at once", async () => {
    const old = writePage(ARTICLES, "/articles/old", 40);
    const newer = writePage(ARTICLES, "/articles/newer", 40);
    const newest = writePage(ARTICLES, "/tags/乡村振兴", 40);
    const day = 86_400;
    const now = Date.now() / 1000;
    utimesSync(`${old}.html`, now - 3 * day, now - 3 * day);
    utimesSync(`${newer}.html`, now - 2 * day, now - 2 * day);
    utimesSync(`${newest}.html`, now - day, now - day);
    const s = await open(100);
    expect(gone(old)).toBe(true);
    expect(kept(newer) && kept(newest)).toBe(true);
    expect(s.usage()).toEqual({ pages: 2, bytes: 80 * 1024 + folders(newer) + folders(newest) });
  });

  it("looks again for a render whose files are not written yet, and gives up on one never written", async () => {
    const s = await open(1000);
    s.answered("/articles/slow", "MISS");
    s.answered("/articles/never", "MISS");
    await new Promise((r) => setTimeout(r, 15));
    const slow = writePage(ARTICLES, "/articles/slow", 10);
    await s.settled();
    expect(s.usage()).toEqual({ pages: 1, bytes: 10 * 1024 + folders(slow) });
  });

  it("removes a single page larger than the whole bound", async () => {
    const s = await open(10);
    const big = await render(s, ARTICLES, "/articles/big", 40);
    expect(gone(big)).toBe(true);
    expect(s.usage().pages).toBe(0);
  });

  it("ignores answers that are not renders, and paths that could leave the store", async () => {
    const outside = path.join(server, "precious.html");
    writeFileSync(outside, "keep me");
    const s = await open(1);
    for (const p of ["/../../precious", "/articles/../../../precious", "/a\0b", "articles/x", "/a\\..\\b"]) {
      expect(storedPath(p)).toBeNull();
      s.answered(p, "MISS");
    }
    const page = writePage(ARTICLES, "/articles/a", 40);
    s.answered("/articles/a", "HIT");
    s.answered("/articles/a", "");
    await s.settled();
    expect(existsSync(outside) && kept(page)).toBe(true);
    expect(s.usage().pages).toBe(0);
  });
});
