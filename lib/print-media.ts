import path from "node:path";
import { env } from "./env";
import { readFound } from "./media";

// The print store: what the ingest makes of page PDFs and images, in PRINT_DIR, one folder per
// source file named by the SHA-256 of its bytes (the page's "media key"). Content-addressed files
// never change, so /print/<key>/<file> (app/print/[key]/[file]/route.ts) is cached for a year,
// and an unchanged PDF is never rendered twice.

/** Widths of the rendered page images: the page strip's thumbnail, a phone, a desktop or a zoomed page. */
export const PAGE_WIDTHS = [240, 800, 1600] as const;
/** Widths also sent as AVIF (smaller than WebP); the thumbnail is WebP alone. */
export const AVIF_WIDTHS = [800, 1600] as const;
export const THUMB_WIDTH = PAGE_WIDTHS[0];

/** The store's files: page images, the page's PDF, the issue's joined PDF, and the manifest written last. */
export const PRINT_FILES = {
  image: (width: number, format: "webp" | "avif") => `w${width}.${format}`,
  pagePdf: "page.pdf",
  issuePdf: "issue.pdf",
  manifest: "page.json",
} as const;

const KEY = /^[0-9a-f]{64}$/;
const FILE = /^(?:w\d{2,4}\.(?:webp|avif)|page\.pdf|issue\.pdf)$/;
const CONTENT_TYPES: Record<string, string> = { webp: "image/webp", avif: "image/avif", pdf: "application/pdf" };

export const printDir = () => path.resolve(/* turbopackIgnore: true */ env().PRINT_DIR);

/** The file's place on disk and its content type, or null for a name the store never holds. */
export function printMediaFile(key: string, file: string): { path: string; contentType: string } | null {
  if (!KEY.test(key) || !FILE.test(file)) return null;
  return {
    path: path.join(printDir(), key, file),
    contentType: CONTENT_TYPES[file.slice(file.lastIndexOf(".") + 1)]!,
  };
}

export const readPrintMedia = (key: string, file: string) => readFound(printMediaFile(key, file));
