import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { parseContent, type ContentFile, type ContentSet } from "./parse";

/** The content tree to ingest: CONTENT_DIR, or content/ in the project. */
export const contentRoot = () => env().CONTENT_DIR;

const TEXT_FILE = /\.(md|ya?ml)$/;
/** Images and page PDFs are listed, not read: the checks only need to know they are there. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|pdf)$/i;

/** Reads every .md and .yaml file under `root` (relative to the working directory), and lists its images. */
export async function readContentFiles(root = "content"): Promise<ContentFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (TEXT_FILE.test(e.name) || IMAGE_FILE.test(e.name)))
    .map((e) => path.join(e.parentPath, e.name).split(path.sep).join("/"))
    .sort();
  const read = new Array<ContentFile>(files.length);
  // A bounded number of reads at a time: an archive's 100,000 files opened at once ran out of file descriptors (EMFILE).
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const p = files[i]!;
      read[i] = { path: p, text: TEXT_FILE.test(p) ? await readFile(p, "utf8") : "" };
    }
  };
  await Promise.all(Array.from({ length: OPEN_AT_ONCE }, reader));
  return read;
}

/** Files read at once. */
const OPEN_AT_ONCE = 32;

/** Reads and validates the content tree; throws a ContentError naming every problem. */
export async function loadContent(root = "content"): Promise<ContentSet> {
  return parseContent(await readContentFiles(root), root.split(path.sep).join("/"));
}
