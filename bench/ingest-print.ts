// npm run bench:ingest -- --print [--print-issues 52]: the print edition's share of an ingest.
// Times, against a scratch SQLite database and print store: an issue of 8 page PDFs rendered and
// joined, the same ingest again (nothing to render), and a year of issues of 8 pages each (52 by
// default: a weekly paper; pass 365 for a daily). Then the two Debian renderers side by side on
// the same pages (raster alone), and the sizes of what one page becomes.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { quietly } from "./site";

const TMP = "bench/.tmp";
const ROOT = `${TMP}/print-content`;
const DB = `${TMP}/print.db`;
const STORE = `${TMP}/print-store`;
const PAGES_PER_ISSUE = 8;

export async function benchPrint(issues: number) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(DB + suffix, { force: true });
  rmSync(ROOT, { recursive: true, force: true });
  rmSync(STORE, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  process.env.DATABASE_URL = `file:./${DB}`;
  process.env.PRINT_DIR = STORE;
  const { writeTree } = await import("../tests/helpers/content-dir");
  const { createSqliteFileAt } = await import("../tests/helpers/sqlite-file");
  const { PRINT_FIXTURE_DIR, PRINT_PAGES } = await import("../tests/helpers/print-fixture");
  const { runIngest } = await import("../scripts/ingest");
  createSqliteFileAt(DB);
  writeTree([{ path: "content/sections.yaml", text: "- slug: news\n  name: 要闻\n  description: 要闻。\n" }], ROOT);

  const fixtures = PRINT_PAGES.map((p) => readFileSync(path.join(PRINT_FIXTURE_DIR, p.file)));
  /** One issue of 8 pages, each page a fixture PDF made unique (a comment after %%EOF), one story a page. */
  const writeIssue = (date: string) => {
    const dir = path.join(ROOT, "issues", date);
    mkdirSync(dir, { recursive: true });
    const pages = Array.from({ length: PAGES_PER_ISSUE }, (_, i) => {
      const slug = `p${date.replaceAll("-", "")}-${i + 1}`;
      writeFileSync(
        path.join(dir, `page-${i + 1}.pdf`),
        Buffer.concat([fixtures[i % 3]!, Buffer.from(`\n% ${slug}\n`)]),
      );
      writeFileSync(
        path.join(dir, `${slug}.md`),
        `---\ntitle: 第${i + 1}版报道 ${date}\nsection: news\n---\n\n正文。\n`,
      );
      return `  - page: ${i + 1}\n    pdf: page-${i + 1}.pdf\n    articles:\n      - slug: ${slug}\n        area: { x: 0.05, y: 0.1, width: 0.9, height: 0.8 }`;
    });
    writeFileSync(path.join(dir, "issue.yaml"), `date: ${date}\npages:\n${pages.join("\n")}\n`);
  };
  const timed = async (label: string, pages: number) => {
    const start = performance.now();
    const report = await quietly(() => runIngest({ root: ROOT, notify: false }));
    const seconds = (performance.now() - start) / 1000;
    if (!report) throw new Error(`${label}: the ingest failed`);
    const rendered = report.other.find((l) => l.includes("rendered")) ?? "nothing rendered";
    const per = pages ? `   ${((seconds / pages) * 1000).toFixed(0)} ms a page` : "";
    console.log(`${label.padEnd(40)} ${seconds.toFixed(2).padStart(8)} s${per}   (${rendered})`);
    return seconds;
  };

  console.log(
    `print pages: A3 page PDFs with embedded CJK fonts (${PRINT_FIXTURE_DIR}), ${PAGES_PER_ISSUE} to an issue`,
  );
  writeIssue("2023-01-02");
  await timed(`one issue of ${PAGES_PER_ISSUE} page PDFs`, PAGES_PER_ISSUE);
  await timed("the same again (nothing to render)", 0);
  const start = Date.UTC(2023, 0, 2);
  const step = Math.max(1, Math.floor(365 / issues));
  for (let i = 1; i < issues; i++) writeIssue(new Date(start + i * step * 86_400_000).toISOString().slice(0, 10));
  await timed(`a year: ${issues} issues, ${issues * PAGES_PER_ISSUE} pages`, (issues - 1) * PAGES_PER_ISSUE);

  // The two Debian renderers on the same eight pages, drawing a 1600 px wide PNG each.
  const eight = readdirSync(path.join(ROOT, "issues", "2023-01-02"))
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => path.join(ROOT, "issues", "2023-01-02", f));
  const raster = (command: string, args: (pdf: string, out: string) => string[]) => {
    const t = performance.now();
    for (const pdf of eight) execFileSync(command, args(pdf, `${TMP}/raster`), { stdio: "ignore" });
    return ((performance.now() - t) / eight.length).toFixed(0);
  };
  const mu = raster("mutool", (pdf, out) => ["draw", "-q", "-o", `${out}.png`, "-w", "1600", "-F", "png", pdf, "1"]);
  let poppler = "not installed";
  try {
    poppler = `${raster("pdftoppm", (pdf, out) => ["-png", "-singlefile", "-scale-to-x", "1600", "-scale-to-y", "-1", pdf, out])} ms a page`;
  } catch {
    // poppler-utils is optional: the portal renders with mutool.
  }
  console.log(`raster alone, 1600 px PNG: mutool ${mu} ms a page; pdftoppm ${poppler}`);

  // What one page became.
  const folder = readdirSync(STORE).find(
    (n) => !n.startsWith(".") && readdirSync(path.join(STORE, n)).includes("w1600.webp"),
  )!;
  const sizes = readdirSync(path.join(STORE, folder))
    .sort()
    .map((f) => `${f} ${(statSync(path.join(STORE, folder, f)).size / 1024).toFixed(0)} KB`);
  console.log(`one page's files: ${sizes.join(", ")}`);
}
