// The print-page corpus (tests/fixtures/import-corpus): each page's text, what a
// careful editor would make of it, and how the importer's drafts measure against that.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parsePrintIssue, renderDrafts, type PrintIssueImport } from "@/lib/content/import";
import { parseContent, type ArticleSource, type ContentFile, type ContentSet } from "@/lib/content/parse";
import { articleFrontmatterSchema, columnsFileSchema, sectionsFileSchema, type Credit } from "@/lib/content/schemas";

export const CORPUS = "tests/fixtures/import-corpus";
const DATE = "2031-06-01";

// Expected credits are written as editors write them, and read by the same schema.
const credits = articleFrontmatterSchema.shape.bylines;

const expectedSchema = z
  .object({
    date: z.string().optional(),
    number: z.number().optional(),
    banner: z.string().optional(),
    pages: z
      .array(
        z
          .object({
            page: z.string(),
            name: z.string().optional(),
            staff: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Whole source lines that are page furniture or jump markers. */
    furniture: z.array(z.number()),
    stories: z.array(
      z
        .object({
          title: z.string(),
          kicker: z.string().optional(),
          subtitle: z.string().optional(),
          dateline: z.string().optional(),
          source: z.string().optional(),
          bylines: credits,
          photoCredits: credits,
          /** Source lines of the story's text, as ranges "15-19". */
          text: z.array(z.string()),
          captions: z.array(z.number()).default([]),
        })
        .strict(),
    ),
    unplaced: z.array(z.number()).default([]),
  })
  .strict();

export type ExpectedPage = z.infer<typeof expectedSchema>;
export type ExpectedStory = ExpectedPage["stories"][number];

export function corpusPages(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -".txt".length))
    .sort();
}

export const readPage = (name: string) => readFileSync(path.join(CORPUS, `${name}.txt`), "utf8");
export const readExpected = (name: string): ExpectedPage =>
  expectedSchema.parse(parseYaml(readFileSync(path.join(CORPUS, `${name}.yaml`), "utf8")));

export const squash = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
const SENTENCE = /[^。!?]*[。!?]+[”’」』)]*|[^。!?]+$/gu;
const sentencesOf = (text: string) => (squash(text).match(SENTENCE) ?? []).filter(Boolean);
const stripHeadingMark = (line: string) => line.replace(/^#+\s*/, "");
const JUMP = /[(（]\s*(?:下转|上接|紧接|转|接|续)\s*第?\s*[A-Z]?[\d一二三四五六七八九十]{1,3}\s*版\s*[)）]/gu;

function lineNumbers(ranges: string[]): number[] {
  return ranges.flatMap((r) => {
    const [a, b = a] = r.split("-").map(Number);
    return Array.from({ length: b! - a! + 1 }, (_, i) => a! + i);
  });
}

/** The sentences a story should have: its text lines less dateline, credits and jump markers. */
export function expectedSentences(source: string, story: ExpectedStory): string[] {
  const all = source.split(/\r?\n/);
  const names = [...story.bylines, ...story.photoCredits].map((c) => c.name);
  const raw = lineNumbers(story.text)
    .map((n) => all[n - 1]!.trim())
    .filter(Boolean);
  const lines = raw.map((l) => stripHeadingMark(l).replace(JUMP, ""));
  const firstText = raw.findIndex((l) => !l.startsWith("#"));
  if (story.dateline && firstText !== -1 && lines[firstText]!.startsWith(story.dateline))
    lines[firstText] = lines[firstText]!.slice(story.dateline.length).replace(/^\s*[(（][^()（）]*[)）]/u, "");
  const closing = (l: string) =>
    l.replace(/[(（]([^()（）]*)[)）]\s*$/u, (m, inner: string) =>
      names.some((n) => inner.includes(n)) || (story.source && inner.includes(story.source)) ? "" : m,
    );
  return sentencesOf(lines.map(closing).join(""));
}

export interface PageFigures {
  page: string;
  sentences: number;
  lost: number;
  duplicated: number;
  misplaced: number;
  bylinesPrinted: number;
  bylinesFound: number;
  /** Bylines in the drafts that were not printed as bylines. */
  bylinesWrong: number;
  photoPrinted: number;
  photoFound: number;
  furnitureInBodies: number;
}

const sameCredit = (a: Credit, b: Credit) => a.name === b.name && a.role === b.role;

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = x === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = keep;
    }
  }
  return row[b.length]!;
}

