import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/errors";
import { articleMd, contentTree } from "../helpers/content-fixtures";

const ISSUE = "content/issues/2023-01-03";

describe("content:check", () => {
  it("passes clean content with no warnings", () => {
    const r = checkContent(contentTree());
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("checks content/site.yaml too, naming its line and field", () => {
    const site = readFileSync("content/site.yaml", "utf8");
    expect(checkContent(contentTree({ "content/site.yaml": site })).problems).toEqual([]);
    const r = checkContent(contentTree({ "content/site.yaml": site.replace(/^telephone: .*$/m, "telephone:") }));
    expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(/^content\/site\.yaml:\d+ \[telephone\]/)]);
  });

  it("warns about half-width punctuation in Chinese text, naming the line, but not about YAML syntax", () => {
    const r = checkContent(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd(
          { title: "标题,有逗号", tags: "[甲, 乙]" },
          "第一段。\n\n第二段,有半角逗号。\n",
        ),
      }),
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => [w.line, w.field])).toEqual([
      [2, "title"],
      [10, "body"],
    ]);
    expect(formatProblem(r.warnings[1]!)).toContain("修改方法");
  });

  it("warns about a story without a byline", () => {
    const r = checkContent(contentTree({ [`${ISSUE}/first-story.md`]: articleMd({ bylines: "[]" }) }));
    expect(r.warnings).toEqual([expect.objectContaining({ file: `${ISSUE}/first-story.md`, field: "bylines" })]);
  });

  it("fails on a missing image and a headline used twice in one issue, saying how to fix it", () => {
    const r = checkContent(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd({ title: "同名", image: "{src: lead.jpg, alt: 图}" }),
        [`${ISSUE}/second-story.md`]: articleMd({ title: "同名" }),
      }),
    );
    expect(r.problems.map((p) => p.field).sort()).toEqual(["image.src", "title"]);
    expect(r.problems.every((p) => p.hint)).toBe(true);
    const withImage = checkContent(
      contentTree({
        [`${ISSUE}/first-story.md`]: articleMd({ image: "{src: lead.jpg, alt: 图}" }),
        [`${ISSUE}/lead.jpg`]: "",
      }),
    );
    expect(withImage.problems).toEqual([]);
  });

  it("warns when a headline repeats across issues", () => {
    const r = checkContent(
      contentTree({
        "content/issues/2023-01-10/issue.yaml": "date: 2023-01-10\narticles:\n  - again\n",
        "content/issues/2023-01-10/again.md": articleMd({ title: "第一篇" }),
      }),
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => w.field)).toEqual(["title"]);
  });
});
