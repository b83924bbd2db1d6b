// Proves the curated content/ holds the source print issue exactly: every
// sentence of its article text once, in the right article and order; the
// banner, column heads, kickers, subtitles, datelines and bylines in frontmatter.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import type { ArticleSource, ContentSet, IssueSource } from "@/lib/content/parse";
import { createHash } from "node:crypto";
import { SOURCE_ISSUE, SOURCE_ISSUE_SHA256 } from "../helpers/source-issue";

/** The print damage this issue carries that the curation repaired by moving text. */
const DISPLACED_TAIL = {
  article: "jinyu-shuini-chuangxin",
  firstLineStartsWith: "“魏丹创新工作室”成员冯晨霄介绍说",
  lastLineEndsWith: "(王磊)",
};

// Half-width punctuation in the source may be restored to full width in content: compare in NFKC.
const norm = (s: string) => s.normalize("NFKC").trim();
const stripHeadingMark = (line: string) => line.replace(/^#+\s*/, "");

/** Sentences of a run of text; page breaks and paragraph breaks vanish so only the words are compared. */
function sentences(lines: string[]): string[] {
  const joined = lines.map((l) => norm(stripHeadingMark(l))).join("");
  return (joined.match(/[^。!?]*[。!?]+[”’」』)]*|[^。!?]+$/gu) ?? []).map((s) => s.trim()).filter(Boolean);
}

let content: ContentSet;
let issue: IssueSource;
let articles: ArticleSource[];
let sourceLines: string[];

