import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { runIngest } from "@/scripts/ingest";
import { scratchContent } from "../helpers/content-dir";
import { snapshot } from "../helpers/database";

const ISSUE = "issues/2022-12-20";
let content: ReturnType<typeof scratchContent>;

beforeEach(async () => {
  content = scratchContent("content");
  await db.$executeRawUnsafe(`DELETE FROM "ArticleSearch"`);
  await db.$transaction([
    db.slugRedirect.deleteMany(),
    db.articleTag.deleteMany(),
    db.byline.deleteMany(),
    db.article.deleteMany(),
    db.tag.deleteMany(),
    db.author.deleteMany(),
    db.issue.deleteMany(),
    db.section.deleteMany(),
    db.column.deleteMany(),
  ]);
});
afterEach(() => content.dispose());

const quiet = () => vi.spyOn(console, "log").mockImplementation(() => undefined);

describe("ingest of the source issue", () => {
  it("writes the issue, its five articles and their taxonomy", async () => {
    quiet();
    const report = await runIngest({ root: content.root, notify: false });
    expect(report!.added).toHaveLength(5);
    const issue = await db.issue.findUniqueOrThrow({
      where: { slug: "2022-12-20" },
      include: { articles: { orderBy: { position: "asc" } } },
    });
    expect(issue.banner).toBe("新时代 新征程 新伟业");
    expect(issue.articles.map((a) => a.slug)).toEqual([
      "2023-jingzhun-zhua-luoshi",
      "wangge-yanguan-houai",
      "liaoyang-xiangcun-zhenxing",
      "jinyu-shuini-chuangxin",
      "rujiao-chanyeyuan-touchan",
    ]);
    expect((await db.author.findMany({ orderBy: { name: "asc" } })).map((a) => a.name).sort()).toEqual(
      ["军星", "崔丽娟", "景亚萱", "李斌", "王磊", "陈晓文"].sort(),
    );
    expect(await db.section.count()).toBe(4);
    expect(await db.column.count()).toBe(2);

    const cement = await db.article.findUniqueOrThrow({ where: { slug: "jinyu-shuini-chuangxin" } });
    expect(cement.kicker).toBe("左权金隅水泥有限公司");
    expect(cement.dateline).toBe("本报讯");
    expect(cement.excerpt).toMatch(/^党的二十大报告指出.*。$/);
    expect(cement.text.endsWith("为左权县的高质量发展贡献金隅力量。”")).toBe(true);
    expect(cement.charCount).toBeGreaterThan(500);
    expect(cement.readingMinutes).toBe(Math.max(1, Math.round(cement.charCount / 450)));

    const grid = await db.article.findUniqueOrThrow({ where: { slug: "wangge-yanguan-houai" } });
    expect((JSON.parse(grid.headings) as { text: string }[]).map((h) => h.text)).toEqual([
      "当好“把关者” 选优“暖心人”",
      "严管“淬成钢” 护航“精治理”",
      "厚爱“显关怀” 做好“娘家人”",
    ]);
    expect(grid.html).toContain("<h2");
  });

  it("is idempotent: a second run reports nothing changed and changes nothing", async () => {
    quiet();
    await runIngest({ root: content.root, notify: false });
    const before = await snapshot(db);
    const log = quiet();
    const report = await runIngest({ root: content.root, notify: false });
    expect(report).toMatchObject({ added: [], updated: [], removed: [], other: [] });
    expect(report!.unchanged).toHaveLength(5);
    expect(log.mock.calls.flat().join("\n")).toContain("nothing changed");
    expect(await snapshot(db)).toEqual(before);
  });

  it("updates an edited article and removes a deleted one with its orphaned tags and bylines", async () => {
    quiet();
    await runIngest({ root: content.root, notify: false });
    const path = `${ISSUE}/rujiao-chanyeyuan-touchan.md`;
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(`${content.root}/${path}`, "utf8").replace("首批生产线投产运行", "首批生产线投产");
    content.write(path, text);
    let report = await runIngest({ root: content.root, notify: false });
    expect(report).toMatchObject({ added: [], updated: ["rujiao-chanyeyuan-touchan"], removed: [] });
    expect((await db.article.findUniqueOrThrow({ where: { slug: "rujiao-chanyeyuan-touchan" } })).title).toBe(
      "左权天然乳胶产业园 首批生产线投产",
    );

    content.remove(path);
    const issueYaml = readFileSync(`${content.root}/${ISSUE}/issue.yaml`, "utf8").replace(
      "      - rujiao-chanyeyuan-touchan\n",
      "",
    );
    content.write(`${ISSUE}/issue.yaml`, issueYaml);
    report = await runIngest({ root: content.root, notify: false });
    expect(report!.removed).toEqual(["rujiao-chanyeyuan-touchan"]);
    expect(await db.article.count()).toBe(4);
    expect(await db.author.findUnique({ where: { name: "李斌" } })).toBeNull();
    expect(await db.tag.findUnique({ where: { name: "稳岗就业" } })).toBeNull();
    expect(await db.tag.findUnique({ where: { name: "招商引资" } })).not.toBeNull();
  });

  it("leaves the database untouched when content is invalid, naming file, line and field", async () => {
    quiet();
    await runIngest({ root: content.root, notify: false });
    const before = await snapshot(db);
    const file = `${ISSUE}/wangge-yanguan-houai.md`;
    const { readFileSync } = await import("node:fs");
    content.write(
      file,
      readFileSync(`${content.root}/${file}`, "utf8").replace("section: governance", "section: sports"),
    );
    content.write(`${ISSUE}/new-story.md`, "---\ntitle: 新稿\nsection: industry\n---\n\n新稿正文。\n");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runIngest({ root: content.root, notify: false })).toBeNull();
    const printed = errors.mock.calls.flat().join("\n");
    expect(printed).toContain(`${content.root}/${file}:4 [section]: unknown section "sports"`);
    expect(printed).toContain("Nothing was written");
    expect(await snapshot(db)).toEqual(before);
  });

  it("rolls back everything when a write fails halfway through", async () => {
    quiet();
    await runIngest({ root: content.root, notify: false });
    const before = await snapshot(db);
    const set = await loadContent(content.root);
    // A set that passed validation but points one article at a section the database lacks:
    // the first articles are written before the bad one fails.
    const last = set.articles.at(-1)!;
    set.articles = set.articles.map((a) => ({ ...a, hash: `${a.hash}-changed` }));
    set.articles[set.articles.length - 1] = {
      ...last,
      hash: "x",
      frontmatter: { ...last.frontmatter, section: "missing" },
    };
    set.sections = [...set.sections, { slug: "brand-new", name: "新版块", description: "新。" }];
    await expect(ingestContent(db, set)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
