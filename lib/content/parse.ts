import { createHash } from "node:crypto";
import { ContentError, type ContentProblem } from "./errors";
import { PIPELINE_VERSION } from "./markdown";
import {
  articleFrontmatterSchema,
  columnsFileSchema,
  issueFileSchema,
  sectionsFileSchema,
  type ArticleFrontmatter,
  type ColumnEntry,
  type IssueFile,
  type IssuePage,
  type PageStoryEntry,
  type SectionEntry,
} from "./schemas";
import { parseLocatedYaml, validateYaml, type LocatedYaml } from "./yaml";
import type { z } from "zod";

/** A file under content/, as text; `path` is relative to the project, e.g. content/sections.yaml. */
export interface ContentFile {
  path: string;
  text: string;
}

export interface IssueSource {
  file: string;
  /** YYYY-MM-DD, the folder's name. */
  slug: string;
  date: string;
  number?: number;
  banner?: string;
  /** The print pages in order, with their files and stories (may be empty). */
  pages: PrintPageSource[];
  articleSlugs: string[];
  hash: string;
}

/** One print page of an issue, as issue.yaml declares it. */
export interface PrintPageSource {
  /** 1-based place in print order: the page's address. */
  position: number;
  /** 版次 as printed; the position when the file gives none. */
  number: string;
  name?: string;
  staff: IssuePage["staff"];
  /** The page's PDF or image, a path under the content root's parent like an article's file. */
  file?: { path: string; kind: "pdf" | "image" };
  /** The stories on it in print order, each with its area (a polygon in fractions of the page) or null. */
  stories: PageStoryEntry[];
}

export interface ArticleSource {
  file: string;
  slug: string;
  issueSlug: string;
  /** 1-based place in the issue's print order. */
  position: number;
  frontmatter: ArticleFrontmatter;
  /** Markdown body after the frontmatter. */
  body: string;
  /** Changes whenever the file, its place in the issue or the pipeline changes. */
  hash: string;
}

export interface ContentSet {
  sections: SectionEntry[];
  columns: ColumnEntry[];
  issues: IssueSource[];
  articles: ArticleSource[];
}

export const SECTIONS_FILE = "sections.yaml";
export const COLUMNS_FILE = "columns.yaml";
export const ISSUE_FILE = "issue.yaml";

const sha256 = (...parts: (string | number)[]) => createHash("sha256").update(parts.join("\0")).digest("hex");

/** An article file's YAML frontmatter and the Markdown after it. */
export interface SplitFrontmatter {
  yaml: string;
  body: string;
}

/** Frontmatter is the YAML between a first line "---" and the next line "---". */
export function splitFrontmatter(text: string): SplitFrontmatter | null {
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!match || match.index !== 0) return null;
  return { yaml: match[1] ?? "", body: text.slice(match[0].length) };
}

/** An article file's frontmatter parsed as YAML (line 2 on), not yet validated. */
export function readFrontmatterYaml(
  file: ContentFile,
): { ok: true; split: SplitFrontmatter; yaml: LocatedYaml } | { ok: false; problems: ContentProblem[] } {
  const split = splitFrontmatter(file.text);
  if (!split) {
    return {
      ok: false,
      problems: [
        {
          file: file.path,
          line: 1,
          field: "frontmatter",
          message: 'must start with a line "---", the frontmatter, and a closing "---"',
          hint: "文件第一行写 ---，接着写 title、section 等字段，再用一行 --- 结束，然后是正文",
        },
      ],
    };
  }
  const parsed = parseLocatedYaml(split.yaml, file.path, 2);
  return parsed.ok ? { ok: true, split, yaml: parsed.yaml } : parsed;
}

/** The files by path, and the problems found so far: what every step of parseContent shares. */
interface Reader {
  byPath: Map<string, string>;
  problems: ContentProblem[];
}

/** A YAML file validated against its schema, with its line lookup; undefined (and problems noted) when it fails. */
function readYamlFile<S extends z.ZodType>(
  reader: Reader,
  path: string,
  schema: S,
): { value: z.infer<S>; lineOf: LocatedYaml["lineOf"] } | undefined {
  const text = reader.byPath.get(path);
  if (text === undefined) {
    reader.problems.push({ file: path, message: "file is missing" });
    return undefined;
  }
  const parsed = parseLocatedYaml(text, path);
  if (!parsed.ok) return void reader.problems.push(...parsed.problems);
  const result = validateYaml(schema, parsed.yaml, path);
  if (!result.ok) return void reader.problems.push(...result.problems);
  return { value: result.value, lineOf: parsed.yaml.lineOf };
}

