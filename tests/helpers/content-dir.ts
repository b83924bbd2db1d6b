import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentFile } from "@/lib/content/parse";

/** A scratch copy of a content tree on disk; `root` is relative to the project like content/ is. */
export function scratchContent(from?: string): {
  root: string;
  write(rel: string, text: string): void;
  remove(rel: string): void;
  dispose(): void;
} {
  mkdirSync("tests/.tmp", { recursive: true });
  const root = path.relative(process.cwd(), mkdtempSync(path.resolve("tests/.tmp/content-")));
  if (from) cpSync(from, root, { recursive: true });
  return {
    root,
    write(rel, text) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    },
    remove(rel) {
      rmSync(path.join(root, rel));
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Writes in-memory content files (paths starting with `content/`) under a scratch root. */
export function writeTree(files: ContentFile[], root: string) {
  for (const f of files) {
    const p = path.join(root, f.path.replace(/^content\//, ""));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
}
