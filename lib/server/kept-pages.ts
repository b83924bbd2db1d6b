import { lstatSync, readdirSync, statSync } from "node:fs";
import { lstat, opendir, readdir, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";

// Next.js keeps every page it renders on disk (under <distDir>/server/route-cache: the HTML, the
// RSC payload, its metadata and one file per segment, about 270 KB an article) and never removes
// one. A crawler walking a 100,000-story archive would leave tens of gigabytes. This bounds that
// store: the renderer tells it what each response was (rendered, or served from Next's cache), it
// measures what a render wrote, and past the bound it removes the pages read least recently. A
// removed page is rendered again on its next visit, as a page never visited is.
//
// Layout (Next 16): route-cache/<APP_PAGE|APP_ROUTE>/<hash of the route>/$<path>.{html|body},
// beside it .rsc, .meta and a .segments folder; "/" is $/index. A page the build prerendered also
// has a copy under server/app ("a seed"): Next falls back to it when the route-cache copy is gone,
// and it may be older than the page, so such pages are never removed (they are few: the build
// prerenders static routes only).

const KINDS = ["APP_PAGE", "APP_ROUTE"] as const;
const PRIMARY = [".html", ".body"];
const BESIDE = [".rsc", ".meta"];
const FILES = [...PRIMARY, ...BESIDE];
const SEGMENTS = ".segments";
/** Times a render's files are looked for before it is left to the next start-up's count. */
const MEASURE_ATTEMPTS = 3;
const MAX_PENDING = 10_000;

interface Entry {
  bytes: number;
  /** The route folders ($) its files are in. */
  dirs: string[];
}

export interface KeptPagesOptions {
  /** How long after a render its files are measured: Next writes them as the response ends. */
  settleMs?: number;
  /** Called when the store cannot be read or a page's files cannot be removed. */
  warn?: (message: string) => void;
}

export interface KeptPages {
  /** What Next answered for a page: "MISS" or "STALE" rendered it (and wrote it), "HIT" read it. */
  answered(pathname: string, cache: string | undefined): void;
  /** Pages kept and their bytes on disk, as far as this server knows (pages the build prerendered aside). */
  usage(): { pages: number; bytes: number };
  /** Resolves once the pages an earlier run left are counted and every render so far is measured. */
  settled(): Promise<void>;
  close(): void;
}

/** A request's path as Next names its files, or null when it could name something outside the store. */
export function storedPath(pathname: string): string | null {
  if (!pathname.startsWith("/") || pathname.length > 2048 || pathname.includes("\0")) return null;
  if (pathname.split("/").some((p) => p === "." || p === ".." || p.includes("\\"))) return null;
  return pathname === "/" ? "/index" : pathname.replace(/\/+$/, "");
}

/** Bounds Next's pages on disk under `serverDir` (<distDir>/server) to `maxBytes`, least recently read first. */
export function keptPages(serverDir: string, maxBytes: number, options: KeptPagesOptions = {}): KeptPages {
  const root = path.join(serverDir, "route-cache");
  const seeds = path.join(serverDir, "app");
  const settleMs = options.settleMs ?? 1000;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  // Keyed by stored path: a page's bytes and the folders its files are in (the route folders' own
  // strings, shared), so that the index stays small (a few MB for the default bound's pages).
  const index = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (e) => Math.max(1, e.bytes),
    dispose: (entry, key, reason) => {
      if (reason === "evict") removeLater(key, entry.dirs);
    },
  });
  const pending = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const work = new Set<Promise<void>>();
  let closed = false;

  function track(p: Promise<void>) {
    const done = p.catch((error: unknown) => warn(`kept pages: ${(error as Error).message}`));
    work.add(done);
    void done.finally(() => work.delete(done));
  }

  /** The route folders ($ in each), read again when a page is not found in those known. */
  let routeDirs: string[] | null = null;
  async function listRouteDirs(): Promise<string[]> {
    const dirs: string[] = [];
    for (const kind of KINDS) {
      const names = await readdir(path.join(root, kind)).catch(() => [] as string[]);
      for (const name of names) dirs.push(path.join(root, kind, name, "$"));
    }
    return (routeDirs = dirs);
  }

  /** The route folders holding a page's files: usually one. */
  async function dirsOf(key: string, fresh = false): Promise<string[]> {
    const dirs = fresh || !routeDirs ? await listRouteDirs() : routeDirs;
    const found: string[] = [];
    for (const dir of dirs) {
      const base = path.join(dir, key);
      if (!base.startsWith(dir + path.sep)) continue;
      if (PRIMARY.some((suffix) => entryAt(base + suffix)?.isFile())) found.push(dir);
    }
    return found.length || fresh ? found : dirsOf(key, true);
  }

  function bytesOf(base: string): number {
    let bytes = 0;
    for (const suffix of FILES) bytes += entryAt(base + suffix)?.size ?? 0;
    return bytes + treeBytes(base + SEGMENTS);
  }

  // Pages to remove, one at a time: thousands at once (a store found over its bound at start-up)
  // would each hold their file operations open together.
  const doomed: { key: string; dirs: string[] }[] = [];
  let draining = false;
  function removeLater(key: string, dirs: string[]) {
    doomed.push({ key, dirs });
    if (draining) return;
    draining = true;
    track(
      (async () => {
        try {
          for (let i = 0; i < doomed.length; i++) await remove(doomed[i]!.key, doomed[i]!.dirs);
        } finally {
          doomed.length = 0;
          draining = false;
        }
      })(),
    );
  }

  async function remove(key: string, dirs: string[]): Promise<void> {
    for (const dir of dirs) {
      const base = path.join(dir, key);
      // The primary file first: without it Next finds no copy and renders the page again.
      for (const suffix of FILES) await unlink(base + suffix).catch(ignoreMissing);
      await rm(base + SEGMENTS, { recursive: true, force: true });
    }
  }

  const hasSeed = (key: string) =>
    PRIMARY.some((suffix) => statSync(path.join(seeds, key + suffix), { throwIfNoEntry: false }));

  function keep(key: string, entry: Entry) {
    // One page larger than the whole bound is not kept at all.
    if (entry.bytes > maxBytes) {
      index.delete(key);
      removeLater(key, entry.dirs);
    } else index.set(key, entry);
  }

  /** Measures a page Next rendered; looks again later when its files are not there yet (a slow render under load). */
  async function measure(key: string, attempt = 0): Promise<void> {
    const dirs = await dirsOf(key);
    if (!dirs.length && attempt < MEASURE_ATTEMPTS - 1 && !closed) return later(key, attempt + 1);
    pending.delete(key);
    if (!dirs.length || closed || hasSeed(key)) return;
    let bytes = 0;
    for (const dir of dirs) bytes += bytesOf(path.join(dir, key));
    keep(key, { bytes, dirs });
  }

  /** Measures `key` after a wait that grows with each attempt: 1, 5, 25 s by default. */
  function later(key: string, attempt: number) {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        track(measure(key, attempt));
      },
      settleMs * 5 ** attempt,
    );
    timer.unref();
    timers.add(timer);
  }

  /** The pages an earlier run left, oldest first, so that they are the first to go. */
  async function load(): Promise<void> {
    const found = new Map<string, Entry & { mtime: number }>();
    for (const dir of await listRouteDirs())
      for await (const file of pageFiles(dir)) {
        const key = file.path.slice(dir.length, -file.suffix.length);
        if (hasSeed(key)) continue;
        const bytes = bytesOf(file.path.slice(0, -file.suffix.length));
        const seen = found.get(key);
        if (!seen) found.set(key, { bytes, dirs: [dir], mtime: file.mtime });
        else
          found.set(key, {
            bytes: seen.bytes + bytes,
            dirs: [...seen.dirs, dir],
            mtime: Math.max(seen.mtime, file.mtime),
          });
      }
    const seenMeanwhile = [...index.keys()];
    const seen = new Set(seenMeanwhile);
    const oldestFirst = [...found].sort((a, b) => a[1].mtime - b[1].mtime);
    for (const [key, { bytes, dirs }] of oldestFirst) if (!closed && !seen.has(key)) keep(key, { bytes, dirs });
    // Pages rendered or read while this ran are the most recent.
    for (const key of seenMeanwhile.reverse()) index.get(key);
  }
  track(load());

  return {
    answered(pathname, cache) {
      if (closed) return;
      const key = storedPath(pathname);
      if (!key) return;
      if (cache === "HIT") {
        index.get(key);
        return;
      }
      // Renders waiting to be measured are bounded too: past that many, a page is counted at the next start-up.
      if ((cache !== "MISS" && cache !== "STALE") || pending.has(key) || pending.size >= MAX_PENDING) return;
      pending.add(key);
      later(key, 0);
    },
    usage: () => ({ pages: index.size, bytes: index.calculatedSize }),
    async settled() {
      while (work.size || timers.size) {
        await Promise.all(work);
        if (timers.size) await new Promise((r) => setTimeout(r, settleMs / 2));
      }
    },
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

// One page's files are looked up and measured synchronously: Next has just written them, so their
// metadata is in memory and each answer takes microseconds, where a promise per lookup (most of
// them for files that are not there, each an error thrown) cost the renderer's thread about 1.5
// ms a render (measured: 300 cold article pages, --cpu-prof). The store's whole walk at start-up
// stays asynchronous (pageFiles below).

/** What is at `p`, not following links; null when nothing is, or it cannot be read. */
function entryAt(p: string): { size: number; isFile: () => boolean } | null {
  try {
    return lstatSync(p, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Bytes of a folder and everything in it; 0 when it is not there. Folders count too: each takes a block on disk. */
function treeBytes(dir: string): number {
  const self = entryAt(dir);
  if (!self) return 0;
  let bytes = self.size;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return bytes;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) bytes += treeBytes(p);
    else if (e.isFile()) bytes += entryAt(p)?.size ?? 0;
  }
  return bytes;
}

/**
 * Each page's primary file (.html or .body) under `dir`, one folder read at a time: the store can
 * hold hundreds of thousands. Segment folders are measured with their page (bytesOf), not listed.
 */
async function* pageFiles(dir: string): AsyncGenerator<{ path: string; suffix: string; mtime: number }> {
  const handle = await opendir(dir).catch(() => null);
  if (!handle) return;
  for await (const d of handle) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) {
      if (!d.name.endsWith(SEGMENTS)) yield* pageFiles(p);
      continue;
    }
    const suffix = PRIMARY.find((s) => d.name.endsWith(s));
    if (!d.isFile() || !suffix) continue;
    const s = await lstat(p).catch(() => null);
    if (s) yield { path: p, suffix, mtime: s.mtimeMs };
  }
}

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code !== "ENOENT") throw error;
};