export interface Declarations {
  sections: SectionEntry[];
  columns: ColumnEntry[];
}

/** sections.yaml (required) and columns.yaml (optional), each slug declared once. */
function readDeclarations(reader: Reader, root: string): Declarations {
  const sectionsPath = `${root}/${SECTIONS_FILE}`;
  const columnsPath = `${root}/${COLUMNS_FILE}`;
  const sections = readYamlFile(reader, sectionsPath, sectionsFileSchema)?.value ?? [];
  const columns = reader.byPath.has(columnsPath)
    ? (readYamlFile(reader, columnsPath, columnsFileSchema)?.value ?? [])
    : [];
  for (const [list, path, what] of [
    [sections, sectionsPath, "section"],
    [columns, columnsPath, "column"],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.slug))
        reader.problems.push({
          file: path,
          field: `[${i}].slug`,
          message: `declares the ${what} "${entry.slug}" twice`,
        });
      seen.add(entry.slug);
    });
  }
  return { sections, columns };
}

/**
 * The declared sections and columns alone, as the importer needs them: the same
 * validation as parseContent, without reading any issue.
 */
export function parseDeclarations(
  files: ContentFile[],
  root = "content",
): { ok: true; value: Declarations } | { ok: false; problems: ContentProblem[] } {
  const reader: Reader = { byPath: new Map(files.map((f) => [f.path, f.text])), problems: [] };
  const value = readDeclarations(reader, root);
  return reader.problems.length ? { ok: false, problems: reader.problems } : { ok: true, value };
}

/** Files under content/issues/, by issue folder; files nested deeper are problems. */
function issueFolders(reader: Reader, files: ContentFile[], issuePrefix: string): [string, ContentFile[]][] {
  const folders = new Map<string, ContentFile[]>();
  for (const f of files) {
    if (!f.path.startsWith(issuePrefix)) continue;
    const rest = f.path.slice(issuePrefix.length).split("/");
    if (rest.length !== 2) {
      reader.problems.push({
        file: f.path,
        message: `content files belong directly in an issue folder, ${issuePrefix}<YYYY-MM-DD>/`,
      });
      continue;
    }
    const folder = rest[0]!;
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }
  return [...folders].sort(([a], [b]) => a.localeCompare(b));
}

/** What the article checks need to know beyond the file itself. */
interface ArticleContext {
  root: string;
  issuePrefix: string;
  folder: string;
  issuePath: string;
  order: string[] | undefined;
  sectionSlugs: Set<string>;
  columnSlugs: Set<string>;
  /** Slug → file, across the whole tree. */
  fileBySlug: Map<string, string>;
  /** Headline → file, within this issue. */
  titlesInFolder: Map<string, string>;
}

/** One article file: frontmatter validated, its body split off; undefined (problems noted) when unusable. */
function readArticleFile(
  reader: Reader,
  file: ContentFile,
): { fm: ArticleFrontmatter; body: string; lineOf: LocatedYaml["lineOf"] } | undefined {
  const read = readFrontmatterYaml(file);
  if (!read.ok) return void reader.problems.push(...read.problems);
  const result = validateYaml(articleFrontmatterSchema, read.yaml, file.path);
  if (!result.ok) return void reader.problems.push(...result.problems);
  const { body } = read.split;
  if (!body.trim()) {
    reader.problems.push({
      file: file.path,
      line: file.text.slice(0, file.text.length - body.length).split("\n").length,
      field: "body",
      message: "the article has no text after its frontmatter",
      hint: "在第二个 --- 之后写正文",
    });
  }
  return { fm: result.value, body, lineOf: read.yaml.lineOf };
}

/** Section and column declared: the references an article makes to the declarations. */
function checkReferences(
  reader: Reader,
  file: ContentFile,
  fm: ArticleFrontmatter,
  lineOf: LocatedYaml["lineOf"],
  ctx: ArticleContext,
) {
  const sectionsPath = `${ctx.root}/${SECTIONS_FILE}`;
  const columnsPath = `${ctx.root}/${COLUMNS_FILE}`;
  const sectionList = [...ctx.sectionSlugs];
  if (!ctx.sectionSlugs.has(fm.section)) {
    reader.problems.push({
      file: file.path,
      line: lineOf(["section"]),
      field: "section",
      message: `unknown section "${fm.section}"; declared in ${sectionsPath}: ${sectionList.join(", ")}`,
      hint: `从 ${sectionList.join("、")} 中选一个，或先在 ${sectionsPath} 中新增版块`,
    });
  }
  if (fm.column && !ctx.columnSlugs.has(fm.column)) {
    reader.problems.push({
      file: file.path,
      line: lineOf(["column"]),
      field: "column",
      message: `unknown column "${fm.column}"; declared in ${columnsPath}: ${[...ctx.columnSlugs].join(", ") || "(none)"}`,
      hint: `从已声明的栏目中选一个，或先在 ${columnsPath} 中新增栏目`,
    });
  }
}

