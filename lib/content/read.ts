import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { PIPELINE_VERSION } from "./markdown";
import { parseContent, type ContentFile, type ContentSet } from "./parse";

/** The content tree to ingest: CONTENT_DIR, or content/ in the project. */
export const contentRoot = () => env().CONTENT_DIR;

const TEXT_FILE = /\.(md|ya?ml)$/;
/** Images and page PDFs are listed, not read: the checks only need to know they are there. */
export const IMAGE_FILE = /\.(jpe?g|png|webp|avif|pdf)$/i;

/** The content tree's text files, images and page PDFs, sorted, as listed before any is read. */
export interface ContentListing {
  root: string;
  files: string[];
}

/** Lists the tree under `root` (relative to the working directory); reads none of it. */
export async function listContentFiles(root = "content"): Promise<ContentListing> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (TEXT_FILE.test(e.name) || IMAGE_FILE.test(e.name)))
    .map((e) => path.join(e.parentPath, e.name).split(path.sep).join("/"))
    .sort();
  return { root, files };
}

const RACY_MS = 2000;

/**
 * A digest of every listed file's path, size, modification and change times and inode, and of
 * the Markdown pipeline's version: the same digest means the same files, as git's index trusts a
 * file whose stat data is unchanged. Null when a file changed in the last RACY_MS: a write later
 * within the same clock tick would leave its stat data as it is now.
 */
export function filesDigest({ root, files }: ContentListing): string | null {
  const now = Date.now();
  const hash = createHash("sha256").update(`${PIPELINE_VERSION}\0${root}\0`);
  let racy = false;
  for (const file of files) {
    const st = statSync(file, { bigint: true });
    if (Number(st.ctimeMs) > now - RACY_MS || Number(st.mtimeMs) > now - RACY_MS) racy = true;
    hash.update(`${file}\0${st.size}\0${st.mtimeNs}\0${st.ctimeNs}\0${st.ino}\0${st.dev}\n`);
  }
  return racy ? null : hash.digest("hex");
}

/**
 * Reads a listing's text files (images and PDFs are listed only). One file at a time,
 * synchronously: the readers are command-line scripts, and an archive's 110,000 files read in
 * 2.4 s this way against 7.2 s with 32 reads in flight (opening them all at once ran out of file
 * descriptors).
 */
export function readListedFiles({ files }: ContentListing): ContentFile[] {
  return files.map((p) => ({ path: p, text: TEXT_FILE.test(p) ? withoutBom(readFileSync(p, "utf8")) : "" }));
}

/** Reads every .md and .yaml file under `root` (relative to the working directory), and lists its images. */
export async function readContentFiles(root = "content"): Promise<ContentFile[]> {
  return readListedFiles(await listContentFiles(root));
}

/** Windows editors (Notepad, for one) may begin a UTF-8 file with a byte-order mark; the text starts after it. */
function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** Reads and validates the content tree; throws a ContentError naming every problem. */
export async function loadContent(root = "content"): Promise<ContentSet> {
  return parseListing(await listContentFiles(root));
}

/** Reads and validates a listed content tree; throws a ContentError naming every problem. */
export function parseListing(listing: ContentListing): ContentSet {
  return parseContent(readListedFiles(listing), listing.root.split(path.sep).join("/"));
}
