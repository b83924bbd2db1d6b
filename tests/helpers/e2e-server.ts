// The site the browser tests drive: a production build over its own database,
// seeded with content/ plus an older synthetic issue, so that lists with
// Chinese keys run to more than one page.
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeTree } from "./content-dir";
import { createE2eDatabase } from "./e2e-database";
import { E2E_IMAGE, E2E_MOURNING_DAY, e2eLeadImage, syntheticE2eIssue } from "./e2e-content";
import { PRINT_DATE, PRINT_FIXTURE_DIR, PRINT_PAGES, printIssueFiles } from "./print-fixture";

const TMP = path.resolve("tests/.tmp");
const root = "tests/.tmp/e2e-content";
mkdirSync(TMP, { recursive: true });
rmSync(root, { recursive: true, force: true });
cpSync("content", root, { recursive: true });
writeTree(syntheticE2eIssue(), root);
writeFileSync(path.join(root, "issues", E2E_IMAGE.issue, E2E_IMAGE.file), await e2eLeadImage());
// A mourning day long past, so the browser tests can set the clock to it and see the site turn grey.
const siteYaml = path.join(root, "site.yaml");
writeFileSync(siteYaml, readFileSync(siteYaml, "utf8").replace(/^mourning: \[\]$/m, `mourning: [${E2E_MOURNING_DAY}]`));
// The print edition's issue: three pages with their PDFs (tests/e2e/print-edition.e2e.ts).
writeTree(printIssueFiles(), root);
for (const p of PRINT_PAGES)
  copyFileSync(path.join(PRINT_FIXTURE_DIR, p.file), path.join(root, "issues", PRINT_DATE, p.file));
process.env.PRINT_DIR = "tests/.tmp/e2e-print";

process.env.DATABASE_URL = await createE2eDatabase();
process.env.CONTENT_DIR = root;
process.env.NEXT_DIST_DIR = ".next-e2e";
process.env.SITE_URLS = `http://127.0.0.1:${process.env.PORT}`;
// /error-probe fails on purpose here, for the error page's test (tests/e2e/reader-errors.e2e.ts).
process.env.ERROR_PROBE = "1";
await import("../../scripts/start");
