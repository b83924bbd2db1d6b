import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { getPrintEdition, getPrintPage } from "@/lib/db/pages";
import { ingestContent } from "@/lib/ingest/ingest";
import { PRINT_FILES } from "@/lib/print-media";
import { runIngest } from "@/scripts/ingest";
import { scratchContent, writeTree } from "../helpers/content-dir";
import { snapshot } from "../helpers/database";
import {
  PRINT_DATE,
  PRINT_FIXTURE_DIR,
  PRINT_PAGES,
  PRINT_STORIES,
  printIssueFiles,
  printIssueYaml,
} from "../helpers/print-fixture";

// The print store of this file alone, so that its sweeps touch no other test's files.
const store = mkdtempSync(path.resolve("tests/.tmp/print-"));
process.env.PRINT_DIR = store;
afterAll(() => rmSync(store, { recursive: true, force: true }));

const FOLDER = `issues/${PRINT_DATE}`;
let content: ReturnType<typeof scratchContent>;

beforeEach(() => {
  content = scratchContent("content");
  writeTree(printIssueFiles(), content.root);
  for (const p of PRINT_PAGES)
    copyFileSync(path.join(PRINT_FIXTURE_DIR, p.file), path.join(content.root, FOLDER, p.file));
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => content.dispose());

const ingest = async () => ingestContent(db, await loadContent(content.root));
const storeKeys = () => readdirSync(store).filter((n) => !n.startsWith("."));
const pageCount = (file: string) => (readFileSync(file, "latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;

describe("ingest of an issue with page PDFs", () => {
  it("renders each page's images, joins the issue's PDF, and stores pages, stories and areas", async () => {
    const report = await ingest();
    expect(report.other).toContain("3 page files rendered, 1 issue PDFs joined");
    const pages = await db.page.findMany({
      where: { issue: { slug: PRINT_DATE } },
      orderBy: { position: "asc" },
      include: { stories: { orderBy: { position: "asc" }, include: { article: { select: { slug: true } } } } },
    });
    expect(pages.map((p) => [p.position, p.number, p.name, p.hasPdf])).toEqual([
      [1, "1", "要闻", true],
      [2, "2", "综合", true],
      [3, "3", "副刊", true],
    ]);
    expect(JSON.parse(pages[0]!.staff)).toEqual(PRINT_PAGES[0]!.staff);
    expect(pages[0]!.imageWidth).toBe(1600);
    // A3 is 1 : √2.
    expect(pages[0]!.imageHeight! / pages[0]!.imageWidth!).toBeCloseTo(Math.SQRT2, 2);
    expect(pages.flatMap((p) => p.stories.map((s) => s.article.slug))).toEqual(PRINT_STORIES.map((s) => s.slug));
    const { x, y, width, height } = PRINT_STORIES[0]!.area;
    const [right, bottom] = [x + width, y + height].map((v) => Math.round(v * 1e6) / 1e6);
    expect(JSON.parse(pages[0]!.stories[0]!.area!)).toEqual([
      [x, y],
      [right, y],
      [right, bottom],
      [x, bottom],
    ]);
    for (const p of pages) {
      const folder = path.join(store, p.mediaKey!);
      for (const file of ["w240.webp", "w800.webp", "w800.avif", "w1600.webp", "w1600.avif", PRINT_FILES.pagePdf])
        expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    const issue = await db.issue.findUniqueOrThrow({ where: { slug: PRINT_DATE } });
    expect(pageCount(path.join(store, issue.pdfKey!, PRINT_FILES.issuePdf))).toBe(3);

    const edition = (await getPrintEdition(PRINT_DATE))!;
    expect(edition.pages.map((p) => p.stories.length)).toEqual([3, 2, 2]);
    const page2 = (await getPrintPage(PRINT_DATE, 2))!;
    expect(page2.page.stories.map((s) => s.title)).toEqual(["连翘种植面积再创新高", "左权羊品牌走出太行山"]);
    expect(page2.page.image).toMatchObject({ width: 1600 });
    expect(await getPrintPage(PRINT_DATE, 4)).toBeNull();
  });

  it("renders nothing again for unchanged files, and only the changed page when one PDF changes", async () => {
    await ingest();
    const keys = storeKeys().sort();
    const mtimes = keys.map((k) => statSync(path.join(store, k)).mtimeMs);
    const again = await ingest();
    expect(again.other).toEqual([]);
    expect(storeKeys().sort()).toEqual(keys);
    expect(keys.map((k) => statSync(path.join(store, k)).mtimeMs)).toEqual(mtimes);

    // New bytes for page 2 (a PDF may carry anything after its last %%EOF): one page rendered, the issue joined again.
    const p2 = path.join(content.root, FOLDER, "page-02.pdf");
    writeFileSync(p2, Buffer.concat([readFileSync(p2), Buffer.from("\n% revised\n")]));
    const changed = await ingest();
    expect(changed.other).toContain("1 page files rendered, 1 issue PDFs joined");
    expect(changed.other).toContain(`issue ${PRINT_DATE}: 3 pages written`);
    // The old page 2 and the old issue PDF are swept; pages 1 and 3 keep their files.
    const now = storeKeys();
    expect(now).toHaveLength(keys.length);
    expect(now.filter((k) => keys.includes(k))).toHaveLength(keys.length - 2);
  });

  it("renders a page file again that went missing from the store, though no content file changed", async () => {
    await sleep(2100); // past the window in which the ingest does not vouch for fresh files
    const run = () => runIngest({ root: content.root, notify: false });
    await run();
    expect(storeKeys()).not.toHaveLength(0);
    expect((await run())!.unread).toBeGreaterThan(0);
    const [lost] = storeKeys();
    rmSync(path.join(store, lost!), { recursive: true });
    const again = await run();
    expect(again!.unread).toBeUndefined();
    expect(existsSync(path.join(store, lost!))).toBe(true);
  });

  it("removes the pages, their stories and their files when the issue loses its pages or goes", async () => {
    await ingest();
    content.write(
      `${FOLDER}/issue.yaml`,
      printIssueYaml((p) => p.number !== 3),
    );
    content.remove(`${FOLDER}/page-03.pdf`);
    await ingest();
    const page3 = await db.page.findFirstOrThrow({ where: { issue: { slug: PRINT_DATE }, position: 3 } });
    expect([page3.mediaKey, page3.hasPdf]).toEqual([null, false]);
    // Without every page's PDF there is no issue PDF.
    expect((await db.issue.findUniqueOrThrow({ where: { slug: PRINT_DATE } })).pdfKey).toBeNull();
    expect(storeKeys()).toHaveLength(2);

    rmSync(path.join(content.root, FOLDER), { recursive: true });
    await ingest();
    expect(await db.page.count({ where: { issue: { slug: PRINT_DATE } } })).toBe(0);
    expect(await db.pageStory.count()).toBe(5);
    expect(storeKeys()).toEqual([]);
  });

  it("takes an image of a page in place of its PDF: the page is shown, but there is no PDF to download", async () => {
    const { default: sharp } = await import("sharp");
    const scan = path.join(content.root, FOLDER, "page-03.png");
    await sharp({ create: { width: 1200, height: 1697, channels: 3, background: "#f4f1ea" } })
      .png()
      .toFile(scan);
    content.write(`${FOLDER}/issue.yaml`, printIssueYaml().replace("pdf: page-03.pdf", "image: page-03.png"));
    const report = await ingest();
    expect(report.other).toContain("3 page files rendered, 0 issue PDFs joined");
    const page3 = (await getPrintPage(PRINT_DATE, 3))!;
    // Never enlarged: the scan's own width.
    expect(page3.page.image).toMatchObject({ width: 1200, height: 1697 });
    expect(page3.page.pdfKey).toBeNull();
    expect(page3.edition.pdfKey).toBeNull();
    expect(existsSync(path.join(store, page3.page.image!.key, "w800.avif"))).toBe(true);
  });

  it("changes nothing when the ingest fails: not the database, not the files pages use", async () => {
    await ingest();
    const before = await snapshot(db);
    const keys = storeKeys().sort();
    // A page PDF that cannot be rendered stops the ingest before its transaction.
    writeFileSync(path.join(content.root, FOLDER, "page-01.pdf"), "not a PDF at all");
    await expect(ingest()).rejects.toThrow(/page-01\.pdf: the PDF could not be rendered/);
    expect(await snapshot(db)).toEqual(before);
    expect(storeKeys().sort()).toEqual(keys);

    // A write failing inside the transaction: the rendered files of a changed page stay unused.
    const p2 = path.join(content.root, FOLDER, "page-02.pdf");
    copyFileSync(path.join(PRINT_FIXTURE_DIR, "page-01.pdf"), path.join(content.root, FOLDER, "page-01.pdf"));
    writeFileSync(p2, Buffer.concat([readFileSync(p2), Buffer.from("\n% another\n")]));
    const set = await loadContent(content.root);
    set.articles[0] = {
      ...set.articles[0]!,
      hash: "x",
      frontmatter: { ...set.articles[0]!.frontmatter, section: "missing" },
    };
    await expect(ingestContent(db, set)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect((await getPrintPage(PRINT_DATE, 2))!.page.image!.key).toBe(
      (await db.page.findFirstOrThrow({ where: { position: 2, issue: { slug: PRINT_DATE } } })).mediaKey,
    );
  });
});
