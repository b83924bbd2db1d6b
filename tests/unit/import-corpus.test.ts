// The importer on print pages written in other county papers' conventions
// (tests/fixtures/import-corpus): every sentence in exactly one article, in order;
// every byline with its role; no page furniture in any body; the page headers
// read into the issue file.
import { beforeAll, describe, expect, it } from "vitest";
import { parseContent, type ContentFile } from "@/lib/content/parse";
import { readContentFiles } from "@/lib/content/read";
import {
  corpusPages,
  importPage,
  measurePage,
  readExpected,
  readPage,
  squash,
  type ImportedPage,
  type PageFigures,
} from "../helpers/import-corpus";

let tree: ContentFile[];
let existing: string[];

beforeAll(async () => {
  tree = await readContentFiles("content");
  existing = parseContent(tree).articles.map((a) => a.slug);
});

const figures: PageFigures[] = [];

describe.each(corpusPages())("corpus page %s", (name) => {
  let imp: ImportedPage;
  const expected = readExpected(name);
  beforeAll(() => {
    imp = importPage(readPage(name), tree, existing);
  });

  it("finds the stories with their headline fields and source", () => {
    const got = imp.drafts.map((d) => {
      const f = d.frontmatter;
      return { title: squash(f.title), kicker: f.kicker, subtitle: f.subtitle, dateline: f.dateline, source: f.source };
    });
    const want = expected.stories.map((s) => ({
      title: squash(s.title),
      kicker: s.kicker,
      subtitle: s.subtitle && squash(s.subtitle).replace(/,/g, "，"),
      dateline: s.dateline,
      source: s.source,
    }));
    expect(got.map((g) => ({ ...g, subtitle: g.subtitle && squash(g.subtitle).replace(/,/g, "，") }))).toEqual(want);
  });

  it("puts every sentence in exactly one article, in order, and no furniture in any body", () => {
    const f = measurePage(name, imp);
    figures.push(f);
    expect({ lost: f.lost, duplicated: f.duplicated, misplaced: f.misplaced, furniture: f.furnitureInBodies }).toEqual({
      lost: 0,
      duplicated: 0,
      misplaced: 0,
      furniture: 0,
    });
    expect(f.sentences).toBeGreaterThan(0);
  });

  it("credits every writer and photographer with the role printed", () => {
    for (const story of expected.stories) {
      const fm = imp.drafts.find((d) => squash(d.frontmatter.title) === squash(story.title))!.frontmatter;
      expect({ title: story.title, bylines: fm.bylines, photoCredits: fm.photoCredits }).toEqual({
        title: story.title,
        bylines: story.bylines,
        photoCredits: story.photoCredits,
      });
    }
  });

  it("drops the page furniture, keeps captions apart, and reads the page headers", () => {
    const dropped = imp.result.dropped.map((d) => d.line);
    expect(
      expected.furniture.filter((n) => !dropped.includes(n)),
      "furniture lines not dropped",
    ).toEqual([]);
    const captions = imp.result.stories.flatMap((s) => s.captions.map((c) => c.line));
    expect(captions.sort((a, b) => a - b)).toEqual(expected.stories.flatMap((s) => s.captions).sort((a, b) => a - b));
    expect(imp.result.unplaced.map((u) => u.from)).toEqual(expected.unplaced);
    const issue = imp.set.issues.find((i) => i.articleSlugs.includes(imp.drafts[0]!.slug))!;
    expect(issue.banner).toBe(expected.banner);
    expect(issue.number).toBe(expected.number);
    expect(issue.pages.map(({ number, name, staff }) => ({ page: number, name, staff }))).toEqual(expected.pages);
    // Every story is on the page whose header came before it, and the pages give the print order
    // (unless a story came before every page header: then one articles list does).
    const placed = issue.pages.flatMap((p) => p.stories.map((s) => s.slug));
    if (placed.length) expect(issue.pages.flatMap((p) => p.stories.map((s) => s.slug))).toEqual(issue.articleSlugs);
    expect(imp.result.facts.date?.value).toBe(expected.date);
  });
});

describe("the corpus as a whole", () => {
  it("loses, repeats and misplaces nothing, finds every byline, and leaves no furniture in a body", () => {
    const total = (k: keyof Omit<PageFigures, "page">) => figures.reduce((n, f) => n + f[k], 0);
    console.info(
      [
        "page                       sent lost dup mis bylines photo furn",
        ...figures.map(
          (f) =>
            `${f.page.padEnd(26)} ${String(f.sentences).padStart(4)} ${String(f.lost).padStart(4)} ${String(f.duplicated).padStart(3)} ${String(f.misplaced).padStart(3)} ${`${f.bylinesFound}/${f.bylinesPrinted}${f.bylinesWrong ? `+${f.bylinesWrong}` : ""}`.padStart(7)} ${`${f.photoFound}/${f.photoPrinted}`.padStart(5)} ${String(f.furnitureInBodies).padStart(4)}`,
        ),
      ].join("\n"),
    );
    expect(figures).toHaveLength(corpusPages().length);
    expect(total("lost") + total("duplicated") + total("misplaced") + total("furnitureInBodies")).toBe(0);
    expect(total("bylinesFound")).toBe(total("bylinesPrinted"));
    expect(total("bylinesWrong")).toBe(0);
    expect(total("photoFound")).toBe(total("photoPrinted"));
  });
});
