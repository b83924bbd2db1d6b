// npm run preview: the site as readers will see it, with drafts and scheduled stories shown and
// marked 草稿 or 定时, for an editor on this machine (127.0.0.1 only, PREVIEW_PORT 3001, never
// indexable). Its own database (PREVIEW_DATABASE_URL), build and page cache (.next-preview), so
// nothing it renders reaches the public site. Saving a file under content/ updates it.
import "./check-env";
import { watch } from "node:fs";
import { env } from "../lib/env";

const { PREVIEW_DATABASE_URL, PREVIEW_PORT } = env();
process.env.SITE_PREVIEW = "1";
process.env.DATABASE_URL = PREVIEW_DATABASE_URL;
// Its print store beside its database: an ingest removes the files its own pages stopped using.
process.env.PRINT_DIR = "data/preview-print";
process.env.NEXT_DIST_DIR = ".next-preview";
process.env.PORT = String(PREVIEW_PORT);

const { runIngest } = await import("./ingest");
await import("./start");

// Re-ingest a moment after the last change (an editor's save writes several times).
const root = env().CONTENT_DIR;
let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(root, { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(async () => {
      console.log(`${root} changed: updating the preview …`);
      await runIngest().catch((e: unknown) => console.error(e));
    });
  }, 300);
});
console.log(`watching ${root}: save a file and reload the page`);
