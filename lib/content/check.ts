import { ContentError, type ContentProblem } from "./errors";
import { parseContent, type ContentFile, type ContentSet } from "./parse";
import { parseSiteInfo, SITE_INFO_FILE } from "./site-info";

export interface CheckResult {
  problems: ContentProblem[];
  /** Likely mistakes that do not stop an ingest. */
  warnings: ContentProblem[];
  content: ContentSet | null;
}

// Half-width punctuation touching Chinese text, as a layout system or an English keyboard leaves it.
const HALF_WIDTH_IN_CHINESE = /(?<=\p{Script=Han})[,;:!?()]|[,;:!?()](?=\p{Script=Han})/u;
const FULL_WIDTH: Record<string, string> = {
  ",": "\uFF0C",
  ";": "\uFF1B",
  ":": "\uFF1A",
  "!": "\uFF01",
  "?": "\uFF1F",
  "(": "\uFF08",
  ")": "\uFF09",
};

/** Warnings for one article file: mixed punctuation, line by line, and a missing byline. */
function articleWarnings(file: ContentFile, content: ContentSet): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const lines = file.text.split("\n");
  const frontmatterEnd = lines.indexOf("---", 1);
  lines.forEach((line, i) => {
    // In frontmatter only the printed text is checked: YAML's own commas and colons are syntax.
    const field = i > frontmatterEnd ? "body" : /^(title|subtitle|kicker|dateline):/.exec(line)?.[1];
    if (!field) return;
    const text = field === "body" ? line : line.slice(field.length + 1);
    const m = HALF_WIDTH_IN_CHINESE.exec(text);
    if (m) {
      warnings.push({
        file: file.path,
        line: i + 1,
        field,
        message: `half-width "${m[0]}" in Chinese text: …${text.slice(Math.max(0, m.index - 8), m.index + 8)}…`,
        hint: `改用全角的“${FULL_WIDTH[m[0]]}”`,
      });
    }
  });
  const article = content.articles.find((a) => a.file === file.path);
  if (article && article.frontmatter.bylines.length === 0 && !article.frontmatter.draft) {
    warnings.push({
      file: file.path,
      field: "bylines",
      message: "the story has no byline",
      hint: "在 bylines 中写上作者，如 bylines: [王磊]；确实无署名的稿件可以忽略此提示",
    });
  }
  return warnings;
}

/** site.yaml's problems: the site reads it at start and will not serve pages with a bad one. */
function siteInfoProblems(files: ContentFile[], root: string): ContentProblem[] {
  const file = files.find((f) => f.path === `${root}/${SITE_INFO_FILE}`);
  if (!file) return [];
  try {
    parseSiteInfo(file.text, file.path);
    return [];
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
}

/** Everything content:check reports: errors that stop an ingest, then warnings. Pure: files in, findings out. */
export function checkContent(files: ContentFile[], root = "content"): CheckResult {
  const siteProblems = siteInfoProblems(files, root);
  let content: ContentSet;
  try {
    content = parseContent(files, root);
  } catch (e) {
    if (e instanceof ContentError) return { problems: [...e.problems, ...siteProblems], warnings: [], content: null };
    throw e;
  }
  if (siteProblems.length > 0) return { problems: siteProblems, warnings: [], content: null };
  const warnings = files
    .filter((f) => f.path.startsWith(`${root}/issues/`) && f.path.endsWith(".md"))
    .flatMap((f) => articleWarnings(f, content));
  // The same headline in different issues is allowed (a recurring feature), but often a copy made by mistake.
  const byTitle = new Map<string, string>();
  for (const a of content.articles) {
    const other = byTitle.get(a.frontmatter.title);
    if (other)
      warnings.push({
        file: a.file,
        field: "title",
        message: `the headline "${a.frontmatter.title}" also heads ${other}`,
        hint: "确认这不是重复放入的稿件",
      });
    else byTitle.set(a.frontmatter.title, a.file);
  }
  return { problems: [], warnings, content };
}
