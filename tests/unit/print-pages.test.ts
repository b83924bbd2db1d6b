import { describe, expect, it } from "vitest";
import { areasOverlap } from "@/lib/content/areas";
import { formatProblem } from "@/lib/content/errors";
import { parseContent } from "@/lib/content/parse";
import { contentTree, problemsOf } from "../helpers/content-fixtures";

const ISSUE = "content/issues/2023-01-03";
const ISSUE_FILE = `${ISSUE}/issue.yaml`;

/** issue.yaml with two pages; `page1` and `page2` are the YAML of each page's fields. */
const pagesYaml = (page1: string, page2: string) =>
  `date: 2023-01-03\npages:\n  - page: 1\n    name: 要闻\n${page1}  - page: 2\n    name: 综合\n${page2}`;

const GOOD_P1 = `    staff: [{ name: 刘芳, role: 责任编辑 }, { name: 陈刚, role: 版式 }]
    pdf: page-01.pdf
    articles:
      - slug: first-story
        area: { x: 0.05, y: 0.1, width: 0.9, height: 0.4 }
`;
const GOOD_P2 = `    articles:
      - slug: second-story
        polygon: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.5], [0.5, 0.9], [0.1, 0.9]]
`;

function tree(issue: string, extra: Record<string, string> = {}) {
  return contentTree({ [ISSUE_FILE]: issue, [`${ISSUE}/page-01.pdf`]: "", ...extra });
}

describe("print pages in issue.yaml", () => {
  it("reads pages in print order with their editors, files, stories and areas as polygons", () => {
    const issue = parseContent(tree(pagesYaml(GOOD_P1, GOOD_P2))).issues[0]!;
    expect(issue.articleSlugs).toEqual(["first-story", "second-story"]);
    expect(issue.pages.map((p) => [p.position, p.number, p.name, p.file?.kind ?? null])).toEqual([
      [1, "1", "要闻", "pdf"],
      [2, "2", "综合", null],
    ]);
    expect(issue.pages[0]!.staff).toEqual([
      { name: "刘芳", role: "责任编辑" },
      { name: "陈刚", role: "版式" },
    ]);
    expect(issue.pages[0]!.file!.path).toBe(`${ISSUE}/page-01.pdf`);
    expect(issue.pages[0]!.stories[0]!.area).toEqual([
      [0.05, 0.1],
      [0.95, 0.1],
      [0.95, 0.5],
      [0.05, 0.5],
    ]);
    expect(issue.pages[1]!.stories[0]!.area).toHaveLength(5);
  });

  it("takes a plain slug for a story without an area, and numbers unnumbered pages by position", () => {
    const yaml = `date: 2023-01-03\npages:\n  - articles: [first-story]\n  - articles: [second-story]\n`;
    const issue = parseContent(contentTree({ [ISSUE_FILE]: yaml })).issues[0]!;
    expect(issue.pages.map((p) => [p.number, p.stories])).toEqual([
      ["1", [{ slug: "first-story", area: null }]],
      ["2", [{ slug: "second-story", area: null }]],
    ]);
  });

  it("names file, line and field for an article on two pages", () => {
    const problems = problemsOf(tree(pagesYaml(GOOD_P1, `    articles: [second-story, first-story]\n`)));
    expect(problems.map(formatProblem)).toContain(
      `${ISSUE_FILE}:12 [pages[1].articles[1]]: "first-story" is on two pages: pages[0] lists it too`,
    );
  });

  it("names a page's missing article and missing file", () => {
    const p1 = GOOD_P1.replace("page-01.pdf", "page-09.pdf");
    const problems = problemsOf(tree(pagesYaml(p1, `    articles: [second-story, no-such-story]\n`)));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: ISSUE_FILE,
        line: 6,
        field: "pages[0].pdf",
        message: `no file page-09.pdf in ${ISSUE}/`,
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: ISSUE_FILE, line: 12, field: "pages[1].articles[1]" }),
    );
  });

  it("refuses an area outside the page", () => {
    const p1 = GOOD_P1.replace("width: 0.9", "width: 0.96");
    const p2 = GOOD_P2.replace("[0.5, 0.9]", "[0.5, 1.2]");
    const problems = problemsOf(tree(pagesYaml(p1, p2)));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 9,
        field: "pages[0].articles[0].area.width",
        message: expect.stringMatching(/right edge/),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: "pages[1].articles[0].polygon[3][1]",
        message: expect.stringMatching(/between 0 and 1/),
      }),
    );
  });

  it("refuses overlapping areas on a page, and takes areas that only touch", () => {
    const touching = `    articles:
      - slug: first-story
        area: { x: 0, y: 0, width: 0.5, height: 1 }
      - slug: second-story
        area: { x: 0.5, y: 0, width: 0.5, height: 1 }
  - page: 2
    articles: []
`;
    const yaml = `date: 2023-01-03\npages:\n  - page: 1\n${touching}`;
    expect(() => parseContent(contentTree({ [ISSUE_FILE]: yaml }))).not.toThrow();
    const problems = problemsOf(contentTree({ [ISSUE_FILE]: yaml.replace("x: 0.5", "x: 0.4") }));
    expect(problems.map(formatProblem)).toEqual([
      `${ISSUE_FILE}:7 [pages[0].articles[1]]: its area overlaps the area of "first-story" (areas on a page must not overlap)`,
    ]);
  });

  it("refuses the print order given twice, and a page that lists no articles while others do", () => {
    const yaml = `${pagesYaml(GOOD_P1, "")}articles: [first-story, second-story]\n`;
    const problems = problemsOf(tree(yaml));
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(["articles", "pages[1]"]));
  });

  it("refuses an article of the folder that is on no page", () => {
    const problems = problemsOf(tree(pagesYaml(GOOD_P1, "    articles: []\n")));
    expect(problems).toContainEqual(expect.objectContaining({ file: `${ISSUE}/second-story.md`, field: "slug" }));
  });

  it("refuses a page given both a pdf and an image, and a page number declared twice", () => {
    const p2 = `    pdf: page-01.pdf\n    image: page-02.jpg\n    articles: [second-story]\n`;
    const problems = problemsOf(tree(pagesYaml(GOOD_P1, p2).replace("page: 2", "page: 1")));
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(["pages[1].image", "pages[1].page"]));
  });
});

