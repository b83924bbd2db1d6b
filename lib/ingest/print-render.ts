import { execFile, spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { ContentSet } from "../content/parse";
import { AVIF_WIDTHS, PAGE_WIDTHS, PRINT_FILES, printDir } from "../print-media";
import type { ProgressFactory } from "./progress";

// Page PDFs and images → the print store (lib/print-media.ts): page images in a few widths as WebP
// and AVIF, the page's PDF, and each issue's pages joined into one PDF. MuPDF's `mutool` (Debian's
// mupdf-tools) draws the PDFs and joins them; sharp encodes. Runs before the ingest's transaction:
// the files are named by content hash, so nothing readers see changes until the pages' rows point
// at them, and a source file already rendered is never rendered again.

const run = promisify(execFile);

/** Whether `mutool` can be run here (npm start warns when it cannot). */
export function pdfRendererAvailable(): boolean {
  return spawnSync(PDF_RENDERER.command, ["-v"], { stdio: "ignore" }).error === undefined;
}

/** The Debian package whose `mutool` renders and joins page PDFs (checked by scripts/start-check.sh). */
export const PDF_RENDERER = { command: "mutool", debianPackage: "mupdf-tools" } as const;

/** A page's rendered files: the store folder's key, and the size of its largest image. */
export interface RenderedPage {
  key: string;
  hasPdf: boolean;
  width: number;
  height: number;
}

export interface PrintRender {
  /** By the source file's path (a PrintPageSource's file.path). */
  pages: Map<string, RenderedPage>;
  /** By issue slug: the store key of the issue's joined PDF, for issues whose every page has a PDF. */
  issuePdfs: Map<string, string>;
  /** Pages rendered and issue PDFs joined by this run (the rest were in the store already). */
  rendered: number;
  joined: number;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

async function exists(p: string) {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** Runs `work` over `items`, a few at a time (rendering is CPU-bound: one per core). */
async function pool<T>(items: T[], work: (item: T) => Promise<void>) {
  const queue = [...items];
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  await Promise.all(
    Array.from({ length: Math.min(workers, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function mutool(args: string[], file: string) {
  try {
    await run(PDF_RENDERER.command, args, { maxBuffer: 16 * 2 ** 20 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT")
      throw new Error(
        `${file}: cannot render page PDFs without ${PDF_RENDERER.command}: install Debian's ${PDF_RENDERER.debianPackage} (apt-get install ${PDF_RENDERER.debianPackage})`,
      );
    const why = (err.stderr ?? err.message).split("\n").find((l) => /error/i.test(l)) ?? err.message;
    throw new Error(`${file}: the PDF could not be rendered: ${why.trim()}`);
  }
}

/** Writes a page's images (and its PDF) into `dir`; returns the largest image's size. */
async function renderInto(dir: string, source: string, kind: "pdf" | "image") {
  const { default: sharp } = await import("sharp");
  const largest = PAGE_WIDTHS.at(-1)!;
  let input = source;
  if (kind === "pdf") {
    input = path.join(dir, "full.png");
    await mutool(["draw", "-q", "-o", input, "-w", String(largest), "-F", "png", source, "1"], source);
    await copyFile(source, path.join(dir, PRINT_FILES.pagePdf));
  }
  // Decoded once; each width and format is encoded from the same pixels. Low encoder efforts:
  // a page is mostly type on white, where more effort buys little (see README, Print edition).
  const { data, info } = await sharp(input).rotate().raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  let size = { width: 0, height: 0 };
  for (const width of PAGE_WIDTHS) {
    const resized = () => sharp(data, raw).resize({ width, withoutEnlargement: true });
    const webp = await resized()
      .webp({ quality: 78, effort: 2 })
      .toFile(path.join(dir, PRINT_FILES.image(width, "webp")));
    if ((AVIF_WIDTHS as readonly number[]).includes(width))
      await resized()
        .avif({ quality: 50, effort: 0 })
        .toFile(path.join(dir, PRINT_FILES.image(width, "avif")));
    size = { width: webp.width, height: webp.height };
  }
  if (kind === "pdf") await rm(input);
  return size;
}

/** One page file in the store: read from its manifest when rendered before, else rendered now. */
async function renderPage(store: string, file: string, kind: "pdf" | "image"): Promise<[RenderedPage, boolean]> {
  const key = sha256(await readFile(file));
  const folder = path.join(store, key);
  const manifest = path.join(folder, PRINT_FILES.manifest);
  if (await exists(manifest)) {
    const size = JSON.parse(await readFile(manifest, "utf8")) as { width: number; height: number };
    return [{ key, hasPdf: kind === "pdf", ...size }, false];
  }
  // Rendered beside the store and moved in whole, so a folder in the store is always complete.
  const tmp = path.join(store, `.tmp-${randomUUID()}`);
  await mkdir(tmp, { recursive: true });
  try {
    const size = await renderInto(tmp, file, kind);
    await writeFile(path.join(tmp, PRINT_FILES.manifest), JSON.stringify(size));
    await rm(folder, { recursive: true, force: true });
    await rename(tmp, folder);
    return [{ key, hasPdf: kind === "pdf", ...size }, true];
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The issue's page PDFs joined, in print order; returns its key and whether it was made now. */
async function joinIssue(store: string, issue: string, keys: string[]): Promise<[string, boolean]> {
  const key = sha256(`issue-pdf\0${keys.join("\0")}`);
  const target = path.join(store, key, PRINT_FILES.issuePdf);
  if (await exists(target)) return [key, false];
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${randomUUID()}.tmp`;
  await mutool(["merge", "-o", tmp, ...keys.map((k) => path.join(store, k, PRINT_FILES.pagePdf))], `issue ${issue}`);
  await rename(tmp, target);
  return [key, true];
}

/** Renders every page file of the content that the store does not hold yet, and joins each issue's PDF. */
export async function renderPrint(
  content: ContentSet,
  { progress, store = printDir() }: { progress?: ProgressFactory; store?: string } = {},
): Promise<PrintRender> {
  const files = new Map<string, "pdf" | "image">();
  for (const issue of content.issues) for (const p of issue.pages) if (p.file) files.set(p.file.path, p.file.kind);
  const result: PrintRender = { pages: new Map(), issuePdfs: new Map(), rendered: 0, joined: 0 };
  if (files.size === 0) return result;
  await mkdir(store, { recursive: true });
  const done = progress?.("page files checked", files.size);
  await pool([...files], async ([file, kind]) => {
    const [page, fresh] = await renderPage(store, file, kind);
    result.pages.set(file, page);
    if (fresh) result.rendered++;
    done?.advance(1);
  });
  done?.finish();
  for (const issue of content.issues) {
    const pages = issue.pages.map((p) => (p.file ? result.pages.get(p.file.path) : undefined));
    if (pages.length === 0 || !pages.every((p) => p?.hasPdf)) continue;
    const [key, fresh] = await joinIssue(
      store,
      issue.slug,
      pages.map((p) => p!.key),
    );
    result.issuePdfs.set(issue.slug, key);
    if (fresh) result.joined++;
  }
  return result;
}

/** Removes these folders from the store (the keys an ingest's pages stopped using). */
export async function removeFromPrintStore(keys: Iterable<string>, store = printDir()) {
  for (const key of keys) await rm(path.join(store, key), { recursive: true, force: true });
}
