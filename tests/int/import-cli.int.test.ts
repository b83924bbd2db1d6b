// npm run import:issue against a scratch copy of content/: the result must pass
// loadContent, and an existing issue folder is refused without --force.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { REPORT_FILE } from "@/lib/content/import";
import { loadContent } from "@/lib/content/read";
import { main } from "@/scripts/import-issue";
import { SOURCE_ISSUE } from "../helpers/source-issue";

const FIXTURES = path.resolve("tests/fixtures/import");
const DATE = "2022-12-21";

let root: string;
let log: MockInstance<typeof console.log>;
let error: MockInstance<typeof console.error>;

beforeEach(() => {
  mkdirSync("tests/.tmp", { recursive: true });
  root = path.relative(process.cwd(), mkdtempSync(path.resolve("tests/.tmp/import-")));
  cpSync("content", root, { recursive: true });
  log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  error = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

const printed = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.flat().join("\n");
const folder = (date = DATE) => path.join(root, "issues", date);

describe("import:issue", () => {
  it("writes drafts, issue.yaml and the report for a new issue, and the tree still validates", async () => {
    expect(await main([SOURCE_ISSUE, "--date", DATE, "--content", root])).toBe(0);
    const content = await loadContent(root);
    const issue = content.issues.find((i) => i.slug === DATE)!;
    expect(issue.banner).toBe("新时代 新征程 新伟业");
    expect(issue.articleSlugs).toHaveLength(5);
    const drafts = content.articles.filter((a) => a.issueSlug === DATE);
    expect(drafts.every((a) => a.frontmatter.draft)).toBe(true);
    // The curated issue is untouched and no slug clashes with it.
    expect(content.articles.filter((a) => a.issueSlug === "2022-12-20")).toHaveLength(5);

    const report = readFileSync(path.join(folder(), REPORT_FILE), "utf8");
    expect(report).toContain("低置信度");
    expect(report).toContain("创新引领发展 打造行业标杆");
    const out = printed(log);
    expect(out).toContain("导入 5 篇草稿");
    expect(out).toContain("校验通过");
  });

  it("refuses an existing issue folder without --force, and replaces its drafts with it", async () => {
    expect(await main([SOURCE_ISSUE, "--date", DATE, "--content", root])).toBe(0);
    const before = readdirSync(folder()).sort();
    writeFileSync(path.join(folder(), "photo.jpg"), "not really a photo");

    expect(await main([SOURCE_ISSUE, "--date", DATE, "--content", root])).toBe(1);
    const refusal = printed(error);
    expect(refusal).toContain(`${root}/issues/${DATE} 已存在`);
    expect(refusal).toContain("--force");
    expect(readdirSync(folder()).sort()).toEqual([...before, "photo.jpg"].sort());

    expect(
      await main([path.join(FIXTURES, "04-displaced-tail.txt"), "--date", DATE, "--content", root, "--force"]),
    ).toBe(0);
    const content = await loadContent(root);
    expect(content.issues.find((i) => i.slug === DATE)!.articleSlugs).toEqual([
      "long-quan-xiang-xiao-za-liang",
      "shou-hu-yi-ku-qing-shui",
    ]);
    expect(existsSync(path.join(folder(), "photo.jpg")), "--force replaces articles, not images").toBe(true);
  });

  it("refuses the curated issue's own folder", async () => {
    expect(await main([SOURCE_ISSUE, "--date", "2022-12-20", "--content", root])).toBe(1);
    expect(printed(error)).toContain("已存在");
  });

  it("validates its arguments", async () => {
    expect(await main([SOURCE_ISSUE, "--date", "2022-02-30", "--content", root])).toBe(1);
    expect(printed(error)).toContain("不是有效日期");
    expect(await main([SOURCE_ISSUE, "--content", root])).toBe(1);
    expect(await main(["tests/fixtures/import/no-such-file.txt", "--date", DATE, "--content", root])).toBe(1);
    expect(await main([SOURCE_ISSUE, "--date", DATE, "--content", root, "--bogus"])).toBe(1);
    const noHeadlines = path.join(root, "no-headlines.txt");
    writeFileSync(noHeadlines, "本报讯 这份稿子没有标题。\n");
    expect(await main([noHeadlines, "--date", DATE, "--content", root])).toBe(1);
    expect(printed(error)).toContain("没有找到任何稿件");
    expect(existsSync(folder())).toBe(false);
  });

  it("imports every fixture into a tree that validates, leaving undeclared columns out", async () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    for (const [i, name] of fixtures.entries()) {
      expect(await main([path.join(FIXTURES, name), "--date", `2030-01-0${i + 1}`, "--content", root]), name).toBe(0);
    }
    const content = await loadContent(root);
    expect(content.issues).toHaveLength(1 + fixtures.length);
    const patrol = content.articles.find((a) => a.frontmatter.title === "寒冬里的“暖心”巡线人")!;
    expect(patrol.frontmatter.column).toBeUndefined();
    expect(readFileSync(path.join(folder("2030-01-03"), REPORT_FILE), "utf8")).toContain("slug: xin-chun-zou-ji-ceng");
    // Slugs stay unique across the issues.
    expect(new Set(content.articles.map((a) => a.slug)).size).toBe(content.articles.length);
  });

  it("takes the issue's date, number, pages and editors from the page headers when --date is left out", async () => {
    const page = path.resolve("tests/fixtures/import-corpus/04-fenshui-p1-p2.txt");
    expect(await main([page, "--content", root])).toBe(0);
    expect(printed(log)).toContain("采用版面上印的出版日期 2023-06-02");
    const content = await loadContent(root);
    const issue = content.issues.find((i) => i.slug === "2023-06-02")!;
    expect(issue.number).toBe(2718);
    expect(issue.pages.map((p) => [p.number, p.name, p.staff.map((s) => `${s.role} ${s.name}`)])).toEqual([
      ["1", "要闻", ["责任编辑 刘海燕", "校对 贾敏"]],
      ["2", "综合", ["责任编辑 高文", "校对 贾敏"]],
    ]);
    const lead = content.articles.find((a) => a.slug === issue.articleSlugs[0])!;
    expect(lead.frontmatter.bylines).toEqual([
      { name: "冯志刚", role: "记者" },
      { name: "段丽萍", role: "通讯员" },
    ]);
    const report = readFileSync(path.join(folder("2023-06-02"), REPORT_FILE), "utf8");
    expect(report).toContain("第 13 行「(下转第2版)」");
    expect(report).toContain("第 21 行「责任编辑:刘海燕 校对:贾敏」：版面署名");
  });

  it("imports every corpus page into a tree that validates", async () => {
    const pages = readdirSync("tests/fixtures/import-corpus").filter((f) => f.endsWith(".txt"));
    for (const [i, name] of pages.entries()) {
      const date = `2032-01-${String(i + 1).padStart(2, "0")}`;
      const file = path.resolve("tests/fixtures/import-corpus", name);
      expect(await main([file, "--date", date, "--content", root]), name).toBe(0);
    }
    const content = await loadContent(root);
    expect(content.issues).toHaveLength(1 + pages.length);
    expect(new Set(content.articles.map((a) => a.slug)).size).toBe(content.articles.length);
  });

  it("runs as the npm script's command", async () => {
    const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), [
      "scripts/import-issue.ts",
      path.join(FIXTURES, "01-datelines-bylines.txt"),
      "--date",
      DATE,
      "--content",
      root,
    ]);
    expect(stdout).toContain("导入 3 篇草稿");
    await expect(loadContent(root)).resolves.toBeTruthy();
    const refused = promisify(execFile)(path.resolve("node_modules/.bin/tsx"), [
      "scripts/import-issue.ts",
      path.join(FIXTURES, "01-datelines-bylines.txt"),
      "--date",
      DATE,
      "--content",
      root,
    ]);
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--force") });
  });
});