beforeAll(async () => {
  content = await loadContent("content");
  issue = content.issues.find((i) => i.slug === "2022-12-20")!;
  articles = issue.articleSlugs.map((slug) => content.articles.find((a) => a.slug === slug)!);
  sourceLines = readFileSync(SOURCE_ISSUE, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
});

/** Index of the only source line equal (after normalising) to `text`; fails if it is absent or repeated. */
function uniqueLine(text: string, lines = sourceLines): number {
  const hits = lines.flatMap((l, i) => (norm(stripHeadingMark(l)) === norm(text) ? [i] : []));
  expect(hits, `"${text}" should stand on exactly one source line`).toHaveLength(1);
  return hits[0]!;
}

/** The source's article text, per article, after the curation's documented repairs. */
function expectedBodies(): Map<string, string[]> {
  const starts = articles.map((a) => uniqueLine(a.frontmatter.title));
  expect(starts, "headlines appear in print order").toEqual([...starts].sort((a, b) => a - b));
  const segments = new Map(
    articles.map((a, i) => [a.slug, sourceLines.slice(starts[i]! + 1, starts[i + 1] ?? sourceLines.length)]),
  );

  // Move the displaced tail to the end of its story.
  const holder = [...segments].find(([, lines]) =>
    lines.some((l) => l.startsWith(DISPLACED_TAIL.firstLineStartsWith)),
  )!;
  const from = holder[1].findIndex((l) => l.startsWith(DISPLACED_TAIL.firstLineStartsWith));
  const to = holder[1].findIndex((l, i) => i >= from && norm(l).endsWith(norm(DISPLACED_TAIL.lastLineEndsWith)));
  expect(to).toBeGreaterThanOrEqual(from);
  const tail = holder[1].splice(from, to - from + 1);
  segments.get(DISPLACED_TAIL.article)!.push(...tail);

  // Lines that frontmatter accounts for: each must be a whole source line, once.
  const accounted = new Set<string>();
  for (const a of articles) {
    const fm = a.frontmatter;
    for (const v of [fm.kicker, fm.subtitle, fm.column && content.columns.find((c) => c.slug === fm.column)!.name])
      if (v) accounted.add(norm(v));
  }
  for (const v of accounted) uniqueLine(v);

  for (const a of articles) {
    let lines = segments.get(a.slug)!.filter((l) => !accounted.has(norm(stripHeadingMark(l))));
    const fm = a.frontmatter;
    if (fm.bylines.length) {
      const underTitle = norm(fm.bylines.map((b) => b.name).join(" "));
      const trailing = `(${underTitle})`;
      if (norm(lines[0]!) === underTitle) lines = lines.slice(1);
      else {
        const last = lines.findLastIndex((l) => norm(l).endsWith(trailing));
        expect(last, `${a.slug}: byline ${trailing} closes its text`).toBe(lines.length - 1);
        lines[last] = norm(lines[last]!).slice(0, -trailing.length);
      }
    }
    if (fm.dateline) {
      expect(lines[0]!.startsWith(`${fm.dateline} `), `${a.slug}: opens with the dateline ${fm.dateline}`).toBe(true);
      lines[0] = lines[0]!.slice(fm.dateline.length + 1);
    }
    segments.set(a.slug, lines);
  }
  return segments;
}

describe("content/ against the source print issue", () => {
  it("reads the source exactly as received", () => {
    expect(createHash("sha256").update(readFileSync(SOURCE_ISSUE)).digest("hex")).toBe(SOURCE_ISSUE_SHA256);
  });

  it("accounts for the banner as the issue's, and for nothing else before the first headline", () => {
    const first = uniqueLine(articles[0]!.frontmatter.title);
    expect(sourceLines.slice(0, first).map(norm)).toEqual([norm(issue.banner!)]);
  });

  it("holds the five stories in print order", () => {
    expect(articles.map((a) => norm(a.frontmatter.title))).toEqual([
      "2023,为左权发展精准抓落实",
      "在『严管』中彰显『厚爱』",
      "写好乡村振兴大文章",
      "创新引领发展 打造行业标杆",
      "左权天然乳胶产业园 首批生产线投产运行",
    ]);
  });

  it("has every sentence of each story exactly once, in its own article, in reading order", () => {
    const expected = expectedBodies();
    let total = 0;
    for (const a of articles) {
      const actual = sentences(a.body.split("\n").filter((l) => l.trim()));
      expect(actual, a.slug).toEqual(sentences(expected.get(a.slug)!));
      total += actual.length;
    }
    // Every sentence of the whole source is in exactly one article.
    const all = articles.flatMap((a) => sentences(a.body.split("\n").filter((l) => l.trim())));
    expect(new Set(all).size, "no sentence is repeated").toBe(all.length);
    expect(total).toBeGreaterThan(100);
  });

  it("restores full-width punctuation in Chinese text", () => {
    const halfWidthInChinese = /(?<=\p{Script=Han})[,;:!?()]|[,;:!?()](?=\p{Script=Han})/u;
    for (const a of articles) expect(halfWidthInChinese.exec(`${a.frontmatter.title}\n${a.body}`), a.slug).toBeNull();
  });

  it("joins the words that page breaks split", () => {
    const bodies = norm(articles.map((a) => a.body).join("\n"));
    for (const joined of [
      "年初经济工作会议",
      "一本经念到底",
      "“山、水、田、大美自然”",
      "坚持大抓基层的鲜明导向",
      "专业合作社",
      "“李祖能劳模创新工作室”,李祖能正",
    ]) {
      expect(bodies).toContain(norm(joined));
    }
  });

  it("keeps subheads as subheads", () => {
    const grid = articles[1]!.body;
    expect(grid).toMatch(/^#+ 当好“把关者” 选优“暖心人”$/m);
  });

  it("credits the writers, not the people the stories quote", () => {
    expect(articles.map((a) => a.frontmatter.bylines.map((b) => b.name))).toEqual([
      ["陈晓文"],
      ["崔丽娟"],
      ["景亚萱"],
      ["王磊"],
      ["军星", "李斌"],
    ]);
    for (const a of articles) {
      for (const { name } of a.frontmatter.bylines)
        expect(a.body, `${name} is a byline, not body text`).not.toContain(name);
    }
  });
});
