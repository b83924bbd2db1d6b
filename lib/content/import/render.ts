// Files from an import: one draft per story, issue.yaml, and the editor's report.

import { Document, isMap, isSeq } from "yaml";
import type { Credit } from "../schemas";
import type { ImportedStory, PrintIssueImport } from "./types";

/**
 * The report's file name, in the issue folder. Not "import-report.md": the
 * content loader reads every .md under content/issues/<date>/ as an article, so a
 * report named .md would make the whole tree fail validation. ".markdown" is
 * still Markdown to editors and Git hosts, and the loader skips it.
 */
export const REPORT_FILE = "import-report.markdown";

export interface RenderedFile {
  /** Relative to the content root, e.g. issues/2023-01-03/foo.md */
  path: string;
  text: string;
}

/** A paragraph that Markdown would read as a heading, list item or quote gets a backslash. */
function markdownSafe(paragraph: string): string {
  return /^(#{1,6}\s|[-+*]\s|>|\d{1,9}[.)]\s|={3,}\s*$|-{3,}\s*$)/u.test(paragraph) ? `\\${paragraph}` : paragraph;
}

export function storyBody(story: ImportedStory): string {
  return story.blocks.map((b) => (b.kind === "subhead" ? `#### ${b.text}` : markdownSafe(b.text))).join("\n\n");
}

/** A credit as editors write it: the plain name when no role was printed. */
const creditYaml = (c: Credit) => (c.role ? { name: c.name, role: c.role } : c.name);

function frontmatter(story: ImportedStory): string {
  const data: Record<string, unknown> = { title: story.title.value };
  if (story.kicker) data.kicker = story.kicker.value;
  if (story.subtitle) data.subtitle = story.subtitle.value;
  if (story.dateline) data.dateline = story.dateline.value;
  data.section = story.section.slug;
  if (story.column?.slug) data.column = story.column.slug;
  data.bylines = story.bylines.map(creditYaml);
  if (story.photoCredits.length) data.photoCredits = story.photoCredits.map(creditYaml);
  if (story.source) data.source = story.source.value;
  data.tags = [];
  data.draft = true;
  const doc = new Document(data);
  for (const key of ["bylines", "photoCredits", "tags"]) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  doc.commentBefore =
    " 草稿：由 npm run import:issue 从版面稿导入。section 是猜的，tags 待补；审核后删掉 draft 一行即可发布。";
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function renderDraft(story: ImportedStory): string {
  return `---\n${frontmatter(story)}---\n\n${storyBody(story)}\n`;
}

/** The page each story ran on: the last page whose header came before its headline; null when one came before every header. */
function pageOfStories(result: PrintIssueImport): number[] | null {
  const pages = result.facts.pages;
  const placed = result.stories.map((s) => pages.findLastIndex((p) => p.line < s.title.line));
  return pages.length && placed.every((i) => i >= 0) ? placed : null;
}

/** The pages as issue.yaml holds them: what the headers printed, and the stories under each when all can be placed. */
function pagesYaml(result: PrintIssueImport, placed: number[] | null) {
  return result.facts.pages.map((p, i) => ({
    ...(p.page === undefined ? {} : { page: /^\d+$/.test(p.page) ? Number(p.page) : p.page }),
    ...(p.name ? { name: p.name } : {}),
    ...(p.staff.length ? { staff: p.staff.map((s) => ({ name: s.name, role: s.role })) } : {}),
    ...(placed ? { articles: result.stories.filter((_, k) => placed[k] === i).map((s) => s.slug) } : {}),
  }));
}

export function renderIssueYaml(result: PrintIssueImport, date: string): string {
  const data: Record<string, unknown> = { date };
  if (result.facts.number) data.number = result.facts.number.value;
  if (result.banner) data.banner = result.banner;
  const placed = pageOfStories(result);
  if (result.facts.pages.length) data.pages = pagesYaml(result, placed);
  // The pages' lists give the print order when every story has its page; otherwise one list does.
  if (!placed) data.articles = result.stories.map((s) => s.slug);
  const doc = new Document(data);
  const staff = doc.get("pages", true);
  if (isSeq(staff))
    for (const page of staff.items) {
      const list = isMap(page) ? page.get("staff", true) : undefined;
      if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
    }
  doc.commentBefore =
    " 由 npm run import:issue 从版面稿导入；各版的 articles（或一个 articles 列表）为印刷顺序，第一篇是头条。\n 导入说明见同一目录下的 " +
    REPORT_FILE;
  return doc.toString({ lineWidth: 0 });
}

/** The drafts and issue.yaml of a new issue folder, paths relative to the content root. */
export function renderDrafts(result: PrintIssueImport, date: string): RenderedFile[] {
  const dir = `issues/${date}`;
  return [
    ...result.stories.map((s) => ({ path: `${dir}/${s.slug}.md`, text: renderDraft(s) })),
    { path: `${dir}/issue.yaml`, text: renderIssueYaml(result, date) },
  ];
}
