import { describe, expect, it } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { articleMd, contentTree, issueYaml, problemsOf } from "../helpers/content-fixtures";

const ISSUE = "content/issues/2023-01-03";

describe("parseContent", () => {
  it("turns a valid tree into typed records in print order", () => {
    const set = parseContent(contentTree());
    expect(set.sections.map((s) => s.slug)).toEqual(["news", "rural"]);
    expect(set.issues).toHaveLength(1);
    expect(set.issues[0]).toMatchObject({ slug: "2023-01-03", date: "2023-01-03", banner: "新时代 新征程 新伟业" });
    expect(set.articles.map((a) => [a.slug, a.position])).toEqual([
      ["first-story", 1],
      ["second-story", 2],
    ]);
    expect(set.articles[1]!.frontmatter).toMatchObject({
      title: "第二篇",
      section: "rural",
      column: "ershida",
      bylines: [{ name: "张三", role: null }],
      tags: ["乡村振兴", "测试"],
    });
  });

  it("gives every article a hash that changes with its text and its place in the issue", () => {
    const a = parseContent(contentTree()).articles[0]!.hash;
    const edited = parseContent(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ title: "第一篇改" }) }))
      .articles[0]!.hash;
    const moved = parseContent(
      contentTree({ [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-03", ["second-story", "first-story"]) }),
    ).articles.find((x) => x.slug === "first-story")!.hash;
    expect(new Set([a, edited, moved]).size).toBe(3);
  });

  it("names file, line and field for an unknown section", () => {
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ section: "sport" }) }));
    expect(p).toMatchObject({ file: `${ISSUE}/first-story.md`, line: 3, field: "section" });
    expect(p!.message).toContain('unknown section "sport"');
    expect(p!.message).toContain("news, rural");
  });

  it("names the field of a missing title", () => {
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ title: "" }) }));
    expect(p).toMatchObject({
      file: `${ISSUE}/first-story.md`,
      line: 2,
      field: "title",
      message: "is required but missing",
    });
  });

  it("names both files of a duplicate slug", () => {
    const problems = problemsOf(
      contentTree({
        [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-03", ["first-story", "second-story"]),
        [`${ISSUE}/second-story.md`]: articleMd({ title: "第二篇", slug: "first-story" }),
      }),
    );
    const dup = problems.find((p) => p.field === "slug" && p.message.includes("duplicate"))!;
    expect(dup.file).toBe(`${ISSUE}/second-story.md`);
    expect(dup.line).toBe(6);
    expect(dup.message).toContain(`${ISSUE}/first-story.md`);
  });

  it("rejects an empty body, naming the line where it should start", () => {
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({}, "\n  \n") }));
    expect(p).toMatchObject({ file: `${ISSUE}/first-story.md`, field: "body", line: 7 });
  });

  it("reports malformed YAML with its file line", () => {
    const broken = "---\ntitle: 标题\nsection: [news\n---\n\n正文。\n";
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: broken }));
    expect(p).toMatchObject({ file: `${ISSUE}/first-story.md`, field: "yaml" });
    expect(p!.line).toBeGreaterThanOrEqual(3);
    expect(p!.message).toMatch(/malformed YAML/);
  });

  it("rejects a file without frontmatter", () => {
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: "只有正文。\n" }));
    expect(p).toMatchObject({ file: `${ISSUE}/first-story.md`, line: 1, field: "frontmatter" });
  });

  it("flags a misspelt field instead of ignoring it", () => {
    const [p] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ byline: "[李四]" }) }));
    expect(p).toMatchObject({ field: "byline", line: 6 });
    expect(p!.message).toContain("unknown field");
  });

  it("reads bylines and photo credits as plain names or with their printed role, and a reprint's source", () => {
    const md = articleMd({
      bylines: "[崔丽娟, { name: 王五, role: 全媒体记者 }]",
      photoCredits: "[{ name: 李斌, role: 记者 }]",
      source: "新华社",
    });
    const fm = parseContent(contentTree({ [`${ISSUE}/first-story.md`]: md })).articles[0]!.frontmatter;
    expect(fm.bylines).toEqual([
      { name: "崔丽娟", role: null },
      { name: "王五", role: "全媒体记者" },
    ]);
    expect(fm.photoCredits).toEqual([{ name: "李斌", role: "记者" }]);
    expect(fm.source).toBe("新华社");
  });

  it("names the line and field of an unknown role and of a byline listed twice", () => {
    const [role] = problemsOf(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd({ bylines: "\n  - 张三\n  - { name: 李四, role: 记着 }" }),
      }),
    );
    expect(role).toMatchObject({ field: "bylines[1].role", line: 6 });
    expect(role!.message).toContain("全媒体记者");
    const [twice] = problemsOf(
      contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ bylines: "[张三, { name: 张三, role: 记者 }]" }) }),
    );
    expect(twice).toMatchObject({ field: "bylines[1]", line: 4 });
    expect(twice!.message).toContain("twice");
  });

  it("rejects an unknown column and a repeated tag", () => {
    const [column] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ column: "nope" }) }));
    expect(column).toMatchObject({ field: "column", line: 6 });
    expect(column!.message).toContain("ershida");
    const [tag] = problemsOf(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ tags: "[a, a]" }) }));
    expect(tag).toMatchObject({ field: "tags[1]", line: 5 });
  });

  it("requires an issue's date to match its folder and its article list to match its files", () => {
    const problems = problemsOf(
      contentTree({ [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-04", ["first-story", "ghost"]) }),
    );
    expect(problems.find((p) => p.field === "date")).toMatchObject({ file: `${ISSUE}/issue.yaml`, line: 1 });
    expect(problems.find((p) => p.field === "articles[1]")).toMatchObject({ file: `${ISSUE}/issue.yaml`, line: 5 });
    expect(problems.find((p) => p.file.endsWith("second-story.md"))!.message).toContain("not listed");
  });

  it("rejects dates that do not exist", () => {
    const problems = problemsOf(
      contentTree({ [`${ISSUE}/issue.yaml`]: issueYaml("2023-02-30", ["first-story", "second-story"]) }),
    );
    expect(problems.find((p) => p.field === "date")!.message).toContain("not a real calendar date");
  });

  it("rejects an old slug that another article uses", () => {
    const [p] = problemsOf(
      contentTree({ [`${ISSUE}/second-story.md`]: articleMd({ title: "第二篇", oldSlugs: "[first-story]" }) }),
    );
    expect(p).toMatchObject({ file: `${ISSUE}/second-story.md`, field: "oldSlugs[0]" });
    expect(p!.message).toContain(`${ISSUE}/first-story.md`);
  });

  it("validates publication times, drafts and corrections", () => {
    const problems = problemsOf(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd({
          publishAt: "明天",
          draft: "maybe",
          corrections: "[{date: 2023-13-01, text: 改}]",
        }),
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(["corrections[0].date", "draft", "publishAt"]);
  });

  it("collects every problem in one pass", () => {
    const problems = problemsOf(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd({ section: "sport" }),
        [`${ISSUE}/second-story.md`]: articleMd({ title: "" }),
      }),
    );
    expect(problems).toHaveLength(2);
  });
});