describe("areasOverlap", () => {
  const rect = (x: number, y: number, w: number, h: number) =>
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ] as [number, number][];
  it("tells overlapping, nested, identical, touching and apart areas", () => {
    expect(areasOverlap(rect(0, 0, 0.5, 0.5), rect(0.4, 0.4, 0.5, 0.5))).toBe(true);
    expect(areasOverlap(rect(0, 0, 1, 1), rect(0.2, 0.2, 0.1, 0.1))).toBe(true);
    expect(areasOverlap(rect(0.1, 0.1, 0.2, 0.2), rect(0.1, 0.1, 0.2, 0.2))).toBe(true);
    // A cross: neither has a corner inside the other, but their outlines cross.
    expect(areasOverlap(rect(0.4, 0, 0.2, 1), rect(0, 0.4, 1, 0.2))).toBe(true);
    expect(areasOverlap(rect(0, 0, 0.5, 1), rect(0.5, 0, 0.5, 1))).toBe(false);
    expect(areasOverlap(rect(0, 0, 0.2, 0.2), rect(0.5, 0.5, 0.2, 0.2))).toBe(false);
    // An L-shaped story around a square one.
    const l: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [0, 1],
    ];
    expect(areasOverlap(l, rect(0.5, 0.5, 0.5, 0.5))).toBe(false);
    expect(areasOverlap(l, rect(0.4, 0.5, 0.5, 0.5))).toBe(true);
  });
});
