import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "./env";

// Lead images live beside their articles, in the issue's content folder
// (content/issues/<date>/<file>), and are served by app/media/[issue]/[file]/route.ts.
// next/image resizes them from there (next.config.ts allows /media/** as a local pattern).

/** The content tree, as lib/content/read.ts's contentRoot() (not imported: that module walks the tree, which the build would trace). */
const contentRoot = () => env().CONTENT_DIR;
const ISSUE = /^\d{4}-\d{2}-\d{2}$/;
/** The same names the article schema allows for image.src: no slashes, so never a path outside the folder. */
const FILE = /^[\w.-]+\.(jpe?g|png|webp|avif)$/i;

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
};

/** The public URL of an issue's image. */
export const mediaPath = (issue: string, file: string) =>
  `/media/${encodeURIComponent(issue)}/${encodeURIComponent(file)}`;

/** The file's location on disk and its content type, or null for a name the site never serves. */
export function mediaFile(issue: string, file: string): { path: string; contentType: string } | null {
  if (!ISSUE.test(issue) || !FILE.test(file) || file.startsWith(".")) return null;
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  return {
    path: path.resolve(/* turbopackIgnore: true */ contentRoot(), "issues", issue, file),
    contentType: CONTENT_TYPES[ext]!,
  };
}

export const readMedia = (issue: string, file: string) => readFound(mediaFile(issue, file));

/** A file a store's lookup found, read whole with its type; null when there is none (any more). */
export async function readFound(
  found: { path: string; contentType: string } | null,
): Promise<{ body: Buffer; contentType: string } | null> {
  if (!found) return null;
  try {
    return { body: await readFile(/* turbopackIgnore: true */ found.path), contentType: found.contentType };
  } catch {
    return null;
  }
}

export interface ImageSize {
  width: number;
  height: number;
}

const sizes = new Map<string, { mtimeMs: number; size: ImageSize }>();

/** The image's displayed width and height (EXIF rotation applied), for next/image; null when it cannot be read. */
export async function imageSize(issue: string, file: string): Promise<ImageSize | null> {
  const found = mediaFile(issue, file);
  if (!found) return null;
  try {
    const { mtimeMs } = await stat(/* turbopackIgnore: true */ found.path);
    const known = sizes.get(found.path);
    if (known && known.mtimeMs === mtimeMs) return known.size;
    const { default: sharp } = await import("sharp");
    const meta = await sharp(/* turbopackIgnore: true */ found.path).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) return null;
    const size = { width, height };
    sizes.set(found.path, { mtimeMs, size });
    return size;
  } catch {
    return null;
  }
}
