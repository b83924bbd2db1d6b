// The print-issue importer on the source issue (against its curated articles)
// and on varied issues of our own: what it decides, and that nothing is lost.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import {
  parsePrintIssue,
  renderDrafts,
  renderReport,
  UNPLACED_HEADING,
  type PrintIssueImport,
} from "@/lib/content/import";
import { BYLINE_ROLES } from "@/lib/content/import/bylines";
import { parseContent, type ArticleSource, type ContentFile, type ContentSet } from "@/lib/content/parse";
import { readContentFiles } from "@/lib/content/read";
import { columnsFileSchema, sectionsFileSchema } from "@/lib/content/schemas";
import { SOURCE_ISSUE } from "../helpers/source-issue";

const FIXTURES = "tests/fixtures/import";
const DATE = "2031-05-04";

const sections = sectionsFileSchema.parse(parseYaml(readFileSync("content/sections.yaml", "utf8")));
const columns = columnsFileSchema.parse(parseYaml(readFileSync("content/columns.yaml", "utf8")));

let tree: ContentFile[];
let curated: ContentSet;

beforeAll(async () => {
  tree = await readContentFiles("content");
  curated = parseContent(tree);
});

interface Imported {
  result: PrintIssueImport;
  report: string;
  /** The content tree with the drafts added, validated by parseContent. */
  set: ContentSet;
  drafts: ArticleSource[];
  files: ContentFile[];
}

function importText(text: string): Imported {
  const existingSlugs = curated.articles.map((a) => a.slug);
  const result = parsePrintIssue(text, { sections, columns, existingSlugs });
  const files = renderDrafts(result, DATE).map((f) => ({ path: `content/${f.path}`, text: f.text }));
  const report = renderReport(result, { date: DATE, source: "input.txt" });
  const set = parseContent([...tree, ...files]);
  const drafts = set.articles.filter((a) => a.issueSlug === DATE).sort((a, b) => a.position - b.position);
  return { result, report, set, drafts, files };
}

// Compare in NFKC, as tests/unit/fidelity.test.ts does: restored full-width marks equal their half-width source.
const norm = (s: string) => s.normalize("NFKC").trim();
const squash = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
const stripHeadingMark = (line: string) => line.replace(/^#+\s*/, "");
const SENTENCE = /[^。!?]*[。!?]+[”’」』)]*|[^。!?]+$/gu;

