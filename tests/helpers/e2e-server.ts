// The site the browser tests drive: a production build over its own database,
// seeded with content/ plus an older synthetic issue, so that lists with
// Chinese keys run to more than one page.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { writeTree } from "./content-dir";
import { syntheticE2eIssue } from "./e2e-content";

const TMP = path.resolve("tests/.tmp");
const root = "tests/.tmp/e2e-content";
mkdirSync(TMP, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(TMP, `e2e.db${suffix}`), { force: true });
rmSync(root, { recursive: true, force: true });
cpSync("content", root, { recursive: true });
writeTree(syntheticE2eIssue(), root);

process.env.DATABASE_URL = "file:./tests/.tmp/e2e.db";
process.env.CONTENT_DIR = root;
process.env.NEXT_DIST_DIR = ".next-e2e";
process.env.SITE_URLS = `http://127.0.0.1:${process.env.PORT}`;
await import("../../scripts/start");