/** One article: validated, checked against the tree, and recorded; undefined when it cannot be. */
function readArticle(reader: Reader, file: ContentFile, ctx: ArticleContext): ArticleSource | undefined {
  const read = readArticleFile(reader, file);
  if (!read) return undefined;
  const { fm, body, lineOf } = read;
  const slug = fm.slug ?? file.path.slice(file.path.lastIndexOf("/") + 1, -".md".length);
  checkReferences(reader, file, fm, lineOf, ctx);
  const other = ctx.fileBySlug.get(slug);
  if (other) {
    reader.problems.push({
      file: file.path,
      line: fm.slug ? lineOf(["slug"]) : 1,
      field: "slug",
      message: `duplicate slug "${slug}": ${other} has it too`,
      hint: "每篇文章的 slug（默认取文件名）必须唯一：改文件名或写一个不同的 slug",
    });
    return undefined;
  }
  if (fm.image && !reader.byPath.has(`${ctx.issuePrefix}${ctx.folder}/${fm.image.src}`)) {
    reader.problems.push({
      file: file.path,
      line: lineOf(["image", "src"]),
      field: "image.src",
      message: `no image ${fm.image.src} in ${ctx.issuePrefix}${ctx.folder}/`,
      hint: "把图片文件放进本期文件夹，或改正文件名",
    });
  }
  const sameTitle = ctx.titlesInFolder.get(fm.title);
  if (sameTitle) {
    reader.problems.push({
      file: file.path,
      line: lineOf(["title"]),
      field: "title",
      message: `duplicate headline "${fm.title}": ${sameTitle} has it too`,
      hint: "同一期里两篇文章不能同名：检查是否重复放入了同一篇稿件",
    });
  }
  ctx.titlesInFolder.set(fm.title, file.path);
  ctx.fileBySlug.set(slug, file.path);
  const position = (ctx.order ?? []).indexOf(slug) + 1;
  if (ctx.order && position === 0) {
    reader.problems.push({
      file: file.path,
      field: "slug",
      message: `"${slug}" is not listed under articles in ${ctx.issuePath} (or under its page's articles); add it where it ran in print order`,
      hint: `在 ${ctx.issuePath} 的 articles 列表（或所在版面的 articles）中按见报顺序加上 - ${slug}`,
    });
  }
  const hash = sha256(PIPELINE_VERSION, ctx.folder, position, file.text);
  return { file: file.path, slug, issueSlug: ctx.folder, position, frontmatter: fm, body, hash };
}

/** issue.yaml of one folder: valid, dated as its folder is named. */
function readIssueFile(reader: Reader, issuePath: string, folder: string) {
  const read = readYamlFile(reader, issuePath, issueFileSchema);
  if (read && read.value.date !== folder) {
    reader.problems.push({
      file: issuePath,
      line: read.lineOf(["date"]),
      field: "date",
      message: `is ${read.value.date} but the issue's folder is named ${folder}; they must agree`,
      hint: `把 date 改成 ${folder}，或把文件夹改名为 ${read.value.date}`,
    });
  }
  return read;
}