/** Sentences of a Markdown body, paragraph breaks ignored (the fidelity test's measure). */
function bodySentences(body: string): string[] {
  const joined = body
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => norm(stripHeadingMark(l)))
    .join("");
  return (joined.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Sentences of runs of lines; a heading is a run of its own, so titles never glue onto text. */
function runSentences(runs: string[][]): string[] {
  return runs.flatMap((run) => squash(run.join("")).match(SENTENCE) ?? []).filter(Boolean);
}

function splitRuns(lines: string[]): string[][] {
  const runs: string[][] = [[]];
  for (const line of lines) {
    if (/^#{1,6}\s/.test(line)) runs.push([stripHeadingMark(line)], []);
    else runs.at(-1)!.push(line);
  }
  return runs;
}

/** The fenced blocks of the report's verbatim section. */
function unplacedBlocks(report: string): string[] {
  const section = report.slice(report.indexOf(UNPLACED_HEADING) + UNPLACED_HEADING.length);
  return [...section.matchAll(/^```text\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}

/**
 * Every sentence of the input, less what went to frontmatter and issue.yaml
 * (banner, headlines, kickers, subtitles, column heads, datelines, bylines), must
 * be found exactly once across the drafts and the report's verbatim section.
 */
function expectNothingLost(source: string, { set, drafts, report, result }: Imported) {
  const issue = set.issues.find((i) => i.slug === DATE)!;
  const fms = drafts.map((d) => d.frontmatter);
  const names = new Set(fms.flatMap((f) => f.bylines.map((b) => b.name)));
  const roles = new Set<string>(BYLINE_ROLES);
  const isCredit = (t: string) =>
    names.has(t) || roles.has(t) || [...roles].some((r) => t.startsWith(r) && names.has(t.slice(r.length)));
  const onlyCredits = (s: string) => {
    const tokens = s.split(/[\s、,，]+/u).filter(Boolean);
    return tokens.length > 0 && tokens.every(isCredit);
  };

  // Whole lines that frontmatter or issue.yaml (or, for an undeclared column, the report) holds.
  const whole: string[] = [];
  for (const f of fms) {
    whole.push(f.title);
    if (f.kicker) whole.push(f.kicker);
    if (f.subtitle) whole.push(f.subtitle);
    if (f.column) whole.push(set.columns.find((c) => c.slug === f.column)!.name);
  }
  for (const s of result.stories) {
    if (s.column && !s.column.slug) {
      expect(report, "an undeclared column head is named in the report").toContain(s.column.name);
      whole.push(s.column.name);
    }
  }
  const wholeLeft = whole.map(squash);
  const datelinesLeft = fms.flatMap((f) => (f.dateline ? [f.dateline] : []));

  const lines = source
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const firstHeading = lines.findIndex((l) => /^#{1,6}\s/.test(l));
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const key = squash(stripHeadingMark(line));
    if (issue.banner && (firstHeading === -1 || i < firstHeading) && squash(issue.banner).includes(key)) return;
    const w = wholeLeft.indexOf(key);
    if (w !== -1) {
      wholeLeft.splice(w, 1);
      // What frontmatter took still separates the text before it from the text after it.
      return void kept.push("# ");
    }
    if (/^#{1,6}\s/.test(line)) return void kept.push(line);
    let text = line;
    const d = datelinesLeft.findIndex((dl) => text.startsWith(dl));
    if (d !== -1) {
      text = text.slice(datelinesLeft[d]!.length);
      datelinesLeft.splice(d, 1);
      const credit = /^\s*[(（]([^()（）]+)[)）]/u.exec(text);
      if (credit && onlyCredits(credit[1]!)) text = text.slice(credit[0].length);
    }
    const trailing = /[(（]([^()（）]+)[)）]\s*$/u.exec(text);
    if (trailing && onlyCredits(trailing[1]!)) text = text.slice(0, trailing.index);
    if (!text.trim() || onlyCredits(text)) return;
    kept.push(text);
  });
  expect(wholeLeft, "each headline, kicker, subtitle and column head stands on a line of its own").toEqual([]);
  expect(datelinesLeft, "each dateline opens a line of the input").toEqual([]);

  const input = runSentences(splitRuns(kept));
  const outputRuns = [
    ...drafts.flatMap((d) => splitRuns(d.body.split("\n").filter((l) => l.trim()))),
    ...unplacedBlocks(report).flatMap((b) => splitRuns(b.split("\n").filter((l) => l.trim()))),
  ];
  const output = runSentences(outputRuns);
  expect(output.length).toBeGreaterThan(0);
  expect([...output].sort()).toEqual([...input].sort());
}

describe("the source issue", () => {
  let imp: Imported;
  let sourceText: string;
  let articles: ArticleSource[];
  beforeAll(() => {
    sourceText = readFileSync(SOURCE_ISSUE, "utf8");
    imp = importText(sourceText);
    const issue = curated.issues.find((i) => i.slug === "2022-12-20")!;
    articles = issue.articleSlugs.map((slug) => curated.articles.find((a) => a.slug === slug)!);
  });

  it("becomes drafts that pass parseContent beside the existing content", () => {
    expect(imp.drafts).toHaveLength(5);
    for (const d of imp.drafts) expect(d.frontmatter.draft, d.slug).toBe(true);
    expect(imp.files.map((f) => path.basename(f.path))).toContain("issue.yaml");
  });

  it("keeps print order, headlines and the banner of the curated issue", () => {
    expect(imp.drafts.map((d) => norm(d.frontmatter.title))).toEqual(articles.map((a) => norm(a.frontmatter.title)));
    const issue = imp.set.issues.find((i) => i.slug === DATE)!;
    expect(issue.banner).toBe(curated.issues.find((i) => i.slug === "2022-12-20")!.banner);
    expect(issue.articleSlugs).toEqual(imp.drafts.map((d) => d.slug));
  });

  it("finds the kicker, subtitle, dateline, bylines and column the curation found", () => {
    const pick = (a: ArticleSource) => {
      const f = a.frontmatter;
      return {
        kicker: f.kicker && norm(f.kicker),
        subtitle: f.subtitle && norm(f.subtitle),
        dateline: f.dateline,
        bylines: f.bylines,
        column: f.column,
      };
    };
    expect(imp.drafts.map(pick)).toEqual(articles.map(pick));
  });

  it("has the curated articles' sentences, in the same order, article by article", () => {
    imp.drafts.forEach((d, i) => {
      expect(bodySentences(d.body), articles[i]!.slug).toEqual(bodySentences(articles[i]!.body));
    });
    expect(imp.drafts.flatMap((d) => bodySentences(d.body)).length).toBeGreaterThan(100);
  });

  it("restores full-width punctuation next to Chinese text and keeps the numbers", () => {
    const all = imp.drafts.map((d) => d.body).join("\n");
    expect(imp.drafts[0]!.frontmatter.title).toBe("2023，为左权发展精准抓落实");
    expect(all).toContain("打好收官战，谋划新开局。");
    expect(all).toContain("统筹社区（村）党组织");
    for (const kept of ["98.04%", "“1+N”", "30万吨/年", "PLC控制"]) expect(all).toContain(kept);
    expect(all).not.toMatch(/\p{Script=Han}[,;:!?]|[,;:!?]\p{Script=Han}/u);
  });

  it("moves the cement story's displaced tail to its end and flags it", () => {
    const cement = imp.result.stories[3]!;
    expect(cement.attached).toMatchObject({ from: 99, to: 103 });
    expect(imp.drafts[3]!.body.trimEnd().endsWith("为左权县的高质量发展贡献金隅力量。”")).toBe(true);
    expect(imp.report).toMatch(/创新引领发展 打造行业标杆 ⚠/);
    expect(imp.report).toContain("低置信度");
    expect(imp.report).toContain("第 99–103 行");
    expect(imp.result.unplaced).toEqual([]);
  });

  it("says in the report that every section is a guess", () => {
    expect(imp.report.match(/——\*\*猜测\*\*/g)).toHaveLength(5);
    for (const d of imp.drafts) expect(sections.map((s) => s.slug)).toContain(d.frontmatter.section);
  });

  it("loses nothing", () => expectNothingLost(sourceText, imp));
});

const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

interface StoryExpectation {
  title: string;
  kicker?: string;
  subtitle?: string;
  dateline?: string;
  bylines: string[];
  column?: string;
}

const EXPECTED: Record<string, { banner?: string; stories: StoryExpectation[]; unplaced: number; attached: number[] }> =
  {
    "01-datelines-bylines.txt": {
      banner: "学习贯彻党的二十大精神",
      stories: [
        { title: "我县召开2023年经济工作会议", dateline: "本报讯", bylines: ["王晓东", "赵静"] },
        { title: "全国冬季农田水利建设有序推进", dateline: "新华社北京12月20日电", bylines: ["韩宇"] },
        { title: "拐儿镇：小核桃撑起增收大产业", bylines: ["刘洋", "李婷"] },
      ],
      unplaced: 0,
      attached: [],
    },
    "02-no-banner-orphan.txt": {
      stories: [
        { title: "麻田镇开展冬季森林防火宣传", bylines: [] },
        { title: "县人民医院托管一年来门诊量增长三成", bylines: ["赵建勋"] },
        { title: "桐峪镇“桐峪1941”景区提升改造完工", dateline: "本报讯", bylines: ["王芳"] },
        { title: "县城冬季供暖运行平稳", dateline: "本报讯", bylines: ["孙丽"] },
      ],
      unplaced: 2,
      attached: [],
    },
    "03-columns-kicker-subtitle.txt": {
      banner: "喜迎新春 共度佳节",
      stories: [
        {
          title: "桐峪镇：让红色资源“活”起来",
          kicker: "聚焦红色旅游",
          subtitle: "打造“桐峪1941”品牌，年接待游客突破30万人次",
          bylines: ["郝晓明"],
          column: "ershida-jingshen-zai-jinzhong",
        },
        { title: "寒冬里的“暖心”巡线人", bylines: ["高峰", "李静"] },
      ],
      unplaced: 0,
      attached: [],
    },
    "04-displaced-tail.txt": {
      banner: "新时代 新征程 新伟业",
      stories: [
        { title: "龙泉乡：小杂粮做成大产业", dateline: "本报讯", bylines: ["韩磊"] },
        { title: "守护一库清水 保障百姓用水", kicker: "左权县石匣水库管理处", dateline: "本报讯", bylines: ["赵强"] },
      ],
      unplaced: 0,
      attached: [1],
    },
    "05-edge-cases.txt": {
      stories: [
        {
          title: "全县冬季安全生产大检查全面展开",
          dateline: "本报12月18日讯",
          bylines: ["李明"],
          column: "fenjin-xin-zhengcheng",
        },
        { title: "县图书馆新馆正式开馆", bylines: ["高峰"] },
      ],
      unplaced: 3,
      attached: [],
    },
    "06-agency-two-line-banner.txt": {
      banner: "辽州大地 新春特刊",
      stories: [
        { title: "山西省冬季文旅消费季启动", dateline: "中新社太原12月19日电", bylines: ["杨佩佩"] },
        { title: "我县举办首届左权小花戏大赛", dateline: "本报讯", bylines: ["李晓红"] },
      ],
      unplaced: 0,
      attached: [],
    },
  };

describe("varied issues", () => {
  it("has a fixture for every expectation and an expectation for every fixture", () => {
    expect(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith(".txt"))
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    describe(name, () => {
      let imp: Imported;
      beforeAll(() => {
        imp = importText(fixtureText(name));
      });

      it("finds the stories and their frontmatter", () => {
        const got = imp.drafts.map((d) => {
          const f = d.frontmatter;
          const s: StoryExpectation = { title: f.title, bylines: f.bylines.map((b) => b.name) };
          for (const k of ["kicker", "subtitle", "dateline", "column"] as const) if (f[k]) s[k] = f[k];
          return s;
        });
        expect(got).toEqual(expected.stories);
        expect(imp.set.issues.find((i) => i.slug === DATE)!.banner).toBe(expected.banner);
        expect(imp.drafts.every((d) => d.frontmatter.draft && d.frontmatter.tags.length === 0)).toBe(true);
      });

      it("places or reports every paragraph", () => {
        expect(imp.result.unplaced).toHaveLength(expected.unplaced);
        expect(unplacedBlocks(imp.report)).toHaveLength(expected.unplaced);
        expect(imp.result.stories.flatMap((s, i) => (s.attached ? [i] : []))).toEqual(expected.attached);
      });

      it("loses nothing", () => expectNothingLost(fixtureText(name), imp));
    });
  }

  it("joins a word a page break split, keeps numbers and restores punctuation", () => {
    const one = importText(fixtureText("01-datelines-bylines.txt"));
    expect(one.drafts[2]!.body).toContain("亩均效益提高三成以上。");
    expect(one.drafts[0]!.body).toContain("抓好“1+N”抽水蓄能、30万吨/年直接还原铁");
    expect(one.drafts[0]!.body.trimStart().startsWith("12月26日，全县经济工作会议召开。")).toBe(true);
    expect(one.result.stories[0]!.bylineSources[0]!.roles).toEqual([
      { role: "记者", names: ["王晓东"] },
      { role: "通讯员", names: ["赵静"] },
    ]);
    expect(one.report).toContain("记者：王晓东；通讯员：赵静");

    const three = importText(fixtureText("03-columns-kicker-subtitle.txt"));
    const body = three.drafts[0]!.body;
    expect(body).toContain("全镇从事红色旅游相关产业的群众达1200余人，人均年增收8000余元！");
    expect(body).toContain("借助短视频平台（APP）开展直播带货，每天12:30准时开播。");
    expect(body).toContain("受众达4.2万人次；游客满意度达98.04%。");
    expect(body).toMatch(/^#### 讲好红色故事$/m);
    expect(three.drafts[1]!.body).toContain("谁说巡线工作枯燥？在王建中看来");
  });

  it("leaves an undeclared column out of the frontmatter and suggests its YAML", () => {
    const three = importText(fixtureText("03-columns-kicker-subtitle.txt"));
    expect(three.drafts[1]!.frontmatter.column).toBeUndefined();
    expect(three.result.stories[1]!.column).toMatchObject({
      name: "新春走基层",
      suggestedSlug: "xin-chun-zou-ji-ceng",
    });
    expect(three.report).toContain("未在 columns.yaml 中声明");
    const yaml = /## 建议添加的栏目[\s\S]*?```yaml\n([\s\S]*?)```/.exec(three.report)![1]!;
    expect(columnsFileSchema.parse(parseYaml(yaml))).toEqual([
      { slug: "xin-chun-zou-ji-ceng", name: "新春走基层", description: "（请填写栏目简介）" },
    ]);
  });

  it("reports a story without a byline and paragraphs it cannot place, verbatim", () => {
    const two = importText(fixtureText("02-no-banner-orphan.txt"));
    expect(two.result.stories[0]!.warnings.join()).toContain("没有找到署名");
    expect(two.report).toMatch(/### 1\. 麻田镇开展冬季森林防火宣传[\s\S]*?署名 bylines：\*\*未找到\*\*/);
    const blocks = unplacedBlocks(two.report);
    expect(blocks[0]).toBe("许多患者表示,过去看大病要跑太原,现在在县里就能挂上专家号,省时又省钱。");
    expect(blocks[1]).toBe("项目建成后,还将带动周边村民从事餐饮、民宿等服务业,户均增收可达万元以上。(郝建国)");
    expect(two.result.unplaced[1]!.reason).toContain("已有署名");
    for (const d of two.drafts) expect(d.body).not.toContain("许多患者表示");
  });

  it("attaches a displaced tail that ends with a byline to the next story without one, and flags it", () => {
    const four = importText(fixtureText("04-displaced-tail.txt"));
    const water = four.drafts[1]!.body.trimEnd();
    expect(water.endsWith("承担着县城及周边村庄的供水任务。")).toBe(true);
    expect(water).toContain("确保一库清水安全送到千家万户。");
    expect(four.drafts[0]!.body).not.toContain("石匣水库总库容");
    expect(four.result.stories[1]!.attached!.reason).toContain("低置信度");
  });

  it("keeps list items apart, takes a byline printed on its own line, and reports stray headings", () => {
    const five = importText(fixtureText("05-edge-cases.txt"));
    const paragraphs = five.drafts[0]!.body.split("\n\n");
    expect(paragraphs).toContain("此次检查突出四个重点：");
    expect(paragraphs.filter((p) => /^[一二三四]是/.test(p))).toHaveLength(4);
    expect(five.drafts[1]!.body).not.toContain("高峰");
    expect(five.result.unplaced.map((u) => u.text)).toEqual([
      "本期导读:县委常委会专题学习党的二十大精神;全县冬季安全生产大检查全面展开;县图书馆新馆开馆。",
      "## 要闻",
      "## 下期预告",
    ]);
  });

  it("reads Windows line endings and a byte-order mark the same way", () => {
    const text = fixtureText("03-columns-kicker-subtitle.txt");
    const crlf = importText(`\uFEFF${text.replace(/\n/g, "\r\n")}`);
    expect(crlf.files).toEqual(importText(text).files);
  });

  it("makes no story of text without headlines, and reports all of it", () => {
    const result = parsePrintIssue("左权县报\n\n本报讯 今天没有标题。\n", { sections, columns });
    expect(result.stories).toEqual([]);
    expect(result.banner).toBe("左权县报");
    expect(result.unplaced.map((u) => u.text)).toEqual(["本报讯 今天没有标题。"]);
    expect(result.notes.join()).toContain("没有任何以 # 开头的标题行");
  });

  it("gives every draft a slug that is new to the content tree", () => {
    const existing = curated.articles.map((a) => a.slug);
    const result = parsePrintIssue(
      "# 在『严管』中彰显『厚爱』\n\n正文。\n\n# 在『严管』中彰显『厚爱』\n\n另一篇正文。\n",
      {
        sections,
        columns,
        existingSlugs: [...existing, "zai-yan-guan-zhong-zhang-xian"],
      },
    );
    expect(result.stories.map((s) => s.slug)).toEqual([
      "zai-yan-guan-zhong-zhang-xian-2",
      "zai-yan-guan-zhong-zhang-xian-3",
    ]);
  });
});

describe("another county paper's print text (issue 19)", () => {
  const text = [
    "清漳报",
    "2023年3月14日 星期二",
    "奋进新征程 建功新时代",
    "# 我县春耕备耕全面铺开",
    "全媒体记者 赵建平 报道",
    "县农业农村局组织农技人员深入各村开展技术指导,确保不误农时、应",
    "奋进新征程 建功新时代",
    "种尽种。",
    "## 县政务服务中心推出“周末不打烊”服务",
    "#### 便民服务再提速",
    "本报讯（记者 孙晓燕 通讯员 刘文涛）为方便群众办事,中心推出“周末不打烊”服务。",
  ].join("\n\n");

  it("credits the byline under the headline, not as a subtitle, and the dateline's after a subhead", () => {
    const { result, drafts } = importText(text);
    expect(result.stories[0]!.subtitle).toBeUndefined();
    expect(drafts.map((d) => d.frontmatter.bylines)).toEqual([
      [{ name: "赵建平", role: "全媒体记者" }],
      [
        { name: "孙晓燕", role: "记者" },
        { name: "刘文涛", role: "通讯员" },
      ],
    ]);
    expect(drafts[1]!.frontmatter.dateline).toBe("本报讯");
    expect(drafts[1]!.body).not.toContain("孙晓燕");
  });

  it("drops the running head where the page broke and joins the sentence around it", () => {
    const { result, drafts, report } = importText(text);
    expect(drafts[0]!.body).toContain("确保不误农时、应种尽种。");
    expect(drafts.map((d) => d.body).join()).not.toContain("奋进新征程");
    expect(result.dropped.map((d) => [d.line, d.kind])).toEqual([
      [1, "paper-name"],
      [3, "header"],
      [13, "running-head"],
    ]);
    expect(report).toContain("第 13 行「奋进新征程 建功新时代」：版头（报眼）在分页处重复印出");
    expect(report).toContain("标题下的署名行「全媒体记者 赵建平 报道」（第 9 行）");
  });
});