export interface ImportedPage {
  result: PrintIssueImport;
  set: ContentSet;
  drafts: ArticleSource[];
}

/** Imports a page beside the real content tree, through the drafts' own validation. */
export function importPage(text: string, tree: ContentFile[], existing: string[]): ImportedPage {
  const sections = sectionsFileSchema.parse(parseYaml(readFileSync("content/sections.yaml", "utf8")));
  const columns = columnsFileSchema.parse(parseYaml(readFileSync("content/columns.yaml", "utf8")));
  const result = parsePrintIssue(text, { sections, columns, existingSlugs: existing });
  const files = renderDrafts(result, DATE).map((f) => ({ path: `content/${f.path}`, text: f.text }));
  const set = parseContent([...tree, ...files]);
  const drafts = set.articles.filter((a) => a.issueSlug === DATE).sort((a, b) => a.position - b.position);
  return { result, set, drafts };
}

const draftFor = (drafts: ArticleSource[], title: string) =>
  drafts.find((d) => squash(d.frontmatter.title) === squash(title));

function sentenceFigures(source: string, expected: ExpectedPage, drafts: ArticleSource[]) {
  const wanted = expected.stories.map((s) => expectedSentences(source, s));
  const got = drafts.map((d) => sentencesOf(d.body.split("\n").map(stripHeadingMark).join("")));
  const e = count(wanted.flat());
  const a = count(got.flat());
  let lost = 0;
  let duplicated = 0;
  for (const [s, n] of e) lost += Math.max(0, n - (a.get(s) ?? 0));
  for (const [s, n] of a) duplicated += Math.max(0, n - (e.get(s) ?? 0));
  let misplaced = 0;
  expected.stories.forEach((story, i) => {
    const d = draftFor(drafts, story.title);
    const mine = d ? got[drafts.indexOf(d)]! : [];
    const here = count(mine);
    const present = wanted[i]!.filter((s) => a.has(s));
    const inPlace = present.filter((s) => (here.get(s) ?? 0) > 0);
    misplaced += present.length - inPlace.length + (inPlace.length - lcs(wanted[i]!, mine));
  });
  return { sentences: wanted.flat().length, lost, duplicated, misplaced };
}

function creditFigures(expected: ExpectedPage, drafts: ArticleSource[]) {
  const f = { bylinesPrinted: 0, bylinesFound: 0, bylinesWrong: 0, photoPrinted: 0, photoFound: 0 };
  for (const story of expected.stories) {
    const fm = draftFor(drafts, story.title)?.frontmatter;
    f.bylinesPrinted += story.bylines.length;
    f.bylinesFound += story.bylines.filter((c) => fm?.bylines.some((x) => sameCredit(x, c))).length;
    f.bylinesWrong += (fm?.bylines ?? []).filter((x) => !story.bylines.some((c) => sameCredit(x, c))).length;
    f.photoPrinted += story.photoCredits.length;
    f.photoFound += story.photoCredits.filter((c) => fm?.photoCredits.some((x) => sameCredit(x, c))).length;
  }
  return f;
}

/** Furniture lines whose words reached a body, or that were neither dropped nor kept out of a story's text. */
function furnitureInBodies(source: string, expected: ExpectedPage, imp: ImportedPage): number {
  const all = source.split(/\r?\n/);
  const bodies = imp.drafts.map((d) => squash(d.body));
  const dropped = new Set(imp.result.dropped.map((d) => d.line));
  const inBlock = (n: number) => imp.result.stories.some((s) => s.blocks.some((b) => b.from <= n && n <= b.to));
  return expected.furniture.filter((n) => {
    const words = squash(stripHeadingMark(all[n - 1]!));
    const wordy = /\p{Script=Han}{2}/u.test(words);
    return (wordy && bodies.some((b) => b.includes(words))) || (!dropped.has(n) && inBlock(n));
  }).length;
}

export function measurePage(name: string, imp: ImportedPage): PageFigures {
  const source = readPage(name);
  const expected = readExpected(name);
  return {
    page: name,
    ...sentenceFigures(source, expected, imp.drafts),
    ...creditFigures(expected, imp.drafts),
    furnitureInBodies: furnitureInBodies(source, expected, imp),
  };
}