/** One issue folder: its issue.yaml and articles, and its article list checked against its files. */
function readIssueFolder(
  reader: Reader,
  folder: string,
  folderFiles: ContentFile[],
  shared: Omit<ArticleContext, "folder" | "issuePath" | "order" | "titlesInFolder">,
): { issue?: IssueSource; articles: ArticleSource[] } {
  const issuePath = `${shared.issuePrefix}${folder}/${ISSUE_FILE}`;
  const read = readIssueFile(reader, issuePath, folder);
  const order = read ? printOrder(read.value) : undefined;
  const ctx: ArticleContext = { ...shared, folder, issuePath, order, titlesInFolder: new Map() };
  const articleFiles = folderFiles.filter((f) => f.path.endsWith(".md"));
  const articles = articleFiles.flatMap((file) => readArticle(reader, file, ctx) ?? []);
  const slugsInFolder = new Set(articles.map((a) => a.slug));
  if (!read) return { articles };
  const { date, number, banner } = read.value;
  const missing = (slug: string) =>
    !slugsInFolder.has(slug) && !articleFiles.some((f) => f.path.endsWith(`/${slug}.md`));
  (read.value.articles ?? []).forEach((slug, i) => {
    if (missing(slug))
      reader.problems.push({
        file: issuePath,
        line: read.lineOf(["articles", i]),
        field: `articles[${i}]`,
        message: `lists "${slug}" but no article in ${shared.issuePrefix}${folder}/ has that slug`,
        hint: `新建 ${shared.issuePrefix}${folder}/${slug}.md，或从列表中删去这一行`,
      });
  });
  const pages = readPages(reader, read, `${shared.issuePrefix}${folder}/`, issuePath, missing);
  const hash = sha256(reader.byPath.get(issuePath) ?? "");
  return {
    issue: { file: issuePath, slug: folder, date, number, banner, pages, articleSlugs: order!, hash },
    articles,
  };
}

/** The issue's print order: its articles list, or else the stories of its pages, page by page. */
function printOrder(issue: IssueFile): string[] {
  return issue.articles ?? issue.pages.flatMap((p) => (p.articles ?? []).map((s) => s.slug));
}

/** The pages of an issue.yaml, each story and file checked against the folder. */
function readPages(
  reader: Reader,
  read: { value: IssueFile; lineOf: LocatedYaml["lineOf"] },
  folderPath: string,
  issuePath: string,
  missing: (slug: string) => boolean,
): PrintPageSource[] {
  return read.value.pages.map((p, i) => {
    (p.articles ?? []).forEach((s, j) => {
      if (missing(s.slug))
        reader.problems.push({
          file: issuePath,
          line: read.lineOf(["pages", i, "articles", j]),
          field: `pages[${i}].articles[${j}]`,
          message: `lists "${s.slug}" but no article in ${folderPath} has that slug`,
          hint: `新建 ${folderPath}${s.slug}.md，或从这一版的列表中删去这一行`,
        });
    });
    const kind = p.pdf ? "pdf" : p.image ? "image" : undefined;
    const name = p.pdf ?? p.image;
    if (kind && name && !reader.byPath.has(folderPath + name))
      reader.problems.push({
        file: issuePath,
        line: read.lineOf(["pages", i, kind]),
        field: `pages[${i}].${kind}`,
        message: `no file ${name} in ${folderPath}`,
        hint: "把版面文件（PDF 或图片）放进本期文件夹，或改正文件名",
      });
    return {
      position: i + 1,
      number: p.page ?? String(i + 1),
      name: p.name,
      staff: p.staff,
      file: kind && name ? { path: folderPath + name, kind } : undefined,
      stories: p.articles ?? [],
    };
  });
}

/** An old slug keeps redirecting only if no article, current or renamed, claims it too. */
function checkOldSlugs(reader: Reader, articles: ArticleSource[]) {
  const claimedBy = new Map(articles.map((a) => [a.slug, a.file]));
  for (const a of articles) {
    a.frontmatter.oldSlugs.forEach((old, i) => {
      const other = claimedBy.get(old);
      if (other)
        reader.problems.push({
          file: a.file,
          field: `oldSlugs[${i}]`,
          message: `"${old}" is already the slug or an old slug of ${other}`,
        });
      else claimedBy.set(old, a.file);
    });
  }
}

/**
 * Turns the files of a content tree into validated records, or throws a
 * ContentError listing every problem found. Pure: text in, records out.
 */
export function parseContent(files: ContentFile[], root = "content"): ContentSet {
  const reader: Reader = { byPath: new Map(files.map((f) => [f.path, f.text])), problems: [] };
  const { sections, columns } = readDeclarations(reader, root);
  const issuePrefix = `${root}/issues/`;
  const shared = {
    root,
    issuePrefix,
    sectionSlugs: new Set(sections.map((s) => s.slug)),
    columnSlugs: new Set(columns.map((c) => c.slug)),
    fileBySlug: new Map<string, string>(),
  };
  const issues: IssueSource[] = [];
  const articles: ArticleSource[] = [];
  for (const [folder, folderFiles] of issueFolders(reader, files, issuePrefix)) {
    const read = readIssueFolder(reader, folder, folderFiles, shared);
    if (read.issue) issues.push(read.issue);
    articles.push(...read.articles);
  }
  checkOldSlugs(reader, articles);
  if (reader.problems.length > 0) throw new ContentError(reader.problems);
  return { sections, columns, issues, articles };
}
